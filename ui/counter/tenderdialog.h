#pragma once

#include "members/countcards.h"
#include "members/points.h"
#include "members/storedvalue.h"

#include "sales/payments.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;
class QTableWidget;
class QPushButton;

namespace huike::ui {

class AppSession;
class CartModel;

// 结账: take one tender or a mix. F1 cash, F2 bank card, F3 WeChat, F4 Alipay, and with a member
// F5 points and F6 stored value (behind the member's PIN if they set one) pick the tender (the
// chosen one is highlighted), and F7 puts the member's count cards on the units they cover; the amount starts at what is still due; Enter takes it (WeChat and
// Alipay then ask for the payment reference).
//
// A payment is recorded the moment it is taken, with the cart (PaymentService), and belongs to the
// cart from then on: Esc goes back to the cart with the payments kept, a restart finds them again,
// and Del gives one back only as a recorded reversal (with a reason, and a manager's PIN for money
// that went out through a wallet or a card). Once the payments cover the total the window shows
// the change large and waits for Enter, so the cashier has read it before the sale is done.
class TenderDialog : public QDialog {
    Q_OBJECT
public:
    TenderDialog(AppSession &session, CartModel &cart, QWidget *parent = nullptr);

    // True once the payments cover the total and the sale can be committed.
    bool covered() const { return m_covered; }
    Money change() const { return m_change; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectTender(Tender t);
    // 计次卡: the member's usable cards (soonest to expire first) on the cart's lines they cover.
    void useCountCards();
    QList<CountCard> memberCards() const;
    void takePayment();
    void giveBack();
    void finish();
    void refresh();
    Money total() const;
    const QList<TakenPayment> &payments() const;

    AppSession &m_session;
    CartModel &m_cart;
    Tender m_current = Tender::Cash;
    bool m_covered = false;
    Money m_change;
    QLabel *m_due;
    QLabel *m_status;
    QLabel *m_changeLabel;
    QLabel *m_message;
    QLabel *m_amountLabel;
    QLineEdit *m_amount;
    QLineEdit *m_reference;
    QLabel *m_referenceLabel;
    QTableWidget *m_table;
    QPushButton *m_ok;
    QList<QPushButton *> m_tenderButtons;
    QPushButton *m_countCardButton = nullptr;
    // 积分抵现: with a member attached, how many points they can use and the programme's rate and cap.
    PointsRules m_pointsRules;
    qint64 m_memberPoints = 0;
    qint64 pointsTaken() const; // points payments already taken for this cart
    // The most points this payment may take: what the member has, what the cap and what is due allow.
    qint64 pointsAllowed() const;
    // 储值: the member's stored value, and what of it this payment may take.
    Money m_memberStored;
    bool m_memberHasPin = false;
    Money storedAllowed() const;
    // Before stored value is taken: the member types their PIN, checked at once (false: refused,
    // and the message says why).
    bool memberPinOk();
};

} // namespace huike::ui
