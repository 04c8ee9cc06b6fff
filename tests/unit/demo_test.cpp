// The demo store: months of history rung up through the real services must be sound books, and
// the same seed must give the same store.

#include "demo/demo.h"
#include "reports/integrity.h"
#include "sales/shifts.h"
#include "store/database.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QSqlRecord>

using namespace huike;
using huike::test::shanghaiMs;
using huike::test::why;

namespace {
QStringList rows(Database &db, const QString &sql)
{
    QStringList out;
    QSqlQuery q(db.db());
    REQUIRE(q.exec(sql));
    const int columns = q.record().count();
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < columns; ++i)
            cells << q.value(i).toString();
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}
} // namespace

TEST_CASE("a month of demo history is sound and the same seed gives the same store", "[demo]")
{
    QTemporaryDir dir;
    const qint64 now = shanghaiMs(2026, 11, 25, 9, 0);
    DemoOptions o;
    o.seed = 88;
    o.members = 150;
    o.months = 1;

    auto a = Database::open(dir.filePath(QStringLiteral("a.db")));
    auto b = Database::open(dir.filePath(QStringLiteral("b.db")));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    auto ra = createDemoStore(**a, o, now);
    INFO(why(ra));
    REQUIRE(ra.ok());
    auto rb = createDemoStore(**b, o, now);
    REQUIRE(rb.ok());

    CHECK(ra->members == 150);
    CHECK(ra->shifts == 31); // 2026-10-25 .. 2026-11-24
    CHECK(ra->sales > 31 * 40);
    CHECK(ra->refunds > 0);
    CHECK(ra->sales == rb->sales);
    CHECK(ra->refunds == rb->refunds);

    CHECK(verifyDatabase(**a) == QStringList());
    // Every shift was closed, and the expected cash it recorded is what its report says now.
    CHECK(rows(**a, QStringLiteral("SELECT id FROM shifts WHERE closed_at_ms IS NULL")).isEmpty());
    {
        ManualClock clock(now);
        ShopTime time;
        StoreContext store{
            rows(**a, QStringLiteral("SELECT id FROM stores WHERE code = 'S01'")).value(0).toLongLong(),
            QStringLiteral("S01"), QStringLiteral("POS1")};
        ShiftService shifts(**a, clock, time, store);
        const QStringList closed =
            rows(**a, QStringLiteral("SELECT id, expected_fen FROM shifts ORDER BY id"));
        REQUIRE(closed.size() == ra->shifts);
        for (const QString &row : closed) {
            const QStringList cells = row.split(QLatin1Char('|'));
            auto report = shifts.report(cells.at(0).toLongLong());
            REQUIRE(report.ok());
            INFO("shift " << cells.at(0).toStdString());
            CHECK(report->expectedCash.fen() == cells.at(1).toLongLong());
        }
    }
    // Durability is back to FULL once the bulk load is done.
    CHECK(rows(**a, QStringLiteral("PRAGMA synchronous")) == QStringList{QStringLiteral("2")});

    const QString business =
        QStringLiteral("SELECT receipt_no, kind, total_fen, discount_fen, member_id, created_at_ms, "
                       "(SELECT group_concat(tender || ':' || amount_fen) FROM payments p WHERE p.sale_id = "
                       "s.id) FROM sales s ORDER BY id");
    const QStringList salesA = rows(**a, business);
    CHECK(salesA.size() == ra->sales + ra->refunds + ra->recharges);
    CHECK(ra->recharges > 0);
    // Members bought coffee cards and came back to use them, through the real services.
    CHECK(ra->countCardsSold > 0);
    CHECK(ra->countCardUses > 0);
    CHECK(ra->couponsUsed > 0);
    CHECK(rows(**a, QStringLiteral("SELECT COUNT(*) FROM coupons WHERE state = 'used'")).value(0).toInt() > 0);
    CHECK(rows(**a, QStringLiteral("SELECT COUNT(*) FROM count_cards")) ==
          QStringList{QString::number(ra->countCardsSold)});
    CHECK(salesA == rows(**b, business));
    CHECK(rows(**a, QStringLiteral("SELECT code, name, price_fen, stock_milli FROM products ORDER BY id")) ==
          rows(**b, QStringLiteral("SELECT code, name, price_fen, stock_milli FROM products ORDER BY id")));

    // History stays in the past and inside the shop's hours (07:00-23:00 Shanghai).
    CHECK(rows(**a, QStringLiteral("SELECT id FROM sales WHERE created_at_ms >= %1").arg(now)).isEmpty());
    const QStringList hours =
        rows(**a, QStringLiteral("SELECT DISTINCT CAST(strftime('%H', created_at_ms / 1000, "
                                 "'unixepoch', '+8 hours') AS INTEGER) FROM sales"));
    for (const QString &h : hours) {
        INFO("hour " << h.toStdString());
        CHECK(h.toInt() >= 7);
        CHECK(h.toInt() <= 22);
    }
}
