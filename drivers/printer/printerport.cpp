#include "printerport.h"

#include "transport/connection.h"

#include <QCoreApplication>
#include <QStringList>

namespace huike {

std::optional<PrinterStatus> queryPrinterStatus(DeviceConnection &printer, int timeoutMs)
{
    if (!printer.spec().canRead())
        return std::nullopt;
    std::uint8_t answers[3] = {};
    const int which[] = {1, 2, 4};
    for (int k = 0; k < 3; ++k) {
        if (!printer.write(escPosStatusQuery(which[k]), timeoutMs))
            return std::nullopt;
        const QByteArray b = printer.read(1, timeoutMs);
        if (b.size() != 1)
            return std::nullopt;
        answers[k] = static_cast<std::uint8_t>(b.at(0));
    }
    return decodeEscPosStatus(answers[0], answers[1], answers[2]);
}

QString printerTrouble(const PrinterStatus &s)
{
    QStringList out;
    if (!s.online)
        out << QCoreApplication::translate("Devices", "offline");
    if (s.paperOut)
        out << QCoreApplication::translate("Devices", "out of paper");
    if (s.coverOpen)
        out << QCoreApplication::translate("Devices", "cover open");
    if (s.error)
        out << QCoreApplication::translate("Devices", "printer error (cutter jammed?)");
    if (out.isEmpty() && s.paperLow)
        out << QCoreApplication::translate("Devices", "paper running low");
    return out.join(QStringLiteral(", "));
}

Status printOn(const DeviceSpec &spec, const QByteArray &job)
{
    auto printer = DeviceConnection::open(spec);
    if (!printer)
        return printer.error();
    if (auto status = queryPrinterStatus(**printer); status && !status->ok())
        return Error{ErrorCode::Unavailable, QCoreApplication::translate("Devices", "The printer at %1 cannot print: %2.")
                                                 .arg(spec.toString(), printerTrouble(*status))};
    return (*printer)->write(job);
}

} // namespace huike
