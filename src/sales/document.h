#pragma once

#include "core/clock.h"
#include "core/money.h"
#include "core/result.h"
#include "pricing.h"
#include "tender.h"

#include <QHash>
#include <functional>
#include <QList>
#include <QString>
#include <optional>

namespace huike {

class Database;

// A sale, refund or void as it is written: one header, its lines, payments and stock moves.
// Shared by checkout and returns so that every document is written, numbered and checked the
// same way. Quantities and amounts of refunds and voids are negative.
struct DocumentLine {
    qint64 productId = 0;
    QString barcode;
    QString name;
    qint64 quantityMilli = 0;
    Money listPrice;
    Money unitPrice;
    Money lineDiscount;
    Money orderDiscount;
    Money amount;
    qint64 originalLineId = 0;
    Money gross; // amount + every adjustment
    QList<Adjustment> adjustments; // stored in sale_adjustments, seq = position + 1
    QList<int> adjustmentSeqs;     // a refund's: the seq of the adjustment of the sold line it reverses
};

struct DocumentPayment {
    Tender tender = Tender::Cash;
    Money amount;   // applied to the document
    Money tendered; // handed over (cash)
    Money change;
    QString reference;
};

struct Document {
    QString uuid;
    QString kind; // "sale", "refund", "void"
    qint64 originalSaleId = 0;
    qint64 shiftId = 0;
    qint64 operatorId = 0;
    qint64 authorizedBy = 0;
    qint64 memberId = 0;
    Money subtotal;
    Money discount;
    Money rounding;
    Money total;
    QString reason;
    QList<DocumentLine> lines;
    QList<DocumentPayment> payments;
};

struct SaleResult {
    qint64 saleId = 0;
    QString receiptNo;
    Money total;
    Money change;
    bool duplicate = false; // the uuid was already committed: this is that sale, not a new one
};

// A receipt number as a cashier types it: in any case, with spaces, or only the last digits of
// one of today's numbers in this store (12 -> S01-20261203-0012). NotFound when none matches.
Result<QString> resolveReceiptNo(Database &db, const StoreContext &store, const QString &businessDay,
                                 const QString &typed);

// Inside the caller's BEGIN IMMEDIATE: the document with this uuid, if it was committed before.
Result<std::optional<SaleResult>> findDocumentByUuid(Database &db, const QString &uuid);
// Inside the caller's BEGIN IMMEDIATE: numbers the document (gapless per store and day) and
// writes it with its stock moves.
Result<SaleResult> writeDocument(Database &db, const StoreContext &store, const ShopTime &time, qint64 nowMs,
                                 const Document &doc);
// The payments of a document, in the order they were taken.
Result<QList<DocumentPayment>> loadPayments(Database &db, qint64 saleId);
// What refunds of the document `originalSaleId` paid back so far, by tender (positive amounts).
Result<QHash<QString, Money>> paidBackByTender(Database &db, qint64 originalSaleId);
// The payments that pay back `amount` of `original` (its payments) through the tenders it was paid
// with, in each kind's refund order (wallets and cards before cash), each at most what it paid less
// `paidBack` (which is used up as it goes). Negative amounts, as a refund's payments are.
// `limit` may pay a source back less than that (points go back whole, with their lines), and set
// the reference of its payment; it returns what is paid. What is left unpaid stays in `amount`.
using PaybackLimit = std::function<Money(const DocumentPayment &source, Money take, QString &reference)>;
QList<DocumentPayment> payBackThrough(const QList<DocumentPayment> &original, Money &amount,
                                      QHash<QString, Money> &paidBack, const PaybackLimit &limit = {});
// "S01-20261125-0007"
QString formatReceiptNo(const QString &storeCode, const QString &businessDay, qint64 seq);
// A document goes into an open shift of this till: a closed 交班 never changes, and nothing is
// rung up outside a shift (the CLI opens one as the GUI does).
// `cashierId` > 0: the shift must also be that operator's (a sale is rung up in the seller's own
// shift; a manager's refund or void may be rung up in the cashier's, whose drawer pays it out).
Status requireOpenShift(Database &db, const StoreContext &store, qint64 shiftId, qint64 cashierId = 0);

} // namespace huike
