// 会员分析: the nine definitions of issue #13 at each boundary it names, with expectations worked
// out by hand (and, for the percentiles, as numpy.percentile gives them).

#include "segments/aggregates.h"
#include "segments/classify.h"
#include "testsupport.h"

#include <catch2/catch.hpp>
#include <random>

#include <string>

using namespace huike::segments;

namespace {

constexpr int kAsOf = 20000; // a local day number; d = kAsOf - lastDay

// A member who bought `orders` times for `spendFen` in all, last `d` days before the as-of day.
MemberAggregate bought(int orders, std::int64_t spendFen, int d)
{
    MemberAggregate m;
    m.orders = static_cast<std::uint32_t>(orders);
    m.spendFen = spendFen;
    m.lastDay = static_cast<std::uint16_t>(kAsOf - d);
    m.firstDay = static_cast<std::uint16_t>(m.lastDay - 100);
    return m;
}

std::string joined(std::uint8_t bits)
{
    std::string out;
    for (const char *l : recencyLabels(bits))
        out += (out.empty() ? "" : "|") + std::string(l);
    return out;
}

} // namespace

TEST_CASE("recency filters overlap at d = 2/3, 6/7 and 29/30, and a member who never bought is in none",
          "[segments]")
{
    CHECK(joined(recencyBits(bought(1, 100, 0), kAsOf)) == "3天购买过|7天购买过");
    CHECK(joined(recencyBits(bought(1, 100, 2), kAsOf)) == "3天购买过|7天购买过");
    CHECK(joined(recencyBits(bought(1, 100, 3), kAsOf)) == "7天购买过");
    CHECK(joined(recencyBits(bought(1, 100, 6), kAsOf)) == "7天购买过");
    CHECK(joined(recencyBits(bought(1, 100, 7), kAsOf)) == "7天未购买");
    CHECK(joined(recencyBits(bought(1, 100, 29), kAsOf)) == "7天未购买");
    CHECK(joined(recencyBits(bought(1, 100, 30), kAsOf)) == "7天未购买|30天未购买");
    CHECK(recencyBits(MemberAggregate{}, kAsOf) == 0);
    CHECK(daysSince(MemberAggregate{}, kAsOf) == -1);
}

TEST_CASE("frequency and net spend classes at their edges", "[segments]")
{
    CHECK(std::string(frequencyLabel(frequencyOf(MemberAggregate{}))) == "没下过单");
    CHECK(std::string(frequencyLabel(frequencyOf(bought(1, 1, 0)))) == "1次");
    CHECK(std::string(frequencyLabel(frequencyOf(bought(2, 1, 0)))) == "2\u20134次");
    CHECK(std::string(frequencyLabel(frequencyOf(bought(4, 1, 0)))) == "2\u20134次");
    CHECK(std::string(frequencyLabel(frequencyOf(bought(5, 1, 0)))) == "5\u20139次");
    CHECK(std::string(frequencyLabel(frequencyOf(bought(9, 1, 0)))) == "5\u20139次");
    CHECK(std::string(frequencyLabel(frequencyOf(bought(10, 1, 0)))) == "10次以上");
    // M = 100 / 100.01 and 500 / 500.01, in fen; a member whose refunds outweigh is still 0–100元.
    CHECK(monetaryOf(MemberAggregate{}) == Monetary::None);
    CHECK(monetaryOf(bought(1, 10000, 0)) == Monetary::UpTo100);
    CHECK(monetaryOf(bought(1, 10001, 0)) == Monetary::UpTo500);
    CHECK(monetaryOf(bought(1, 50000, 0)) == Monetary::UpTo500);
    CHECK(monetaryOf(bought(1, 50001, 0)) == Monetary::Over500);
    CHECK(monetaryOf(bought(1, -500, 0)) == Monetary::UpTo100);
    CHECK(std::string(monetaryLabel(Monetary::UpTo500)) == "100\u2013500元");
}

TEST_CASE("weekday and time-of-day habits: the most orders if at least two, ties to the most recent order",
          "[segments]")
{
    CHECK(slotOfHour(5) == -1);
    CHECK(slotOfHour(6) == 0);
    CHECK(slotOfHour(8) == 0);
    CHECK(slotOfHour(9) == 1);
    CHECK(slotOfHour(20) == 4);
    CHECK(slotOfHour(21) == -1);
    CHECK(slotOfHour(0) == -1);

    MemberAggregate m = bought(5, 100, 0);
    m.weekdayOrders[0] = 1; // one Monday: no habit
    CHECK(weekdayHabit(m) == -1);
    m.weekdayOrders[1] = 2; // two Tuesdays
    m.weekdayLatest[1] = 1000;
    CHECK(weekdayHabit(m) == 1);
    m.weekdayOrders[4] = 2; // two Fridays too, the latest of them more recent: Friday
    m.weekdayLatest[4] = 2000;
    CHECK(weekdayHabit(m) == 4);
    m.weekdayLatest[1] = 3000; // now Tuesday holds the most recent order
    CHECK(weekdayHabit(m) == 1);
    m.weekdayOrders[6] = 3; // three Sundays beat any tie
    m.weekdayLatest[6] = 10;
    CHECK(weekdayHabit(m) == 6);
    CHECK(std::string(weekdayLabel(6)) == "周日");
    CHECK(std::string(weekdayLabel(-1)).empty());

    m.slotOrders[0] = 2;
    m.slotLatest[0] = 500;
    m.slotOrders[3] = 2;
    m.slotLatest[3] = 400;
    CHECK(slotHabit(m) == 0);
    m.slotLatest[3] = 500; // the latest of both on the same day: the later slot came later
    CHECK(slotHabit(m) == 3);
    CHECK(slotHabit(bought(1, 1, 0)) == -1);
}

TEST_CASE("quintile cuts are numpy's linear percentiles, and equal values get equal RFM scores", "[segments]")
{
    // numpy.percentile([1, 2, 3, 4, 5], [20, 40, 60, 80]) = [1.8, 2.6, 3.4, 4.2]
    const auto cuts = quintileCuts({1, 2, 3, 4, 5});
    CHECK(cuts[0] == Approx(1.8));
    CHECK(cuts[1] == Approx(2.6));
    CHECK(cuts[2] == Approx(3.4));
    CHECK(cuts[3] == Approx(4.2));
    // numpy.percentile([10, 20], [20, 40, 60, 80]) = [12, 14, 16, 18]
    const auto two = quintileCuts({10, 20});
    CHECK(two[0] == Approx(12));
    CHECK(two[3] == Approx(18));

    // Five buyers: F 1..5, M 100..500 yuan, d 0, 10, 20, 30, 40 (cuts 8, 16, 24, 32).
    std::vector<MemberAggregate> members;
    for (int i = 0; i < 5; ++i)
        members.push_back(bought(i + 1, (i + 1) * 10000, i * 10));
    members.push_back(MemberAggregate{}); // and one who never bought
    const Classes c = classify(members, kAsOf);
    CHECK(c.buyers == 5);
    for (int i = 0; i < 5; ++i) {
        CHECK(int(c.fScore[static_cast<std::size_t>(i)]) == i + 1);
        CHECK(int(c.mScore[static_cast<std::size_t>(i)]) == i + 1);
        CHECK(int(c.rScore[static_cast<std::size_t>(i)]) == 5 - i); // recent = high
    }
    CHECK(c.fScore[5] == 0);
    CHECK(c.rfm[5] == RfmClass::None);
    CHECK(c.lifecycle[5] == Lifecycle::Never);

    // Everyone alike: every cut equals the value, so every score is the same.
    std::vector<MemberAggregate> alike(4, bought(3, 30000, 5));
    const Classes same = classify(alike, kAsOf);
    for (std::size_t i = 0; i < alike.size(); ++i) {
        CHECK(same.fScore[i] == same.fScore[0]);
        CHECK(same.mScore[i] == same.mScore[0]);
        CHECK(same.rScore[i] == same.rScore[0]);
    }
    CHECK(int(same.fScore[0]) == 1);
    CHECK(int(same.rScore[0]) == 5);
}

TEST_CASE("high-value customers: the top 20% by net spend, ties included, split by recency", "[segments]")
{
    // Ten buyers: rank ceil(0.2 x 10) = 2, so the cut is the second highest M (900 yuan), and
    // a tie at it is in too.
    std::vector<MemberAggregate> members;
    const std::int64_t spend[10] = {100000, 90000, 90000, 50000, 40000, 30000, 20000, 10000, 5000, 100};
    const int days[10] = {6, 7, 14, 15, 29, 30, 1, 2, 3, 4};
    for (int i = 0; i < 10; ++i)
        members.push_back(bought(1, spend[i], days[i]));
    const Classes c = classify(members, kAsOf);
    CHECK(c.highValueCutFen == 90000);
    CHECK(c.highValue[0] == HighValue::Within7Days); // d = 6
    CHECK(c.highValue[1] == HighValue::Within15Days); // d = 7
    CHECK(c.highValue[2] == HighValue::Within15Days); // d = 14, tied at the cut
    CHECK(c.highValue[3] == HighValue::No);
    CHECK(std::string(highValueLabel(HighValue::NotIn15Days)) == "15天未购买");

    // Three buyers: rank ceil(0.6) = 1, only the top; its recency by d = 15 and d = 30.
    std::vector<MemberAggregate> three = {bought(1, 30000, 15), bought(1, 20000, 0), bought(1, 10000, 0)};
    CHECK(classify(three, kAsOf).highValue[0] == HighValue::NotIn15Days);
    three[0] = bought(1, 30000, 30);
    CHECK(classify(three, kAsOf).highValue[0] == HighValue::NotIn30Days);
    CHECK(classify(three, kAsOf).highValue[1] == HighValue::No);
}

TEST_CASE("the eight RFM classes against the means, and lifecycle at 90/91, 180/181, 365/366", "[segments]")
{
    // Means: d (0 + 100) / 2 = 50, F (10 + 2) / 2 = 6, M (600 + 50 yuan) / 2 = 325 yuan.
    std::vector<MemberAggregate> members = {bought(10, 60000, 0), bought(2, 5000, 100)};
    Classes c = classify(members, kAsOf);
    CHECK(c.meanD == Approx(50));
    CHECK(std::string(rfmLabel(c.rfm[0])) == "重要价值"); // near, high, high
    CHECK(std::string(rfmLabel(c.rfm[1])) == "一般挽留"); // far, low, low
    // Near, few orders, high spend: 重要发展; far, many, low: 一般保持.
    members = {bought(1, 60000, 10), bought(9, 1000, 90), bought(5, 30000, 50)};
    c = classify(members, kAsOf); // means d 50, F 5, M 303.33
    CHECK(std::string(rfmLabel(c.rfm[0])) == "重要发展");
    CHECK(std::string(rfmLabel(c.rfm[1])) == "一般保持");
    CHECK(std::string(rfmLabel(c.rfm[2])) == "一般价值"); // d = mean is near, F = mean is high, M below
    // Fixed thresholds instead: near within 30 days, high from 5 orders and 500 yuan.
    SegmentSettings fixed;
    fixed.rfmBasis = SegmentSettings::RfmBasis::Fixed;
    c = classify(members, kAsOf, fixed);
    CHECK(std::string(rfmLabel(c.rfm[0])) == "重要发展");
    CHECK(std::string(rfmLabel(c.rfm[2])) == "一般保持");
    // The mean of the scores instead: each member is near / high exactly when their score reaches
    // the mean of that score over the buyers.
    SegmentSettings scores;
    scores.rfmBasis = SegmentSettings::RfmBasis::MeanOfScores;
    c = classify(members, kAsOf, scores);
    for (std::size_t i = 0; i < members.size(); ++i) {
        const double meanR = (c.rScore[0] + c.rScore[1] + c.rScore[2]) / 3.0;
        const double meanF = (c.fScore[0] + c.fScore[1] + c.fScore[2]) / 3.0;
        const double meanM = (c.mScore[0] + c.mScore[1] + c.mScore[2]) / 3.0;
        const bool near = c.rScore[i] >= meanR, fHigh = c.fScore[i] >= meanF, mHigh = c.mScore[i] >= meanM;
        const char *expected = near ? (fHigh ? (mHigh ? "重要价值" : "一般价值") : (mHigh ? "重要发展" : "一般发展"))
                                    : (fHigh ? (mHigh ? "重要保持" : "一般保持") : (mHigh ? "重要挽留" : "一般挽留"));
        CHECK(std::string(rfmLabel(c.rfm[i])) == expected);
    }

    const int d[] = {90, 91, 180, 181, 365, 366};
    std::vector<MemberAggregate> ages;
    for (const int x : d)
        ages.push_back(bought(1, 100, x));
    c = classify(ages, kAsOf);
    CHECK(std::string(lifecycleLabel(c.lifecycle[0])) == "活跃");
    CHECK(std::string(lifecycleLabel(c.lifecycle[1])) == "沉默");
    CHECK(std::string(lifecycleLabel(c.lifecycle[2])) == "沉默");
    CHECK(std::string(lifecycleLabel(c.lifecycle[3])) == "睡眠");
    CHECK(std::string(lifecycleLabel(c.lifecycle[4])) == "睡眠");
    CHECK(std::string(lifecycleLabel(c.lifecycle[5])) == "流失");
}

TEST_CASE("aggregates rebuilt from the store's sales: local days and hours, refunds lower the spend, a receipt "
          "refunded whole is no order, nothing after the as-of day counts",
          "[segments][rebuild]")
{
    huike::test::TestShop shop(huike::test::shanghaiMs(2026, 11, 23, 0, 10)); // Monday 00:10 in Shanghai
    const qint64 id = shop.addMember(QStringLiteral("13812345678"), QStringLiteral("王芳"));
    auto sell = [&](int y, int mo, int d, int h, int mi, qint64 bottles = 1) {
        shop.clock.set(huike::test::shanghaiMs(y, mo, d, h, mi));
        auto s = shop.ctx().checkout().commit(shop.memberRequest(id, {shop.line(shop.p.oil, bottles * 1000)}));
        INFO(huike::test::why(s));
        REQUIRE(s.ok());
        return *s;
    };
    // Just after midnight on Monday (still Sunday in UTC): a Monday order, in no slot.
    sell(2026, 11, 23, 0, 10);
    sell(2026, 11, 30, 10, 0);                            // Monday 10:00: slot 9-12
    const huike::SaleResult gone = sell(2026, 12, 1, 19, 30); // Tuesday 19:30, refunded whole below
    const huike::SaleResult half = sell(2026, 12, 2, 10, 15, 2); // Wednesday 10:15, two bottles, one refunded
    sell(2026, 12, 9, 10, 0);                             // after the as-of day: not counted
    shop.clock.set(huike::test::shanghaiMs(2026, 12, 3, 9, 0));
    auto full = shop.ctx().returns().refund(shop.refundRequest(gone.receiptNo));
    REQUIRE(full.ok());
    const qint64 line = shop.scalar(QStringLiteral("SELECT l.id FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE "
                                                   "s.receipt_no = ?"),
                                    {half.receiptNo})
                            .toLongLong();
    auto part = shop.ctx().returns().refund(shop.refundRequest(half.receiptNo, {{line, 1000}}));
    INFO(huike::test::why(part));
    REQUIRE(part.ok());

    const QDate asOf(2026, 12, 5);
    auto rebuilt = huike::segments::rebuildAggregates(shop.ctx().db(), shop.ctx().time(), asOf);
    REQUIRE(rebuilt.ok());
    const MemberAggregate &m = rebuilt->at(static_cast<std::size_t>(id));
    CHECK(m.orders == 3); // the Tuesday receipt, refunded whole, is no order
    CHECK(m.spendFen == 6990 * 3); // Monday, Monday, and the one bottle of two kept on Wednesday
    CHECK(m.lastDay == huike::segments::dayNumber(QDate(2026, 12, 2)));
    CHECK(m.firstDay == huike::segments::dayNumber(QDate(2026, 11, 23)));
    CHECK(daysSince(m, huike::segments::dayNumber(asOf)) == 3);
    CHECK(m.weekdayOrders[0] == 2); // two Mondays
    CHECK(m.weekdayOrders[1] == 0); // the refunded Tuesday
    CHECK(m.weekdayOrders[2] == 1);
    CHECK(weekdayHabit(m) == 0);
    CHECK(m.slotOrders[1] == 2); // 10:00 and 10:15
    CHECK(slotHabit(m) == 1);
    CHECK(m.slotOrders[0] == 0); // 00:10 is in no slot
}

TEST_CASE("quintile cuts by counting whole numbers are exactly the cuts by selection", "[segments]")
{
    std::mt19937 rng(7);
    for (int round = 0; round < 40; ++round) {
        const int n = 1 + static_cast<int>(rng() % 3000);
        const int range = 1 + static_cast<int>(rng() % (round % 2 ? 12 : 800)); // many ties, or few
        std::vector<double> values;
        std::vector<std::uint32_t> counts(static_cast<std::size_t>(range));
        for (int i = 0; i < n; ++i) {
            const auto v = static_cast<std::size_t>(rng() % static_cast<unsigned>(range));
            values.push_back(static_cast<double>(v));
            ++counts[v];
        }
        INFO("n " << n << " range " << range);
        CHECK(quintileCutsOfCounts(counts) == quintileCuts(values)); // the same doubles, bit for bit
    }
    CHECK(quintileCutsOfCounts({}) == std::array<double, 4>{});
    CHECK(quintileCutsOfCounts({0, 0, 3}) == std::array<double, 4>{2, 2, 2, 2});
}
