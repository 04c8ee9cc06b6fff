#pragma once

#include "core/money.h"

#include <QList>
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
};

struct OrderDiscount {
    qint64 permille = 1000; // whole-order rate (1000 = none)
    Money amount;           // or an amount off (减), applied when permille == 1000
};

// 抹零: the amount due is rounded down to the jiao or the yuan (a store setting).
enum class RoundingMode { None = 0, ToJiao = 1, ToYuan = 2 };

struct PricedLine {
    Money gross;         // list price x quantity (or the label amount)
    Money unitPrice;     // what one unit was charged before the order discount
    Money lineDiscount;  // gross - after line discount and price override
    Money orderDiscount; // this line's share of the order discount and of the 抹零
    Money amount;        // what the customer pays for the line
};

struct PricedOrder {
    QList<PricedLine> lines;
    Money subtotal; // sum of gross
    Money discount; // line discounts + order discount
    Money rounding; // 抹零
    Money total;    // subtotal - discount - rounding == sum of line amounts
};

// Pure and deterministic. Order discount and 抹零 are spread over the lines in proportion to
// their amounts (largest remainder), so line amounts always add up to the total exactly and a
// partial refund gives back exactly what its lines cost.
PricedOrder priceOrder(const QList<CartLine> &lines, const OrderDiscount &discount, RoundingMode rounding);

// Splits `total` over `weights` (non-negative) in proportion, exactly: the parts sum to total.
QList<qint64> allocateProportionally(qint64 total, const QList<qint64> &weights);

} // namespace huike
