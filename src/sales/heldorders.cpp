#include "heldorders.h"

#include "store/database.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace huike {

namespace {

QJsonObject toJson(const RecalledOrder &o)
{
    QJsonArray lines;
    for (const CartLine &l : o.lines) {
        QJsonObject j{{QStringLiteral("product"), l.productId},
                      {QStringLiteral("barcode"), l.barcode},
                      {QStringLiteral("name"), l.name},
                      {QStringLiteral("unit"), l.unit},
                      {QStringLiteral("weighed"), l.weighed},
                      {QStringLiteral("qty"), l.quantityMilli},
                      {QStringLiteral("price"), l.listPrice.fen()},
                      {QStringLiteral("discount"), l.discountPermille}};
        if (l.priceOverride)
            j.insert(QStringLiteral("override"), l.priceOverride->fen());
        if (l.fixedAmount)
            j.insert(QStringLiteral("fixed"), l.fixedAmount->fen());
        if (l.labelKeyed)
            j.insert(QStringLiteral("keyed"), true);
        if (l.countCardId > 0)
            j.insert(QStringLiteral("countcard"), l.countCardId);
        lines.append(j);
    }
    QJsonObject j{{QStringLiteral("lines"), lines},
                  {QStringLiteral("uuid"), o.uuid},
                  {QStringLiteral("member"), o.memberId},
                  {QStringLiteral("order_permille"), o.discount.permille},
                  {QStringLiteral("order_amount"), o.discount.amount.fen()}};
    if (!o.coupons.isEmpty())
        j.insert(QStringLiteral("coupons"), QJsonArray::fromStringList(o.coupons));
    return j;
}

RecalledOrder fromJson(const QJsonObject &j)
{
    RecalledOrder o;
    o.uuid = j.value(QStringLiteral("uuid")).toString();
    o.memberId = j.value(QStringLiteral("member")).toInteger();
    o.discount.permille = j.value(QStringLiteral("order_permille")).toInteger(1000);
    o.discount.amount = Money::fromFen(j.value(QStringLiteral("order_amount")).toInteger());
    for (const QJsonValue &v : j.value(QStringLiteral("coupons")).toArray())
        o.coupons << v.toString();
    for (const QJsonValue &v : j.value(QStringLiteral("lines")).toArray()) {
        const QJsonObject l = v.toObject();
        CartLine c;
        c.productId = l.value(QStringLiteral("product")).toInteger();
        c.barcode = l.value(QStringLiteral("barcode")).toString();
        c.name = l.value(QStringLiteral("name")).toString();
        c.unit = l.value(QStringLiteral("unit")).toString();
        c.weighed = l.value(QStringLiteral("weighed")).toBool();
        c.quantityMilli = l.value(QStringLiteral("qty")).toInteger(1000);
        c.listPrice = Money::fromFen(l.value(QStringLiteral("price")).toInteger());
        c.discountPermille = l.value(QStringLiteral("discount")).toInteger(1000);
        if (l.contains(QStringLiteral("override")))
            c.priceOverride = Money::fromFen(l.value(QStringLiteral("override")).toInteger());
        if (l.contains(QStringLiteral("fixed")))
            c.fixedAmount = Money::fromFen(l.value(QStringLiteral("fixed")).toInteger());
        c.labelKeyed = l.value(QStringLiteral("keyed")).toBool();
        c.countCardId = l.value(QStringLiteral("countcard")).toInteger();
        o.lines.append(c);
    }
    return o;
}

QString payloadOf(const RecalledOrder &order)
{
    return QString::fromUtf8(QJsonDocument(toJson(order)).toJson(QJsonDocument::Compact));
}

// Payments taken for a cart stop it from being cancelled: the money must be given back first.
Status refuseWithPayments(Database &db, const QString &uuid)
{
    auto taken = takenPayments(db, uuid);
    if (!taken)
        return taken.error();
    if (taken->isEmpty())
        return Ok{};
    return makeError(ErrorCode::Conflict,
                     QCoreApplication::translate("HeldOrders",
                                                 "%1 was already paid for this order: give the payments back "
                                                 "(in the payment window) before cancelling it.")
                         .arg(sumOf(*taken).display()));
}

} // namespace

Status keepCartAtTill(Database &db, const StoreContext &store, const RecalledOrder &cart, Money total,
                      qint64 operatorId, qint64 nowMs)
{
    Statement &u = db.statement(QStringLiteral(
        "UPDATE held_orders SET payload = ?, total_fen = ?, operator_id = ?, recalled_terminal = ? "
        "WHERE uuid = ? AND uuid <> '' AND state = 'recalled'"));
    if (auto st = u.exec({payloadOf(cart), total.fen(), operatorId, store.terminal, cart.uuid}); !st)
        return st;
    if (u.changes() > 0)
        return Ok{};
    return db
        .statement(QStringLiteral(
            "INSERT INTO held_orders(store_id, terminal, operator_id, label, total_fen, payload, state, "
            "created_at_ms, closed_at_ms, uuid, recalled_terminal) VALUES (?, ?, ?, '', ?, ?, 'recalled', ?, ?, ?, ?)"))
        .exec({store.storeId, store.terminal, operatorId, total.fen(), payloadOf(cart), nowMs, nowMs, cart.uuid,
               store.terminal});
}

HeldOrderService::HeldOrderService(Database &db, const Clock &clock, StoreContext store)
    : m_db(db), m_clock(clock), m_store(std::move(store))
{
}

Result<qint64> HeldOrderService::hold(const RecalledOrder &order, Money total, const QString &label,
                                      qint64 operatorId)
{
    if (order.lines.isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("HeldOrders", "The cart is empty: nothing to hold."));
    const QString payload = payloadOf(order);
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    // A recalled cart held again is the same order, not a second one.
    QSqlQuery &u = m_db.prepared(QStringLiteral(
        "UPDATE held_orders SET state = 'held', closed_at_ms = NULL, recalled_terminal = '', operator_id = ?, "
        "label = ?, total_fen = ?, payload = ? WHERE uuid = ? AND uuid <> '' AND state = 'recalled' RETURNING id"));
    bindAll(u, {operatorId, nonNull(label), total.fen(), payload, nonNull(order.uuid)});
    if (!u.exec())
        return storageError(u);
    qint64 id = 0;
    if (u.next())
        id = u.value(0).toLongLong();
    u.finish();
    if (id == 0) {
        QSqlQuery &q = m_db.prepared(QStringLiteral(
            "INSERT INTO held_orders(store_id, terminal, operator_id, label, total_fen, payload, created_at_ms, uuid) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        bindAll(q, {m_store.storeId, m_store.terminal, operatorId, nonNull(label), total.fen(), payload,
                    m_clock.nowMs(), nonNull(order.uuid)});
        if (!q.exec())
            return storageError(q);
        id = q.lastInsertId().toLongLong();
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return id;
}

QList<HeldOrder> HeldOrderService::list()
{
    QList<HeldOrder> out;
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT h.id, h.label, h.total_fen, h.payload, o.name, h.created_at_ms, (SELECT COALESCE(SUM(p.amount_fen), 0) "
        "FROM taken_payments p WHERE p.cart_uuid = h.uuid AND h.uuid <> '' AND p.state = 'taken') FROM held_orders h "
        "JOIN operators o ON o.id = h.operator_id WHERE h.state = 'held' AND h.store_id = ? ORDER BY h.id"));
    q.bindValue(0, m_store.storeId);
    if (q.exec()) {
        while (q.next()) {
            const auto doc = QJsonDocument::fromJson(q.value(3).toString().toUtf8());
            out.append(HeldOrder{
                q.value(0).toLongLong(), q.value(1).toString(), Money::fromFen(q.value(2).toLongLong()),
                static_cast<int>(doc.object().value(QStringLiteral("lines")).toArray().size()),
                q.value(4).toString(), q.value(5).toLongLong(), Money::fromFen(q.value(6).toLongLong())});
        }
    }
    q.finish();
    return out;
}

Result<RecalledOrder> HeldOrderService::recall(qint64 id)
{
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("SELECT payload FROM held_orders WHERE id = ? AND state = 'held'"));
    q.bindValue(0, id);
    if (!q.exec())
        return storageError(q);
    if (!q.next()) {
        q.finish();
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate(
                             "HeldOrders", "That held order was already recalled at another till."));
    }
    RecalledOrder order = fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
    q.finish();
    auto payments = takenPayments(m_db, order.uuid);
    if (!payments)
        return payments.error();
    order.payments = *payments;
    if (auto st = m_db.exec(QStringLiteral("UPDATE held_orders SET state = 'recalled', closed_at_ms = ?, "
                                           "recalled_terminal = ? WHERE id = ?"),
                            {m_clock.nowMs(), m_store.terminal, id});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return order;
}

Status markHeldOrderSold(Database &db, const QString &uuid, qint64 nowMs)
{
    return db.exec(QStringLiteral("UPDATE held_orders SET state = 'sold', closed_at_ms = ? WHERE uuid = ? AND "
                                  "state = 'recalled'"),
                   {nowMs, uuid});
}

Status HeldOrderService::discardRecalled(const QString &uuid, qint64 operatorId)
{
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = refuseWithPayments(m_db, uuid); !st)
        return st;
    QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE held_orders SET state = 'cancelled', closed_at_ms = ? "
                                                "WHERE uuid = ? AND uuid <> '' AND state = 'recalled' RETURNING id"));
    bindAll(q, {m_clock.nowMs(), nonNull(uuid)});
    if (!q.exec())
        return storageError(q);
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    q.finish();
    for (const QString &id : ids)
        if (auto st = writeAudit(m_db, m_clock.nowMs(), operatorId, 0, QStringLiteral("held.cancel"), id); !st)
            return st;
    return tx.commit();
}

Result<int> HeldOrderService::recoverRecalled()
{
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE held_orders SET state = 'held', closed_at_ms = NULL, recalled_terminal = '' WHERE state = 'recalled' "
        "AND store_id = ? AND recalled_terminal = ? AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.uuid = "
        "held_orders.uuid)"));
    bindAll(q, {m_store.storeId, m_store.terminal});
    if (!q.exec())
        return storageError(q);
    const int n = q.numRowsAffected();
    if (auto st = tx.commit(); !st)
        return st.error();
    return n;
}

Result<std::optional<qint64>> HeldOrderService::heldWithPayments()
{
    auto rows = m_db.statement(QStringLiteral(
                                   "SELECT h.id FROM held_orders h WHERE h.state = 'held' AND h.store_id = ? AND "
                                   "h.uuid <> '' AND EXISTS (SELECT 1 FROM taken_payments p WHERE p.cart_uuid = "
                                   "h.uuid AND p.state = 'taken' AND p.terminal = ?) ORDER BY h.id DESC LIMIT 1"))
                    .select({m_store.storeId, m_store.terminal});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<qint64>{};
    return std::optional<qint64>{rows->first().at(0).toLongLong()};
}

Status HeldOrderService::cancel(qint64 id, qint64 operatorId)
{
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    auto uuid = m_db.statement(QStringLiteral("SELECT uuid FROM held_orders WHERE id = ?")).select({id});
    if (!uuid)
        return uuid.error();
    if (!uuid->isEmpty())
        if (auto st = refuseWithPayments(m_db, uuid->first().at(0).toString()); !st)
            return st;
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE held_orders SET state = 'cancelled', closed_at_ms = ? WHERE id = ? AND state = 'held'"));
    bindAll(q, {m_clock.nowMs(), id});
    if (!q.exec())
        return storageError(q);
    if (q.numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate(
                             "HeldOrders", "That held order was already recalled at another till."));
    if (auto st = writeAudit(m_db, m_clock.nowMs(), operatorId, 0, QStringLiteral("held.cancel"),
                             QString::number(id));
        !st)
        return st;
    return tx.commit();
}

} // namespace huike
