#pragma once

// 会员分析: the nine segment definitions of issue #13, exactly, as pure functions over compact
// per-member aggregates. No Qt containers, no QVariant, no database: the classes of a million
// members are a pass over plain arrays. The aggregates themselves (kept in memory, updated by
// each committed sale and refund, persisted for a cold start) come with the engine around this.

#include <array>
#include <cstdint>
#include <vector>

namespace huike::segments {

// Orders per weekday (Monday = 0) and per time-of-day slot, each with its latest order, so the
// tie rule ("the tied one holding the most recent order") needs no history.
inline constexpr int kWeekdays = 7;
inline constexpr int kSlots = 5; // [6,9) [9,12) [12,15) [15,18) [18,21) local hour

// One member's purchases as the definitions count them: sales (receipts) with the member, on or
// before the as-of date; a refund lowers the net spend and is no order; a fully refunded receipt
// is no order. Days are the shop's local calendar days since 1970-01-01 (a uint16 reaches 2149).
//
// 64 bytes, so a million members are 64 MB in memory and on disk. The latest order of each
// weekday and slot is kept as its day: two weekdays never share a day, and two slots that do are
// ordered by the hour (the later slot came later), which is all the tie rule asks.
struct MemberAggregate {
    std::int64_t spendFen = 0; // net: sales less refunds
    std::uint32_t orders = 0;
    std::uint16_t firstDay = 0; // the first and last purchase's local day, when orders > 0
    std::uint16_t lastDay = 0;
    std::array<std::uint16_t, kWeekdays> weekdayOrders{};
    std::array<std::uint16_t, kWeekdays> weekdayLatest{}; // the day of the latest order on that weekday
    std::array<std::uint16_t, kSlots> slotOrders{};
    std::array<std::uint16_t, kSlots> slotLatest{};

    bool bought() const { return orders > 0; }
    bool operator==(const MemberAggregate &) const = default;
};
static_assert(sizeof(MemberAggregate) == 64, "the persisted file and the memory budget count 64 bytes a member");

// The slot of a local hour, or -1 outside 6:00-21:00 (such an order counts in no slot).
int slotOfHour(int localHour);

// d: calendar days from the last purchase to the as-of day (bought today: 0). -1: never bought.
int daysSince(const MemberAggregate &m, int asOfDay);

// 1. 最近 — overlapping filters, as bits.
enum RecencyBit : std::uint8_t {
    Within3Days = 1,    // 3天购买过: d < 3
    Within7Days = 2,    // 7天购买过: d < 7
    NotIn7Days = 4,     // 7天未购买: d >= 7
    NotIn30Days = 8,    // 30天未购买: d >= 30
};
std::uint8_t recencyBits(const MemberAggregate &m, int asOfDay);

// 2. 频次
enum class Frequency : std::uint8_t { None, Once, TwoToFour, FiveToNine, TenOrMore };
Frequency frequencyOf(const MemberAggregate &m);

// 3. 金额 (net spend M)
enum class Monetary : std::uint8_t { None, UpTo100, UpTo500, Over500 };
Monetary monetaryOf(const MemberAggregate &m);

// 4. 周期消费型 and 5. 时段消费型: the weekday (0 = Monday) or slot with the most orders if it holds
// at least two; ties to the tied one holding the most recent order. -1: no habit.
int weekdayHabit(const MemberAggregate &m);
int slotHabit(const MemberAggregate &m);

// 6. 高价值顾客, split by recency.
enum class HighValue : std::uint8_t { No, Within7Days, Within15Days, NotIn15Days, NotIn30Days };

// 8. RFM classes and 9. lifecycle.
enum class RfmClass : std::uint8_t {
    None, // never bought
    ImportantValue,     // 重要价值 near high high
    ImportantGrowth,    // 重要发展 near low high
    ImportantKeep,      // 重要保持 far high high
    ImportantWinBack,   // 重要挽留 far low high
    GeneralValue,       // 一般价值 near high low
    GeneralGrowth,      // 一般发展 near low low
    GeneralKeep,        // 一般保持 far high low
    GeneralWinBack,     // 一般挽留 far low low
};
enum class Lifecycle : std::uint8_t { Never, Active, Silent, Sleeping, Lost };

// What the manager may change (the defaults are the issue's).
struct SegmentSettings {
    int highValuePermille = 200; // the top 20% by M
    // How R, F and M are called near/high for the eight classes: against the mean of the values
    // (default), the mean of the 1-5 scores, or fixed thresholds.
    enum class RfmBasis : std::uint8_t { MeanOfValues, MeanOfScores, Fixed } rfmBasis = RfmBasis::MeanOfValues;
    int fixedNearDays = 30;            // Fixed: near if d <= this
    int fixedHighOrders = 5;           // Fixed: F high if orders >= this
    std::int64_t fixedHighSpendFen = 50000; // Fixed: M high if M >= this
    int activeDays = 90;   // 活跃 d <= 90
    int silentDays = 180;  // 沉默 90 < d <= 180
    int sleepingDays = 365; // 睡眠 180 < d <= 365; beyond: 流失
};

// 7. The 20/40/60/80th percentiles of `values`, linear between the closest ranks as numpy's
// default: position p * (n - 1). By selection, not a sort: a million values take milliseconds.
std::array<double, 4> quintileCuts(std::vector<double> values);
// The same cuts over whole numbers given as counts (counts[v]: how many have the value v), in one
// pass: days and orders are small numbers, and counting them beats selecting among a million.
std::array<double, 4> quintileCutsOfCounts(const std::vector<std::uint32_t> &counts);

// Every member's classes, one entry per aggregate, in the same order.
struct Classes {
    std::vector<std::uint8_t> recency;     // RecencyBit set
    std::vector<Frequency> frequency;
    std::vector<Monetary> monetary;
    std::vector<std::int8_t> weekday;      // -1 or 0..6
    std::vector<std::int8_t> slot;         // -1 or 0..4
    std::vector<HighValue> highValue;
    std::vector<std::uint8_t> rScore, fScore, mScore; // 1-5; 0: never bought
    std::vector<RfmClass> rfm;
    std::vector<Lifecycle> lifecycle;
    std::int64_t highValueCutFen = 0;  // M of the member at rank ceil(share x buyers); 0: no buyers
    std::array<double, 4> dCuts{}, fCuts{}, mCuts{};
    double meanD = 0, meanF = 0, meanM = 0;
    int buyers = 0;
};
Classes classify(const std::vector<MemberAggregate> &members, int asOfDay, const SegmentSettings &settings = {});

// The labels the issue gives (and `huike-cli segments` prints): data, not screen text.
const char *frequencyLabel(Frequency f);
const char *monetaryLabel(Monetary m);
const char *weekdayLabel(int weekday); // 周一 .. 周日; "" for -1
const char *slotLabel(int slot);       // 6-9点 .. 18-21点; "" for -1
const char *highValueLabel(HighValue h); // "" for No
const char *rfmLabel(RfmClass c);        // "" for None
const char *lifecycleLabel(Lifecycle l);
// The recency filters that apply, joined by "|" (3天购买过|7天购买过), "" for none.
std::vector<const char *> recencyLabels(std::uint8_t bits);

} // namespace huike::segments
