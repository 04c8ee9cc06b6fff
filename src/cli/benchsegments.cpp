// huike-cli bench segments: 会员分析 at a chain's scale. Generates a store of N members and M sales
// (kept at --db PATH for the next run, or in a temporary folder), then times the engine's rebuild
// from the raw sales, a re-classification from the kept aggregates, a cold load of its file, one
// document's incremental update, and the same definitions as SQL GROUP BY queries over the sales
// table (the way most POS software computes them) as the baseline. The two must agree on every
// class's size, or the bench says so and fails.

#include "app/appcontext.h"
#include "bench.h"
#include "commands.h"
#include "core/clock.h"
#include "segments/aggregates.h"
#include "segments/classify.h"
#include "segments/engine.h"
#include "segments/trend.h"
#include "store/database.h"
#include "store/rowscan.h"
#include "store/statement.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <algorithm>
#include <fcntl.h>
#include <map>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace huike::cli {

namespace {

SystemClock g_segClock;
constexpr qint64 kDayMs = 86'400'000;

double msSince(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

double peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0; // kilobytes on Linux
}

Status execAll(Database &db, const QStringList &sql)
{
    for (const QString &s : sql)
        if (auto st = db.statement(s).exec(); !st)
            return st;
    return Ok{};
}

// The bench's sales: `sales` receipts over the two years before now, in time order (ids rise with
// time, as a till writes them), 7:00-21:00 local; four in five members buy, some far more often
// than others (the product of two uniform draws favours low ids); one receipt in fifty is refunded
// a day later, whole or a third of it. Written by SQLite itself in one statement per kind, with
// the secondary indexes built afterwards (sorting once beats ten million scattered inserts).
Status generateSales(AppContext &ctx, qint64 members, qint64 sales, qint64 nowMs)
{
    Database &db = ctx.db();
    auto op = db.statement(QStringLiteral("SELECT MIN(id) FROM operators")).select();
    if (!op)
        return op.error();
    auto indexes =
        db.statement(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                                    "'sales' AND sql IS NOT NULL"))
            .select();
    if (!indexes)
        return indexes.error();
    QStringList drop, create;
    for (const QVariantList &r : *indexes) {
        drop << QStringLiteral("DROP INDEX %1").arg(r.at(0).toString());
        create << r.at(1).toString();
    }
    auto base = db.statement(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM sales")).select();
    if (!base)
        return base.error();
    const qint64 idBase = base->first().at(0).toLongLong(); // after the demo shop's own documents
    const qint64 buyers = std::max<qint64>(1, members * 4 / 5);
    const qint64 days = 730;
    const qint64 perDay = (sales + days - 1) / days;
    // Local (UTC+8) day numbers: the last day of sales is yesterday, so that none is later than now.
    const qint64 firstDay = (nowMs + 8 * 3600000) / kDayMs - days - 1;
    const QString insertSales = QStringLiteral(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
        "INSERT INTO sales(id, uuid, store_id, business_day, seq, receipt_no, kind, operator_id, member_id, "
        "subtotal_fen, discount_fen, rounding_fen, total_fen, created_at_ms) "
        "SELECT %7 + i, 'bench-' || substr('000000000' || i, -10), %2, date(t / 1000, 'unixepoch', '+8 hours'), %7 + i, "
        "'BENCH' || substr('000000000' || i, -10), 'sale', %3, m, fen, 0, 0, fen, t FROM (SELECT i, "
        "((%4 + i / %5) * 86400000 - 28800000) + 25200000 + (i % %5) * 50400000 / %5 AS t, "
        "1 + (abs(random()) % %6) * (abs(random()) % %6) / %6 AS m, "
        "500 + abs(random()) % 15000 + (CASE WHEN abs(random()) % 100 = 0 THEN 60000 ELSE 0 END) AS fen FROM "
        "n)");
    const QString insertRefunds = QStringLiteral(
        "INSERT INTO sales(id, uuid, store_id, business_day, seq, receipt_no, kind, original_sale_id, "
        "operator_id, "
        "member_id, subtotal_fen, discount_fen, rounding_fen, total_fen, created_at_ms, reason) "
        "SELECT %1 + id / 50, 'bench-r' || substr('000000000' || id, -10), store_id, business_day, %1 + id / 50, "
        "'BENCR' || substr('000000000' || id, -10), 'refund', id, operator_id, member_id, -f, 0, 0, -f, created_at_ms + "
        "86400000, "
        "'bench' FROM (SELECT id, store_id, business_day, operator_id, member_id, created_at_ms, CASE WHEN "
        "id % 100 = 0 "
        "THEN total_fen ELSE total_fen / 3 END AS f FROM sales WHERE id % 50 = 0 AND id > %4 AND id <= %2 "
        "AND "
        "created_at_ms + 86400000 < %3)");
    if (auto st = db.statement(QStringLiteral("PRAGMA foreign_keys = OFF")).exec(); !st)
        return st;
    {
        WriteTransaction tx(db);
        if (!tx.began())
            return tx.beginError();
        if (auto st = execAll(db, drop); !st)
            return st;
        if (auto st = db.statement(insertSales.arg(sales)
                                       .arg(ctx.store().storeId)
                                       .arg(op->first().at(0).toLongLong())
                                       .arg(firstDay)
                                       .arg(perDay)
                                       .arg(buyers)
                                       .arg(idBase))
                          .exec();
            !st)
            return st;
        if (auto st =
                db.statement(insertRefunds.arg(idBase + sales).arg(idBase + sales).arg(nowMs).arg(idBase))
                    .exec();
            !st)
            return st;
        if (auto st = execAll(db, create); !st)
            return st;
        if (auto st = tx.commit(); !st)
            return st;
    }
    if (auto st = db.statement(QStringLiteral("PRAGMA foreign_keys = ON")).exec(); !st)
        return st;
    if (auto st = db.statement(QStringLiteral("ANALYZE")).exec(); !st)
        return st;
    return db.checkpoint();
}

// The nine definitions as SQL over the sales table, as a POS computes them without an engine:
// GROUP BY member (each receipt net of its refunds; a fixed UTC+8 for local time, as such
// software assumes), the habits by GROUP BY member and weekday or slot with a window to pick the
// winner (counted per weekday or slot as they are), the quintiles and means over the buyers, then
// every member classed and the classes counted. One row per (category, class, members).
const char *const kSqlBaseline = R"(
WITH
undo AS (SELECT original_sale_id AS o, SUM(total_fen) AS back FROM sales
         WHERE kind <> 'sale' AND original_sale_id IS NOT NULL AND created_at_ms < ?1 GROUP BY original_sale_id),
doc AS MATERIALIZED (SELECT s.member_id AS m, (s.created_at_ms + 28800000) / 86400000 AS day,
               ((s.created_at_ms + 28800000) % 86400000) / 3600000 AS h,
               s.total_fen + COALESCE(u.back, 0) AS fen,
               (u.o IS NULL OR s.total_fen + u.back > 0) AS counted
        FROM sales s LEFT JOIN undo u ON u.o = s.id
        WHERE s.kind = 'sale' AND s.member_id IS NOT NULL AND s.created_at_ms < ?1),
per AS MATERIALIZED (SELECT m, SUM(counted) AS f, SUM(fen) AS spend, MAX(CASE WHEN counted THEN day END) AS last
        FROM doc GROUP BY m),
wk AS (SELECT m, (day + 3) % 7 AS w, COUNT(*) AS c, MAX(day) AS l FROM doc WHERE counted GROUP BY m, w),
wkh AS MATERIALIZED (SELECT m, w FROM (SELECT m, w, c, ROW_NUMBER() OVER (PARTITION BY m ORDER BY c DESC, l DESC) AS r FROM wk)
        WHERE r = 1 AND c >= 2),
sl AS (SELECT m, (h - 6) / 3 AS s, COUNT(*) AS c, MAX(day * 24 + h) AS l FROM doc
       WHERE counted AND h >= 6 AND h < 21 GROUP BY m, s),
slh AS MATERIALIZED (SELECT m, s FROM (SELECT m, s, c, ROW_NUMBER() OVER (PARTITION BY m ORDER BY c DESC, l DESC) AS r FROM sl)
        WHERE r = 1 AND c >= 2),
b AS MATERIALIZED (SELECT m, ?2 - last AS d, f, spend FROM per WHERE f > 0),
n AS MATERIALIZED (SELECT COUNT(*) AS n, AVG(d) AS md, AVG(f) AS mf, AVG(spend) AS mm FROM b),
pos AS MATERIALIZED (SELECT k, 0.2 * k * (n - 1) AS p, CAST(0.2 * k * (n - 1) AS INTEGER) AS lo
        FROM (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4), n),
rd AS (SELECT d AS v, ROW_NUMBER() OVER (ORDER BY d) - 1 AS i FROM b),
rf AS (SELECT f AS v, ROW_NUMBER() OVER (ORDER BY f) - 1 AS i FROM b),
rm AS (SELECT spend AS v, ROW_NUMBER() OVER (ORDER BY spend) - 1 AS i FROM b),
qd AS MATERIALIZED (SELECT k, lo, MIN(CASE WHEN i = lo THEN v END) + (p - lo) * (COALESCE(MAX(CASE WHEN i = lo + 1 THEN v END),
              MIN(CASE WHEN i = lo THEN v END)) - MIN(CASE WHEN i = lo THEN v END)) AS q
       FROM pos JOIN rd ON rd.i IN (pos.lo, pos.lo + 1) GROUP BY k),
qf AS MATERIALIZED (SELECT k, MIN(CASE WHEN i = lo THEN v END) + (p - lo) * (COALESCE(MAX(CASE WHEN i = lo + 1 THEN v END),
              MIN(CASE WHEN i = lo THEN v END)) - MIN(CASE WHEN i = lo THEN v END)) AS q
       FROM pos JOIN rf ON rf.i IN (pos.lo, pos.lo + 1) GROUP BY k),
qm AS MATERIALIZED (SELECT k, MIN(CASE WHEN i = lo THEN v END) + (p - lo) * (COALESCE(MAX(CASE WHEN i = lo + 1 THEN v END),
              MIN(CASE WHEN i = lo THEN v END)) - MIN(CASE WHEN i = lo THEN v END)) AS q
       FROM pos JOIN rm ON rm.i IN (pos.lo, pos.lo + 1) GROUP BY k),
hv AS MATERIALIZED (SELECT spend AS cut FROM b ORDER BY spend DESC LIMIT 1
       OFFSET (SELECT MAX(1, (n * 200 + 999) / 1000) - 1 FROM n)),
cls AS MATERIALIZED (
  SELECT x.id,
    CASE WHEN b.m IS NULL THEN 0 WHEN b.f = 1 THEN 1 WHEN b.f <= 4 THEN 2 WHEN b.f <= 9 THEN 3 ELSE 4 END AS freq,
    CASE WHEN b.m IS NULL THEN 0 WHEN b.spend <= 10000 THEN 1 WHEN b.spend <= 50000 THEN 2 ELSE 3 END AS mon,
    b.d < 3 AS r3, b.d < 7 AS r7, b.d >= 7 AS n7, b.d >= 30 AS n30,
    CASE WHEN b.m IS NULL OR b.spend < (SELECT cut FROM hv) THEN 0 WHEN b.d < 7 THEN 1 WHEN b.d < 15 THEN 2
         WHEN b.d < 30 THEN 3 ELSE 4 END AS hv,
    CASE WHEN b.m IS NULL THEN 0 ELSE 5 - (SELECT COUNT(*) FROM qd WHERE b.d > qd.q) END AS rs,
    CASE WHEN b.m IS NULL THEN 0 ELSE 1 + (SELECT COUNT(*) FROM qf WHERE b.f > qf.q) END AS fs,
    CASE WHEN b.m IS NULL THEN 0 ELSE 1 + (SELECT COUNT(*) FROM qm WHERE b.spend > qm.q) END AS ms,
    CASE WHEN b.m IS NULL THEN 0 ELSE 1 + (CASE WHEN b.spend >= n.mm THEN 0 ELSE 4 END)
         + (CASE WHEN b.d <= n.md THEN 0 ELSE 2 END) + (CASE WHEN b.f >= n.mf THEN 0 ELSE 1 END) END AS rfm,
    CASE WHEN b.m IS NULL THEN 0 WHEN b.d <= 90 THEN 1 WHEN b.d <= 180 THEN 2 WHEN b.d <= 365 THEN 3 ELSE 4 END AS life
  FROM members x LEFT JOIN b ON b.m = x.id, n)
SELECT 'frequency', freq, COUNT(*) FROM cls GROUP BY freq
UNION ALL SELECT 'monetary', mon, COUNT(*) FROM cls GROUP BY mon
UNION ALL SELECT 'recency', 1, COUNT(*) FROM cls WHERE r3
UNION ALL SELECT 'recency', 2, COUNT(*) FROM cls WHERE r7
UNION ALL SELECT 'recency', 4, COUNT(*) FROM cls WHERE n7
UNION ALL SELECT 'recency', 8, COUNT(*) FROM cls WHERE n30
UNION ALL SELECT 'weekday', w, COUNT(*) FROM wkh GROUP BY w
UNION ALL SELECT 'weekday', -1, (SELECT COUNT(*) FROM members) - (SELECT COUNT(*) FROM wkh)
UNION ALL SELECT 'slot', s, COUNT(*) FROM slh GROUP BY s
UNION ALL SELECT 'slot', -1, (SELECT COUNT(*) FROM members) - (SELECT COUNT(*) FROM slh)
UNION ALL SELECT 'high_value', hv, COUNT(*) FROM cls GROUP BY hv
UNION ALL SELECT 'r_score', rs, COUNT(*) FROM cls GROUP BY rs
UNION ALL SELECT 'f_score', fs, COUNT(*) FROM cls GROUP BY fs
UNION ALL SELECT 'm_score', ms, COUNT(*) FROM cls GROUP BY ms
UNION ALL SELECT 'rfm_class', rfm, COUNT(*) FROM cls GROUP BY rfm
UNION ALL SELECT 'lifecycle', life, COUNT(*) FROM cls GROUP BY life
)";

using Tally = std::map<std::string, std::int64_t>; // "category:class" -> members

void count(Tally &t, const char *category, int cls)
{
    ++t[std::string(category) + ':' + std::to_string(cls)];
}

Tally tallyOf(const segments::Classes &c)
{
    Tally t;
    for (std::size_t i = 0; i < c.frequency.size(); ++i) {
        count(t, "frequency", static_cast<int>(c.frequency[i]));
        count(t, "monetary", static_cast<int>(c.monetary[i]));
        for (int bit : {1, 2, 4, 8})
            if (c.recency[i] & bit)
                count(t, "recency", bit);
        count(t, "weekday", c.weekday[i]);
        count(t, "slot", c.slot[i]);
        count(t, "high_value", static_cast<int>(c.highValue[i]));
        count(t, "r_score", c.rScore[i]);
        count(t, "f_score", c.fScore[i]);
        count(t, "m_score", c.mScore[i]);
        count(t, "rfm_class", static_cast<int>(c.rfm[i]));
        count(t, "lifecycle", static_cast<int>(c.lifecycle[i]));
    }
    return t;
}

// The members in id order, as the CLI and the screens list them.
// The aggregates in member order, as classify() takes them (a store the bench made itself: a
// read that fails is a bench that cannot go on, which the phases after it say).
std::vector<segments::MemberAggregate> inIdOrder(Database &db, const std::vector<segments::MemberAggregate> &byId)
{
    auto list = segments::inMemberOrder(db, byId);
    return list ? std::move(*list) : std::vector<segments::MemberAggregate>{};
}

int fail(const QString &what)
{
    err() << "error: " << what << "\n";
    return 1;
}

} // namespace

int benchSegments(const QCommandLineParser &p)
{
    const auto members = numberOption(p, QStringLiteral("members"), 1'000'000, 100, 10'000'000);
    const auto sales = numberOption(p, QStringLiteral("sales"), 10'000'000, 1000, 100'000'000);
    const auto updates = numberOption(p, QStringLiteral("n"), 2000, 10, 1'000'000);
    if (!members || !sales || !updates)
        return 2;
    // The store: at --db (kept, and used again when it already holds this bench), else a
    // temporary folder removed afterwards.
    QTemporaryDir temp(QDir::tempPath() + QStringLiteral("/huike-bench-segments-XXXXXX"));
    const QString path = p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db"))
                                                       : temp.filePath(QStringLiteral("bench.db"));
    if (!p.isSet(QStringLiteral("db")) && !temp.isValid())
        return fail(QStringLiteral("cannot make a temporary folder"));
    auto opened = openBenchStore(path, 0);
    if (!opened)
        return 1;
    AppContext &ctx = *opened;
    Database &db = ctx.db();
    const qint64 nowMs = g_segClock.nowMs();
    QJsonObject o{{QStringLiteral("bench"), QStringLiteral("segments")}};

    QElapsedTimer t;
    t.start();
    // The bench's sales are numbered BENCH0000000001...: a store that holds exactly these and
    // the members asked for is used as it is.
    auto have = db.statement(QStringLiteral(
                                 "SELECT (SELECT COUNT(*) FROM members), (SELECT COUNT(*) FROM sales WHERE "
                                 "receipt_no >= 'BENCH' AND receipt_no < 'BENCI')"))
                    .select();
    if (!have)
        return fail(have.error().message);
    const qint64 haveMembers = have->first().at(0).toLongLong(), haveSales = have->first().at(1).toLongLong();
    const bool reuse = haveMembers == *members && haveSales == *sales;
    if (!reuse) {
        if (haveSales > 0 || haveMembers > *members)
            return fail(QStringLiteral("%1 holds another bench's store: give a new --db file").arg(path));
        if (auto filled = fillMembers(ctx, *members); !filled)
            return fail(filled.error().message);
        if (auto st = generateSales(ctx, *members, *sales, nowMs); !st)
            return fail(st.error().message);
    }
    o.insert(QStringLiteral("generate_s"), reuse ? 0.0 : msSince(t) / 1000.0);
    auto counts =
        db.statement(QStringLiteral("SELECT (SELECT COUNT(*) FROM members), (SELECT COUNT(*) FROM sales)"))
            .select();
    if (!counts)
        return fail(counts.error().message);
    o.insert(QStringLiteral("members"), counts->first().at(0).toLongLong());
    o.insert(QStringLiteral("documents"), counts->first().at(1).toLongLong()); // sales and their refunds

    // Each phase in a scope of its own, so that the peak memory is one phase's (an engine holds
    // 64 bytes a member; the till holds one).
    const int today = segments::dayNumber(ctx.time().localDate(nowMs));
    const QString file = segments::SegmentEngine::fileFor(path);
    {
        // rebuild_ms: every member's aggregate from the raw sales, as the engine's first start does.
        segments::SegmentEngine engine(db, ctx.time());
        t.restart();
        if (auto st = engine.rebuild(); !st)
            return fail(st.error().message);
        o.insert(QStringLiteral("rebuild_ms"), msSince(t));

        // refresh_ms: every class of every member again from the kept aggregates (the median of five).
        const std::vector<segments::MemberAggregate> list = inIdOrder(db, engine.aggregates());
        std::vector<double> refresh;
        segments::Classes classes;
        for (int i = 0; i < 5; ++i) {
            t.restart();
            classes = segments::classify(list, today);
            refresh.push_back(msSince(t));
        }
        std::sort(refresh.begin(), refresh.end());
        o.insert(QStringLiteral("refresh_ms"), refresh[2]);
        o.insert(QStringLiteral("buyers"), classes.buyers);

        if (auto st = engine.save(file); !st)
            return fail(st.error().message);
    }

    // cold_load_ms: the next start, its file read from disk (dropped from the page cache first).
    if (const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY); fd >= 0) {
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
    {
        segments::SegmentEngine next(db, ctx.time());
        t.restart();
        auto started = next.open(file);
        const double ms = msSince(t);
        if (!started)
            return fail(started.error().message);
        if (*started != segments::SegmentEngine::Start::Loaded)
            return fail(QStringLiteral("the engine's file was not loaded back"));
        o.insert(QStringLiteral("cold_load_ms"), ms);
        o.insert(QStringLiteral("file_mb"), static_cast<double>(QFile(file).size()) / (1024.0 * 1024.0));
    }

    Tally engineTally;
    // update_us: one document folded in as the till hands it over after its commit (a sale; one
    // in twenty a refund of the member's receipt just before, undone whole, which re-reads that
    // member), beside catchup_us: another engine reading the same document back from the store
    // (what another till's documents cost it). Writing each document is not timed.
    {
        segments::SegmentEngine till(db, ctx.time()), other(db, ctx.time());
        for (segments::SegmentEngine *e : {&till, &other})
            if (auto st = e->open(file); !st || *st != segments::SegmentEngine::Start::Loaded)
                return fail(QStringLiteral("the engine's file was not loaded back"));
        auto ids = db.statement(QStringLiteral("SELECT MAX(id), (SELECT MIN(id) FROM operators) FROM sales"))
                       .select();
        if (!ids)
            return fail(ids.error().message);
        const qint64 firstNew = ids->first().at(0).toLongLong() + 1;
        const qint64 op = ids->first().at(1).toLongLong();
        const QString day = ctx.time().businessDay(nowMs);
        Statement &insert =
            db.statement(QStringLiteral("INSERT INTO sales(id, uuid, store_id, business_day, seq, "
                                        "receipt_no, kind, original_sale_id, operator_id, "
                                        "member_id, subtotal_fen, discount_fen, rounding_fen, total_fen, "
                                        "created_at_ms) VALUES (?1, 'bench-u' || ?1, "
                                        "?2, ?3, ?1, 'U' || ?1, ?4, ?5, ?6, ?7, ?8, 0, 0, ?8, ?9)"));
        std::vector<double> fold, catchUp;
        qint64 member = 0;
        for (qint64 i = 0; i < *updates; ++i) {
            const qint64 id = firstNew + i;
            const bool refund = i % 20 == 19;
            if (!refund)
                member = 1 + (i * 7919) % *members;
            const segments::SegmentEngine::Document d{id, member, refund ? -1990 : 1990, nowMs - *updates + i,
                                                      refund ? id - 1 : 0};
            if (auto st = insert.exec(
                    {id, ctx.store().storeId, day, refund ? QStringLiteral("refund") : QStringLiteral("sale"),
                     refund ? QVariant(id - 1) : QVariant(), op, member, qint64(d.totalFen), qint64(d.atMs)});
                !st)
                return fail(st.error().message);
            t.restart();
            auto folded = till.fold(d);
            fold.push_back(static_cast<double>(t.nsecsElapsed()) / 1e3);
            t.restart();
            auto read = other.catchUp();
            catchUp.push_back(static_cast<double>(t.nsecsElapsed()) / 1e3);
            if (!folded)
                return fail(folded.error().message);
            if (!read)
                return fail(read.error().message);
        }
        auto mean = [](const std::vector<double> &v) {
            double sum = 0;
            for (double x : v)
                sum += x;
            return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
        };
        auto p99 = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v.empty() ? 0.0 : v[static_cast<std::size_t>(0.99 * static_cast<double>(v.size() - 1))];
        };
        o.insert(QStringLiteral("updates"), static_cast<qint64>(fold.size()));
        o.insert(QStringLiteral("update_us"), mean(fold));
        o.insert(QStringLiteral("update_p99_us"), p99(fold));
        o.insert(QStringLiteral("catchup_us"), mean(catchUp));
        o.insert(QStringLiteral("catchup_p99_us"), p99(catchUp));
        if (till.aggregates() != other.aggregates())
            return fail(QStringLiteral(
                "folding the documents as the till hands them over and reading them back disagree"));
        // What the SQL below sees: the store after the updates.
        engineTally = tallyOf(segments::classify(inIdOrder(db, till.aggregates()), today));
    }
    // trend_month_ms: one past point of the 12-month trend (each is counted once, then kept).
    {
        const QDate day = ctx.time().localDate(nowMs);
        const QDate lastMonthEnd = QDate(day.year(), day.month(), 1).addDays(-1);
        t.restart();
        auto sizes = segments::sizesAsOf(db, ctx.time(), lastMonthEnd, segments::SegmentSettings{});
        if (!sizes)
            return fail(sizes.error().message);
        o.insert(QStringLiteral("trend_month_ms"), msSince(t));
    }
    // The engine's phases end here; the SQL below holds temporary tables of its own.
    o.insert(QStringLiteral("peak_rss_mb"), peakRssMb());
    // sql_ms: the baseline, over the same sales as of the same day.
    {
        const qint64 endMs =
            ctx.time().toUtcMs(QDateTime(ctx.time().localDate(nowMs).addDays(1), QTime(0, 0)));
        t.restart();
        RowScan q(db, kSqlBaseline);
        q.bind(1, endMs);
        q.bind(2, today);
        Tally sqlTally;
        while (q.next())
            sqlTally[std::string(reinterpret_cast<const char *>(q.text(0))) + ':' +
                     std::to_string(q.integer(1))] += q.integer(2);
        if (auto st = q.finish(); !st)
            return fail(st.error().message);
        o.insert(QStringLiteral("sql_ms"), msSince(t));
        // Classes with nobody in them are rows with a count of zero in SQL (recency), absent in
        // the engine's tally: compare what holds members.
        for (auto it = sqlTally.begin(); it != sqlTally.end();)
            it = it->second == 0 ? sqlTally.erase(it) : std::next(it);
        const bool same = sqlTally == engineTally;
        o.insert(QStringLiteral("sql_matches"), same);
        if (!same) {
            for (const auto &[k, v] : engineTally)
                if (sqlTally[k] != v)
                    err() << "differs: " << QString::fromStdString(k) << " engine " << v << " sql "
                          << sqlTally[k] << "\n";
        }
    }
    o.insert(QStringLiteral("rebuild_vs_sql"),
             o.value(QStringLiteral("sql_ms")).toDouble() /
                 std::max(0.001, o.value(QStringLiteral("rebuild_ms")).toDouble()));
    o.insert(QStringLiteral("sql_peak_rss_mb"), peakRssMb());
    out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
    return o.value(QStringLiteral("sql_matches")).toBool() ? 0 : 1;
}

} // namespace huike::cli
