#include "receipt.h"

#include "core/phone.h"
#include "members/countcards.h"
#include "members/coupons.h"
#include "store/statement.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace huike {


Money Receipt::change() const
{
    Money c;
    for (const DocumentPayment &p : payments)
        c += p.change;
    return c;
}

ReceiptService::ReceiptService(Database &db, const Clock &clock, const ShopTime &time, const StoreContext &store)
    : m_db(db), m_clock(clock), m_time(time), m_store(store)
{
}

Result<Receipt> ReceiptService::load(const QString &typed)
{
    auto resolved = resolveReceiptNo(m_db, m_store, m_time.businessDay(m_clock.nowMs()), typed);
    if (!resolved)
        return resolved.error();
    const QString &receiptNo = *resolved;
    Receipt r;
    qint64 saleId = 0;
    {
        QSqlQuery &q = m_db.prepared(QStringLiteral(
            "SELECT s.id, s.receipt_no, s.kind, COALESCE(o2.receipt_no, ''), s.terminal, op.name, "
            "COALESCE(au.name, ''), "
            "s.reason, s.created_at_ms, s.subtotal_fen, s.discount_fen, s.rounding_fen, s.total_fen, "
            "st.name, st.address, "
            "st.phone, st.receipt_footer, COALESCE(m.name, ''), COALESCE(m.phone, '') "
            "FROM sales s JOIN operators op ON op.id = s.operator_id "
            "JOIN stores st ON st.id = s.store_id LEFT JOIN operators au ON au.id = s.authorized_by "
            "LEFT JOIN members m ON m.id = s.member_id "
            "LEFT JOIN sales o2 ON o2.id = s.original_sale_id WHERE s.receipt_no = ?"));
        q.bindValue(0, receiptNo.trimmed());
        if (!q.exec())
            return storageError(q);
        if (!q.next()) {
            q.finish();
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("Receipt", "No receipt %1.").arg(receiptNo.trimmed()));
        }
        saleId = q.value(0).toLongLong();
        r.receiptNo = q.value(1).toString();
        r.kind = q.value(2).toString();
        r.originalReceiptNo = q.value(3).toString();
        r.terminal = q.value(4).toString();
        r.operatorName = q.value(5).toString();
        r.authorizerName = q.value(6).toString();
        r.reason = q.value(7).toString();
        r.createdAtMs = q.value(8).toLongLong();
        r.subtotal = Money::fromFen(q.value(9).toLongLong());
        r.discount = Money::fromFen(q.value(10).toLongLong());
        r.rounding = Money::fromFen(q.value(11).toLongLong());
        r.total = Money::fromFen(q.value(12).toLongLong());
        r.storeName = q.value(13).toString();
        r.storeAddress = q.value(14).toString();
        r.storePhone = q.value(15).toString();
        r.footer = q.value(16).toString();
        r.memberName = q.value(17).toString();
        r.memberPhone = maskPhone(q.value(18).toString());
        q.finish();
    }
    {
        QSqlQuery &q =
            m_db.prepared(QStringLiteral("SELECT name, barcode, qty_milli, list_price_fen, unit_price_fen, "
                                         "line_discount_fen + order_discount_fen, "
                                         "amount_fen FROM sale_lines WHERE sale_id = ? ORDER BY line_no"));
        q.bindValue(0, saleId);
        if (!q.exec())
            return storageError(q);
        while (q.next())
            r.lines.append(ReceiptLine{
                q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                Money::fromFen(q.value(3).toLongLong()), Money::fromFen(q.value(4).toLongLong()),
                Money::fromFen(q.value(5).toLongLong()), Money::fromFen(q.value(6).toLongLong()), {}});
        q.finish();
    }
    {
        // Where every fen went: each line's own adjustments under it, the order's summed by source.
        QSqlQuery &q = m_db.prepared(QStringLiteral(
            "SELECT line_no, scope, source, reference, amount_fen, manual FROM sale_adjustments "
            "WHERE sale_id = ? ORDER BY line_no, seq"));
        q.bindValue(0, saleId);
        if (!q.exec())
            return storageError(q);
        while (q.next()) {
            const int lineNo = q.value(0).toInt();
            const Adjustment a{q.value(2).toString(), q.value(3).toString(), Money::fromFen(q.value(4).toLongLong()),
                               q.value(5).toBool(), q.value(1).toString() == QLatin1String("order")};
            if (!a.orderLevel) {
                if (lineNo >= 1 && lineNo <= r.lines.size())
                    r.lines[lineNo - 1].adjustments.append(a);
                continue;
            }
            auto same = std::find_if(r.orderAdjustments.begin(), r.orderAdjustments.end(), [&](const auto &o) {
                return o.source == a.source && o.reference == a.reference;
            });
            if (same == r.orderAdjustments.end())
                r.orderAdjustments.append(ReceiptAdjustment{a.source, a.reference, a.amount});
            else
                same->amount += a.amount;
        }
        q.finish();
    }
    auto payments = loadPayments(m_db, saleId);
    if (!payments)
        return payments.error();
    r.payments = *payments;
    auto effect = memberEffectOf(m_db, saleId);
    if (!effect)
        return effect.error();
    r.member = *effect;
    auto cards = m_db.statement(QStringLiteral("SELECT DISTINCT card_id FROM count_card_ledger WHERE sale_id = ? "
                                               "ORDER BY card_id"))
                     .select({saleId});
    if (!cards)
        return cards.error();
    for (const QVariantList &c : *cards) {
        auto card = countCard(m_db, c.at(0).toLongLong());
        if (!card)
            return card.error();
        r.countCards.append(Receipt::CountCardLine{
            QCoreApplication::translate("Receipt", "Count card %1 %2").arg(card->id).arg(card->planName),
            countCardSummary(*card, m_time)});
    }
    auto issued = m_db.statement(QStringLiteral("SELECT code FROM coupons WHERE issued_by_sale_id = ? ORDER BY id"))
                      .select({saleId});
    if (!issued)
        return issued.error();
    for (const QVariantList &c : *issued) {
        auto coupon = couponByCode(m_db, c.at(0).toString());
        if (!coupon)
            return coupon.error();
        // The end is the first moment it is no longer valid: the day before it is the last.
        r.couponsIssued.append(Receipt::IssuedCoupon{
            coupon->typeName, coupon->code, couponTerms(*coupon),
            coupon->expiresAtMs > 0 ? m_time.localDate(coupon->expiresAtMs - 1) : QDate()});
    }
    return r;
}

QString ReceiptService::render(const Receipt &r, int columns) const
{
    return layout(r, columns).text();
}

PrintLayout ReceiptService::layout(const Receipt &r, int columns, const ReceiptPrinting &printing) const
{
    PrintLayout t(columns);
    if (!printing.logoBits.isEmpty())
        t.image(printing.logoWidth, printing.logoHeight, printing.logoBits);
    t.center(r.storeName);
    if (!r.storeAddress.isEmpty())
        t.center(r.storeAddress);
    if (!r.storePhone.isEmpty())
        t.center(QCoreApplication::translate("Receipt", "Tel %1").arg(r.storePhone));
    if (r.kind == QLatin1String("refund"))
        t.center(QCoreApplication::translate("Receipt", "*** REFUND ***"));
    else if (r.kind == QLatin1String("void"))
        t.center(QCoreApplication::translate("Receipt", "*** VOID ***"));
    else if (r.kind == QLatin1String("recharge"))
        t.center(QCoreApplication::translate("Receipt", "*** STORED VALUE RECHARGE ***"));
    else if (r.kind == QLatin1String("recharge_refund"))
        t.center(QCoreApplication::translate("Receipt", "*** RECHARGE REFUND ***"));
    // A second copy says so, and when it was made: it is not a second sale.
    if (printing.reprint)
        t.center(QCoreApplication::translate("Receipt", "REPRINT %1").arg(m_time.format(m_clock.nowMs())));
    t.rule();
    t.line(QCoreApplication::translate("Receipt", "Receipt: %1").arg(r.receiptNo));
    if (!r.originalReceiptNo.isEmpty())
        t.line(QCoreApplication::translate("Receipt", "Original: %1").arg(r.originalReceiptNo));
    t.line(QCoreApplication::translate("Receipt", "Time: %1").arg(m_time.format(r.createdAtMs)));
    t.line(QCoreApplication::translate("Receipt", "Till: %1  Cashier: %2").arg(r.terminal, r.operatorName));
    if (!r.authorizerName.isEmpty())
        t.line(QCoreApplication::translate("Receipt", "Approved by: %1").arg(r.authorizerName));
    if (!r.reason.isEmpty())
        t.line(QCoreApplication::translate("Receipt", "Reason: %1").arg(r.reason));
    t.rule();
    const bool recharge = r.kind == QLatin1String("recharge") || r.kind == QLatin1String("recharge_refund");
    if (recharge && r.member) {
        // No goods: what went onto (or came off) the member's stored value.
        t.pair(QCoreApplication::translate("Receipt", "Principal"), r.member->recharged.toString());
        if (!r.member->rechargeBonus.isZero())
            t.pair(QCoreApplication::translate("Receipt", "Bonus"), r.member->rechargeBonus.toString());
        t.rule();
    }
    // name on its own line, then qty / price / amount in aligned columns
    const int amountW = columns >= 48 ? 12 : 10;
    const int priceW = columns >= 48 ? 12 : 9;
    const int qtyW = columns - amountW - priceW;
    if (!recharge)
        t.columns({QCoreApplication::translate("Receipt", "Qty"), QCoreApplication::translate("Receipt", "Price"),
               QCoreApplication::translate("Receipt", "Amount")},
              {qtyW, priceW, amountW});
    for (const ReceiptLine &l : r.lines) {
        t.line(l.name);
        t.columns({QStringLiteral("  ") + formatQuantity(l.quantityMilli), l.listPrice.toString(),
                   l.amount.toString()},
                  {qtyW, priceW, amountW});
        for (const Adjustment &a : l.adjustments)
            t.pair(QStringLiteral("  ") + adjustmentLabel(a.source) + QLatin1Char(' ') + a.reference,
                   (-a.amount).toString());
    }
    if (!recharge) {
        t.rule();
        // Pieces, as a customer counts them: a weighed line is one piece.
        qint64 pieces = 0;
        for (const ReceiptLine &l : r.lines)
            pieces += l.quantityMilli % 1000 == 0 ? l.quantityMilli / 1000 : (l.quantityMilli < 0 ? -1 : 1);
        t.pair(QCoreApplication::translate("Receipt", "Items %1").arg(pieces),
               QCoreApplication::translate("Receipt", "Subtotal %1").arg(r.subtotal.toString()));
    }
    for (const ReceiptAdjustment &a : r.orderAdjustments) {
        // 抹零's reference is its unit (jiao or yuan), which says nothing to the customer.
        const QString label = a.source == kAdjustRounding ? adjustmentLabel(a.source)
                                                          : adjustmentLabel(a.source) + QLatin1Char(' ') + a.reference;
        t.pair(label, (-a.amount).toString());
    }
    if (r.discount.fen() != 0)
        t.pair(QCoreApplication::translate("Receipt", "You saved"), r.discount.toString());
    t.largePair(QCoreApplication::translate("Receipt", "TOTAL"), r.total.display());
    for (const DocumentPayment &p : r.payments) {
        QString label = tenderLabel(p.tender);
        if (!p.reference.isEmpty())
            label += QLatin1Char(' ') + p.reference.right(6);
        t.pair(label, (p.tender == Tender::Cash ? p.tendered : p.amount).toString());
    }
    if (r.change().fen() != 0)
        t.pair(QCoreApplication::translate("Receipt", "Change"), r.change().toString());
    if (!r.memberPhone.isEmpty()) {
        t.rule();
        t.line(QCoreApplication::translate("Receipt", "Member: %1 %2").arg(r.memberName, r.memberPhone).trimmed());
        if (r.member && recharge) {
            t.pair(QCoreApplication::translate("Receipt", "Stored value"),
                   (r.member->principalAfter + r.member->bonusAfter).toString());
            t.pair(QStringLiteral("  ") + QCoreApplication::translate("Receipt", "of which bonus"),
                   r.member->bonusAfter.toString());
        } else if (r.member) {
            if (!r.member->storedPaid.isZero() || !(r.member->principalAfter + r.member->bonusAfter).isZero())
                t.pair(QCoreApplication::translate("Receipt", "Stored value"),
                       (r.member->principalAfter + r.member->bonusAfter).toString());
            t.pair(QCoreApplication::translate("Receipt", "Growth value"),
                   QStringLiteral("%1%2 (%3)")
                       .arg(r.member->growth > 0 ? QStringLiteral("+") : QString())
                       .arg(r.member->growth)
                       .arg(r.member->growthAfter));
            if (r.member->pointsPaid != 0)
                t.pair(QCoreApplication::translate("Receipt", "Points used"), QString::number(r.member->pointsPaid));
            t.pair(QCoreApplication::translate("Receipt", "Points earned"),
                   QStringLiteral("%1%2").arg(r.member->pointsEarned > 0 ? QStringLiteral("+") : QString()).arg(r.member->pointsEarned));
            t.pair(QCoreApplication::translate("Receipt", "Points balance"), QString::number(r.member->pointsAfter));
            if (r.member->levelChanged())
                t.line(QCoreApplication::translate("Receipt", "Level: %1 -> %2")
                           .arg(r.member->levelBefore, r.member->levelAfter));
        }
        for (const Receipt::CountCardLine &card : r.countCards) {
            t.line(card.card);
            t.line(QStringLiteral("  ") + card.state);
        }
        for (const Receipt::IssuedCoupon &c : r.couponsIssued) {
            t.line(QCoreApplication::translate("Receipt", "New coupon: %1").arg(c.name));
            t.line(QStringLiteral("  ") + QCoreApplication::translate("Receipt", "Code %1").arg(c.code));
            t.line(QStringLiteral("  ") + c.terms);
            if (c.lastDay.isValid())
                t.line(QStringLiteral("  ") + QCoreApplication::translate("Receipt", "Valid until %1")
                                                  .arg(c.lastDay.toString(Qt::ISODate)));
        }
    }
    t.rule();
    if (!r.footer.isEmpty())
        t.center(r.footer);
    if (printing.barcode)
        t.barcode(r.receiptNo); // a scanner types it into the refund window's receipt number
    if (!printing.qrCode.isEmpty())
        t.qrCode(printing.qrCode);
    if (printing.cut) {
        t.feed(3); // past the cutter
        t.cut();
    }
    return t;
}

Result<QList<ReceiptSummary>> ReceiptService::find(const ReceiptFilter &f)
{
    QStringList where;
    QVariantList binds;
    if (f.day.isValid()) {
        where << QStringLiteral("s.business_day = ?");
        binds << f.day.toString(QStringLiteral("yyyyMMdd"));
    }
    if (f.amount) {
        where << QStringLiteral("ABS(s.total_fen) = ?");
        binds << std::llabs(f.amount->fen());
    }
    if (const QString m = f.member.trimmed(); !m.isEmpty()) {
        where << QStringLiteral("(INSTR(m.phone, ?) > 0 OR INSTR(m.name, ?) > 0)");
        binds << m << m;
    }
    if (f.tender) {
        where << QStringLiteral("EXISTS (SELECT 1 FROM payments p WHERE p.sale_id = s.id AND p.tender = ?)");
        binds << f.tender->key();
    }
    binds << std::max(1, f.limit);
    const QString sql =
        QStringLiteral("SELECT s.receipt_no, s.kind, s.created_at_ms, s.total_fen, COALESCE(m.name, ''), "
                       "COALESCE(m.phone, ''), (SELECT GROUP_CONCAT(p.tender, ' ') FROM payments p WHERE "
                       "p.sale_id = s.id) FROM sales s LEFT JOIN members m ON m.id = s.member_id %1 "
                       "ORDER BY s.id DESC LIMIT ?")
            .arg(where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")));
    auto rows = m_db.statement(sql).select(binds);
    if (!rows)
        return rows.error();
    QList<ReceiptSummary> out;
    out.reserve(rows->size());
    for (const QVariantList &r : *rows) {
        ReceiptSummary s{r.at(0).toString(), r.at(1).toString(),        r.at(2).toLongLong(),
                         Money::fromFen(r.at(3).toLongLong()), r.at(4).toString(), r.at(5).toString(), {}};
        for (const QString &key : r.at(6).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (!s.tenders.contains(Tender::fromKey(key)))
                s.tenders << Tender::fromKey(key);
        out << s;
    }
    return out;
}

QStringList ReceiptService::recent(int limit)
{
    QStringList out;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT receipt_no FROM sales ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out << q.value(0).toString();
    return out;
}

} // namespace huike
