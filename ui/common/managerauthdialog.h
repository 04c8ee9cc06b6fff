#pragma once

#include "operators/approvals.h"

#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;

namespace huike::ui {

class AppSession;

// A manager's code and PIN on the spot, for a refund, a void or a discount beyond the cashier's
// limit. The engine turns them into an approval of exactly `scope`, which the document then uses.
// A manager who is logged in still types the PIN (the code is filled in): an unattended till
// must not approve anything.
class ManagerAuthDialog : public QDialog {
    Q_OBJECT
public:
    ManagerAuthDialog(AppSession &session, const QString &why, ApprovalScope scope, QWidget *parent = nullptr);
    static std::optional<Approval> ask(AppSession &session, const QString &why, const ApprovalScope &scope,
                                       QWidget *parent);
    const Approval &approval() const { return m_approval; }

private:
    void tryAuthorize();

    AppSession &m_session;
    QLineEdit *m_code;
    QLineEdit *m_pin;
    QLabel *m_message;
    ApprovalScope m_scope;
    Approval m_approval;
};

} // namespace huike::ui
