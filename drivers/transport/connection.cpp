#include "connection.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QSerialPort>
#include <QTcpSocket>

namespace huike {

namespace {

Error deviceError(const DeviceSpec &spec, const QString &why)
{
    return Error{ErrorCode::Unavailable,
                 QCoreApplication::translate("Devices", "%1 cannot be used: %2").arg(spec.toString(), why)};
}

} // namespace

DeviceConnection::DeviceConnection(DeviceSpec spec, std::unique_ptr<QIODevice> device)
    : m_spec(std::move(spec)), m_device(std::move(device))
{
}

DeviceConnection::~DeviceConnection() = default;

Result<std::unique_ptr<DeviceConnection>> DeviceConnection::open(const DeviceSpec &spec, int timeoutMs)
{
    switch (spec.kind) {
    case DeviceSpec::Kind::Serial: {
        auto port = std::make_unique<QSerialPort>();
        port->setPortName(spec.path);
        if (!port->open(QIODevice::ReadWrite))
            return deviceError(spec, port->errorString());
        port->setBaudRate(spec.baud);
        port->setDataBits(static_cast<QSerialPort::DataBits>(spec.dataBits));
        port->setParity(spec.parity == 'E'   ? QSerialPort::EvenParity
                        : spec.parity == 'O' ? QSerialPort::OddParity
                                             : QSerialPort::NoParity);
        port->setStopBits(spec.stopBits == 2 ? QSerialPort::TwoStop : QSerialPort::OneStop);
        port->setFlowControl(spec.flow == DeviceSpec::Flow::RtsCts    ? QSerialPort::HardwareControl
                             : spec.flow == DeviceSpec::Flow::XonXoff ? QSerialPort::SoftwareControl
                                                                      : QSerialPort::NoFlowControl);
        return std::unique_ptr<DeviceConnection>(new DeviceConnection(spec, std::move(port)));
    }
    case DeviceSpec::Kind::Tcp: {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(spec.host, static_cast<quint16>(spec.port));
        if (!socket->waitForConnected(timeoutMs))
            return deviceError(spec, socket->errorString());
        return std::unique_ptr<DeviceConnection>(new DeviceConnection(spec, std::move(socket)));
    }
    case DeviceSpec::Kind::Usb:
    case DeviceSpec::Kind::File: {
        auto file = std::make_unique<QFile>(spec.path);
        // A file keeps every job (a copy of what was printed); a USB printer takes them as sent.
        const QIODevice::OpenMode mode =
            spec.kind == DeviceSpec::Kind::File ? QIODevice::WriteOnly | QIODevice::Append : QIODevice::WriteOnly;
        if (!file->open(mode))
            return deviceError(spec, file->errorString());
        return std::unique_ptr<DeviceConnection>(new DeviceConnection(spec, std::move(file)));
    }
    }
    return deviceError(spec, QStringLiteral("?"));
}

Status DeviceConnection::write(const QByteArray &bytes, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    qsizetype done = 0;
    while (done < bytes.size()) {
        const qint64 n = m_device->write(bytes.constData() + done, bytes.size() - done);
        if (n < 0)
            return deviceError(m_spec, m_device->errorString());
        done += n;
    }
    if (auto *file = qobject_cast<QFile *>(m_device.get()))
        return file->flush() ? Status(Ok{}) : Status(deviceError(m_spec, file->errorString()));
    while (m_device->bytesToWrite() > 0) {
        if (deadline.hasExpired() || !m_device->waitForBytesWritten(static_cast<int>(deadline.remainingTime())))
            return deviceError(m_spec, QCoreApplication::translate("Devices", "it took no data for %1 s (offline, or "
                                                                              "the wrong port or speed?)")
                                           .arg(timeoutMs / 1000.0, 0, 'f', 1));
    }
    return Ok{};
}

bool DeviceConnection::lost() const
{
    if (!m_device->isOpen())
        return true;
    if (auto *port = qobject_cast<QSerialPort *>(m_device.get()))
        return port->error() != QSerialPort::NoError && port->error() != QSerialPort::TimeoutError;
    if (auto *socket = qobject_cast<QTcpSocket *>(m_device.get()))
        return socket->state() != QAbstractSocket::ConnectedState;
    return false;
}

QByteArray DeviceConnection::read(qsizetype maxBytes, int timeoutMs)
{
    QByteArray out;
    if (!m_spec.canRead())
        return out;
    QDeadlineTimer deadline(timeoutMs);
    while (out.size() < maxBytes) {
        if (m_device->bytesAvailable() == 0 &&
            (deadline.hasExpired() || !m_device->waitForReadyRead(static_cast<int>(deadline.remainingTime()))))
            break;
        out += m_device->read(maxBytes - out.size());
    }
    return out;
}

} // namespace huike
