#pragma once

#include "members/gifts.h"
#include "members/members.h"

#include <QDialog>

class QLabel;
class QSpinBox;
class QTableWidget;

namespace huike::ui {

class AppSession;

// 积分兑换 (Ctrl+G): the gifts on offer with their points and stock, and the member's points; Enter
// gives the one selected (the quantity in the box) for the member's points, through the engine.
class GiftDialog : public QDialog {
    Q_OBJECT
public:
    GiftDialog(AppSession &session, const Member &member, QWidget *parent = nullptr);
    const GiftRedemption &redemption() const { return m_done; }
    QTableWidget *table() const { return m_table; }
    QSpinBox *quantity() const { return m_quantity; }
    QLabel *message() const { return m_message; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void redeem();

    AppSession &m_session;
    Member m_member;
    QList<Gift> m_gifts;
    QTableWidget *m_table;
    QSpinBox *m_quantity;
    QLabel *m_message;
    GiftRedemption m_done;
};

} // namespace huike::ui
