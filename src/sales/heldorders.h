#pragma once

#include "core/clock.h"
#include "core/result.h"
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
};

struct RecalledOrder {
    QList<CartLine> lines;
    OrderDiscount discount;
    QString uuid; // the cart keeps its sale id across hold/recall
};

// 挂单/取单: a cart put aside (the customer went to fetch something) and picked up again later,
// kept in the database so it survives a restart.
class HeldOrderService {
public:
    HeldOrderService(Database &db, const Clock &clock, StoreContext store);

    Result<qint64> hold(const RecalledOrder &order, Money total, const QString &label, qint64 operatorId);
    QList<HeldOrder> list();
    Result<RecalledOrder> recall(qint64 id);
    Status cancel(qint64 id, qint64 operatorId);

private:
    Database &m_db;
    const Clock &m_clock;
    StoreContext m_store;
};

} // namespace huike
