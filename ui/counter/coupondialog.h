#pragma once

#include "members/coupons.h"
#include "sales/cart.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace huike::ui {

class AppSession;

// 优惠券 at the till (Ctrl+K): the coupons on this sale, ticked, and the attached member's other
// usable ones; Space ticks or unticks the one selected, a code scanned or typed into the field
// adds it ticked. Enter checks the ticked ones together against the cart (minimum spends, one
// per order, the member's own) and, when they pass, they are the sale's coupons.
class CouponDialog : public QDialog {
    Q_OBJECT
public:
    CouponDialog(AppSession &session, const Cart &cart, QWidget *parent = nullptr);

    // On Accept: the coupons for the cart, checked, in the order they were ticked.
    const QList<CouponSpec> &chosen() const { return m_chosen; }
    QLineEdit *codeField() const { return m_code; }
    QTableWidget *table() const { return m_table; }
    QLabel *message() const { return m_message; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Row {
        Coupon coupon;
        bool ticked = false;
    };
    void addTyped();
    void toggleSelected();
    void apply();
    void fill();

    AppSession &m_session;
    const Cart &m_cart;
    QLineEdit *m_code;
    QTableWidget *m_table;
    QLabel *m_message;
    QList<Row> m_rows;
    QStringList m_tickOrder; // codes, in the order they were ticked (the pipeline applies them so)
    QList<CouponSpec> m_chosen;
};

} // namespace huike::ui
