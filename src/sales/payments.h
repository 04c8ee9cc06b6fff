#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "tender.h"

#include <QList>

namespace huike {

class Database;
struct RecalledOrder;

// A payment taken for a cart whose sale has not committed yet: a WeChat payment with its
// reference, a card slip, cash handed over for part of the total. It is the shop's money (or the
// customer's, to give back) from the moment it is taken, so it is written down then, with the
// cart it pays for, and never just forgotten: it leaves the cart only by the sale that uses it or
// by a recorded reversal.
struct TakenPayment {
    qint64 id = 0;
    TenderInput input;
    qint64 operatorId = 0;
    qint64 takenAtMs = 0;
};

Money sumOf(const QList<TakenPayment> &payments);
QList<TenderInput> tenderInputs(const QList<TakenPayment> &payments);

// Whether giving this payment back needs a manager: money that left through a wallet or a bank
// card is refunded in the merchant's app or terminal, out of the till's sight. Cash handed back
// over the counter does not.
bool reversalNeedsManager(const TakenPayment &payment);

class PaymentService {
public:
    PaymentService(Database &db, const Clock &clock, StoreContext store);

    // Records the payment and the cart as it is now (`cart`, priced at `total`), in one
    // transaction: after a crash the till finds both again (see HeldOrderService::recoverRecalled).
    Result<TakenPayment> take(const RecalledOrder &cart, Money total, const TenderInput &input, qint64 operatorId);
    // The customer got the payment back (cash handed back, a wallet payment refunded in the
    // merchant app): recorded with who, why and, where reversalNeedsManager(), the approval token
    // for ApprovalScope{kApprovePaymentReversal, payment id, amount}.
    Status reverse(const TakenPayment &payment, const QString &reason, qint64 operatorId,
                   const QString &approvalToken = {});
    // The payments a cart holds, oldest first.
    Result<QList<TakenPayment>> forCart(const QString &uuid);
    // A cart holding payments changed (a line scanned after a payment): its stored copy follows.
    Status keepCart(const RecalledOrder &cart, Money total, qint64 operatorId);

private:
    Database &m_db;
    const Clock &m_clock;
    StoreContext m_store;
};

// The payments taken for the cart `uuid` and not yet sold or given back, oldest first.
Result<QList<TakenPayment>> takenPayments(Database &db, const QString &uuid);

// Inside the sale's BEGIN IMMEDIATE: `tenders` must be exactly the payments taken for the cart
// `uuid` (when any were taken), which then become the sale's (`saleId`).
Status settleTakenPayments(Database &db, const QString &uuid, const QList<TenderInput> &tenders, qint64 saleId,
                           qint64 nowMs);

} // namespace huike
