#pragma once

#include "core/money.h"

#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace huike {

// One line of a cart, as the cashier built it. Prices are never taken from the screen at
// checkout: the pricing below recomputes every amount from these inputs.
struct CartLine {
    qint64 productId = 0;
    QString barcode;
    QString name;
    QString unit;
    bool weighed = false;
    qint64 quantityMilli = 1000;
    Money listPrice;                    // the catalog price when scanned
    std::optional<Money> priceOverride; // a manual unit price (改价)
    qint64 discountPermille = 1000;     // line discount: 1000 = none, 900 = 9折
    std::optional<Money> fixedAmount;   // a price-embedded scale label: charged exactly
    // The scale label was typed in, not scanned: its weight or amount is the cashier's word, so
    // it counts as a price change (priced from the list price, then a price_change adjustment to
    // the label's amount) and needs a manager's approval like one.
    bool labelKeyed = false;
    // 计次卡: the member's count card with this id covers the line, one use per unit (whole units
    // only). The line is then charged nothing: the card was paid for when it was sold.
    qint64 countCardId = 0;

    friend bool operator==(const CartLine &, const CartLine &) = default;
};

struct OrderDiscount {
    qint64 permille = 1000; // whole-order rate (1000 = none)
    Money amount;           // or an amount off (减), applied when permille == 1000
};

// 抹零: the amount due is rounded down to the jiao or the yuan (a store setting).
enum class RoundingMode { None = 0, ToJiao = 1, ToYuan = 2 };

// Where a fen between a line's gross (list price x quantity, or a scale label's amount) and what
// the customer pays went. Sources are open keys, like tender kinds: the counter makes the four
// below; the members issue adds "level_price", "special_price", "coupon" and "points" as new
// pipeline steps without changing this shape. Each is stored with the sale (sale_adjustments).
inline const QString kAdjustPriceChange = QStringLiteral("price_change"); // 改价
inline const QString kAdjustLineDiscount = QStringLiteral("line_discount");
inline const QString kAdjustOrderDiscount = QStringLiteral("order_discount");
inline const QString kAdjustRounding = QStringLiteral("rounding"); // 抹零
inline const QString kAdjustLevelPrice = QStringLiteral("level_price"); // 会员价: the member's level discount
inline const QString kAdjustCountCard = QStringLiteral("countcard"); // 计次卡: reference "card id"; one use per unit
inline const QString kAdjustCoupon = QStringLiteral("coupon"); // 优惠券: reference the coupon's code

// What a receipt and a report call an adjustment's source ("改价", "整单折扣", "抹零"); a source
// this build does not know yet (from a newer till) is shown by its key.
QString adjustmentLabel(const QString &source);

struct Adjustment {
    QString source;
    QString reference;  // what it came from: "8.5折", "-20.00", a new price, later a coupon code
    Money amount;       // taken off the line: positive makes it cheaper, negative dearer (a price raised)
    bool manual = false;     // the cashier's own decision: the manager limit applies to these only
    bool orderLevel = false; // this line's share of an adjustment to the whole order

    friend bool operator==(const Adjustment &, const Adjustment &) = default;
};

struct PricedLine {
    Money gross;         // list price x quantity (or the label amount)
    Money unitPrice;     // what one unit was charged before the order discount
    Money lineDiscount;  // the line's own adjustments (price change, line discount)
    Money orderDiscount; // this line's share of the order's adjustments (order discount, 抹零)
    Money amount;        // what the customer pays for the line: gross - every adjustment
    QList<Adjustment> adjustments; // in pipeline order
};

struct PricedOrder {
    QList<PricedLine> lines;
    QList<Adjustment> orderAdjustments; // each order-level adjustment whole, in pipeline order
    Money subtotal; // sum of gross
    Money discount; // every adjustment but 抹零
    Money rounding; // 抹零
    Money total;    // subtotal - discount - rounding == sum of line amounts
};

// The pricing pipeline: the gross of each line, then steps that each add adjustments. A step
// sees the lines as priced so far. Order-level adjustments are spread over the lines in proportion
// to their amounts at that point (largest remainder), so line amounts always add up to the total
// exactly and a refund can give back exactly what its lines got.
class PricingState {
public:
    explicit PricingState(const QList<CartLine> &cart);

    const QList<CartLine> &cart() const { return m_cart; }
    int size() const { return static_cast<int>(m_cart.size()); }
    Money lineAmount(int i) const;
    Money due() const;
    void adjustLine(int i, Adjustment a);
    void adjustOrder(Adjustment a);
    // The same, spread over the lines `eligible` says only (its size is the cart's).
    void adjustOrder(Adjustment a, const QList<bool> &eligible);
    PricedOrder finish() &&;
    // Kept by the line-discount step for the receipt's unit price.
    void setUnitPrice(int i, Money unit) { m_order.lines[i].unitPrice = unit; }

private:
    const QList<CartLine> &m_cart;
    PricedOrder m_order;
};

// The member a cart is rung up for, as pricing needs them: their level and its discount. The
// level is the one the member had when attached; the sale that lifts them to the next level is
// still priced at the old one (the new level holds from the next sale).
struct MemberPrice {
    qint64 memberId = 0;
    qint64 levelId = 0;
    QString levelName;
    qint64 discountPermille = 1000; // 950 = 95折; 1000 = none (and no member)

    friend bool operator==(const MemberPrice &, const MemberPrice &) = default;
};

// A coupon on the cart, as pricing needs it: its terms as issued (members/coupons.h checks that it
// may be used). Cash (满100减20): `value` off the eligible lines; discount (8.5折): `permille` of
// them; gift: one unit of `giftProductId` free. Eligible lines are those whose product is in
// `eligibleProducts` (empty: every line); a count card's lines are never eligible (they cost nothing).
struct CouponSpec {
    QString code;
    QString kind; // "cash", "discount" or "gift"
    Money value;
    qint64 permille = 1000;
    qint64 giftProductId = 0;
    Money minSpend; // the eligible lines must come to at least this, before the coupon
    QSet<qint64> eligibleProducts;
    qint64 memberId = 0; // whose coupon it is (0: anyone's): it leaves a cart with its member
    QString name;        // its type's name (满100减20), as the cart shows it

    friend bool operator==(const CouponSpec &, const CouponSpec &) = default;
};

struct PricingInput {
    OrderDiscount orderDiscount;
    RoundingMode rounding = RoundingMode::None;
    MemberPrice member;
    QList<CouponSpec> coupons;
};

using PricingStep = void (*)(PricingState &state, const PricingInput &input);

// The counter's steps in order: count card, level price, price change, line discount, order
// discount, coupons, 抹零. A line a count card covers is taken off whole first, so no other step
// touches it. Coupons apply to what the order comes to after its discount, in the order given.
// Rule-made steps (level and special prices) go before the manual ones, coupons and points after
// the order discount.
const QList<PricingStep> &counterPipeline();

PricedOrder price(const QList<CartLine> &lines, const PricingInput &input,
                  const QList<PricingStep> &steps = counterPipeline());

// Pure and deterministic: the counter pipeline. `member`: the default is a sale without a member.
PricedOrder priceOrder(const QList<CartLine> &lines, const OrderDiscount &discount, RoundingMode rounding,
                       const MemberPrice &member = {}, const QList<CouponSpec> &coupons = {});

// What the adjustments of `source` with `reference` took off the order, over every line (a coupon's
// saving: source kAdjustCoupon, its code).
Money adjustedBy(const PricedOrder &order, const QString &source, const QString &reference);

// What the coupon's eligible lines come to at this point of the pipeline (its minimum spend is
// checked against it), and whether any line is eligible at all.
Money couponBase(const PricingState &state, const CouponSpec &coupon);

// Splits `total` over `weights` (non-negative) in proportion, exactly: the parts sum to total.
QList<qint64> allocateProportionally(qint64 total, const QList<qint64> &weights);

} // namespace huike
