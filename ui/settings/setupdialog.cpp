#include "setupdialog.h"

#include "app/storesetup.h"
#include "common/dialogs.h"
#include "common/style.h"

#include <QApplication>
#include <QCheckBox>
#include <QFormLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace huike::ui {

SetupDialog::SetupDialog(QString path, const Clock &clock, QWidget *parent)
    : QDialog(parent), m_path(std::move(path)), m_clock(clock), m_name(new QLineEdit), m_address(new QLineEdit),
      m_phone(new QLineEdit), m_adminCode(new QLineEdit(QStringLiteral("9001"))), m_adminName(new QLineEdit),
      m_pin(new QLineEdit), m_pinAgain(new QLineEdit), m_demo(new QCheckBox), m_message(new QLabel)
{
    setWindowTitle(tr("Set up the store"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("This is the first start on %1. Tell Huike about the shop and its "
                                "administrator, who then adds cashiers, goods and settings.")
                                 .arg(m_path));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    const auto named = [](QLineEdit *e, const char *name) {
        e->setObjectName(QString::fromLatin1(name));
        return e;
    };
    form->addRow(tr("Store name"), named(m_name, "storeName"));
    form->addRow(tr("Address"), named(m_address, "storeAddress"));
    form->addRow(tr("Telephone"), named(m_phone, "storePhone"));
    form->addRow(tr("Administrator's code"), named(m_adminCode, "adminCode"));
    m_adminName->setPlaceholderText(QStringLiteral("管理员"));
    form->addRow(tr("Administrator's name"), named(m_adminName, "adminName"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pinAgain->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Administrator's PIN (4 to 12)"), named(m_pin, "adminPin"));
    form->addRow(tr("PIN again"), named(m_pinAgain, "adminPinAgain"));
    layout->addLayout(form);

    m_demo->setObjectName(QStringLiteral("demoData"));
    m_demo->setText(tr("Add demo data"));
    layout->addWidget(m_demo);
    // A check box does not wrap: what demo data means is said beside it, in full.
    auto *demoNote = new QLabel(tr("For trying Huike out: sample goods, members, months of sales and demo cashiers "
                                   "whose PINs are published (1001/1234, 8001/8888). Not for a shop's real file."));
    demoNote->setWordWrap(true);
    demoNote->setStyleSheet(QStringLiteral("color: #5f6368; margin-left: 24px;"));
    layout->addWidget(demoNote);
    m_message->setObjectName(QStringLiteral("setupMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    QPushButton *quit = keyButton(QStringLiteral("Esc"), tr("Quit"));
    QPushButton *create = keyButton(QStringLiteral("Ctrl+S"), tr("Create the store"));
    create->setObjectName(QStringLiteral("createStore"));
    create->setShortcut(QKeySequence(QStringLiteral("Ctrl+S")));
    buttons->addWidget(quit);
    buttons->addWidget(create);
    layout->addLayout(buttons);
    connect(quit, &QPushButton::clicked, this, &QDialog::reject);
    connect(create, &QPushButton::clicked, this, &SetupDialog::create);
    connect(m_pinAgain, &QLineEdit::returnPressed, this, &SetupDialog::create);
    setMinimumWidth(520);
    m_name->setFocus();
}

QString SetupDialog::message() const
{
    return m_message->text();
}

void SetupDialog::create()
{
    if (m_pin->text() != m_pinAgain->text()) {
        m_message->setText(tr("The two PINs differ: type the administrator's PIN twice, the same."));
        m_pinAgain->clear();
        m_pinAgain->setFocus();
        return;
    }
    StoreSetup setup;
    setup.name = m_name->text();
    setup.address = m_address->text();
    setup.phone = m_phone->text();
    setup.adminCode = m_adminCode->text();
    setup.adminName = m_adminName->text();
    setup.adminPin = m_pin->text();
    setup.demo = m_demo->isChecked();
    QProgressDialog progress(tr("Creating the store..."), QString(), 0, 100, this);
    progress.setWindowTitle(windowTitle());
    progress.setMinimumDuration(setup.demo ? 0 : 500);
    auto made = createStoreFile(m_path, setup, m_clock, [&](int pct) {
        progress.setValue(pct);
        QCoreApplication::processEvents();
    });
    progress.reset();
    if (!made) {
        m_message->setText(made.error().message);
        spdlog::error("store set-up failed: {}", made.error().message.toStdString());
        return;
    }
    spdlog::info("store set up in {}: {}", m_path.toStdString(), made->toStdString());
    accept();
}

} // namespace huike::ui
