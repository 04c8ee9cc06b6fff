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
    // With CsvLimits::moreToCome: how much of the text was read (the rest begins a row that the
    // next piece finishes) and the line that rest starts on.
    qsizetype consumed = 0;
    int nextLine = 1;
};
struct CsvLimits {
    qsizetype maxRows = 2'000'000;
    qsizetype maxFields = 256;
    qsizetype maxFieldChars = 4096;
    // A big file read a piece at a time: the line this piece starts on, and whether more of the
    // file follows it. Then a row the piece does not finish (a line break inside quotes, or no
    // line break yet) is not read: `consumed` says where the next piece picks up.
    int firstLine = 1;
    bool moreToCome = false;
};
Result<CsvTable> parseCsv(const QString &text, const CsvLimits &limits = {});

// A CSV file from outside as importers read it: decoded (decodeExternalText; the encoding used
// goes to *encodingUsed once known), parsed, and refused when it holds no row at all.
Result<CsvTable> readExternalCsv(const QByteArray &bytes, TextEncoding encoding, QString *encodingUsed);

// A CSV file too big to hold, read a piece at a time: each feed() gives the rows that the bytes so
// far complete, exactly as parseCsv would read them in the whole file (same rows, line numbers
// and problems: tests/fuzz/fuzz_history.cpp holds it to that), and keeps the unfinished row for
// the next. The encoding is decided by the first piece that is not plain ASCII (or forced).
class CsvPieceReader {
public:
    explicit CsvPieceReader(TextEncoding encoding = TextEncoding::Auto, CsvLimits limits = {});
    // `more` bytes of the file; `last`: the file ends with them. A table with no rows is usual
    // while a long row is still coming.
    Result<CsvTable> feed(const QByteArray &more, bool last);
    QString encoding() const;           // "UTF-8", "UTF-8 BOM" or "GB18030"; "UTF-8" while all ASCII
    int line() const { return m_line; } // where the unread rest starts
    qsizetype held() const { return m_bytes.size() + m_text.size(); } // what waits for a line break

private:
    std::optional<TextEncoding> m_decided;
    QString m_encodingName;
    CsvLimits m_limits;
    QByteArray m_bytes; // read, not yet decoded: they end inside a line
    QString m_text;     // decoded, not yet parsed: a row not yet finished
    int m_line;
    bool m_first = true;
};

// One CSV line, ready for Excel: fields quoted where needed, and cells that Excel would run as a
// formula (= + - @ and tab/CR at the start) neutralised with a leading apostrophe.
QString csvLine(const QStringList &fields);
// The bytes of a whole export: UTF-8 with BOM, CR LF line ends, as Excel expects.
QByteArray csvFile(const QList<QStringList> &rows);

} // namespace huike
