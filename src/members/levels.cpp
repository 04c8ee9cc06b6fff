#include "levels.h"

#include "store/database.h"
#include "store/statement.h"

#include <QCoreApplication>

namespace huike {

const MemberLevel *LevelRules::byId(qint64 id) const
{
    for (const MemberLevel &l : levels)
        if (l.id == id)
            return &l;
    return nullptr;
}

const MemberLevel &LevelRules::qualifyingLevel(qint64 growth, Money spend) const
{
    const MemberLevel *best = &levels.first();
    for (const MemberLevel &l : levels) {
        const bool reached = upgradeBy == UpgradeBy::Growth ? growth >= l.growthThreshold : spend >= l.spendThreshold;
        if (reached && l.rank > best->rank)
            best = &l;
    }
    return *best;
}

qint64 LevelRules::growthFor(Money earningBase) const
{
    if (earningBase.fen() <= 0)
        return 0;
    return earningBase.fen() / 100 * growthPerYuan;
}

Result<LevelRules> loadLevelRules(Database &db)
{
    LevelRules rules;
    auto rows = db.statement(QStringLiteral("SELECT id, name, rank, growth_threshold, spend_threshold_fen, "
                                            "discount_permille, points_permille FROM member_levels "
                                            "WHERE active = 1 ORDER BY rank"))
                    .select();
    if (!rows)
        return rows.error();
    for (const QVariantList &r : *rows)
        rules.levels.append(MemberLevel{r.at(0).toLongLong(), r.at(1).toString(), r.at(2).toInt(),
                                        r.at(3).toLongLong(), Money::fromFen(r.at(4).toLongLong()),
                                        r.at(5).toLongLong(), r.at(6).toLongLong(), true});
    if (rules.levels.isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate(
                                                 "Members", "The member programme has no level: add one in Settings."));
    auto settings = db.statement(QStringLiteral("SELECT key, value FROM settings WHERE key IN (?, ?)"))
                        .select({LevelRules::kUpgradeBy, LevelRules::kGrowthPerYuan});
    if (!settings)
        return settings.error();
    for (const QVariantList &r : *settings) {
        if (r.at(0).toString() == LevelRules::kUpgradeBy)
            rules.upgradeBy = r.at(1).toString() == QLatin1String("spend") ? UpgradeBy::Spend : UpgradeBy::Growth;
        else
            rules.growthPerYuan = std::max<qint64>(0, r.at(1).toString().toLongLong());
    }
    return rules;
}

} // namespace huike
