#include "printersimulator.h"

#include "transport/connection.h"

namespace huike {

void PrinterSimulator::setStatus(const PrinterStatus &status)
{
    std::lock_guard lock(m_mutex);
    m_status = status;
}

PrinterStatus PrinterSimulator::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

void PrinterSimulator::run(DeviceConnection &port, QDeadlineTimer until,
                           const std::function<void(const EscPosEvent &)> &onEvent)
{
    EscPosDecoder printer;
    while (!m_stop && !until.hasExpired()) {
        const QByteArray bytes = port.read(4096, 100);
        if (bytes.isEmpty())
            continue;
        for (const EscPosEvent &e : printer.feed(bytes)) {
            onEvent(e);
            if (e.kind == EscPosEvent::Kind::StatusQuery)
                (void)port.write(QByteArray(1, static_cast<char>(escPosStatusByte(e.n, status()))), 1000);
        }
    }
}

} // namespace huike
