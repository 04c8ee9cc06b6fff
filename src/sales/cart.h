#pragma once

#include "members/countcards.h"

#include "checkout.h"
#include "heldorders.h"
#include "pricing.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace huike {

class Catalog;
class Database;

// The sale being rung up at a till, as the engine keeps it: its lines, member, order discount,
// the sale's id and the manager's approval of its manual adjustments. The screen shows a Cart and
// asks it to change; it never prices or merges lines itself, so the GUI, huike-cli and a later
// chain server build the same sale from the same steps.
class Cart {
public:
    explicit Cart(RoundingMode rounding = RoundingMode::None);

    const QString &uuid() const { return m_uuid; }
    const QList<CartLine> &lines() const { return m_lines; }
    const CartLine &line(int row) const { return m_lines.at(row); }
    int size() const { return static_cast<int>(m_lines.size()); }
    bool isEmpty() const { return m_lines.isEmpty(); }
    const OrderDiscount &orderDiscount() const { return m_orderDiscount; }
    qint64 memberId() const { return m_member.memberId; }
    // The member attached and the level price the cart is priced at (none: memberId 0).
    const MemberPrice &member() const { return m_member; }
    RoundingMode rounding() const { return m_rounding; }
    const PricedOrder &priced() const { return m_priced; }
    // Items for the "n items" display: a weighed line is one item whatever it weighs.
    qint64 itemCountMilli() const;
    // True when a copy of this cart is stored (it came back from 取单, or a payment was taken for
    // it): clearing it cancels that copy.
    bool recalled() const { return m_recalled; }

    // The row `line` would be added to by addLine(), or -1 for a new row at the end.
    int mergeRow(const CartLine &line) const;
    // Scanning the same (non-weighed, unchanged) item again adds to its line. Returns the row.
    int addLine(const CartLine &line);
    // NotFound unless 0 <= row < size().
    Status checkRow(int row) const;
    Status removeLine(int row);
    // A new quantity also drops a scale label's amount, which held for the label's weight only.
    Status setQuantity(int row, qint64 quantityMilli);
    Status setLineDiscount(int row, qint64 permille);
    // 改价; std::nullopt or the list price puts the list price back.
    Status setPriceOverride(int row, std::optional<Money> price);
    Status setOrderDiscount(const OrderDiscount &discount);
    // Attaches the member (memberPrice() says whether their card may be used), or with {} takes
    // them off: every line is priced again at their level. Their count cards and own coupons go
    // with them; coupons for anyone stay.
    void setMember(const MemberPrice &member);
    // The member's payment PIN, typed when stored value was taken (kept in memory only, for the
    // commit; another member or a new cart forgets it).
    void setMemberPin(const QString &pin) { m_memberPin = pin; }
    const QString &memberPin() const { return m_memberPin; }
    void setRounding(RoundingMode mode);
    // 计次卡: `card` covers the cart's lines of its service (applyCountCard). Before any payment is
    // taken only: it changes what is due. Taking the member off uncovers the lines again.
    Result<int> useCountCard(const CountCard &card, qint64 nowMs, const ShopTime &time);
    // 优惠券 on this sale, with their terms as CheckoutService::coupons checked them for this cart
    // (the caller checks; the commit checks again under the write lock, so a coupon used at another
    // till meanwhile is refused there). The cart is priced with them from then on: one whose minimum
    // spend the cart no longer reaches takes nothing off until it does again.
    const QList<CouponSpec> &coupons() const { return m_coupons; }
    QStringList couponCodes() const;
    // Before any payment is taken only: it changes what is due.
    Status setCoupons(const QList<CouponSpec> &coupons);
    // A fresh, empty cart with a new sale id. The caller first makes sure no payment is taken
    // (hasPayments()): those are given back by PaymentService::reverse, never just dropped.
    void clear();

    // Payments taken for this cart and not given back (PaymentService records them first).
    const QList<TakenPayment> &payments() const { return m_payments; }
    bool hasPayments() const { return !m_payments.isEmpty(); }
    Money paid() const { return sumOf(m_payments); }
    // A payment taken is recorded with a copy of the cart, which from then on is kept (see recalled()).
    void addPayment(const TakenPayment &payment);
    void removePayment(qint64 paymentId);

    // The manager's approval of this cart's manual adjustments (discountApprovalScope) and why
    // they were given. The token is returned only while those adjustments are still the ones
    // approved: a changed discount or price is no longer what the manager saw, but a plain line
    // scanned afterwards leaves the approval standing.
    QString approvalToken() const;
    void setApproval(const QString &token, const ApprovalScope &scope, const QString &reason);
    const QString &adjustmentReason() const { return m_adjustmentReason; }
    ApprovalScope approvalScope() const;
    // An amount off the order (减 ¥20) larger than what the lines come to is refused, not capped:
    // the cashier hears that it is too large. Lines removed later can make it so again: checked
    // again before payment.
    Status checkOrderDiscount(const OrderDiscount &discount) const;

    // What is held (挂单) and what a sale is committed from.
    RecalledOrder heldOrder() const;
    CheckoutRequest checkoutRequest(qint64 operatorId, qint64 shiftId, const QList<TenderInput> &tenders) const;
    // The sale paid by the payments taken for it.
    CheckoutRequest checkoutRequest(qint64 operatorId, qint64 shiftId) const;

    // 取单: the held order as a cart again, re-priced against today's catalog. Goods taken off sale
    // since are left out and changed prices taken, each said in `changes` for the cashier.
    // The member is attached again at their level of today; a member whose card was since reported
    // lost or locked is left off, and that said too. Each coupon is checked again at `nowMs`, in
    // the order it was added: one used, expired or no longer reached since is left off and said.
    static Cart recall(const RecalledOrder &order, Catalog &catalog, Database &db, RoundingMode rounding,
                       qint64 nowMs, QStringList *changes);

private:
    void changed();

    QString m_uuid;
    QList<CartLine> m_lines;
    OrderDiscount m_orderDiscount;
    MemberPrice m_member;
    QList<CouponSpec> m_coupons;
    QString m_memberPin;
    RoundingMode m_rounding = RoundingMode::None;
    PricedOrder m_priced;
    QString m_approvalToken;
    ApprovalScope m_approvedScope;
    QString m_adjustmentReason;
    QList<TakenPayment> m_payments;
    bool m_recalled = false;
};

} // namespace huike
