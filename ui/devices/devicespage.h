#pragma once

#include "core/result.h"
#include "sales/printer.h"
#include "transport/devicespec.h"
#include "store/devicesettings.h"

#include <functional>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace huike::ui {

class AppSession;

// 设备 in Settings: the till's devices, each on a port picked from those found (serial ports by
// QSerialPortInfo, USB printer device files) or typed as a spec, with its live state. The receipt
// printer: its paper, Chinese mode, QR code, printing each receipt, the drawer on cash, a test
// page sent off the GUI thread. The card reader: its framing, LRC, and the card pattern of a
// keyboard-wedge reader; a test that waits for a swipe. The caller-ID box: its form and a modem's
// set-up command; a test that waits for a call. The customer display: LED or VFD, the shop's
// welcome, the second monitor; a test shown on it. Each test uses what is on the page, before it
// is saved. Saved with the dialog, checked and audited.
class DevicesPage : public QWidget {
    Q_OBJECT
public:
    explicit DevicesPage(AppSession &session, QWidget *parent = nullptr);
    // Checks and saves what is on the page (the dialog's Save).
    Status save();
    // The receipt's logo from a picture file (选择图片 opens the file dialog for it); false, and
    // *problem said, when it is no picture.
    bool setLogoFile(const QString &path, QString *problem);

private:
    // The printer and the other devices as the page has them now (specs as typed).
    PrinterSettings printerOnPage() const;
    CounterDeviceSettings devicesOnPage() const;
    // 打印测试页, 显示测试, 等待刷卡, 等待来电: each on the device as typed, on a thread of its own.
    void testPrinter();
    void testDisplay();
    void testCardReader();
    void testCallerId();
    // Runs `body` on the device `specField` names (a spec that makes no sense is said at once) on a
    // thread of its own — it may wait on the device for seconds — with `button` off and `waiting`
    // said meanwhile, then what it returns. The till's own use of its devices is paused meanwhile
    // (a serial port is opened by one program at a time) and taken up again after, even when the
    // page is closed first.
    void runTest(QComboBox *specField, QPushButton *button, QLabel *result, const QString &waiting,
                 std::function<QString(const DeviceSpec &)> body);
    void showState();
    void showLogo();

    AppSession &m_session;
    QComboBox *m_spec;
    QComboBox *m_columns;
    QCheckBox *m_chineseMode;
    QLineEdit *m_qrCode;
    QCheckBox *m_autoPrint;
    QCheckBox *m_drawerOnCash;
    QPushButton *m_test;
    QLabel *m_testResult;
    QLabel *m_state;
    QLabel *m_logoPreview;
    int m_logoWidth = 0;
    int m_logoHeight = 0;
    QByteArray m_logoBits;
    QComboBox *m_cardSpec;
    QComboBox *m_cardFraming;
    QCheckBox *m_trackLrc;
    QLineEdit *m_cardPattern;
    QLabel *m_cardState;
    QPushButton *m_cardTest;
    QLabel *m_cardTestResult;
    QComboBox *m_callerSpec;
    QComboBox *m_callerForm;
    QLineEdit *m_callerSetup;
    QLabel *m_callerState;
    QPushButton *m_callerTest;
    QLabel *m_callerTestResult;
    QComboBox *m_displaySpec;
    QComboBox *m_displayKind;
    QLineEdit *m_displayMessage;
    QCheckBox *m_secondScreen;
    QLabel *m_displayState;
    QPushButton *m_displayTest;
    QLabel *m_displayTestResult;
};

} // namespace huike::ui
