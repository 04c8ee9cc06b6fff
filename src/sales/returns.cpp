#include "returns.h"

#include "members/countcards.h"
#include "members/coupons.h"
#include "members/earnings.h"
#include "store/database.h"
#include "store/settings.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace huike {

ReturnService::ReturnService(Database &db, const Clock &clock, const ShopTime &time, StoreContext store)
    : m_db(db), m_clock(clock), m_time(time), m_store(std::move(store))
{
}

RefundableLine::Reversal RefundableLine::reversal(qint64 quantityMilli) const
{
    const bool last = quantityMilli >= remainingMilli();
    const qint64 upTo = returnedMilli + quantityMilli;
    auto shareOf = [&](Money total, Money done) { return last ? total - done : total.share(upTo, soldMilli) - done; };
    Reversal r;
    r.amount = refundAmount(quantityMilli);
    r.gross = shareOf(gross, returnedGross);
    Money sum;
    int largest = -1;
    for (int i = 0; i < adjustments.size(); ++i) {
        const RefundableAdjustment &a = adjustments.at(i);
        Adjustment out = a.adjustment;
        out.amount = shareOf(a.adjustment.amount, a.returned);
        sum += out.amount;
        r.adjustments.append(out);
        const Money left = a.adjustment.amount - a.returned;
        if (largest < 0 || std::llabs(left.fen()) >
                               std::llabs((adjustments.at(largest).adjustment.amount - adjustments.at(largest).returned).fen()))
            largest = i;
    }
    // The amount is the proven share of what was paid; rounding each share on its own may leave
    // a fen, which goes to the adjustment with the most left (on the last units nothing is left over).
    const Money diff = r.gross - r.amount - sum;
    if (!diff.isZero()) {
        if (largest >= 0)
            r.adjustments[largest].amount += diff;
        else
            r.gross -= diff;
    }
    return r;
}

Result<RefundableSale> ReturnService::refundable(const QString &typed)
{
    // As the cashier types it: any case, or the last digits of one of today's numbers.
    auto resolved = resolveReceiptNo(m_db, m_store, m_time.businessDay(m_clock.nowMs()), typed);
    if (!resolved)
        return resolved.error();
    const QString &receiptNo = *resolved;
    RefundableSale sale;
    {
        QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT id, receipt_no, kind, created_at_ms, total_fen, "
                                                    "COALESCE(shift_id, 0), COALESCE(member_id, 0) FROM sales "
                                                    "WHERE receipt_no = ?"));
        q.bindValue(0, receiptNo.trimmed());
        if (!q.exec())
            return storageError(q);
        if (!q.next()) {
            q.finish();
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("Returns", "No receipt %1.").arg(receiptNo.trimmed()));
        }
        const QString kind = q.value(2).toString();
        sale.saleId = q.value(0).toLongLong();
        sale.receiptNo = q.value(1).toString();
        sale.createdAtMs = q.value(3).toLongLong();
        sale.total = Money::fromFen(q.value(4).toLongLong());
        sale.shiftId = q.value(5).toLongLong();
        sale.memberId = q.value(6).toLongLong();
        q.finish();
        if (kind != QLatin1String("sale"))
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate(
                                 "Returns", "%1 is itself a refund or void: refund the original sale.")
                                 .arg(sale.receiptNo));
    }
    {
        QSqlQuery &q = m_db.prepared(QStringLiteral(
            "SELECT l.id, l.line_no, l.product_id, l.barcode, l.name, l.qty_milli, l.unit_price_fen, "
            "l.amount_fen, "
            "COALESCE((SELECT -SUM(r.qty_milli) FROM sale_lines r WHERE r.original_line_id = l.id), 0), "
            "COALESCE((SELECT -SUM(r.amount_fen) FROM sale_lines r WHERE r.original_line_id = l.id), 0), "
            "l.gross_fen, "
            "COALESCE((SELECT -SUM(r.gross_fen) FROM sale_lines r WHERE r.original_line_id = l.id), 0), "
            "l.list_price_fen FROM sale_lines l WHERE l.sale_id = ? ORDER BY l.line_no"));
        q.bindValue(0, sale.saleId);
        if (!q.exec())
            return storageError(q);
        while (q.next()) {
            RefundableLine l;
            l.lineId = q.value(0).toLongLong();
            l.lineNo = q.value(1).toInt();
            l.productId = q.value(2).toLongLong();
            l.barcode = q.value(3).toString();
            l.name = q.value(4).toString();
            l.soldMilli = q.value(5).toLongLong();
            l.unitPrice = Money::fromFen(q.value(6).toLongLong());
            l.amount = Money::fromFen(q.value(7).toLongLong());
            l.returnedMilli = q.value(8).toLongLong();
            l.returnedAmount = Money::fromFen(q.value(9).toLongLong());
            l.gross = Money::fromFen(q.value(10).toLongLong());
            l.returnedGross = Money::fromFen(q.value(11).toLongLong());
            l.listPrice = Money::fromFen(q.value(12).toLongLong());
            sale.returnedTotal += l.returnedAmount;
            sale.lines.append(l);
        }
        q.finish();
    }
    {
        // Each adjustment of each line, with what refunds reversed of it (same line, same seq).
        QSqlQuery &q = m_db.prepared(QStringLiteral(
            "SELECT a.line_no, a.seq, a.scope, a.source, a.reference, a.amount_fen, a.manual, "
            "COALESCE((SELECT -SUM(ra.amount_fen) FROM sale_lines l JOIN sale_lines r ON r.original_line_id = l.id "
            "JOIN sale_adjustments ra ON ra.sale_id = r.sale_id AND ra.line_no = r.line_no AND ra.seq = a.seq "
            "WHERE l.sale_id = a.sale_id AND l.line_no = a.line_no), 0) "
            "FROM sale_adjustments a WHERE a.sale_id = ? ORDER BY a.line_no, a.seq"));
        q.bindValue(0, sale.saleId);
        if (!q.exec())
            return storageError(q);
        while (q.next()) {
            const int lineNo = q.value(0).toInt();
            auto it = std::find_if(sale.lines.begin(), sale.lines.end(),
                                   [&](const RefundableLine &l) { return l.lineNo == lineNo; });
            if (it == sale.lines.end())
                continue;
            RefundableAdjustment a;
            a.seq = q.value(1).toInt();
            a.adjustment = Adjustment{q.value(3).toString(), q.value(4).toString(),
                                      Money::fromFen(q.value(5).toLongLong()), q.value(6).toBool(),
                                      q.value(2).toString() == QLatin1String("order")};
            a.returned = Money::fromFen(q.value(7).toLongLong());
            it->adjustments.append(a);
        }
        q.finish();
    }
    auto payments = loadPayments(m_db, sale.saleId);
    if (!payments)
        return payments.error();
    sale.payments = *payments;
    return sale;
}

Result<RefundableSale> ReturnService::lastVoidableSale(qint64 shiftId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT receipt_no FROM sales WHERE store_id = ? AND "
                                                "terminal = ? AND kind = 'sale' ORDER BY id DESC LIMIT 1"));
    q.bindValue(0, m_store.storeId);
    q.bindValue(1, m_store.terminal);
    if (!q.exec())
        return storageError(q);
    if (!q.next()) {
        q.finish();
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Returns", "This till has no sale to void."));
    }
    const QString no = q.value(0).toString();
    q.finish();
    auto sale = refundable(no);
    if (sale && sale->returnedTotal.fen() != 0)
        return makeError(
            ErrorCode::Conflict,
            QCoreApplication::translate("Returns", "The last sale %1 was already refunded or voided.")
                .arg(no));
    if (sale && shiftId > 0 && sale->shiftId != shiftId)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Returns",
                                                     "The last sale %1 was rung up in an earlier shift: "
                                                     "refund it instead (F8).")
                             .arg(no));
    return sale;
}

Result<SaleResult> ReturnService::refund(const RefundRequest &r)
{
    return reverse(QStringLiteral("refund"), r.uuid, r.receiptNo, r.lines, r.reason, r.operatorId,
                   r.approvalToken, r.shiftId, r.payout);
}

Result<SaleResult> ReturnService::voidSale(const QString &uuid, const QString &receiptNo,
                                           const QString &reason, qint64 operatorId,
                                           const QString &approvalToken, qint64 shiftId)
{
    return reverse(QStringLiteral("void"), uuid, receiptNo, {}, reason, operatorId, approvalToken, shiftId);
}

Result<ApprovalScope> ReturnService::approvalScope(const QString &kind, const QString &receiptNo,
                                                   const QList<RefundLineRequest> &lines, Payout payout)
{
    auto doc = buildReversal(kind, receiptNo, lines, payout);
    if (!doc)
        return doc.error();
    return scopeOf(*doc, kind);
}

Result<QList<DocumentPayment>> ReturnService::payoutPlan(const QString &receiptNo,
                                                         const QList<RefundLineRequest> &lines, Payout payout)
{
    auto doc = buildReversal(QStringLiteral("refund"), receiptNo, lines, payout);
    if (!doc)
        return doc.error();
    return doc->doc.payments;
}

ApprovalScope ReturnService::scopeOf(const Reversal &r, const QString &kind)
{
    const QString action = kind == QLatin1String("void") ? kApproveVoid
                           : r.cashInstead               ? kApproveRefundCash
                                                         : kApproveRefund;
    return ApprovalScope{action, r.originalReceiptNo, -r.doc.total};
}

Result<ReturnService::Reversal> ReturnService::buildReversal(const QString &kind, const QString &receiptNo,
                                                             const QList<RefundLineRequest> &requested,
                                                             Payout payout)
{
    auto orig = refundable(receiptNo);
    if (!orig)
        return orig.error();
    Reversal out;
    out.originalReceiptNo = orig->receiptNo;
    Document &doc = out.doc;
    doc.kind = kind;
    doc.originalSaleId = orig->saleId;
    doc.memberId = orig->memberId;

    QHash<qint64, qint64> wanted;
    if (requested.isEmpty()) {
        for (const RefundableLine &l : orig->lines)
            if (l.remainingMilli() > 0)
                wanted.insert(l.lineId, l.remainingMilli());
    } else {
        for (const RefundLineRequest &r : requested)
            if (r.quantityMilli != 0)
                wanted[r.originalLineId] += r.quantityMilli;
    }
    if (wanted.isEmpty())
        return makeError(
            ErrorCode::Conflict,
            QCoreApplication::translate("Returns", "Nothing is left to refund on %1.").arg(orig->receiptNo));

    QHash<qint64, qint64> returning; // line id -> quantity this refund returns
    for (const RefundableLine &l : orig->lines) {
        const qint64 qty = wanted.take(l.lineId);
        if (qty == 0)
            continue;
        returning.insert(l.lineId, qty);
        if (qty < 0 || qty > l.remainingMilli())
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Returns", "%1: only %2 can still be refunded.")
                                 .arg(l.name, formatQuantity(l.remainingMilli())));
        // The exact reverse of what these units were charged: gross and every adjustment by source,
        // stored under the original's seq so that later refunds see what is left of each.
        const RefundableLine::Reversal back = l.reversal(qty);
        DocumentLine d;
        d.productId = l.productId;
        d.barcode = l.barcode;
        d.name = l.name;
        d.quantityMilli = -qty;
        d.listPrice = l.listPrice;
        d.unitPrice = l.unitPrice;
        d.gross = -back.gross;
        d.amount = -back.amount;
        d.originalLineId = l.lineId;
        for (int i = 0; i < back.adjustments.size(); ++i) {
            Adjustment a = back.adjustments.at(i);
            a.amount = -a.amount;
            (a.orderLevel ? d.orderDiscount : d.lineDiscount) += a.amount;
            (a.source == kAdjustRounding ? doc.rounding : doc.discount) += a.amount;
            d.adjustments.append(a);
            d.adjustmentSeqs.append(l.adjustments.at(i).seq);
        }
        doc.lines.append(d);
        doc.subtotal += d.gross;
        doc.total += d.amount;
    }
    if (!wanted.isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Returns", "A line to refund is not on receipt %1.")
                             .arg(orig->receiptNo));

    // Pay back through the original tenders in each kind's refund order (cards and wallets first:
    // the money goes back where it came from; cash last), each at most what it paid, less what was
    // paid back before.
    auto paid = paidBackByTender(m_db, orig->saleId);
    if (!paid)
        return paid.error();
    QHash<QString, Money> paidBack = *paid;
    // Points go back with the lines that were paid with them: what the units returned so far carry
    // of their line's points share, less what refunds gave back in points before (cash took what was
    // less than a whole point, and the next refund makes up for it). The last refund of the sale
    // gives back every point that is left.
    std::optional<Money> pointsDue;
    {
        auto byLine = pointsPaidByLine(m_db, orig->saleId);
        if (!byLine)
            return byLine.error();
        if (!byLine->isEmpty()) {
            Money paidInPoints;
            for (const DocumentPayment &p : orig->payments)
                if (const TenderKind *k = tenderKind(p.tender); k && k->reference == ReferenceRule::Count)
                    paidInPoints += p.amount;
            Money carried;
            bool allBack = true;
            for (const RefundableLine &l : orig->lines) {
                const qint64 after = l.returnedMilli + returning.value(l.lineId);
                const Money share = byLine->value(l.lineId);
                allBack = allBack && after >= l.soldMilli;
                carried += after >= l.soldMilli ? share : share.share(after, l.soldMilli);
            }
            const Money target = allBack ? paidInPoints : std::min(carried, paidInPoints);
            pointsDue = std::max(Money(), target - paidBack.value(Tender::Points.key()));
        }
    }
    Money left = -doc.total;
    doc.payments = payBackThrough(orig->payments, left, paidBack, [&](const DocumentPayment &src, Money take,
                                                                      QString &reference) {
        const TenderKind *k = tenderKind(src.tender);
        if (!k || k->reference != ReferenceRule::Count)
            return take;
        // Points go back whole, at the rate the sale paid them: fen per point = amount / count.
        // What is less than a point goes back through the next tender; the last refund of the
        // sale returns exactly what is left, so a sale and its refunds net to zero points.
        const qint64 count = src.reference.toLongLong();
        if (count <= 0 || src.amount.fen() <= 0)
            return Money();
        if (pointsDue)
            take = std::min(take, *pointsDue);
        qint64 units = static_cast<qint64>(Int128(take.fen()) * count / src.amount.fen());
        while (units > 0 && (Int128(units) * src.amount.fen()) % count != 0)
            --units;
        take = Money::fromFen(static_cast<qint64>(Int128(units) * src.amount.fen() / count));
        reference = QString::number(units);
        if (pointsDue)
            *pointsDue -= take;
        return take;
    });
    if (left.fen() != 0) // cannot happen while amounts are consistent; refuse rather than mis-pay
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Returns", "The refund exceeds what was paid on %1.")
                             .arg(orig->receiptNo));
    if (payout == Payout::Cash && kind != QLatin1String("void")) {
        out.cashInstead = std::any_of(doc.payments.begin(), doc.payments.end(), [](const DocumentPayment &p) {
            const TenderKind *k = tenderKind(p.tender);
            return !(p.tender == Tender::Cash) && !(k && k->needsMember);
        });
        // Points paid go back as points: they were never cash.
        QList<DocumentPayment> kept;
        Money cash = doc.total;
        for (const DocumentPayment &p : doc.payments)
            if (const TenderKind *k = tenderKind(p.tender); k && k->needsMember) {
                kept.append(p);
                cash -= p.amount;
            }
        if (!cash.isZero())
            kept.append(DocumentPayment{Tender::Cash, cash, cash, Money(), QString()});
        doc.payments = kept;
    }
    return out;
}

Result<SaleResult> ReturnService::reverse(const QString &kind, const QString &uuid, const QString &receiptNo,
                                          const QList<RefundLineRequest> &requested, const QString &reason,
                                          qint64 operatorId, const QString &approvalToken, qint64 shiftId,
                                          Payout payout)
{
    if (uuid.isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Returns", "A refund needs its id."));
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Returns", "Give a reason for the refund or void."));

    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    auto existing = findDocumentByUuid(m_db, uuid);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;
    if (auto st = requireOpenShift(m_db, m_store, shiftId); !st)
        return st.error();
    // Read inside the write lock: two tills refunding the same receipt cannot both take the last unit.
    auto built = buildReversal(kind, receiptNo, requested, payout);
    if (!built)
        return built.error();
    if (kind == QLatin1String("void")) {
        auto last = lastVoidableSale(shiftId);
        if (!last)
            return last.error();
        if (last->saleId != built->doc.originalSaleId)
            return makeError(
                ErrorCode::Conflict,
                QCoreApplication::translate(
                    "Returns", "Only the last sale of this till can be voided; refund %1 instead.")
                    .arg(built->originalReceiptNo));
    }
    const qint64 now = m_clock.nowMs();
    // Checked after the refund itself, so that a refund that cannot be made says why, not "PIN".
    if (approvalToken.isEmpty())
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Returns", "Refunds and voids need a manager's PIN."));
    auto approval = consumeApproval(m_db, now, approvalToken, scopeOf(*built, kind));
    if (!approval)
        return approval.error();

    Document doc = built->doc;
    doc.uuid = uuid;
    doc.shiftId = shiftId;
    doc.operatorId = operatorId;
    doc.authorizedBy = approval->managerId;
    doc.reason = reason.trimmed();
    auto written = writeDocument(m_db, m_store, m_time, now, doc);
    if (!written)
        return written;
    if (auto st = linkApproval(m_db, *approval, written->saleId); !st)
        return st.error();
    if (doc.memberId > 0) {
        auto back = reverseEarnings(m_db, LedgerContext{m_store.storeId, written->saleId, operatorId, now, &m_time}, doc.memberId,
                                    doc.originalSaleId);
        if (!back)
            return back.error();
    }
    if (auto st = reverseCountCards(m_db, LedgerContext{m_store.storeId, written->saleId, operatorId, now, &m_time},
                                    doc.originalSaleId);
        !st)
        return st.error();
    if (auto st = reverseCoupons(m_db, LedgerContext{m_store.storeId, written->saleId, operatorId, now, &m_time},
                                 doc.originalSaleId);
        !st)
        return st.error();
    if (auto st = writeAudit(m_db, now, operatorId, approval->managerId, QStringLiteral("sale.") + kind,
                             built->originalReceiptNo, doc.reason,
                             QStringLiteral("%1 %2").arg(written->receiptNo, doc.total.toString()));
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return written;
}

} // namespace huike
