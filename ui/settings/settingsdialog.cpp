#include "settingsdialog.h"

#include "operatordialog.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/inputdialogs.h"
#include "devices/devicespage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

SettingsDialog::SettingsDialog(AppSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_storeName(new QLineEdit), m_storeAddress(new QLineEdit),
      m_storePhone(new QLineEdit), m_receiptFooter(new QLineEdit), m_rounding(new QComboBox),
      m_discountLimit(new QLineEdit), m_interKey(new QSpinBox), m_scaleMax(new QDoubleSpinBox), m_confirmQuantity(new QSpinBox), m_operators(new QTableWidget(0, 4)),
      m_devices(new DevicesPage(session))
{
    setWindowTitle(tr("Settings"));
    resize(780, 620);
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget;
    layout->addWidget(tabs);

    auto *storePage = new QWidget;
    auto *storeForm = new QFormLayout(storePage);
    if (const auto info = loadStore(session.ctx().db(), session.ctx().store().storeId)) {
        m_storeName->setText(info->name);
        m_storeAddress->setText(info->address);
        m_storePhone->setText(info->phone);
        m_receiptFooter->setText(info->receiptFooter);
        storeForm->addRow(tr("Store code"), new QLabel(info->code));
    }
    storeForm->addRow(tr("Store name"), m_storeName);
    storeForm->addRow(tr("Address"), m_storeAddress);
    storeForm->addRow(tr("Telephone"), m_storePhone);
    storeForm->addRow(tr("Receipt footer"), m_receiptFooter);
    tabs->addTab(storePage, tr("Store"));

    auto *checkoutPage = new QWidget;
    auto *form = new QFormLayout(checkoutPage);
    m_rounding->addItem(tr("No rounding"), 0);
    m_rounding->addItem(tr("Drop the fen (round down to 0.1 yuan)"), 1);
    m_rounding->addItem(tr("Drop fen and jiao (round down to the yuan)"), 2);
    Settings &s = session.ctx().settings();
    m_rounding->setCurrentIndex(
        m_rounding->findData(static_cast<int>(s.integer(Settings::kRoundingMode, 0))));
    form->addRow(tr("Rounding of the amount due (抹零)"), m_rounding);
    m_discountLimit->setText(formatZhe(s.integer(Settings::kCashierDiscountLimit, 900)));
    form->addRow(tr("Deepest discount a cashier may give alone (折)"), m_discountLimit);
    m_interKey->setRange(10, 200);
    m_interKey->setSuffix(tr(" ms"));
    m_interKey->setValue(static_cast<int>(s.integer(Settings::kScannerInterKeyMs, 35)));
    form->addRow(tr("Scanner: longest pause between keys"), m_interKey);
    // A label above what the shop's scales can weigh is a misread or a forged label.
    m_scaleMax->setRange(0.1, 600.0);
    m_scaleMax->setDecimals(1);
    m_scaleMax->setSuffix(tr(" kg"));
    m_scaleMax->setValue(static_cast<double>(scaleRules(s).maxWeightMilli) / 1000.0);
    form->addRow(tr("Scale labels: heaviest weight the scales weigh"), m_scaleMax);
    m_confirmQuantity->setObjectName(QStringLiteral("confirmQuantity"));
    m_confirmQuantity->setRange(0, 99999);
    m_confirmQuantity->setSpecialValueText(tr("never ask"));
    m_confirmQuantity->setValue(
        static_cast<int>(s.integer(Settings::kConfirmQuantity, Settings::kConfirmQuantityDefault)));
    form->addRow(tr("Ask before selling more than this many of one item"), m_confirmQuantity);
    tabs->addTab(checkoutPage, tr("Checkout"));

    auto *opsPage = new QWidget;
    auto *opsLayout = new QVBoxLayout(opsPage);
    m_operators->setHorizontalHeaderLabels({tr("Code"), tr("Name"), tr("Role"), tr("State")});
    m_operators->horizontalHeader()->setStretchLastSection(true);
    m_operators->verticalHeader()->hide();
    m_operators->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_operators->setEditTriggers(QAbstractItemView::NoEditTriggers);
    opsLayout->addWidget(m_operators);
    auto *opsButtons = new QHBoxLayout;
    auto *unlock = new QPushButton(tr("Unlock"));
    auto *add = new QPushButton(tr("New operator"));
    add->setObjectName(QStringLiteral("addOperator"));
    auto *edit = new QPushButton(tr("Edit / deactivate"));
    edit->setObjectName(QStringLiteral("editOperator"));
    opsButtons->addWidget(add);
    opsButtons->addWidget(edit);
    opsButtons->addWidget(unlock);
    opsButtons->addStretch();
    opsLayout->addLayout(opsButtons);
    connect(unlock, &QPushButton::clicked, this, &SettingsDialog::unlockSelected);
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addOperator);
    connect(edit, &QPushButton::clicked, this, &SettingsDialog::editSelected);
    connect(m_operators, &QTableWidget::cellDoubleClicked, this, &SettingsDialog::editSelected);
    tabs->addTab(opsPage, tr("Operators"));
    reloadOperators();
    // Three devices' settings are taller than the dialog on a 1280 x 800 till: they scroll.
    auto *devicesScroll = new QScrollArea;
    devicesScroll->setWidgetResizable(true);
    devicesScroll->setFrameShape(QFrame::NoFrame);
    devicesScroll->setWidget(m_devices);
    tabs->addTab(devicesScroll, tr("Devices"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::reloadOperators()
{
    const QList<Operator> ops = m_session.ctx().operators().list();
    m_operators->setRowCount(static_cast<int>(ops.size()));
    for (int r = 0; r < ops.size(); ++r) {
        const Operator &o = ops.at(r);
        m_operators->setItem(r, 0, new QTableWidgetItem(o.code));
        m_operators->setItem(r, 1, new QTableWidgetItem(o.name));
        m_operators->setItem(r, 2, new QTableWidgetItem(roleLabel(o.role)));
        m_operators->setItem(r, 3,
                             new QTableWidgetItem(o.locked   ? tr("locked")
                                                  : o.active ? tr("active")
                                                             : tr("disabled")));
        m_operators->item(r, 0)->setData(Qt::UserRole, o.id);
    }
}

void SettingsDialog::unlockSelected()
{
    const int row = m_operators->currentRow();
    if (row < 0)
        return;
    const qint64 id = m_operators->item(row, 0)->data(Qt::UserRole).toLongLong();
    if (auto st = m_session.ctx().operators().unlock(id, m_session.op().id); !st)
        MessageBox::warning(this, windowTitle(), st.error().message);
    reloadOperators();
}

void SettingsDialog::addOperator()
{
    OperatorDialog d(m_session, std::nullopt, this);
    execDialog(d);
    reloadOperators();
}

void SettingsDialog::editSelected()
{
    const int row = m_operators->currentRow();
    if (row < 0)
        return;
    auto op = m_session.ctx().operators().byId(m_operators->item(row, 0)->data(Qt::UserRole).toLongLong());
    if (!op) {
        MessageBox::warning(this, windowTitle(), op.error().message);
        return;
    }
    OperatorDialog d(m_session, *op, this);
    execDialog(d);
    reloadOperators();
}

void SettingsDialog::save()
{
    const auto limit = parseZhe(m_discountLimit->text());
    if (!limit) {
        MessageBox::warning(this, windowTitle(), limit.error().message);
        return;
    }
    if (auto st = m_devices->save(); !st) {
        MessageBox::warning(this, windowTitle(), st.error().message);
        return;
    }
    AppContext &ctx = m_session.ctx();
    if (auto info = loadStore(ctx.db(), ctx.store().storeId)) {
        info->name = m_storeName->text();
        info->address = m_storeAddress->text();
        info->phone = m_storePhone->text();
        info->receiptFooter = m_receiptFooter->text();
        if (auto st = saveStore(ctx.db(), *info, m_session.op().id, ctx.clock().nowMs()); !st) {
            MessageBox::warning(this, windowTitle(), st.error().message);
            return;
        }
    }
    const QList<std::pair<QString, QString>> values = {
        {Settings::kRoundingMode, m_rounding->currentData().toString()},
        {Settings::kCashierDiscountLimit, QString::number(*limit)},
        {Settings::kScannerInterKeyMs, QString::number(m_interKey->value())},
        {Settings::kScaleMaxWeightGrams, QString::number(qRound64(m_scaleMax->value() * 1000.0))},
        {Settings::kConfirmQuantity, QString::number(m_confirmQuantity->value())}};
    if (auto st = ctx.settings().change(values, m_session.op().id, ctx.clock().nowMs()); !st) {
        MessageBox::warning(this, windowTitle(), st.error().message);
        return;
    }
    accept();
}

} // namespace huike::ui
