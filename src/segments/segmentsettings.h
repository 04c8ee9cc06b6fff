#pragma once

// 会员分析's settings as the shop keeps them: in the settings table, so that every till, the
// back office and huike-cli segments class members alike. Unset, they are the defaults
// (SegmentSettings in classify.h).

#include "classify.h"
#include "core/result.h"

#include <QString>

namespace huike {

class Database;

namespace segments {

struct SegmentSettingKeys {
    static inline const QString kHighValuePermille = QStringLiteral("segments.high_value_permille"); // 200
    static inline const QString kRfmBasis = QStringLiteral("segments.rfm_basis"); // values | scores | fixed
    static inline const QString kFixedNearDays = QStringLiteral("segments.fixed_near_days");             // 30
    static inline const QString kFixedHighOrders = QStringLiteral("segments.fixed_high_orders");         // 5
    static inline const QString kFixedHighSpendFen = QStringLiteral("segments.fixed_high_spend_fen");    // 50000
    static inline const QString kActiveDays = QStringLiteral("segments.active_days");                    // 90
    static inline const QString kSilentDays = QStringLiteral("segments.silent_days");                    // 180
    static inline const QString kSleepingDays = QStringLiteral("segments.sleeping_days");                // 365
};

Result<SegmentSettings> loadSegmentSettings(Database &db);

// What a manager may set: a high-value share of 0.1% to 100%; lifecycle stages that follow one
// another (活跃 within at least a day, 沉默 beyond it, 睡眠 beyond that, at most ten years);
// fixed thresholds of at least one order and no negative spend. Needs Permission::Settings;
// audited, each value with its old one.
Status checkSegmentSettings(const SegmentSettings &s);
Status saveSegmentSettings(Database &db, const SegmentSettings &s, qint64 operatorId, qint64 nowMs);

} // namespace segments

} // namespace huike
