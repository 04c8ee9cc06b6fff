#include "printqueue.h"

#include "workerthread.h"

#include "app/appcontext.h"
#include "printer/escpos.h"
#include "printer/printerport.h"
#include "transport/connection.h"

#include <QCoreApplication>
#include <spdlog/spdlog.h>

namespace huike::ui {

using Health = PrinterState::Health;

// The printer's side of the queue, on its own thread: every call may wait on the device (a port
// that takes no bytes, a printer that does not answer) and nobody at the counter waits with it.
class PrinterWorker : public QObject {
    Q_OBJECT
public:
    void setSpec(const QString &text)
    {
        m_connection.reset();
        m_answers.reset();
        QString why;
        m_spec = parseDeviceSpec(text, &why);
        m_specError = why;
    }

    void print(qint64 jobId, const QByteArray &bytes)
    {
        DeviceConnection *printer = connection();
        if (!printer) {
            Q_EMIT done(jobId, false, m_lastError);
            return;
        }
        // A printer that never answers (a one-way cable) is not asked before each job; the poll
        // keeps asking in case it is another printer now.
        std::optional<PrinterStatus> status;
        if (m_answers.value_or(true))
            status = ask(*printer);
        if (status && !status->ok()) {
            const QString trouble = printerTrouble(*status);
            release();
            Q_EMIT this->status(static_cast<int>(Health::Trouble), trouble);
            Q_EMIT done(jobId, false, trouble);
            return;
        }
        if (auto st = printer->write(bytes, writeTimeoutMs(bytes.size())); !st) {
            m_connection.reset(); // opened again next time: the adapter may have been unplugged
            Q_EMIT this->status(static_cast<int>(Health::Unreachable), st.error().message);
            Q_EMIT done(jobId, false, st.error().message);
            return;
        }
        release();
        Q_EMIT this->status(static_cast<int>(status ? Health::Ready : Health::Silent),
                            status ? printerTrouble(*status) : QString());
        Q_EMIT done(jobId, true, {});
    }

    void kick(const QByteArray &bytes)
    {
        DeviceConnection *printer = connection();
        if (!printer)
            return;
        if (auto st = printer->write(bytes, 2000); !st) {
            m_connection.reset();
            Q_EMIT status(static_cast<int>(Health::Unreachable), st.error().message);
            return;
        }
        release();
    }

    void poll()
    {
        DeviceConnection *printer = connection();
        if (!printer)
            return;
        const auto status = ask(*printer);
        release();
        if (!status)
            Q_EMIT this->status(static_cast<int>(Health::Silent), {});
        else
            Q_EMIT this->status(static_cast<int>(status->ok() ? Health::Ready : Health::Trouble),
                                printerTrouble(*status));
    }

Q_SIGNALS:
    void done(qint64 jobId, bool ok, const QString &error);
    void status(int health, const QString &detail);

private:
    DeviceConnection *connection()
    {
        if (!m_spec) {
            m_lastError = m_specError;
            Q_EMIT status(static_cast<int>(Health::Unreachable), m_specError);
            return nullptr;
        }
        if (m_connection)
            return m_connection.get();
        auto opened = DeviceConnection::open(*m_spec, 3000);
        if (!opened) {
            m_lastError = opened.error().message;
            Q_EMIT status(static_cast<int>(Health::Unreachable), m_lastError);
            return nullptr;
        }
        m_connection = std::move(*opened);
        return m_connection.get();
    }
    // A serial port stays open (opening one again resets some printers, and costs time); a
    // network printer is let go at once, for the other tills and the kitchen that print to it.
    void release()
    {
        if (m_spec && m_spec->kind != DeviceSpec::Kind::Serial)
            m_connection.reset();
    }
    std::optional<PrinterStatus> ask(DeviceConnection &printer)
    {
        if (!printer.spec().canRead())
            return std::nullopt;
        (void)printer.read(4096, 0); // a late answer to an earlier question is not this one's
        auto status = queryPrinterStatus(printer);
        m_answers = status.has_value();
        return status;
    }
    // Long enough for the bytes at the port's speed, twice over, and the printer's own pauses.
    int writeTimeoutMs(qsizetype bytes) const
    {
        if (m_spec && m_spec->kind == DeviceSpec::Kind::Serial && m_spec->baud > 0)
            return 5000 + static_cast<int>(bytes * 10 * 2000 / m_spec->baud);
        return 10000;
    }

    std::optional<DeviceSpec> m_spec;
    QString m_specError;
    QString m_lastError;
    std::unique_ptr<DeviceConnection> m_connection;
    std::optional<bool> m_answers; // whether this printer answers DLE EOT
};

QString PrinterState::text() const
{
    QString s;
    switch (health) {
    case Health::None:
        return QCoreApplication::translate("PrintQueue", "No printer");
    case Health::Ready:
        s = detail.isEmpty() ? QCoreApplication::translate("PrintQueue", "Printer ready")
                             : QCoreApplication::translate("PrintQueue", "Printer: %1").arg(detail);
        break;
    case Health::Checking:
        s = QCoreApplication::translate("PrintQueue", "Printer: checking");
        break;
    case Health::Silent:
        s = QCoreApplication::translate("PrintQueue", "Printer connected");
        break;
    case Health::Trouble:
        s = QCoreApplication::translate("PrintQueue", "Printer: %1").arg(detail);
        break;
    case Health::Unreachable:
        s = QCoreApplication::translate("PrintQueue", "Printer not reachable");
        break;
    }
    if (stuck > 0)
        s += QCoreApplication::translate("PrintQueue", ", %n receipt(s) not printed", nullptr, stuck);
    else if (waiting > 0)
        s += QCoreApplication::translate("PrintQueue", ", %n waiting", nullptr, waiting);
    return s;
}

PrintQueue::PrintQueue(AppContext &ctx, QObject *parent)
    : QObject(parent), m_ctx(ctx), m_jobs(ctx.db(), ctx.store().terminal)
{
    m_thread.setObjectName(QStringLiteral("printer"));
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!m_worker || m_inFlight)
            return;
        // Jobs go when the printer can take them; while it cannot, or when there are none, it is
        // only asked how it is (paper runs out between sales too).
        const bool canTake = m_state.health != Health::Trouble && m_state.health != Health::Unreachable;
        if (!canTake || !pump())
            QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->poll(); }, Qt::QueuedConnection);
    });
    if (auto st = m_jobs.prune(ctx.clock().nowMs()); !st)
        spdlog::warn("print queue: {}", st.error().message.toStdString());
    reload();
}

PrintQueue::~PrintQueue()
{
    stopWorker();
}

void PrintQueue::reload()
{
    m_settings = loadPrinterSettings(m_ctx.settings());
    stopWorker();
    if (m_settings.configured())
        startWorker();
    m_state.health = m_settings.configured() ? Health::Checking : Health::None;
    m_state.detail.clear();
    recount();
    Q_EMIT stateChanged();
    if (m_worker) {
        QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->poll(); }, Qt::QueuedConnection);
        pump();
    }
}

void PrintQueue::pause()
{
    stopWorker();
}

void PrintQueue::startWorker()
{
    m_worker = new PrinterWorker;
    connect(m_worker, &PrinterWorker::done, this, &PrintQueue::onDone);
    connect(m_worker, &PrinterWorker::status, this, &PrintQueue::onStatus);
    startWorkerOn(m_thread, m_worker);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, spec = m_settings.spec] { w->setSpec(spec); },
                              Qt::QueuedConnection);
    m_poll.start();
}

void PrintQueue::stopWorker()
{
    m_poll.stop();
    // A job being sent is finished by the worker before the thread ends; if its answer is lost
    // with the thread, the job stays waiting and prints again (a second copy, never none).
    stopWorkerOn(m_thread, m_worker, this);
    m_inFlight = 0;
}

Result<qint64> PrintQueue::enqueue(const QString &kind, const QString &reference, const QByteArray &bytes)
{
    if (!m_settings.configured())
        return Error{ErrorCode::Unavailable,
                     QCoreApplication::translate("PrintQueue", "No receipt printer is set up (Settings, Devices).")};
    auto id = m_jobs.enqueue(kind, reference, bytes, m_ctx.clock().nowMs());
    if (!id)
        return id;
    recount();
    Q_EMIT jobsChanged();
    pump();
    return id;
}

void PrintQueue::documentCommitted(const QString &receiptNo)
{
    if (!m_settings.configured())
        return;
    auto r = m_ctx.receipts().load(receiptNo);
    if (!r) {
        spdlog::error("print queue: {}", r.error().message.toStdString());
        return;
    }
    const bool cash = std::any_of(r->payments.cbegin(), r->payments.cend(), [](const DocumentPayment &p) {
        return p.tender == Tender::Cash && !p.amount.isZero();
    });
    if (cash && m_settings.drawerOnCash)
        (void)kickDrawer();
    if (m_settings.autoPrint)
        if (auto id = printLoaded(*r); !id)
            spdlog::error("print queue: {}", id.error().message.toStdString());
}

Result<qint64> PrintQueue::printReceipt(const QString &receiptNo)
{
    auto r = m_ctx.receipts().load(receiptNo);
    if (!r)
        return r.error();
    return printLoaded(*r);
}

Result<qint64> PrintQueue::printLoaded(const Receipt &r)
{
    auto before = m_jobs.printedBefore(r.receiptNo);
    if (!before)
        return before.error();
    const QByteArray bytes = encodeEscPos(m_ctx.receipts().layout(r, m_settings.columns, m_settings.printing(*before)),
                                          escPosProfile(m_settings.columns, m_settings.chineseMode));
    return enqueue(*before ? QStringLiteral("reprint") : QStringLiteral("receipt"), r.receiptNo, bytes);
}

Result<qint64> PrintQueue::printTestPage()
{
    return enqueue(QStringLiteral("test"), {},
                   encodeEscPos(printerTestPage(m_settings),
                                escPosProfile(m_settings.columns, m_settings.chineseMode)));
}

Status PrintQueue::kickDrawer()
{
    if (!m_worker)
        return Error{ErrorCode::Unavailable,
                     QCoreApplication::translate("PrintQueue", "No receipt printer is set up: the drawer is "
                                                               "opened through its kick port.")};
    QMetaObject::invokeMethod(m_worker, [w = m_worker, bytes = escPosDrawerKick()] { w->kick(bytes); },
                              Qt::QueuedConnection);
    return Ok{};
}

Status PrintQueue::retry(qint64 jobId)
{
    if (auto st = m_jobs.requeue(jobId, m_ctx.clock().nowMs()); !st)
        return st;
    recount();
    Q_EMIT jobsChanged();
    // The cashier says the printer is fixed: try it now rather than at the next poll.
    m_state.health = m_worker ? Health::Checking : Health::None;
    Q_EMIT stateChanged();
    pump();
    return Ok{};
}

Status PrintQueue::cancel(qint64 jobId, qint64 operatorId)
{
    if (jobId == m_inFlight)
        return Error{ErrorCode::Conflict,
                     QCoreApplication::translate("PrintQueue", "That receipt is being printed right now.")};
    if (auto st = m_jobs.cancel(jobId, operatorId, m_ctx.clock().nowMs()); !st)
        return st;
    recount();
    Q_EMIT jobsChanged();
    return Ok{};
}

bool PrintQueue::pump()
{
    if (!m_worker || m_inFlight)
        return m_inFlight != 0;
    auto waiting = m_jobs.waiting();
    if (!waiting) {
        spdlog::error("print queue: {}", waiting.error().message.toStdString());
        return false;
    }
    const qint64 now = m_ctx.clock().nowMs();
    for (const PrintJob &job : *waiting) {
        if (!job.retriedAutomatically(now))
            continue;
        m_inFlight = job.id;
        QMetaObject::invokeMethod(m_worker, [w = m_worker, id = job.id, bytes = job.payload] { w->print(id, bytes); },
                                  Qt::QueuedConnection);
        return true;
    }
    return false;
}

void PrintQueue::onDone(qint64 jobId, bool ok, const QString &error)
{
    m_inFlight = 0;
    const Status st = ok ? m_jobs.markPrinted(jobId, m_ctx.clock().nowMs()) : m_jobs.markFailed(jobId, error);
    if (!st)
        spdlog::error("print queue: {}", st.error().message.toStdString());
    if (!ok)
        spdlog::warn("print job {} not printed: {}", jobId, error.toStdString());
    recount();
    Q_EMIT jobsChanged();
    if (ok)
        pump();
}

void PrintQueue::onStatus(int health, const QString &detail)
{
    const auto h = static_cast<Health>(health);
    const bool couldNot = m_state.health == Health::Trouble || m_state.health == Health::Unreachable;
    if (h == m_state.health && detail == m_state.detail)
        return;
    m_state.health = h;
    m_state.detail = detail;
    Q_EMIT stateChanged();
    // Paper in, cover shut, cable back: what waited prints now.
    if (couldNot && (h == Health::Ready || h == Health::Silent))
        pump();
}

void PrintQueue::recount()
{
    const auto counts = m_jobs.counts(m_ctx.clock().nowMs());
    if (!counts) {
        spdlog::error("print queue: {}", counts.error().message.toStdString());
        return;
    }
    if (counts->waiting != m_state.waiting || counts->stuck != m_state.stuck) {
        m_state.waiting = counts->waiting;
        m_state.stuck = counts->stuck;
        Q_EMIT stateChanged();
    }
}

} // namespace huike::ui

#include "printqueue.moc"
