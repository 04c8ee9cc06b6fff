#include "aggregates.h"

#include "core/clock.h"
#include "store/database.h"
#include "store/rowscan.h"

#include <QDateTime>
#include <QTime>
#include <QTimeZone>
#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

namespace huike::segments {

namespace {

constexpr std::int64_t kHourMs = 3600000;
constexpr std::int64_t kDayMs = 86400000;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a >= 0 ? a / b : (a - b + 1) / b;
}

// One member's documents as the scan meets them, in time order: the receipts and what refunds
// and voids took back from each.
struct Row {
    std::int64_t id;
    std::int64_t totalFen;
    std::int64_t atMs;
    std::int64_t originalId; // 0 for a sale; -1 for a refund whose receipt is not known
    std::int64_t takenBackFen = 0;
    bool undone = false; // a refund or void points to it
};

// Folds one member's documents into their aggregate, the one rule for a rebuild and a re-read.
void foldRun(MemberAggregate &m, std::vector<Row> &rows, LocalClock &clock)
{
    for (const Row &r : rows) {
        if (r.originalId == 0)
            continue;
        // Refunds are few, and a member's receipts a handful: a linear search finds each one's.
        auto it = std::find_if(rows.begin(), rows.end(), [&](const Row &s) { return s.id == r.originalId; });
        if (it == rows.end()) {
            m.spendFen += r.totalFen; // its receipt is not in this run: the money still counts
            continue;
        }
        it->takenBackFen += r.totalFen;
        it->undone = true;
    }
    for (const Row &r : rows) {
        if (r.originalId != 0)
            continue;
        const std::int64_t net = r.totalFen + r.takenBackFen;
        m.spendFen += net;
        if (r.undone && net <= 0)
            continue; // undone whole: no order
        addOrder(m, clock.split(r.atMs));
    }
}

constexpr const char *kSalesByMember =
    "SELECT member_id, id, kind, total_fen, created_at_ms, original_sale_id FROM sales INDEXED BY "
    "sales_member "
    "WHERE member_id IS NOT NULL AND created_at_ms < ?1 AND id <= ?2 ORDER BY member_id, created_at_ms";
constexpr const char *kSalesOfMembers =
    "SELECT member_id, id, kind, total_fen, created_at_ms, original_sale_id FROM sales INDEXED BY "
    "sales_member "
    "WHERE member_id IS NOT NULL AND member_id >= ?3 AND member_id < ?4 AND created_at_ms < ?1 AND id <= ?2 "
    "ORDER BY member_id, created_at_ms";
constexpr const char *kSalesOfMember =
    "SELECT member_id, id, kind, total_fen, created_at_ms, original_sale_id FROM sales INDEXED BY "
    "sales_member "
    "WHERE member_id = ?3 AND created_at_ms < ?1 AND id <= ?2 ORDER BY created_at_ms";

// Steps a scan of kSalesByMember's columns, folding each member's run.
template <typename Sink> Status foldSales(RowScan &scan, const ShopTime &time, Sink &&sink)
{
    LocalClock clock(time);
    std::vector<Row> rows;
    std::int64_t member = 0;
    MemberAggregate m;
    auto flush = [&] {
        if (member > 0 && !rows.empty()) {
            m = MemberAggregate{};
            foldRun(m, rows, clock);
            sink(member, m);
        }
        rows.clear();
    };
    while (scan.next()) {
        const std::int64_t id = scan.integer(0);
        if (id != member) {
            flush();
            member = id;
        }
        rows.push_back(Row{scan.integer(1), scan.integer(3), scan.integer(4), undoneReceipt(scan, 2, 5)});
    }
    flush();
    return scan.finish();
}

constexpr const char *kHistoryByMember =
    "SELECT member_id, sold_at_ms, total_fen, import_id FROM history_sales INDEXED BY history_sales_member "
    "WHERE sold_at_ms < ?1 ORDER BY member_id";
constexpr const char *kHistoryOfMember =
    "SELECT member_id, sold_at_ms, total_fen, import_id FROM history_sales INDEXED BY history_sales_member "
    "WHERE member_id = ?2 AND sold_at_ms < ?1";

// The imports that count under a cutoff, by id: finished, and by its mark.
Result<std::vector<bool>> countedImports(Database &db, std::int64_t maxImportSeq)
{
    RowScan scan(db, "SELECT id FROM sales_imports WHERE finished_seq IS NOT NULL AND finished_seq <= ?1");
    scan.bind(1, maxImportSeq);
    std::vector<bool> counted;
    while (scan.next()) {
        const auto id = static_cast<std::size_t>(std::max<std::int64_t>(scan.integer(0), 0));
        if (id >= counted.size())
            counted.resize(id + 1);
        counted[id] = true;
    }
    if (auto st = scan.finish(); !st)
        return st.error();
    return counted;
}

// Steps a scan of the history columns, adding each counted receipt to its member's aggregate.
template <typename At>
Status foldHistory(Database &db, const ShopTime &time, const Cutoff &cutoff, const char *sql,
                   std::int64_t memberId, At &&at)
{
    auto counted = countedImports(db, cutoff.maxImportSeq);
    if (!counted)
        return counted.error();
    if (counted->empty())
        return Ok{}; // nothing imported (the usual shop): no scan at all
    RowScan scan(db, sql);
    scan.bind(1, cutoff.endMs);
    if (memberId > 0)
        scan.bind(2, memberId);
    LocalClock clock(time);
    while (scan.next()) {
        const auto import = static_cast<std::size_t>(scan.integer(3));
        if (import >= counted->size() || !(*counted)[import])
            continue;
        if (MemberAggregate *m = at(scan.integer(0)))
            addHistory(*m, scan.integer(2), clock.split(scan.integer(1)));
    }
    return scan.finish();
}

// The rebuild's pass over the sales on every core: the members cut into blocks of ids that the
// threads take in turn (some members buy far more than others, so fixed halves would not be
// even), each thread on a read connection of its own, writing its members' aggregates only.
// Each block is one range of the covering index, read in member order as the one-thread pass
// reads it, so the result is the same byte for byte. False: not worth it or not possible (a
// small or in-memory store); the caller scans on one thread.
bool foldSalesInParallel(Database &db, const ShopTime &time, const Cutoff &cutoff, std::vector<MemberAggregate> &out,
                         Status *result)
{
    constexpr std::size_t kMinMembers = 100'000;
    constexpr std::int64_t kBlock = 16384;
    const unsigned cores = std::thread::hardware_concurrency();
    const QString path = db.path();
    if (out.size() < kMinMembers || cores < 2 || path.isEmpty() || path == QLatin1String(":memory:"))
        return false;
    const unsigned workers = std::min(cores, 4u);
    std::vector<std::unique_ptr<ReadConnection>> connections;
    for (unsigned w = 0; w < workers; ++w) {
        auto c = std::make_unique<ReadConnection>(path);
        if (!c->handle())
            return false;
        connections.push_back(std::move(c));
    }
    // Each thread's snapshot of the store may be a little newer than another's; the cutoff's
    // sale id bounds what any of them counts, and sales are never changed, so they agree.
    const std::int64_t end = static_cast<std::int64_t>(out.size());
    std::atomic<std::int64_t> nextBlock{0};
    std::vector<Status> status(workers, Status(Ok{}));
    const QByteArray zone = time.zone().id();
    auto work = [&](unsigned w) {
        const ShopTime ownTime(zone); // a zone object per thread: QTimeZone is not thread-safe
        RowScan scan(connections[w]->handle(), kSalesOfMembers);
        for (;;) {
            const std::int64_t from = nextBlock.fetch_add(kBlock);
            if (from >= end)
                break;
            scan.reset();
            scan.bind(1, cutoff.endMs);
            scan.bind(2, cutoff.maxSaleId);
            scan.bind(3, from);
            scan.bind(4, std::min(from + kBlock, end));
            Status st = foldSales(scan, ownTime, [&](std::int64_t member, const MemberAggregate &m) {
                out[static_cast<std::size_t>(member)] = m; // within [from, from + kBlock): this thread's
            });
            if (!st) {
                status[w] = st;
                nextBlock = end; // the others stop too
                break;
            }
        }
    };
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w)
        threads.emplace_back(work, w);
    work(0);
    for (std::thread &t : threads)
        t.join();
    *result = Ok{};
    for (const Status &st : status)
        if (!st)
            *result = st;
    return true;
}

} // namespace

std::int64_t undoneReceipt(const RowScan &row, int kindColumn, int originalColumn)
{
    const unsigned char *kind = row.text(kindColumn);
    if (kind && kind[0] == 's') // 'sale'; 'refund' and 'void' undo one
        return 0;
    return row.isNull(originalColumn) ? -1 : row.integer(originalColumn);
}

void addHistory(MemberAggregate &m, std::int64_t totalFen, const LocalClock::Split &at)
{
    m.spendFen += totalFen;
    if (totalFen > 0)
        addOrder(m, at);
}

LocalClock::LocalClock(const ShopTime &time) : m_zone(time.zone()) {}

std::int64_t LocalClock::offsetAt(std::int64_t utcMs)
{
    if (m_last < m_stretches.size()) {
        const Stretch &s = m_stretches[m_last];
        if (utcMs >= s.from && utcMs < s.to)
            return s.offsetMs;
    }
    auto it = std::upper_bound(m_stretches.begin(), m_stretches.end(), utcMs,
                               [](std::int64_t t, const Stretch &s) { return t < s.from; });
    if (it != m_stretches.begin() && utcMs < std::prev(it)->to) {
        m_last = static_cast<std::size_t>(std::prev(it) - m_stretches.begin());
        return std::prev(it)->offsetMs;
    }
    // Not seen yet: the stretch around it, between the zone's transitions (or, for a zone that
    // cannot list them, the hour).
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    Stretch s{floorDiv(utcMs, kHourMs) * kHourMs, 0, std::int64_t(m_zone.offsetFromUtc(at)) * 1000};
    s.to = s.from + kHourMs;
    if (m_zone.hasTransitions()) {
        const QTimeZone::OffsetData prev = m_zone.previousTransition(at.addMSecs(1));
        const QTimeZone::OffsetData next = m_zone.nextTransition(at);
        s.from =
            prev.atUtc.isValid() ? prev.atUtc.toMSecsSinceEpoch() : std::numeric_limits<std::int64_t>::min();
        s.to =
            next.atUtc.isValid() ? next.atUtc.toMSecsSinceEpoch() : std::numeric_limits<std::int64_t>::max();
    }
    // Neighbours already cached bound it, so stretches stay disjoint (`it` is still where it goes).
    if (it != m_stretches.begin())
        s.from = std::max(s.from, std::prev(it)->to);
    if (it != m_stretches.end())
        s.to = std::min(s.to, it->from);
    it = m_stretches.insert(it, s);
    m_last = static_cast<std::size_t>(it - m_stretches.begin());
    return s.offsetMs;
}

LocalClock::Split LocalClock::split(std::int64_t utcMs)
{
    const std::int64_t local = utcMs + offsetAt(utcMs);
    const std::int64_t d = floorDiv(local, kDayMs);
    Split s;
    s.day = static_cast<int>(d);
    s.weekday = static_cast<int>(((d % 7) + 7 + 3) % 7); // 1970-01-01 was a Thursday
    s.hour = static_cast<int>((local - d * kDayMs) / kHourMs);
    return s;
}

int dayNumber(const QDate &date)
{
    return static_cast<int>(date.toJulianDay() - QDate(1970, 1, 1).toJulianDay());
}

void addOrder(MemberAggregate &m, const LocalClock::Split &at)
{
    // Days as uint16 reach 2149; a date outside 1970-2149 is a typing error counted at the edge.
    const auto day = static_cast<std::uint16_t>(std::clamp(at.day, 0, 65535));
    if (m.orders == 0 || day < m.firstDay)
        m.firstDay = day;
    if (m.orders == 0 || day > m.lastDay)
        m.lastDay = day;
    ++m.orders;
    const auto w = static_cast<std::size_t>(at.weekday);
    m.weekdayOrders[w] = static_cast<std::uint16_t>(std::min<int>(m.weekdayOrders[w] + 1, 65535));
    m.weekdayLatest[w] = std::max(m.weekdayLatest[w], day);
    if (const int slot = slotOfHour(at.hour); slot >= 0) {
        const auto s = static_cast<std::size_t>(slot);
        m.slotOrders[s] = static_cast<std::uint16_t>(std::min<int>(m.slotOrders[s] + 1, 65535));
        m.slotLatest[s] = std::max(m.slotLatest[s], day);
    }
}

Result<std::vector<MemberAggregate>> rebuildAggregates(Database &db, const ShopTime &time,
                                                       const Cutoff &cutoff)
{
    auto maxId = db.statement(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM members")).select();
    if (!maxId)
        return maxId.error();
    std::vector<MemberAggregate> out(static_cast<std::size_t>(maxId->first().at(0).toLongLong() + 1));
    auto sink = [&](std::int64_t member, const MemberAggregate &m) {
        if (member < static_cast<std::int64_t>(out.size()))
            out[static_cast<std::size_t>(member)] = m;
    };
    Status st = Ok{};
    if (!foldSalesInParallel(db, time, cutoff, out, &st)) {
        RowScan sales(db, kSalesByMember);
        sales.bind(1, cutoff.endMs);
        sales.bind(2, cutoff.maxSaleId);
        st = foldSales(sales, time, sink);
    }
    if (!st)
        return st.error();
    st = foldHistory(db, time, cutoff, kHistoryByMember, 0, [&](std::int64_t member) -> MemberAggregate * {
        return member > 0 && member < static_cast<std::int64_t>(out.size())
                   ? &out[static_cast<std::size_t>(member)]
                   : nullptr;
    });
    if (!st)
        return st.error();
    return out;
}

Result<std::vector<MemberAggregate>> rebuildAggregates(Database &db, const ShopTime &time, const QDate &asOf)
{
    Cutoff cutoff;
    cutoff.endMs = time.toUtcMs(QDateTime(asOf.addDays(1), QTime(0, 0))); // the end of the as-of day
    return rebuildAggregates(db, time, cutoff);
}

Result<std::vector<MemberAggregate>> inMemberOrder(Database &db, const std::vector<MemberAggregate> &byId,
                                                   std::int64_t joinedBeforeMs)
{
    std::vector<MemberAggregate> list;
    list.reserve(byId.size());
    RowScan members(db, "SELECT id, created_at_ms FROM members ORDER BY id");
    while (members.next()) {
        const std::int64_t id = members.integer(0);
        const MemberAggregate m = id >= 0 && id < static_cast<std::int64_t>(byId.size())
                                      ? byId[static_cast<std::size_t>(id)]
                                      : MemberAggregate{};
        if (members.integer(1) < joinedBeforeMs || m.bought())
            list.push_back(m);
    }
    if (auto st = members.finish(); !st)
        return st.error();
    return list;
}

Result<MemberAggregate> memberAggregate(Database &db, const ShopTime &time, std::int64_t memberId,
                                        const Cutoff &cutoff)
{
    RowScan sales(db, kSalesOfMember);
    sales.bind(1, cutoff.endMs);
    sales.bind(2, cutoff.maxSaleId);
    sales.bind(3, memberId);
    MemberAggregate out;
    auto st = foldSales(sales, time, [&](std::int64_t, const MemberAggregate &m) { out = m; });
    if (!st)
        return st.error();
    st = foldHistory(db, time, cutoff, kHistoryOfMember, memberId, [&](std::int64_t) { return &out; });
    if (!st)
        return st.error();
    return out;
}

} // namespace huike::segments
