#pragma once

#include "operators/operators.h"

#include <QDialog>
#include <memory>

namespace Ui {
class LoginDialog;
}

namespace huike::ui {

class AppSession;

// Operator code + PIN. Enter in the code field moves to the PIN; Enter in the PIN logs in.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    explicit LoginDialog(AppSession &session, QWidget *parent = nullptr);
    ~LoginDialog() override;
    const Operator &loggedIn() const { return m_operator; }

private:
    void tryLogin();

    AppSession &m_session;
    std::unique_ptr<Ui::LoginDialog> m_ui;
    Operator m_operator;
};

} // namespace huike::ui
