#pragma once

#include "operators/operators.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace huike::ui {

class AppSession;

// One form for a new operator or an existing one: code (fixed once made), name, role, the PIN
// typed twice and masked, and whether the operator may still log in. The engine decides who may
// change what (OperatorService::create / update); the form shows its refusal and stays open.
class OperatorDialog : public QDialog {
    Q_OBJECT
public:
    // `existing`: edit that operator; nullopt: a new one.
    OperatorDialog(AppSession &session, std::optional<Operator> existing, QWidget *parent = nullptr);
    QString message() const;

private:
    void save();

    AppSession &m_session;
    std::optional<Operator> m_existing;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QComboBox *m_role;
    QLineEdit *m_pin;
    QLineEdit *m_pinAgain;
    QCheckBox *m_active;
    QLabel *m_message;
};

} // namespace huike::ui
