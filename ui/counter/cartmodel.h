#pragma once

#include "sales/cart.h"

#include <QAbstractTableModel>

namespace huike::ui {

// The cart on the cashier screen: shows the engine's Cart and passes the cashier's changes to it.
// Every rule (merging a rescanned item, prices, shares of an order discount) is the Cart's.
class CartModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Index, Barcode, Name, Quantity, UnitPrice, Discount, Amount, ColumnCount };

    explicit CartModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const Cart &cart() const { return m_cart; }
    const CartLine &line(int row) const { return m_cart.line(row); }
    const PricedOrder &priced() const { return m_cart.priced(); }
    bool isEmpty() const { return m_cart.isEmpty(); }

    // Each passes the change to the Cart; the engine's refusal comes back as the Status.
    int addLine(const CartLine &line);
    Status removeLine(int row);
    Status setQuantity(int row, qint64 quantityMilli);
    Status setLineDiscount(int row, qint64 permille);
    Status setPriceOverride(int row, std::optional<Money> price);
    Status setOrderDiscount(const OrderDiscount &d);
    void setRounding(RoundingMode mode);
    // Attaches a member (priced at their level) or, with {}, takes them off.
    void setMember(const MemberPrice &member);
    void setMemberPin(const QString &pin) { m_cart.setMemberPin(pin); }
    // The member's count card on the lines of its service (lines may split): uses covered.
    Result<int> useCountCard(const CountCard &card, qint64 nowMs, const ShopTime &time);
    // The cart's coupons, as CheckoutService::coupons checked them.
    Status setCoupons(const QList<CouponSpec> &coupons);
    void setApproval(const QString &token, const ApprovalScope &scope, const QString &reason)
    {
        m_cart.setApproval(token, scope, reason);
    }
    // Payments taken (PaymentService records them first); the totals show what is paid.
    void addPayment(const TakenPayment &payment);
    void removePayment(qint64 paymentId);
    // A whole new cart (a recalled order, or an empty one after a sale).
    void reset(Cart cart);
    void clear();

Q_SIGNALS:
    void totalsChanged();
    // The cashier changed what is sold (a line, a quantity, a discount), not who paid for it.
    void contentChanged();

private:
    // Any change can move every line's share of the order discount: all rows are refreshed.
    Status refreshed(Status st);

    Cart m_cart;
};

} // namespace huike::ui
