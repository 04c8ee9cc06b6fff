#pragma once

#include "display/customerdisplay.h"

#include "catalog/catalog.h"
#include "counter/cartmodel.h"
#include "members/members.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace huike::ui {

class AppSession;

// 收银: the counter. Scans land in the cart from anywhere (see ScannerFilter); every action has a
// key, shown on its button; a sale is "done" only when the engine has committed it.
class CashierWidget : public QWidget {
    Q_OBJECT
public:
    explicit CashierWidget(AppSession &session, QWidget *parent = nullptr);

    CartModel &cart() { return m_cart; }
    QLineEdit *searchField() const { return m_search; }
    const QString &lastReceiptNo() const { return m_lastReceipt; }
    QString message() const;
    // Holds the cart as it is, under `label`, without asking (quitting holds it so). True when
    // the cart is empty afterwards; otherwise the message says why.
    bool holdCart(const QString &label);
    // After a login: a sale this till was taking payments for when it stopped (a crash, a power
    // cut, quitting) comes back to the cart with its payments, if the cart is empty.
    void resumePaidCart();

public Q_SLOTS:
    void addScanned(const QString &code);
    // A card swiped on the till's card reader: its member attached, or, for a card no member has,
    // the reason said and 登记 offered with the card filled in.
    void swipedCard(const QString &card);
    // The member on the sale (from an incoming call's card).
    void attachMemberById(qint64 memberId);
    void focusSearch();

Q_SIGNALS:
    void closeShiftRequested();
    // What the customer should see now (the customer display, the second monitor).
    void customerSees(const huike::DisplayShow &show);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The line the cashier is on and the total, or the shop's welcome on an empty cart.
    void tellCustomer();
    void submitSearch();
    // Adds `product` with the quantity a scale label, a "3*" multiplier or (weighed goods) the
    // cashier's answer gives. False when the cashier backed out of the weight. `typed`: the code
    // came from the keyboard, not the scanner.
    bool addProductWithQuantity(const Product &product, const QString &code, std::optional<qint64> multiplier,
                                const ScanMatch *match, bool typed);
    void addProduct(const CartLine &line);
    int currentRow() const;
    void selectRow(int row);
    void changeQuantity();
    // True when `quantityMilli` of `line` may go on the cart: at or below the setting's bound, or
    // the cashier said yes when asked (the message names the item and both numbers).
    bool confirmQuantity(const CartLine &line, qint64 quantityMilli);
    qint64 confirmQuantityBound() const; // units; 0: never asks
    void bumpQuantity(int delta);
    void lineDiscount();
    void priceOverride();
    void orderDiscount();
    // True when the cart's manual adjustments need no manager, or a manager has approved them as
    // they are now (asking for the reason and the PIN if not).
    bool approveAdjustments();
    void removeLine();
    void clearCart();
    void holdOrder();
    void recallOrder();
    // 取单 of held order `heldId` into the (empty) cart, re-priced; what changed goes to `changes`.
    bool recallIntoCart(qint64 heldId, QStringList *changes);
    void checkout();
    // 会员 (Ctrl+M): find and attach a member, or register one; with a member attached, the same
    // key offers to take them off. `typed`: what the dialog's search starts with.
    void attachMember(const QString &typed = {});
    // A scanned code that is no product but a member's card attaches that member.
    bool attachScannedCard(const QString &code);
    // 优惠券 (Ctrl+K): the sale's coupons and the member's usable ones, to tick.
    void coupons();
    // A coupon's code scanned or typed: it goes on the sale (attaching its member first if it is a
    // member's own and none is attached). False when no coupon has the code (it may be a product).
    bool useCouponCode(const QString &code);
    // After every change to the cart: its coupons are checked again (a category coupon takes the
    // new lines of its goods; a minimum spend no longer reached is said).
    void recheckCoupons();
    // True when the cart's coupons pass as the sale will check them; otherwise the message says why.
    bool couponsPass();
    Money couponsOff() const;
    void showMember();
    // 充值 (Ctrl+R): the attached member's stored value, or a member picked first.
    void recharge();
    // 积分兑换 (Ctrl+G): a gift for the attached member's points, or a member picked first.
    void redeemGift();
    // The member attached, or one picked in the member dialog (titled `title`); nullopt: none.
    std::optional<Member> memberForAction(const QString &title);
    void refund();
    void voidLast();
    void showReceipts();
    // Ctrl+P: the last receipt again (重印); Ctrl+D: the drawer with no sale (a manager, audited).
    void reprintLast();
    void openDrawer();
    void showHelp();
    void updateTotals();
    // The member's usable count cards and coupons for the member panel ("" when none).
    QString countCardsLine(qint64 memberId) const;
    QString couponsLine(qint64 memberId) const;
    // The member's tags (VIP, 敏感肌) and notes, for the cashier to see at a glance.
    QString tagsLine(qint64 memberId) const;
    void keepPaidCart();
    void setMessage(const QString &text, bool error);
    // Shows the engine's refusal, if any; true when the change was made.
    bool report(const Status &st);

    AppSession &m_session;
    CartModel m_cart;
    QString m_lastReceipt;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_total;
    QLabel *m_itemCount;
    QLabel *m_subtotal;
    QLabel *m_discount;
    QLabel *m_rounding;
    QLabel *m_paid;
    QLabel *m_coupons; // the coupons on this sale and what each takes off
    QLabel *m_lastSale;
    QLabel *m_member;
    qint64 m_memberShown = -1; // whose details m_member shows (read again when the cart's member changes)
    QLabel *m_message;
};

} // namespace huike::ui
