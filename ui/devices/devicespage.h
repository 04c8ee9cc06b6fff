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

// 设备 in Settings: the till's receipt printer — its port picked from those found (serial ports
// by QSerialPortInfo, USB printer device files) or typed as a spec, its paper, Chinese mode, QR
// code, printing each receipt and the drawer on cash — tested on the spot (a test page sent off
// the GUI thread) and its live state. Saved with the dialog, audited.
class DevicesPage : public QWidget {
    Q_OBJECT
public:
    explicit DevicesPage(AppSession &session, QWidget *parent = nullptr);
    // Checks and saves what is on the page (the dialog's Save).
    Status save();

private:
    void findPorts();
    void test();
    void showState();

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
};

} // namespace huike::ui
