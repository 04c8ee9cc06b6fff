#pragma once

// 会员分析's trend: how big each class of each category was at the end of each of the last twelve
// months. A past month's end is counted from the raw sales as they stood then (a rebuild cut off
// at that day: about a second and a half at a million members and ten million sales), and never
// changes afterwards, except when history from another system is imported or the settings or
// the shop's time zone change; so each one is counted once and kept in a file beside the store,
// under a fingerprint of what it depends on.

#include "categories.h"
#include "classify.h"
#include "core/result.h"

#include <QDate>
#include <QString>
#include <array>
#include <cstdint>
#include <iterator>
#include <optional>
#include <vector>

namespace huike {

class Database;
class ShopTime;

namespace segments {

inline constexpr std::size_t kCategoryCount = std::size(kCategories);

// The size of each class of each category on one day, classes in classesOf()'s order.
struct ClassSizes {
    QDate asOf;
    std::array<std::vector<std::uint32_t>, kCategoryCount> sizes; // by the category's place in kCategories

    const std::vector<std::uint32_t> &of(Category c) const { return sizes[static_cast<std::size_t>(c)]; }
    bool operator==(const ClassSizes &) const = default;
};
ClassSizes classSizes(const Classes &classes, const QDate &asOf);

// The days a trend of `months` points shows, oldest first: the last day of each of the
// `months - 1` months before today's, then today (this month so far).
std::vector<QDate> trendDays(const QDate &today, int months = 12);

// The sizes at the end of `day` (the shop's local date) from the raw sales and imported history.
// The members counted are those registered by then and those who had bought by then (history
// imported with --create-members is older than its members): a member who joined later is in
// no class of that day, not in 没下过单.
Result<ClassSizes> sizesAsOf(Database &db, const ShopTime &time, const QDate &day, const SegmentSettings &settings);

// What a past day's sizes depend on besides the sales of that time, which never change: the
// settings, the shop's zone, the store (its first sale) and the history imports finished.
Result<QString> trendFingerprint(Database &db, const ShopTime &time, const SegmentSettings &settings);

// The past days counted so far, kept in a JSON file beside the store (huike.db.trend). A file
// under another fingerprint, or unreadable, is as good as none: the days are counted again.
class TrendCache {
public:
    static QString fileFor(const QString &databasePath);

    // Whatever `file` holds under `fingerprint` (nothing when it holds another).
    void load(const QString &file, const QString &fingerprint);
    // Atomically; a failure costs only counting again next time.
    Status save(const QString &file) const;

    const QString &fingerprint() const { return m_fingerprint; }
    std::optional<ClassSizes> find(const QDate &day) const;
    void put(const ClassSizes &sizes); // replaces that day's
    // Only the days kept: a year's trend leaves older months behind.
    void keepOnly(const std::vector<QDate> &days);

private:
    QString m_fingerprint;
    std::vector<ClassSizes> m_days; // ascending by day
};

} // namespace segments

} // namespace huike
