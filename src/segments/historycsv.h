#pragma once

// The rows of a sales-history file (huike-cli import-sales) as plain values: which column is
// which, and one row checked and turned into a line of a receipt. Pure functions over core/ only,
// so the fuzz target (tests/fuzz/fuzz_history.cpp) drives them with any bytes, cut into pieces
// as the importer reads them; segments/salesimport.cpp writes what they accept.

#include "core/result.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace huike {

class ShopTime;

// Where each column is (-1: absent), from the header row. English names as the issue gives them,
// or the Chinese a shop's export uses (小票号, 会员, 时间, 金额, 条码, 商品名称, 数量, and a few more).
struct HistoryColumns {
    int receipt = -1, member = -1, time = -1, amount = -1, barcode = -1, name = -1, qty = -1;
    static HistoryColumns of(const QStringList &header);
    bool complete() const { return receipt >= 0 && member >= 0 && time >= 0 && amount >= 0; }
    bool hasLines() const { return barcode >= 0 || name >= 0 || qty >= 0; }
};

struct HistoryLine {
    qint64 line = 0;         // where the row starts in the file
    QString receipt, member; // member: a phone normalised to 11 digits, else as written
    qint64 atMs = 0;         // UTC
    qint64 amountFen = 0;    // negative: a refund line
    QString barcode, name;
    std::optional<qint64> qtyMilli;
};

// "2026-11-05", "2026-11-05 14:03", "2026-11-05 14:03:07" ('/' for '-', 'T' for the space):
// the local date and seconds into the day; false for anything else or a date outside 1970-2148.
bool parseLocalTime(const QString &text, QDate *date, int *seconds);

// Checks one row and makes it a line; an error says what is wrong (without the line number).
class HistoryRowReader {
public:
    HistoryRowReader(const ShopTime &time, qint64 nowMs, const HistoryColumns &columns);
    Result<HistoryLine> read(const QStringList &row, qint64 lineNo);

private:
    // The UTC instant of a local time, by the hour: a zone conversion per row is slow.
    qint64 utcOf(const QDate &date, int seconds);

    const ShopTime &m_time;
    qint64 m_nowMs;
    HistoryColumns m_cols;
    QHash<qint64, qint64> m_hourStart;
};

} // namespace huike
