#include "classify.h"

#include <algorithm>
#include <thread>
#include <cmath>

namespace huike::segments {

namespace {

// The habit rule for weekdays and slots alike: the most orders, at least two, ties to the one
// whose latest order is the most recent.
template <std::size_t N>
int habitOf(const std::array<std::uint16_t, N> &orders, const std::array<std::uint16_t, N> &latest)
{
    int best = -1;
    for (int i = 0; i < static_cast<int>(N); ++i) {
        if (orders[i] < 2)
            continue;
        // Latest orders on the same day: the later one (i > best) holds the later hour.
        if (best < 0 || orders[i] > orders[best] || (orders[i] == orders[best] && latest[i] >= latest[best]))
            best = i;
    }
    return best;
}

int countAbove(double value, const std::array<double, 4> &cuts)
{
    int n = 0;
    for (const double q : cuts)
        n += value > q ? 1 : 0;
    return n;
}

} // namespace

int slotOfHour(int h)
{
    if (h < 6 || h >= 21)
        return -1;
    return (h - 6) / 3;
}

int daysSince(const MemberAggregate &m, int asOfDay)
{
    return m.bought() ? asOfDay - static_cast<int>(m.lastDay) : -1;
}

std::uint8_t recencyBits(const MemberAggregate &m, int asOfDay)
{
    const int d = daysSince(m, asOfDay);
    if (d < 0)
        return 0;
    std::uint8_t bits = 0;
    if (d < 3)
        bits |= Within3Days;
    if (d < 7)
        bits |= Within7Days;
    if (d >= 7)
        bits |= NotIn7Days;
    if (d >= 30)
        bits |= NotIn30Days;
    return bits;
}

Frequency frequencyOf(const MemberAggregate &m)
{
    const int f = m.bought() ? m.orders : 0;
    if (f <= 0)
        return Frequency::None;
    if (f == 1)
        return Frequency::Once;
    if (f <= 4)
        return Frequency::TwoToFour;
    if (f <= 9)
        return Frequency::FiveToNine;
    return Frequency::TenOrMore;
}

Monetary monetaryOf(const MemberAggregate &m)
{
    if (!m.bought())
        return Monetary::None;
    if (m.spendFen <= 10000) // M <= 100 (a net spend below 0 after refunds too)
        return Monetary::UpTo100;
    if (m.spendFen <= 50000)
        return Monetary::UpTo500;
    return Monetary::Over500;
}

int weekdayHabit(const MemberAggregate &m)
{
    return habitOf(m.weekdayOrders, m.weekdayLatest);
}

int slotHabit(const MemberAggregate &m)
{
    return habitOf(m.slotOrders, m.slotLatest);
}

std::array<double, 4> quintileCuts(std::vector<double> values)
{
    std::array<double, 4> cuts{};
    if (values.empty())
        return cuts;
    const double last = static_cast<double>(values.size() - 1);
    // Each cut interpolates between the values at ranks lo and lo + 1. Selecting rank lo leaves
    // everything after it no smaller, so the value at lo + 1 is the least of those, and the next
    // selection (a higher rank) searches only from lo on.
    auto from = values.begin();
    for (int k = 0; k < 4; ++k) {
        const double pos = 0.2 * (k + 1) * last;
        const auto lo = static_cast<std::size_t>(std::floor(pos));
        const auto it = values.begin() + static_cast<std::ptrdiff_t>(lo);
        std::nth_element(from, it, values.end());
        from = it;
        const double low = *it;
        const double high = pos > static_cast<double>(lo) ? *std::min_element(it + 1, values.end()) : low;
        cuts[static_cast<std::size_t>(k)] = low + (high - low) * (pos - static_cast<double>(lo));
    }
    return cuts;
}

std::array<double, 4> quintileCutsOfCounts(const std::vector<std::uint32_t> &counts)
{
    std::array<double, 4> cuts{};
    std::size_t n = 0;
    for (std::uint32_t c : counts)
        n += c;
    if (n == 0)
        return cuts;
    const double last = static_cast<double>(n - 1);
    // The value at each rank, walking the counts once: ranks asked for only grow.
    std::size_t value = 0, below = counts.empty() ? 0 : counts[0]; // members with a value <= `value`
    auto at = [&](std::size_t rank) {
        while (below <= rank)
            below += counts[++value];
        return static_cast<double>(value);
    };
    for (int k = 0; k < 4; ++k) {
        const double pos = 0.2 * (k + 1) * last;
        const auto lo = static_cast<std::size_t>(std::floor(pos));
        const double low = at(lo);
        const double high = pos > static_cast<double>(lo) ? at(lo + 1) : low;
        cuts[static_cast<std::size_t>(k)] = low + (high - low) * (pos - static_cast<double>(lo));
    }
    return cuts;
}

namespace {

// Days since the last purchase and orders are small whole numbers: their cuts by counting (one
// pass) when every value is within reach, else by selection.
std::array<double, 4> cutsOfWholeNumbers(std::vector<double> values, double lowest, double highest)
{
    constexpr double kMaxCounted = 1 << 20;
    if (values.empty() || lowest < 0 || highest > kMaxCounted)
        return quintileCuts(std::move(values));
    std::vector<std::uint32_t> counts(static_cast<std::size_t>(highest) + 1);
    for (double v : values)
        ++counts[static_cast<std::size_t>(v)];
    return quintileCutsOfCounts(counts);
}

} // namespace

Classes classify(const std::vector<MemberAggregate> &members, int asOfDay, const SegmentSettings &settings)
{
    const std::size_t n = members.size();
    Classes c;
    c.recency.resize(n);
    c.frequency.resize(n);
    c.monetary.resize(n);
    c.weekday.resize(n);
    c.slot.resize(n);
    c.highValue.assign(n, HighValue::No);
    c.rScore.assign(n, 0);
    c.fScore.assign(n, 0);
    c.mScore.assign(n, 0);
    c.rfm.assign(n, RfmClass::None);
    c.lifecycle.assign(n, Lifecycle::Never);

    std::vector<double> ds, fs, ms;
    ds.reserve(n);
    fs.reserve(n);
    ms.reserve(n);
    double sumD = 0, sumF = 0, sumM = 0;
    double minD = 0, maxD = 0, maxF = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const MemberAggregate &m = members[i];
        c.recency[i] = recencyBits(m, asOfDay);
        c.frequency[i] = frequencyOf(m);
        c.monetary[i] = monetaryOf(m);
        c.weekday[i] = static_cast<std::int8_t>(weekdayHabit(m));
        c.slot[i] = static_cast<std::int8_t>(slotHabit(m));
        if (!m.bought())
            continue;
        const int d = daysSince(m, asOfDay);
        ds.push_back(d);
        fs.push_back(m.orders);
        ms.push_back(static_cast<double>(m.spendFen));
        sumD += d;
        sumF += m.orders;
        minD = std::min<double>(minD, d);
        maxD = std::max<double>(maxD, d);
        maxF = std::max<double>(maxF, m.orders);
        sumM += static_cast<double>(m.spendFen);
        c.lifecycle[i] = d <= settings.activeDays     ? Lifecycle::Active
                         : d <= settings.silentDays   ? Lifecycle::Silent
                         : d <= settings.sleepingDays ? Lifecycle::Sleeping
                                                      : Lifecycle::Lost;
    }
    c.buyers = static_cast<int>(ds.size());
    if (c.buyers == 0)
        return c;

    // 6. The cut-off: the M of the member at rank ceil(share x buyers), by M descending. Selected
    // on a second core while this one finds the quintile cuts (money is no small whole number).
    const auto rank = static_cast<std::size_t>(
        std::max<std::int64_t>(1, (static_cast<std::int64_t>(c.buyers) * settings.highValuePermille + 999) / 1000));
    std::vector<double> byM = ms;
    auto highValueCut = [&byM, rank] {
        const auto cut = byM.begin() + static_cast<std::ptrdiff_t>(std::min(rank, byM.size()) - 1);
        std::nth_element(byM.begin(), cut, byM.end(), std::greater<>());
        return static_cast<std::int64_t>(*cut);
    };
    std::thread other;
    if (byM.size() >= 100'000 && std::thread::hardware_concurrency() > 1)
        other = std::thread([&] { c.highValueCutFen = highValueCut(); });
    else
        c.highValueCutFen = highValueCut();

    // 7. Quintile cuts of each value over the members who bought.
    c.dCuts = cutsOfWholeNumbers(std::move(ds), minD, maxD);
    c.fCuts = cutsOfWholeNumbers(std::move(fs), 0, maxF);
    c.mCuts = quintileCuts(std::move(ms));
    if (other.joinable())
        other.join();
    c.meanD = sumD / c.buyers;
    c.meanF = sumF / c.buyers;
    c.meanM = sumM / c.buyers;

    // 8. The eight classes: near / high against the basis the shop chose.
    static constexpr RfmClass table[2][2][2] = {
        // [near][fHigh][mHigh]
        {{RfmClass::GeneralWinBack, RfmClass::ImportantWinBack}, {RfmClass::GeneralKeep, RfmClass::ImportantKeep}},
        {{RfmClass::GeneralGrowth, RfmClass::ImportantGrowth}, {RfmClass::GeneralValue, RfmClass::ImportantValue}},
    };
    const bool byScores = settings.rfmBasis == SegmentSettings::RfmBasis::MeanOfScores;
    double sumR = 0, sumFS = 0, sumMS = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const MemberAggregate &m = members[i];
        if (!m.bought())
            continue;
        const int d = daysSince(m, asOfDay);
        c.rScore[i] = static_cast<std::uint8_t>(5 - countAbove(d, c.dCuts));
        c.fScore[i] = static_cast<std::uint8_t>(1 + countAbove(m.orders, c.fCuts));
        c.mScore[i] = static_cast<std::uint8_t>(1 + countAbove(static_cast<double>(m.spendFen), c.mCuts));
        sumR += c.rScore[i];
        sumFS += c.fScore[i];
        sumMS += c.mScore[i];
        if (m.spendFen >= c.highValueCutFen)
            c.highValue[i] = d < 7 ? HighValue::Within7Days
                             : d < 15 ? HighValue::Within15Days
                             : d < 30 ? HighValue::NotIn15Days
                                      : HighValue::NotIn30Days;
        if (byScores)
            continue; // needs the scores' means: a second pass below
        const bool fixed = settings.rfmBasis == SegmentSettings::RfmBasis::Fixed;
        const bool near = fixed ? d <= settings.fixedNearDays : d <= c.meanD;
        const bool fHigh = fixed ? static_cast<std::int64_t>(m.orders) >= settings.fixedHighOrders : m.orders >= c.meanF;
        const bool mHigh = fixed ? m.spendFen >= settings.fixedHighSpendFen : static_cast<double>(m.spendFen) >= c.meanM;
        c.rfm[i] = table[near ? 1 : 0][fHigh ? 1 : 0][mHigh ? 1 : 0];
    }
    if (byScores) {
        const double meanR = sumR / c.buyers, meanFS = sumFS / c.buyers, meanMS = sumMS / c.buyers;
        for (std::size_t i = 0; i < n; ++i) {
            if (!members[i].bought())
                continue;
            const bool near = c.rScore[i] >= meanR; // a high R score is a recent purchase
            c.rfm[i] = table[near ? 1 : 0][c.fScore[i] >= meanFS ? 1 : 0][c.mScore[i] >= meanMS ? 1 : 0];
        }
    }
    return c;
}

const char *frequencyLabel(Frequency f)
{
    switch (f) {
    case Frequency::None:
        return "没下过单";
    case Frequency::Once:
        return "1次";
    case Frequency::TwoToFour:
        return "2\u20134次";
    case Frequency::FiveToNine:
        return "5\u20139次";
    case Frequency::TenOrMore:
        return "10次以上";
    }
    return "";
}

const char *monetaryLabel(Monetary m)
{
    switch (m) {
    case Monetary::None:
        return "没下过单";
    case Monetary::UpTo100:
        return "0\u2013100元";
    case Monetary::UpTo500:
        return "100\u2013500元";
    case Monetary::Over500:
        return "500元以上";
    }
    return "";
}

const char *weekdayLabel(int weekday)
{
    static const char *const names[kWeekdays] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    return weekday >= 0 && weekday < kWeekdays ? names[weekday] : "";
}

const char *slotLabel(int slot)
{
    static const char *const names[kSlots] = {"6-9点", "9-12点", "12-15点", "15-18点", "18-21点"};
    return slot >= 0 && slot < kSlots ? names[slot] : "";
}

const char *highValueLabel(HighValue h)
{
    switch (h) {
    case HighValue::No:
        return "";
    case HighValue::Within7Days:
        return "7天购买过";
    case HighValue::Within15Days:
        return "15天购买过";
    case HighValue::NotIn15Days:
        return "15天未购买";
    case HighValue::NotIn30Days:
        return "30天未购买";
    }
    return "";
}

const char *rfmLabel(RfmClass c)
{
    switch (c) {
    case RfmClass::None:
        return "";
    case RfmClass::ImportantValue:
        return "重要价值";
    case RfmClass::ImportantGrowth:
        return "重要发展";
    case RfmClass::ImportantKeep:
        return "重要保持";
    case RfmClass::ImportantWinBack:
        return "重要挽留";
    case RfmClass::GeneralValue:
        return "一般价值";
    case RfmClass::GeneralGrowth:
        return "一般发展";
    case RfmClass::GeneralKeep:
        return "一般保持";
    case RfmClass::GeneralWinBack:
        return "一般挽留";
    }
    return "";
}

const char *lifecycleLabel(Lifecycle l)
{
    switch (l) {
    case Lifecycle::Never:
        return "未购买";
    case Lifecycle::Active:
        return "活跃";
    case Lifecycle::Silent:
        return "沉默";
    case Lifecycle::Sleeping:
        return "睡眠";
    case Lifecycle::Lost:
        return "流失";
    }
    return "";
}

std::vector<const char *> recencyLabels(std::uint8_t bits)
{
    std::vector<const char *> out;
    if (bits & Within3Days)
        out.push_back("3天购买过");
    if (bits & Within7Days)
        out.push_back("7天购买过");
    if (bits & NotIn7Days)
        out.push_back("7天未购买");
    if (bits & NotIn30Days)
        out.push_back("30天未购买");
    return out;
}

} // namespace huike::segments
