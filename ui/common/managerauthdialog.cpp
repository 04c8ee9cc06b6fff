#include "managerauthdialog.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/style.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace huike::ui {

ManagerAuthDialog::ManagerAuthDialog(AppSession &session, const QString &why, ApprovalScope scope,
                                     QWidget *parent)
    : QDialog(parent), m_session(session), m_code(new QLineEdit), m_pin(new QLineEdit), m_message(new QLabel),
      m_scope(std::move(scope))
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
    if (session.op().isManager()) {
        m_code->setText(session.op().code);
        m_pin->setFocus();
    } else {
        m_code->setFocus();
    }
}

void ManagerAuthDialog::tryAuthorize()
{
    auto approval =
        m_session.ctx().approvals().grant(m_code->text(), m_pin->text(), m_scope, m_session.op().id);
    m_pin->clear();
    if (!approval) {
        m_message->setText(approval.error().message);
        m_pin->setFocus();
        return;
    }
    m_approval = *approval;
    accept();
}

std::optional<Approval> ManagerAuthDialog::ask(AppSession &session, const QString &why,
                                               const ApprovalScope &scope, QWidget *parent)
{
    ManagerAuthDialog d(session, why, scope, parent);
    if (execDialog(d) != QDialog::Accepted)
        return std::nullopt;
    return d.approval();
}

} // namespace huike::ui
