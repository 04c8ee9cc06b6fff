// Fuzz target: the card reader codec (what comes down a reader's serial line, garbage and noise
// included) in each framing, with and without LRC. Invariants: bytes fed in any pieces give exactly
// the cards of feeding them at once; no card is longer than a message may be; nothing crashes,
// hangs or grows without bound.

#include "cardreader/cardreader.h"
#include "fuzzcheck.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 1 << 16)
        return 0;
    huike::CardReaderConfig config;
    config.framing = static_cast<huike::CardReaderConfig::Framing>(data[0] % 4);
    config.trackLrc = (data[0] & 0x10) != 0;
    const std::size_t piece = 1 + data[1] % 32;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 2), static_cast<qsizetype>(size - 2));

    huike::CardReaderDecoder whole(config);
    QList<huike::CardSwipe> once = whole.feed(bytes);
    once += whole.flush();
    huike::CardReaderDecoder pieces(config);
    QList<huike::CardSwipe> parts;
    for (qsizetype at = 0; at < bytes.size(); at += static_cast<qsizetype>(piece))
        parts += pieces.feed(bytes.mid(at, static_cast<qsizetype>(piece)));
    parts += pieces.flush();
    require(parts == once);
    require(whole.rejected() == pieces.rejected());
    for (const huike::CardSwipe &s : once) {
        require(!s.card.isEmpty());
        require(s.card.size() <= huike::CardReaderDecoder::kMaxMessage);
    }
    return 0;
}
