#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace huike {

// Text from outside (a CSV saved by Excel, say) arrives as UTF-8 with or without a BOM, or as
// GBK/GB18030. Detects which and decodes; never guesses silently: the encoding is reported.
struct DecodedText {
    QString text;
    QString encoding; // "UTF-8", "UTF-8 BOM" or "GB18030"
};
Result<DecodedText> decodeExternalText(const QByteArray &bytes);
QByteArray encodeGb18030(const QString &text); // for devices and exports that want GB18030

// RFC 4180 CSV (quotes, doubled quotes, CR LF or LF, embedded newlines). Hostile input gives an
// error with a line number, never a crash; rows and fields are bounded.
struct CsvTable {
    QList<QStringList> rows; // first row is the header when the caller says so
    QList<int> lineNumbers;  // the 1-based source line each row started on
};
struct CsvLimits {
    qsizetype maxRows = 2'000'000;
    qsizetype maxFields = 256;
    qsizetype maxFieldChars = 4096;
};
Result<CsvTable> parseCsv(const QString &text, const CsvLimits &limits = {});

// One CSV line, ready for Excel: fields quoted where needed, and cells that Excel would run as a
// formula (= + - @ and tab/CR at the start) neutralised with a leading apostrophe.
QString csvLine(const QStringList &fields);
// The bytes of a whole export: UTF-8 with BOM, CR LF line ends, as Excel expects.
QByteArray csvFile(const QList<QStringList> &rows);

} // namespace huike
