#include "cart.h"

#include "catalog/catalog.h"
#include "core/uuid.h"
#include "members/coupons.h"
#include "members/earnings.h"

#include <QCoreApplication>

namespace huike {

Cart::Cart(RoundingMode rounding) : m_uuid(newUuid()), m_rounding(rounding)
{
    changed();
}

qint64 Cart::itemCountMilli() const
{
    qint64 n = 0;
    for (const CartLine &l : m_lines)
        n += l.weighed ? 1000 : l.quantityMilli;
    return n;
}

Status Cart::checkRow(int row) const
{
    if (row < 0 || row >= m_lines.size())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Cart", "There is no line %1 in the cart.").arg(row + 1));
    return Ok{};
}

void Cart::changed()
{
    m_priced = priceOrder(m_lines, m_orderDiscount, m_rounding, m_member, m_coupons);
}

QStringList Cart::couponCodes() const
{
    QStringList codes;
    for (const CouponSpec &c : m_coupons)
        codes << c.code;
    return codes;
}

Status Cart::setCoupons(const QList<CouponSpec> &coupons)
{
    if (coupons == m_coupons)
        return Ok{};
    if (hasPayments())
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Cart", "Payments are taken for this cart: change its coupons "
                                                             "before taking any payment."));
    m_coupons = coupons;
    changed();
    return Ok{};
}

QString Cart::approvalToken() const
{
    if (m_approvalToken.isEmpty() || !(approvalScope() == m_approvedScope))
        return {};
    return m_approvalToken;
}

void Cart::setApproval(const QString &token, const ApprovalScope &scope, const QString &reason)
{
    m_approvalToken = token;
    m_approvedScope = scope;
    m_adjustmentReason = reason;
}

ApprovalScope Cart::approvalScope() const
{
    return discountApprovalScope(m_uuid, m_lines, m_orderDiscount, m_member);
}

Status Cart::checkOrderDiscount(const OrderDiscount &discount) const
{
    if (discount.permille != 1000 || discount.amount.fen() <= 0)
        return Ok{};
    const Money due = priceOrder(m_lines, OrderDiscount{}, RoundingMode::None, m_member).total;
    if (discount.amount > due)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Cart", "%1 off is more than the cart comes to (%2): give at "
                                                             "most %2 off.")
                             .arg(discount.amount.display(), due.display()));
    return Ok{};
}

int Cart::mergeRow(const CartLine &line) const
{
    if (line.weighed || line.fixedAmount || line.labelKeyed || line.countCardId > 0)
        return -1;
    for (int i = 0; i < m_lines.size(); ++i) {
        const CartLine &l = m_lines.at(i);
        if (l.productId == line.productId && !l.weighed && !l.fixedAmount && !l.labelKeyed && !l.priceOverride &&
            l.discountPermille == 1000 && l.listPrice == line.listPrice && l.countCardId == 0)
            return i;
    }
    return -1;
}

int Cart::addLine(const CartLine &line)
{
    int row = mergeRow(line);
    if (row >= 0 && m_lines.at(row).quantityMilli + line.quantityMilli > kMaxQuantityMilli)
        row = -1; // a line never grows past the ceiling; the engine would refuse it at payment
    if (row >= 0) {
        m_lines[row].quantityMilli += line.quantityMilli;
    } else {
        m_lines.append(line);
        row = size() - 1;
    }
    changed();
    return row;
}

Status Cart::removeLine(int row)
{
    if (auto st = checkRow(row); !st)
        return st;
    m_lines.removeAt(row);
    changed();
    return Ok{};
}

Status Cart::setQuantity(int row, qint64 quantityMilli)
{
    if (auto st = checkRow(row); !st)
        return st;
    if (quantityMilli <= 0)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Cart", "The quantity must be more than zero."));
    if (quantityMilli > kMaxQuantityMilli)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Cart", "A line cannot hold more than %1.")
                                                 .arg(formatQuantity(kMaxQuantityMilli)));
    CartLine &l = m_lines[row];
    l.quantityMilli = quantityMilli;
    l.fixedAmount.reset();
    l.labelKeyed = false; // the weight is now the cashier's, asked and shown like any other
    changed();
    return Ok{};
}

Status Cart::setLineDiscount(int row, qint64 permille)
{
    if (auto st = checkRow(row); !st)
        return st;
    if (permille <= 0 || permille > 1000)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Cart", "A discount must be between 0 and 10折."));
    m_lines[row].discountPermille = permille;
    changed();
    return Ok{};
}

Status Cart::setPriceOverride(int row, std::optional<Money> price)
{
    if (auto st = checkRow(row); !st)
        return st;
    if (price && price->isNegative())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Cart", "A price cannot be negative."));
    if (price && price->fen() > kMaxUnitPriceFen)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Cart", "A price above %1 is not taken.")
                                                 .arg(Money::fromFen(kMaxUnitPriceFen).display()));
    CartLine &l = m_lines[row];
    l.priceOverride = price && *price != l.listPrice ? price : std::nullopt;
    l.fixedAmount.reset();
    l.labelKeyed = false;
    changed();
    return Ok{};
}

Status Cart::setOrderDiscount(const OrderDiscount &discount)
{
    if (discount.permille <= 0 || discount.permille > 1000 || discount.amount.isNegative())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Cart", "An order discount must be between 0 and 10折."));
    if (auto st = checkOrderDiscount(discount); !st)
        return st;
    m_orderDiscount = discount;
    changed();
    return Ok{};
}

Result<int> Cart::useCountCard(const CountCard &card, qint64 nowMs, const ShopTime &time)
{
    if (hasPayments())
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Cart", "Payments are taken for this cart: use the count card "
                                                             "before taking any payment."));
    if (card.memberId != m_member.memberId)
        return makeError(ErrorCode::Denied, QCoreApplication::translate("Cart", "The count card is not the attached member's."));
    auto covered = applyCountCard(m_lines, card, nowMs, time);
    if (covered)
        changed();
    return covered;
}

void Cart::setMember(const MemberPrice &member)
{
    if (member.memberId != m_member.memberId) {
        m_memberPin.clear();
        for (CartLine &l : m_lines) // the member's cards go with them
            l.countCardId = 0;
        m_coupons.removeIf([&](const CouponSpec &c) { return c.memberId > 0 && c.memberId != member.memberId; });
    }
    m_member = member;
    changed();
}

void Cart::setRounding(RoundingMode mode)
{
    if (mode == m_rounding)
        return;
    m_rounding = mode;
    changed();
}

void Cart::clear()
{
    *this = Cart(m_rounding);
}

RecalledOrder Cart::heldOrder() const
{
    return RecalledOrder{m_lines, m_orderDiscount, m_uuid, m_member.memberId, couponCodes(), m_payments};
}

void Cart::addPayment(const TakenPayment &payment)
{
    m_payments.append(payment);
    m_recalled = true;
}

void Cart::removePayment(qint64 paymentId)
{
    m_payments.removeIf([paymentId](const TakenPayment &p) { return p.id == paymentId; });
}

CheckoutRequest Cart::checkoutRequest(qint64 operatorId, qint64 shiftId) const
{
    return checkoutRequest(operatorId, shiftId, tenderInputs(m_payments));
}

CheckoutRequest Cart::checkoutRequest(qint64 operatorId, qint64 shiftId, const QList<TenderInput> &tenders) const
{
    CheckoutRequest r;
    r.uuid = m_uuid;
    r.operatorId = operatorId;
    r.approvalToken = approvalToken();
    r.adjustmentReason = m_adjustmentReason;
    r.shiftId = shiftId;
    r.member = m_member;
    r.memberPin = m_memberPin;
    r.lines = m_lines;
    r.orderDiscount = m_orderDiscount;
    r.tenders = tenders;
    r.coupons = couponCodes();
    return r;
}

Cart Cart::recall(const RecalledOrder &order, Catalog &catalog, Database &db, RoundingMode rounding,
                  qint64 nowMs, QStringList *changes)
{
    Cart cart(rounding);
    if (!order.uuid.isEmpty())
        cart.m_uuid = order.uuid; // the same sale: a retry after recall still records one
    cart.m_recalled = true;
    if (order.memberId > 0) {
        auto member = memberPrice(db, order.memberId);
        if (member)
            cart.m_member = *member;
        else if (changes)
            *changes << member.error().message;
    }
    cart.m_payments = order.payments;
    cart.m_orderDiscount = order.discount;
    for (CartLine l : order.lines) {
        auto p = catalog.byId(l.productId);
        if (!p || !p->active) {
            if (changes)
                *changes << QCoreApplication::translate("Cart", "%1 is no longer sold and was left out").arg(l.name);
            continue;
        }
        // A scale label's amount was printed at the old price and is charged as printed.
        if (!l.fixedAmount && p->price != l.listPrice) {
            if (changes)
                *changes << QCoreApplication::translate("Cart", "%1 now costs %2").arg(l.name, p->price.display());
            l.listPrice = p->price;
            if (l.priceOverride == l.listPrice)
                l.priceOverride.reset();
        }
        cart.m_lines << l;
    }
    // Coupons one at a time, each with those kept before it (one per order, minimum spends).
    QStringList kept;
    for (const QString &code : order.coupons) {
        auto specs = couponsForCart(db, kept + QStringList{code}, cart.m_lines,
                                    PricingInput{cart.m_orderDiscount, rounding, cart.m_member, {}}, nowMs);
        if (!specs) {
            if (changes)
                *changes << specs.error().message;
            continue;
        }
        kept << code;
        cart.m_coupons = *specs;
    }
    cart.changed();
    return cart;
}

} // namespace huike
