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
#include "transport/listener.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDeadlineTimer>
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

// A device's test button and, beside it, what the test found.
QHBoxLayout *testRow(QPushButton *button, const QString &name, const QString &text, QLabel *result)
{
    button->setObjectName(name);
    button->setText(text);
    result->setObjectName(name + QStringLiteral("Result"));
    result->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(button);
    row->addWidget(result, 1);
    return row;
}

// Listens on `spec` until the first message its decoder makes of what arrives, for `ms` at most:
// the message, or why none came (the port cannot be opened, or went away).
template <class Decoder, class Message = typename decltype(std::declval<Decoder>().flush())::value_type>
Result<std::optional<Message>> firstMessage(const DeviceSpec &spec, Decoder decoder, const QByteArray &setup, int ms)
{
    auto port = DeviceConnection::open(spec, 2000);
    if (!port)
        return port.error();
    if (!setup.isEmpty())
        (void)(*port)->write(setup + "\r", 2000);
    ListenedDevice<Decoder> device(std::move(*port), std::move(decoder));
    const QDeadlineTimer until(ms);
    while (!until.hasExpired() && !device.port().lost())
        for (const auto &message : device.poll(100))
            return std::optional<Message>(message);
    if (device.port().lost())
        return Error{ErrorCode::Unavailable, QCoreApplication::translate("Devices", "%1 went away").arg(spec.toString())};
    return std::optional<Message>();
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
      m_cardState(new QLabel), m_cardTest(new QPushButton), m_cardTestResult(new QLabel), m_callerSpec(new QComboBox),
      m_callerForm(new QComboBox), m_callerSetup(new QLineEdit), m_callerState(new QLabel),
      m_callerTest(new QPushButton), m_callerTestResult(new QLabel), m_displaySpec(new QComboBox),
      m_displayKind(new QComboBox), m_displayMessage(new QLineEdit), m_secondScreen(new QCheckBox),
      m_displayState(new QLabel), m_displayTest(new QPushButton), m_displayTestResult(new QLabel)
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

    form->addRow(QString(), testRow(m_test, QStringLiteral("printerTest"), tr("Print a test page"), m_testResult));
    connect(m_test, &QPushButton::clicked, this, &DevicesPage::testPrinter);
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
    cardForm->addRow(QString(), testRow(m_cardTest, QStringLiteral("cardReaderTest"), tr("Wait for a swipe"), m_cardTestResult));
    connect(m_cardTest, &QPushButton::clicked, this, &DevicesPage::testCardReader);
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
    callerForm->addRow(QString(), testRow(m_callerTest, QStringLiteral("callerIdTest"), tr("Wait for a call"), m_callerTestResult));
    connect(m_callerTest, &QPushButton::clicked, this, &DevicesPage::testCallerId);
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
    displayForm->addRow(QString(), testRow(m_displayTest, QStringLiteral("displayTest"), tr("Show a test"), m_displayTestResult));
    connect(m_displayTest, &QPushButton::clicked, this, &DevicesPage::testDisplay);
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

void DevicesPage::runTest(QComboBox *specField, QPushButton *button, QLabel *result, const QString &waiting,
                          std::function<QString(const DeviceSpec &)> body)
{
    QString why;
    const auto spec = parseDeviceSpec(specField->currentText(), &why);
    if (!spec) { // refused on the spot, nothing paused
        result->setText(why);
        return;
    }
    // Tests may run side by side (a swipe and a call awaited at once, or from a page opened again):
    // the till lets go of its devices for the first and takes them up after the last.
    static int running = 0; // the GUI thread's only
    button->setEnabled(false);
    result->setText(waiting);
    if (running++ == 0) {
        m_session.printer().pause();
        m_session.listeners().pause();
        m_session.display().pause();
    }
    auto outcome = std::make_shared<QString>();
    QThread *tester = QThread::create([body = std::move(body), spec = *spec, outcome] { *outcome = body(spec); });
    connect(tester, &QThread::finished, tester, &QObject::deleteLater);
    // The session outlives the page: the devices are taken up again if the page is closed first.
    connect(tester, &QThread::finished, &m_session,
            [session = &m_session, button = QPointer<QPushButton>(button), result = QPointer<QLabel>(result), outcome] {
                if (--running == 0) {
                    session->printer().reload();
                    session->listeners().reload();
                    session->display().reload();
                }
                if (button)
                    button->setEnabled(true);
                if (result)
                    result->setText(*outcome);
            });
    tester->start();
}

void DevicesPage::testPrinter()
{
    runTest(m_spec, m_test, m_testResult, tr("Printing..."), [printer = printerOnPage()](const DeviceSpec &spec) {
        PrinterSettings shown = printer;
        shown.spec = spec.toString();
        const QByteArray page = encodeEscPos(printerTestPage(shown), escPosProfile(shown.columns, shown.chineseMode));
        if (auto st = printOn(spec, page); !st)
            return st.error().message;
        return tr("The test page was sent. Check the Chinese, the columns, the barcode, the QR code and the cut.");
    });
}

void DevicesPage::testDisplay()
{
    const DisplayKind kind = m_displayKind->currentData().toString() == QLatin1String("vfd") ? DisplayKind::Vfd : DisplayKind::Led;
    runTest(m_displaySpec, m_displayTest, m_displayTestResult, tr("Showing..."), [kind](const DeviceSpec &spec) {
        auto port = DeviceConnection::open(spec, 2000);
        if (!port)
            return port.error().message;
        for (const DisplayShow &step : displayTestSteps()) {
            if (auto st = (*port)->write(encodeDisplay(kind, step), 2000); !st)
                return st.error().message;
            QThread::msleep(700); // long enough to read each
        }
        return tr("The display showed the welcome, a price of 69.90, the total 88.80, 100.00 paid and 11.20 change.");
    });
}

void DevicesPage::testCardReader()
{
    constexpr int kSeconds = 15;
    runTest(m_cardSpec, m_cardTest, m_cardTestResult, tr("Swipe a card on the reader now (%1 s)...").arg(kSeconds),
            [config = cardReaderConfig(devicesOnPage())](const DeviceSpec &spec) {
                auto swipe = firstMessage(spec, CardReaderDecoder(config), {}, kSeconds * 1000);
                if (!swipe)
                    return swipe.error().message;
                if (!*swipe)
                    return tr("No card was read in %1 seconds: check the port, its speed and what the reader sends.")
                        .arg(kSeconds);
                return tr("Card %1 was read.").arg((*swipe)->card);
            });
}

void DevicesPage::testCallerId()
{
    constexpr int kSeconds = 40; // the box reports between the first and the second ring
    runTest(m_callerSpec, m_callerTest, m_callerTestResult, tr("Call the shop's number now (%1 s)...").arg(kSeconds),
            [config = callerIdConfig(devicesOnPage()), setup = m_callerSetup->text().trimmed().toLatin1()](const DeviceSpec &spec) {
                auto call = firstMessage(spec, CallerIdDecoder(config), setup, kSeconds * 1000);
                if (!call)
                    return call.error().message;
                if (!*call)
                    return tr("No call was reported in %1 seconds: check the port, what the box sends and, for a modem, "
                              "its set-up command.")
                        .arg(kSeconds);
                if ((*call)->withheld != IncomingCall::Withheld::No)
                    return tr("A call came with its number withheld.");
                return tr("A call came from %1.").arg((*call)->number);
            });
}

PrinterSettings DevicesPage::printerOnPage() const
{
    PrinterSettings p;
    p.spec = m_spec->currentText().trimmed();
    p.columns = m_columns->currentData().toInt();
    p.chineseMode = m_chineseMode->isChecked();
    p.qrCode = m_qrCode->text();
    p.autoPrint = m_autoPrint->isChecked();
    p.drawerOnCash = m_drawerOnCash->isChecked();
    p.logoWidth = m_logoWidth;
    p.logoHeight = m_logoHeight;
    p.logoBits = m_logoBits;
    return p;
}

CounterDeviceSettings DevicesPage::devicesOnPage() const
{
    CounterDeviceSettings d;
    d.cardReaderSpec = m_cardSpec->currentText().trimmed();
    d.cardFraming = m_cardFraming->currentData().toString();
    d.trackLrc = m_trackLrc->isChecked();
    d.cardPattern = m_cardPattern->text();
    d.callerIdSpec = m_callerSpec->currentText().trimmed();
    d.callerIdForm = m_callerForm->currentData().toString();
    d.callerIdSetup = m_callerSetup->text();
    d.displaySpec = m_displaySpec->currentText().trimmed();
    d.displayKind = m_displayKind->currentData().toString();
    d.displayMessage = m_displayMessage->text();
    d.secondScreen = m_secondScreen->isChecked();
    return d;
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
    PrinterSettings p = printerOnPage();
    p.spec = *printerSpec;
    CounterDeviceSettings d = devicesOnPage();
    d.cardReaderSpec = *cardSpec;
    d.callerIdSpec = *callerSpec;
    d.displaySpec = *displaySpec;
    AppContext &ctx = m_session.ctx();
    if (auto st = checkCounterDevices(d); !st)
        return st; // before anything is saved
    if (auto st = savePrinterSettings(ctx.settings(), p, m_session.op().id, ctx.clock().nowMs()); !st)
        return st;
    return saveCounterDevices(ctx.settings(), d, m_session.op().id, ctx.clock().nowMs());
}

} // namespace huike::ui
