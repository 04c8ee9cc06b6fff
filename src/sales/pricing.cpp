#include "pricing.h"

#include "counterinput.h"

#include <QCoreApplication>
#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace huike {

QList<qint64> allocateProportionally(qint64 total, const QList<qint64> &weights)
{
    QList<qint64> parts(weights.size(), 0);
    const qint64 sum = std::accumulate(weights.begin(), weights.end(), qint64(0));
    if (weights.isEmpty())
        return parts;
    if (sum <= 0) {
        parts[0] = total;
        return parts;
    }
    qint64 given = 0;
    QList<std::pair<qint64, int>> remainders; // (remainder, index)
    for (int i = 0; i < weights.size(); ++i) {
        const Int128 exact = static_cast<Int128>(total) * weights.at(i);
        parts[i] = static_cast<qint64>(exact / sum);
        given += parts[i];
        remainders.append({static_cast<qint64>(exact % sum), i});
    }
    // Hand the leftover fen to the largest remainders (ties: the earlier line), one each.
    // By size: for a negative total the remainders are negative and the largest is the most negative.
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return std::llabs(a.first) > std::llabs(b.first); });
    qint64 left = total - given;
    const qint64 step = left >= 0 ? 1 : -1;
    for (int k = 0; left != 0; k = (k + 1) % static_cast<int>(remainders.size())) {
        parts[remainders.at(k).second] += step;
        left -= step;
    }
    return parts;
}

QString adjustmentLabel(const QString &source)
{
    if (source == kAdjustPriceChange)
        return QCoreApplication::translate("Pricing", "Price change");
    if (source == kAdjustLineDiscount)
        return QCoreApplication::translate("Pricing", "Discount");
    if (source == kAdjustOrderDiscount)
        return QCoreApplication::translate("Pricing", "Order discount");
    if (source == kAdjustRounding)
        return QCoreApplication::translate("Pricing", "Rounding");
    if (source == kAdjustLevelPrice)
        return QCoreApplication::translate("Pricing", "Member price");
    if (source == kAdjustCountCard)
        return QCoreApplication::translate("Pricing", "Count card");
    if (source == kAdjustCoupon)
        return QCoreApplication::translate("Pricing", "Coupon");
    return source;
}

PricingState::PricingState(const QList<CartLine> &cart) : m_cart(cart)
{
    for (const CartLine &l : cart) {
        PricedLine p;
        p.gross = l.fixedAmount && !l.labelKeyed ? *l.fixedAmount : l.listPrice.timesMilli(l.quantityMilli);
        p.unitPrice = l.listPrice;
        p.amount = p.gross;
        m_order.subtotal += p.gross;
        m_order.lines.append(p);
    }
}

Money PricingState::lineAmount(int i) const
{
    return m_order.lines.at(i).amount;
}

Money PricingState::due() const
{
    Money due;
    for (const PricedLine &p : m_order.lines)
        due += p.amount;
    return due;
}

void PricingState::adjustLine(int i, Adjustment a)
{
    if (a.amount.isZero())
        return;
    PricedLine &p = m_order.lines[i];
    a.orderLevel = false;
    p.amount -= a.amount;
    p.lineDiscount += a.amount;
    p.adjustments.append(std::move(a));
}

void PricingState::adjustOrder(Adjustment a)
{
    adjustOrder(std::move(a), QList<bool>(m_order.lines.size(), true));
}

void PricingState::adjustOrder(Adjustment a, const QList<bool> &eligible)
{
    if (a.amount.isZero() || m_order.lines.isEmpty())
        return;
    QList<qint64> weights;
    for (int i = 0; i < m_order.lines.size(); ++i)
        weights.append(eligible.value(i) ? std::max<qint64>(m_order.lines.at(i).amount.fen(), 0) : 0);
    const QList<qint64> shares = allocateProportionally(a.amount.fen(), weights);
    a.orderLevel = true;
    for (int i = 0; i < m_order.lines.size(); ++i) {
        if (shares.at(i) == 0)
            continue;
        Adjustment share = a;
        share.amount = Money::fromFen(shares.at(i));
        PricedLine &p = m_order.lines[i];
        p.amount -= share.amount;
        p.orderDiscount += share.amount;
        p.adjustments.append(std::move(share));
    }
    m_order.orderAdjustments.append(std::move(a));
}

PricedOrder PricingState::finish() &&
{
    for (const PricedLine &p : m_order.lines) {
        m_order.total += p.amount;
        for (const Adjustment &a : p.adjustments)
            (a.source == kAdjustRounding ? m_order.rounding : m_order.discount) += a.amount;
    }
    return std::move(m_order);
}

namespace {

// 计次卡: a covered line is the card's, at the list price; whether the card may cover it (the
// member's, the service, uses left, valid today) is checked when the sale commits.
void countCardStep(PricingState &s, const PricingInput &)
{
    for (int i = 0; i < s.size(); ++i)
        if (const qint64 card = s.cart().at(i).countCardId; card > 0)
            s.adjustLine(i, Adjustment{kAdjustCountCard, QString::number(card), s.lineAmount(i), false, false});
}

// 会员价: the level's discount on every line whose price the cashier has not set by hand (a changed
// price or a label typed in is the price the customer is charged, member or not). Rule-made, so
// the cashier's discount limit applies on top of it, not to it.
void levelPriceStep(PricingState &s, const PricingInput &in)
{
    const qint64 permille = in.member.discountPermille;
    if (in.member.memberId <= 0 || permille >= 1000 || permille <= 0)
        return;
    for (int i = 0; i < s.size(); ++i) {
        const CartLine &l = s.cart().at(i);
        if (l.priceOverride || l.labelKeyed)
            continue;
        const Money before = s.lineAmount(i);
        s.adjustLine(i, Adjustment{kAdjustLevelPrice, in.member.levelName + QLatin1Char(' ') + formatZhe(permille) +
                                                          QStringLiteral("折"),
                                   before - before.timesPermille(permille), false, false});
    }
}

// 改价: the cashier's unit price instead of the list price. A scanned scale label carries its own
// amount; one typed in by hand is the cashier's price for the line.
void priceChangeStep(PricingState &s, const PricingInput &)
{
    for (int i = 0; i < s.size(); ++i) {
        const CartLine &l = s.cart().at(i);
        if (l.countCardId > 0)
            continue;
        if (l.fixedAmount && l.labelKeyed) {
            s.adjustLine(i, Adjustment{kAdjustPriceChange, QStringLiteral("label ") + l.fixedAmount->toString(),
                                       s.lineAmount(i) - *l.fixedAmount, true, false});
            continue;
        }
        if (l.fixedAmount || !l.priceOverride)
            continue;
        s.adjustLine(i, Adjustment{kAdjustPriceChange, l.priceOverride->toString(),
                                   s.lineAmount(i) - l.priceOverride->timesMilli(l.quantityMilli), true, false});
    }
}

void lineDiscountStep(PricingState &s, const PricingInput &in)
{
    for (int i = 0; i < s.size(); ++i) {
        const CartLine &l = s.cart().at(i);
        Money unit = l.fixedAmount ? l.listPrice : l.priceOverride.value_or(l.listPrice);
        if (!l.priceOverride && !l.labelKeyed && in.member.memberId > 0 && in.member.discountPermille < 1000)
            unit = unit.timesPermille(in.member.discountPermille);
        s.setUnitPrice(i, unit.timesPermille(l.discountPermille));
        if (l.discountPermille == 1000)
            continue;
        const Money before = s.lineAmount(i);
        s.adjustLine(i, Adjustment{kAdjustLineDiscount, formatZhe(l.discountPermille) + QStringLiteral("折"),
                                   before - before.timesPermille(l.discountPermille), true, false});
    }
}

void orderDiscountStep(PricingState &s, const PricingInput &in)
{
    const Money due = s.due();
    const OrderDiscount &d = in.orderDiscount;
    if (d.permille != 1000)
        s.adjustOrder(Adjustment{kAdjustOrderDiscount, formatZhe(d.permille) + QStringLiteral("折"),
                                 due - due.timesPermille(d.permille), true, true});
    else if (d.amount.fen() > 0)
        s.adjustOrder(Adjustment{kAdjustOrderDiscount, QLatin1Char('-') + d.amount.toString(),
                                 Money::fromFen(std::clamp(d.amount.fen(), qint64(0), std::max<qint64>(due.fen(), 0))),
                                 true, true});
}

QList<bool> couponLines(const PricingState &s, const CouponSpec &c)
{
    QList<bool> out;
    for (int i = 0; i < s.size(); ++i) {
        const CartLine &l = s.cart().at(i);
        out.append(l.countCardId == 0 && (c.eligibleProducts.isEmpty() || c.eligibleProducts.contains(l.productId)));
    }
    return out;
}

// 优惠券: each coupon on what its lines come to now. One whose minimum spend is not reached takes
// nothing (the coupon service refuses it before the sale: this only keeps the sums honest).
void couponStep(PricingState &s, const PricingInput &in)
{
    for (const CouponSpec &c : in.coupons) {
        const QList<bool> eligible = couponLines(s, c);
        const Money base = couponBase(s, c);
        if (base.fen() <= 0 || base < c.minSpend)
            continue;
        if (c.kind == QLatin1String("gift")) {
            // One unit of the gift product, free: the first line of it.
            for (int i = 0; i < s.size(); ++i) {
                const CartLine &l = s.cart().at(i);
                if (!eligible.at(i) || l.productId != c.giftProductId || l.quantityMilli < 1000 || l.weighed)
                    continue;
                const Money line = s.lineAmount(i);
                s.adjustLine(i, Adjustment{kAdjustCoupon, c.code, std::min(line, line.share(1000, l.quantityMilli)),
                                           false, false});
                break;
            }
            continue;
        }
        const Money off = c.kind == QLatin1String("discount") ? base - base.timesPermille(c.permille)
                                                             : std::min(c.value, base);
        s.adjustOrder(Adjustment{kAdjustCoupon, c.code, off, false, true}, eligible);
    }
}

// 抹零: the store's rule, not the cashier's.
void roundingStep(PricingState &s, const PricingInput &in)
{
    const qint64 due = s.due().fen();
    qint64 off = 0;
    if (due > 0 && in.rounding == RoundingMode::ToJiao)
        off = due % 10;
    else if (due > 0 && in.rounding == RoundingMode::ToYuan)
        off = due % 100;
    s.adjustOrder(Adjustment{kAdjustRounding, in.rounding == RoundingMode::ToYuan ? QStringLiteral("yuan")
                                                                                  : QStringLiteral("jiao"),
                             Money::fromFen(off), false, true});
}

} // namespace

const QList<PricingStep> &counterPipeline()
{
    static const QList<PricingStep> steps = {countCardStep,     levelPriceStep, priceChangeStep, lineDiscountStep,
                                             orderDiscountStep, couponStep,     roundingStep};
    return steps;
}

PricedOrder price(const QList<CartLine> &lines, const PricingInput &input, const QList<PricingStep> &steps)
{
    PricingState state(lines);
    for (PricingStep step : steps)
        step(state, input);
    return std::move(state).finish();
}

PricedOrder priceOrder(const QList<CartLine> &lines, const OrderDiscount &discount, RoundingMode rounding,
                       const MemberPrice &member, const QList<CouponSpec> &coupons)
{
    return price(lines, PricingInput{discount, rounding, member, coupons});
}

Money adjustedBy(const PricedOrder &order, const QString &source, const QString &reference)
{
    Money off;
    for (const PricedLine &l : order.lines)
        for (const Adjustment &a : l.adjustments)
            if (a.source == source && a.reference == reference)
                off += a.amount;
    return off;
}

Money couponBase(const PricingState &state, const CouponSpec &coupon)
{
    const QList<bool> eligible = couponLines(state, coupon);
    Money base;
    for (int i = 0; i < state.size(); ++i)
        if (eligible.at(i))
            base += state.lineAmount(i);
    return base;
}

} // namespace huike
