#include "counterlisteners.h"

#include "app/appcontext.h"
#include "callerid/callerid.h"
#include "cardreader/cardreader.h"
#include "transport/listener.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <spdlog/spdlog.h>

namespace huike::ui {

namespace {

// Opens the device, sends the set-up, listens until told to stop; opened again when it fails or
// goes away. `onEvent` and `onState` run on this thread: they post to the GUI's.
template <class Decoder, class OnEvent, class OnState>
void listenLoop(const std::atomic<bool> &stop, const DeviceSpec &spec, const Decoder &prototype,
                const QByteArray &setup, OnEvent onEvent, OnState onState)
{
    constexpr int kRetryMs = 3000;
    while (!stop) {
        auto port = DeviceConnection::open(spec, 2000);
        if (!port) {
            onState(port.error().message);
            for (int waited = 0; waited < kRetryMs && !stop; waited += 100)
                QThread::msleep(100);
            continue;
        }
        if (!setup.isEmpty())
            (void)(*port)->write(setup + "\r", 2000);
        onState(QString());
        ListenedDevice<Decoder> device(std::move(*port), prototype);
        while (!stop && !device.port().lost())
            for (const auto &event : device.poll(100))
                onEvent(event);
        if (!stop)
            onState(QCoreApplication::translate("Devices", "%1 went away").arg(spec.toString()));
    }
}

QString withheldKey(IncomingCall::Withheld w)
{
    return w == IncomingCall::Withheld::Private       ? QStringLiteral("private")
           : w == IncomingCall::Withheld::Unavailable ? QStringLiteral("unavailable")
                                                      : QString();
}

} // namespace

CardReaderConfig cardReaderConfig(const CounterDeviceSettings &s)
{
    CardReaderConfig c;
    c.framing = s.cardFraming == QLatin1String("line")    ? CardReaderConfig::Framing::Line
                : s.cardFraming == QLatin1String("frame") ? CardReaderConfig::Framing::Frame
                : s.cardFraming == QLatin1String("track") ? CardReaderConfig::Framing::Track
                                                          : CardReaderConfig::Framing::Auto;
    c.trackLrc = s.trackLrc;
    return c;
}

CallerIdConfig callerIdConfig(const CounterDeviceSettings &s)
{
    CallerIdConfig c;
    c.form = s.callerIdForm == QLatin1String("formatted") ? CallerIdConfig::Form::Formatted
             : s.callerIdForm == QLatin1String("hex")     ? CallerIdConfig::Form::Hex
             : s.callerIdForm == QLatin1String("bare")    ? CallerIdConfig::Form::Bare
                                                          : CallerIdConfig::Form::Auto;
    return c;
}

CounterListeners::CounterListeners(AppContext &ctx, QObject *parent)
    : QObject(parent), m_ctx(ctx), m_calls(ctx.db(), ctx.store().terminal)
{
    reload();
}

CounterListeners::~CounterListeners()
{
    stopAll();
}

void CounterListeners::stopAll()
{
    for (Running *r : {&m_card, &m_caller}) {
        if (!r->thread)
            continue;
        *r->stop = true;
        r->thread->wait(); // a read waits 100 ms at most
        r->thread.reset();
    }
}

void CounterListeners::setState(bool card, const QString &state)
{
    QString &mine = card ? m_cardState : m_callerState;
    const QString shown = state.isEmpty() ? QCoreApplication::translate("Devices", "connected") : state;
    if (mine == shown)
        return;
    mine = shown;
    Q_EMIT stateChanged();
}

void CounterListeners::reload()
{
    stopAll();
    m_settings = loadCounterDevices(m_ctx.settings());
    m_cardState.clear();
    m_callerState.clear();
    QPointer<CounterListeners> self(this);
    auto post = [self](auto f) {
        QMetaObject::invokeMethod(
            self.data(), [self, f] { if (self) f(*self); }, Qt::QueuedConnection);
    };
    auto start = [&](Running &r, const QString &specText, bool card) {
        if (specText.trimmed().isEmpty())
            return;
        QString why;
        const auto spec = parseDeviceSpec(specText, &why);
        if (!spec) {
            setState(card, why);
            return;
        }
        r.stop = std::make_shared<std::atomic<bool>>(false);
        auto onState = [post, card](const QString &s) { post([card, s](CounterListeners &l) { l.setState(card, s); }); };
        if (card) {
            r.thread.reset(QThread::create([stop = r.stop, spec = *spec, config = cardReaderConfig(m_settings), post, onState] {
                listenLoop(
                    *stop, spec, CardReaderDecoder(config), {},
                    [post](const CardSwipe &s) {
                        post([number = s.card](CounterListeners &l) { Q_EMIT l.cardSwiped(number); });
                    },
                    onState);
            }));
        } else {
            r.thread.reset(QThread::create([stop = r.stop, spec = *spec, config = callerIdConfig(m_settings),
                                            setup = m_settings.callerIdSetup.toLatin1(), post, onState] {
                listenLoop(
                    *stop, spec, CallerIdDecoder(config), setup,
                    [post](const IncomingCall &c) {
                        post([c](CounterListeners &l) { l.onCall(c.number, withheldKey(c.withheld), c.name, c.reportedAt); });
                    },
                    onState);
            }));
        }
        r.thread->setObjectName(card ? QStringLiteral("card-reader") : QStringLiteral("caller-id"));
        r.thread->start();
        setState(card, QCoreApplication::translate("Devices", "connecting"));
    };
    start(m_card, m_settings.cardReaderSpec, true);
    start(m_caller, m_settings.callerIdSpec, false);
    Q_EMIT stateChanged();
}

void CounterListeners::onCall(const QString &number, const QString &withheld, const QString &name,
                              const QString &reportedAt)
{
    auto call = m_calls.record(number, withheld, name, reportedAt, m_ctx.clock().nowMs());
    if (!call) {
        spdlog::error("call log: {}", call.error().message.toStdString());
        return;
    }
    Q_EMIT callCame(*call);
}

} // namespace huike::ui
