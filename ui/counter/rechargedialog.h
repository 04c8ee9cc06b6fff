#pragma once

#include "members/members.h"
#include "members/storedvalue.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace huike::ui {

class AppSession;

// 充值 at the till (Ctrl+R): the member's stored value now, the shop's bonus tiers as keys (充500送50
// is one key press), any other amount typed; F1 cash, F2 bank card, F3 WeChat, F4 Alipay take it
// (WeChat and Alipay with the customer's payment code). The bonus the amount earns shows as it is
// typed. Above the shop's limit a manager approves (大额充值授权). Enter records the recharge as
// its own receipt; nothing is recorded before.
class RechargeDialog : public QDialog {
    Q_OBJECT
public:
    RechargeDialog(AppSession &session, const Member &member, QWidget *parent = nullptr);

    // What was recorded, on Accept.
    const RechargeResult &result() const { return m_result; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void selectTender(Tender t);
    void refresh();
    void commit();

    AppSession &m_session;
    Member m_member;
    RechargeBonusRules m_bonus;
    QString m_uuid; // one recharge however often Enter is pressed
    Tender m_tender = Tender::Cash;
    QLineEdit *m_amount;
    QLineEdit *m_reference;
    QLabel *m_preview;
    QLabel *m_message;
    QList<QPushButton *> m_tenderButtons;
    RechargeResult m_result;
};

} // namespace huike::ui
