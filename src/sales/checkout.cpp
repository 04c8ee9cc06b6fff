#include "checkout.h"

#include "counterinput.h"
#include "heldorders.h"
#include "members/countcards.h"
#include "members/coupons.h"
#include "members/earnings.h"
#include "members/storedvalue.h"
#include "store/database.h"
#include "store/settings.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <cstdlib>

namespace huike {

CartLine cartLineFor(const Product &product, qint64 quantityMilli, const QString &barcode)
{
    CartLine line;
    line.productId = product.id;
    line.barcode = product.barcodes.contains(barcode) ? barcode : product.barcodes.value(0);
    line.name = product.name;
    line.unit = product.unit;
    line.weighed = product.weighed;
    line.listPrice = product.price;
    line.quantityMilli = quantityMilli;
    return line;
}

Status checkTenderInput(const TenderInput &t)
{
    if (t.amount.fen() <= 0)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Checkout", "A payment must be more than zero."));
    if (t.amount.fen() > kMaxAmountFen)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Checkout", "A payment above %1 is not taken: check the amount.")
                             .arg(Money::fromFen(kMaxAmountFen).display()));
    const TenderKind *kind = tenderKind(t.tender);
    if (!kind)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Checkout", "This till cannot take payments of kind %1.")
                             .arg(t.tender.key()));
    if (const QString problem = referenceProblem(*kind, t.reference); !problem.isEmpty())
        return makeError(ErrorCode::Invalid, problem);
    return Ok{};
}

Result<QList<DocumentPayment>> settlePayments(Money total, const QList<TenderInput> &tenders)
{
    Money exact;                  // tenders charged exactly (cards, wallets)
    Money changeGiving;           // tenders handed over, with change (cash)
    std::optional<Tender> change; // the kind the change is given in
    QList<DocumentPayment> out;
    for (const TenderInput &t : tenders) {
        if (auto st = checkTenderInput(t); !st)
            return st.error();
        const TenderKind *kind = tenderKind(t.tender);
        if (kind->givesChange) {
            if (change && !(*change == t.tender))
                return makeError(ErrorCode::Invalid,
                                 QCoreApplication::translate("Checkout",
                                                             "Change can be given in one tender only."));
            change = t.tender;
            changeGiving += t.amount;
            continue;
        }
        exact += t.amount;
        out.append(DocumentPayment{t.tender, t.amount, t.amount, Money(), normalizedReference(*kind, t.reference)});
    }
    if (exact > total)
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate(
                "Checkout",
                "Card, WeChat and Alipay payments (%1) exceed the total %2: no change can be given on them.")
                .arg(exact.display(), total.display()));
    const Money paid = exact + changeGiving;
    if (paid < total)
        return makeError(
            ErrorCode::InsufficientFunds,
            QCoreApplication::translate("Checkout", "Payments %1 do not cover the total %2 (%3 short).")
                .arg(paid.display(), total.display(), (total - paid).display()));
    if (change) {
        const Money given = paid - total;
        if (given > kMaxChange)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Checkout",
                                                         "Change of %1 is more than %2: check the cash "
                                                         "amount (was a barcode scanned into it?).")
                                 .arg(given.display(), kMaxChange.display()));
        out.append(DocumentPayment{*change, changeGiving - given, changeGiving, given, QString()});
    }
    return out;
}

CheckoutService::CheckoutService(Database &db, const Clock &clock, const ShopTime &time, StoreContext store,
                                 Settings &settings)
    : m_db(db), m_clock(clock), m_time(time), m_store(std::move(store)), m_settings(settings)
{
}

RoundingMode CheckoutService::roundingMode() const
{
    const qint64 v = m_settings.integer(Settings::kRoundingMode, 0);
    return v == 1 ? RoundingMode::ToJiao : v == 2 ? RoundingMode::ToYuan : RoundingMode::None;
}

PricedOrder CheckoutService::quote(const QList<CartLine> &lines, const OrderDiscount &discount,
                                   const MemberPrice &member, const QList<CouponSpec> &coupons) const
{
    return priceOrder(lines, discount, roundingMode(), member, coupons);
}

Result<QList<CouponSpec>> CheckoutService::coupons(const QStringList &codes, const QList<CartLine> &lines,
                                                   const OrderDiscount &discount, const MemberPrice &member) const
{
    if (codes.isEmpty())
        return QList<CouponSpec>{};
    return couponsForCart(m_db, codes, lines, PricingInput{discount, roundingMode(), member, {}}, m_clock.nowMs());
}

bool CheckoutService::needsManager(const QList<CartLine> &lines, const OrderDiscount &discount,
                                   const MemberPrice &member) const
{
    const qint64 limit = m_settings.integer(Settings::kCashierDiscountLimit, 900);
    for (const CartLine &l : lines) {
        // A changed price always needs a manager, up or down: it is how prices leak at a till.
        if ((l.priceOverride && *l.priceOverride != l.listPrice) || l.labelKeyed)
            return true;
    }
    // The limit holds for what the customer finally pays, line and order discounts together (9折 on
    // a line and 9折 on the order is 8.1折), for the whole order and for each line. 抹零 is the
    // store's rule, not the cashier's. Each line's amount is rounded to the fen (half a fen) and
    // its share of an order discount may carry one more fen: that much is rounding, not discount.
    // Only manual adjustments count: what rule-made ones (a level price, a coupon) took off is the
    // base the cashier's limit applies to.
    const PricedOrder priced = priceOrder(lines, discount, RoundingMode::None, member);
    Int128 base = 0;
    Int128 paid = 0;
    for (const PricedLine &p : priced.lines) {
        qint64 lineBase = p.gross.fen();
        for (const Adjustment &a : p.adjustments)
            if (!a.manual)
                lineBase -= a.amount.fen();
        base += lineBase;
        paid += p.amount.fen();
        if (lineBase > 0 && Int128(p.amount.fen()) * 1000 + 1500 < Int128(limit) * lineBase)
            return true;
    }
    if (base > 0 && paid * 1000 + 500 * Int128(priced.lines.size()) < Int128(limit) * base)
        return true;
    return false;
}

ApprovalScope discountApprovalScope(const QString &uuid, const QList<CartLine> &lines, const OrderDiscount &discount,
                                    const MemberPrice &member)
{
    // Every manual change counts by its size, a price raised as much as one lowered: the amount
    // binds the approval to what the manager saw.
    const PricedOrder priced = priceOrder(lines, discount, RoundingMode::None, member);
    // A label typed by hand counts by the amount it charges.
    qint64 manual = 0;
    for (int i = 0; i < priced.lines.size(); ++i) {
        const PricedLine &p = priced.lines.at(i);
        if (lines.at(i).labelKeyed)
            manual += p.amount.fen();
        for (const Adjustment &a : p.adjustments)
            if (a.manual)
                manual += std::llabs(a.amount.fen());
    }
    return ApprovalScope{kApproveDiscount, uuid, Money::fromFen(manual)};
}

Result<SaleResult> CheckoutService::commit(const CheckoutRequest &request)
{
    if (request.uuid.isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Checkout", "A sale needs its id."));
    if (request.lines.isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Checkout", "The cart is empty."));
    for (const CartLine &l : request.lines) {
        if (l.quantityMilli <= 0)
            return makeError(ErrorCode::Invalid, QCoreApplication::translate(
                                                     "Checkout", "%1: the quantity must be more than zero.")
                                                     .arg(l.name));
        if (l.discountPermille < 0 || l.discountPermille > 1000)
            return makeError(ErrorCode::Invalid, QCoreApplication::translate(
                                                     "Checkout", "%1: a discount must be between 0 and 10折.")
                                                     .arg(l.name));
        if (l.listPrice.isNegative() || (l.priceOverride && l.priceOverride->isNegative()) ||
            (l.fixedAmount && l.fixedAmount->isNegative()))
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate("Checkout", "%1: a price cannot be negative.").arg(l.name));
        // Ceilings (core/money.h): a slip, not a sale.
        if (l.quantityMilli > kMaxQuantityMilli || l.listPrice.fen() > kMaxUnitPriceFen ||
            (l.priceOverride && l.priceOverride->fen() > kMaxUnitPriceFen) ||
            (l.fixedAmount && l.fixedAmount->fen() > kMaxUnitPriceFen))
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Checkout",
                                                         "%1: at most %2 a line and %3 a unit; check the "
                                                         "quantity and the price.")
                                 .arg(l.name, formatQuantity(kMaxQuantityMilli),
                                      Money::fromFen(kMaxUnitPriceFen).display()));
    }
    if (request.orderDiscount.permille < 0 || request.orderDiscount.permille > 1000)
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate("Checkout", "An order discount must be between 0 and 10折."));

    // Coupons are checked here for the price, and used under the write lock below (two tills with
    // the same coupon: the second finds it used).
    auto couponSpecs = coupons(request.coupons, request.lines, request.orderDiscount, request.member);
    if (!couponSpecs)
        return couponSpecs.error();
    const PricedOrder priced = quote(request.lines, request.orderDiscount, request.member, *couponSpecs);
    auto payments = settlePayments(priced.total, request.tenders);
    if (!payments)
        return payments.error();
    for (const DocumentPayment &p : *payments)
        if (const TenderKind *kind = tenderKind(p.tender); kind && kind->needsMember && request.member.memberId <= 0)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Checkout", "%1 can only be paid with a member attached.")
                                 .arg(tenderLabel(p.tender)));

    // The member's PIN before the write lock: Argon2 takes a moment, and a wrong one is counted.
    const bool storedPays = std::any_of(payments->cbegin(), payments->cend(),
                                        [](const DocumentPayment &p) { return p.tender == Tender::Stored; });
    if (storedPays)
        if (auto st = checkMemberPin(m_db, request.member.memberId, request.memberPin); !st)
            return st.error();

    Document doc;
    doc.uuid = request.uuid;
    doc.kind = QStringLiteral("sale");
    doc.shiftId = request.shiftId;
    doc.operatorId = request.operatorId;
    doc.memberId = request.member.memberId;
    doc.subtotal = priced.subtotal;
    doc.discount = priced.discount;
    doc.rounding = priced.rounding;
    doc.total = priced.total;
    doc.payments = *payments;
    for (int i = 0; i < request.lines.size(); ++i) {
        const CartLine &c = request.lines.at(i);
        const PricedLine &p = priced.lines.at(i);
        doc.lines.append(DocumentLine{c.productId, c.barcode,     c.name,          c.quantityMilli,
                                      c.listPrice, p.unitPrice,   p.lineDiscount,  p.orderDiscount,
                                      p.amount,    0,             p.gross,         p.adjustments,
                                      {}});
    }

    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    auto existing = findDocumentByUuid(m_db, request.uuid);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing; // the first attempt committed: report it, record nothing new
    if (auto st = requireOpenShift(m_db, m_store, request.shiftId, request.operatorId); !st)
        return st.error();
    // The cart's prices came from the screen: each must still be the catalog's, and the product
    // still on sale (a held order recalled after a price change, another till editing the price).
    for (const CartLine &l : request.lines) {
        auto rows =
            m_db.statement(QStringLiteral("SELECT price_fen, active FROM products WHERE id = ?")).select({l.productId});
        if (!rows)
            return rows.error();
        const bool found = !rows->isEmpty();
        const Money price = found ? Money::fromFen(rows->first().at(0).toLongLong()) : Money();
        const bool active = found && rows->first().at(1).toBool();
        if (!found)
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("Checkout", "Product %1 no longer exists.").arg(l.name));
        if (!active)
            return makeError(
                ErrorCode::Conflict,
                QCoreApplication::translate("Checkout", "%1 is no longer sold: remove it from the cart.")
                    .arg(l.name));
        if (!l.fixedAmount && price != l.listPrice)
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Checkout",
                                                         "The price of %1 changed to %2 since it was "
                                                         "scanned: remove it and scan it again.")
                                 .arg(l.name, price.display()));
    }
    // The member as stored now: the cart's level price must still be theirs, and their card usable.
    if (request.member.memberId > 0) {
        auto current = memberPrice(m_db, request.member.memberId);
        if (!current)
            return current.error();
        if (current->levelId != request.member.levelId || current->discountPermille != request.member.discountPermille)
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Checkout",
                                                         "The member's level is now %1 (%2): attach the member "
                                                         "again to price the sale at it.")
                                 .arg(current->levelName, formatZhe(current->discountPermille) + QStringLiteral("折")));
    }
    const qint64 now = m_clock.nowMs();
    std::optional<UsedApproval> approval;
    const ApprovalScope scope = discountApprovalScope(request.uuid, request.lines, request.orderDiscount, request.member);
    if (needsManager(request.lines, request.orderDiscount, request.member)) {
        if (request.approvalToken.isEmpty())
            return makeError(ErrorCode::Denied,
                             QCoreApplication::translate("Checkout",
                                                         "This sale has a price change, a scale label typed by "
                                                         "hand or a discount beyond the cashier's limit: a "
                                                         "manager's PIN is needed."));
        auto used = consumeApproval(m_db, now, request.approvalToken, scope);
        if (!used)
            return used.error();
        approval = *used;
        doc.authorizedBy = used->managerId;
    }
    auto written = writeDocument(m_db, m_store, m_time, now, doc);
    if (!written)
        return written;
    if (request.member.memberId > 0) {
        auto earned = recordSaleEarnings(m_db, LedgerContext{m_store.storeId, written->saleId, request.operatorId, now, &m_time},
                                         request.member.memberId);
        if (!earned)
            return earned.error();
    }
    if (auto st = useCoupons(m_db, LedgerContext{m_store.storeId, written->saleId, request.operatorId, now, &m_time},
                             request.member.memberId, request.coupons, priced.total);
        !st)
        return st.error();
    // Cards sold become the member's; lines a card covers take their uses off it.
    if (auto st = recordCountCards(m_db, LedgerContext{m_store.storeId, written->saleId, request.operatorId, now, &m_time},
                                   request.member.memberId);
        !st)
        return st.error();
    if (auto st = markHeldOrderSold(m_db, request.uuid, now); !st)
        return st.error();
    if (auto st = settleTakenPayments(m_db, request.uuid, request.tenders, written->saleId, now); !st)
        return st.error();
    if (approval) {
        if (auto st = linkApproval(m_db, *approval, written->saleId); !st)
            return st.error();
        if (auto st = writeAudit(m_db, now, request.operatorId, approval->managerId,
                                 QStringLiteral("sale.discount"), written->receiptNo, request.adjustmentReason,
                                 // What the manager approved: every manual change by its size,
                                 // and how much of the sale's discount that came to.
                                 QStringLiteral("manual pricing %1, discount %2")
                                     .arg(scope.amount.toString(), priced.discount.toString()));
            !st)
            return st.error();
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return written;
}

} // namespace huike
