// The counter's devices from the command line: a receipt printed on a printer, a printer's test
// page, and the simulators that play a device at the other end of a pty pair (socat) for the
// integration tests and the demo.

#include "commands.h"

#include "app/appcontext.h"
#include "core/printlayout.h"
#include "printer/escpos.h"
#include "printer/printerport.h"
#include "printer/printersimulator.h"
#include "sales/printer.h"
#include "store/settings.h"
#include "transport/connection.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>

namespace huike::cli {

namespace {

std::optional<DeviceSpec> specArgument(const QString &text)
{
    QString why;
    auto spec = parseDeviceSpec(text, &why);
    if (!spec)
        err() << "error: " << why << "\n";
    return spec;
}

EscPosProfile profileFor(int columns, bool chineseMode)
{
    EscPosProfile profile;
    profile.columns = columns;
    profile.chineseMode = chineseMode;
    return profile;
}

QString eventJson(const EscPosEvent &e)
{
    QJsonObject o;
    switch (e.kind) {
    case EscPosEvent::Kind::Text:
        o = {{QStringLiteral("event"), QStringLiteral("text")}, {QStringLiteral("text"), e.text}};
        if (e.large)
            o.insert(QStringLiteral("large"), true);
        if (e.bold)
            o.insert(QStringLiteral("bold"), true);
        break;
    case EscPosEvent::Kind::Barcode:
        o = {{QStringLiteral("event"), QStringLiteral("barcode")}, {QStringLiteral("data"), e.text}};
        break;
    case EscPosEvent::Kind::QrCode:
        o = {{QStringLiteral("event"), QStringLiteral("qr")}, {QStringLiteral("data"), e.text}};
        break;
    case EscPosEvent::Kind::Image:
        o = {{QStringLiteral("event"), QStringLiteral("image")},
             {QStringLiteral("width"), e.n},
             {QStringLiteral("height"), e.height}};
        break;
    case EscPosEvent::Kind::Cut:
        o = {{QStringLiteral("event"), QStringLiteral("cut")}};
        break;
    case EscPosEvent::Kind::Kick:
        o = {{QStringLiteral("event"), QStringLiteral("kick")}};
        break;
    case EscPosEvent::Kind::StatusQuery:
        o = {{QStringLiteral("event"), QStringLiteral("status")}, {QStringLiteral("n"), e.n}};
        break;
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

int printReceipt(AppContext &ctx, const QString &receiptNo, const QString &specText, int columns)
{
    const auto spec = specArgument(specText);
    if (!spec)
        return 2;
    auto r = ctx.receipts().load(receiptNo);
    if (!r) {
        err() << "error: " << r.error().message << "\n";
        return 1;
    }
    const PrinterSettings printer = loadPrinterSettings(Settings(ctx.db()));
    const QByteArray job =
        encodeEscPos(ctx.receipts().layout(*r, columns, printer.printing()), profileFor(columns, printer.chineseMode));
    if (auto st = printOn(*spec, job); !st) {
        err() << "error: " << st.error().message << "\n";
        return 1;
    }
    out() << r->receiptNo << " printed on " << spec->toString() << " (" << job.size() << " bytes)\n";
    return 0;
}

int cmdDevice(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("width", "32 (58 mm paper) or 48 (80 mm)", "N"),
                option("no-chinese-mode", "do not send FS & (for printers that take GB18030 without it)")}))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 3 || pos.at(0) != QLatin1String("test") || pos.at(1) != QLatin1String("printer")) {
        err() << "usage: huike-cli device test printer SPEC [--width 32|48] [--no-chinese-mode]\n";
        return 2;
    }
    const auto width = paperWidth(p);
    if (!width)
        return 2;
    const auto spec = specArgument(pos.at(2));
    if (!spec)
        return 2;
    const int columns = *width;
    const PrintLayout page = printerTestPage(columns, spec->toString());
    const QByteArray job = encodeEscPos(page, profileFor(columns, !p.isSet(QStringLiteral("no-chinese-mode"))));
    if (auto st = printOn(*spec, job); !st) {
        err() << "error: " << st.error().message << "\n";
        return 1;
    }
    out() << "test page printed on " << spec->toString() << " (" << job.size() << " bytes)\n";
    return 0;
}

int cmdSimulateDevice(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("port", "the pty (or serial port) the simulator plays the device on", "PATH"),
                option("status", "printer: ok, paper-low, paper-out, cover-open or offline", "STATE"),
                option("seconds", "stop after N seconds (0: run until killed)", "N")}))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1 || pos.first() != QLatin1String("printer") || !p.isSet(QStringLiteral("port"))) {
        err() << "usage: huike-cli simulate-device printer --port PATH [--status STATE] [--seconds N]\n";
        return 2;
    }
    PrinterStatus status;
    const QString state = p.value(QStringLiteral("status"));
    if (state == QLatin1String("paper-low"))
        status.paperLow = true;
    else if (state == QLatin1String("paper-out"))
        status.paperOut = true;
    else if (state == QLatin1String("cover-open"))
        status.coverOpen = true;
    else if (state == QLatin1String("offline"))
        status.online = false;
    else if (!state.isEmpty() && state != QLatin1String("ok")) {
        err() << "error: --status is ok, paper-low, paper-out, cover-open or offline\n";
        return 2;
    }
    const auto seconds = numberOption(p, QStringLiteral("seconds"), 0, 0, 86400);
    if (!seconds)
        return 2;
    DeviceSpec spec;
    spec.path = p.value(QStringLiteral("port"));
    auto port = DeviceConnection::open(spec);
    if (!port) {
        err() << "error: " << port.error().message << "\n";
        return 1;
    }
    // Each thing the printer does, as one JSON line, the moment it does it.
    PrinterSimulator printer(status);
    printer.run(**port, *seconds > 0 ? QDeadlineTimer(*seconds * 1000) : QDeadlineTimer(QDeadlineTimer::Forever),
                [](const EscPosEvent &e) {
                    out() << eventJson(e) << "\n";
                    out().flush();
                });
    return 0;
}

} // namespace huike::cli
