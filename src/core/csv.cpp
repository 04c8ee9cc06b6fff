#include "csv.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <cerrno>
#include <iconv.h>

namespace huike {

namespace {

// glibc's iconv is always there; Qt 6.4's own converters know no GB18030.
Result<QByteArray> iconvConvert(const char *to, const char *from, const QByteArray &in)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == reinterpret_cast<iconv_t>(-1))
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Csv", "This system cannot convert GB18030 text."));
    QByteArray out;
    out.resize(in.size() * 2 + 16);
    char *inPtr = const_cast<char *>(in.constData());
    size_t inLeft = static_cast<size_t>(in.size());
    char *outPtr = out.data();
    size_t outLeft = static_cast<size_t>(out.size());
    while (inLeft > 0) {
        const size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
        if (rc == static_cast<size_t>(-1)) {
            if (errno == E2BIG) {
                const qsizetype used = outPtr - out.data();
                out.resize(out.size() * 2);
                outPtr = out.data() + used;
                outLeft = static_cast<size_t>(out.size() - used);
                continue;
            }
            iconv_close(cd);
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate(
                    "Csv", "The file is neither UTF-8 nor GBK/GB18030 text (bad byte at offset %1).")
                    .arg(inPtr - in.constData()));
        }
    }
    iconv_close(cd);
    out.resize(outPtr - out.data());
    return out;
}

} // namespace

Result<DecodedText> decodeExternalText(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString s = dec.decode(bytes.mid(3));
        if (dec.hasError())
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate("Csv", "The file starts like UTF-8 but holds invalid bytes."));
        return DecodedText{s, QStringLiteral("UTF-8 BOM")};
    }
    {
        QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString s = dec.decode(bytes);
        if (!dec.hasError())
            return DecodedText{s, QStringLiteral("UTF-8")};
    }
    auto utf8 = iconvConvert("UTF-8", "GB18030", bytes);
    if (!utf8)
        return utf8.error();
    return DecodedText{QString::fromUtf8(*utf8), QStringLiteral("GB18030")};
}

QByteArray encodeGb18030(const QString &text)
{
    auto r = iconvConvert("GB18030", "UTF-8", text.toUtf8());
    return r ? *r : QByteArray();
}

Result<CsvTable> parseCsv(const QString &text, const CsvLimits &limits)
{
    CsvTable table;
    QStringList row;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    bool rowHasContent = false;
    int line = 1;
    int rowStartLine = 1;
    const qsizetype n = text.size();

    auto endField = [&]() -> bool {
        if (row.size() >= limits.maxFields)
            return false;
        row.append(fieldWasQuoted ? field : field.trimmed());
        field.clear();
        fieldWasQuoted = false;
        return true;
    };
    auto endRow = [&]() -> bool {
        // Blank lines (Excel leaves some at the end) are not rows.
        if (rowHasContent) {
            if (table.rows.size() >= limits.maxRows)
                return false;
            table.rows.append(row);
            table.lineNumbers.append(rowStartLine);
        }
        row.clear();
        rowHasContent = false;
        return true;
    };

    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field.append(c);
            }
        } else if (c == QLatin1Char('"')) {
            if (!field.trimmed().isEmpty())
                return makeError(
                    ErrorCode::Invalid,
                    QCoreApplication::translate("Csv", "Line %1: a quote in the middle of an unquoted field.")
                        .arg(line));
            field.clear();
            inQuotes = true;
            fieldWasQuoted = true;
            rowHasContent = true;
        } else if (c == QLatin1Char(',')) {
            rowHasContent = true;
            if (!endField())
                return makeError(ErrorCode::Invalid,
                                 QCoreApplication::translate("Csv", "Line %1: too many columns.").arg(line));
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (rowHasContent || !field.trimmed().isEmpty()) {
                rowHasContent = true;
                if (!endField())
                    return makeError(
                        ErrorCode::Invalid,
                        QCoreApplication::translate("Csv", "Line %1: too many columns.").arg(line));
            }
            if (!endRow())
                return makeError(ErrorCode::Invalid,
                                 QCoreApplication::translate("Csv", "The file has more than %1 rows.")
                                     .arg(limits.maxRows));
            field.clear();
            ++line;
            rowStartLine = line;
        } else {
            if (fieldWasQuoted) {
                if (c.isSpace())
                    continue; // spaces between the closing quote and the comma are not data
                return makeError(
                    ErrorCode::Invalid,
                    QCoreApplication::translate("Csv", "Line %1: text after a closing quote.").arg(line));
            }
            field.append(c);
            if (!c.isSpace())
                rowHasContent = true;
        }
        if (field.size() > limits.maxFieldChars)
            return makeError(ErrorCode::Invalid, QCoreApplication::translate(
                                                     "Csv", "Line %1: a field is longer than %2 characters.")
                                                     .arg(line)
                                                     .arg(limits.maxFieldChars));
    }
    if (inQuotes)
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate("Csv", "Line %1: a quoted field is never closed.").arg(rowStartLine));
    if (rowHasContent || !field.trimmed().isEmpty()) {
        rowHasContent = true;
        if (!endField())
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Csv", "Line %1: too many columns.").arg(line));
    }
    if (!endRow())
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate("Csv", "The file has more than %1 rows.").arg(limits.maxRows));
    return table;
}

QString csvLine(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (QString f : fields) {
        if (!f.isEmpty()) {
            const QChar c = f.at(0);
            if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') ||
                c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r')) {
                // A negative number is data, not a formula: keep "-12.50" as it is.
                bool numeric = false;
                if (c == QLatin1Char('-'))
                    f.mid(1).toDouble(&numeric);
                if (!numeric)
                    f.prepend(QLatin1Char('\''));
            }
        }
        if (f.contains(QLatin1Char(',')) || f.contains(QLatin1Char('"')) || f.contains(QLatin1Char('\n')) ||
            f.contains(QLatin1Char('\r'))) {
            f.replace(QLatin1String("\""), QLatin1String("\"\""));
            f = QLatin1Char('"') + f + QLatin1Char('"');
        }
        out.append(f);
    }
    return out.join(QLatin1Char(','));
}

QByteArray csvFile(const QList<QStringList> &rows)
{
    QByteArray bytes("\xEF\xBB\xBF");
    for (const QStringList &r : rows) {
        bytes += csvLine(r).toUtf8();
        bytes += "\r\n";
    }
    return bytes;
}

} // namespace huike
