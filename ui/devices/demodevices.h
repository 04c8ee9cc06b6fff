#pragma once

#include "core/result.h"
#include "display/customerdisplay.h"
#include "printer/escpos.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <vector>

class QProcess;
class QThread;

namespace huike {
class AppContext;
class PrinterSimulator;
class SenderSimulator;
}

namespace huike::ui {

// A counter's devices played by the program itself, for trying Huike with no hardware
// (`huike --demo-devices DIR`, which scripts/run-demo.sh passes): a receipt printer, a card
// reader, a caller-ID box and a 2 x 20 customer display, each on a socat pty pair in DIR. The
// till opens one end of each pair as it would a USB-serial cable; the simulators (the same ones
// huike-cli simulate-device plays) sit on the other, on threads of their own. What the printer
// and the display are sent arrives as signals; a swipe and a call are sent on request. The demo
// store's device settings are pointed at the pairs (audited, as the demo administrator); any other
// store is refused, so a shop's own settings are never replaced.
class DemoDevices : public QObject {
    Q_OBJECT
public:
    static Result<std::unique_ptr<DemoDevices>> start(AppContext &ctx, const QString &dir);
    ~DemoDevices() override;

    QString directory() const { return m_dir; }
    // The simulated printer answers DLE EOT as one in this state would (paper out: no job prints).
    void setPrinterStatus(const PrinterStatus &status);
    PrinterStatus printerStatus() const;
    // A member card swiped on the reader (a line of digits, as an RFID desk reader sends it).
    void swipe(const QString &card);
    // A call on the shop's line, as the caller-ID box reports it (AT+VCID formatted); "P" withheld.
    void call(const QString &number);

Q_SIGNALS:
    void printed(const huike::EscPosEvent &event);
    void displayed(const huike::DisplayState &state);

private:
    explicit DemoDevices(QString dir);
    Status startPair(const QString &name);
    void startSimulators();
    QString end(const QString &name, bool till) const;

    QString m_dir;
    std::vector<std::unique_ptr<QProcess>> m_socat;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::atomic<bool> m_stop{false};
    std::unique_ptr<PrinterSimulator> m_printer;
    std::unique_ptr<SenderSimulator> m_cardReader, m_callerId;
};

} // namespace huike::ui
