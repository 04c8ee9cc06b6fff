#include "devicespec.h"

#include <QCoreApplication>
#include <QStringList>

namespace huike {

namespace {

QString say(const char *text)
{
    return QCoreApplication::translate("Devices", text);
}

} // namespace

QString DeviceSpec::toString() const
{
    switch (kind) {
    case Kind::Serial:
        return QStringLiteral("serial:%1:%2:%3%4%5%6")
            .arg(path)
            .arg(baud)
            .arg(dataBits)
            .arg(QLatin1Char(parity))
            .arg(stopBits)
            .arg(flow == Flow::RtsCts    ? QStringLiteral(":rtscts")
                 : flow == Flow::XonXoff ? QStringLiteral(":xonxoff")
                                         : QString());
    case Kind::Tcp:
        return QStringLiteral("tcp:%1:%2").arg(host).arg(port);
    case Kind::Usb:
        return QStringLiteral("usb:") + path;
    case Kind::File:
        return QStringLiteral("file:") + path;
    }
    return {};
}

std::optional<DeviceSpec> parseDeviceSpec(const QString &text, QString *why)
{
    const auto fail = [&](const QString &reason) -> std::optional<DeviceSpec> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    const QString t = text.trimmed();
    const qsizetype colon = t.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return fail(say(QT_TRANSLATE_NOOP("Devices", "A device is written like serial:/dev/ttyUSB0:9600, tcp:192.168.1.50:9100, "
                        "usb:/dev/usb/lp0 or file:/path/out.bin.")));
    const QString kind = t.left(colon).toLower();
    const QString rest = t.mid(colon + 1);
    DeviceSpec s;
    if (kind == QLatin1String("file") || kind == QLatin1String("usb")) {
        if (rest.isEmpty())
            return fail(say(QT_TRANSLATE_NOOP("Devices", "The device needs a path, like file:/tmp/receipt.bin or usb:/dev/usb/lp0.")));
        s.kind = kind == QLatin1String("file") ? DeviceSpec::Kind::File : DeviceSpec::Kind::Usb;
        s.path = rest;
        return s;
    }
    const QStringList parts = rest.split(QLatin1Char(':'));
    if (kind == QLatin1String("tcp")) {
        s.kind = DeviceSpec::Kind::Tcp;
        s.host = parts.value(0);
        if (s.host.isEmpty() || parts.size() > 2)
            return fail(say(QT_TRANSLATE_NOOP("Devices", "A network printer is written like tcp:192.168.1.50:9100.")));
        if (parts.size() == 2) {
            bool ok = false;
            s.port = parts.at(1).toInt(&ok);
            if (!ok || s.port < 1 || s.port > 65535)
                return fail(say(QT_TRANSLATE_NOOP("Devices", "The network port is a number from 1 to 65535 (printers listen on 9100).")));
        }
        return s;
    }
    if (kind != QLatin1String("serial"))
        return fail(say(QT_TRANSLATE_NOOP("Devices", "The device kind is serial, tcp, usb or file.")));
    s.path = parts.value(0);
    if (s.path.isEmpty())
        return fail(say(QT_TRANSLATE_NOOP("Devices", "A serial device is written like serial:/dev/ttyUSB0:9600.")));
    if (parts.size() > 1) {
        bool ok = false;
        s.baud = parts.at(1).toInt(&ok);
        static const int rates[] = {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200};
        if (!ok || std::find(std::begin(rates), std::end(rates), s.baud) == std::end(rates))
            return fail(say(QT_TRANSLATE_NOOP("Devices", "The baud rate is one of 1200, 2400, 4800, 9600, 19200, 38400, 57600 or 115200.")));
    }
    if (parts.size() > 2) {
        const QString f = parts.at(2).toUpper(); // 8N1
        if (f.size() != 3 || f.at(0) < QLatin1Char('5') || f.at(0) > QLatin1Char('8') ||
            !QStringLiteral("NEO").contains(f.at(1)) || (f.at(2) != QLatin1Char('1') && f.at(2) != QLatin1Char('2')))
            return fail(say(QT_TRANSLATE_NOOP("Devices", "The frame is data bits, parity and stop bits, like 8N1 or 7E1.")));
        s.dataBits = f.at(0).digitValue();
        s.parity = f.at(1).toLatin1();
        s.stopBits = f.at(2).digitValue();
    }
    if (parts.size() > 3) {
        const QString flow = parts.at(3).toLower();
        if (flow == QLatin1String("rtscts"))
            s.flow = DeviceSpec::Flow::RtsCts;
        else if (flow == QLatin1String("xonxoff"))
            s.flow = DeviceSpec::Flow::XonXoff;
        else if (flow != QLatin1String("none"))
            return fail(say(QT_TRANSLATE_NOOP("Devices", "Flow control is none, rtscts or xonxoff.")));
    }
    if (parts.size() > 4)
        return fail(say(QT_TRANSLATE_NOOP("Devices", "A serial device is written like serial:/dev/ttyUSB0:9600:8N1:rtscts.")));
    return s;
}

} // namespace huike
