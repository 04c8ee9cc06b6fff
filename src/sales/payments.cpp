#include "payments.h"

#include "checkout.h"
#include "heldorders.h"
#include "operators/approvals.h"
#include "store/database.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>

#include <algorithm>

namespace huike {

Money sumOf(const QList<TakenPayment> &payments)
{
    Money m;
    for (const TakenPayment &p : payments)
        m += p.input.amount;
    return m;
}

QList<TenderInput> tenderInputs(const QList<TakenPayment> &payments)
{
    QList<TenderInput> out;
    out.reserve(payments.size());
    for (const TakenPayment &p : payments)
        out.append(p.input);
    return out;
}

bool reversalNeedsManager(const TakenPayment &payment)
{
    const TenderKind *kind = tenderKind(payment.input.tender);
    // Points are taken off the member only when the sale commits: giving them back moves nothing.
    return !kind || (!kind->givesChange && !kind->needsMember);
}

PaymentService::PaymentService(Database &db, const Clock &clock, StoreContext store)
    : m_db(db), m_clock(clock), m_store(std::move(store))
{
}

Result<TakenPayment> PaymentService::take(const RecalledOrder &cart, Money total, const TenderInput &input,
                                          qint64 operatorId)
{
    if (cart.uuid.isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Payments", "A sale needs its id."));
    if (auto st = checkTenderInput(input); !st)
        return st.error();
    const TenderKind *kind = tenderKind(input.tender);
    TakenPayment taken{0, TenderInput{input.tender, input.amount, normalizedReference(*kind, input.reference)},
                       operatorId, m_clock.nowMs()};

    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    // A sale already committed under this id cannot take more money.
    auto sold = m_db.statement(QStringLiteral("SELECT 1 FROM sales WHERE uuid = ?")).select({cart.uuid});
    if (!sold)
        return sold.error();
    if (!sold->isEmpty())
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Payments", "This sale is already recorded."));
    if (auto st = keepCartAtTill(m_db, m_store, cart, total, operatorId, taken.takenAtMs); !st)
        return st.error();
    Statement &q = m_db.statement(QStringLiteral(
        "INSERT INTO taken_payments(cart_uuid, store_id, terminal, tender, amount_fen, reference, operator_id, "
        "taken_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (auto st = q.exec({cart.uuid, m_store.storeId, m_store.terminal, taken.input.tender.key(),
                          taken.input.amount.fen(), taken.input.reference, operatorId, taken.takenAtMs});
        !st)
        return st.error();
    taken.id = q.lastInsertId();
    if (auto st = writeAudit(m_db, taken.takenAtMs, operatorId, 0, QStringLiteral("payment.take"), cart.uuid, {},
                             QStringLiteral("%1 %2 %3")
                                 .arg(taken.input.tender.key(), taken.input.amount.toString(), taken.input.reference));
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return taken;
}

Status PaymentService::reverse(const TakenPayment &payment, const QString &reason, qint64 operatorId,
                               const QString &approvalToken)
{
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate(
                                                 "Payments", "Say why the payment is given back."));
    const qint64 now = m_clock.nowMs();
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    qint64 managerId = 0;
    if (reversalNeedsManager(payment)) {
        if (approvalToken.isEmpty())
            return makeError(ErrorCode::Denied,
                             QCoreApplication::translate("Payments",
                                                         "Giving back a %1 payment needs a manager's PIN: it is "
                                                         "refunded outside the till.")
                                 .arg(tenderLabel(payment.input.tender)));
        auto used = consumeApproval(
            m_db, now, approvalToken,
            ApprovalScope{kApprovePaymentReversal, QString::number(payment.id), payment.input.amount});
        if (!used)
            return used.error();
        managerId = used->managerId;
    }
    Statement &q = m_db.statement(QStringLiteral(
        "UPDATE taken_payments SET state = 'reversed', closed_at_ms = ?, closed_by = ?, approved_by = ?, "
        "reason = ? WHERE id = ? AND state = 'taken'"));
    if (auto st = q.exec({now, operatorId, managerId > 0 ? QVariant(managerId) : QVariant(), reason.trimmed(),
                          payment.id});
        !st)
        return st;
    if (q.changes() != 1)
        return makeError(ErrorCode::Conflict, QCoreApplication::translate(
                                                  "Payments", "That payment was already given back or sold."));
    if (auto st = writeAudit(m_db, now, operatorId, managerId, QStringLiteral("payment.reverse"),
                             QString::number(payment.id), reason.trimmed(),
                             QStringLiteral("%1 %2 %3")
                                 .arg(payment.input.tender.key(), payment.input.amount.toString(),
                                      payment.input.reference));
        !st)
        return st;
    return tx.commit();
}

Result<QList<TakenPayment>> takenPayments(Database &db, const QString &uuid)
{
    if (uuid.isEmpty())
        return QList<TakenPayment>{};
    auto rows = db.statement(QStringLiteral("SELECT id, tender, amount_fen, reference, operator_id, taken_at_ms "
                                            "FROM taken_payments WHERE cart_uuid = ? AND state = 'taken' "
                                            "ORDER BY id"))
                    .select({uuid});
    if (!rows)
        return rows.error();
    QList<TakenPayment> out;
    for (const QVariantList &r : *rows)
        out.append(TakenPayment{r.at(0).toLongLong(),
                                TenderInput{Tender::fromKey(r.at(1).toString()),
                                            Money::fromFen(r.at(2).toLongLong()), r.at(3).toString()},
                                r.at(4).toLongLong(), r.at(5).toLongLong()});
    return out;
}

namespace {

bool sameTenders(QList<TenderInput> a, QList<TenderInput> b)
{
    const auto less = [](const TenderInput &x, const TenderInput &y) {
        return std::tie(x.tender, x.amount, x.reference) < std::tie(y.tender, y.amount, y.reference);
    };
    std::sort(a.begin(), a.end(), less);
    std::sort(b.begin(), b.end(), less);
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const TenderInput &x, const TenderInput &y) {
        return x.tender == y.tender && x.amount == y.amount && x.reference == y.reference;
    });
}

} // namespace

Result<QList<TakenPayment>> PaymentService::forCart(const QString &uuid)
{
    return takenPayments(m_db, uuid);
}

Status PaymentService::keepCart(const RecalledOrder &cart, Money total, qint64 operatorId)
{
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = keepCartAtTill(m_db, m_store, cart, total, operatorId, m_clock.nowMs()); !st)
        return st;
    return tx.commit();
}

Status settleTakenPayments(Database &db, const QString &uuid, const QList<TenderInput> &tenders, qint64 saleId,
                           qint64 nowMs)
{
    auto taken = takenPayments(db, uuid);
    if (!taken)
        return taken.error();
    if (taken->isEmpty())
        return Ok{};
    if (!sameTenders(tenderInputs(*taken), tenders))
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Payments",
                                                     "The payments given are not the ones taken for this cart: "
                                                     "open the payment window again."));
    return db.statement(QStringLiteral("UPDATE taken_payments SET state = 'sold', sale_id = ?, closed_at_ms = ? "
                                       "WHERE cart_uuid = ? AND state = 'taken'"))
        .exec({saleId, nowMs, uuid});
}

} // namespace huike
