#pragma once

// A device opened by its spec (devicespec.h), written to and read from with time limits and no
// event loop: for the CLI and for a device's own worker thread, never the GUI thread (a serial
// port that does not answer must hold up nobody at the counter).

#include "core/result.h"
#include "devicespec.h"

#include <QByteArray>
#include <memory>

class QIODevice;

namespace huike {

class DeviceConnection {
public:
    static Result<std::unique_ptr<DeviceConnection>> open(const DeviceSpec &spec, int timeoutMs = 3000);
    ~DeviceConnection();
    DeviceConnection(const DeviceConnection &) = delete;
    DeviceConnection &operator=(const DeviceConnection &) = delete;

    const DeviceSpec &spec() const { return m_spec; }
    // All of it, or an error (the device stopped taking bytes within `timeoutMs`).
    Status write(const QByteArray &bytes, int timeoutMs = 5000);
    // What arrives within `timeoutMs`, up to `maxBytes` (returns as soon as that many are in).
    // Nothing from a file or a USB device file.
    QByteArray read(qsizetype maxBytes, int timeoutMs);
    // The device went away (a USB-serial adapter pulled, the network printer's connection closed):
    // it must be opened again.
    bool lost() const;

private:
    DeviceConnection(DeviceSpec spec, std::unique_ptr<QIODevice> device);
    DeviceSpec m_spec;
    std::unique_ptr<QIODevice> m_device;
};

} // namespace huike
