#pragma once

// 会员分析's views: the members of each class of one category, as the screens list and chart
// them, and a member's classes as one row of text (huike-cli segments and the screens' CSV
// export). Over classify()'s result; no store.

#include "classify.h"

#include <QStringList>
#include <cstdint>
#include <vector>

namespace huike::segments {

enum class Category { Recency, Frequency, Monetary, Weekday, Slot, HighValue, Rfm, Lifecycle };
inline constexpr Category kCategories[] = {Category::Recency, Category::Frequency, Category::Monetary,
                                           Category::Weekday, Category::Slot,      Category::HighValue,
                                           Category::Rfm,     Category::Lifecycle};

const char *categoryLabel(Category c); // 最近, 频次, 金额, 周期, 时段, 高价值, RFM, 生命周期

struct SegmentClass {
    const char *label;                 // the class's own words (classify.h), e.g. 重要价值
    std::vector<std::uint32_t> members; // indices into the snapshot, ascending
};

// The classes of a category in the order the definitions list them, each with its members. The
// recency filters overlap (a member may be in two); the others split the members, the habits and
// high value only those who have one (the rest are in no class), frequency, money and lifecycle
// every member (没下过单 / 未购买 included), RFM the buyers.
std::vector<SegmentClass> classesOf(Category category, const Classes &classes);

// The columns after `member`: orders,spend,last_purchase,d,recency,frequency,monetary,weekday,
// slot,high_value,r_score,f_score,m_score,rfm_class,lifecycle (the issue's, in its order).
QStringList segmentColumns();
// Member i's values for those columns as of `asOfDay` (spend in yuan with two decimals; empty
// where a class does not apply; recency's filters joined by '|').
QStringList segmentFields(const MemberAggregate &m, const Classes &classes, std::size_t i, int asOfDay);

} // namespace huike::segments
