#pragma once

#include "core/money.h"

#include <QString>
#include <QStringView>
#include <optional>

namespace huike {

// What a scanned code says, before any database look-up. Pure: bytes from a scanner are hostile.
struct ScannedCode {
    enum class Kind {
        Invalid,        // empty, too long, non-printable, or an EAN/UPC with a wrong check digit
        Plain,          // look up as it is (EAN-13/8, UPC-A, internal codes, Code 128 text)
        PriceEmbedded,  // a scale label: PLU + amount in fen
        WeightEmbedded, // a scale label: PLU + weight in grams
    };
    Kind kind = Kind::Invalid;
    QString code;           // the normalised code (trimmed)
    QString plu;            // for scale labels: the product's PLU on the scale
    Money amount;           // PriceEmbedded
    qint64 weightGrams = 0; // WeightEmbedded
    QString problem;        // for Invalid: why, translated
};

// How the shop's scale prints labels: EAN-13 "2F PPPPP VVVVV C" (flag, PLU, value, check).
struct ScaleLabelFormat {
    int pluDigits = 5;
    int valueDigits = 5;
    QString weightFlags = QStringLiteral("2"); // second digits that mean "value is grams"; others are fen
};

bool ean13CheckOk(QStringView digits);
QChar ean13CheckDigit(QStringView first12);
bool ean8CheckOk(QStringView digits);

ScannedCode parseScannedCode(QStringView raw, const ScaleLabelFormat &format = {});

} // namespace huike
