#include "csv.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <algorithm>
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

namespace {

// Characters a shop's product list plausibly holds: ASCII, Latin-1 signs (¥ ° ×), general and
// CJK punctuation, letterlike and number forms (℃ Ⅱ ①), kana, CJK ideographs and fullwidth forms.
// GBK bytes misread as UTF-8 turn into Latin Extended, IPA, Greek, Cyrillic or Hebrew letters:
// none of them is here.
bool plausible(char32_t c)
{
    return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\r' || c == '\n' || (c >= 0xA0 && c <= 0xFF) ||
           (c >= 0x2000 && c <= 0x206F) || (c >= 0x2100 && c <= 0x218F) || (c >= 0x2460 && c <= 0x24FF) ||
           (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

qsizetype implausibleCount(const QString &text)
{
    qsizetype n = 0;
    for (char32_t c : text.toUcs4())
        n += plausible(c) ? 0 : 1;
    return n;
}

Result<DecodedText> decodeGb18030(const QByteArray &bytes)
{
    auto utf8 = iconvConvert("UTF-8", "GB18030", bytes);
    if (!utf8)
        return utf8.error();
    return DecodedText{QString::fromUtf8(*utf8), QStringLiteral("GB18030")};
}

} // namespace

Result<DecodedText> decodeExternalText(const QByteArray &bytes, TextEncoding encoding)
{
    if (bytes.startsWith("\xEF\xBB\xBF") && encoding != TextEncoding::Gb18030) {
        QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString s = dec.decode(bytes.mid(3));
        if (dec.hasError())
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate("Csv", "The file starts like UTF-8 but holds invalid bytes."));
        return DecodedText{s, QStringLiteral("UTF-8 BOM")};
    }
    if (encoding == TextEncoding::Gb18030)
        return decodeGb18030(bytes);
    QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString asUtf8 = dec.decode(bytes);
    if (encoding == TextEncoding::Utf8) {
        if (dec.hasError())
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Csv",
                                                         "The file is not UTF-8 text (it was read as UTF-8 "
                                                         "because you asked for it)."));
        return DecodedText{asUtf8, QStringLiteral("UTF-8")};
    }
    if (dec.hasError())
        return decodeGb18030(bytes);
    // Valid UTF-8 can still be GBK: 泉水, 椰汁 and 卤鸭 saved by Excel are valid UTF-8 byte for byte,
    // and read that way become "ȪˮҬ..." The whole file decides: the reading with fewer characters
    // no shop list would hold wins, UTF-8 on a tie (pure ASCII, or both plausible).
    const qsizetype utf8Odd = implausibleCount(asUtf8);
    if (utf8Odd > 0) {
        auto gb = decodeGb18030(bytes);
        if (gb && implausibleCount(gb->text) < utf8Odd)
            return gb;
    }
    return DecodedText{asUtf8, QStringLiteral("UTF-8")};
}

std::optional<TextEncoding> parseTextEncoding(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == QLatin1String("auto"))
        return TextEncoding::Auto;
    if (n == QLatin1String("utf-8") || n == QLatin1String("utf8"))
        return TextEncoding::Utf8;
    if (n == QLatin1String("gbk") || n == QLatin1String("gb18030") || n == QLatin1String("gb2312"))
        return TextEncoding::Gb18030;
    return std::nullopt;
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
    int line = limits.firstLine;
    int rowStartLine = limits.firstLine;
    qsizetype rowStartPos = 0;
    const qsizetype n = text.size();

    auto resetRow = [&] {
        row.clear();
        field.clear();
        inQuotes = false;
        fieldWasQuoted = false;
        rowHasContent = false;
    };
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
        resetRow();
        return true;
    };
    // One malformed row is left out with its line number; the rows after it are read. Returns the
    // index the loop goes on from (it increments first). Outside quotes the row ends with its
    // physical line; inside an open quote nobody knows where the field was meant to end, so
    // reading starts again on the line after the row began.
    auto skipRow = [&](const QString &why, bool quoteOpen, qsizetype at) -> qsizetype {
        table.problems << why;
        table.problemLines << rowStartLine;
        resetRow();
        qsizetype next = quoteOpen ? rowStartPos : at;
        if (quoteOpen)
            line = rowStartLine;
        while (next < n && text.at(next) != QLatin1Char('\n') && text.at(next) != QLatin1Char('\r'))
            ++next;
        if (next + 1 < n && text.at(next) == QLatin1Char('\r') && text.at(next + 1) == QLatin1Char('\n'))
            ++next;
        ++line;
        rowStartLine = line;
        rowStartPos = next + 1;
        return next;
    };
    auto tooManyRows = [&] {
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate("Csv", "The file has more than %1 rows.").arg(limits.maxRows));
    };

    for (qsizetype i = 0;; ++i) {
        if (i >= n) {
            if (limits.moreToCome) {
                // The row begun here, if any, ends in the next piece: it is read from there.
                table.consumed = std::min(rowStartPos, n);
                table.nextLine = rowStartLine;
                return table;
            }
            if (!inQuotes)
                break;
            // The file ended inside a quote: that row is left out, and reading starts again on
            // the line after the one that opened it, so the rows there are kept.
            i = skipRow(QCoreApplication::translate("Csv", "Line %1: a quoted field is never closed.")
                            .arg(rowStartLine),
                        true, i);
            continue;
        }
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
            if (!field.trimmed().isEmpty()) {
                i = skipRow(
                    QCoreApplication::translate("Csv", "Line %1: a quote in the middle of an unquoted field.")
                        .arg(line),
                    false, i);
                continue;
            }
            field.clear();
            inQuotes = true;
            fieldWasQuoted = true;
            rowHasContent = true;
        } else if (c == QLatin1Char(',')) {
            rowHasContent = true;
            if (!endField()) {
                i = skipRow(QCoreApplication::translate("Csv", "Line %1: too many columns.").arg(line), false,
                            i);
                continue;
            }
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (rowHasContent || !field.trimmed().isEmpty()) {
                rowHasContent = true;
                if (!endField()) {
                    i = skipRow(QCoreApplication::translate("Csv", "Line %1: too many columns.").arg(line),
                                false, i);
                    continue;
                }
            }
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (!endRow())
                return tooManyRows();
            ++line;
            rowStartLine = line;
            rowStartPos = i + 1;
        } else {
            if (fieldWasQuoted) {
                if (c.isSpace())
                    continue; // spaces between the closing quote and the comma are not data
                i = skipRow(
                    QCoreApplication::translate("Csv", "Line %1: text after a closing quote.").arg(line),
                    false, i);
                continue;
            }
            field.append(c);
            if (!c.isSpace())
                rowHasContent = true;
        }
        if (field.size() > limits.maxFieldChars) {
            const bool quoteOpen = inQuotes;
            i = skipRow(QCoreApplication::translate("Csv", "Line %1: a field is longer than %2 characters.")
                            .arg(quoteOpen ? rowStartLine : line)
                            .arg(limits.maxFieldChars),
                        quoteOpen, i);
        }
    }
    if (rowHasContent || !field.trimmed().isEmpty()) {
        rowHasContent = true;
        if (!endField()) {
            table.problems << QCoreApplication::translate("Csv", "Line %1: too many columns.").arg(line);
            table.problemLines << rowStartLine;
            resetRow();
        }
    }
    if (!endRow())
        return tooManyRows();
    table.consumed = n;
    table.nextLine = line;
    return table;
}

Result<CsvTable> readExternalCsv(const QByteArray &bytes, TextEncoding encoding, QString *encodingUsed)
{
    auto decoded = decodeExternalText(bytes, encoding);
    if (!decoded)
        return decoded.error();
    *encodingUsed = decoded->encoding;
    auto table = parseCsv(decoded->text);
    if (table && table->rows.isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Csv", "The file is empty."));
    return table;
}

CsvPieceReader::CsvPieceReader(TextEncoding encoding, CsvLimits limits)
    : m_limits(limits), m_line(limits.firstLine)
{
    if (encoding != TextEncoding::Auto)
        m_decided = encoding;
}

QString CsvPieceReader::encoding() const
{
    if (!m_encodingName.isEmpty())
        return m_encodingName;
    return m_decided == TextEncoding::Gb18030 ? QStringLiteral("GB18030") : QStringLiteral("UTF-8");
}

Result<CsvTable> CsvPieceReader::feed(const QByteArray &more, bool last)
{
    m_bytes += more;
    // Cut after the last line break: no character of UTF-8 or GB18030 holds a 0x0A byte, so the
    // piece decodes on its own.
    const qsizetype end = last ? m_bytes.size() : m_bytes.lastIndexOf('\n') + 1;
    if (end <= 0 && !last)
        return CsvTable{};
    const QByteArray piece = m_bytes.left(end);
    m_bytes.remove(0, end);
    const bool ascii = std::all_of(piece.cbegin(), piece.cend(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!m_first && m_decided == TextEncoding::Utf8) {
        // Only the file's first bytes can be its byte order mark: later, U+FEFF is text (however
        // many there are), as it is when the whole file is decoded.
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
        const QString text = utf8.decode(piece);
        if (utf8.hasError()) {
            auto refused = decodeExternalText(piece, TextEncoding::Utf8); // says why, as for a whole file
            return makeError(ErrorCode::Invalid, QCoreApplication::translate("Csv", "Line %1 on: %2")
                                                     .arg(m_line)
                                                     .arg(refused ? QString() : refused.error().message));
        }
        m_text += text;
    } else if (m_decided || !ascii) {
        auto decoded = decodeExternalText(piece, m_decided.value_or(TextEncoding::Auto));
        if (!decoded)
            return makeError(ErrorCode::Invalid, QCoreApplication::translate("Csv", "Line %1 on: %2")
                                                     .arg(m_line)
                                                     .arg(decoded.error().message));
        if (!m_decided) {
            m_decided = decoded->encoding.startsWith(QLatin1String("GB")) ? TextEncoding::Gb18030
                                                                          : TextEncoding::Utf8;
            m_encodingName = decoded->encoding;
        }
        m_text += decoded->text;
    } else {
        m_text += QString::fromLatin1(piece); // ASCII: either encoding reads it so
    }
    m_first = false;
    CsvLimits limits = m_limits;
    limits.firstLine = m_line;
    limits.moreToCome = !last;
    auto table = parseCsv(m_text, limits);
    if (!table)
        return table.error();
    m_text.remove(0, table->consumed);
    m_line = table->nextLine;
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
