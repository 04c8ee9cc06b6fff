#include "demodevices.h"

#include "app/appcontext.h"
#include "callerid/callerid.h"
#include "cardreader/cardreader.h"
#include "printer/printersimulator.h"
#include "sales/printer.h"
#include "store/devicesettings.h"
#include "transport/connection.h"
#include "transport/sendersimulator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <spdlog/spdlog.h>

namespace huike::ui {

namespace {

// The demo administrator, who changes the demo store's device settings (each change audited).
Result<qint64> demoAdministrator(AppContext &ctx)
{
    for (const Operator &o : ctx.operators().list())
        if (o.role == Role::Admin && o.active)
            return o.id;
    return Error{ErrorCode::NotFound, QCoreApplication::translate("DemoDevices", "The demo store has no administrator to set its devices up.")};
}

// The simulator's end of a pair, opened again until it opens (socat makes the link a moment
// after it starts) or the program stops.
std::unique_ptr<DeviceConnection> openSimulatorEnd(const QString &path, const std::atomic<bool> &stop)
{
    DeviceSpec spec;
    spec.path = path;
    while (!stop) {
        if (auto port = DeviceConnection::open(spec, 1000))
            return std::move(*port);
        QThread::msleep(200);
    }
    return nullptr;
}

} // namespace

DemoDevices::DemoDevices(QString dir)
    : m_dir(std::move(dir)), m_printer(std::make_unique<PrinterSimulator>()),
      m_cardReader(std::make_unique<SenderSimulator>()), m_callerId(std::make_unique<SenderSimulator>())
{
}

Result<std::unique_ptr<DemoDevices>> DemoDevices::start(AppContext &ctx, const QString &dir)
{
    if (ctx.settings().value(QStringLiteral("demo")) != QLatin1String("1"))
        return Error{ErrorCode::Invalid, QCoreApplication::translate("DemoDevices", "Simulated devices run only on a demo store (huike-cli init --demo): "
                                            "a shop's own device settings are never replaced.")};
    const QString path = QDir(dir).absolutePath();
    if (path.contains(QLatin1Char(':')))
        return Error{ErrorCode::Invalid, QCoreApplication::translate("DemoDevices", "The folder for the simulated devices may not contain a colon: %1").arg(path)};
    if (!QDir().mkpath(path))
        return Error{ErrorCode::Storage, QCoreApplication::translate("DemoDevices", "Cannot create the folder for the simulated devices: %1").arg(path)};
    auto admin = demoAdministrator(ctx);
    if (!admin)
        return admin.error();

    std::unique_ptr<DemoDevices> devices(new DemoDevices(path));
    for (const char *name : {"printer", "card-reader", "caller-id", "display"})
        if (auto st = devices->startPair(QString::fromLatin1(name)); !st)
            return st.error();

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    PrinterSettings printer = loadPrinterSettings(ctx.settings());
    printer.spec = devices->end(QStringLiteral("printer"), true);
    if (auto st = savePrinterSettings(ctx.settings(), printer, *admin, now); !st)
        return st.error();
    CounterDeviceSettings counter = loadCounterDevices(ctx.settings());
    counter.cardReaderSpec = devices->end(QStringLiteral("card-reader"), true);
    counter.cardFraming = QStringLiteral("auto");
    counter.callerIdSpec = devices->end(QStringLiteral("caller-id"), true);
    counter.callerIdForm = QStringLiteral("auto");
    counter.callerIdSetup = QStringLiteral("AT+VCID=1");
    counter.displaySpec = devices->end(QStringLiteral("display"), true);
    counter.displayKind = QStringLiteral("vfd");
    if (auto st = saveCounterDevices(ctx.settings(), counter, *admin, now); !st)
        return st.error();
    devices->startSimulators();
    spdlog::info("demo devices on pty pairs in {}", path.toStdString());
    return devices;
}

DemoDevices::~DemoDevices()
{
    m_stop = true;
    m_printer->stop();
    m_cardReader->stop();
    m_callerId->stop();
    for (auto &t : m_threads)
        t->wait();
    for (auto &p : m_socat) {
        p->terminate();
        p->waitForFinished(2000);
    }
}

QString DemoDevices::end(const QString &name, bool till) const
{
    const QString path = QDir(m_dir).filePath(till ? name : name + QStringLiteral(".sim"));
    return till ? QStringLiteral("serial:%1:9600").arg(path) : path;
}

// One socat joins two pseudo-terminals: the till's end (DIR/NAME) and the simulator's (NAME.sim).
Status DemoDevices::startPair(const QString &name)
{
    const QString exe = QStandardPaths::findExecutable(QStringLiteral("socat"));
    if (exe.isEmpty())
        return Error{ErrorCode::NotFound, QCoreApplication::translate("DemoDevices", "Simulated devices need socat: sudo apt-get install socat")};
    const QString till = QDir(m_dir).filePath(name), sim = end(name, false);
    QFile::remove(till); // a link left by a run that ended without tidying up
    QFile::remove(sim);
    auto p = std::make_unique<QProcess>();
    p->start(exe, {QStringLiteral("pty,raw,echo=0,link=") + till, QStringLiteral("pty,raw,echo=0,link=") + sim});
    if (!p->waitForStarted(5000))
        return Error{ErrorCode::Unavailable, QCoreApplication::translate("DemoDevices", "socat did not start: %1").arg(p->errorString())};
    for (int i = 0; i < 100 && !(QFileInfo::exists(till) && QFileInfo::exists(sim)); ++i)
        QThread::msleep(20);
    if (!QFileInfo::exists(till) || !QFileInfo::exists(sim))
        return Error{ErrorCode::Unavailable, QCoreApplication::translate("DemoDevices", "socat made no pseudo-terminals in %1").arg(m_dir)};
    m_socat.push_back(std::move(p));
    return Ok{};
}

void DemoDevices::startSimulators()
{
    // Each device's own thread; what it has to tell goes to the GUI thread, and is dropped if this
    // is gone by then.
    const QPointer<DemoDevices> self(this);
    const auto post = [self](auto f) {
        QMetaObject::invokeMethod(self, [self, f] {
            if (self)
                f(*self);
        }, Qt::QueuedConnection);
    };
    const auto spawn = [this](auto body) {
        m_threads.push_back(std::unique_ptr<QThread>(QThread::create(body)));
        m_threads.back()->start();
    };
    spawn([this, post, path = end(QStringLiteral("printer"), false)] {
        if (auto port = openSimulatorEnd(path, m_stop))
            m_printer->run(*port, QDeadlineTimer(QDeadlineTimer::Forever), [&post](const EscPosEvent &e) {
                if (e.kind != EscPosEvent::Kind::StatusQuery) // asked every few seconds: not news
                    post([e](DemoDevices &d) { Q_EMIT d.printed(e); });
            });
    });
    spawn([this, post, path = end(QStringLiteral("display"), false)] {
        auto port = openSimulatorEnd(path, m_stop);
        CustomerDisplayDecoder display(DisplayKind::Vfd);
        while (port && !m_stop)
            for (const DisplayState &s : display.feed(port->read(4096, 100)))
                post([s](DemoDevices &d) { Q_EMIT d.displayed(s); });
    });
    for (auto [name, device] : {std::pair{QStringLiteral("card-reader"), m_cardReader.get()},
                                std::pair{QStringLiteral("caller-id"), m_callerId.get()}})
        spawn([this, device, path = end(name, false)] {
            if (auto port = openSimulatorEnd(path, m_stop))
                if (auto st = device->run(*port, QDeadlineTimer(QDeadlineTimer::Forever), [](const auto &) {}); !st)
                    spdlog::warn("demo device {}: {}", path.toStdString(), st.error().message.toStdString());
        });
}

void DemoDevices::setPrinterStatus(const PrinterStatus &status)
{
    m_printer->setStatus(status);
}

PrinterStatus DemoDevices::printerStatus() const
{
    return m_printer->status();
}

void DemoDevices::swipe(const QString &card)
{
    m_cardReader->send(encodeCardSwipe(CardSwipe::Framing::Line, card.trimmed()));
}

void DemoDevices::call(const QString &number)
{
    IncomingCall c;
    const QString n = number.trimmed();
    c.withheld = n == QLatin1String("P") ? IncomingCall::Withheld::Private : IncomingCall::Withheld::No;
    if (c.withheld == IncomingCall::Withheld::No)
        c.number = n;
    c.reportedAt = QDateTime::currentDateTime().toString(QStringLiteral("MMddHHmm"));
    m_callerId->send(encodeCall(CallerIdConfig::Form::Formatted, c));
}

} // namespace huike::ui
