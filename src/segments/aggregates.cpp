#include "aggregates.h"

#include "core/clock.h"
#include "store/database.h"
#include "store/statement.h"

#include <QDateTime>
#include <QHash>
#include <QTime>
#include <limits>

namespace huike::segments {

namespace {

constexpr qint64 kHourMs = 3600000;

// The shop's UTC offset by the hour, looked up once per hour of history instead of once per
// sale: converting ten million instants through QTimeZone one by one takes seconds.
class LocalClock {
public:
    explicit LocalClock(const ShopTime &time) : m_time(time) {}

    // Local day number, weekday (0 = Monday) and hour of `utcMs`.
    void split(qint64 utcMs, int *day, int *weekday, int *hour)
    {
        const qint64 bucket = utcMs >= 0 ? utcMs / kHourMs : (utcMs - kHourMs + 1) / kHourMs;
        if (bucket != m_bucket) {
            m_bucket = bucket;
            m_offsetMs = qint64(m_time.zone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(bucket * kHourMs, Qt::UTC))) * 1000;
        }
        const qint64 local = utcMs + m_offsetMs;
        const qint64 dayMs = 86400000;
        const qint64 d = local >= 0 ? local / dayMs : (local - dayMs + 1) / dayMs;
        *day = static_cast<int>(d);
        *weekday = static_cast<int>(((d % 7) + 7 + 3) % 7); // 1970-01-01 was a Thursday
        *hour = static_cast<int>((local - d * dayMs) / kHourMs);
    }

private:
    const ShopTime &m_time;
    qint64 m_bucket = std::numeric_limits<qint64>::min();
    qint64 m_offsetMs = 0;
};

} // namespace

int dayNumber(const QDate &date)
{
    return static_cast<int>(date.toJulianDay() - QDate(1970, 1, 1).toJulianDay());
}

Result<std::vector<MemberAggregate>> rebuildAggregates(Database &db, const ShopTime &time, const QDate &asOf)
{
    const qint64 endMs = time.toUtcMs(QDateTime(asOf.addDays(1), QTime(0, 0))); // the end of the as-of day
    auto maxId = db.statement(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM members")).select();
    if (!maxId)
        return maxId.error();
    std::vector<MemberAggregate> out(static_cast<std::size_t>(maxId->first().at(0).toLongLong() + 1));
    // What refunds and voids took back from each receipt, by the as-of day.
    auto undone = db.statement(QStringLiteral("SELECT original_sale_id, SUM(total_fen) FROM sales WHERE kind IN "
                                              "('refund', 'void') AND member_id IS NOT NULL AND original_sale_id IS "
                                              "NOT NULL AND created_at_ms < ? GROUP BY original_sale_id"))
                      .select({endMs});
    if (!undone)
        return undone.error();
    QHash<qint64, qint64> takenBack;
    takenBack.reserve(undone->size());
    for (const QVariantList &r : *undone)
        takenBack.insert(r.at(0).toLongLong(), r.at(1).toLongLong()); // negative: what came off
    auto sales = db.statement(QStringLiteral("SELECT id, member_id, total_fen, created_at_ms FROM sales WHERE kind = "
                                             "'sale' AND member_id IS NOT NULL AND created_at_ms < ?"))
                     .select({endMs});
    if (!sales)
        return sales.error();
    LocalClock local(time);
    for (const QVariantList &r : *sales) {
        const qint64 memberId = r.at(1).toLongLong();
        if (memberId <= 0 || memberId >= static_cast<qint64>(out.size()))
            continue;
        MemberAggregate &m = out[static_cast<std::size_t>(memberId)];
        const qint64 total = r.at(2).toLongLong();
        const auto back = takenBack.constFind(r.at(0).toLongLong());
        const qint64 net = total + (back == takenBack.cend() ? 0 : *back);
        m.spendFen += net;
        if (back != takenBack.cend() && net <= 0)
            continue; // undone whole: no order
        const qint64 at = r.at(3).toLongLong();
        int day = 0, weekday = 0, hour = 0;
        local.split(at, &day, &weekday, &hour);
        const auto minutes = static_cast<std::int32_t>(at / 60000);
        ++m.orders;
        if (m.firstDay < 0 || day < m.firstDay)
            m.firstDay = day;
        if (day > m.lastDay)
            m.lastDay = day;
        auto &w = m.weekdayOrders[static_cast<std::size_t>(weekday)];
        w = static_cast<std::uint16_t>(std::min<int>(w + 1, 65535));
        m.weekdayLatest[static_cast<std::size_t>(weekday)] = std::max(m.weekdayLatest[static_cast<std::size_t>(weekday)], minutes);
        if (const int slot = slotOfHour(hour); slot >= 0) {
            auto &s = m.slotOrders[static_cast<std::size_t>(slot)];
            s = static_cast<std::uint16_t>(std::min<int>(s + 1, 65535));
            m.slotLatest[static_cast<std::size_t>(slot)] = std::max(m.slotLatest[static_cast<std::size_t>(slot)], minutes);
        }
    }
    return out;
}

} // namespace huike::segments
