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
