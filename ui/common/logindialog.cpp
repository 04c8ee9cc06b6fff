#include "logindialog.h"

#include "common/appsession.h"
#include "ui_logindialog.h"

namespace huike::ui {

LoginDialog::LoginDialog(AppSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_ui(std::make_unique<Ui::LoginDialog>())
{
    m_ui->setupUi(this);
    m_ui->messageLabel->hide();
    if (const auto store = loadStore(session.ctx().db(), session.ctx().store().storeId))
        m_ui->storeLabel->setText(store->name + QStringLiteral(" · ") + session.ctx().store().terminal);
    if (session.ctx().settings().value(QStringLiteral("demo")) == QLatin1String("1"))
        m_ui->hintLabel->setText(
            tr("Demo store: cashier 1001 / PIN 1234, manager 8001 / PIN 8888, admin 9001 / PIN 9999."));
    connect(m_ui->codeEdit, &QLineEdit::returnPressed, this, [this] { m_ui->pinEdit->setFocus(); });
    connect(m_ui->pinEdit, &QLineEdit::returnPressed, this, &LoginDialog::tryLogin);
    connect(m_ui->loginButton, &QPushButton::clicked, this, &LoginDialog::tryLogin);
    m_ui->loginButton->setAutoDefault(false);
    m_ui->loginButton->setDefault(false);
    m_ui->codeEdit->setFocus();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::tryLogin()
{
    const QString code = m_ui->codeEdit->text().trimmed();
    if (code.isEmpty()) {
        m_ui->codeEdit->setFocus();
        return;
    }
    auto op = m_session.ctx().operators().login(code, m_ui->pinEdit->text());
    m_ui->pinEdit->clear();
    if (!op) {
        m_ui->messageLabel->setText(op.error().message);
        m_ui->messageLabel->show();
        m_ui->pinEdit->setFocus();
        return;
    }
    m_operator = *op;
    accept();
}

} // namespace huike::ui
