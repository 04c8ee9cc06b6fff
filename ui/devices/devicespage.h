#pragma once

#include "core/result.h"

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
// keyboard-wedge reader. The caller-ID box: its form and a modem's set-up command. The customer
// display: LED or VFD, the shop's welcome, the second monitor. Saved with the dialog, checked and
// audited.
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
    void test();
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
    QComboBox *m_callerSpec;
    QComboBox *m_callerForm;
    QLineEdit *m_callerSetup;
    QLabel *m_callerState;
    QComboBox *m_displaySpec;
    QComboBox *m_displayKind;
    QLineEdit *m_displayMessage;
    QCheckBox *m_secondScreen;
    QLabel *m_displayState;
};

} // namespace huike::ui
