#include "pricing.h"

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

PricedOrder priceOrder(const QList<CartLine> &lines, const OrderDiscount &discount, RoundingMode rounding)
{
    PricedOrder out;
    QList<qint64> afterLine;
    for (const CartLine &l : lines) {
        PricedLine p;
        if (l.fixedAmount) {
            p.gross = *l.fixedAmount;
            p.unitPrice = l.listPrice;
            p.lineDiscount = Money::fromFen(p.gross.fen() - p.gross.timesPermille(l.discountPermille).fen());
        } else {
            p.gross = l.listPrice.timesMilli(l.quantityMilli);
            const Money unit = l.priceOverride.value_or(l.listPrice);
            const Money charged = unit.timesMilli(l.quantityMilli).timesPermille(l.discountPermille);
            p.unitPrice = unit.timesPermille(l.discountPermille);
            p.lineDiscount = p.gross - charged;
        }
        out.subtotal += p.gross;
        afterLine.append((p.gross - p.lineDiscount).fen());
        out.lines.append(p);
    }
    const qint64 sumAfterLine = std::accumulate(afterLine.begin(), afterLine.end(), qint64(0));
    qint64 orderOff = 0;
    if (discount.permille != 1000)
        orderOff = sumAfterLine - Money::fromFen(sumAfterLine).timesPermille(discount.permille).fen();
    else
        orderOff = std::clamp(discount.amount.fen(), qint64(0), std::max<qint64>(sumAfterLine, 0));
    const qint64 due = sumAfterLine - orderOff;
    qint64 roundOff = 0;
    if (due > 0 && rounding == RoundingMode::ToJiao)
        roundOff = due % 10;
    else if (due > 0 && rounding == RoundingMode::ToYuan)
        roundOff = due % 100;

    const QList<qint64> shares = allocateProportionally(orderOff + roundOff, afterLine);
    qint64 lineDiscounts = 0;
    for (int i = 0; i < out.lines.size(); ++i) {
        PricedLine &p = out.lines[i];
        p.orderDiscount = Money::fromFen(shares.at(i));
        p.amount = Money::fromFen(afterLine.at(i) - shares.at(i));
        lineDiscounts += p.lineDiscount.fen();
        out.total += p.amount;
    }
    out.discount = Money::fromFen(lineDiscounts + orderOff);
    out.rounding = Money::fromFen(roundOff);
    return out;
}

} // namespace huike
