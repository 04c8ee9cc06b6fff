#pragma once

#include "members/history.h"
#include "members/members.h"

#include <QDialog>
#include <QMap>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace huike::ui {

class AppSession;
class MemberForm;

// 会员详情, opened from the member list (Enter or a double click): the member's profile to edit
// (资料), their account (level and the way to the next, points, stored value) with the card
// operations (挂失, 锁定, 解锁, 补卡, 储值转赠, 重置支付密码, 积分调整), their count cards (延期) and coupons
// (发券, 作废), the classes 会员分析 puts them in, and every ledger's history with the purchases. Operations that move money or a
// card's standing take a manager's approval of exactly them; each one is audited by the engine.
class MemberDetailDialog : public QDialog {
    Q_OBJECT
public:
    MemberDetailDialog(AppSession &session, qint64 memberId, QWidget *parent = nullptr);

    const Member &member() const { return m_member; }
    MemberForm *form() const { return m_form; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *history(MemberLedger ledger) const { return m_history.value(ledger); }
    QTableWidget *countCards() const { return m_cards; }
    QTableWidget *coupons() const { return m_coupons; }
    QLabel *account() const { return m_account; }
    // 会员分析: the classes the member is in, from the latest snapshot (updated as it comes).
    QLabel *analysis() const { return m_analysis; }
    // Whether anything was changed (the list reads its rows again).
    bool changed() const { return m_changed; }

    // The actions behind the buttons, each asking what it needs (reason, amount, approval).
    bool saveProfile();
    void reportLost();
    void lock();
    void unlock();
    void replaceCard();
    void transferStored();
    void resetPin();
    void adjustPoints();
    void extendCountCard();
    void issueCoupon();
    void voidCoupon();

private:
    QWidget *accountPage();
    QWidget *cardsPage();
    QWidget *couponsPage();
    // Reads the member and every page again after a change.
    void reload();
    void showAnalysis();
    void said(const Status &st, const QString &done);

    AppSession &m_session;
    qint64 m_memberId;
    Member m_member;
    QLabel *m_title;
    QLabel *m_message;
    QTabWidget *m_tabs;
    MemberForm *m_form;
    QLabel *m_account;
    QLabel *m_photo = nullptr;
    QLabel *m_analysis = nullptr;
    QPushButton *m_unlock;
    QTableWidget *m_cards;
    QTableWidget *m_coupons;
    QMap<MemberLedger, QTableWidget *> m_history;
    bool m_changed = false;
};

} // namespace huike::ui
