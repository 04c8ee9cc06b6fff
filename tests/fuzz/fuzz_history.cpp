// Fuzz target: a sales-history file for huike-cli import-sales (any bytes). The first byte picks
// the piece size the importer reads; the rest is the file.
// Invariants: no crash, hang or sanitizer report; reading the file a piece at a time as the
// importer does (CsvPieceReader) gives exactly the rows,
// line numbers and problems of parsing the whole file (so a receipt never loses or gains a line at a piece's
// edge, and every problem names its true line); every row the reader accepts is within bounds.

#include "core/clock.h"
#include "core/csv.h"
#include "core/money.h"
#include "fuzzcheck.h"
#include "segments/historycsv.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

void requireSame(const huike::CsvTable &whole, const huike::CsvTable &pieces)
{
    require(whole.rows == pieces.rows);
    require(whole.lineNumbers == pieces.lineNumbers);
    require(whole.problemLines == pieces.problemLines);
    require(whole.problems == pieces.problems);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 1 << 16)
        return 0;
    const qsizetype pieceBytes = 1 + data[0];
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const auto decoded = huike::decodeExternalText(bytes);
    if (!decoded)
        return 0;
    const huike::TextEncoding encoding = decoded->encoding.startsWith(QLatin1String("GB"))
                                             ? huike::TextEncoding::Gb18030
                                             : huike::TextEncoding::Utf8;
    huike::CsvLimits limits;
    limits.maxRows = 1 << 20;
    const auto whole = huike::parseCsv(decoded->text, limits);
    if (!whole)
        return 0;

    // As the importer reads it: up to pieceBytes more at a time.
    huike::CsvTable joined;
    huike::CsvPieceReader pieces(encoding, limits);
    for (qsizetype at = 0; at < bytes.size() || at == 0; at += pieceBytes) {
        const bool last = at + pieceBytes >= bytes.size();
        const auto table = pieces.feed(bytes.mid(at, pieceBytes), last);
        require(table.ok()); // the whole decoded: so does any piece cut at a line break
        joined.rows += table->rows;
        joined.lineNumbers += table->lineNumbers;
        joined.problems += table->problems;
        joined.problemLines += table->problemLines;
        if (last)
            break;
    }
    require(pieces.held() == 0);
    requireSame(*whole, joined);

    if (whole->rows.isEmpty())
        return 0;
    const huike::ShopTime time;
    const qint64 now = 1'796'000'000'000; // 2026-12
    const auto columns = huike::HistoryColumns::of(whole->rows.first());
    huike::HistoryRowReader reader(time, now, columns);
    for (qsizetype i = 1; i < whole->rows.size(); ++i) {
        const QStringList &row = whole->rows.at(i);
        for (const QString &field : row) {
            QDate date;
            int seconds = -1;
            if (huike::parseLocalTime(field, &date, &seconds))
                require(date.isValid() && date.year() >= 1970 && date.year() < 2149 && seconds >= 0 &&
                        seconds < 86400);
        }
        if (!columns.complete())
            continue;
        const auto l = reader.read(row, whole->lineNumbers.at(i));
        if (!l) {
            require(!l.error().message.isEmpty());
            continue;
        }
        require(!l->receipt.isEmpty() && l->receipt.size() <= 64);
        require(!l->member.isEmpty() && l->member.size() <= 64);
        require(l->atMs <= now);
        require(std::llabs(l->amountFen) <= huike::kMaxAmountFen);
    }
    return 0;
}
