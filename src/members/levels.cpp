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
#include <QHash>
#include <algorithm>
#include <limits>

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
    auto settings = db.statement(QStringLiteral("SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?, ?)"))
                        .select({LevelRules::kUpgradeBy, LevelRules::kGrowthPerYuan, LevelRules::kRfmPeriod,
                                 LevelRules::kRfmWeights, LevelRules::kRfmSince});
    if (!settings)
        return settings.error();
    for (const QVariantList &r : *settings) {
        const QString key = r.at(0).toString(), value = r.at(1).toString();
        if (key == LevelRules::kUpgradeBy) {
            rules.upgradeBy = value == QLatin1String("spend") ? UpgradeBy::Spend : UpgradeBy::Growth;
        } else if (key == LevelRules::kGrowthPerYuan) {
            rules.growthPerYuan = std::max<qint64>(0, value.toLongLong());
        } else if (key == LevelRules::kRfmPeriod) {
            rules.rfm.period = value == QLatin1String("month")     ? RfmGrowth::Period::Month
                               : value == QLatin1String("quarter") ? RfmGrowth::Period::Quarter
                                                                   : RfmGrowth::Period::Off;
        } else if (key == LevelRules::kRfmWeights) {
            const QStringList w = value.split(QLatin1Char(','));
            if (w.size() == 3) {
                rules.rfm.weightR = std::clamp(w[0].toInt(), 0, 10000);
                rules.rfm.weightF = std::clamp(w[1].toInt(), 0, 10000);
                rules.rfm.weightM = std::clamp(w[2].toInt(), 0, 10000);
            }
        } else {
            rules.rfm.sinceMs = value.toLongLong();
        }
    }
    // RFM growth moves levels by growth value: under levels by spend it is off.
    if (rules.upgradeBy != UpgradeBy::Growth)
        rules.rfm.period = RfmGrowth::Period::Off;
    return rules;
}

Status saveLevelRules(Database &db, const LevelRules &rules, qint64 operatorId, qint64 nowMs, const ShopTime &time)
{
    const auto invalid = [](const QString &text) { return makeError(ErrorCode::Invalid, text); };
    if (rules.levels.isEmpty())
        return invalid(QCoreApplication::translate("Members", "The programme needs at least one level."));
    if (rules.growthPerYuan < 0 || rules.growthPerYuan > 1000)
        return invalid(QCoreApplication::translate("Members", "Growth value per yuan is 0 to 1,000."));
    if (rules.rfm.on()) {
        if (rules.upgradeBy != UpgradeBy::Growth)
            return invalid(QCoreApplication::translate(
                "Members", "Growth from RFM moves members by growth value: choose growth value as what members move up by."));
        const int weights[] = {rules.rfm.weightR, rules.rfm.weightF, rules.rfm.weightM};
        for (int w : weights)
            if (w < 0 || w > 10000)
                return invalid(QCoreApplication::translate("Members", "An RFM weight is 0 to 10,000 growth value a point."));
        if (rules.rfm.weightR + rules.rfm.weightF + rules.rfm.weightM == 0)
            return invalid(QCoreApplication::translate("Members", "Growth from RFM needs at least one weight above 0."));
    }
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
    // Each level's validity before this save: its holders' periods change only where it changes.
    auto before = db.statement(QStringLiteral("SELECT id, validity_days FROM member_levels")).select();
    if (!before)
        return before.error();
    QHash<qint64, int> validityBefore;
    for (const QVariantList &r : *before)
        validityBefore.insert(r.at(0).toLongLong(), r.at(1).toInt());
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
    // A level given a validity: its holders' first period starts now. Made valid for good: they
    // keep it for good. Said here, once, not looked for at every assessment.
    for (const MemberLevel &l : rules.levels) {
        const int was = validityBefore.value(l.id, 0);
        if (l.id <= 0 || (was > 0) == (l.validityDays > 0))
            continue;
        const Status st = l.validityDays > 0
                              ? db.exec(QStringLiteral("UPDATE members SET level_expires_ms = ? WHERE level_id = ? AND "
                                                       "level_expires_ms IS NULL"),
                                        {levelExpiryMs(time, nowMs, l.validityDays), l.id})
                              : db.exec(QStringLiteral("UPDATE members SET level_expires_ms = NULL WHERE level_id = ?"), {l.id});
        if (!st)
            return st;
    }
    // Growth from RFM turned on now: the first period it applies to is the first to end from now
    // (a period that ended before the shop chose it is not applied after the fact).
    auto wasOn = loadLevelRules(db);
    if (!wasOn)
        return wasOn.error();
    const qint64 rfmSince = !rules.rfm.on() ? 0 : wasOn->rfm.on() ? wasOn->rfm.sinceMs : nowMs;
    const QList<std::pair<QString, QString>> settings = {
        {LevelRules::kUpgradeBy, rules.upgradeBy == UpgradeBy::Spend ? QStringLiteral("spend") : QStringLiteral("growth")},
        {LevelRules::kGrowthPerYuan, QString::number(rules.growthPerYuan)},
        {LevelRules::kRfmPeriod, rules.rfm.period == RfmGrowth::Period::Month     ? QStringLiteral("month")
                                 : rules.rfm.period == RfmGrowth::Period::Quarter ? QStringLiteral("quarter")
                                                                                  : QStringLiteral("off")},
        {LevelRules::kRfmWeights,
         QStringLiteral("%1,%2,%3").arg(rules.rfm.weightR).arg(rules.rfm.weightF).arg(rules.rfm.weightM)},
        {LevelRules::kRfmSince, QString::number(rfmSince)}};
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
                   qint64 to, const QString &cause, std::optional<qint64> expiresMs)
{
    const MemberLevel *level = rules.byId(to);
    const qint64 expires = expiresMs ? *expiresMs
                                     : (level && ctx.time ? levelExpiryMs(*ctx.time, ctx.nowMs, level->validityDays) : 0);
    // What the member's level was valid until, kept with the change: a refund that undoes an
    // upgrade gives the level back with the days it had left, not a fresh period.
    Statement &move = db.statement(QStringLiteral("UPDATE members SET level_id = ?, level_expires_ms = ? WHERE id = ?"));
    auto before = db.statement(QStringLiteral("SELECT level_expires_ms FROM members WHERE id = ?")).select({memberId});
    if (!before)
        return before.error();
    const QVariant previous = before->isEmpty() ? QVariant() : before->first().at(0);
    if (auto st = move.exec({to, expires > 0 ? QVariant(expires) : QVariant(), memberId}); !st)
        return st;
    return db
        .statement(QStringLiteral("INSERT INTO level_changes(uuid, store_id, member_id, sale_id, from_level_id, "
                                  "to_level_id, cause, operator_id, created_at_ms, prev_expires_ms) VALUES (?, ?, ?, ?, "
                                  "?, ?, ?, ?, ?, ?)"))
        .exec({newUuid(), idOrNull(ctx.storeId), memberId, idOrNull(ctx.documentId), from, to, cause,
               idOrNull(ctx.operatorId), ctx.nowMs, previous});
}

namespace {

// One member whose level lapsed: assessed period by period until the level they hold is valid
// past now. A period runs from the moment the level was reached or renewed (the sale that
// reached it not counted: it reached it) to the moment it lapses. Inside the caller's
// transaction. Whether the level changed.
Result<bool> reassessMember(Database &db, const LedgerContext &ctx, const LevelRules &rules, qint64 memberId)
{
    auto rows = db.statement(QStringLiteral("SELECT level_id, level_expires_ms, (SELECT c.created_at_ms FROM "
                                            "level_changes c WHERE c.member_id = members.id ORDER BY c.id DESC LIMIT 1) "
                                            "FROM members WHERE id = ?"))
                    .select({memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().at(1).isNull())
        return false;
    const QVariantList &r = rows->first();
    qint64 levelId = r.at(0).toLongLong();
    qint64 expires = r.at(1).toLongLong();
    const qint64 startLevel = levelId;
    // Growth and spend earned after `from` and before `to`.
    Statement &earned = db.statement(QStringLiteral("SELECT COALESCE(SUM(growth), 0), COALESCE(SUM(spend_fen), 0) FROM "
                                                    "growth_ledger WHERE member_id = ? AND created_at_ms > ? AND "
                                                    "created_at_ms < ?"));
    qint64 reachedAt = r.at(2).isNull() ? -1 : r.at(2).toLongLong(); // -1: no change on record
    std::optional<qint64> baseUntil; // set when the member steps down: what came before no longer counts
    while (expires > 0 && expires <= ctx.nowMs) {
        const MemberLevel *held = rules.byId(levelId);
        const int days = held ? held->validityDays : 0;
        if (days <= 0) {
            // The level was made valid for good (or retired) since: held, nothing to assess.
            if (auto st = db.statement(QStringLiteral("UPDATE members SET level_expires_ms = NULL WHERE id = ?")).exec({memberId});
                !st)
                return st.error();
            break;
        }
        // No change on record (a period started when the shop gave the level its validity): the
        // days the level was held, counted back from its lapse.
        const qint64 from = reachedAt >= 0 && reachedAt < expires
                                ? reachedAt
                                : ctx.time->toUtcMs(QDateTime(ctx.time->localDate(expires - 1).addDays(-days), QTime(0, 0)));
        auto sums = earned.select({memberId, from, expires});
        if (!sums)
            return sums.error();
        const qint64 periodGrowth = std::max<qint64>(0, sums->first().at(0).toLongLong());
        const qint64 periodSpend = std::max<qint64>(0, sums->first().at(1).toLongLong());
        const MemberLevel &reached = rules.qualifyingLevel(periodGrowth, Money::fromFen(periodSpend));
        const MemberLevel &kept = reached.rank >= held->rank ? *held : reached;
        LedgerContext at = ctx;
        at.nowMs = expires; // the change is dated when the level lapsed, its next period from then
        at.documentId = 0;
        if (auto st = changeLevel(db, at, rules, memberId, levelId, kept.id,
                                  kept.id == levelId ? QStringLiteral("renew") : QStringLiteral("expire"));
            !st)
            return st.error();
        if (kept.id != levelId)
            baseUntil = from;
        levelId = kept.id;
        reachedAt = expires;
        expires = levelExpiryMs(*ctx.time, expires, kept.validityDays); // as changeLevel stored it
    }
    if (baseUntil) {
        // From now on what counts towards levels is what was earned after the period began, the
        // lapsed period and anything since included.
        auto before = db.statement(QStringLiteral("SELECT COALESCE(SUM(growth), 0), COALESCE(SUM(spend_fen), 0) FROM "
                                                  "growth_ledger WHERE member_id = ? AND created_at_ms <= ?"))
                          .select({memberId, *baseUntil});
        if (!before)
            return before.error();
        if (auto st = db.statement(QStringLiteral("UPDATE members SET level_base_growth = ?, level_base_spend_fen = ?, "
                                                  "level_base_before_ms = ? WHERE id = ?"))
                          .exec({std::max<qint64>(0, before->first().at(0).toLongLong()),
                                 std::max<qint64>(0, before->first().at(1).toLongLong()), *baseUntil + 1, memberId});
            !st)
            return st.error();
    }
    return levelId != startLevel;
}

constexpr int kAssessChunk = 500;

} // namespace

Result<LevelAssessment> reassessLevels(Database &db, const LedgerContext &ctx, int maxMembers)
{
    if (!ctx.time)
        return makeError(ErrorCode::Invalid, QStringLiteral("reassessLevels needs the shop's calendar"));
    auto rules = loadLevelRules(db);
    if (!rules)
        return rules.error();
    LevelAssessment done;
    const int limit = maxMembers > 0 ? maxMembers : std::numeric_limits<int>::max();
    auto due = db.statement(QStringLiteral("SELECT id FROM members WHERE level_expires_ms IS NOT NULL AND "
                                           "level_expires_ms <= ? ORDER BY level_expires_ms, id LIMIT ?"))
                   .select({ctx.nowMs, static_cast<qint64>(limit) + 1});
    if (!due)
        return due.error();
    done.more = due->size() > limit;
    const qsizetype count = std::min<qsizetype>(due->size(), limit);
    // In chunks, each its own transaction: one sync per chunk, and the tills wait for one chunk
    // at most, not for a day's lapses at once.
    for (qsizetype start = 0; start < count; start += kAssessChunk) {
        WriteTransaction tx(db);
        if (!tx.began())
            return tx.beginError();
        int changed = 0;
        for (qsizetype i = start; i < std::min<qsizetype>(count, start + kAssessChunk); ++i) {
            auto moved = reassessMember(db, ctx, *rules, due->at(i).at(0).toLongLong());
            if (!moved)
                return moved.error();
            changed += *moved ? 1 : 0;
        }
        if (auto st = tx.commit(); !st)
            return st.error();
        done.assessed += static_cast<int>(std::min<qsizetype>(count, start + kAssessChunk) - start);
        done.changed += changed;
    }
    return done;
}

} // namespace huike
