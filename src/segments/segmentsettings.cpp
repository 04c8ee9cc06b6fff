#include "segmentsettings.h"

#include "store/database.h"
#include "store/settings.h"

#include <QCoreApplication>

namespace huike::segments {

namespace {

using K = SegmentSettingKeys;

QString basisKey(SegmentSettings::RfmBasis b)
{
    switch (b) {
    case SegmentSettings::RfmBasis::MeanOfScores:
        return QStringLiteral("scores");
    case SegmentSettings::RfmBasis::Fixed:
        return QStringLiteral("fixed");
    case SegmentSettings::RfmBasis::MeanOfValues:
        break;
    }
    return QStringLiteral("values");
}

QString say(const char *text)
{
    return QCoreApplication::translate("Segments", text);
}

} // namespace

Result<SegmentSettings> loadSegmentSettings(Database &db)
{
    const Settings settings(db);
    SegmentSettings s;
    s.highValuePermille = static_cast<int>(settings.integer(K::kHighValuePermille, s.highValuePermille));
    const QString basis = settings.value(K::kRfmBasis, basisKey(s.rfmBasis));
    s.rfmBasis = basis == QLatin1String("scores")  ? SegmentSettings::RfmBasis::MeanOfScores
                 : basis == QLatin1String("fixed") ? SegmentSettings::RfmBasis::Fixed
                                                   : SegmentSettings::RfmBasis::MeanOfValues;
    s.fixedNearDays = static_cast<int>(settings.integer(K::kFixedNearDays, s.fixedNearDays));
    s.fixedHighOrders = static_cast<int>(settings.integer(K::kFixedHighOrders, s.fixedHighOrders));
    s.fixedHighSpendFen = settings.integer(K::kFixedHighSpendFen, s.fixedHighSpendFen);
    s.activeDays = static_cast<int>(settings.integer(K::kActiveDays, s.activeDays));
    s.silentDays = static_cast<int>(settings.integer(K::kSilentDays, s.silentDays));
    s.sleepingDays = static_cast<int>(settings.integer(K::kSleepingDays, s.sleepingDays));
    // A value edited into the table by hand that breaks the rules is no setting: the defaults.
    if (!checkSegmentSettings(s))
        return SegmentSettings{};
    return s;
}

Status checkSegmentSettings(const SegmentSettings &s)
{
    const auto invalid = [](const char *text) { return makeError(ErrorCode::Invalid, say(text)); };
    if (s.highValuePermille < 1 || s.highValuePermille > 1000)
        return invalid(QT_TRANSLATE_NOOP("Segments", "The high-value share is 0.1% to 100% of the members who bought."));
    if (s.activeDays < 1 || s.silentDays <= s.activeDays || s.sleepingDays <= s.silentDays || s.sleepingDays > 3650)
        return invalid(QT_TRANSLATE_NOOP("Segments", "The lifecycle stages follow one another: 活跃 within at least "
                                                     "one day, 沉默 beyond it, 睡眠 beyond that, up to 3,650 days."));
    if (s.fixedNearDays < 0 || s.fixedNearDays > 3650 || s.fixedHighOrders < 1 || s.fixedHighOrders > 100000 ||
        s.fixedHighSpendFen < 0)
        return invalid(QT_TRANSLATE_NOOP("Segments", "The fixed RFM thresholds: recent within 0 to 3,650 days, "
                                                     "frequent from at least one order, a net spend of ¥0 or more."));
    return Ok{};
}

Status saveSegmentSettings(Database &db, const SegmentSettings &s, qint64 operatorId, qint64 nowMs)
{
    if (auto st = checkSegmentSettings(s); !st)
        return st;
    // The manager's (Permission::Settings), each value audited with its old one.
    return Settings(db).change({{K::kHighValuePermille, QString::number(s.highValuePermille)},
                                {K::kRfmBasis, basisKey(s.rfmBasis)},
                                {K::kFixedNearDays, QString::number(s.fixedNearDays)},
                                {K::kFixedHighOrders, QString::number(s.fixedHighOrders)},
                                {K::kFixedHighSpendFen, QString::number(s.fixedHighSpendFen)},
                                {K::kActiveDays, QString::number(s.activeDays)},
                                {K::kSilentDays, QString::number(s.silentDays)},
                                {K::kSleepingDays, QString::number(s.sleepingDays)}},
                               operatorId, nowMs);
}

} // namespace huike::segments
