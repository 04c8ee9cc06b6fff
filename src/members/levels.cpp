#include "levels.h"

#include "earnings.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QDateTime>

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
                                            "discount_permille, points_permille, validity_days FROM member_levels "
                                            "WHERE active = 1 ORDER BY rank"))
                    .select();
    if (!rows)
        return rows.error();
    for (const QVariantList &r : *rows)
        rules.levels.append(MemberLevel{r.at(0).toLongLong(), r.at(1).toString(), r.at(2).toInt(),
                                        r.at(3).toLongLong(), Money::fromFen(r.at(4).toLongLong()),
                                        r.at(5).toLongLong(), r.at(6).toLongLong(), true, r.at(7).toInt()});
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
        if (l.validityDays < 0 || l.validityDays > 3660)
            return invalid(QCoreApplication::translate("Members", "%1: a level is valid 0 (for good) to 3,660 days.").arg(name));
        if (i == 0 && l.validityDays != 0)
            return invalid(QCoreApplication::translate("Members", "%1 is the lowest level: it is held for good.").arg(name));
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
                                  l.pointsPermille, l.validityDays};
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
                "discount_permille = ?, points_permille = ?, validity_days = ?, active = 1 WHERE id = ?"));
            if (auto st = up.exec(values + QVariantList{id}); !st)
                return st;
            if (up.changes() != 1)
                return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such level."));
        } else if (auto st = db.exec(QStringLiteral("INSERT INTO member_levels(name, rank, growth_threshold, "
                                                    "spend_threshold_fen, discount_permille, points_permille, "
                                                    "validity_days) VALUES (?, ?, ?, ?, ?, ?, ?)"),
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

qint64 levelExpiryMs(const ShopTime &time, qint64 nowMs, int validityDays)
{
    if (validityDays <= 0)
        return 0;
    return time.toUtcMs(QDateTime(time.localDate(nowMs).addDays(validityDays + 1), QTime(0, 0)));
}

Status changeLevel(Database &db, const LedgerContext &ctx, const LevelRules &rules, qint64 memberId, qint64 from,
                   qint64 to, const QString &cause)
{
    const MemberLevel *level = rules.byId(to);
    const qint64 expires = level && ctx.time ? levelExpiryMs(*ctx.time, ctx.nowMs, level->validityDays) : 0;
    if (auto st = db.statement(QStringLiteral("UPDATE members SET level_id = ?, level_expires_ms = ? WHERE id = ?"))
                      .exec({to, expires > 0 ? QVariant(expires) : QVariant(), memberId});
        !st)
        return st;
    return db
        .statement(QStringLiteral("INSERT INTO level_changes(uuid, store_id, member_id, sale_id, from_level_id, "
                                  "to_level_id, cause, operator_id, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .exec({newUuid(), idOrNull(ctx.storeId), memberId, idOrNull(ctx.documentId), from, to, cause,
               idOrNull(ctx.operatorId), ctx.nowMs});
}

namespace {

// One member whose level lapsed at `expires`: assessed period by period until the level they
// hold is valid past now. Inside the caller's transaction. Whether the level changed.
Result<bool> reassessMember(Database &db, const LedgerContext &ctx, const LevelRules &rules, qint64 memberId)
{
    auto rows = db.statement(QStringLiteral("SELECT level_id, level_expires_ms, growth, net_spend_fen, level_base_growth, "
                                            "level_base_spend_fen FROM members WHERE id = ?"))
                    .select({memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().at(1).isNull())
        return false;
    const QVariantList &r = rows->first();
    qint64 levelId = r.at(0).toLongLong();
    qint64 expires = r.at(1).toLongLong();
    const qint64 growth = r.at(2).toLongLong();
    const qint64 spend = r.at(3).toLongLong();
    qint64 baseGrowth = r.at(4).toLongLong();
    qint64 baseSpend = r.at(5).toLongLong();
    qint64 baseBefore = 0;
    const qint64 startLevel = levelId;
    Statement &earned = db.statement(QStringLiteral("SELECT COALESCE(SUM(growth), 0), COALESCE(SUM(spend_fen), 0) FROM "
                                                    "growth_ledger WHERE member_id = ? AND created_at_ms >= ? AND "
                                                    "created_at_ms < ?"));
    while (expires > 0 && expires <= ctx.nowMs) {
        const MemberLevel *held = rules.byId(levelId);
        // A level since retired, or made valid for good: the lowest level's rules decide.
        const int days = held ? held->validityDays : 0;
        const qint64 periodStart = days > 0 ? ctx.time->toUtcMs(QDateTime(ctx.time->localDate(expires - 1).addDays(-days + 1),
                                                                           QTime(0, 0)))
                                            : 0;
        auto sums = earned.select({memberId, periodStart, expires});
        if (!sums)
            return sums.error();
        const qint64 periodGrowth = std::max<qint64>(0, sums->first().at(0).toLongLong());
        const qint64 periodSpend = std::max<qint64>(0, sums->first().at(1).toLongLong());
        const MemberLevel &reached = rules.qualifyingLevel(periodGrowth, Money::fromFen(periodSpend));
        const int heldRank = held ? held->rank : -1;
        const MemberLevel &kept = reached.rank >= heldRank && held ? *held : reached;
        LedgerContext at = ctx;
        at.nowMs = expires; // the change is dated when the level lapsed, its next period from then
        at.documentId = 0;
        if (auto st = changeLevel(db, at, rules, memberId, levelId, kept.id,
                                  kept.id == levelId ? QStringLiteral("renew") : QStringLiteral("expire"));
            !st)
            return st.error();
        if (kept.id != levelId) {
            // From now on what counts towards levels is what the period earned and what comes after.
            baseGrowth = std::max<qint64>(0, growth - periodGrowth);
            baseSpend = std::max<qint64>(0, spend - periodSpend);
            baseBefore = periodStart;
        }
        levelId = kept.id;
        expires = levelExpiryMs(*ctx.time, expires - 1, kept.validityDays);
        if (expires > 0 && expires <= at.nowMs)
            break; // cannot happen (a period is at least a day); never loop forever
    }
    if (baseBefore > 0)
        if (auto st = db.statement(QStringLiteral("UPDATE members SET level_base_growth = ?, level_base_spend_fen = ?, "
                                                  "level_base_before_ms = ? WHERE id = ?"))
                          .exec({baseGrowth, baseSpend, baseBefore, memberId});
            !st)
            return st.error();
    return levelId != startLevel;
}

} // namespace

Result<int> reassessLevels(Database &db, const LedgerContext &ctx)
{
    if (!ctx.time)
        return makeError(ErrorCode::Invalid, QStringLiteral("reassessLevels needs the shop's calendar"));
    auto rules = loadLevelRules(db);
    if (!rules)
        return rules.error();
    auto due = db.statement(QStringLiteral("SELECT id FROM members WHERE level_expires_ms IS NOT NULL AND "
                                           "level_expires_ms <= ? ORDER BY id"))
                   .select({ctx.nowMs});
    if (!due)
        return due.error();
    int changed = 0;
    for (const QVariantList &r : *due) {
        WriteTransaction tx(db);
        if (!tx.began())
            return tx.beginError();
        auto moved = reassessMember(db, ctx, *rules, r.at(0).toLongLong());
        if (!moved)
            return moved.error();
        if (auto st = tx.commit(); !st)
            return st.error();
        changed += *moved ? 1 : 0;
    }
    return changed;
}

} // namespace huike
