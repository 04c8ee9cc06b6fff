#include "managerauthdialog.h"

#include "appsession.h"
#include "style.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace huike::ui {

ManagerAuthDialog::ManagerAuthDialog(AppSession &session, const QString &why, QWidget *parent)
    : QDialog(parent), m_session(session), m_code(new QLineEdit), m_pin(new QLineEdit), m_message(new QLabel)
{
    setWindowTitle(tr("Manager approval"));
    auto *layout = new QVBoxLayout(this);
    auto *reason = new QLabel(why);
    reason->setWordWrap(true);
    layout->addWidget(reason);
    auto *form = new QFormLayout;
    m_code->setObjectName(QStringLiteral("managerCode"));
    m_pin->setObjectName(QStringLiteral("managerPin"));
    m_pin->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Manager code"), m_code);
    form->addRow(tr("PIN"), m_pin);
    layout->addLayout(form);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    // No default button: Enter moves from the code to the PIN and approves from the PIN, and
    // must never "click" Cancel on the way.
    QPushButton *cancel = keyButton(QStringLiteral("Esc"), tr("Cancel"));
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(cancel, 0, Qt::AlignRight);
    connect(m_code, &QLineEdit::returnPressed, m_pin, qOverload<>(&QWidget::setFocus));
    connect(m_pin, &QLineEdit::returnPressed, this, &ManagerAuthDialog::tryAuthorize);
    m_code->setFocus();
}

void ManagerAuthDialog::tryAuthorize()
{
    auto mgr = m_session.ctx().operators().authorizeManager(m_code->text(), m_pin->text());
    m_pin->clear();
    if (!mgr) {
        m_message->setText(mgr.error().message);
        m_pin->setFocus();
        return;
    }
    m_manager = *mgr;
    accept();
}

std::optional<Operator> ManagerAuthDialog::ask(AppSession &session, const QString &why, QWidget *parent)
{
    if (session.op().isManager())
        return session.op();
    ManagerAuthDialog d(session, why, parent);
    if (d.exec() != QDialog::Accepted)
        return std::nullopt;
    return d.manager();
}

} // namespace huike::ui
