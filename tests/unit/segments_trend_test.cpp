// 会员分析's trend: each class's size at the end of each of the last twelve months, counted from
// the sales as they stood then (a refund counts from its day, history imported later counts from
// the day it happened, a member who joined later is in no class), kept in a file beside the
// store until an import or the settings change what the past looks like.

#include "segments/salesimport.h"
#include "segments/service.h"
#include "segments/trend.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>

using namespace huike::segments;
using huike::test::shanghaiMs;
using Sizes = std::vector<std::uint32_t>;

namespace {

struct Year {
    huike::test::TestShop shop{shanghaiMs(2026, 1, 5, 9, 0)};
    QTemporaryDir dir;
    qint64 zhang = 0, li = 0;
    std::uint32_t others = 0; // the test shop's own members, registered before all this, never buying

    Year()
    {
        others = static_cast<std::uint32_t>(shop.scalar(QStringLiteral("SELECT COUNT(*) FROM members")).toUInt());
        zhang = shop.addMember(QStringLiteral("13800000001"), QStringLiteral("张三")); // joins 5 January
        sell(zhang, shanghaiMs(2026, 3, 10, 10, 0));
        const QString may = sell(zhang, shanghaiMs(2026, 5, 20, 19, 0));
        shop.clock.set(shanghaiMs(2026, 6, 15, 11, 0));
        li = shop.addMember(QStringLiteral("13900000002"), QStringLiteral("李四")); // never buys
        shop.clock.set(shanghaiMs(2026, 7, 1, 9, 30));
        auto back = shop.ctx().returns().refund(shop.refundRequest(may)); // the May receipt, whole
        INFO(huike::test::why(back));
        REQUIRE(back.ok());
        shop.clock.set(shanghaiMs(2026, 12, 7, 10, 0));
        // 王五 comes from the old system today, with a purchase from last December.
        import("old.csv", "receipt_no,member,time,amount\nH-1,15000000003,2025-12-20 12:00,88.00\n");
    }
    QString sell(qint64 member, qint64 atMs)
    {
        shop.clock.set(atMs);
        auto s = shop.ctx().checkout().commit(shop.memberRequest(member, {shop.line(shop.p.oil)}));
        INFO(huike::test::why(s));
        REQUIRE(s.ok());
        return s->receiptNo;
    }
    void import(const char *name, const char *csv)
    {
        QFile f(dir.filePath(QString::fromLatin1(name)));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(csv);
        f.close();
        huike::SalesImportOptions o;
        o.createMembers = true;
        const huike::SalesImportReport r = importSalesCsv(shop.ctx().db(), shop.ctx().time(), shop.ctx().store().storeId,
                                                   shop.clock.nowMs(), f.fileName(), o);
        INFO(r.error.toStdString());
        REQUIRE(r.error.isEmpty());
        REQUIRE(r.rejected == 0);
    }
    ClassSizes at(int y, int m, int d)
    {
        auto s = sizesAsOf(shop.ctx().db(), shop.ctx().time(), QDate(y, m, d), SegmentSettings{});
        INFO(huike::test::why(s));
        REQUIRE(s.ok());
        return *s;
    }
    QString fingerprint()
    {
        auto f = trendFingerprint(shop.ctx().db(), shop.ctx().time(), SegmentSettings{});
        REQUIRE(f.ok());
        return *f;
    }
};

} // namespace

TEST_CASE("the trend's days are the last day of each of the eleven months before this one, then today",
          "[segments][trend]")
{
    const std::vector<QDate> days = trendDays(QDate(2026, 12, 7));
    REQUIRE(days.size() == 12);
    CHECK(days.front() == QDate(2026, 1, 31)); // January to December: twelve months
    CHECK(days[1] == QDate(2026, 2, 28));
    CHECK(days[10] == QDate(2026, 11, 30));
    CHECK(days[11] == QDate(2026, 12, 7));
    CHECK(trendDays(QDate(2024, 3, 1), 2) == std::vector<QDate>{QDate(2024, 2, 29), QDate(2024, 3, 1)});
    CHECK(trendDays(QDate(2026, 1, 31), 3) ==
          std::vector<QDate>{QDate(2025, 11, 30), QDate(2025, 12, 31), QDate(2026, 1, 31)});
}

TEST_CASE("a month's end counts the sales as they stood then: members who had joined or bought, refunds "
          "from their day, imported history from its own",
          "[segments][trend]")
{
    Year y;
    // Frequency: 没下过单 1次 2-4次 5-9次 10次以上. Lifecycle: 活跃 沉默 睡眠 流失 未购买.
    // 31 December 2025: 王五 (his purchase of the 20th) and the shop's others; 张三 joins in
    // January, 李四 in June.
    ClassSizes dec = y.at(2025, 12, 31);
    CHECK(dec.asOf == QDate(2025, 12, 31));
    CHECK(dec.of(Category::Frequency) == Sizes{y.others, 1, 0, 0, 0});
    CHECK(dec.of(Category::Lifecycle) == Sizes{1, 0, 0, 0, y.others});
    CHECK(dec.of(Category::Monetary) == Sizes{y.others, 1, 0, 0}); // ¥88.00
    // 31 January: 张三 has joined and not bought yet.
    CHECK(y.at(2026, 1, 31).of(Category::Frequency) == Sizes{y.others + 1, 1, 0, 0, 0});
    CHECK(y.at(2026, 1, 31).of(Category::Lifecycle) == Sizes{1, 0, 0, 0, y.others + 1});
    // 31 May: 张三 has two orders; 李四 is not a member yet.
    CHECK(y.at(2026, 5, 31).of(Category::Frequency) == Sizes{y.others, 1, 1, 0, 0});
    // 30 June: 李四 has joined; 王五 is 192 days from his purchase (睡眠), 张三 41 (活跃).
    ClassSizes june = y.at(2026, 6, 30);
    CHECK(june.of(Category::Frequency) == Sizes{y.others + 1, 1, 1, 0, 0});
    CHECK(june.of(Category::Lifecycle) == Sizes{1, 0, 1, 0, y.others + 1});
    // 31 July: the May receipt was refunded whole on 1 July, so 张三 has one order again, last
    // bought on 10 March: 143 days (沉默).
    ClassSizes july = y.at(2026, 7, 31);
    CHECK(july.of(Category::Frequency) == Sizes{y.others + 1, 2, 0, 0, 0});
    CHECK(july.of(Category::Lifecycle) == Sizes{0, 1, 1, 0, y.others + 1});
    // Today the same three, as the live classes have them.
    CHECK(y.at(2026, 12, 7).of(Category::Frequency) == Sizes{y.others + 1, 2, 0, 0, 0});
    // Every category has one size per class, the way the screens list them.
    for (Category c : kCategories)
        CHECK(july.of(c).size() == classesOf(c, Classes{}).size());
}

TEST_CASE("the trend file keeps the counted months under what they depend on: another import of old "
          "sales makes them count again",
          "[segments][trend]")
{
    Year y;
    const QString file = TrendCache::fileFor(y.shop.path());
    const QString before = y.fingerprint();
    TrendCache cache;
    cache.load(file, before); // no file yet: nothing
    CHECK_FALSE(cache.find(QDate(2026, 2, 28)));
    cache.put(y.at(2026, 2, 28));
    cache.put(y.at(2025, 12, 31));
    REQUIRE(cache.save(file).ok());

    TrendCache again;
    again.load(file, before);
    REQUIRE(again.find(QDate(2026, 2, 28)));
    CHECK(*again.find(QDate(2026, 2, 28)) == y.at(2026, 2, 28));
    again.keepOnly({QDate(2026, 2, 28)});
    CHECK_FALSE(again.find(QDate(2025, 12, 31)));

    // 张三's Valentine's purchase, from the old system: February's end is not what it was.
    y.import("feb.csv", "receipt_no,member,time,amount\nH-2,13800000001,2026-02-14 18:00,520.00\n");
    const QString after = y.fingerprint();
    CHECK(after != before);
    TrendCache stale;
    stale.load(file, after);
    CHECK_FALSE(stale.find(QDate(2026, 2, 28)));
    CHECK(y.at(2026, 2, 28).of(Category::Frequency) == Sizes{y.others, 2, 0, 0, 0});
    CHECK(y.at(2026, 2, 28).of(Category::Monetary) == Sizes{y.others, 1, 0, 1}); // ¥520.00 is over 500

    // The settings are part of it too: a different high-value share is a different past.
    SegmentSettings top10;
    top10.highValuePermille = 100;
    auto other = trendFingerprint(y.shop.ctx().db(), y.shop.ctx().time(), top10);
    REQUIRE(other.ok());
    CHECK(*other != after);

    // A damaged file is no trend at all, not a wrong one.
    {
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("{\"fingerprint\":\"" + after.toUtf8() + "\",\"days\":[{\"day\":\"2026-02-28\",\"sizes\":[[1]]}]}");
    }
    TrendCache damaged;
    damaged.load(file, after);
    CHECK_FALSE(damaged.find(QDate(2026, 2, 28)));
}

TEST_CASE("the service counts the trend's past months once, a month a turn, and gives them from its file "
          "the next time",
          "[segments][trend][service]")
{
    Year y;
    auto trend = [&](std::vector<std::pair<int, int>> &progress) {
        huike::segments::SegmentService service(y.shop.path(), y.shop.ctx().time().zone().id(), nullptr);
        std::shared_ptr<const SegmentTrend> got;
        QEventLoop loop;
        QObject::connect(&service, &SegmentService::trendProgress, &loop,
                         [&](int done, int total) { progress.emplace_back(done, total); });
        QObject::connect(&service, &SegmentService::trendReady, &loop, [&](std::shared_ptr<const SegmentTrend> t) {
            got = std::move(t);
            loop.quit();
        });
        QObject::connect(&service, &SegmentService::failed, &loop, [&](const QString &m) {
            FAIL(m.toStdString());
            loop.quit();
        });
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        service.requestTrend();
        service.requestTrend(); // merged into the first
        loop.exec();
        return got;
    };
    // The service's clock is the machine's: the trend ends at today's month, whatever the date.
    const std::vector<QDate> days =
        trendDays(y.shop.ctx().time().localDate(QDateTime::currentMSecsSinceEpoch()));
    std::vector<std::pair<int, int>> first;
    auto counted = trend(first);
    REQUIRE(counted);
    REQUIRE(counted->months.size() == 11);
    for (std::size_t i = 0; i < 11; ++i) {
        CHECK(counted->months[i].asOf == days[i]);
        CHECK(counted->months[i] == y.at(days[i].year(), days[i].month(), days[i].day()));
    }
    REQUIRE(first.size() == 12); // 0 of 11 .. 11 of 11
    CHECK(first.front() == std::pair{0, 11});
    CHECK(first.back() == std::pair{11, 11});

    std::vector<std::pair<int, int>> second;
    auto kept = trend(second);
    REQUIRE(kept);
    CHECK(kept->months == counted->months);
    CHECK(second == std::vector<std::pair<int, int>>{{11, 11}}); // nothing left to count
}
