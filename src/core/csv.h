#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace huike {

// Text from outside (a CSV saved by Excel, say) arrives as UTF-8 with or without a BOM, or as
// GBK/GB18030. Auto decides on the whole file: a BOM, then bytes that are not UTF-8, then - for
// bytes valid both ways - which reading holds fewer characters no shop list would hold. Never
// silent: the encoding used is reported, and the caller can force one.
enum class TextEncoding { Auto, Utf8, Gb18030 };
struct DecodedText {
    QString text;
    QString encoding; // "UTF-8", "UTF-8 BOM" or "GB18030"
};
Result<DecodedText> decodeExternalText(const QByteArray &bytes, TextEncoding encoding = TextEncoding::Auto);
// "auto", "utf-8"/"utf8", "gbk"/"gb18030"/"gb2312" (any case); nullopt for anything else.
std::optional<TextEncoding> parseTextEncoding(const QString &name);
QByteArray encodeGb18030(const QString &text); // for devices and exports that want GB18030

// RFC 4180 CSV (quotes, doubled quotes, CR LF or LF, embedded newlines). Hostile input never
// crashes; rows and fields are bounded. A malformed row (a stray quote, too many columns, a field
// too long) is left out and named in `problems` with its line; the rows around it are read. Only
// a file with more rows than the limit is refused whole.
struct CsvTable {
    QList<QStringList> rows; // first row is the header when the caller says so
    QList<int> lineNumbers;  // the 1-based source line each row started on
    QStringList problems;    // "Line N: why", one for each row left out, in file order
    QList<int> problemLines; // N of each problem
};
struct CsvLimits {
    qsizetype maxRows = 2'000'000;
    qsizetype maxFields = 256;
    qsizetype maxFieldChars = 4096;
};
Result<CsvTable> parseCsv(const QString &text, const CsvLimits &limits = {});

// A CSV file from outside as importers read it: decoded (decodeExternalText; the encoding used
// goes to *encodingUsed once known), parsed, and refused when it holds no row at all.
Result<CsvTable> readExternalCsv(const QByteArray &bytes, TextEncoding encoding, QString *encodingUsed);

// One CSV line, ready for Excel: fields quoted where needed, and cells that Excel would run as a
// formula (= + - @ and tab/CR at the start) neutralised with a leading apostrophe.
QString csvLine(const QStringList &fields);
// The bytes of a whole export: UTF-8 with BOM, CR LF line ends, as Excel expects.
QByteArray csvFile(const QList<QStringList> &rows);

} // namespace huike
