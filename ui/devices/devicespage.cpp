#include "devicespage.h"

#include "printqueue.h"

#include "app/appcontext.h"
#include "common/appsession.h"
#include "printer/escpos.h"
#include "printer/printerport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSerialPortInfo>
#include <QThread>
#include <QVBoxLayout>

namespace huike::ui {

DevicesPage::DevicesPage(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_spec(new QComboBox), m_columns(new QComboBox),
      m_chineseMode(new QCheckBox), m_qrCode(new QLineEdit), m_autoPrint(new QCheckBox),
      m_drawerOnCash(new QCheckBox), m_test(new QPushButton), m_testResult(new QLabel), m_state(new QLabel)
{
    auto *layout = new QVBoxLayout(this);
    auto *printerBox = new QGroupBox(tr("Receipt printer and cash drawer"));
    auto *form = new QFormLayout(printerBox);
    const PrinterSettings &settings = session.printer().settings();

    m_spec->setObjectName(QStringLiteral("printerSpec"));
    m_spec->setEditable(true);
    m_spec->setInsertPolicy(QComboBox::NoInsert);
    m_spec->lineEdit()->setPlaceholderText(tr("none"));
    findPorts();
    m_spec->setCurrentText(settings.spec);
    auto *specRow = new QHBoxLayout;
    specRow->addWidget(m_spec, 1);
    auto *rescan = new QPushButton(tr("Find ports"));
    connect(rescan, &QPushButton::clicked, this, [this] {
        const QString typed = m_spec->currentText();
        findPorts();
        m_spec->setCurrentText(typed);
    });
    specRow->addWidget(rescan);
    form->addRow(tr("Port"), specRow);
    form->addRow(QString(), new QLabel(tr("serial:/dev/ttyUSB0:9600 · tcp:192.168.1.50:9100 · usb:/dev/usb/lp0 · "
                                          "file:/path/copy.bin")));

    m_columns->setObjectName(QStringLiteral("printerColumns"));
    m_columns->addItem(tr("58 mm paper (32 columns)"), 32);
    m_columns->addItem(tr("80 mm paper (48 columns)"), 48);
    m_columns->setCurrentIndex(settings.columns == 48 ? 1 : 0);
    form->addRow(tr("Paper"), m_columns);
    m_chineseMode->setObjectName(QStringLiteral("printerChineseMode"));
    m_chineseMode->setText(tr("Send the Chinese mode command (FS &&); clear it if Chinese prints garbled"));
    m_chineseMode->setChecked(settings.chineseMode);
    form->addRow(QString(), m_chineseMode);
    m_qrCode->setObjectName(QStringLiteral("receiptQrCode"));
    m_qrCode->setPlaceholderText(tr("e.g. the membership sign-up link; none when empty"));
    m_qrCode->setText(settings.qrCode);
    form->addRow(tr("QR code under each receipt"), m_qrCode);
    m_autoPrint->setObjectName(QStringLiteral("printerAutoPrint"));
    m_autoPrint->setText(tr("Print each sale, refund and void as it is saved"));
    m_autoPrint->setChecked(settings.autoPrint);
    form->addRow(QString(), m_autoPrint);
    m_drawerOnCash->setObjectName(QStringLiteral("drawerOnCash"));
    m_drawerOnCash->setText(tr("Open the cash drawer (on the printer's kick port) when cash is taken or paid back"));
    m_drawerOnCash->setChecked(settings.drawerOnCash);
    form->addRow(QString(), m_drawerOnCash);

    m_test->setObjectName(QStringLiteral("printerTest"));
    m_test->setText(tr("Print a test page"));
    connect(m_test, &QPushButton::clicked, this, &DevicesPage::test);
    m_testResult->setObjectName(QStringLiteral("printerTestResult"));
    m_testResult->setWordWrap(true);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    form->addRow(QString(), testRow);
    m_state->setObjectName(QStringLiteral("printerLiveState"));
    form->addRow(tr("Now"), m_state);
    layout->addWidget(printerBox);
    layout->addStretch();
    connect(&session.printer(), &PrintQueue::stateChanged, this, &DevicesPage::showState);
    showState();
}

void DevicesPage::findPorts()
{
    m_spec->clear();
    m_spec->addItem(QString());
    for (const QSerialPortInfo &port : QSerialPortInfo::availablePorts()) {
        QString label = QStringLiteral("serial:%1:9600").arg(port.systemLocation());
        m_spec->addItem(label);
        if (const QString what = port.description(); !what.isEmpty())
            m_spec->setItemData(m_spec->count() - 1, what, Qt::ToolTipRole);
    }
    for (const QFileInfo &lp : QDir(QStringLiteral("/dev/usb")).entryInfoList({QStringLiteral("lp*")}, QDir::System))
        m_spec->addItem(QStringLiteral("usb:%1").arg(lp.absoluteFilePath()));
}

void DevicesPage::showState()
{
    m_state->setText(m_session.printer().state().text());
}

void DevicesPage::test()
{
    QString why;
    const auto spec = parseDeviceSpec(m_spec->currentText(), &why);
    if (!spec) {
        m_testResult->setText(why);
        return;
    }
    EscPosProfile profile;
    profile.columns = m_columns->currentData().toInt();
    profile.chineseMode = m_chineseMode->isChecked();
    const QByteArray page = encodeEscPos(printerTestPage(profile.columns, spec->toString()), profile);
    // Sent from a thread of its own: a port that takes no bytes holds up the page for seconds.
    m_test->setEnabled(false);
    m_testResult->setText(tr("Printing..."));
    auto result = std::make_shared<QString>();
    QThread *sender = QThread::create([spec = *spec, page, result] {
        if (auto st = printOn(spec, page); !st)
            *result = st.error().message;
    });
    connect(sender, &QThread::finished, sender, &QObject::deleteLater);
    QPointer<DevicesPage> self(this);
    connect(sender, &QThread::finished, this, [self, result] {
        if (!self)
            return;
        self->m_test->setEnabled(true);
        self->m_testResult->setText(result->isEmpty() ? tr("The test page was sent. Check the Chinese, the columns, "
                                                           "the barcode, the QR code and the cut.")
                                                      : *result);
    });
    sender->start();
}

Status DevicesPage::save()
{
    PrinterSettings p;
    p.spec = m_spec->currentText().trimmed();
    if (!p.spec.isEmpty()) {
        QString why;
        const auto spec = parseDeviceSpec(p.spec, &why);
        if (!spec)
            return Error{ErrorCode::Invalid, why};
        p.spec = spec->toString();
    }
    p.columns = m_columns->currentData().toInt();
    p.chineseMode = m_chineseMode->isChecked();
    p.qrCode = m_qrCode->text();
    p.autoPrint = m_autoPrint->isChecked();
    p.drawerOnCash = m_drawerOnCash->isChecked();
    AppContext &ctx = m_session.ctx();
    return savePrinterSettings(ctx.settings(), p, m_session.op().id, ctx.clock().nowMs());
}

} // namespace huike::ui
