#include "customerdisplay.h"

#include "workerthread.h"

#include "app/appcontext.h"
#include "store/devicesettings.h"
#include "transport/connection.h"

#include <QCoreApplication>

namespace huike::ui {

// On the display's thread: the port kept open, opened again after it failed.
class DisplayWorker : public QObject {
    Q_OBJECT
public:
    DisplayWorker(DeviceSpec spec, std::shared_ptr<std::atomic<quint64>> latest)
        : m_spec(std::move(spec)), m_latest(std::move(latest))
    {
    }

    void send(quint64 sequence, const QByteArray &bytes)
    {
        if (sequence != m_latest->load())
            return; // a newer one is on its way
        if (!m_port) {
            auto opened = DeviceConnection::open(m_spec, 2000);
            if (!opened) {
                Q_EMIT state(opened.error().message);
                return;
            }
            m_port = std::move(*opened);
        }
        if (auto st = m_port->write(bytes, 2000); !st) {
            m_port.reset();
            Q_EMIT state(st.error().message);
            return;
        }
        Q_EMIT state(QCoreApplication::translate("Devices", "connected"));
    }

Q_SIGNALS:
    void state(const QString &text);

private:
    DeviceSpec m_spec;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<DeviceConnection> m_port;
};

CustomerDisplay::CustomerDisplay(AppContext &ctx, QObject *parent) : QObject(parent), m_ctx(ctx)
{
    m_thread.setObjectName(QStringLiteral("customer-display"));
    reload();
}

CustomerDisplay::~CustomerDisplay()
{
    stop();
}

void CustomerDisplay::stop()
{
    stopWorkerOn(m_thread, m_worker, this);
}

void CustomerDisplay::reload()
{
    stop();
    const CounterDeviceSettings settings = loadCounterDevices(m_ctx.settings());
    m_kind = settings.displayKind == QLatin1String("vfd") ? DisplayKind::Vfd : DisplayKind::Led;
    m_state.clear();
    if (!settings.displaySpec.trimmed().isEmpty()) {
        QString why;
        if (const auto spec = parseDeviceSpec(settings.displaySpec, &why)) {
            m_worker = new DisplayWorker(*spec, m_latest);
            connect(m_worker, &DisplayWorker::state, this, [this](const QString &s) {
                if (s != m_state) {
                    m_state = s;
                    Q_EMIT stateChanged();
                }
            });
            startWorkerOn(m_thread, m_worker);
            m_state = QCoreApplication::translate("Devices", "connecting");
        } else {
            m_state = why;
        }
    }
    Q_EMIT stateChanged();
    DisplayShow welcome;
    welcome.label = settings.displayMessage;
    show(welcome);
}

void CustomerDisplay::show(const DisplayShow &s)
{
    m_shown = s;
    if (!m_worker)
        return;
    const quint64 sequence = ++*m_latest;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, sequence, bytes = encodeDisplay(m_kind, s)] { w->send(sequence, bytes); },
        Qt::QueuedConnection);
}

} // namespace huike::ui

#include "customerdisplay.moc"
