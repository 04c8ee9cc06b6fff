// 会员分析's views: each category's classes with their members, and a class exported to CSV with
// the member as registered, the name and every class.

#include "core/csv.h"
#include "segments/aggregates.h"
#include "segments/categories.h"
#include "segments/classexport.h"
#include "segments/service.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace huike::segments;
using huike::test::shanghaiMs;

namespace {

MemberAggregate boughtOn(int lastDay, std::uint32_t orders, std::int64_t spendFen)
{
    MemberAggregate m;
    m.orders = orders;
    m.spendFen = spendFen;
    m.firstDay = m.lastDay = static_cast<std::uint16_t>(lastDay);
    return m;
}

std::vector<std::size_t> sizes(const std::vector<SegmentClass> &classes)
{
    std::vector<std::size_t> out;
    for (const SegmentClass &c : classes)
        out.push_back(c.members.size());
    return out;
}

} // namespace

TEST_CASE("each category lists its classes in the definitions' order with their members", "[segments]")
{
    const int today = dayNumber(QDate(2026, 12, 7));
    // d = 0, 5, 40, 200, 400 and one who never bought.
    const std::vector<MemberAggregate> members = {boughtOn(today, 1, 5000),        boughtOn(today - 5, 3, 20000),
                                                  boughtOn(today - 40, 12, 90000), boughtOn(today - 200, 6, 10000),
                                                  boughtOn(today - 400, 2, 50001), MemberAggregate{}};
    const Classes c = classify(members, today);

    const auto recency = classesOf(Category::Recency, c);
    REQUIRE(recency.size() == 4);
    CHECK(QString::fromUtf8(recency[0].label) == QStringLiteral("3天购买过"));
    CHECK(recency[0].members == std::vector<std::uint32_t>{0});
    CHECK(recency[1].members == std::vector<std::uint32_t>{0, 1}); // the filters overlap
    CHECK(recency[2].members == std::vector<std::uint32_t>{2, 3, 4});
    CHECK(recency[3].members == std::vector<std::uint32_t>{2, 3, 4});

    CHECK(sizes(classesOf(Category::Frequency, c)) == std::vector<std::size_t>{1, 1, 2, 1, 1});
    CHECK(sizes(classesOf(Category::Monetary, c)) == std::vector<std::size_t>{1, 2, 1, 2});
    const auto life = classesOf(Category::Lifecycle, c);
    REQUIRE(life.size() == 5);
    CHECK(QString::fromUtf8(life[0].label) == QStringLiteral("活跃"));
    CHECK(QString::fromUtf8(life[4].label) == QStringLiteral("未购买")); // last, after the buyers' stages
    CHECK(sizes(life) == std::vector<std::size_t>{3, 0, 1, 1, 1});
    const auto rfm = classesOf(Category::Rfm, c);
    REQUIRE(rfm.size() == 8);
    std::size_t classed = 0;
    for (const SegmentClass &s : rfm)
        classed += s.members.size();
    CHECK(classed == 5); // every buyer, once
    CHECK(classesOf(Category::Weekday, c).size() == 7);
    CHECK(classesOf(Category::Slot, c).size() == 5);
    CHECK(classesOf(Category::HighValue, c).size() == 4);
}

TEST_CASE("a class exported to CSV: the member as registered, the name and every class, for Excel",
          "[segments][export]")
{
    huike::test::TestShop shop(shanghaiMs(2026, 11, 2, 9, 0));
    const qint64 wang = shop.addMember(QStringLiteral("13812345678"), QStringLiteral("王芳"));
    const qint64 li = shop.addMember(QStringLiteral("13900001111"), QStringLiteral("李娜"));
    shop.clock.set(shanghaiMs(2026, 11, 20, 19, 30));
    REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(wang, {shop.line(shop.p.oil)})).ok());
    REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(li, {shop.line(shop.p.water)})).ok());

    SegmentSnapshot s;
    s.asOf = QDate(2026, 11, 21);
    auto all = rebuildAggregates(shop.ctx().db(), shop.ctx().time(), Cutoff{});
    REQUIRE(all.ok());
    for (std::size_t id = 1; id < all->size(); ++id) {
        s.memberIds.push_back(static_cast<std::int64_t>(id));
        s.aggregates.push_back(all->at(id));
    }
    s.classes = classify(s.aggregates, dayNumber(s.asOf));
    const auto once = classesOf(Category::Frequency, s.classes)[1]; // 1次
    REQUIRE(once.members.size() == 2);

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("一次.csv"));
    int lastProgress = -1;
    auto written = exportClassCsv(shop.path(), s, once.members, file, [&](int p) { lastProgress = p; });
    INFO(huike::test::why(written));
    REQUIRE(written.ok());
    CHECK(*written == 2);
    CHECK(lastProgress == 100);
    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    auto table = huike::parseCsv(QString::fromUtf8(bytes.mid(3)));
    REQUIRE(table.ok());
    REQUIRE(table->rows.size() == 3);
    CHECK(table->rows[0].mid(0, 4) == QStringList{QStringLiteral("member"), QStringLiteral("name"),
                                                  QStringLiteral("orders"), QStringLiteral("spend")});
    CHECK(table->rows[0].size() == 17);
    CHECK(table->rows[1].mid(0, 3) ==
          QStringList{QStringLiteral("13812345678"), QStringLiteral("王芳"), QStringLiteral("1")});
    CHECK(table->rows[1].at(4) == QStringLiteral("2026-11-20"));
    CHECK(table->rows[2].at(1) == QStringLiteral("李娜"));
    CHECK(table->rows[2].at(16) == QStringLiteral("活跃"));
}
