// Fuzz target: the caller-ID codec (what a box or modem sends, garbage included) in each form.
// Invariants: bytes fed in any pieces give exactly the calls of feeding them at once; a call has a
// number or says it is withheld; nothing crashes, hangs or grows without bound.

#include "callerid/callerid.h"
#include "fuzzcheck.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 1 << 16)
        return 0;
    huike::CallerIdConfig config;
    config.form = static_cast<huike::CallerIdConfig::Form>(data[0] % 4);
    const std::size_t piece = 1 + data[1] % 32;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 2), static_cast<qsizetype>(size - 2));

    huike::CallerIdDecoder whole(config);
    QList<huike::IncomingCall> once = whole.feed(bytes);
    once += whole.flush();
    huike::CallerIdDecoder pieces(config);
    QList<huike::IncomingCall> parts;
    for (qsizetype at = 0; at < bytes.size(); at += static_cast<qsizetype>(piece))
        parts += pieces.feed(bytes.mid(at, static_cast<qsizetype>(piece)));
    parts += pieces.flush();
    require(parts == once);
    for (const huike::IncomingCall &c : once) {
        require(c.number.isEmpty() == (c.withheld != huike::IncomingCall::Withheld::No));
        require(c.number.size() <= 24 && c.name.size() <= huike::CallerIdDecoder::kMaxLine);
    }
    return 0;
}
