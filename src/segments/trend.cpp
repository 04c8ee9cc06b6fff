#include "trend.h"

#include "aggregates.h"
#include "core/clock.h"
#include "store/database.h"
#include "store/rowscan.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>

namespace huike::segments {

ClassSizes classSizes(const Classes &classes, const QDate &asOf)
{
    ClassSizes out;
    out.asOf = asOf;
    for (std::size_t k = 0; k < kCategoryCount; ++k)
        for (const SegmentClass &c : classesOf(kCategories[k], classes))
            out.sizes[k].push_back(static_cast<std::uint32_t>(c.members.size()));
    return out;
}

std::vector<QDate> trendDays(const QDate &today, int months)
{
    std::vector<QDate> days;
    const QDate first(today.year(), today.month(), 1);
    for (int back = months - 2; back >= 0; --back)
        days.push_back(first.addMonths(-back).addDays(-1)); // the last day of the month before
    days.push_back(today);
    return days;
}

Result<ClassSizes> sizesAsOf(Database &db, const ShopTime &time, const QDate &day, const SegmentSettings &settings)
{
    auto byId = rebuildAggregates(db, time, day);
    if (!byId)
        return byId.error();
    const std::int64_t endMs = time.toUtcMs(QDateTime(day.addDays(1), QTime(0, 0)));
    auto counted = inMemberOrder(db, *byId, endMs);
    if (!counted)
        return counted.error();
    std::vector<MemberAggregate>().swap(*byId); // classify's arrays need the room
    return classSizes(classify(*counted, dayNumber(day), settings), day);
}

Result<QString> trendFingerprint(Database &db, const ShopTime &time, const SegmentSettings &s)
{
    RowScan marks(db, "SELECT (SELECT uuid FROM sales ORDER BY id LIMIT 1), "
                      "(SELECT COUNT(*) FROM sales_imports WHERE finished_seq IS NOT NULL), "
                      "(SELECT COALESCE(MAX(finished_seq), 0) FROM sales_imports)");
    if (!marks.next()) {
        Status st = marks.finish();
        return st ? Error{ErrorCode::Storage, QStringLiteral("no row")} : st.error(); // one row, always
    }
    const auto *firstSale = marks.text(0);
    const QString out = QStringLiteral("1|%1|%2|%3,%4|%5,%6,%7,%8,%9,%10,%11,%12")
                            .arg(QString::fromLatin1(time.zone().id()),
                                 firstSale ? QString::fromUtf8(reinterpret_cast<const char *>(firstSale)) : QString())
                            .arg(marks.integer(1))
                            .arg(marks.integer(2))
                            .arg(s.highValuePermille)
                            .arg(static_cast<int>(s.rfmBasis))
                            .arg(s.fixedNearDays)
                            .arg(s.fixedHighOrders)
                            .arg(s.fixedHighSpendFen)
                            .arg(s.activeDays)
                            .arg(s.silentDays)
                            .arg(s.sleepingDays);
    if (auto st = marks.finish(); !st)
        return st.error();
    return out;
}

QString TrendCache::fileFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".trend");
}

void TrendCache::load(const QString &file, const QString &fingerprint)
{
    m_fingerprint = fingerprint;
    m_days.clear();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    if (root.value(QLatin1String("fingerprint")).toString() != fingerprint)
        return;
    for (const QJsonValue &v : root.value(QLatin1String("days")).toArray()) {
        const QJsonObject o = v.toObject();
        ClassSizes s;
        s.asOf = QDate::fromString(o.value(QLatin1String("day")).toString(), Qt::ISODate);
        const QJsonArray categories = o.value(QLatin1String("sizes")).toArray();
        if (!s.asOf.isValid() || categories.size() != static_cast<qsizetype>(kCategoryCount))
            return m_days.clear(); // not ours after all: count again
        for (std::size_t k = 0; k < kCategoryCount; ++k) {
            const QJsonArray sizes = categories[static_cast<qsizetype>(k)].toArray();
            if (sizes.size() != static_cast<qsizetype>(classesOf(kCategories[k], Classes{}).size()))
                return m_days.clear();
            for (const QJsonValue &n : sizes)
                s.sizes[k].push_back(static_cast<std::uint32_t>(std::max(0.0, n.toDouble())));
        }
        put(s);
    }
}

Status TrendCache::save(const QString &file) const
{
    QJsonArray days;
    for (const ClassSizes &s : m_days) {
        QJsonArray categories;
        for (const auto &sizes : s.sizes) {
            QJsonArray a;
            for (std::uint32_t n : sizes)
                a.append(static_cast<qint64>(n));
            categories.append(a);
        }
        days.append(QJsonObject{{QStringLiteral("day"), s.asOf.toString(Qt::ISODate)},
                                {QStringLiteral("sizes"), categories}});
    }
    QSaveFile f(file);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(QJsonObject{{QStringLiteral("fingerprint"), m_fingerprint},
                                          {QStringLiteral("days"), days}})
                    .toJson(QJsonDocument::Compact));
        if (f.commit())
            return Ok{};
    }
    return Error{ErrorCode::Storage, QCoreApplication::translate("Segments", "The trend could not be kept in %1: %2")
                     .arg(file, f.errorString())};
}

std::optional<ClassSizes> TrendCache::find(const QDate &day) const
{
    const auto it = std::find_if(m_days.begin(), m_days.end(), [&](const ClassSizes &s) { return s.asOf == day; });
    return it == m_days.end() ? std::nullopt : std::optional<ClassSizes>(*it);
}

void TrendCache::put(const ClassSizes &sizes)
{
    auto it = std::lower_bound(m_days.begin(), m_days.end(), sizes.asOf,
                               [](const ClassSizes &s, const QDate &d) { return s.asOf < d; });
    if (it != m_days.end() && it->asOf == sizes.asOf)
        *it = sizes;
    else
        m_days.insert(it, sizes);
}

void TrendCache::keepOnly(const std::vector<QDate> &days)
{
    std::erase_if(m_days, [&](const ClassSizes &s) { return std::find(days.begin(), days.end(), s.asOf) == days.end(); });
}

} // namespace huike::segments
