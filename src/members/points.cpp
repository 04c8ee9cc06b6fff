#include "points.h"

#include "core/uuid.h"
#include "earnings.h"
#include "members.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QDateTime>

namespace huike {

namespace {

Status appendPoints(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 lotId, const QString &kind,
                    qint64 points, const QString &reason, qint64 authorizedBy)
{
    return db
        .statement(QStringLiteral("INSERT INTO points_ledger(uuid, store_id, member_id, sale_id, lot_id, kind, points, "
                                  "operator_id, authorized_by, reason, created_at_ms) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .exec({newUuid(), idOrNull(ctx.storeId), memberId, idOrNull(ctx.documentId), idOrNull(lotId), kind, points,
               idOrNull(ctx.operatorId), idOrNull(authorizedBy), reason, ctx.nowMs});
}

// The member row caches the sum of the ledger; points >= 0 is a CHECK on it.
Status addToBalance(Database &db, qint64 memberId, qint64 delta)
{
    Statement &u = db.statement(QStringLiteral("UPDATE members SET points = points + ? WHERE id = ?"));
    if (auto st = u.exec({delta, memberId}); !st)
        return st;
    if (u.changes() != 1)
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    return Ok{};
}

// Takes `points` off one lot: the guarded update, exactly one row or a conflict.
Status takeFromLot(Database &db, qint64 lotId, qint64 points)
{
    Statement &u = db.statement(
        QStringLiteral("UPDATE points_lots SET remaining = remaining - ?1 WHERE id = ?2 AND remaining >= ?1"));
    if (auto st = u.exec({points, lotId}); !st)
        return st;
    if (u.changes() != 1)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Members", "The member's points changed meanwhile: try again."));
    return Ok{};
}

qint64 setting(const QList<QVariantList> &rows, const QString &key, qint64 fallback)
{
    for (const QVariantList &r : rows)
        if (r.at(0).toString() == key) {
            bool ok = false;
            const qint64 v = r.at(1).toString().toLongLong(&ok);
            return ok ? v : fallback;
        }
    return fallback;
}

} // namespace

std::optional<Money> PointsRules::valueOf(qint64 points) const
{
    if (points < 0 || redeemPoints <= 0)
        return std::nullopt;
    const Int128 fen = Int128(points) * redeemValue.fen();
    if (fen % redeemPoints != 0)
        return std::nullopt;
    return Money::fromFen(static_cast<qint64>(fen / redeemPoints));
}

QString PointsRules::capText() const
{
    const qint64 p = redeemCapPermille;
    return p % 10 == 0 ? QStringLiteral("%1%").arg(p / 10) : QStringLiteral("%1.%2%").arg(p / 10).arg(p % 10);
}

qint64 PointsRules::expiryFor(qint64 earnedMs, const ShopTime &time) const
{
    if (!expires)
        return 0;
    // The end of the year after the one earned in: from 1 January two years on, shop time.
    const int year = time.localDate(earnedMs).year();
    return time.toUtcMs(QDateTime(QDate(year + 2, 1, 1), QTime(0, 0)));
}

Result<PointsRules> loadPointsRules(Database &db)
{
    auto rows = db.statement(QStringLiteral("SELECT key, value FROM settings WHERE key LIKE 'points.%'")).select();
    if (!rows)
        return rows.error();
    PointsRules r;
    r.fenPerPoint = std::max<qint64>(1, setting(*rows, PointsRules::kFenPerPoint, r.fenPerPoint));
    r.redeemPoints = std::max<qint64>(1, setting(*rows, PointsRules::kRedeemPoints, r.redeemPoints));
    r.redeemValue = Money::fromFen(std::max<qint64>(0, setting(*rows, PointsRules::kRedeemFen, r.redeemValue.fen())));
    r.redeemCapPermille = std::clamp<qint64>(setting(*rows, PointsRules::kRedeemCapPermille, r.redeemCapPermille), 0, 1000);
    r.expires = setting(*rows, PointsRules::kExpires, 1) != 0;
    return r;
}

Result<qint64> productPointsPermille(Database &db, qint64 productId)
{
    auto rows = db.statement(QStringLiteral(
                                 "SELECT COALESCE((SELECT permille FROM points_rules WHERE product_id = p.id), "
                                 "(SELECT permille FROM points_rules WHERE category_id = p.category_id), 1000) "
                                 "FROM products p WHERE p.id = ?"))
                    .select({productId});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? qint64(1000) : rows->first().at(0).toLongLong();
}

Result<qint64> windowPointsPermille(Database &db, const ShopTime &time, qint64 utcMs)
{
    const QDateTime local = time.local(utcMs);
    const int minute = local.time().hour() * 60 + local.time().minute();
    const int weekdayBit = 1 << (local.date().dayOfWeek() - 1);
    auto rows = db.statement(QStringLiteral("SELECT MAX(permille) FROM points_windows WHERE (weekdays & ?) <> 0 "
                                            "AND start_minute <= ? AND ? < end_minute"))
                    .select({weekdayBit, minute, minute});
    if (!rows)
        return rows.error();
    const QVariant v = rows->isEmpty() ? QVariant() : rows->first().at(0);
    return v.isNull() ? qint64(1000) : v.toLongLong();
}

Result<qint64> expirePoints(Database &db, const LedgerContext &ctx, qint64 memberId)
{
    auto lots = db.statement(QStringLiteral("SELECT id, remaining FROM points_lots WHERE member_id = ? AND remaining > 0 "
                                            "AND expires_at_ms > 0 AND expires_at_ms <= ? ORDER BY expires_at_ms, id"))
                    .select({memberId, ctx.nowMs});
    if (!lots)
        return lots.error();
    qint64 expired = 0;
    for (const QVariantList &l : *lots) {
        const qint64 lot = l.at(0).toLongLong();
        const qint64 left = l.at(1).toLongLong();
        if (auto st = takeFromLot(db, lot, left); !st)
            return st.error();
        if (auto st = appendPoints(db, ctx, memberId, lot, QStringLiteral("expire"), -left, {}, 0); !st)
            return st.error();
        expired += left;
    }
    if (expired > 0)
        if (auto st = addToBalance(db, memberId, -expired); !st)
            return st.error();
    return expired;
}

Status earnPoints(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 points, const QString &kind,
                  const QString &reason, qint64 authorizedBy)
{
    if (points <= 0)
        return Ok{};
    auto rules = loadPointsRules(db);
    if (!rules)
        return rules.error();
    const qint64 expiry = ctx.time ? rules->expiryFor(ctx.nowMs, *ctx.time) : 0;
    Statement &lot = db.statement(QStringLiteral("INSERT INTO points_lots(uuid, store_id, member_id, sale_id, earned, "
                                                 "remaining, earned_at_ms, expires_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (auto st = lot.exec({newUuid(), idOrNull(ctx.storeId), memberId, idOrNull(ctx.documentId), points, points,
                            ctx.nowMs, expiry});
        !st)
        return st;
    if (auto st = appendPoints(db, ctx, memberId, lot.lastInsertId(), kind, points, reason, authorizedBy); !st)
        return st;
    return addToBalance(db, memberId, points);
}

Status spendPoints(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 points, const QString &kind,
                   qint64 preferLotOfSale, const QString &reason, qint64 authorizedBy)
{
    if (points <= 0)
        return Ok{};
    auto expired = expirePoints(db, ctx, memberId);
    if (!expired)
        return expired.error();
    // The lot that expires first is spent first; a lot that never expires last.
    auto lots = db.statement(QStringLiteral("SELECT id, remaining FROM points_lots WHERE member_id = ? AND remaining > 0 "
                                            "ORDER BY (sale_id IS NOT NULL AND sale_id = ?) DESC, expires_at_ms = 0, "
                                            "expires_at_ms, id"))
                    .select({memberId, preferLotOfSale});
    if (!lots)
        return lots.error();
    qint64 held = 0;
    for (const QVariantList &l : *lots)
        held += l.at(1).toLongLong();
    if (held < points)
        return makeError(ErrorCode::InsufficientFunds,
                         QCoreApplication::translate("Members", "The member has %1 points, %2 are needed (%3 short).")
                             .arg(held)
                             .arg(points)
                             .arg(points - held));
    qint64 left = points;
    for (const QVariantList &l : *lots) {
        if (left == 0)
            break;
        const qint64 take = std::min(left, l.at(1).toLongLong());
        if (auto st = takeFromLot(db, l.at(0).toLongLong(), take); !st)
            return st;
        if (auto st = appendPoints(db, ctx, memberId, l.at(0).toLongLong(), kind, -take, reason, authorizedBy); !st)
            return st;
        left -= take;
    }
    return addToBalance(db, memberId, -points);
}

Status returnPoints(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 originalSaleId, qint64 points)
{
    if (points <= 0)
        return Ok{};
    // What the sale took from each lot, less what refunds gave back to it already; newest first.
    auto lots = db.statement(QStringLiteral(
                                 "SELECT g.lot_id, -SUM(CASE WHEN g.sale_id = ?1 THEN g.points ELSE 0 END) - "
                                 "  COALESCE(SUM(CASE WHEN g.sale_id <> ?1 THEN g.points ELSE 0 END), 0), l.expires_at_ms "
                                 "FROM points_ledger g JOIN points_lots l ON l.id = g.lot_id "
                                 "WHERE (g.sale_id = ?1 AND g.kind = 'redeem') OR (g.kind = 'refund_redeem' AND g.sale_id IN "
                                 "  (SELECT id FROM sales WHERE original_sale_id = ?1)) "
                                 "GROUP BY g.lot_id ORDER BY g.lot_id DESC"))
                    .select({originalSaleId});
    if (!lots)
        return lots.error();
    qint64 left = points;
    qint64 expiredAgain = 0;
    Statement &give = db.statement(QStringLiteral("UPDATE points_lots SET remaining = remaining + ? WHERE id = ?"));
    for (const QVariantList &l : *lots) {
        if (left == 0)
            break;
        const qint64 lot = l.at(0).toLongLong();
        const qint64 back = std::min(left, l.at(1).toLongLong());
        if (back <= 0)
            continue;
        if (auto st = give.exec({back, lot}); !st)
            return st;
        if (auto st = appendPoints(db, ctx, memberId, lot, QStringLiteral("refund_redeem"), back, {}, 0); !st)
            return st;
        const qint64 expiry = l.at(2).toLongLong();
        if (expiry > 0 && expiry <= ctx.nowMs) {
            // Back into a lot that has expired: it expires again, booked as such.
            if (auto st = takeFromLot(db, lot, back); !st)
                return st;
            if (auto st = appendPoints(db, ctx, memberId, lot, QStringLiteral("expire"), -back, {}, 0); !st)
                return st;
            expiredAgain += back;
        }
        left -= back;
    }
    if (left != 0)
        return makeError(ErrorCode::Conflict, QCoreApplication::translate(
                                                  "Members", "The refund gives back more points than the sale took."));
    return addToBalance(db, memberId, points - expiredAgain);
}

ApprovalScope pointsAdjustScope(qint64 memberId, qint64 points)
{
    return ApprovalScope{kApprovePointsAdjust, QStringLiteral("%1:%2").arg(memberId).arg(points), Money()};
}

Status adjustPoints(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 points, const QString &reason,
                    const QString &approvalToken)
{
    if (points == 0)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Members", "Give the points to add or take off."));
    if (auto st = requireReason(reason); !st)
        return st;
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    auto used = consumeApproval(db, ctx.nowMs, approvalToken, pointsAdjustScope(memberId, points));
    if (!used)
        return used.error();
    const Status st = points > 0 ? earnPoints(db, ctx, memberId, points, QStringLiteral("adjust"), reason.trimmed(),
                                              used->managerId)
                                 : spendPoints(db, ctx, memberId, -points, QStringLiteral("adjust"), 0, reason.trimmed(),
                                               used->managerId);
    if (!st)
        return st;
    if (auto a = writeAudit(db, ctx.nowMs, ctx.operatorId, used->managerId, QStringLiteral("points.adjust"),
                            QString::number(memberId), reason.trimmed(), QString::number(points));
        !a)
        return a;
    return tx.commit();
}

Result<qint64> usablePoints(Database &db, qint64 memberId, qint64 nowMs)
{
    auto rows = db.statement(QStringLiteral("SELECT COALESCE(SUM(remaining), 0) FROM points_lots WHERE member_id = ? "
                                            "AND (expires_at_ms = 0 OR expires_at_ms > ?)"))
                    .select({memberId, nowMs});
    if (!rows)
        return rows.error();
    return rows->first().at(0).toLongLong();
}

Status savePointsRules(Database &db, const PointsRules &rules, qint64 operatorId, qint64 nowMs)
{
    if (rules.fenPerPoint < 1 || rules.fenPerPoint > 10'000'00)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "A point is earned per ¥0.01 to ¥10,000 of the earning base."));
    if (rules.redeemPoints < 1 || rules.redeemValue.fen() < 1 || rules.redeemValue.fen() > 100000)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "Points pay at least ¥0.01 and at most ¥1,000 per step."));
    if (rules.redeemCapPermille < 0 || rules.redeemCapPermille > 1000)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "Points pay at most 0% to 100% of a sale."));
    return Settings(db).change({{PointsRules::kFenPerPoint, QString::number(rules.fenPerPoint)},
                                {PointsRules::kRedeemPoints, QString::number(rules.redeemPoints)},
                                {PointsRules::kRedeemFen, QString::number(rules.redeemValue.fen())},
                                {PointsRules::kRedeemCapPermille, QString::number(rules.redeemCapPermille)},
                                {PointsRules::kExpires, rules.expires ? QStringLiteral("1") : QStringLiteral("0")}},
                               operatorId, nowMs);
}

Result<QList<PointsMultiplier>> pointsMultipliers(Database &db)
{
    auto rows = db.statement(QStringLiteral("SELECT COALESCE(r.product_id, 0), COALESCE(r.category_id, 0), "
                                            "COALESCE(p.name, c.name, ''), r.permille FROM points_rules r "
                                            "LEFT JOIN products p ON p.id = r.product_id LEFT JOIN categories c ON "
                                            "c.id = r.category_id ORDER BY r.category_id IS NULL, 3"))
                    .select();
    if (!rows)
        return rows.error();
    QList<PointsMultiplier> out;
    for (const QVariantList &r : *rows)
        out.append(PointsMultiplier{r.at(0).toLongLong(), r.at(1).toLongLong(), r.at(2).toString(), r.at(3).toLongLong()});
    return out;
}

Status setPointsMultiplier(Database &db, qint64 productId, qint64 categoryId, std::optional<qint64> permille,
                           qint64 operatorId, qint64 nowMs)
{
    if ((productId > 0) == (categoryId > 0))
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "A points multiplier is for one product or one category."));
    if (permille && (*permille < 0 || *permille > 100000))
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "A points multiplier is 0 (no points) to 100 times."));
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(db, operatorId, Permission::Settings); !st)
        return st;
    const QString column = productId > 0 ? QStringLiteral("product_id") : QStringLiteral("category_id");
    const qint64 id = productId > 0 ? productId : categoryId;
    if (auto st = db.exec(QStringLiteral("DELETE FROM points_rules WHERE %1 = ?").arg(column), {id}); !st)
        return st;
    if (permille)
        if (auto st = db.exec(QStringLiteral("INSERT INTO points_rules(%1, permille) VALUES (?, ?)").arg(column),
                              {id, *permille});
            !st)
            return st;
    if (auto st = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("programme.points_multiplier"),
                             QStringLiteral("%1:%2").arg(column).arg(id), {},
                             permille ? QString::number(*permille) : QStringLiteral("removed"));
        !st)
        return st;
    return tx.commit();
}

Result<QList<PointsWindow>> pointsWindows(Database &db)
{
    auto rows = db.statement(QStringLiteral("SELECT id, weekdays, start_minute, end_minute, permille FROM points_windows "
                                            "ORDER BY id"))
                    .select();
    if (!rows)
        return rows.error();
    QList<PointsWindow> out;
    for (const QVariantList &r : *rows)
        out.append(PointsWindow{r.at(0).toLongLong(), r.at(1).toInt(), r.at(2).toInt(), r.at(3).toInt(), r.at(4).toLongLong()});
    return out;
}

Result<qint64> addPointsWindow(Database &db, const PointsWindow &w, qint64 operatorId, qint64 nowMs)
{
    if (w.weekdays < 1 || w.weekdays > 127)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Members", "Tick at least one day of the week."));
    if (w.startMinute < 0 || w.endMinute > 1440 || w.endMinute <= w.startMinute)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "A time window ends after it starts, within the day."));
    if (w.permille < 0 || w.permille > 100000)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "A points multiplier is 0 (no points) to 100 times."));
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(db, operatorId, Permission::Settings); !st)
        return st.error();
    Statement &ins = db.statement(QStringLiteral("INSERT INTO points_windows(weekdays, start_minute, end_minute, "
                                                 "permille) VALUES (?, ?, ?, ?)"));
    if (auto st = ins.exec({w.weekdays, w.startMinute, w.endMinute, w.permille}); !st)
        return st.error();
    const qint64 id = ins.lastInsertId();
    if (auto st = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("programme.points_window"), QString::number(id), {},
                             QStringLiteral("days %1 %2-%3 x%4").arg(w.weekdays).arg(w.startMinute).arg(w.endMinute).arg(w.permille));
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return id;
}

Status removePointsWindow(Database &db, qint64 windowId, qint64 operatorId, qint64 nowMs)
{
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(db, operatorId, Permission::Settings); !st)
        return st;
    Statement &del = db.statement(QStringLiteral("DELETE FROM points_windows WHERE id = ?"));
    if (auto st = del.exec({windowId}); !st)
        return st;
    if (del.changes() != 1)
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such time window."));
    if (auto st = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("programme.points_window"),
                             QString::number(windowId), {}, QStringLiteral("removed"));
        !st)
        return st;
    return tx.commit();
}

} // namespace huike
