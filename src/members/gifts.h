#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace huike {

class Database;
struct LedgerContext;

// 积分兑换: the shop's gift catalogue (a thermos for 800 points), each gift with its own stock —
// gifts are not goods for sale, so they never touch the sales stock. A redemption takes the
// points off the member's lots (the lot that expires first first; growth value is untouched) and
// the gift off the stock, together or not at all. Stock moves are a ledger, like points.
struct Gift {
    qint64 id = 0;
    QString name;
    qint64 points = 0; // per unit
    qint64 stock = 0;  // units on hand
    bool active = true;
};

struct GiftRedemption {
    qint64 id = 0;
    QString giftName;
    qint64 quantity = 0;
    qint64 points = 0;      // taken off the member
    qint64 pointsAfter = 0; // the member's balance after it
    qint64 stockAfter = 0;
};

Result<QList<Gift>> gifts(Database &db, bool activeOnly = false);
// Inside the caller's transaction (the demo store, saveGift): a new gift with its opening stock.
Result<qint64> addGift(Database &db, const Gift &gift, qint64 operatorId, qint64 nowMs);
// The manager's edit in Settings: a new gift (id 0, with its opening stock) or changes to one's
// name, points and whether it is offered (the stock changes only by restockGift), audited.
Result<qint64> saveGift(Database &db, const Gift &gift, qint64 operatorId, qint64 nowMs);
// Units received (positive) or written off (negative, at most what is on hand), with the reason.
Status restockGift(Database &db, qint64 giftId, qint64 change, const QString &reason, qint64 operatorId,
                   qint64 nowMs);

// Its own transaction: `quantity` of the gift for the member. InsufficientFunds when the member has
// fewer usable points, Conflict when the stock is short (another till took the last one) or the
// gift is no longer offered, Denied when the member's card is lost or locked.
Result<GiftRedemption> redeemGift(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 giftId,
                                  qint64 quantity);

} // namespace huike
