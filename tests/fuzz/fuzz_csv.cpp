// Fuzz target: a CSV file as a shop might import it (any bytes, any encoding).
// Invariants: no crash, hang or sanitizer report; a refused file has a message; an accepted table
// keeps within its limits and names each row it left out; every table can be written back out
// as an Excel-safe file.

#include "core/csv.h"
#include "fuzzcheck.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto decoded = huike::decodeExternalText(bytes);
    if (!decoded) {
        require(!decoded.error().message.isEmpty());
        return 0;
    }
    const QString &text = decoded->text;
    require(decoded->encoding == QLatin1String("UTF-8") || decoded->encoding == QLatin1String("UTF-8 BOM") ||
            decoded->encoding == QLatin1String("GB18030"));

    huike::CsvLimits limits;
    limits.maxRows = 500;
    limits.maxFields = 32;
    limits.maxFieldChars = 256;
    const auto table = huike::parseCsv(text, limits);
    if (!table) {
        require(!table.error().message.isEmpty());
    } else {
        require(table->rows.size() == table->lineNumbers.size());
        // Every row left out is named, with its line, in file order.
        require(table->problems.size() == table->problemLines.size());
        for (qsizetype k = 0; k < table->problems.size(); ++k) {
            require(!table->problems.at(k).isEmpty());
            require(k == 0 || table->problemLines.at(k) >= table->problemLines.at(k - 1));
        }
        require(table->rows.size() <= limits.maxRows);
        int previous = 0;
        for (qsizetype r = 0; r < table->rows.size(); ++r) {
            const QStringList &row = table->rows.at(r);
            require(!row.isEmpty() && row.size() <= limits.maxFields);
            for (const QString &field : row)
                require(field.size() <= limits.maxFieldChars);
            require(table->lineNumbers.at(r) > previous);
            previous = table->lineNumbers.at(r);
        }
        const QByteArray out = huike::csvFile(table->rows);
        require(out.startsWith("\xEF\xBB\xBF"));
        const auto again = huike::decodeExternalText(out);
        require(again.ok() && again->encoding == QLatin1String("UTF-8 BOM"));
        // What we export parses again (quotes, newlines and formulas are all escaped).
        huike::CsvLimits wide = limits;
        wide.maxFieldChars = limits.maxFieldChars + 1; // a neutralised formula gains an apostrophe
        require(huike::parseCsv(again->text, wide).ok());
    }
    // Devices and exports that want GB18030 get the same text encoded; it never crashes.
    (void)huike::encodeGb18030(text.left(4096));
    return 0;
}
