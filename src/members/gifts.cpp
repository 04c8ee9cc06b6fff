#include "gifts.h"

#include "core/uuid.h"
#include "earnings.h"
#include "members.h"
#include "points.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>

namespace huike {

namespace {

Status appendStock(Database &db, qint64 giftId, qint64 change, const QString &kind, qint64 redemptionId,
                   qint64 operatorId, const QString &reason, qint64 nowMs)
{
    if (auto st = db.exec(QStringLiteral("INSERT INTO gift_stock(gift_id, change, kind, redemption_id, operator_id, "
                                         "reason, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                          {giftId, change, kind, idOrNull(redemptionId), idOrNull(operatorId), reason, nowMs});
        !st)
        return st;
    // Guarded: the stock never goes below zero, so two tills cannot give away the last one twice.
    Statement &up = db.statement(QStringLiteral("UPDATE gifts SET stock = stock + ?1 WHERE id = ?2 AND stock + ?1 >= 0"));
    if (auto st = up.exec({change, giftId}); !st)
        return st;
    if (up.changes() != 1)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Gifts", "Not enough of the gift in stock (another till may "
                                                              "have given the last one)."));
    return Ok{};
}

} // namespace

Result<QList<Gift>> gifts(Database &db, bool activeOnly)
{
    auto rows = db.statement(QStringLiteral("SELECT id, name, points, stock, active FROM gifts %1 ORDER BY points, name")
                                 .arg(activeOnly ? QStringLiteral("WHERE active = 1") : QString()))
                    .select();
    if (!rows)
        return rows.error();
    QList<Gift> out;
    for (const QVariantList &r : *rows)
        out.append(Gift{r.at(0).toLongLong(), r.at(1).toString(), r.at(2).toLongLong(), r.at(3).toLongLong(),
                        r.at(4).toLongLong() != 0});
    return out;
}

Result<qint64> addGift(Database &db, const Gift &gift, qint64 operatorId, qint64 nowMs)
{
    if (gift.stock < 0 || gift.stock > 1'000'000)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Gifts", "The opening stock is 0 to 1,000,000."));
    Statement &ins = db.statement(QStringLiteral("INSERT INTO gifts(name, points, stock, active) VALUES (?, ?, 0, ?)"));
    if (auto st = ins.exec({gift.name.trimmed(), gift.points, gift.active}); !st)
        return st.error();
    const qint64 id = ins.lastInsertId();
    if (gift.stock > 0)
        if (auto st = appendStock(db, id, gift.stock, QStringLiteral("opening"), 0, operatorId, {}, nowMs); !st)
            return st.error();
    return id;
}

Result<qint64> saveGift(Database &db, const Gift &gift, qint64 operatorId, qint64 nowMs)
{
    const QString name = gift.name.trimmed();
    if (name.isEmpty() || name.size() > 40)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Gifts", "A gift needs a name of at most 40 characters."));
    if (gift.points <= 0 || gift.points > 100'000'000)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Gifts", "A gift costs 1 or more points."));
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(db, operatorId, Permission::Settings); !st)
        return st.error();
    auto taken = db.statement(QStringLiteral("SELECT 1 FROM gifts WHERE name = ? AND id <> ?")).select({name, gift.id});
    if (!taken)
        return taken.error();
    if (!taken->isEmpty())
        return makeError(ErrorCode::Conflict, QCoreApplication::translate("Gifts", "There is already a gift %1.").arg(name));
    qint64 id = gift.id;
    if (id <= 0) {
        auto added = addGift(db, gift, operatorId, nowMs);
        if (!added)
            return added.error();
        id = *added;
    } else {
        Statement &up = db.statement(QStringLiteral("UPDATE gifts SET name = ?, points = ?, active = ? WHERE id = ?"));
        if (auto st = up.exec({name, gift.points, gift.active, id}); !st)
            return st.error();
        if (up.changes() != 1)
            return makeError(ErrorCode::NotFound, QCoreApplication::translate("Gifts", "No such gift."));
    }
    if (auto st = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("programme.gift"), QString::number(id), {},
                             QStringLiteral("%1 %2").arg(name).arg(gift.points));
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return id;
}

Status restockGift(Database &db, qint64 giftId, qint64 change, const QString &reason, qint64 operatorId,
                   qint64 nowMs)
{
    if (change == 0 || change > 1'000'000 || change < -1'000'000)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Gifts", "Give the units received, or taken off as a negative number."));
    if (auto st = requireReason(reason); !st)
        return st;
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(db, operatorId, Permission::Stock); !st)
        return st;
    if (auto st = appendStock(db, giftId, change, change > 0 ? QStringLiteral("restock") : QStringLiteral("write_off"),
                              0, operatorId, reason.trimmed(), nowMs);
        !st)
        return st;
    if (auto st = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("gift.stock"), QString::number(giftId),
                             reason.trimmed(), QString::number(change));
        !st)
        return st;
    return tx.commit();
}

Result<GiftRedemption> redeemGift(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 giftId,
                                  qint64 quantity)
{
    if (quantity <= 0 || quantity > 1000)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Gifts", "Redeem 1 to 1,000 of a gift."));
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto card = memberPrice(db, memberId); !card) // a lost or locked card redeems nothing
        return card.error();
    auto rows = db.statement(QStringLiteral("SELECT name, points, active FROM gifts WHERE id = ?")).select({giftId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Gifts", "No such gift."));
    const QString name = rows->first().at(0).toString();
    if (rows->first().at(2).toLongLong() == 0)
        return makeError(ErrorCode::Conflict, QCoreApplication::translate("Gifts", "%1 is no longer offered.").arg(name));
    const qint64 points = rows->first().at(1).toLongLong() * quantity;
    Statement &ins = db.statement(QStringLiteral("INSERT INTO gift_redemptions(uuid, store_id, member_id, gift_id, "
                                                 "quantity, points, operator_id, created_at_ms) VALUES (?, ?, ?, ?, ?, "
                                                 "?, ?, ?)"));
    if (auto st = ins.exec({newUuid(), idOrNull(ctx.storeId), memberId, giftId, quantity, points,
                            idOrNull(ctx.operatorId), ctx.nowMs});
        !st)
        return st.error();
    const qint64 redemption = ins.lastInsertId();
    if (auto st = spendPoints(db, ctx, memberId, points, QStringLiteral("gift"), 0,
                              QStringLiteral("%1 x%2").arg(name).arg(quantity));
        !st)
        return st.error();
    if (auto st = appendStock(db, giftId, -quantity, QStringLiteral("redeem"), redemption, ctx.operatorId, {}, ctx.nowMs);
        !st)
        return st.error();
    auto after = db.statement(QStringLiteral("SELECT (SELECT points FROM members WHERE id = ?), (SELECT stock FROM gifts "
                                             "WHERE id = ?)"))
                     .select({memberId, giftId});
    if (!after)
        return after.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return GiftRedemption{redemption, name, quantity, points, after->first().at(0).toLongLong(),
                          after->first().at(1).toLongLong()};
}

} // namespace huike
