#include "sendersimulator.h"

#include "transport/connection.h"

#include <QElapsedTimer>

namespace huike {

void SenderSimulator::send(const QByteArray &bytes, qint64 afterMs)
{
    std::lock_guard lock(m_mutex);
    m_pending.append({bytes, afterMs});
}

Status SenderSimulator::run(DeviceConnection &port, QDeadlineTimer until,
                            const std::function<void(const Event &)> &onEvent)
{
    QElapsedTimer clock;
    clock.start();
    QByteArray heard;
    while (!m_stop && !until.hasExpired()) {
        heard += port.read(256, 20);
        for (qsizetype cr; (cr = heard.indexOf('\r')) >= 0; heard.remove(0, cr + 1)) {
            const QByteArray line = heard.left(cr).trimmed();
            if (!line.toUpper().startsWith("AT"))
                continue;
            onEvent({Event::Kind::Command, line});
            if (auto st = port.write("\r\nOK\r\n", 1000); !st)
                return st;
        }
        if (heard.size() > 4096) // noise with no CR in it: a modem would not keep it either
            heard.clear();
        QList<QByteArray> due;
        {
            std::lock_guard lock(m_mutex);
            while (!m_pending.isEmpty() && m_pending.first().afterMs <= clock.elapsed())
                due.append(m_pending.takeFirst().bytes);
        }
        for (const QByteArray &bytes : due) {
            if (auto st = port.write(bytes, 2000); !st)
                return st;
            onEvent({Event::Kind::Sent, bytes});
        }
    }
    return Ok{};
}

} // namespace huike
