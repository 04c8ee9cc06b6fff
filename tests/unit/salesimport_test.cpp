// huike-cli import-sales underneath: another system's sales history, read a piece at a time,
// lands as receipts that 会员分析 counts once the run has finished, and never twice.

#include "core/csv.h"
#include "segments/aggregates.h"
#include "segments/engine.h"
#include "segments/salesimport.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace huike;
using huike::test::shanghaiMs;

namespace {

struct HistoryShop {
    test::TestShop shop{shanghaiMs(2026, 12, 5, 9, 0)};
    QTemporaryDir dir;
    qint64 wang = shop.addMember(QStringLiteral("13812345678"), QStringLiteral("王芳"));

    QString file(const QByteArray &bytes, const QString &name = QStringLiteral("history.csv"))
    {
        QFile f(dir.filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write(bytes) == bytes.size());
        return f.fileName();
    }
    SalesImportReport import(const QString &path, SalesImportOptions options = {})
    {
        SalesImportReport r = importSalesCsv(shop.ctx().db(), shop.ctx().time(), shop.ctx().store().storeId,
                                             shop.clock.nowMs(), path, options);
        INFO(r.error.toStdString());
        REQUIRE(r.error.isEmpty());
        return r;
    }
    qint64 count(const char *sql) { return shop.scalar(QString::fromUtf8(sql)).toLongLong(); }
    qint64 memberBy(const char *column, const char *value)
    {
        return shop
            .scalar(QStringLiteral("SELECT id FROM members WHERE %1 = ?").arg(QLatin1String(column)),
                    {QString::fromUtf8(value)})
            .toLongLong();
    }
    segments::MemberAggregate rebuilt(qint64 member)
    {
        auto all = segments::rebuildAggregates(shop.ctx().db(), shop.ctx().time(), segments::Cutoff{});
        REQUIRE(all.ok());
        return member < static_cast<qint64>(all->size()) ? all->at(static_cast<std::size_t>(member))
                                                         : segments::MemberAggregate{};
    }
};

QStringList whys(const SalesImportReport &r)
{
    QStringList out;
    for (const SalesImportProblem &p : r.problems)
        out << p.why;
    return out;
}

} // namespace

TEST_CASE("import-sales: good rows land as receipts, bad rows are named by line, the rest still imported",
          "[segments][import]")
{
    HistoryShop h;
    const QString path = h.file("receipt_no,member,time,amount,barcode,name,qty\n"
                                "A001,13812345678,2026-11-02 10:15,35.50,6901234567892,金龙鱼花生油,1\n"
                                "A001,13812345678,2026-11-02 10:15,4.50,6920202888883,农夫山泉,3\n"
                                "A002,138 1234 5678,2026/11/09,20,,,\n"    // the phone as typed, '/' dates
                                "A003,13812345678,2026-11-31 09:00,5,,,\n" // no 31 November
                                "A004,13812345678,2026-11-10 25:00,5,,,\n" // no hour 25
                                "A005,13812345678,2026-11-10,12.345,,,\n"  // three decimals
                                "A006,,2026-11-10,5,,,\n"                  // no member
                                "A007,13812345678,2026-12-06,5,,,\n"       // tomorrow
                                "A008,13812345678,2026-11-10,5,,,两瓶\n"   // the quantity
                                "A009,13900009999,2026-11-10,5,,,\n");     // nobody the store knows
    const SalesImportReport r = h.import(path);
    CHECK(r.rows == 10);
    CHECK(r.receiptsAdded == 2);
    CHECK(r.linesAdded == 3);
    CHECK(r.rejected == 7);
    CHECK(r.encoding == QStringLiteral("UTF-8"));
    const QStringList problems = whys(r);
    REQUIRE(problems.size() == 7);
    CHECK(problems.at(0).startsWith(QStringLiteral("Line 5: the time \"2026-11-31 09:00\"")));
    CHECK(problems.at(1).startsWith(QStringLiteral("Line 6: the time")));
    CHECK(problems.at(2).startsWith(QStringLiteral("Line 7: the amount \"12.345\"")));
    CHECK(problems.at(3).startsWith(QStringLiteral("Line 8: the member is empty")));
    CHECK(problems.at(4).startsWith(QStringLiteral("Line 9: the time 2026-12-06 is in the future")));
    CHECK(problems.at(5).startsWith(QStringLiteral("Line 10: the quantity \"两瓶\"")));
    CHECK(problems.at(6) ==
          QStringLiteral("Line 11: no member 13900009999 (with --create-members it becomes a new member)."));
    // One receipt of two lines at the time it was rung up, Shanghai time.
    CHECK(h.count("SELECT total_fen FROM history_sales WHERE receipt_no = 'A001'") == 4000);
    CHECK(h.count("SELECT sold_at_ms FROM history_sales WHERE receipt_no = 'A001'") ==
          shanghaiMs(2026, 11, 2, 10, 15));
    CHECK(h.shop.scalar(QStringLiteral(
              "SELECT group_concat(name || '×' || qty_milli, '、') FROM history_sale_lines")) ==
          QStringLiteral("金龙鱼花生油×1000、农夫山泉×3000"));
    CHECK(h.memberBy("phone", "13812345678") == h.wang);
    CHECK(h.memberBy("phone", "13900009999") == 0); // nobody created without --create-members
    CHECK(h.count("SELECT finished_at_ms FROM sales_imports") == h.shop.clock.nowMs());

    // 会员分析 counts them: two orders, 60 yuan, the last on Monday 9 November (no hour: 00:00).
    const segments::MemberAggregate m = h.rebuilt(h.wang);
    CHECK(m.orders == 2);
    CHECK(m.spendFen == 6000);
    CHECK(m.firstDay == segments::dayNumber(QDate(2026, 11, 2)));
    CHECK(m.lastDay == segments::dayNumber(QDate(2026, 11, 9)));
    CHECK(m.weekdayOrders[0] == 2); // both Mondays
    CHECK(m.slotOrders[1] == 1);    // 10:15; midnight is in no slot
}

TEST_CASE("import-sales: the same file again adds nothing, and an interrupted run counts nothing until "
          "the file is run again",
          "[segments][import]")
{
    HistoryShop h;
    const QString path = h.file("小票号,会员,时间,金额\n"
                                "B1,13812345678,2026-11-20 12:30,88.00\n"
                                "B2,13812345678,2026-11-21 12:40,12.00\n");
    REQUIRE(h.import(path).receiptsAdded == 2);
    const SalesImportReport again = h.import(path);
    CHECK(again.receiptsAdded == 0);
    CHECK(again.receiptsKnown == 2);
    CHECK(again.previousRunAtMs == h.shop.clock.nowMs());
    CHECK(h.count("SELECT COUNT(*) FROM history_sales") == 2);
    CHECK(h.rebuilt(h.wang).spendFen == 10000);

    SECTION("a run cut off halfway (its finish never committed) is not counted, and running the file again "
            "imports it once")
    {
        const QString other = h.file("小票号,会员,时间,金额\nC1,13812345678,2026-11-25 09:30,50\n"
                                     "C2,13812345678,2026-11-26 09:30,50\n",
                                     QStringLiteral("other.csv"));
        const SalesImportReport cut = h.import(other);
        // As if the power went before the last UPDATE: the run is unfinished.
        h.shop.execRaw(
            QStringLiteral(
                "UPDATE sales_imports SET finished_at_ms = NULL, finished_seq = NULL WHERE id = ?"),
            {cut.importId});
        CHECK(h.rebuilt(h.wang).spendFen == 10000);
        const SalesImportReport resumed = h.import(other);
        CHECK(resumed.receiptsAdded == 2);
        CHECK(resumed.receiptsKnown == 0);
        CHECK(h.count("SELECT COUNT(*) FROM history_sales") == 4);
        CHECK(h.rebuilt(h.wang).spendFen == 20000);
        CHECK(h.rebuilt(h.wang).orders == 4);
    }
}

TEST_CASE("import-sales: a GBK file from Excel, a receipt's lines across pieces and far apart, a refund "
          "line and a receipt that is all refund",
          "[segments][import]")
{
    HistoryShop h;
    QString text = QStringLiteral("小票号,会员,时间,金额,商品名称,数量\r\n");
    // Forty receipts of three lines each: with 200-byte pieces most receipts span two pieces.
    for (int i = 1; i <= 40; ++i)
        for (int l = 1; l <= 3; ++l)
            text += QStringLiteral("D%1,13812345678,2026-10-%2 19:05,%3,\"花生油, 5L\",1\r\n")
                        .arg(i, 3, 10, QLatin1Char('0'))
                        .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                        .arg(l == 3 ? QStringLiteral("-1.00") : QStringLiteral("10.50"));
    // A line of D001 far from the others, and a receipt that is only a refund.
    text += QStringLiteral("D001,13812345678,2026-10-02 19:05,2.00,\"购物袋\n(大)\",1\r\n");
    text += QStringLiteral("R1,13812345678,2026-10-20 10:00,-30.00,退货,-1\r\n");
    SalesImportOptions options;
    options.pieceBytes = 200;
    int pieces = 0;
    options.progress = [&](qint64 done, qint64 total, qint64) {
        ++pieces;
        CHECK(done <= total);
    };
    const SalesImportReport r = h.import(h.file(encodeGb18030(text)), options);
    CHECK(r.encoding == QStringLiteral("GB18030"));
    CHECK(r.rejected == 0);
    CHECK(pieces > 20);
    CHECK(r.rows == 122);
    CHECK(r.receiptsAdded == 41);
    CHECK(r.linesAdded == 122);
    CHECK(h.count("SELECT COUNT(*) FROM history_sales") == 41);
    CHECK(h.count("SELECT total_fen FROM history_sales WHERE receipt_no = 'D001'") == 2000 + 200);
    CHECK(h.count("SELECT total_fen FROM history_sales WHERE receipt_no = 'D040'") == 2000);
    CHECK(h.shop.scalar(QStringLiteral("SELECT name FROM history_sale_lines WHERE line_no = 122")) ==
          QStringLiteral("购物袋\n(大)"));
    CHECK(h.count("SELECT line_no FROM history_sale_lines WHERE name = '退货'") ==
          124); // the quoted break counted
    // 40 orders, 40 × 20 + 2 − 30 yuan; the refund receipt is money only.
    const segments::MemberAggregate m = h.rebuilt(h.wang);
    CHECK(m.orders == 40);
    CHECK(m.spendFen == 40 * 2000 + 200 - 3000);
    CHECK(m.slotOrders[4] == 40); // 19:05 is in 18–21
}

TEST_CASE(
    "import-sales --create-members: a phone becomes a member by phone, a card or code by that code, and "
    "a receipt's line naming another member is left out",
    "[segments][import]")
{
    HistoryShop h;
    h.shop.execRaw(QStringLiteral("UPDATE members SET card_no = 'HK0001' WHERE id = ?"), {h.wang});
    const QString path = h.file("receipt_no,member,time,amount\n"
                                "E1,HK0001,2026-11-01 09:00,10\n"      // Wang's card
                                "E2,13700001234,2026-11-01 10:00,20\n" // a new phone
                                "E3,VIP-77,2026-11-01 11:00,30\n"      // the other system's code
                                "E3,VIP-77,2026-11-01 11:00,5\n"
                                "E3,VIP-78,2026-11-01 11:00,99\n" // someone else on E3
                                "E4,VIP-77,2026-11-02 11:00,1\n");
    SalesImportOptions options;
    options.createMembers = true;
    const SalesImportReport r = h.import(path, options);
    CHECK(r.membersCreated == 2);
    CHECK(r.receiptsAdded == 4);
    REQUIRE(whys(r) == QStringList{QStringLiteral("Line 6: receipt E3 is member VIP-77's on line 4.")});
    const qint64 phone = h.memberBy("phone", "13700001234");
    const qint64 code = h.memberBy("external_code", "VIP-77");
    CHECK(phone > 0);
    CHECK(code > 0);
    CHECK(h.memberBy("external_code", "VIP-78") == 0);
    CHECK(
        h.shop.scalar(QStringLiteral("SELECT phone IS NULL FROM members WHERE id = %1").arg(code)).toBool());
    CHECK(h.rebuilt(h.wang).spendFen == 1000);
    CHECK(h.rebuilt(code).spendFen == 3600);
    CHECK(h.rebuilt(code).orders == 2);
}

TEST_CASE("import-sales: the engine folds in an import when it finishes, the same as a rebuild, and keeps "
          "its mark in its file",
          "[segments][import][engine]")
{
    HistoryShop h;
    segments::SegmentEngine engine(h.shop.ctx().db(), h.shop.ctx().time());
    const QString file = h.shop.path() + QStringLiteral(".segments");
    REQUIRE(engine.open(file).ok());
    h.shop.clock.set(shanghaiMs(2026, 12, 5, 10, 0));
    REQUIRE(h.shop.ctx().checkout().commit(h.shop.memberRequest(h.wang, {h.shop.line(h.shop.p.oil)})).ok());
    SalesImportOptions options;
    options.createMembers = true;
    h.import(h.file("receipt_no,member,time,amount\nF1,13812345678,2026-11-28 18:30,66.60\n"
                    "F2,VIP-9,2026-11-29 07:00,10\n"),
             options);
    auto n = engine.catchUp();
    REQUIRE(n.ok());
    CHECK(*n == 3); // the till's sale and the two imported receipts
    const qint64 code = h.memberBy("external_code", "VIP-9");
    CHECK(engine.of(h.wang) == h.rebuilt(h.wang));
    CHECK(engine.of(code) == h.rebuilt(code));
    CHECK(engine.of(code).orders == 1);
    REQUIRE(engine.save(file).ok());

    // The next start loads the file, and nothing is folded twice.
    segments::SegmentEngine next(h.shop.ctx().db(), h.shop.ctx().time());
    auto started = next.open(file);
    REQUIRE(started.ok());
    CHECK(*started == segments::SegmentEngine::Start::Loaded);
    CHECK(next.of(h.wang) == h.rebuilt(h.wang));
    auto none = next.catchUp();
    REQUIRE(none.ok());
    CHECK(*none == 0);

    // A file whose import mark this store does not have is rebuilt.
    h.shop.execRaw(QStringLiteral("UPDATE sales_imports SET finished_seq = finished_seq + 10"));
    segments::SegmentEngine third(h.shop.ctx().db(), h.shop.ctx().time());
    auto st = third.open(file);
    REQUIRE(st.ok());
    CHECK(*st == segments::SegmentEngine::Start::Rebuilt);
    CHECK(third.of(code) == h.rebuilt(code));
}
