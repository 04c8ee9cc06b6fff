// Fuzz target: the ESC/POS decoder (the printer simulator's side, reading what comes down a serial
// line, garbage included) and the printer's status answers. Invariants: bytes fed in any pieces
// give exactly the events of feeding them at once (a command split across two reads is still one
// command); nothing crashes, hangs or allocates without bound.

#include "fuzzcheck.h"
#include "printer/escpos.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4 || size > 1 << 16)
        return 0;
    (void)huike::decodeEscPosStatus(data[0], data[1], data[2]);
    const std::size_t piece = 1 + data[3] % 64;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 4), static_cast<qsizetype>(size - 4));

    huike::EscPosDecoder whole;
    const QList<huike::EscPosEvent> once = whole.feed(bytes);
    huike::EscPosDecoder pieces;
    QList<huike::EscPosEvent> parts;
    for (qsizetype at = 0; at < bytes.size(); at += static_cast<qsizetype>(piece))
        parts += pieces.feed(bytes.mid(at, static_cast<qsizetype>(piece)));
    require(parts == once);
    for (const huike::EscPosEvent &e : once)
        require(e.text.size() <= 8192);
    return 0;
}
