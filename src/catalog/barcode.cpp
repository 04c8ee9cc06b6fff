#include "barcode.h"

#include <QCoreApplication>

namespace huike {

namespace {

bool allDigits(QStringView s)
{
    for (QChar c : s)
        if (c.unicode() < '0' || c.unicode() > '9')
            return false;
    return !s.isEmpty();
}

int gs1Sum(QStringView body)
{
    // GS1: from the right, weights 3,1,3,1...
    int sum = 0;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const int d = body.at(body.size() - 1 - i).unicode() - '0';
        sum += (i % 2 == 0) ? d * 3 : d;
    }
    return sum;
}
} // namespace

QChar ean13CheckDigit(QStringView first12)
{
    return QChar('0' + (10 - gs1Sum(first12) % 10) % 10);
}

bool ean13CheckOk(QStringView digits)
{
    return digits.size() == 13 && allDigits(digits) && ean13CheckDigit(digits.left(12)) == digits.at(12);
}

bool ean8CheckOk(QStringView digits)
{
    return digits.size() == 8 && allDigits(digits) &&
           QChar('0' + (10 - gs1Sum(digits.left(7)) % 10) % 10) == digits.at(7);
}

ScannedCode parseScannedCode(QStringView raw, const ScaleLabelFormat &format)
{
    ScannedCode r;
    const QString code = raw.trimmed().toString();
    r.code = code;
    if (code.isEmpty()) {
        r.problem = QCoreApplication::translate("Barcode", "Empty code.");
        return r;
    }
    if (code.size() > 48) {
        r.problem =
            QCoreApplication::translate("Barcode", "The code is too long (%1 characters).").arg(code.size());
        return r;
    }
    for (QChar c : code) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7E) {
            r.problem =
                QCoreApplication::translate("Barcode", "The code holds characters a barcode cannot have.");
            return r;
        }
    }
    if (allDigits(code)) {
        if (code.size() == 13 && !ean13CheckOk(code)) {
            r.problem =
                QCoreApplication::translate("Barcode", "EAN-13 %1 has a wrong check digit: scan it again.")
                    .arg(code);
            return r;
        }
        if (code.size() == 8 && !ean8CheckOk(code)) {
            r.problem =
                QCoreApplication::translate("Barcode", "EAN-8 %1 has a wrong check digit: scan it again.")
                    .arg(code);
            return r;
        }
        if (code.size() == 12 && !ean13CheckOk(QLatin1Char('0') + code)) {
            r.problem =
                QCoreApplication::translate("Barcode", "UPC-A %1 has a wrong check digit: scan it again.")
                    .arg(code);
            return r;
        }
        // EAN-13 starting with 2 is the in-store range: scale labels carry PLU and amount/weight.
        if (code.size() == 13 && code.at(0) == QLatin1Char('2') &&
            2 + format.pluDigits + format.valueDigits + 1 == 13) {
            r.plu = code.mid(2, format.pluDigits);
            const qint64 value = code.mid(2 + format.pluDigits, format.valueDigits).toLongLong();
            if (format.weightFlags.contains(code.at(1))) {
                r.kind = ScannedCode::Kind::WeightEmbedded;
                r.weightGrams = value;
            } else {
                r.kind = ScannedCode::Kind::PriceEmbedded;
                r.amount = Money::fromFen(value);
            }
            return r;
        }
    }
    r.kind = ScannedCode::Kind::Plain;
    return r;
}

} // namespace huike
