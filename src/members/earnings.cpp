#include "earnings.h"

#include "core/uuid.h"
#include "levels.h"
#include "core/phone.h"
#include "members.h"
#include "store/database.h"
#include "store/statement.h"

#include <QCoreApplication>

namespace huike {

namespace {

struct MemberTotals {
    qint64 levelId = 0;
    qint64 growth = 0;
    Money spend;
};

Result<MemberTotals> totalsOf(Database &db, qint64 memberId)
{
    auto rows = db.statement(QStringLiteral("SELECT level_id, growth, net_spend_fen FROM members WHERE id = ?"))
                    .select({memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    const QVariantList &r = rows->first();
    return MemberTotals{r.at(0).toLongLong(), r.at(1).toLongLong(), Money::fromFen(r.at(2).toLongLong())};
}

QString levelName(const LevelRules &rules, qint64 levelId)
{
    const MemberLevel *l = rules.byId(levelId);
    return l ? l->name : QString();
}

int rankOf(const LevelRules &rules, qint64 levelId)
{
    const MemberLevel *l = rules.byId(levelId);
    return l ? l->rank : -1; // a level since switched off ranks below every active one
}

// The growth ledger row and the member's cached totals, together: the cache is always the
// ledger's sum.
Status appendGrowth(Database &db, const LedgerContext &ctx, qint64 memberId, const QString &kind, qint64 growth,
                    Money spend, MemberTotals *after)
{
    if (growth == 0 && spend.isZero())
        return Ok{};
    auto idOrNull = [](qint64 v) { return v > 0 ? QVariant(v) : QVariant(); };
    if (auto st = db.statement(QStringLiteral("INSERT INTO growth_ledger(uuid, store_id, member_id, sale_id, kind, "
                                              "growth, spend_fen, operator_id, created_at_ms) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                      .exec({newUuid(), idOrNull(ctx.storeId), memberId, idOrNull(ctx.documentId), kind, growth,
                             spend.fen(), idOrNull(ctx.operatorId), ctx.nowMs});
        !st)
        return st;
    // growth >= 0 is a CHECK on the row: a refund cannot take back more than the member holds.
    auto rows = db.statement(QStringLiteral("UPDATE members SET growth = growth + ?, net_spend_fen = net_spend_fen + ? "
                                            "WHERE id = ? RETURNING level_id, growth, net_spend_fen"))
                    .select({growth, spend.fen(), memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    const QVariantList &r = rows->first();
    *after = MemberTotals{r.at(0).toLongLong(), r.at(1).toLongLong(), Money::fromFen(r.at(2).toLongLong())};
    return Ok{};
}

Status changeLevel(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 from, qint64 to,
                   const QString &cause)
{
    auto idOrNull = [](qint64 v) { return v > 0 ? QVariant(v) : QVariant(); };
    if (auto st = db.statement(QStringLiteral("UPDATE members SET level_id = ? WHERE id = ?")).exec({to, memberId}); !st)
        return st;
    return db
        .statement(QStringLiteral("INSERT INTO level_changes(uuid, store_id, member_id, sale_id, from_level_id, "
                                  "to_level_id, cause, operator_id, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .exec({newUuid(), idOrNull(ctx.storeId), memberId, idOrNull(ctx.documentId), from, to, cause,
               idOrNull(ctx.operatorId), ctx.nowMs});
}

} // namespace

Result<MemberPrice> memberPrice(Database &db, qint64 memberId)
{
    auto rules = loadLevelRules(db);
    if (!rules)
        return rules.error();
    auto rows = db.statement(QStringLiteral("SELECT card_state, level_id, name, phone FROM members WHERE id = ?"))
                    .select({memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    const QVariantList &r = rows->first();
    const QString state = r.at(0).toString();
    const QString who = r.at(2).toString().isEmpty() ? maskPhone(r.at(3).toString()) : r.at(2).toString();
    if (state == QLatin1String("lost"))
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Members", "%1's card is reported lost: replace it (补卡) before use.").arg(who));
    if (state == QLatin1String("locked"))
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Members", "%1's card is locked: a manager unlocks it in the member screen.").arg(who));
    if (state != QLatin1String("active"))
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Members", "This card of %1 was replaced: use the new card.").arg(who));
    const MemberLevel *level = rules->byId(r.at(1).toLongLong());
    if (!level) // switched off since: the member is priced at the lowest level until moved
        level = &rules->levels.first();
    return MemberPrice{memberId, level->id, level->name, level->discountPermille};
}

Result<MemberEffect> recordSaleEarnings(Database &db, const LedgerContext &ctx, qint64 memberId)
{
    auto rules = loadLevelRules(db);
    if (!rules)
        return rules.error();
    auto before = totalsOf(db, memberId);
    if (!before)
        return before.error();
    auto lines = db.statement(QStringLiteral("SELECT id, amount_fen FROM sale_lines WHERE sale_id = ? ORDER BY line_no"))
                     .select({ctx.documentId});
    if (!lines)
        return lines.error();
    QList<qint64> bases;
    Money base;
    for (const QVariantList &l : *lines) {
        bases.append(std::max<qint64>(0, l.at(1).toLongLong()));
        base += Money::fromFen(bases.last());
    }
    MemberEffect effect;
    effect.memberId = memberId;
    effect.growth = rules->growthFor(base);
    effect.spend = base;
    const QList<qint64> growthShares = allocateProportionally(effect.growth, bases);
    Statement &keep = db.statement(
        QStringLiteral("INSERT INTO line_earnings(line_id, member_id, base_fen, growth) VALUES (?, ?, ?, ?)"));
    for (int i = 0; i < lines->size(); ++i)
        if (auto st = keep.exec({lines->at(i).at(0).toLongLong(), memberId, bases.at(i), growthShares.at(i)}); !st)
            return st.error();

    MemberTotals after = *before;
    if (auto st = appendGrowth(db, ctx, memberId, QStringLiteral("sale"), effect.growth, effect.spend, &after); !st)
        return st.error();
    effect.growthAfter = after.growth;
    effect.levelBefore = effect.levelAfter = levelName(*rules, after.levelId);
    const MemberLevel &reached = rules->qualifyingLevel(after.growth, after.spend);
    if (reached.rank > rankOf(*rules, after.levelId)) {
        if (auto st = changeLevel(db, ctx, memberId, after.levelId, reached.id, QStringLiteral("upgrade")); !st)
            return st.error();
        effect.levelAfter = reached.name;
    }
    return effect;
}

Result<MemberEffect> reverseEarnings(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 originalSaleId)
{
    auto rules = loadLevelRules(db);
    if (!rules)
        return rules.error();
    auto before = totalsOf(db, memberId);
    if (!before)
        return before.error();
    // Each returned line with what its original earned, how much of it was sold, and what refunds
    // before this one returned and took back. A line that earned nothing (the sale had no member
    // then) has nothing to reverse.
    auto rows = db.statement(QStringLiteral(
                                 "SELECT r.id, -r.qty_milli, o.qty_milli, e.base_fen, e.growth, "
                                 "  COALESCE((SELECT -SUM(p.qty_milli) FROM sale_lines p WHERE p.original_line_id = o.id "
                                 "            AND p.sale_id <> r.sale_id), 0), "
                                 "  COALESCE((SELECT -SUM(pe.base_fen) FROM sale_lines p JOIN line_earnings pe ON "
                                 "            pe.line_id = p.id WHERE p.original_line_id = o.id AND p.sale_id <> r.sale_id), 0), "
                                 "  COALESCE((SELECT -SUM(pe.growth) FROM sale_lines p JOIN line_earnings pe ON "
                                 "            pe.line_id = p.id WHERE p.original_line_id = o.id AND p.sale_id <> r.sale_id), 0) "
                                 "FROM sale_lines r JOIN sale_lines o ON o.id = r.original_line_id "
                                 "JOIN line_earnings e ON e.line_id = o.id "
                                 "WHERE r.sale_id = ? AND o.sale_id = ? ORDER BY r.line_no"))
                    .select({ctx.documentId, originalSaleId});
    if (!rows)
        return rows.error();
    MemberEffect effect;
    effect.memberId = memberId;
    Statement &keep = db.statement(
        QStringLiteral("INSERT INTO line_earnings(line_id, member_id, base_fen, growth) VALUES (?, ?, ?, ?)"));
    // The cumulative share rule of RefundableLine::refundAmount: what all units returned so far
    // carry, less what was taken back already; the last units take back exactly what is left.
    auto backOf = [](qint64 earned, qint64 returnedBefore, qint64 qty, qint64 sold, qint64 takenBefore) {
        if (returnedBefore + qty >= sold)
            return earned - takenBefore;
        return divRoundHalfUp(Int128(earned) * (returnedBefore + qty), sold) - takenBefore;
    };
    for (const QVariantList &r : *rows) {
        const qint64 qty = r.at(1).toLongLong();
        const qint64 sold = r.at(2).toLongLong();
        const qint64 returnedBefore = r.at(5).toLongLong();
        const qint64 base = backOf(r.at(3).toLongLong(), returnedBefore, qty, sold, r.at(6).toLongLong());
        const qint64 growth = backOf(r.at(4).toLongLong(), returnedBefore, qty, sold, r.at(7).toLongLong());
        if (auto st = keep.exec({r.at(0).toLongLong(), memberId, -base, -growth}); !st)
            return st.error();
        effect.growth -= growth;
        effect.spend -= Money::fromFen(base);
    }
    MemberTotals after = *before;
    if (auto st = appendGrowth(db, ctx, memberId, QStringLiteral("refund"), effect.growth, effect.spend, &after); !st)
        return st.error();
    effect.growthAfter = after.growth;
    effect.levelBefore = effect.levelAfter = levelName(*rules, after.levelId);

    // Below the threshold of the level the sale's upgrades reached: back to the level the member
    // qualifies for now, but not below where they stood before the run of upgrades that sale was
    // part of (a level given by a manager or an import is the shop's decision, not the sale's).
    auto floorRows = db.statement(QStringLiteral(
                                      "SELECT from_level_id FROM level_changes WHERE member_id = ?1 AND cause = 'upgrade' "
                                      "AND id > COALESCE((SELECT MAX(id) FROM level_changes WHERE member_id = ?1 "
                                      "AND cause IN ('manual', 'import')), 0) ORDER BY id LIMIT 1"))
                         .select({memberId});
    if (!floorRows)
        return floorRows.error();
    if (!floorRows->isEmpty()) {
        const qint64 floorId = floorRows->first().at(0).toLongLong();
        const MemberLevel &qualifying = rules->qualifyingLevel(after.growth, after.spend);
        const MemberLevel *floor = rules->byId(floorId);
        const MemberLevel &target = floor && floor->rank > qualifying.rank ? *floor : qualifying;
        if (target.rank < rankOf(*rules, after.levelId)) {
            if (auto st = changeLevel(db, ctx, memberId, after.levelId, target.id, QStringLiteral("refund")); !st)
                return st.error();
            effect.levelAfter = target.name;
        }
    }
    return effect;
}

Result<std::optional<MemberEffect>> memberEffectOf(Database &db, qint64 documentId)
{
    auto rows = db.statement(QStringLiteral(
                                 "SELECT g.member_id, g.growth, g.spend_fen, "
                                 "  (SELECT SUM(h.growth) FROM growth_ledger h WHERE h.member_id = g.member_id "
                                 "   AND h.id <= g.id), "
                                 "  (SELECT f.name FROM level_changes c JOIN member_levels f ON f.id = c.from_level_id "
                                 "   WHERE c.sale_id = g.sale_id ORDER BY c.id LIMIT 1), "
                                 "  (SELECT t.name FROM level_changes c JOIN member_levels t ON t.id = c.to_level_id "
                                 "   WHERE c.sale_id = g.sale_id ORDER BY c.id DESC LIMIT 1) "
                                 "FROM growth_ledger g WHERE g.sale_id = ? ORDER BY g.id LIMIT 1"))
                    .select({documentId});
    if (!rows)
        return rows.error();
    std::optional<MemberEffect> out;
    if (rows->isEmpty())
        return out;
    const QVariantList &r = rows->first();
    MemberEffect e;
    e.memberId = r.at(0).toLongLong();
    e.growth = r.at(1).toLongLong();
    e.spend = Money::fromFen(r.at(2).toLongLong());
    e.growthAfter = r.at(3).toLongLong();
    e.levelBefore = r.at(4).toString();
    e.levelAfter = r.at(5).isNull() ? e.levelBefore : r.at(5).toString();
    out = e;
    return out;
}

} // namespace huike
