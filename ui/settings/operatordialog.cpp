#include "operatordialog.h"

#include "common/appsession.h"
#include "common/style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace huike::ui {

OperatorDialog::OperatorDialog(AppSession &session, std::optional<Operator> existing, QWidget *parent)
    : QDialog(parent), m_session(session), m_existing(std::move(existing)), m_code(new QLineEdit),
      m_name(new QLineEdit), m_role(new QComboBox), m_pin(new QLineEdit), m_pinAgain(new QLineEdit),
      m_active(new QCheckBox), m_message(new QLabel)
{
    setWindowTitle(m_existing ? tr("Edit operator") : tr("New operator"));
    setMinimumWidth(420);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_code->setObjectName(QStringLiteral("operatorCode"));
    m_name->setObjectName(QStringLiteral("operatorName"));
    m_role->setObjectName(QStringLiteral("operatorRole"));
    m_pin->setObjectName(QStringLiteral("operatorPin"));
    m_pinAgain->setObjectName(QStringLiteral("operatorPinAgain"));
    m_active->setObjectName(QStringLiteral("operatorActive"));
    for (QLineEdit *pin : {m_pin, m_pinAgain})
        pin->setEchoMode(QLineEdit::Password); // PINs are never shown, not even while typed
    for (Role r : {Role::Cashier, Role::Manager, Role::Admin})
        m_role->addItem(roleLabel(r), static_cast<int>(r));
    form->addRow(tr("Operator code (digits)"), m_code);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Role"), m_role);
    form->addRow(m_existing ? tr("New PIN (empty: unchanged)") : tr("PIN (4 to 12 characters)"), m_pin);
    form->addRow(tr("PIN again"), m_pinAgain);
    m_active->setText(tr("May log in (clear to deactivate: the operator stays on past documents)"));
    if (m_existing) {
        m_code->setText(m_existing->code);
        m_code->setReadOnly(true); // it is on every document the operator rang up
        m_name->setText(m_existing->name);
        m_role->setCurrentIndex(m_role->findData(static_cast<int>(m_existing->role)));
        m_active->setChecked(m_existing->active);
        form->addRow(QString(), m_active);
    }
    layout->addLayout(form);
    m_message->setObjectName(QStringLiteral("operatorMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    QPushButton *cancel = keyButton(QStringLiteral("Esc"), tr("Cancel"));
    QPushButton *ok = keyButton(QStringLiteral("Ctrl+S"), tr("Save"));
    ok->setObjectName(QStringLiteral("saveOperator"));
    ok->setShortcut(QKeySequence(QStringLiteral("Ctrl+S")));
    buttons->addWidget(cancel);
    buttons->addWidget(ok);
    layout->addLayout(buttons);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(ok, &QPushButton::clicked, this, &OperatorDialog::save);
    connect(m_pinAgain, &QLineEdit::returnPressed, this, &OperatorDialog::save);
    (m_existing ? m_name : m_code)->setFocus();
}

QString OperatorDialog::message() const
{
    return m_message->text();
}

void OperatorDialog::save()
{
    if (m_pin->text() != m_pinAgain->text()) {
        m_message->setText(tr("The two PINs differ: type the PIN twice, the same."));
        m_pinAgain->clear();
        m_pinAgain->setFocus();
        return;
    }
    const Role role = static_cast<Role>(m_role->currentData().toInt());
    OperatorService &ops = m_session.ctx().operators();
    Status done = Ok{};
    if (m_existing) {
        done = ops.update(m_existing->id, OperatorService::Change{m_name->text(), role, m_active->isChecked(), m_pin->text()},
                          m_session.op().id);
    } else {
        auto id = ops.create(m_code->text(), m_name->text(), role, m_pin->text(), m_session.op().id);
        if (!id)
            done = id.error();
    }
    if (!done) {
        m_message->setText(done.error().message);
        return;
    }
    accept();
}

} // namespace huike::ui
