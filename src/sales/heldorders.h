#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "payments.h"
#include "pricing.h"
#include "tender.h"

#include <QList>

namespace huike {

class Database;

struct HeldOrder {
    qint64 id = 0;
    QString label;
    Money total;
    int lineCount = 0;
    QString operatorName;
    qint64 createdAtMs = 0;
    Money paid; // payments already taken for it (it cannot be cancelled until they are given back)
};

struct RecalledOrder {
    QList<CartLine> lines;
    OrderDiscount discount;
    QString uuid; // the cart keeps its sale id across hold/recall
    qint64 memberId = 0;
    QStringList coupons; // codes of the coupons on the cart, checked again when it is recalled
    // Payments already taken for this cart (not part of the stored copy: taken_payments holds them).
    QList<TakenPayment> payments;
};

// 挂单/取单: a cart put aside (the customer went to fetch something) and picked up again later,
// kept in the database so it survives a restart.
// Inside the sale's BEGIN IMMEDIATE: the recalled order this cart came from is sold.
Status markHeldOrderSold(Database &db, const QString &uuid, qint64 nowMs);
// Inside the caller's transaction: the cart at this till is stored as it is now (a held_orders
// row in state 'recalled'), so that payments taken for it are never left without their cart.
Status keepCartAtTill(Database &db, const StoreContext &store, const RecalledOrder &cart, Money total,
                      qint64 operatorId, qint64 nowMs);

class HeldOrderService {
public:
    HeldOrderService(Database &db, const Clock &clock, StoreContext store);

    Result<qint64> hold(const RecalledOrder &order, Money total, const QString &label, qint64 operatorId);
    QList<HeldOrder> list();
    // The order leaves the list but stays recoverable: it is 'sold' only by the sale's own
    // transaction (markSold), and put back by recoverRecalled() if this till died before that.
    Result<RecalledOrder> recall(qint64 id);
    Status cancel(qint64 id, qint64 operatorId);
    // The cashier cleared a recalled cart: the order is cancelled, with who did it. Refused while
    // payments taken for it are not given back (cancel() too).
    Status discardRecalled(const QString &uuid, qint64 operatorId);
    // At the till's start: orders it had recalled, whose sale never committed, are held again.
    Result<int> recoverRecalled();
    // The held order of this store whose cart holds taken payments, newest first, if any: the till
    // offers it back at start (a restart in the middle of a payment).
    Result<std::optional<qint64>> heldWithPayments();

private:
    Database &m_db;
    const Clock &m_clock;
    StoreContext m_store;
};

} // namespace huike
