#pragma once

// A device that speaks on its own (a card reader, a caller-ID box) being listened to, blocking,
// on a thread of its own or the CLI's: what arrives goes to its codec, and a message with no end
// of its own (a swipe with no CR after it, a modem report with no blank line) is taken as complete
// once the line has been quiet for a moment.

#include "transport/connection.h"

#include <QElapsedTimer>
#include <memory>

namespace huike {

template <class Decoder> class ListenedDevice {
public:
    static constexpr int kQuietMs = 300;

    ListenedDevice(std::unique_ptr<DeviceConnection> port, Decoder decoder)
        : m_port(std::move(port)), m_decoder(std::move(decoder))
    {
    }

    // What came within `sliceMs`, decoded; the events a quiet line completes too.
    auto poll(int sliceMs)
    {
        const QByteArray bytes = m_port->read(4096, sliceMs);
        if (!bytes.isEmpty()) {
            m_quiet.start();
            m_pending = true;
            return m_decoder.feed(bytes);
        }
        if (m_pending && m_quiet.elapsed() > kQuietMs) {
            m_pending = false;
            return m_decoder.flush();
        }
        return decltype(m_decoder.flush()){};
    }

    DeviceConnection &port() { return *m_port; }
    const Decoder &decoder() const { return m_decoder; }

private:
    std::unique_ptr<DeviceConnection> m_port;
    Decoder m_decoder;
    QElapsedTimer m_quiet;
    bool m_pending = false;
};

} // namespace huike
