#pragma once

#include "catalog/catalog.h"
#include "core/clock.h"
#include "document.h"
#include "operators/approvals.h"
#include "pricing.h"
#include "tender.h"

namespace huike {

class Database;
class Settings;

struct CheckoutRequest {
    QString uuid; // made when the cart was started: a retry or double click records one sale
    qint64 operatorId = 0;
    QString approvalToken; // a manager's approval of this cart's price changes and big discounts
    QString adjustmentReason; // why they were given, as told the manager (kept in the audit)
    qint64 shiftId = 0;
    // The member and the level the cart was priced at; checked against the member as stored when
    // the sale commits (a card reported lost meanwhile, a level changed by another till).
    MemberPrice member;
    QString memberPin; // the member's payment PIN, when stored value pays and they set one
    QList<CartLine> lines;
    OrderDiscount orderDiscount;
    QList<TenderInput> tenders;
    QStringList coupons; // codes typed or scanned (members/coupons.h); each is used by this sale
};

// A cart line for `product` at its catalog price (the scanned `barcode`, or its main one).
CartLine cartLineFor(const Product &product, qint64 quantityMilli = 1000, const QString &barcode = {});

// What a manager approves when a cart needs one: this cart (its uuid) with these manual
// adjustments, counted by their sizes (a price raised as much as one lowered, a label typed by hand
// by what it charges). Changing them afterwards needs a new approval (so does a line added under a
// 折 order discount, which then takes off more); a line added at its list price otherwise does not.
ApprovalScope discountApprovalScope(const QString &uuid, const QList<CartLine> &lines, const OrderDiscount &discount,
                                    const MemberPrice &member);

// More change than this is a typing (or scanning) slip in the cash amount, not a customer.
inline constexpr Money kMaxChange = Money::fromYuan(1000);

// One tender on its own: more than zero, under the ceiling, a kind this program takes, and the
// reference that kind needs.
Status checkTenderInput(const TenderInput &tender);

// Turns tender inputs into what is recorded: non-cash exactly as charged, all cash as one
// payment with its change. Payments then add up to the total exactly.
Result<QList<DocumentPayment>> settlePayments(Money total, const QList<TenderInput> &tenders);

// Rings up a sale: prices it again from the cart, checks the tenders and commits receipt, lines,
// payments and stock in one BEGIN IMMEDIATE transaction. Only after COMMIT returns does it say done.
class CheckoutService {
public:
    CheckoutService(Database &db, const Clock &clock, const ShopTime &time, StoreContext store,
                    Settings &settings);

    RoundingMode roundingMode() const;
    // `member`: the level price of the member attached, or none ({}).
    PricedOrder quote(const QList<CartLine> &lines, const OrderDiscount &discount, const MemberPrice &member,
                      const QList<CouponSpec> &coupons = {}) const;
    // The coupons of a cart, checked and as pricing takes them (couponsForCart).
    Result<QList<CouponSpec>> coupons(const QStringList &codes, const QList<CartLine> &lines,
                                      const OrderDiscount &discount, const MemberPrice &member) const;
    // True when a price was changed, or a line or the order is discounted beyond what a cashier
    // may give alone (on top of the member's level price, which is the shop's rule).
    bool needsManager(const QList<CartLine> &lines, const OrderDiscount &discount, const MemberPrice &member) const;
    // What the manager then approves is discountApprovalScope() of the cart.
    Result<SaleResult> commit(const CheckoutRequest &request);

    const StoreContext &store() const { return m_store; }

private:
    Database &m_db;
    const Clock &m_clock;
    const ShopTime &m_time;
    StoreContext m_store;
    Settings &m_settings;
};

} // namespace huike
