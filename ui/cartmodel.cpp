#include "cartmodel.h"

#include <QBrush>
#include <QColor>

namespace huike::ui {

CartModel::CartModel(QObject *parent) : QAbstractTableModel(parent) {}

int CartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int CartModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CartModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const CartLine &l = m_lines.at(index.row());
    const PricedLine &p = m_priced.lines.at(index.row());
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
            if (l.discountPermille != 1000)
                s = tr("%1折").arg(QString::number(static_cast<double>(l.discountPermille) / 100.0, 'g', 3));
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
    if (role == Qt::ForegroundRole && index.column() == UnitPrice && l.priceOverride)
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
    m_rounding = mode;
    reprice();
    if (!m_lines.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int CartModel::addLine(const CartLine &line)
{
    if (!line.weighed && !line.fixedAmount) {
        for (int i = 0; i < m_lines.size(); ++i) {
            CartLine &l = m_lines[i];
            if (l.productId == line.productId && !l.weighed && !l.fixedAmount && !l.priceOverride &&
                l.discountPermille == 1000 && l.listPrice == line.listPrice) {
                l.quantityMilli += line.quantityMilli;
                reprice();
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
                return i;
            }
        }
    }
    const int row = static_cast<int>(m_lines.size());
    beginInsertRows({}, row, row);
    m_lines.append(line);
    reprice();
    endInsertRows();
    if (row > 0)
        Q_EMIT dataChanged(index(0, 0), index(row - 1, ColumnCount - 1)); // order-discount shares move
    return row;
}

void CartModel::removeLine(int row)
{
    if (row < 0 || row >= m_lines.size())
        return;
    beginRemoveRows({}, row, row);
    m_lines.removeAt(row);
    reprice();
    endRemoveRows();
    if (!m_lines.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CartModel::setQuantity(int row, qint64 quantityMilli)
{
    if (row < 0 || row >= m_lines.size() || quantityMilli <= 0)
        return;
    m_lines[row].quantityMilli = quantityMilli;
    m_lines[row].fixedAmount.reset(); // a scale label's amount no longer holds for a new quantity
    reprice();
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CartModel::setLineDiscount(int row, qint64 permille)
{
    if (row < 0 || row >= m_lines.size())
        return;
    m_lines[row].discountPermille = permille;
    reprice();
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CartModel::setPriceOverride(int row, std::optional<Money> price)
{
    if (row < 0 || row >= m_lines.size())
        return;
    m_lines[row].priceOverride = price;
    m_lines[row].fixedAmount.reset();
    reprice();
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CartModel::setOrderDiscount(const OrderDiscount &d)
{
    m_orderDiscount = d;
    reprice();
    if (!m_lines.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CartModel::setLines(const QList<CartLine> &lines, const OrderDiscount &d)
{
    beginResetModel();
    m_lines = lines;
    m_orderDiscount = d;
    reprice();
    endResetModel();
}

void CartModel::clear()
{
    setLines({}, OrderDiscount{});
}

qint64 CartModel::itemCountMilli() const
{
    qint64 n = 0;
    for (const CartLine &l : m_lines)
        n += l.weighed ? 1000 : l.quantityMilli;
    return n;
}

void CartModel::reprice()
{
    m_priced = priceOrder(m_lines, m_orderDiscount, m_rounding);
    Q_EMIT totalsChanged();
}

} // namespace huike::ui
