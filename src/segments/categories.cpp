#include "categories.h"

#include "core/money.h"

#include <QDate>

namespace huike::segments {

const char *categoryLabel(Category c)
{
    switch (c) {
    case Category::Recency:
        return "最近";
    case Category::Frequency:
        return "频次";
    case Category::Monetary:
        return "金额";
    case Category::Weekday:
        return "周期";
    case Category::Slot:
        return "时段";
    case Category::HighValue:
        return "高价值";
    case Category::Rfm:
        return "RFM";
    case Category::Lifecycle:
        return "生命周期";
    }
    return "";
}

namespace {

// Classes numbered 0..n-1 by `classOf` (-1: in none), labelled by `label`.
template <typename ClassOf, typename Label>
std::vector<SegmentClass> split(std::size_t members, int n, ClassOf classOf, Label label)
{
    std::vector<SegmentClass> out;
    for (int k = 0; k < n; ++k)
        out.push_back({label(k), {}});
    for (std::size_t i = 0; i < members; ++i)
        if (const int k = classOf(i); k >= 0 && k < n)
            out[static_cast<std::size_t>(k)].members.push_back(static_cast<std::uint32_t>(i));
    return out;
}

} // namespace

std::vector<SegmentClass> classesOf(Category category, const Classes &c)
{
    const std::size_t n = c.frequency.size();
    switch (category) {
    case Category::Recency: {
        static constexpr std::uint8_t bits[] = {Within3Days, Within7Days, NotIn7Days, NotIn30Days};
        std::vector<SegmentClass> out;
        for (std::uint8_t bit : bits) {
            SegmentClass s{recencyLabels(bit).front(), {}};
            for (std::size_t i = 0; i < n; ++i)
                if (c.recency[i] & bit)
                    s.members.push_back(static_cast<std::uint32_t>(i));
            out.push_back(std::move(s));
        }
        return out;
    }
    case Category::Frequency:
        return split(
            n, 5, [&](std::size_t i) { return static_cast<int>(c.frequency[i]); },
            [](int k) { return frequencyLabel(static_cast<Frequency>(k)); });
    case Category::Monetary:
        return split(
            n, 4, [&](std::size_t i) { return static_cast<int>(c.monetary[i]); },
            [](int k) { return monetaryLabel(static_cast<Monetary>(k)); });
    case Category::Weekday:
        return split(
            n, kWeekdays, [&](std::size_t i) { return static_cast<int>(c.weekday[i]); },
            [](int k) { return weekdayLabel(k); });
    case Category::Slot:
        return split(
            n, kSlots, [&](std::size_t i) { return static_cast<int>(c.slot[i]); }, [](int k) { return slotLabel(k); });
    case Category::HighValue: // No is 0: the classes are 1..4
        return split(
            n, 4, [&](std::size_t i) { return static_cast<int>(c.highValue[i]) - 1; },
            [](int k) { return highValueLabel(static_cast<HighValue>(k + 1)); });
    case Category::Rfm: // None is 0: the classes are 1..8
        return split(
            n, 8, [&](std::size_t i) { return static_cast<int>(c.rfm[i]) - 1; },
            [](int k) { return rfmLabel(static_cast<RfmClass>(k + 1)); });
    case Category::Lifecycle: // Never (未购买) is 0: listed last, after the stages of buyers
        return split(
            n, 5, [&](std::size_t i) { return (static_cast<int>(c.lifecycle[i]) + 4) % 5; },
            [](int k) { return lifecycleLabel(static_cast<Lifecycle>((k + 1) % 5)); });
    }
    return {};
}

QStringList segmentColumns()
{
    return QString::fromLatin1("orders,spend,last_purchase,d,recency,frequency,monetary,weekday,slot,high_value,"
                               "r_score,f_score,m_score,rfm_class,lifecycle")
        .split(QLatin1Char(','));
}

QStringList segmentFields(const MemberAggregate &m, const Classes &c, std::size_t i, int asOfDay)
{
    const bool bought = m.bought();
    QStringList recency;
    for (const char *l : recencyLabels(c.recency[i]))
        recency << QString::fromUtf8(l);
    auto score = [&](std::uint8_t s) { return bought ? QString::number(s) : QString(); };
    return {QString::number(bought ? m.orders : 0),
            Money::fromFen(m.spendFen).toString(),
            bought ? QDate(1970, 1, 1).addDays(m.lastDay).toString(Qt::ISODate) : QString(),
            bought ? QString::number(daysSince(m, asOfDay)) : QString(),
            recency.join(QLatin1Char('|')),
            QString::fromUtf8(frequencyLabel(c.frequency[i])),
            QString::fromUtf8(monetaryLabel(c.monetary[i])),
            QString::fromUtf8(weekdayLabel(c.weekday[i])),
            QString::fromUtf8(slotLabel(c.slot[i])),
            QString::fromUtf8(highValueLabel(c.highValue[i])),
            score(c.rScore[i]),
            score(c.fScore[i]),
            score(c.mScore[i]),
            QString::fromUtf8(rfmLabel(c.rfm[i])),
            QString::fromUtf8(lifecycleLabel(c.lifecycle[i]))};
}

} // namespace huike::segments
