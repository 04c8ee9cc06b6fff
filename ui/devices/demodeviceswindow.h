#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTextEdit;

namespace huike {
class AppContext;
struct EscPosEvent;
struct DisplayState;
}

namespace huike::ui {

class DemoDevices;

// 演示设备: the simulated counter devices, for someone trying Huike with none. The printer's
// paper shows each receipt as it came out (text, barcode, QR code, logo, cut, the drawer's kick),
// and its state can be changed (paper out: watch the till's status bar and its queue); the
// customer display shows its two lines; a member card can be swiped and a call made to the till.
class DemoDevicesWindow : public QWidget {
    Q_OBJECT
public:
    DemoDevicesWindow(DemoDevices &devices, AppContext &ctx, QWidget *parent = nullptr);

    QTextEdit *paper() const { return m_paper; }
    QLabel *display() const { return m_display; }
    QComboBox *cards() const { return m_cards; }
    QComboBox *callers() const { return m_callers; }
    QComboBox *printerStatus() const { return m_status; }
    void swipe(); // the card shown in the list
    void call();  // the number shown in the list

private:
    void addToPaper(const EscPosEvent &e);
    void showOnDisplay(const DisplayState &s);
    void fillLists(AppContext &ctx);

    DemoDevices &m_devices;
    QTextEdit *m_paper;
    QLabel *m_display;
    QComboBox *m_status, *m_cards, *m_callers;
};

} // namespace huike::ui
