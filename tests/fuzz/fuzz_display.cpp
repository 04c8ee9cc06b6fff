// Fuzz target: the customer display's side (its simulator's decoder, reading what comes down the
// line, garbage included), LED and VFD. Invariants: bytes fed in any pieces give exactly the states
// of feeding them at once; a state is never longer than the display; nothing crashes or hangs.

#include "display/customerdisplay.h"
#include "fuzzcheck.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 1 << 16)
        return 0;
    const huike::DisplayKind kind = data[0] & 1 ? huike::DisplayKind::Vfd : huike::DisplayKind::Led;
    const std::size_t piece = 1 + data[1] % 32;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 2), static_cast<qsizetype>(size - 2));
    huike::CustomerDisplayDecoder whole(kind);
    const QList<huike::DisplayState> once = whole.feed(bytes);
    huike::CustomerDisplayDecoder pieces(kind);
    QList<huike::DisplayState> parts;
    for (qsizetype at = 0; at < bytes.size(); at += static_cast<qsizetype>(piece))
        parts += pieces.feed(bytes.mid(at, static_cast<qsizetype>(piece)));
    require(parts == once);
    for (const huike::DisplayState &s : once)
        require(s.number.size() <= 16 && s.line1.size() <= 20 && s.line2.size() <= 20);
    return 0;
}
