#pragma once

// The printer's side of a cable, for the integration tests and the demo: what arrives on a port
// decoded (EscPosDecoder) into events, and DLE EOT answered as a printer in `status` would. The
// status can change while it runs (paper put in), from another thread.

#include "printer/escpos.h"

#include <QDeadlineTimer>
#include <atomic>
#include <functional>
#include <mutex>

namespace huike {

class DeviceConnection;

class PrinterSimulator {
public:
    explicit PrinterSimulator(const PrinterStatus &status = {}) : m_status(status) {}

    void setStatus(const PrinterStatus &status);
    PrinterStatus status() const;
    void stop() { m_stop = true; }

    // Until `until` expires or stop(): each event to `onEvent` as it is decoded (on this thread).
    void run(DeviceConnection &port, QDeadlineTimer until, const std::function<void(const EscPosEvent &)> &onEvent);

private:
    mutable std::mutex m_mutex;
    PrinterStatus m_status;
    std::atomic<bool> m_stop{false};
};

} // namespace huike
