#pragma once

#include "operators/operators.h"

#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;

namespace huike::ui {

class AppSession;

// A manager's code and PIN on the spot, for a refund, a void or a discount beyond the cashier's
// limit. A manager who is logged in approves by being there.
class ManagerAuthDialog : public QDialog {
    Q_OBJECT
public:
    ManagerAuthDialog(AppSession &session, const QString &why, QWidget *parent = nullptr);
    static std::optional<Operator> ask(AppSession &session, const QString &why, QWidget *parent);
    const Operator &manager() const { return m_manager; }

private:
    void tryAuthorize();

    AppSession &m_session;
    QLineEdit *m_code;
    QLineEdit *m_pin;
    QLabel *m_message;
    Operator m_manager;
};

} // namespace huike::ui
