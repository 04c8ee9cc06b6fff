#include "levels.h"

#include "store/database.h"
#include "store/permissions.h"
#include "store/settings.h"
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

Status saveLevelRules(Database &db, const LevelRules &rules, qint64 operatorId, qint64 nowMs)
{
    const auto invalid = [](const QString &text) { return makeError(ErrorCode::Invalid, text); };
    if (rules.levels.isEmpty())
        return invalid(QCoreApplication::translate("Members", "The programme needs at least one level."));
    if (rules.growthPerYuan < 0 || rules.growthPerYuan > 1000)
        return invalid(QCoreApplication::translate("Members", "Growth value per yuan is 0 to 1,000."));
    QStringList names;
    for (int i = 0; i < rules.levels.size(); ++i) {
        const MemberLevel &l = rules.levels.at(i);
        const QString name = l.name.trimmed();
        if (name.isEmpty() || name.size() > 20)
            return invalid(QCoreApplication::translate("Members", "A level needs a name of at most 20 characters."));
        if (names.contains(name))
            return invalid(QCoreApplication::translate("Members", "There are two levels named %1.").arg(name));
        names << name;
        if (l.discountPermille < 1 || l.discountPermille > 1000)
            return invalid(QCoreApplication::translate("Members", "%1: the level price is above 0 and at most 10折.").arg(name));
        if (l.pointsPermille < 0 || l.pointsPermille > 100000)
            return invalid(QCoreApplication::translate("Members", "%1: the points rate is 0 to 100 times.").arg(name));
        if (l.growthThreshold < 0 || l.spendThreshold.isNegative())
            return invalid(QCoreApplication::translate("Members", "%1: a threshold cannot be negative.").arg(name));
        const bool byGrowth = rules.upgradeBy == UpgradeBy::Growth;
        const qint64 need = byGrowth ? l.growthThreshold : l.spendThreshold.fen();
        if (i == 0 && need != 0)
            return invalid(QCoreApplication::translate("Members", "%1 is the lowest level: every member starts there, "
                                                                  "so it needs nothing.")
                               .arg(name));
        if (i > 0) {
            const MemberLevel &below = rules.levels.at(i - 1);
            if (need <= (byGrowth ? below.growthThreshold : below.spendThreshold.fen()))
                return invalid(QCoreApplication::translate("Members", "%1 must need more than %2, the level below it.")
                                   .arg(name, below.name.trimmed()));
        }
    }
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(db, operatorId, Permission::Settings); !st)
        return st;
    // Levels left out are retired, unless a member holds one.
    QStringList kept;
    for (const MemberLevel &l : rules.levels)
        if (l.id > 0)
            kept << QString::number(l.id);
    auto retired = db.statement(QStringLiteral("SELECT l.id, l.name, (SELECT COUNT(*) FROM members m WHERE m.level_id = "
                                               "l.id) FROM member_levels l WHERE l.active = 1"))
                       .select();
    if (!retired)
        return retired.error();
    for (const QVariantList &r : *retired) {
        if (kept.contains(r.at(0).toString()))
            continue;
        if (r.at(2).toLongLong() > 0) {
            const int held = r.at(2).toInt();
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Members", "%n member(s) hold the level %1: it cannot be removed.",
                                                         "", held)
                                 .arg(r.at(1).toString()));
        }
        if (auto st = db.exec(QStringLiteral("UPDATE member_levels SET active = 0, rank = -id WHERE id = ?"), {r.at(0)});
            !st)
            return st;
    }
    // Ranks and names are unique: moved out of the way first, then written in their new order.
    if (auto st = db.exec(QStringLiteral("UPDATE member_levels SET rank = -1000000 - id, name = name || char(1) || id "
                                         "WHERE active = 1"));
        !st)
        return st;
    for (int i = 0; i < rules.levels.size(); ++i) {
        const MemberLevel &l = rules.levels.at(i);
        const QVariantList values{l.name.trimmed(), i, l.growthThreshold, l.spendThreshold.fen(), l.discountPermille,
                                  l.pointsPermille};
        qint64 id = l.id;
        if (id <= 0) { // a level retired earlier under this name comes back, with its history
            auto old = db.statement(QStringLiteral("SELECT id FROM member_levels WHERE name = ? AND active = 0"))
                           .select({l.name.trimmed()});
            if (!old)
                return old.error();
            if (!old->isEmpty())
                id = old->first().at(0).toLongLong();
        }
        if (id > 0) {
            Statement &up = db.statement(QStringLiteral(
                "UPDATE member_levels SET name = ?, rank = ?, growth_threshold = ?, spend_threshold_fen = ?, "
                "discount_permille = ?, points_permille = ?, active = 1 WHERE id = ?"));
            if (auto st = up.exec(values + QVariantList{id}); !st)
                return st;
            if (up.changes() != 1)
                return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such level."));
        } else if (auto st = db.exec(QStringLiteral("INSERT INTO member_levels(name, rank, growth_threshold, "
                                                    "spend_threshold_fen, discount_permille, points_permille) "
                                                    "VALUES (?, ?, ?, ?, ?, ?)"),
                                     values);
                   !st) {
            return st;
        }
    }
    const QList<std::pair<QString, QString>> settings = {
        {LevelRules::kUpgradeBy, rules.upgradeBy == UpgradeBy::Spend ? QStringLiteral("spend") : QStringLiteral("growth")},
        {LevelRules::kGrowthPerYuan, QString::number(rules.growthPerYuan)}};
    for (const auto &[key, value] : settings)
        if (auto st = db.exec(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                                             "SET value = excluded.value"),
                              {key, value});
            !st)
            return st;
    if (auto st = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("programme.levels"), {}, {}, names.join(QStringLiteral(" < ")));
        !st)
        return st;
    return tx.commit();
}

} // namespace huike
