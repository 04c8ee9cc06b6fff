#include "devicespage.h"

#include "counterlisteners.h"
#include "customerdisplay.h"
#include "logo.h"
#include "printqueue.h"

#include "app/appcontext.h"
#include "common/appsession.h"
#include "common/dialogs.h"
#include "printer/escpos.h"
#include "printer/printerport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QPixmap>
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

namespace {

// The ports this machine has, for a device's spec: its serial ports and USB printer files.
void findPorts(QComboBox *spec, bool printers)
{
    const QString typed = spec->currentText();
    spec->clear();
    spec->addItem(QString());
    for (const QSerialPortInfo &port : QSerialPortInfo::availablePorts()) {
        spec->addItem(QStringLiteral("serial:%1:9600").arg(port.systemLocation()));
        if (const QString what = port.description(); !what.isEmpty())
            spec->setItemData(spec->count() - 1, what, Qt::ToolTipRole);
    }
    if (printers)
        for (const QFileInfo &lp : QDir(QStringLiteral("/dev/usb")).entryInfoList({QStringLiteral("lp*")}, QDir::System))
            spec->addItem(QStringLiteral("usb:%1").arg(lp.absoluteFilePath()));
    spec->setCurrentText(typed);
}

// An editable list of the ports found, and 查找端口 to look again after a device is plugged in.
QHBoxLayout *specRow(QComboBox *spec, const QString &name, const QString &current, bool printers)
{
    spec->setObjectName(name);
    spec->setEditable(true);
    spec->setInsertPolicy(QComboBox::NoInsert);
    spec->lineEdit()->setPlaceholderText(DevicesPage::tr("none"));
    spec->setCurrentText(current);
    findPorts(spec, printers);
    auto *row = new QHBoxLayout;
    row->addWidget(spec, 1);
    auto *rescan = new QPushButton(DevicesPage::tr("Find ports"));
    QObject::connect(rescan, &QPushButton::clicked, spec, [spec, printers] { findPorts(spec, printers); });
    row->addWidget(rescan);
    return row;
}

// A spec as typed, checked and spelled out in full; "" stays "" (no device).
Result<QString> checkedSpec(const QString &typed)
{
    if (typed.trimmed().isEmpty())
        return QString();
    QString why;
    const auto spec = parseDeviceSpec(typed.trimmed(), &why);
    if (!spec)
        return Error{ErrorCode::Invalid, why};
    return spec->toString();
}

} // namespace

DevicesPage::DevicesPage(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_spec(new QComboBox), m_columns(new QComboBox),
      m_chineseMode(new QCheckBox), m_qrCode(new QLineEdit), m_autoPrint(new QCheckBox),
      m_drawerOnCash(new QCheckBox), m_test(new QPushButton), m_testResult(new QLabel), m_state(new QLabel), m_logoPreview(new QLabel),
      m_cardSpec(new QComboBox), m_cardFraming(new QComboBox), m_trackLrc(new QCheckBox), m_cardPattern(new QLineEdit),
      m_cardState(new QLabel), m_callerSpec(new QComboBox), m_callerForm(new QComboBox), m_callerSetup(new QLineEdit),
      m_callerState(new QLabel), m_displaySpec(new QComboBox), m_displayKind(new QComboBox),
      m_displayMessage(new QLineEdit), m_secondScreen(new QCheckBox), m_displayState(new QLabel)
{
    auto *layout = new QVBoxLayout(this);
    auto *printerBox = new QGroupBox(tr("Receipt printer and cash drawer"));
    auto *form = new QFormLayout(printerBox);
    const PrinterSettings &settings = session.printer().settings();

    form->addRow(tr("Port"), specRow(m_spec, QStringLiteral("printerSpec"), settings.spec, true));
    auto *examples = new QLabel(tr("serial:/dev/ttyUSB0:9600 · tcp:192.168.1.50:9100 · usb:/dev/usb/lp0 · "
                                   "file:/path/copy.bin"));
    examples->setWordWrap(true);
    form->addRow(QString(), examples);

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

    // The shop's logo above its name: a picture made black and white for the paper's width.
    m_logoWidth = settings.logoWidth;
    m_logoHeight = settings.logoHeight;
    m_logoBits = settings.logoBits;
    m_logoPreview->setObjectName(QStringLiteral("logoPreview"));
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logoPreview, 1);
    auto *chooseLogo = new QPushButton(tr("Choose picture..."));
    chooseLogo->setObjectName(QStringLiteral("chooseLogo"));
    auto *clearLogo = new QPushButton(tr("No logo"));
    logoRow->addWidget(chooseLogo);
    logoRow->addWidget(clearLogo);
    form->addRow(tr("Logo"), logoRow);
    connect(chooseLogo, &QPushButton::clicked, this, [this] {
        QFileDialog d(this, tr("Logo"), QString(), tr("Pictures (*.png *.jpg *.jpeg *.bmp)"));
        d.setFileMode(QFileDialog::ExistingFile);
        if (execDialog(d) != QDialog::Accepted || d.selectedFiles().isEmpty())
            return;
        QString problem;
        if (!setLogoFile(d.selectedFiles().first(), &problem))
            MessageBox::warning(this, tr("Logo"), problem);
    });
    connect(clearLogo, &QPushButton::clicked, this, [this] {
        m_logoBits.clear();
        m_logoWidth = m_logoHeight = 0;
        showLogo();
    });
    showLogo();

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

    const CounterDeviceSettings &devices = session.listeners().settings();
    auto *cardBox = new QGroupBox(tr("Member card reader"));
    auto *cardForm = new QFormLayout(cardBox);
    cardForm->addRow(tr("Port"), specRow(m_cardSpec, QStringLiteral("cardReaderSpec"), devices.cardReaderSpec, false));
    m_cardFraming->setObjectName(QStringLiteral("cardFraming"));
    m_cardFraming->addItem(tr("Find out from what it sends"), QStringLiteral("auto"));
    m_cardFraming->addItem(tr("A line of digits (RFID readers)"), QStringLiteral("line"));
    m_cardFraming->addItem(tr("STX ... ETX frames with a checksum (EM4100)"), QStringLiteral("frame"));
    m_cardFraming->addItem(tr("Magnetic stripe tracks"), QStringLiteral("track"));
    m_cardFraming->setCurrentIndex(std::max(0, m_cardFraming->findData(devices.cardFraming)));
    cardForm->addRow(tr("What it sends"), m_cardFraming);
    m_trackLrc->setObjectName(QStringLiteral("trackLrc"));
    m_trackLrc->setText(tr("The stripe reader sends each track's LRC (checked)"));
    m_trackLrc->setChecked(devices.trackLrc);
    cardForm->addRow(QString(), m_trackLrc);
    m_cardPattern->setObjectName(QStringLiteral("cardPattern"));
    m_cardPattern->setPlaceholderText(tr("e.g. \\d{10}: a reader that types into the window, told from the scanner"));
    m_cardPattern->setText(devices.cardPattern);
    cardForm->addRow(tr("Card numbers (keyboard readers)"), m_cardPattern);
    m_cardState->setObjectName(QStringLiteral("cardReaderState"));
    cardForm->addRow(tr("Now"), m_cardState);
    layout->addWidget(cardBox);

    auto *callerBox = new QGroupBox(tr("Caller ID (来电宝 or modem)"));
    auto *callerForm = new QFormLayout(callerBox);
    callerForm->addRow(tr("Port"), specRow(m_callerSpec, QStringLiteral("callerIdSpec"), devices.callerIdSpec, false));
    m_callerForm->setObjectName(QStringLiteral("callerIdForm"));
    m_callerForm->addItem(tr("Find out from what it sends"), QStringLiteral("auto"));
    m_callerForm->addItem(tr("DATE / TIME / NMBR lines (AT+VCID=1)"), QStringLiteral("formatted"));
    m_callerForm->addItem(tr("The MDMF or SDMF message in hex (AT+VCID=2)"), QStringLiteral("hex"));
    m_callerForm->addItem(tr("The number alone on a line"), QStringLiteral("bare"));
    m_callerForm->setCurrentIndex(std::max(0, m_callerForm->findData(devices.callerIdForm)));
    callerForm->addRow(tr("What it sends"), m_callerForm);
    m_callerSetup->setObjectName(QStringLiteral("callerIdSetup"));
    m_callerSetup->setPlaceholderText(tr("e.g. AT+VCID=1 for a modem; empty for a box"));
    m_callerSetup->setText(devices.callerIdSetup);
    callerForm->addRow(tr("Set-up command"), m_callerSetup);
    m_callerState->setObjectName(QStringLiteral("callerIdState"));
    callerForm->addRow(tr("Now"), m_callerState);
    layout->addWidget(callerBox);

    auto *displayBox = new QGroupBox(tr("Customer display"));
    auto *displayForm = new QFormLayout(displayBox);
    displayForm->addRow(tr("Port"), specRow(m_displaySpec, QStringLiteral("displaySpec"), devices.displaySpec, false));
    m_displayKind->setObjectName(QStringLiteral("displayKind"));
    m_displayKind->addItem(tr("8-digit LED price display (ESC Q A)"), QStringLiteral("led"));
    m_displayKind->addItem(tr("2 x 20 character VFD"), QStringLiteral("vfd"));
    m_displayKind->setCurrentIndex(std::max(0, m_displayKind->findData(devices.displayKind)));
    displayForm->addRow(tr("Kind"), m_displayKind);
    m_displayMessage->setObjectName(QStringLiteral("displayMessage"));
    m_displayMessage->setText(devices.displayMessage);
    displayForm->addRow(tr("Welcome"), m_displayMessage);
    m_secondScreen->setObjectName(QStringLiteral("secondScreen"));
    m_secondScreen->setText(tr("Show the cart on a second monitor when one is attached"));
    m_secondScreen->setChecked(devices.secondScreen);
    displayForm->addRow(QString(), m_secondScreen);
    m_displayState->setObjectName(QStringLiteral("displayState"));
    displayForm->addRow(tr("Now"), m_displayState);
    layout->addWidget(displayBox);
    layout->addStretch();
    connect(&session.printer(), &PrintQueue::stateChanged, this, &DevicesPage::showState);
    connect(&session.listeners(), &CounterListeners::stateChanged, this, &DevicesPage::showState);
    connect(&session.display(), &CustomerDisplay::stateChanged, this, &DevicesPage::showState);
    showState();
}

bool DevicesPage::setLogoFile(const QString &path, QString *problem)
{
    // As wide as the paper prints, at most: 48 mm (384 dots) on 58 mm paper, 72 mm on 80 mm.
    const int maxWidth = m_columns->currentData().toInt() >= 48 ? PrinterSettings::kMaxLogoWidth : 384;
    const auto logo = rasterLogo(QImage(path), maxWidth);
    if (!logo) {
        *problem = tr("%1 is no picture this program can read (PNG, JPEG or BMP).").arg(path);
        return false;
    }
    m_logoWidth = logo->width;
    m_logoHeight = logo->height;
    m_logoBits = logo->bits;
    showLogo();
    return true;
}

void DevicesPage::showLogo()
{
    if (m_logoBits.isEmpty()) {
        m_logoPreview->setPixmap({});
        m_logoPreview->setText(tr("none"));
        return;
    }
    const QImage preview = logoPreview(RasterLogo{m_logoWidth, m_logoHeight, m_logoBits});
    m_logoPreview->setPixmap(QPixmap::fromImage(preview.scaledToHeight(std::min(m_logoHeight, 64))));
}

void DevicesPage::showState()
{
    m_state->setText(m_session.printer().state().text());
    const CounterListeners &listeners = m_session.listeners();
    m_cardState->setText(listeners.cardReaderState().isEmpty() ? tr("none set up") : listeners.cardReaderState());
    m_callerState->setText(listeners.callerIdState().isEmpty() ? tr("none set up") : listeners.callerIdState());
    m_displayState->setText(m_session.display().state().isEmpty() ? tr("none set up") : m_session.display().state());
}

void DevicesPage::test()
{
    QString why;
    const auto spec = parseDeviceSpec(m_spec->currentText(), &why);
    if (!spec) {
        m_testResult->setText(why);
        return;
    }
    const EscPosProfile profile = escPosProfile(m_columns->currentData().toInt(), m_chineseMode->isChecked());
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
    const auto printerSpec = checkedSpec(m_spec->currentText());
    const auto cardSpec = checkedSpec(m_cardSpec->currentText());
    const auto callerSpec = checkedSpec(m_callerSpec->currentText());
    const auto displaySpec = checkedSpec(m_displaySpec->currentText());
    for (const auto *spec : {&printerSpec, &cardSpec, &callerSpec, &displaySpec})
        if (!*spec)
            return spec->error();
    PrinterSettings p;
    p.spec = *printerSpec;
    p.columns = m_columns->currentData().toInt();
    p.chineseMode = m_chineseMode->isChecked();
    p.qrCode = m_qrCode->text();
    p.autoPrint = m_autoPrint->isChecked();
    p.drawerOnCash = m_drawerOnCash->isChecked();
    p.logoWidth = m_logoWidth;
    p.logoHeight = m_logoHeight;
    p.logoBits = m_logoBits;
    CounterDeviceSettings d;
    d.cardReaderSpec = *cardSpec;
    d.cardFraming = m_cardFraming->currentData().toString();
    d.trackLrc = m_trackLrc->isChecked();
    d.cardPattern = m_cardPattern->text();
    d.callerIdSpec = *callerSpec;
    d.callerIdForm = m_callerForm->currentData().toString();
    d.callerIdSetup = m_callerSetup->text();
    d.displaySpec = *displaySpec;
    d.displayKind = m_displayKind->currentData().toString();
    d.displayMessage = m_displayMessage->text();
    d.secondScreen = m_secondScreen->isChecked();
    AppContext &ctx = m_session.ctx();
    if (auto st = checkCounterDevices(d); !st)
        return st; // before anything is saved
    if (auto st = savePrinterSettings(ctx.settings(), p, m_session.op().id, ctx.clock().nowMs()); !st)
        return st;
    return saveCounterDevices(ctx.settings(), d, m_session.op().id, ctx.clock().nowMs());
}

} // namespace huike::ui
