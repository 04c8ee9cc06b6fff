#pragma once

// The far end of a device that speaks on its own — a card reader's swipes, a caller-ID box's
// calls — played on a port (a socat pty pair's other end): what it is given goes out at its time,
// and a modem's AT commands (the listener's set-up, e.g. AT+VCID=1) are answered OK as a modem
// would. For huike-cli simulate-device and the demo store's devices (ui/devices/demodevices).

#include "core/result.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QList>
#include <atomic>
#include <functional>
#include <mutex>

namespace huike {

class DeviceConnection;

class SenderSimulator {
public:
    struct Event {
        enum class Kind : std::uint8_t { Sent, Command };
        Kind kind = Kind::Sent;
        QByteArray bytes; // Sent: what went out; Command: the AT command heard (trimmed)
    };

    // Sent once `afterMs` have passed since run() began (at once when that is past); from any thread.
    void send(const QByteArray &bytes, qint64 afterMs = 0);
    void stop() { m_stop = true; }

    // Until `until` expires or stop(): sends, answers, and tells `onEvent` (on this thread). An
    // error when the port stops taking bytes.
    Status run(DeviceConnection &port, QDeadlineTimer until, const std::function<void(const Event &)> &onEvent);

private:
    struct Pending {
        QByteArray bytes;
        qint64 afterMs = 0;
    };
    std::mutex m_mutex;
    QList<Pending> m_pending; // in the order given
    std::atomic<bool> m_stop{false};
};

} // namespace huike
