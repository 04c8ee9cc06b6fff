#include "cartmodel.h"

#include <QBrush>
#include <QColor>
#include <algorithm>

namespace huike::ui {

CartModel::CartModel(QObject *parent) : QAbstractTableModel(parent) {}

int CartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_cart.size();
}

int CartModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CartModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cart.size())
        return {};
    const CartLine &l = m_cart.line(index.row());
    const PricedLine &p = m_cart.priced().lines.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Index:
            return index.row() + 1;
        case Barcode:
            return l.barcode;
        case Name:
            return l.name;
        case Quantity:
            return formatQuantity(l.quantityMilli) +
                   (l.unit.isEmpty() ? QString() : QLatin1Char(' ') + l.unit);
        case UnitPrice:
            return (l.priceOverride ? *l.priceOverride : l.listPrice).toString();
        case Discount: {
            QString s;
            // The member's level price is said as such: the customer asks why the line is cheaper.
            if (std::any_of(p.adjustments.begin(), p.adjustments.end(),
                            [](const Adjustment &a) { return a.source == kAdjustLevelPrice; }))
                s = tr("Member");
            if (l.countCardId > 0) // paid by the card, not discounted: the customer sees which
                s = tr("Count card");
            if (l.discountPermille != 1000)
                s += (s.isEmpty() ? QString() : QStringLiteral(" ")) +
                     tr("%1折").arg(QString::number(static_cast<double>(l.discountPermille) / 100.0, 'g', 3));
            const Money off = p.lineDiscount + p.orderDiscount;
            if (off.fen() != 0)
                s += (s.isEmpty() ? QString() : QStringLiteral(" ")) + (-off).toString();
            return s;
        }
        case Amount:
            return p.amount.toString();
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Name || index.column() == Barcode)
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ForegroundRole && index.column() == UnitPrice && (l.priceOverride || l.labelKeyed))
        return QBrush(QColor(0xb3, 0x26, 0x1e));
    return {};
}

QVariant CartModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Index:
        return tr("#");
    case Barcode:
        return tr("Barcode");
    case Name:
        return tr("Product");
    case Quantity:
        return tr("Qty");
    case UnitPrice:
        return tr("Price");
    case Discount:
        return tr("Discount");
    case Amount:
        return tr("Amount");
    default:
        return {};
    }
}

void CartModel::setRounding(RoundingMode mode)
{
    m_cart.setRounding(mode);
    (void)refreshed(Ok{});
}

Status CartModel::refreshed(Status st)
{
    if (st && !m_cart.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT totalsChanged();
    if (st)
        Q_EMIT contentChanged();
    return st;
}

void CartModel::addPayment(const TakenPayment &payment)
{
    m_cart.addPayment(payment);
    Q_EMIT totalsChanged();
}

void CartModel::removePayment(qint64 paymentId)
{
    m_cart.removePayment(paymentId);
    Q_EMIT totalsChanged();
}

int CartModel::addLine(const CartLine &line)
{
    if (m_cart.mergeRow(line) >= 0) {
        const int row = m_cart.addLine(line);
        (void)refreshed(Ok{});
        return row;
    }
    const int row = m_cart.size();
    beginInsertRows({}, row, row);
    m_cart.addLine(line);
    endInsertRows();
    (void)refreshed(Ok{});
    return row;
}

Status CartModel::removeLine(int row)
{
    if (auto st = m_cart.checkRow(row); !st)
        return st;
    beginRemoveRows({}, row, row);
    const Status removed = m_cart.removeLine(row);
    endRemoveRows();
    return refreshed(removed);
}

Status CartModel::setQuantity(int row, qint64 quantityMilli)
{
    return refreshed(m_cart.setQuantity(row, quantityMilli));
}

Status CartModel::setLineDiscount(int row, qint64 permille)
{
    return refreshed(m_cart.setLineDiscount(row, permille));
}

Status CartModel::setPriceOverride(int row, std::optional<Money> price)
{
    return refreshed(m_cart.setPriceOverride(row, price));
}

Status CartModel::setOrderDiscount(const OrderDiscount &d)
{
    return refreshed(m_cart.setOrderDiscount(d));
}

void CartModel::setMember(const MemberPrice &member)
{
    m_cart.setMember(member);
    static_cast<void>(refreshed(Ok{})); // attaching cannot fail: memberPrice() checked the card
}

Result<int> CartModel::useCountCard(const CountCard &card, qint64 nowMs, const ShopTime &time)
{
    beginResetModel(); // a line may split in two
    auto covered = m_cart.useCountCard(card, nowMs, time);
    endResetModel();
    (void)refreshed(covered ? Status(Ok{}) : Status(covered.error()));
    return covered;
}

Status CartModel::setCoupons(const QList<CouponSpec> &coupons)
{
    if (coupons == m_cart.coupons())
        return Ok{}; // nothing changed: no refresh (the cashier screen re-checks coupons on every change)
    return refreshed(m_cart.setCoupons(coupons));
}

void CartModel::reset(Cart cart)
{
    beginResetModel();
    m_cart = std::move(cart);
    endResetModel();
    Q_EMIT totalsChanged();
}

void CartModel::clear()
{
    Cart fresh(m_cart.rounding());
    reset(std::move(fresh));
}

} // namespace huike::ui
