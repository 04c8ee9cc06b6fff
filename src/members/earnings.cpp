#include "earnings.h"

#include "core/uuid.h"
#include "levels.h"
#include "points.h"
#include "storedvalue.h"
#include "sales/tender.h"
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
    qint64 points = 0;
    Money principal;
    Money bonus;
    // What no longer counts towards levels since a level lapsed (members/levels.h).
    qint64 baseGrowth = 0;
    Money baseSpend;
    const MemberLevel &qualifying(const LevelRules &rules) const
    {
        return rules.qualifyingLevel(growth - baseGrowth, spend - baseSpend);
    }
};

MemberTotals totalsFrom(const QVariantList &r)
{
    return MemberTotals{r.at(0).toLongLong(), r.at(1).toLongLong(), Money::fromFen(r.at(2).toLongLong()),
                        r.at(3).toLongLong(), Money::fromFen(r.at(4).toLongLong()), Money::fromFen(r.at(5).toLongLong()),
                        r.at(6).toLongLong(), Money::fromFen(r.at(7).toLongLong())};
}

Result<MemberTotals> totalsOf(Database &db, qint64 memberId)
{
    auto rows = db.statement(QStringLiteral("SELECT level_id, growth, net_spend_fen, points, principal_fen, bonus_fen, "
                                            "level_base_growth, level_base_spend_fen FROM members WHERE id = ?"))
                    .select({memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    return totalsFrom(rows->first());
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
    if (growth == 0 && spend.isZero()) {
        auto now = totalsOf(db, memberId); // the points may have moved
        if (!now)
            return now.error();
        *after = *now;
        return Ok{};
    }
    if (auto st = db.statement(QStringLiteral("INSERT INTO growth_ledger(uuid, store_id, member_id, sale_id, kind, "
                                              "growth, spend_fen, operator_id, created_at_ms) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                      .exec({newUuid(), idOrNull(ctx.storeId), memberId, idOrNull(ctx.documentId), kind, growth,
                             spend.fen(), idOrNull(ctx.operatorId), ctx.nowMs});
        !st)
        return st;
    // growth >= 0 is a CHECK on the row: a refund cannot take back more than the member holds.
    auto rows = db.statement(QStringLiteral("UPDATE members SET growth = growth + ?, net_spend_fen = net_spend_fen + ? "
                                            "WHERE id = ? RETURNING level_id, growth, net_spend_fen, points, principal_fen, "
                                            "bonus_fen, level_base_growth, level_base_spend_fen"))
                    .select({growth, spend.fen(), memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    *after = totalsFrom(rows->first());
    return Ok{};
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
    auto pointsRules = loadPointsRules(db);
    if (!pointsRules)
        return pointsRules.error();
    auto before = totalsOf(db, memberId);
    if (!before)
        return before.error();
    auto lines = db.statement(QStringLiteral("SELECT id, amount_fen, product_id FROM sale_lines WHERE sale_id = ? "
                                             "ORDER BY line_no"))
                     .select({ctx.documentId});
    if (!lines)
        return lines.error();
    MemberEffect effect;
    effect.memberId = memberId;

    // Points paid with: whole points at the programme's rate, within its cap, off the oldest lots.
    auto paid = db.statement(QStringLiteral("SELECT amount_fen, reference FROM payments WHERE sale_id = ? AND tender = ?"))
                    .select({ctx.documentId, Tender::Points.key()});
    if (!paid)
        return paid.error();
    Money pointsMoney;
    Money total;
    for (const QVariantList &l : *lines)
        total += Money::fromFen(l.at(1).toLongLong());
    for (const QVariantList &p : *paid) {
        const qint64 count = p.at(1).toString().toLongLong();
        const Money amount = Money::fromFen(p.at(0).toLongLong());
        if (pointsRules->valueOf(count) != amount)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Members", "%1 points pay %2, not %3.")
                                 .arg(count)
                                 .arg(pointsRules->valueOf(count).value_or(Money()).display(), amount.display()));
        effect.pointsPaid += count;
        pointsMoney += amount;
    }
    if (effect.pointsPaid > 0) {
        const Money cap = total.timesPermille(pointsRules->redeemCapPermille);
        if (pointsMoney > cap)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Members", "Points may pay at most %1 of this sale (%2), not %3.")
                                 .arg(pointsRules->capText(),
                                      cap.display(), pointsMoney.display()));
        if (auto st = spendPoints(db, ctx, memberId, effect.pointsPaid, QStringLiteral("redeem")); !st)
            return st.error();
    } else if (auto expired = expirePoints(db, ctx, memberId); !expired) {
        return expired.error();
    }
    // Stored value paid with: it earns like money (it was money when it was recharged).
    auto stored = db.statement(QStringLiteral("SELECT COALESCE(SUM(amount_fen), 0) FROM payments WHERE sale_id = ? "
                                              "AND tender = ?"))
                      .select({ctx.documentId, Tender::Stored.key()});
    if (!stored)
        return stored.error();
    effect.storedPaid = Money::fromFen(stored->first().at(0).toLongLong());
    if (auto spent = spendStored(db, ctx, memberId, effect.storedPaid, QStringLiteral("spend")); !spent)
        return spent.error();

    QList<qint64> amounts;
    for (const QVariantList &l : *lines)
        amounts.append(std::max<qint64>(0, l.at(1).toLongLong()));
    const QList<qint64> paidShares = allocateProportionally(pointsMoney.fen(), amounts);
    QList<qint64> bases;
    QList<qint64> pointWeights; // base x the product's multiplier
    Money base;
    for (int i = 0; i < lines->size(); ++i) {
        bases.append(std::max<qint64>(0, amounts.at(i) - paidShares.at(i)));
        base += Money::fromFen(bases.last());
        auto product = productPointsPermille(db, lines->at(i).at(2).toLongLong());
        if (!product)
            return product.error();
        pointWeights.append(bases.last() * *product);
    }
    effect.growth = rules->growthFor(base);
    effect.spend = base;
    const QList<qint64> growthShares = allocateProportionally(effect.growth, bases);

    const MemberLevel *level = rules->byId(before->levelId);
    const qint64 levelPermille = level ? level->pointsPermille : 1000;
    qint64 windowPermille = 1000;
    if (ctx.time) {
        auto w = windowPointsPermille(db, *ctx.time, ctx.nowMs);
        if (!w)
            return w.error();
        windowPermille = *w;
    }
    Int128 weighted = 0;
    for (qint64 w : pointWeights)
        weighted += w;
    // Floored once for the receipt: ¥57.80 at 1 point per ¥10 earns 5.
    const qint64 points = static_cast<qint64>(weighted * levelPermille * windowPermille /
                                              (Int128(1'000'000'000) * pointsRules->fenPerPoint));
    effect.pointsEarned = points;
    const QList<qint64> pointShares = allocateProportionally(points, pointWeights);
    Statement &keep = db.statement(QStringLiteral(
        "INSERT INTO line_earnings(line_id, member_id, base_fen, growth, points) VALUES (?, ?, ?, ?, ?)"));
    for (int i = 0; i < lines->size(); ++i)
        if (auto st = keep.exec({lines->at(i).at(0).toLongLong(), memberId, bases.at(i), growthShares.at(i),
                                 pointShares.at(i)});
            !st)
            return st.error();
    if (auto st = earnPoints(db, ctx, memberId, points, QStringLiteral("earn")); !st)
        return st.error();

    MemberTotals after = *before;
    if (auto st = appendGrowth(db, ctx, memberId, QStringLiteral("sale"), effect.growth, effect.spend, &after); !st)
        return st.error();
    effect.growthAfter = after.growth;
    effect.pointsAfter = after.points;
    effect.principalAfter = after.principal;
    effect.bonusAfter = after.bonus;
    effect.levelBefore = effect.levelAfter = levelName(*rules, after.levelId);
    const MemberLevel &reached = after.qualifying(*rules);
    if (reached.rank > rankOf(*rules, after.levelId)) {
        if (auto st = changeLevel(db, ctx, *rules, memberId, after.levelId, reached.id, QStringLiteral("upgrade")); !st)
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
                                 "SELECT r.id, -r.qty_milli, o.qty_milli, e.base_fen, e.growth, e.points, "
                                 "  COALESCE((SELECT -SUM(p.qty_milli) FROM sale_lines p WHERE p.original_line_id = o.id "
                                 "            AND p.sale_id <> r.sale_id), 0), "
                                 "  COALESCE((SELECT -SUM(pe.base_fen) FROM sale_lines p JOIN line_earnings pe ON "
                                 "            pe.line_id = p.id WHERE p.original_line_id = o.id AND p.sale_id <> r.sale_id), 0), "
                                 "  COALESCE((SELECT -SUM(pe.growth) FROM sale_lines p JOIN line_earnings pe ON "
                                 "            pe.line_id = p.id WHERE p.original_line_id = o.id AND p.sale_id <> r.sale_id), 0), "
                                 "  COALESCE((SELECT -SUM(pe.points) FROM sale_lines p JOIN line_earnings pe ON "
                                 "            pe.line_id = p.id WHERE p.original_line_id = o.id AND p.sale_id <> r.sale_id), 0) "
                                 "FROM sale_lines r JOIN sale_lines o ON o.id = r.original_line_id "
                                 "JOIN line_earnings e ON e.line_id = o.id "
                                 "WHERE r.sale_id = ? AND o.sale_id = ? ORDER BY r.line_no"))
                    .select({ctx.documentId, originalSaleId});
    if (!rows)
        return rows.error();
    MemberEffect effect;
    effect.memberId = memberId;
    Statement &keep = db.statement(QStringLiteral(
        "INSERT INTO line_earnings(line_id, member_id, base_fen, growth, points) VALUES (?, ?, ?, ?, ?)"));
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
        const qint64 returnedBefore = r.at(6).toLongLong();
        const qint64 base = backOf(r.at(3).toLongLong(), returnedBefore, qty, sold, r.at(7).toLongLong());
        const qint64 growth = backOf(r.at(4).toLongLong(), returnedBefore, qty, sold, r.at(8).toLongLong());
        const qint64 points = backOf(r.at(5).toLongLong(), returnedBefore, qty, sold, r.at(9).toLongLong());
        if (auto st = keep.exec({r.at(0).toLongLong(), memberId, -base, -growth, -points}); !st)
            return st.error();
        effect.growth -= growth;
        effect.spend -= Money::fromFen(base);
        effect.pointsEarned -= points;
    }
    // Points the sale paid with come back as the refund's points payments say: first, so that the
    // points it takes back below may come out of them.
    auto back = db.statement(QStringLiteral("SELECT COALESCE(SUM(CAST(reference AS INTEGER)), 0) FROM payments "
                                            "WHERE sale_id = ? AND tender = ?"))
                    .select({ctx.documentId, Tender::Points.key()});
    if (!back)
        return back.error();
    effect.pointsPaid = -back->first().at(0).toLongLong();
    if (auto st = returnPoints(db, ctx, memberId, originalSaleId, -effect.pointsPaid); !st)
        return st.error();
    auto storedBack = db.statement(QStringLiteral("SELECT COALESCE(SUM(amount_fen), 0) FROM payments WHERE sale_id = ? "
                                                  "AND tender = ?"))
                          .select({ctx.documentId, Tender::Stored.key()});
    if (!storedBack)
        return storedBack.error();
    effect.storedPaid = Money::fromFen(storedBack->first().at(0).toLongLong());
    if (auto st = returnStored(db, ctx, memberId, originalSaleId, -effect.storedPaid); !st)
        return st.error();
    // Points this sale earned come back off the balance, its own lot first. Spent already: the
    // refund cannot take them back, and says so (a manager adjusts the points or the refund).
    if (auto st = spendPoints(db, ctx, memberId, -effect.pointsEarned, QStringLiteral("refund_earn"), originalSaleId);
        !st) {
        if (st.error().code != ErrorCode::InsufficientFunds)
            return st.error();
        return makeError(ErrorCode::InsufficientFunds,
                         QCoreApplication::translate("Members", "The member has since used the points this sale earned: "
                                                                "%1 points must be taken back. %2")
                             .arg(-effect.pointsEarned)
                             .arg(st.error().message));
    }
    // Growth from RFM may since have taken the member below what this sale earned
    // (members/rfmgrowth.h): the refund takes back what is left, never below 0.
    effect.growth = std::max(effect.growth, -before->growth);
    MemberTotals after = *before;
    if (auto st = appendGrowth(db, ctx, memberId, QStringLiteral("refund"), effect.growth, effect.spend, &after); !st)
        return st.error();
    // A sale from before the member's level last lapsed is part of what no longer counts towards
    // levels (members/levels.h): its refund takes it off that part, not off what counts now.
    if (after.baseGrowth > 0 || after.baseSpend.fen() > 0) {
        Statement &base = db.statement(QStringLiteral(
            "UPDATE members SET level_base_growth = max(0, level_base_growth + ?1), level_base_spend_fen = max(0, "
            "level_base_spend_fen + ?2) WHERE id = ?3 AND (SELECT created_at_ms FROM sales WHERE id = ?4) < "
            "level_base_before_ms RETURNING level_base_growth, level_base_spend_fen"));
        auto moved = base.select({effect.growth, effect.spend.fen(), memberId, originalSaleId});
        if (!moved)
            return moved.error();
        if (!moved->isEmpty()) {
            after.baseGrowth = moved->first().at(0).toLongLong();
            after.baseSpend = Money::fromFen(moved->first().at(1).toLongLong());
        }
    }
    effect.growthAfter = after.growth;
    effect.pointsAfter = after.points;
    effect.principalAfter = after.principal;
    effect.bonusAfter = after.bonus;
    effect.levelBefore = effect.levelAfter = levelName(*rules, after.levelId);

    // Below the threshold of the level the sale's upgrades reached: back to the level the member
    // qualifies for now, but not below where they stood before the run of upgrades that sale was
    // part of (a level given by a manager or an import is the shop's decision, not the sale's; a
    // level assessed at its expiry is where the member stands since).
    auto floorRows = db.statement(QStringLiteral(
                                      "SELECT from_level_id FROM level_changes WHERE member_id = ?1 AND cause = 'upgrade' "
                                      "AND id > COALESCE((SELECT MAX(id) FROM level_changes WHERE member_id = ?1 "
                                      "AND cause IN ('manual', 'import', 'expire', 'renew')), 0) ORDER BY id LIMIT 1"))
                         .select({memberId});
    if (!floorRows)
        return floorRows.error();
    if (!floorRows->isEmpty()) {
        const qint64 floorId = floorRows->first().at(0).toLongLong();
        const MemberLevel &qualifying = after.qualifying(*rules);
        const MemberLevel *floor = rules->byId(floorId);
        const MemberLevel &target = floor && floor->rank > qualifying.rank ? *floor : qualifying;
        if (target.rank < rankOf(*rules, after.levelId)) {
            // Back to a level held before: with the days it had left then, not a fresh period.
            auto held = db.statement(QStringLiteral("SELECT prev_expires_ms FROM level_changes WHERE member_id = ? AND "
                                                    "cause = 'upgrade' AND from_level_id = ? ORDER BY id DESC LIMIT 1"))
                            .select({memberId, target.id});
            if (!held)
                return held.error();
            std::optional<qint64> expires;
            if (!held->isEmpty())
                expires = held->first().at(0).toLongLong(); // NULL: it was held for good
            if (auto st = changeLevel(db, ctx, *rules, memberId, after.levelId, target.id, QStringLiteral("refund"), expires);
                !st)
                return st.error();
            effect.levelAfter = target.name;
        }
    }
    return effect;
}

Result<QHash<qint64, Money>> pointsPaidByLine(Database &db, qint64 saleId)
{
    auto rows = db.statement(QStringLiteral("SELECT l.id, l.amount_fen - e.base_fen FROM sale_lines l "
                                            "JOIN line_earnings e ON e.line_id = l.id WHERE l.sale_id = ?"))
                    .select({saleId});
    if (!rows)
        return rows.error();
    QHash<qint64, Money> out;
    for (const QVariantList &r : *rows)
        out.insert(r.at(0).toLongLong(), Money::fromFen(std::max<qint64>(0, r.at(1).toLongLong())));
    return out;
}

Result<std::optional<MemberEffect>> memberEffectOf(Database &db, qint64 documentId)
{
    // Ledger rows of documents up to this one (ids follow commit order: one writer at a time), and
    // adjustments made before it: the balances as the receipt was printed.
    auto rows = db.statement(QStringLiteral(
                                 "SELECT s.member_id, "
                                 "  COALESCE((SELECT SUM(growth) FROM growth_ledger WHERE sale_id = s.id), 0), "
                                 "  COALESCE((SELECT SUM(spend_fen) FROM growth_ledger WHERE sale_id = s.id), 0), "
                                 "  COALESCE((SELECT SUM(h.growth) FROM growth_ledger h WHERE h.member_id = s.member_id "
                                 "   AND (h.sale_id <= s.id OR (h.sale_id IS NULL AND h.created_at_ms <= s.created_at_ms))), 0), "
                                 "  COALESCE((SELECT SUM(points) FROM points_ledger WHERE sale_id = s.id "
                                 "   AND kind IN ('earn', 'refund_earn')), 0), "
                                 "  COALESCE((SELECT -SUM(points) FROM points_ledger WHERE sale_id = s.id "
                                 "   AND kind IN ('redeem', 'refund_redeem')), 0), "
                                 "  COALESCE((SELECT SUM(h.points) FROM points_ledger h WHERE h.member_id = s.member_id "
                                 "   AND (h.sale_id <= s.id OR (h.sale_id IS NULL AND h.created_at_ms <= s.created_at_ms))), 0), "
                                 "  COALESCE((SELECT -SUM(principal_fen + bonus_fen) FROM stored_ledger WHERE sale_id = s.id "
                                 "   AND kind IN ('spend', 'refund_spend')), 0), "
                                 "  COALESCE((SELECT SUM(h.principal_fen) FROM stored_ledger h WHERE h.member_id = s.member_id "
                                 "   AND (h.sale_id <= s.id OR (h.sale_id IS NULL AND h.created_at_ms <= s.created_at_ms))), 0), "
                                 "  COALESCE((SELECT SUM(h.bonus_fen) FROM stored_ledger h WHERE h.member_id = s.member_id "
                                 "   AND (h.sale_id <= s.id OR (h.sale_id IS NULL AND h.created_at_ms <= s.created_at_ms))), 0), "
                                 "  COALESCE((SELECT SUM(principal_fen) FROM stored_ledger WHERE sale_id = s.id "
                                 "   AND kind IN ('recharge', 'recharge_refund')), 0), "
                                 "  COALESCE((SELECT SUM(bonus_fen) FROM stored_ledger WHERE sale_id = s.id "
                                 "   AND kind IN ('recharge', 'recharge_refund')), 0), "
                                 "  (SELECT f.name FROM level_changes c JOIN member_levels f ON f.id = c.from_level_id "
                                 "   WHERE c.sale_id = s.id ORDER BY c.id LIMIT 1), "
                                 "  (SELECT t.name FROM level_changes c JOIN member_levels t ON t.id = c.to_level_id "
                                 "   WHERE c.sale_id = s.id ORDER BY c.id DESC LIMIT 1) "
                                 "FROM sales s WHERE s.id = ? AND s.member_id IS NOT NULL"))
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
    e.pointsEarned = r.at(4).toLongLong();
    e.pointsPaid = r.at(5).toLongLong();
    e.pointsAfter = r.at(6).toLongLong();
    e.storedPaid = Money::fromFen(r.at(7).toLongLong());
    e.principalAfter = Money::fromFen(r.at(8).toLongLong());
    e.bonusAfter = Money::fromFen(r.at(9).toLongLong());
    e.recharged = Money::fromFen(r.at(10).toLongLong());
    e.rechargeBonus = Money::fromFen(r.at(11).toLongLong());
    e.levelBefore = r.at(12).toString();
    e.levelAfter = r.at(13).isNull() ? e.levelBefore : r.at(13).toString();
    out = e;
    return out;
}

} // namespace huike
