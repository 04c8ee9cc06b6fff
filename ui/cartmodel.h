#pragma once

#include "sales/pricing.h"

#include <QAbstractTableModel>

namespace huike::ui {

// The cart on the cashier screen. Holds the lines the cashier built; every amount shown is
// computed by the engine's pricing, never by the view.
class CartModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Index, Barcode, Name, Quantity, UnitPrice, Discount, Amount, ColumnCount };

    explicit CartModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRounding(RoundingMode mode);
    // Scanning the same (non-weighed, undiscounted) item again adds to its line. Returns the row.
    int addLine(const CartLine &line);
    void removeLine(int row);
    void setQuantity(int row, qint64 quantityMilli);
    void setLineDiscount(int row, qint64 permille);
    void setPriceOverride(int row, std::optional<Money> price);
    void setOrderDiscount(const OrderDiscount &d);
    void setLines(const QList<CartLine> &lines, const OrderDiscount &d);
    void clear();

    const QList<CartLine> &lines() const { return m_lines; }
    const CartLine &line(int row) const { return m_lines.at(row); }
    const OrderDiscount &orderDiscount() const { return m_orderDiscount; }
    const PricedOrder &priced() const { return m_priced; }
    bool isEmpty() const { return m_lines.isEmpty(); }
    qint64 itemCountMilli() const;

Q_SIGNALS:
    void totalsChanged();

private:
    void reprice();

    QList<CartLine> m_lines;
    OrderDiscount m_orderDiscount;
    RoundingMode m_rounding = RoundingMode::None;
    PricedOrder m_priced;
};

} // namespace huike::ui
