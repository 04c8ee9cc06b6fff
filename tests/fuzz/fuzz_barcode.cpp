// Fuzz target: whatever a scanner (or a person at the keyboard) sends as a code.
// Invariants: no crash; Invalid always says why; anything accepted is printable ASCII of at most
// 48 characters; a scale label is a valid EAN-13 in the in-store range with the format's PLU.

#include "catalog/barcode.h"
#include "fuzzcheck.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 4096)
        return 0;
    // The first two bytes pick the scale label format and how the bytes become text.
    huike::ScaleLabelFormat format;
    format.pluDigits = data[0] % 11;
    format.valueDigits = 10 - format.pluDigits + (data[0] / 11 % 3) - 1; // sometimes a format that cannot fit
    format.weightFlags = QString::fromLatin1(QByteArray(1, static_cast<char>('0' + data[1] % 10)));
    const char *rest = reinterpret_cast<const char *>(data + 2);
    const qsizetype n = static_cast<qsizetype>(size - 2);
    QString raw;
    switch (data[1] / 10 % 3) {
    case 0:
        raw = QString::fromUtf8(rest, n);
        break;
    case 1:
        raw = QString::fromLatin1(rest, n);
        break;
    default:
        raw = QString::fromUtf16(reinterpret_cast<const char16_t *>(rest), n / 2);
        break;
    }

    const huike::ScannedCode c = huike::parseScannedCode(raw, format);
    using Kind = huike::ScannedCode::Kind;
    if (c.kind == Kind::Invalid) {
        require(!c.problem.isEmpty());
        return 0;
    }
    require(!c.code.isEmpty() && c.code.size() <= 48);
    bool digits = true;
    for (QChar ch : c.code) {
        require(ch.unicode() >= 0x21 && ch.unicode() <= 0x7E);
        digits = digits && ch.unicode() >= '0' && ch.unicode() <= '9';
    }
    if (digits && c.code.size() == 13)
        require(huike::ean13CheckOk(c.code));
    if (digits && c.code.size() == 8)
        require(huike::ean8CheckOk(c.code));
    if (c.kind == Kind::PriceEmbedded || c.kind == Kind::WeightEmbedded) {
        require(c.code.size() == 13 && c.code.at(0) == QLatin1Char('2') && huike::ean13CheckOk(c.code));
        require(c.plu.size() == format.pluDigits);
        require(!c.amount.isNegative() && c.weightGrams >= 0);
        require((c.kind == Kind::WeightEmbedded) == format.weightFlags.contains(c.code.at(1)));
    }
    // The check digit helpers never crash on any text either.
    (void)huike::ean13CheckOk(raw);
    (void)huike::ean8CheckOk(raw);
    if (raw.size() >= 12)
        (void)huike::ean13CheckDigit(QStringView(raw).left(12));
    return 0;
}
