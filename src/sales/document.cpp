#include "document.h"

#include "store/database.h"
#include "store/documentchain.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace huike {

QString formatReceiptNo(const QString &storeCode, const QString &businessDay, qint64 seq)
{
    return QStringLiteral("%1-%2-%3").arg(storeCode, businessDay).arg(seq, 4, 10, QLatin1Char('0'));
}

Result<QString> resolveReceiptNo(Database &db, const StoreContext &store, const QString &businessDay,
                                 const QString &typed)
{
    QString t = typed.trimmed().toUpper();
    t.remove(QLatin1Char(' '));
    const auto notFound = [&] {
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Receipt", "No receipt %1.").arg(typed.trimmed()));
    };
    if (t.isEmpty())
        return notFound();
    bool digits = false;
    const qint64 seq = t.size() <= 6 ? t.toLongLong(&digits) : 0;
    if (digits && seq > 0)
        t = formatReceiptNo(store.storeCode, businessDay, seq);
    auto rows = db.statement(QStringLiteral("SELECT receipt_no FROM sales WHERE receipt_no = ?")).select({t});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return notFound();
    return rows->first().first().toString();
}

Result<std::optional<SaleResult>> findDocumentByUuid(Database &db, const QString &uuid)
{
    auto rows =
        db.statement(QStringLiteral("SELECT s.id, s.receipt_no, s.total_fen, "
                                    "COALESCE((SELECT SUM(change_fen) FROM payments WHERE sale_id = s.id), 0) "
                                    "FROM sales s WHERE s.uuid = ?"))
            .select({uuid});
    if (!rows)
        return rows.error();
    std::optional<SaleResult> out;
    if (!rows->isEmpty()) {
        const QVariantList &r = rows->first();
        out = SaleResult{r.at(0).toLongLong(), r.at(1).toString(), Money::fromFen(r.at(2).toLongLong()),
                         Money::fromFen(r.at(3).toLongLong()), true};
    }
    return out;
}

Result<QList<DocumentPayment>> loadPayments(Database &db, qint64 saleId)
{
    QSqlQuery &q =
        db.prepared(QStringLiteral("SELECT tender, amount_fen, tendered_fen, change_fen, reference "
                                   "FROM payments WHERE sale_id = ? ORDER BY id"));
    q.bindValue(0, saleId);
    if (!q.exec())
        return storageError(q);
    QList<DocumentPayment> out;
    while (q.next())
        out.append(DocumentPayment{Tender::fromKey(q.value(0).toString()),
                                   Money::fromFen(q.value(1).toLongLong()),
                                   Money::fromFen(q.value(2).toLongLong()),
                                   Money::fromFen(q.value(3).toLongLong()), q.value(4).toString()});
    q.finish();
    return out;
}

Result<QHash<QString, Money>> paidBackByTender(Database &db, qint64 originalSaleId)
{
    auto rows = db.statement(QStringLiteral("SELECT p.tender, -SUM(p.amount_fen) FROM payments p JOIN sales s ON "
                                            "s.id = p.sale_id WHERE s.original_sale_id = ? GROUP BY p.tender"))
                    .select({originalSaleId});
    if (!rows)
        return rows.error();
    QHash<QString, Money> out;
    for (const QVariantList &r : *rows)
        out.insert(r.at(0).toString(), Money::fromFen(r.at(1).toLongLong()));
    return out;
}

QList<DocumentPayment> payBackThrough(const QList<DocumentPayment> &original, Money &amount,
                                      QHash<QString, Money> &paidBack, const PaybackLimit &limit)
{
    QList<DocumentPayment> sources = original;
    auto refundOrder = [](const DocumentPayment &p) {
        const TenderKind *k = tenderKind(p.tender);
        return k ? k->refundOrder : 0;
    };
    std::stable_sort(sources.begin(), sources.end(), [&](const DocumentPayment &a, const DocumentPayment &b) {
        return refundOrder(a) < refundOrder(b);
    });
    QList<DocumentPayment> out;
    for (const DocumentPayment &src : sources) {
        // Earlier refunds used up the payments of a tender in the same order.
        Money &already = paidBack[src.tender.key()];
        const Money consumed = std::min(src.amount, already);
        already -= consumed;
        Money take = std::min(src.amount - consumed, amount);
        if (take.fen() <= 0)
            continue;
        QString reference = src.reference;
        if (limit)
            take = limit(src, take, reference);
        if (take.fen() <= 0)
            continue;
        out.append(DocumentPayment{src.tender, -take, -take, Money(), reference});
        amount -= take;
    }
    return out;
}

Status requireOpenShift(Database &db, const StoreContext &store, qint64 shiftId, qint64 cashierId)
{
    if (shiftId <= 0)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Checkout",
                                                     "No shift is open on this till: open one (log in "
                                                     "at the till) before ringing anything up."));
    auto rows = db.statement(QStringLiteral("SELECT s.store_id, s.terminal, s.closed_at_ms, s.operator_id, o.name "
                                            "FROM shifts s JOIN operators o ON o.id = s.operator_id WHERE s.id = ?"))
                    .select({shiftId});
    if (!rows)
        return rows.error();
    const bool found = !rows->isEmpty();
    const QVariantList r = found ? rows->first() : QVariantList(5);
    const bool ok = found && r.at(0).toLongLong() == store.storeId && r.at(1).toString() == store.terminal &&
                    r.at(2).isNull();
    const bool theirs = !found || cashierId <= 0 || r.at(3).toLongLong() == cashierId;
    const QString owner = r.at(4).toString();
    if (!ok)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Checkout",
                                                     "The shift is closed or belongs to another till: log in "
                                                     "again to open a shift."));
    if (!theirs)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Checkout",
                                                     "This till's shift is %1's: close it (交班) or have a manager "
                                                     "hand it over before selling in it.")
                             .arg(owner));
    return Ok{};
}

Result<SaleResult> writeDocument(Database &db, const StoreContext &store, const ShopTime &time, qint64 nowMs,
                                 const Document &doc)
{
    const QString day = time.businessDay(nowMs);
    qint64 seq = 1;
    {
        // Under the write lock, and rolled back with the document: gapless, and never reissued.
        auto rows = db.statement(QStringLiteral("INSERT INTO receipt_sequences(store_id, business_day, last_seq) "
                                                "VALUES (?, ?, 1) ON CONFLICT(store_id, business_day) "
                                                "DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq"))
                        .select({store.storeId, day});
        if (!rows)
            return rows.error();
        seq = rows->value(0).value(0).toLongLong();
    }
    const QString receiptNo = formatReceiptNo(store.storeCode, day, seq);
    // Chained to the newest document, hashed from the values as they are bound (documentchain.h).
    auto previousHash = lastDocumentHash(db);
    if (!previousHash)
        return previousHash.error();
    DocumentDigest digest;

    Statement &h =
        db.statement(QStringLiteral("INSERT INTO sales(uuid, store_id, business_day, seq, receipt_no, kind, "
                                   "original_sale_id, shift_id, terminal, "
                                   "operator_id, authorized_by, member_id, subtotal_fen, discount_fen, "
                                   "rounding_fen, total_fen, reason, created_at_ms) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QVariantList hv = {doc.uuid,
                             store.storeId,
                             day,
                             seq,
                             receiptNo,
                             doc.kind,
                             idOrNull(doc.originalSaleId),
                             idOrNull(doc.shiftId),
                             nonNull(store.terminal),
                             doc.operatorId,
                             idOrNull(doc.authorizedBy),
                             idOrNull(doc.memberId),
                             doc.subtotal.fen(),
                             doc.discount.fen(),
                             doc.rounding.fen(),
                             doc.total.fen(),
                             nonNull(doc.reason),
                             nowMs};
    if (auto st = h.exec(hv); !st)
        return st.error();
    digest.addRow(DocumentDigest::Header, hv);
    const qint64 saleId = h.lastInsertId();

    Statement &l =
        db.statement(QStringLiteral("INSERT INTO sale_lines(sale_id, line_no, product_id, barcode, name, "
                                   "qty_milli, list_price_fen, unit_price_fen, "
                                   "line_discount_fen, order_discount_fen, amount_fen, original_line_id, gross_fen) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    Statement &adj = db.statement(QStringLiteral(
        "INSERT INTO sale_adjustments(sale_id, line_no, seq, scope, source, reference, amount_fen, manual) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    Statement &s =
        db.statement(QStringLiteral("UPDATE products SET stock_milli = stock_milli + ? WHERE id = ?"));
    int lineNo = 0;
    for (const DocumentLine &line : doc.lines) {
        const QVariantList lv = {saleId,
                                 ++lineNo,
                                 line.productId,
                                 nonNull(line.barcode),
                                 line.name,
                                 line.quantityMilli,
                                 line.listPrice.fen(),
                                 line.unitPrice.fen(),
                                 line.lineDiscount.fen(),
                                 line.orderDiscount.fen(),
                                 line.amount.fen(),
                                 idOrNull(line.originalLineId),
                                 line.gross.fen()};
        if (auto st = l.exec(lv); !st)
            return st.error();
        digest.addRow(DocumentDigest::Lines, lv, 1);
        for (int k = 0; k < line.adjustments.size(); ++k) {
            const Adjustment &a = line.adjustments.at(k);
            const QVariantList av = {saleId,
                                     lineNo,
                                     line.adjustmentSeqs.value(k, k + 1),
                                     a.orderLevel ? QStringLiteral("order") : QStringLiteral("line"),
                                     a.source,
                                     nonNull(a.reference),
                                     a.amount.fen(),
                                     a.manual ? 1 : 0};
            if (auto st = adj.exec(av); !st)
                return st.error();
            digest.addRow(DocumentDigest::Adjustments, av, 1);
        }
        // A sale takes goods out; refunds and voids (negative quantities) put them back. The line
        // itself is the stock movement (the stock_ledger view); the product keeps the running sum.
        if (auto st = s.exec({-line.quantityMilli, line.productId}); !st)
            return st.error();
        if (s.changes() != 1)
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("Checkout", "Product %1 no longer exists.").arg(line.name));
    }

    Statement &p =
        db.statement(QStringLiteral("INSERT INTO payments(sale_id, tender, amount_fen, tendered_fen, "
                                   "change_fen, reference) VALUES (?, ?, ?, ?, ?, ?)"));
    Money change;
    for (const DocumentPayment &pay : doc.payments) {
        const QVariantList pv = {saleId,           pay.tender.key(),
                                 pay.amount.fen(), pay.tendered.fen(),
                                 pay.change.fen(), nonNull(pay.reference)};
        if (auto st = p.exec(pv); !st)
            return st.error();
        digest.addRow(DocumentDigest::Payments, pv, 1);
        change += pay.change;
    }
    if (auto st = storeDocumentHash(db, saleId, *previousHash, digest.finish(*previousHash)); !st)
        return st.error();
    return SaleResult{saleId, receiptNo, doc.total, change, false};
}

} // namespace huike
