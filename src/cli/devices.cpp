// The counter's devices from the command line: a receipt printed on a printer, a printer's test
// page, and the simulators that play a device at the other end of a pty pair (socat) for the
// integration tests and the demo.

#include "commands.h"

#include "app/appcontext.h"
#include "core/printlayout.h"
#include "printer/escpos.h"
#include "printer/printerport.h"
#include "printer/printersimulator.h"
#include "transport/sendersimulator.h"
#include "cardreader/cardreader.h"
#include "callerid/callerid.h"
#include "display/customerdisplay.h"
#include "sales/printer.h"
#include "store/settings.h"
#include "transport/connection.h"
#include "transport/listener.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

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
        encodeEscPos(ctx.receipts().layout(*r, columns, printer.printing()), escPosProfile(columns, printer.chineseMode));
    if (auto st = printOn(*spec, job); !st) {
        err() << "error: " << st.error().message << "\n";
        return 1;
    }
    out() << r->receiptNo << " printed on " << spec->toString() << " (" << job.size() << " bytes)\n";
    return 0;
}

namespace {

int testPrinter(const QCommandLineParser &p, const QString &specText)
{
    const auto width = paperWidth(p);
    if (!width)
        return 2;
    const auto spec = specArgument(specText);
    if (!spec)
        return 2;
    PrinterSettings printer;
    printer.spec = spec->toString();
    printer.columns = *width;
    const QByteArray job = encodeEscPos(printerTestPage(printer),
                                        escPosProfile(printer.columns, !p.isSet(QStringLiteral("no-chinese-mode"))));
    if (auto st = printOn(*spec, job); !st) {
        err() << "error: " << st.error().message << "\n";
        return 1;
    }
    out() << "test page printed on " << spec->toString() << " (" << job.size() << " bytes)\n";
    return 0;
}

std::optional<CardReaderConfig> cardConfig(const QCommandLineParser &p)
{
    CardReaderConfig c;
    const QString f = p.value(QStringLiteral("card-framing"));
    if (f == QLatin1String("line"))
        c.framing = CardReaderConfig::Framing::Line;
    else if (f == QLatin1String("frame"))
        c.framing = CardReaderConfig::Framing::Frame;
    else if (f == QLatin1String("track"))
        c.framing = CardReaderConfig::Framing::Track;
    else if (!f.isEmpty() && f != QLatin1String("auto")) {
        err() << "error: --card-framing is auto, line, frame or track\n";
        return std::nullopt;
    }
    c.trackLrc = p.isSet(QStringLiteral("track-lrc"));
    return c;
}

std::optional<CallerIdConfig::Form> callerForm(const QString &f)
{
    if (f.isEmpty() || f == QLatin1String("auto"))
        return CallerIdConfig::Form::Auto;
    if (f == QLatin1String("formatted"))
        return CallerIdConfig::Form::Formatted;
    if (f == QLatin1String("hex") || f == QLatin1String("mdmf") || f == QLatin1String("sdmf"))
        return CallerIdConfig::Form::Hex;
    if (f == QLatin1String("bare"))
        return CallerIdConfig::Form::Bare;
    err() << "error: the caller-ID form is auto, formatted, hex (mdmf or sdmf) or bare\n";
    return std::nullopt;
}

QString swipeJson(const CardSwipe &s)
{
    QJsonObject o{{QStringLiteral("device"), QStringLiteral("card-reader")},
                  {QStringLiteral("card"), s.card},
                  {QStringLiteral("framing"), s.framing == CardSwipe::Framing::Line    ? QStringLiteral("line")
                                              : s.framing == CardSwipe::Framing::Frame ? QStringLiteral("frame")
                                                                                       : QStringLiteral("track")}};
    if (!s.holderName.isEmpty())
        o.insert(QStringLiteral("name"), s.holderName);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString callJson(const IncomingCall &c)
{
    QJsonObject o{{QStringLiteral("device"), QStringLiteral("caller-id")},
                  {QStringLiteral("number"), c.number},
                  {QStringLiteral("time"), QDateTime::currentDateTime().toString(Qt::ISODate)}};
    if (c.withheld != IncomingCall::Withheld::No)
        o.insert(QStringLiteral("withheld"), c.withheld == IncomingCall::Withheld::Private ? QStringLiteral("private")
                                                                                          : QStringLiteral("unavailable"));
    if (!c.name.isEmpty())
        o.insert(QStringLiteral("name"), c.name);
    if (!c.reportedAt.isEmpty())
        o.insert(QStringLiteral("reported"), c.reportedAt);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<DisplayKind> displayKind(const QString &text)
{
    if (text.isEmpty() || text == QLatin1String("led"))
        return DisplayKind::Led;
    if (text == QLatin1String("vfd"))
        return DisplayKind::Vfd;
    err() << "error: --kind is led or vfd\n";
    return std::nullopt;
}

// What a customer sees through one sale, half a second each: is every lamp and line right?
int testDisplay(const QCommandLineParser &p, const QString &specText)
{
    const auto kind = displayKind(p.value(QStringLiteral("kind")));
    const auto spec = specArgument(specText);
    if (!kind || !spec)
        return 2;
    auto port = DeviceConnection::open(*spec);
    if (!port) {
        err() << "error: " << port.error().message << "\n";
        return 1;
    }
    for (const DisplayShow &step : displayTestSteps()) {
        if (auto st = (*port)->write(encodeDisplay(*kind, step), 2000); !st) {
            err() << "error: " << st.error().message << "\n";
            return 1;
        }
        QThread::msleep(500);
    }
    out() << "display test sent to " << spec->toString() << "\n";
    return 0;
}

int listen(const QCommandLineParser &p)
{
    const QString cardSpec = p.value(QStringLiteral("card-reader"));
    const QString callSpec = p.value(QStringLiteral("caller-id"));
    if (cardSpec.isEmpty() && callSpec.isEmpty()) {
        err() << "usage: huike-cli device listen [--card-reader SPEC] [--caller-id SPEC] [--seconds N]\n";
        return 2;
    }
    const auto seconds = numberOption(p, QStringLiteral("seconds"), 0, 0, 86400);
    const auto config = cardConfig(p);
    const auto form = callerForm(p.value(QStringLiteral("caller-id-form")));
    if (!seconds || !config || !form)
        return 2;
    auto openOne = [](const QString &text) -> std::unique_ptr<DeviceConnection> {
        const auto spec = specArgument(text);
        if (!spec)
            return nullptr;
        if (!spec->canRead()) {
            err() << "error: " << spec->toString() << " cannot be read from: a reader is on a serial or TCP line\n";
            return nullptr;
        }
        auto port = DeviceConnection::open(*spec);
        if (!port) {
            err() << "error: " << port.error().message << "\n";
            return nullptr;
        }
        return std::move(*port);
    };
    std::unique_ptr<DeviceConnection> cardPort, callerPort;
    if (!cardSpec.isEmpty() && !(cardPort = openOne(cardSpec)))
        return 1;
    if (!callSpec.isEmpty() && !(callerPort = openOne(callSpec)))
        return 1;
    // A modem reports calls only once told to (AT+VCID=1, or the box's own command).
    if (callerPort && p.isSet(QStringLiteral("caller-id-setup")))
        if (auto st = callerPort->write(p.value(QStringLiteral("caller-id-setup")).toLatin1() + "\r", 2000); !st) {
            err() << "error: " << st.error().message << "\n";
            return 1;
        }
    CallerIdConfig callConfig;
    callConfig.form = *form;
    std::optional<ListenedDevice<CardReaderDecoder>> card;
    std::optional<ListenedDevice<CallerIdDecoder>> caller;
    if (cardPort)
        card.emplace(std::move(cardPort), CardReaderDecoder(*config));
    if (callerPort)
        caller.emplace(std::move(callerPort), CallerIdDecoder(callConfig));
    const QDeadlineTimer until = *seconds > 0 ? QDeadlineTimer(*seconds * 1000) : QDeadlineTimer(QDeadlineTimer::Forever);
    const int slice = card && caller ? 50 : 100;
    // Each event as a JSON line; what the codec dropped since the last turn, on stderr.
    auto drain = [slice](auto &device, int &rejected, const char *name, auto toJson) {
        if (!device)
            return;
        for (const auto &event : device->poll(slice))
            out() << toJson(event) << "\n";
        if (device->decoder().rejected() > rejected)
            err() << name << ": dropped " << device->decoder().lastProblem() << "\n";
        rejected = device->decoder().rejected();
    };
    int cardRejected = 0, callRejected = 0;
    while (!until.hasExpired()) {
        drain(card, cardRejected, "card-reader", swipeJson);
        drain(caller, callRejected, "caller-id", callJson);
        out().flush();
        err().flush();
    }
    return 0;
}

} // namespace

const char *const kDeviceUsage =
    "usage: huike-cli device test printer SPEC [--width 32|48] [--no-chinese-mode]\n"
    "       huike-cli device test display SPEC [--kind led|vfd]   (welcome, a price, total, paid, change)\n"
    "       huike-cli device listen [--card-reader SPEC [--card-framing KIND] [--track-lrc]]\n"
    "                               [--caller-id SPEC [--caller-id-form FORM] [--caller-id-setup CMD]]\n"
    "                               [--seconds N]\n"
    "  listen prints each card swiped and each call as one JSON line:\n"
    "    {\"device\":\"card-reader\",\"card\":\"0012345678\",\"framing\":\"line|frame|track\"[,\"name\":..]}\n"
    "    {\"device\":\"caller-id\",\"number\":\"13800138000\",\"time\":\"2026-12-07T10:34:05\"\n"
    "     [,\"withheld\":\"private|unavailable\"][,\"name\":..][,\"reported\":\"MMDDHHMM\"]}\n"
    "  time is this computer's local time when the call came in; reported is the box's own stamp.\n"
    "  Card framings (--card-framing; auto tells each message by its first byte):\n"
    "    line   the number as decimal or hex digits, then CR and/or LF (RFID desk readers)\n"
    "    frame  STX, 10 hex digits, 2 hex digits of XOR checksum, ETX (EM4100): the card is the tag\n"
    "           as ten decimal digits, as printed on its face\n"
    "    track  magnetic stripe %B..^NAME^..? and ;..=..? (--track-lrc: each followed by its LRC)\n"
    "  Caller-ID forms (--caller-id-form; auto tells each line by its shape):\n"
    "    formatted  DATE = MMDD, TIME = HHMM, NMBR = ..., NAME = ... (AT+VCID=1)\n"
    "    hex        the MDMF or SDMF message as hex digits, checksum verified (AT+VCID=2)\n"
    "    bare       the number alone on a line\n"
    "  A withheld number (P or O) has number \"\" and withheld set. Lines that are no card or call\n"
    "  (a wrong checksum, noise) are reported on stderr and dropped.\n";

int cmdDevice(const QStringList &args)
{
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        out() << kDeviceUsage;
        return 0;
    }
    QCommandLineParser p;
    if (!parse(p, args,
               {option("width", "test printer: 32 (58 mm paper) or 48 (80 mm)", "N"),
                option("no-chinese-mode", "test printer: do not send FS & (for printers that take GB18030 without it)"),
                option("card-reader", "listen: the card reader's spec (serial: or tcp:)", "SPEC"),
                option("card-framing", "listen: auto (default), line, frame or track", "KIND"),
                option("track-lrc", "listen: the magnetic reader sends each track's LRC (checked)"),
                option("caller-id", "listen: the caller-ID box's or modem's spec", "SPEC"),
                option("caller-id-form", "listen: auto (default), formatted, hex or bare", "FORM"),
                option("caller-id-setup", "listen: a command sent to the modem first, e.g. AT+VCID=1", "CMD"),
                option("seconds", "listen: stop after N seconds (0: until killed)", "N"),
                option("kind", "test display: led (8 digits, default) or vfd (2 x 20)", "KIND")}))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() == 3 && pos.at(0) == QLatin1String("test") && pos.at(1) == QLatin1String("printer"))
        return testPrinter(p, pos.at(2));
    if (pos.size() == 3 && pos.at(0) == QLatin1String("test") && pos.at(1) == QLatin1String("display"))
        return testDisplay(p, pos.at(2));
    if (pos.size() == 1 && pos.at(0) == QLatin1String("listen"))
        return listen(p);
    err() << kDeviceUsage;
    return 2;
}

namespace {

// The simulated device's end of the cable (--port), or none with the reason said.
std::optional<std::unique_ptr<DeviceConnection>> simulatorPort(const QCommandLineParser &p)
{
    DeviceSpec spec;
    spec.path = p.value(QStringLiteral("port"));
    auto port = DeviceConnection::open(spec);
    if (!port) {
        err() << "error: " << port.error().message << "\n";
        return std::nullopt;
    }
    return std::move(*port);
}

// The device's end of the cable sends its messages once the port is open, after --delay-ms, and a
// modem answers OK to each AT command it is sent (the listener's set-up).
int playSender(const QCommandLineParser &p, const QList<QByteArray> &messages)
{
    const auto seconds = numberOption(p, QStringLiteral("seconds"), 2, 0, 86400);
    const auto delay = numberOption(p, QStringLiteral("delay-ms"), 500, 0, 60000);
    const auto gap = numberOption(p, QStringLiteral("interval-ms"), 300, 0, 60000);
    if (!seconds || !delay || !gap)
        return 2;
    auto port = simulatorPort(p);
    if (!port)
        return 1;
    SenderSimulator device;
    for (qsizetype i = 0; i < messages.size(); ++i)
        device.send(messages.at(i), *delay + *gap * i);
    const QDeadlineTimer until(qMax<qint64>(*seconds * 1000, *delay + *gap * messages.size() + 500));
    const Status st = device.run(**port, until, [](const SenderSimulator::Event &e) {
        const QJsonObject o = e.kind == SenderSimulator::Event::Kind::Command
                                  ? QJsonObject{{QStringLiteral("event"), QStringLiteral("command")},
                                                {QStringLiteral("text"), QString::fromLatin1(e.bytes)}}
                                  : QJsonObject{{QStringLiteral("event"), QStringLiteral("sent")},
                                                {QStringLiteral("bytes"), static_cast<int>(e.bytes.size())}};
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        out().flush();
    });
    if (!st) {
        err() << "error: " << st.error().message << "\n";
        return 1;
    }
    return 0;
}

int simulatePrinter(const QCommandLineParser &p)
{
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
    auto port = simulatorPort(p);
    if (!port)
        return 1;
    // Each thing the printer does, as one JSON line, the moment it does it.
    PrinterSimulator printer(status);
    printer.run(**port, *seconds > 0 ? QDeadlineTimer(*seconds * 1000) : QDeadlineTimer(QDeadlineTimer::Forever),
                [](const EscPosEvent &e) {
                    out() << eventJson(e) << "\n";
                    out().flush();
                });
    return 0;
}

int simulateDisplay(const QCommandLineParser &p)
{
    const auto kind = displayKind(p.value(QStringLiteral("kind")));
    const auto seconds = numberOption(p, QStringLiteral("seconds"), 0, 0, 86400);
    if (!kind || !seconds)
        return 2;
    auto port = simulatorPort(p);
    if (!port)
        return 1;
    static const char *const lamps[] = {"none", "price", "total", "paid", "change"};
    CustomerDisplayDecoder display(*kind);
    const QDeadlineTimer until = *seconds > 0 ? QDeadlineTimer(*seconds * 1000) : QDeadlineTimer(QDeadlineTimer::Forever);
    while (!until.hasExpired())
        for (const DisplayState &shown : display.feed((*port)->read(4096, 100))) {
            QJsonObject o{{QStringLiteral("event"), QStringLiteral("display")}};
            if (*kind == DisplayKind::Led) {
                o.insert(QStringLiteral("lamp"), QString::fromLatin1(lamps[std::clamp(shown.lamp, 0, 4)]));
                o.insert(QStringLiteral("number"), shown.number);
            } else {
                o.insert(QStringLiteral("line1"), shown.line1);
                o.insert(QStringLiteral("line2"), shown.line2);
            }
            out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
            out().flush();
        }
    return 0;
}

} // namespace

int cmdSimulateDevice(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("port", "the pty (or serial port) the simulator plays the device on", "PATH"),
                option("status", "printer: ok, paper-low, paper-out, cover-open or offline", "STATE"),
                option("card", "card-reader: a card to swipe (repeat for more)", "NUMBER"),
                option("framing", "card-reader: line (default), frame or track", "KIND"),
                option("name", "card-reader: the holder on track 1; caller-id: the caller's name", "TEXT"),
                option("track-lrc", "card-reader: send each track's LRC"),
                option("number", "caller-id: the calling number (P withheld, O unavailable; repeat for more)", "N"),
                option("form", "caller-id: formatted (default), mdmf, sdmf or bare", "FORM"),
                option("delay-ms", "card-reader, caller-id: wait this long before the first (500)", "MS"),
                option("interval-ms", "card-reader, caller-id: between one and the next (300)", "MS"),
                option("kind", "display: led (default) or vfd", "KIND"),
                option("seconds", "stop after N seconds (printer, display: 0 runs until killed; the others: 2)", "N")}))
        return 2;
    const QStringList pos = p.positionalArguments();
    const QString kind = pos.value(0);
    if (pos.size() != 1 || !p.isSet(QStringLiteral("port")) ||
        (kind != QLatin1String("printer") && kind != QLatin1String("card-reader") && kind != QLatin1String("caller-id") &&
         kind != QLatin1String("display"))) {
        err() << "usage: huike-cli simulate-device printer --port PATH [--status STATE] [--seconds N]\n"
                 "       huike-cli simulate-device card-reader --port PATH --card N [--card N...]\n"
                 "                 [--framing line|frame|track] [--name TEXT] [--track-lrc]\n"
                 "       huike-cli simulate-device caller-id --port PATH --number N [--number N...]\n"
                 "                 [--form formatted|mdmf|sdmf|bare] [--name TEXT]\n"
                 "       huike-cli simulate-device display --port PATH [--kind led|vfd] [--seconds N]\n"
                 "  display prints what it shows as JSON: {\"event\":\"display\",\"lamp\":\"price|total|paid|change|none\",\n"
                 "  \"number\":\"12.50\"} (led) or {\"event\":\"display\",\"line1\":..,\"line2\":..} (vfd).\n"
                 "  card-reader and caller-id send after --delay-ms, --interval-ms apart, then stay --seconds\n"
                 "  (answering OK to AT commands); each line sent is reported as JSON.\n";
        return 2;
    }
    if (kind == QLatin1String("printer"))
        return simulatePrinter(p);
    if (kind == QLatin1String("display"))
        return simulateDisplay(p);
    QList<QByteArray> messages;
    if (kind == QLatin1String("card-reader")) {
        const QString f = p.value(QStringLiteral("framing"));
        const CardSwipe::Framing framing = f == QLatin1String("frame")   ? CardSwipe::Framing::Frame
                                           : f == QLatin1String("track") ? CardSwipe::Framing::Track
                                                                         : CardSwipe::Framing::Line;
        for (const QString &card : p.values(QStringLiteral("card"))) {
            const QByteArray bytes = encodeCardSwipe(framing, card, p.value(QStringLiteral("name")),
                                                     p.isSet(QStringLiteral("track-lrc")));
            if (bytes.isEmpty()) {
                err() << "error: " << card << " cannot be sent as an EM4100 frame (ten digits, at most 4294967295)\n";
                return 2;
            }
            messages << bytes;
        }
    } else {
        const QString f = p.value(QStringLiteral("form"));
        const auto form = callerForm(f);
        if (!form)
            return 2;
        const QString now = QDateTime::currentDateTime().toString(QStringLiteral("MMddHHmm"));
        for (const QString &number : p.values(QStringLiteral("number"))) {
            IncomingCall call;
            call.withheld = number == QLatin1String("P")   ? IncomingCall::Withheld::Private
                            : number == QLatin1String("O") ? IncomingCall::Withheld::Unavailable
                                                           : IncomingCall::Withheld::No;
            if (call.withheld == IncomingCall::Withheld::No)
                call.number = number;
            call.name = p.value(QStringLiteral("name"));
            call.reportedAt = now;
            messages << encodeCall(*form, call, f == QLatin1String("sdmf"));
        }
    }
    if (messages.isEmpty()) {
        err() << "error: give " << (kind == QLatin1String("card-reader") ? "--card" : "--number") << " at least once\n";
        return 2;
    }
    return playSender(p, messages);
}

} // namespace huike::cli
