#pragma once

#include "core/clock.h"
#include "document.h"
#include "operators/approvals.h"

namespace huike {

class Database;

// One adjustment of a sold line (a discount, its share of the order discount, 抹零), with what
// refunds have reversed of it so far.
struct RefundableAdjustment {
    int seq = 0;
    Adjustment adjustment;
    Money returned; // reversed by earlier refunds (positive, as the adjustment)
};

struct RefundableLine {
    qint64 lineId = 0;
    int lineNo = 0;
    qint64 productId = 0;
    QString barcode;
    QString name;
    qint64 soldMilli = 0;
    qint64 returnedMilli = 0; // by earlier refunds or a void
    Money listPrice;
    Money unitPrice;
    Money amount; // what the line cost the customer
    Money returnedAmount;
    Money gross;  // list price x quantity, or the label's amount
    Money returnedGross;
    QList<RefundableAdjustment> adjustments;
    qint64 remainingMilli() const { return soldMilli - returnedMilli; }
    // What returning `quantityMilli` more gives back: the share of the line's amount that all the
    // units returned so far carry, less what was given back already. Rounding never accumulates,
    // and the last units give back exactly what is left, so refunds in several steps add up to the
    // sale to the fen.
    Money refundAmount(qint64 quantityMilli) const
    {
        return quantityMilli >= remainingMilli()
                   ? amount - returnedAmount
                   : amount.share(returnedMilli + quantityMilli, soldMilli) - returnedAmount;
    }
    // What returning `quantityMilli` more reverses: its gross and each adjustment, by the same
    // cumulative shares, so a sale and its full refund net to zero in every column and source.
    struct Reversal {
        Money gross;
        Money amount;
        QList<Adjustment> adjustments; // as positive amounts, in the line's order
    };
    Reversal reversal(qint64 quantityMilli) const;
};

struct RefundableSale {
    qint64 saleId = 0;
    QString receiptNo;
    qint64 createdAtMs = 0;
    qint64 shiftId = 0;
    qint64 memberId = 0;
    Money total;
    QList<RefundableLine> lines;
    QList<DocumentPayment> payments;
    Money returnedTotal;
};

struct RefundLineRequest {
    qint64 originalLineId = 0;
    qint64 quantityMilli = 0;
};

// How a refund's money goes back. Original (原路退回): through the tenders the customer paid with,
// wallets and cards first (refunded in their merchant app or terminal), cash last, each at most
// what it paid. Cash: all of it from the drawer, e.g. when the customer's card is not at hand.
// Cash paid back for what came in by wallet or card is its own approval (kApproveRefundCash): a
// manager who approved a refund to WeChat has not approved cash leaving the drawer.
enum class Payout { Original, Cash };

struct RefundRequest {
    QString uuid;
    QString receiptNo;
    QList<RefundLineRequest> lines; // empty: everything that is left
    QString reason;
    qint64 operatorId = 0;
    QString approvalToken; // a manager's approval of exactly this refund (approvalScope)
    qint64 shiftId = 0;
    Payout payout = Payout::Original;
};

// Refunds and voids are new documents that point to the original, need a reason and a manager,
// put the goods back in stock and pay back through the tenders the customer used.
class ReturnService {
public:
    ReturnService(Database &db, const Clock &clock, const ShopTime &time, StoreContext store);

    Result<RefundableSale> refundable(const QString &receiptNo);
    Result<SaleResult> refund(const RefundRequest &request);
    // The newest sale of this till, if nothing has been returned from it yet and (with a shift)
    // it was rung up in that shift: a void corrects a mistake at once, later it is a refund.
    Result<RefundableSale> lastVoidableSale(qint64 shiftId = 0);
    Result<SaleResult> voidSale(const QString &uuid, const QString &receiptNo, const QString &reason,
                                qint64 operatorId, const QString &approvalToken, qint64 shiftId);
    // What a manager approves for this refund ("refund", these lines or all that is left) or void
    // ("void"): the receipt and the amount given back, worked out as the refund will be.
    Result<ApprovalScope> approvalScope(const QString &kind, const QString &receiptNo,
                                        const QList<RefundLineRequest> &lines = {},
                                        Payout payout = Payout::Original);
    // The payments this refund would make (negative amounts), for the cashier to see and say.
    Result<QList<DocumentPayment>> payoutPlan(const QString &receiptNo, const QList<RefundLineRequest> &lines,
                                              Payout payout);

private:
    struct Reversal {
        Document doc; // lines, totals, payments and member; no uuid, shift or operator yet
        QString originalReceiptNo;
        bool cashInstead = false; // paid back in cash where the customer paid otherwise
    };
    Result<Reversal> buildReversal(const QString &kind, const QString &receiptNo,
                                   const QList<RefundLineRequest> &lines, Payout payout = Payout::Original);
    static ApprovalScope scopeOf(const Reversal &r, const QString &kind);
    Result<SaleResult> reverse(const QString &kind, const QString &uuid, const QString &receiptNo,
                               const QList<RefundLineRequest> &lines, const QString &reason,
                               qint64 operatorId, const QString &approvalToken, qint64 shiftId,
                               Payout payout = Payout::Original);

    Database &m_db;
    const Clock &m_clock;
    const ShopTime &m_time;
    StoreContext m_store;
};

} // namespace huike
