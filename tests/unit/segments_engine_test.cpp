// 会员分析's engine: the aggregates kept by each committed document, saved and loaded again, give
// byte for byte the classes a rebuild from the raw sales gives; a file that is not the store's as
// it is now is never read as aggregates.

#include "core/uuid.h"
#include "segments/aggregates.h"
#include "segments/classify.h"
#include "segments/engine.h"
#include "testsupport.h"

#include <QFile>
#include <catch2/catch.hpp>
#include <string>

using namespace huike::segments;
using huike::test::shanghaiMs;

namespace {

template <class T> void append(std::string &out, const std::vector<T> &v)
{
    out.append(reinterpret_cast<const char *>(v.data()), v.size() * sizeof(T));
}

// Every byte classify() decides, members 1..n in id order.
std::string classesOf(const std::vector<MemberAggregate> &byId, int asOfDay, std::size_t n)
{
    std::vector<MemberAggregate> list(n);
    for (std::size_t i = 1; i <= n && i < byId.size(); ++i)
        list[i - 1] = byId[i];
    const Classes c = classify(list, asOfDay);
    std::string out;
    append(out, c.recency);
    append(out, c.frequency);
    append(out, c.monetary);
    append(out, c.weekday);
    append(out, c.slot);
    append(out, c.highValue);
    append(out, c.rScore);
    append(out, c.fScore);
    append(out, c.mScore);
    append(out, c.rfm);
    append(out, c.lifecycle);
    out.append(reinterpret_cast<const char *>(&c.highValueCutFen), sizeof c.highValueCutFen);
    return out;
}

struct Story {
    huike::test::TestShop shop{shanghaiMs(2026, 11, 2, 9, 0)};
    std::vector<qint64> members;
    huike::segments::SegmentEngine engine{shop.ctx().db(), shop.ctx().time()};

    Story()
    {
        const char *phones[] = {"13812345678", "13900001111", "15000002222", "18600003333", "13700004444"};
        const char *names[] = {"王芳", "李娜", "张伟", "刘洋", "陈静"};
        for (int i = 0; i < 5; ++i)
            members.push_back(shop.addMember(QString::fromLatin1(phones[i]), QString::fromUtf8(names[i])));
    }
    huike::SaleResult sell(qint64 member, qint64 atMs, qint64 bottles = 1)
    {
        shop.clock.set(atMs);
        auto s =
            shop.ctx().checkout().commit(shop.memberRequest(member, {shop.line(shop.p.oil, bottles * 1000)}));
        INFO(huike::test::why(s));
        REQUIRE(s.ok());
        return *s;
    }
    qint64 firstLine(const QString &receiptNo)
    {
        return shop
            .scalar(QStringLiteral("SELECT l.id FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE "
                                   "s.receipt_no = ?"),
                    {receiptNo})
            .toLongLong();
    }
    std::vector<MemberAggregate> rebuilt()
    {
        auto r = rebuildAggregates(shop.ctx().db(), shop.ctx().time(), Cutoff{});
        REQUIRE(r.ok());
        return *r;
    }
    void requireSameAsRebuild(int asOfDay)
    {
        const std::vector<MemberAggregate> fresh = rebuilt();
        for (qint64 id : members)
            CHECK(engine.of(id) == fresh[static_cast<std::size_t>(id)]);
        CHECK(classesOf(engine.aggregates(), asOfDay, members.size()) ==
              classesOf(fresh, asOfDay, members.size()));
    }
};

} // namespace

TEST_CASE("the engine kept by each committed sale, refund and void gives the classes a rebuild gives, byte "
          "for byte",
          "[segments][engine]")
{
    Story s;
    REQUIRE(s.engine.open(s.shop.path() + QStringLiteral(".segments")).ok());
    const int asOf = dayNumber(QDate(2026, 12, 10));
    auto fold = [&] {
        auto n = s.engine.catchUp();
        INFO(huike::test::why(n));
        REQUIRE(n.ok());
        CHECK(*n == 1); // one document each time
        s.requireSameAsRebuild(asOf);
    };
    const qint64 wang = s.members[0], li = s.members[1], zhang = s.members[2], liu = s.members[3];
    s.sell(wang, shanghaiMs(2026, 11, 2, 0, 5)); // Monday just after midnight: in no slot
    fold();
    s.sell(wang, shanghaiMs(2026, 11, 9, 10, 0)); // Monday 10:00
    fold();
    s.sell(li, shanghaiMs(2026, 11, 10, 19, 0), 3);
    fold();
    s.sell(zhang, shanghaiMs(2026, 11, 20, 12, 30));
    fold();
    s.sell(liu, shanghaiMs(2026, 11, 21, 8, 0)); // voided below
    fold();
    const huike::SaleResult last = s.sell(wang, shanghaiMs(2026, 12, 1, 20, 0), 2); // refunded whole below
    fold();
    CHECK(s.engine.of(wang).lastDay == dayNumber(QDate(2026, 12, 1)));
    CHECK(s.engine.of(wang).orders == 3);

    // A refund of part: money only.
    s.shop.clock.set(shanghaiMs(2026, 12, 2, 9, 0));
    auto part = s.shop.ctx().returns().refund(
        s.shop.refundRequest(last.receiptNo, {{s.firstLine(last.receiptNo), 1000}}));
    INFO(huike::test::why(part));
    REQUIRE(part.ok());
    fold();
    CHECK(s.engine.of(wang).orders == 3);
    CHECK(s.engine.of(wang).spendFen == 6990 * 3);
    // The rest of it: the receipt is undone whole, and Wang's last purchase is the Monday before.
    auto rest = s.shop.ctx().returns().refund(s.shop.refundRequest(last.receiptNo));
    REQUIRE(rest.ok());
    fold();
    CHECK(s.engine.of(wang).orders == 2);
    CHECK(s.engine.of(wang).lastDay == dayNumber(QDate(2026, 11, 9)));
    CHECK(s.engine.of(wang).spendFen == 6990 * 2);

    // A void in the same shift takes Liu's only order back: Liu never bought.
    s.shop.clock.set(shanghaiMs(2026, 12, 2, 9, 5));
    const huike::SaleResult mistake = s.sell(liu, shanghaiMs(2026, 12, 2, 9, 5));
    fold();
    s.shop.clock.set(shanghaiMs(2026, 12, 2, 9, 6));
    auto v = s.shop.ctx().returns().voidSale(huike::newUuid(), mistake.receiptNo,
                                             QStringLiteral("收银员按错"), s.shop.cashier,
                                             s.shop.approveVoid(mistake.receiptNo), s.shop.shift());
    INFO(huike::test::why(v));
    REQUIRE(v.ok());
    fold();
    CHECK(s.engine.of(liu).orders == 1); // the 21 November one stays

    // A sale without a member moves the mark and counts for nobody.
    s.shop.clock.set(shanghaiMs(2026, 12, 3, 15, 0));
    s.shop.sell({s.shop.line(s.shop.p.water)});
    fold();

    // Saved and loaded by another engine (the next start): the same bytes.
    const QString file = s.shop.path() + QStringLiteral(".segments");
    REQUIRE(s.engine.save(file).ok());
    CHECK_FALSE(s.engine.unsaved());
    huike::segments::SegmentEngine next(s.shop.ctx().db(), s.shop.ctx().time());
    auto started = next.open(file);
    REQUIRE(started.ok());
    CHECK(*started == SegmentEngine::Start::Loaded);
    CHECK(classesOf(next.aggregates(), asOf, s.members.size()) ==
          classesOf(s.rebuilt(), asOf, s.members.size()));
    CHECK(next.salesMark() == s.engine.salesMark());
}

TEST_CASE("at start the engine folds in what other programs committed since its file, and rebuilds from a "
          "file that "
          "is torn, damaged or another store's",
          "[segments][engine]")
{
    Story s;
    const QString file = s.shop.path() + QStringLiteral(".segments");
    const int asOf = dayNumber(QDate(2026, 12, 10));
    s.sell(s.members[0], shanghaiMs(2026, 11, 3, 10, 0));
    auto first = s.engine.open(file);
    REQUIRE(first.ok());
    CHECK(*first == SegmentEngine::Start::Rebuilt); // no file yet
    REQUIRE(s.engine.save(file).ok());

    // Sales the engine did not see (another till, the command line) are folded in at open.
    s.sell(s.members[1], shanghaiMs(2026, 11, 4, 11, 0));
    s.sell(s.members[0], shanghaiMs(2026, 11, 5, 16, 0));
    {
        huike::segments::SegmentEngine later(s.shop.ctx().db(), s.shop.ctx().time());
        auto st = later.open(file);
        REQUIRE(st.ok());
        CHECK(*st == SegmentEngine::Start::Loaded);
        CHECK(later.of(s.members[0]).orders == 2);
        CHECK(later.of(s.members[1]).orders == 1);
        CHECK(classesOf(later.aggregates(), asOf, 5) == classesOf(s.rebuilt(), asOf, 5));
        REQUIRE(later.save(file).ok());
    }

    auto reopened = [&] {
        huike::segments::SegmentEngine e(s.shop.ctx().db(), s.shop.ctx().time());
        auto st = e.open(file);
        REQUIRE(st.ok());
        CHECK(classesOf(e.aggregates(), asOf, 5) == classesOf(s.rebuilt(), asOf, 5));
        return *st;
    };
    CHECK(reopened() == SegmentEngine::Start::Loaded);

    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadWrite));
    const QByteArray whole = f.readAll();
    SECTION("torn: cut short")
    {
        REQUIRE(f.resize(whole.size() - 10));
        f.close();
        CHECK(reopened() == SegmentEngine::Start::Rebuilt);
    }
    SECTION("damaged: a byte of a member's aggregate changed")
    {
        QByteArray bad = whole;
        bad[bad.size() - 64 + 8] = static_cast<char>(bad[bad.size() - 64 + 8] ^ 0x5a);
        REQUIRE(f.seek(0));
        REQUIRE(f.write(bad) == bad.size());
        f.close();
        CHECK(reopened() == SegmentEngine::Start::Rebuilt);
    }
    SECTION("another store's: its mark is not a sale of this one")
    {
        f.close();
        huike::test::TestShop other(shanghaiMs(2026, 11, 2, 9, 0));
        const qint64 m = other.addMember(QStringLiteral("13600005555"), QStringLiteral("赵敏"));
        other.clock.set(shanghaiMs(2026, 11, 20, 10, 0));
        REQUIRE(other.ctx().checkout().commit(other.memberRequest(m, {other.line(other.p.water)})).ok());
        huike::segments::SegmentEngine e(other.ctx().db(), other.ctx().time());
        auto st = e.open(file);
        REQUIRE(st.ok());
        CHECK(*st == SegmentEngine::Start::Rebuilt);
        CHECK(e.of(m).orders == 1);
        CHECK(e.of(s.members[1]).orders == 0); // none of this store's sales
    }
}

TEST_CASE("fold: a document the till hands over after its commit gives what reading it back gives, and a "
          "document after a gap catches up the ones between",
          "[segments][engine]")
{
    Story s;
    const QString file = s.shop.path() + QStringLiteral(".segments");
    REQUIRE(s.engine.open(file).ok());
    const int asOf = dayNumber(QDate(2026, 12, 10));
    // What the till knows of the document it just committed.
    auto latest = [&] {
        const qint64 id = s.shop.scalar(QStringLiteral("SELECT MAX(id) FROM sales")).toLongLong();
        auto col = [&](const char *c) {
            return s.shop.scalar(QStringLiteral("SELECT %1 FROM sales WHERE id = ?").arg(QLatin1String(c)),
                                 {id});
        };
        return SegmentEngine::Document{
            id, col("member_id").toLongLong(), col("total_fen").toLongLong(),
            col("created_at_ms").toLongLong(),
            col("kind").toString() == QStringLiteral("sale") ? 0 : col("original_sale_id").toLongLong()};
    };
    auto fold = [&] {
        REQUIRE(s.engine.fold(latest()).ok());
        s.requireSameAsRebuild(asOf);
    };
    const qint64 wang = s.members[0], li = s.members[1];
    s.sell(wang, shanghaiMs(2026, 11, 3, 18, 30));
    fold();
    const huike::SaleResult second = s.sell(wang, shanghaiMs(2026, 11, 28, 9, 15));
    fold();
    CHECK(s.engine.of(wang).lastDay == dayNumber(QDate(2026, 11, 28)));
    // Refunded whole: the order goes, and the last purchase is the one before.
    s.shop.clock.set(shanghaiMs(2026, 11, 29, 10, 0));
    REQUIRE(s.shop.ctx().returns().refund(s.shop.refundRequest(second.receiptNo)).ok());
    fold();
    CHECK(s.engine.of(wang).orders == 1);
    CHECK(s.engine.of(wang).lastDay == dayNumber(QDate(2026, 11, 3)));
    // Another till sold twice meanwhile: the third document is not the next after the mark, so
    // folding it reads all three.
    s.sell(li, shanghaiMs(2026, 11, 30, 12, 0));
    s.sell(li, shanghaiMs(2026, 11, 30, 16, 0));
    s.sell(wang, shanghaiMs(2026, 12, 1, 20, 0));
    fold();
    CHECK(s.engine.of(li).orders == 2);
    CHECK(s.engine.of(wang).orders == 2);
    CHECK(s.engine.salesMark() == latest().id);
}

TEST_CASE("a rebuild over a chain-sized member list runs on every core and gives each member what reading "
          "them alone gives",
          "[segments][engine][parallel]")
{
    huike::test::TestShop shop(shanghaiMs(2026, 12, 1, 9, 0));
    const qint64 store = shop.ctx().store().storeId;
    // 130,000 members (past the size where the rebuild splits the work), 3,000 sales and some
    // refunds to members spread over all of them, written straight to the tables.
    shop.execRaw(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 130000) "
                                "INSERT INTO members(phone, store_id, created_at_ms) SELECT '147' || "
                                "substr('00000000' || i, -8), ?, 0 FROM n"),
                 {store});
    const qint64 top = shop.scalar(QStringLiteral("SELECT MAX(id) FROM members")).toLongLong();
    const qint64 base = shop.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM sales")).toLongLong();
    shop.execRaw(QStringLiteral(
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                     "INSERT INTO sales(id, uuid, store_id, business_day, seq, receipt_no, kind, operator_id, member_id, "
                     "subtotal_fen, discount_fen, rounding_fen, total_fen, created_at_ms) SELECT ?1 + i, 'p-' || i, ?2, "
                     "'20261101', i, 'P' || i, 'sale', ?3, 1 + (i * 7919) % ?4, 990 + i, 0, 0, 990 + i, ?5 + i * 1800000 "
                     "FROM n"),
                 {base, store, shop.cashier, top, shanghaiMs(2026, 10, 1, 0, 0)});
    shop.execRaw(QStringLiteral(
                     "INSERT INTO sales(id, uuid, store_id, business_day, seq, receipt_no, kind, original_sale_id, "
                     "operator_id, member_id, subtotal_fen, discount_fen, rounding_fen, total_fen, created_at_ms) SELECT "
                     "%1 + 3000 + (id - %1) / 7, 'q-' || id, store_id, business_day, 100000 + id, 'Q' || id, 'refund', id, "
                     "operator_id, member_id, -total_fen / (1 + (id % 2)), 0, 0, -total_fen / (1 + (id % 2)), "
                     "created_at_ms + 600000 FROM sales WHERE id > %1 AND (id - %1) % 7 = 0")
                     .arg(base));
    auto all = rebuildAggregates(shop.ctx().db(), shop.ctx().time(), Cutoff{});
    INFO(huike::test::why(all));
    REQUIRE(all.ok());
    REQUIRE(static_cast<qint64>(all->size()) == top + 1);
    int checked = 0;
    for (qint64 id = 1; id <= top; id += 37) {
        auto one = memberAggregate(shop.ctx().db(), shop.ctx().time(), id, Cutoff{});
        REQUIRE(one.ok());
        CHECK(all->at(static_cast<std::size_t>(id)) == *one);
        checked += one->orders > 0;
    }
    CHECK(checked > 50);
    qint64 orders = 0;
    for (const MemberAggregate &m : *all)
        orders += m.orders;
    // Every sale is an order but those refunded whole (every 14th: odd ids take all back).
    CHECK(orders == 3000 - shop.scalar(QStringLiteral("SELECT COUNT(*) FROM sales r WHERE r.kind = 'refund' AND r.total_fen "
                                                      "= -(SELECT total_fen FROM sales o WHERE o.id = r.original_sale_id)"))
                               .toLongLong());
}
