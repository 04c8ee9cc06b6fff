#include "service.h"

#include "core/clock.h"
#include "engine.h"
#include "segmentsettings.h"
#include "store/database.h"
#include "store/rowscan.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <functional>
#include <spdlog/spdlog.h>

namespace huike::segments {

std::ptrdiff_t SegmentSnapshot::indexOf(std::int64_t memberId) const
{
    const auto it = std::lower_bound(memberIds.begin(), memberIds.end(), memberId);
    return it != memberIds.end() && *it == memberId ? it - memberIds.begin() : -1;
}

// Everything that touches the store or the engine, on the service's thread only.
class SegmentWorker : public QObject {
public:
    SegmentWorker(QString path, QByteArray zone) : m_path(std::move(path)), m_time(zone) {}

    // Opens (the first time) or catches up, classes every member, and gives the snapshot.
    void run(std::atomic<bool> &pending, const std::function<void()> &working,
             const std::function<void(std::shared_ptr<const SegmentSnapshot>)> &deliver,
             const std::function<void(const QString &)> &fail)
    {
        pending = false; // a request from now on runs again after this one
        working();
        if (auto st = bringUpToDate(); !st) {
            spdlog::error("segments: {}", st.error().message.toStdString());
            fail(st.error().message);
            return;
        }
        auto snapshot = std::make_shared<SegmentSnapshot>();
        snapshot->asOf = m_time.localDate(m_clock.nowMs());
        snapshot->memberIds = m_memberIds;
        snapshot->aggregates.reserve(m_memberIds.size());
        for (std::int64_t id : m_memberIds)
            snapshot->aggregates.push_back(m_engine->of(id));
        snapshot->settings = m_settings;
        snapshot->classes = classify(snapshot->aggregates, dayNumber(snapshot->asOf), m_settings);
        snapshot->salesMark = m_engine->salesMark();
        snapshot->rebuilt = m_rebuilt;
        if (m_engine->unsaved() && (!m_sinceSave.isValid() || m_sinceSave.elapsed() > SegmentService::kSaveEveryMs))
            save();
        const std::int64_t nowMs = m_clock.nowMs();
        deliver(std::move(snapshot));
        if (m_work && (!m_sinceWork.isValid() || m_sinceWork.elapsed() >= m_workEveryMs)) {
            m_sinceWork.start();
            m_work(*m_db, m_time, nowMs);
        }
    }

    void setPeriodicWork(SegmentService::PeriodicWork work, int everyMs)
    {
        m_work = std::move(work);
        m_workEveryMs = everyMs;
    }

    // Counts the first month end of the trend not counted yet, or, when none is left, gives the
    // trend. Returns whether another step is needed.
    bool trendStep(const std::function<void(int, int)> &progress,
                   const std::function<void(std::shared_ptr<const SegmentTrend>)> &ready,
                   const std::function<void(const QString &)> &fail)
    {
        if (m_finished)
            return false; // the service is stopping: a step queued behind finish() does nothing
        if (!m_db || !m_trendLoaded) { // opened, and the settings read, before the first month is counted
            if (auto st = bringUpToDate(); !st) {
                fail(st.error().message);
                return false;
            }
        }
        auto fingerprint = trendFingerprint(*m_db, m_time, m_settings);
        if (!fingerprint) {
            fail(fingerprint.error().message);
            return false;
        }
        const QString file = TrendCache::fileFor(m_path);
        if (!m_trendLoaded || m_trend.fingerprint() != *fingerprint) {
            m_trend.load(file, *fingerprint); // an import finished, or the first time
            m_trendLoaded = true;
        }
        std::vector<QDate> days = trendDays(m_time.localDate(m_clock.nowMs()));
        days.pop_back(); // today's is the latest snapshot's
        m_trend.keepOnly(days);
        const auto missing =
            std::find_if(days.begin(), days.end(), [&](const QDate &d) { return !m_trend.find(d); });
        const int total = static_cast<int>(days.size());
        progress(static_cast<int>(missing - days.begin()), total);
        if (missing == days.end()) {
            auto out = std::make_shared<SegmentTrend>();
            for (const QDate &d : days)
                out->months.push_back(*m_trend.find(d));
            ready(std::move(out));
            return false;
        }
        QElapsedTimer took;
        took.start();
        auto sizes = sizesAsOf(*m_db, m_time, *missing, m_settings);
        if (!sizes) {
            fail(sizes.error().message);
            return false;
        }
        spdlog::info("segments: the trend's {} counted in {} ms", missing->toString(Qt::ISODate).toStdString(),
                     took.elapsed());
        m_trend.put(*sizes);
        if (auto st = m_trend.save(file); !st)
            spdlog::warn("segments: {}", st.error().message.toStdString()); // counted again next start
        return true;
    }

    // Saves what is unsaved and lets go of the store (the connection belongs to this thread).
    void finish()
    {
        m_finished = true;
        if (m_engine && m_engine->unsaved())
            save();
        m_engine.reset();
        m_db.reset();
    }

private:
    Status bringUpToDate()
    {
        if (!m_db) {
            Database::Options o;
            o.create = false;
            o.manualCheckpoints = true; // the till checkpoints; a reader never does
            auto db = Database::open(m_path, o);
            if (!db)
                return db.error();
            m_db = std::move(*db);
            m_engine = std::make_unique<SegmentEngine>(*m_db, m_time);
            auto started = m_engine->open(SegmentEngine::fileFor(m_path));
            if (!started)
                return started.error();
            m_rebuilt = *started == SegmentEngine::Start::Rebuilt;
            if (m_rebuilt)
                save(); // the next start loads instead of rebuilding again
        } else if (auto n = m_engine->catchUp(); !n) {
            return n.error();
        }
        // The shop's settings, as a manager may have changed them since (one small read).
        if (auto settings = loadSegmentSettings(*m_db))
            m_settings = *settings;
        // The members, in id order, read again only when there are new ones.
        RowScan count(*m_db, "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM members");
        if (!count.next())
            return count.finish();
        const std::int64_t n = count.integer(0), maxId = count.integer(1);
        if (auto st = count.finish(); !st)
            return st;
        if (n != static_cast<std::int64_t>(m_memberIds.size()) || (n > 0 && maxId != m_memberIds.back())) {
            RowScan ids(*m_db, "SELECT id FROM members ORDER BY id");
            std::vector<std::int64_t> fresh;
            fresh.reserve(static_cast<std::size_t>(n));
            while (ids.next())
                fresh.push_back(ids.integer(0));
            if (auto st = ids.finish(); !st)
                return st;
            m_memberIds = std::move(fresh);
        }
        return Ok{};
    }

    void save()
    {
        if (auto st = m_engine->save(SegmentEngine::fileFor(m_path)); !st)
            spdlog::warn("segments: {}", st.error().message.toStdString()); // rebuilt at the next start
        m_sinceSave.start();
    }

    QString m_path;
    ShopTime m_time;
    SystemClock m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SegmentEngine> m_engine;
    std::vector<std::int64_t> m_memberIds;
    SegmentSettings m_settings;
    TrendCache m_trend;
    bool m_trendLoaded = false;
    bool m_finished = false;
    bool m_rebuilt = false;
    QElapsedTimer m_sinceSave;
    SegmentService::PeriodicWork m_work;
    int m_workEveryMs = 0;
    QElapsedTimer m_sinceWork;
};

SegmentService::SegmentService(const QString &databasePath, const QByteArray &zoneId, QObject *parent)
    : QObject(parent), m_worker(new SegmentWorker(databasePath, zoneId))
{
    qRegisterMetaType<std::shared_ptr<const SegmentSnapshot>>();
    qRegisterMetaType<std::shared_ptr<const SegmentTrend>>();
    m_thread.setObjectName(QStringLiteral("segments"));
    m_worker->moveToThread(&m_thread);
    m_thread.start(QThread::LowPriority); // the till's own work comes first
}

SegmentService::~SegmentService()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->finish(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void SegmentService::setPeriodicWork(PeriodicWork work, int everyMs)
{
    // Queued like every request: the worker's members are its thread's alone.
    QMetaObject::invokeMethod(
        m_worker, [this, work = std::move(work), everyMs]() mutable { m_worker->setPeriodicWork(std::move(work), everyMs); },
        Qt::QueuedConnection);
}

void SegmentService::start()
{
    refresh();
}

void SegmentService::refresh()
{
    if (m_pending.exchange(true))
        return; // one is queued already: it will see these documents too
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            m_worker->run(
                m_pending, [this] { Q_EMIT working(); },
                [this](std::shared_ptr<const SegmentSnapshot> s) { deliver(std::move(s)); },
                [this](const QString &message) { Q_EMIT failed(message); });
        },
        Qt::QueuedConnection);
}

void SegmentService::requestTrend()
{
    if (m_trendPending.exchange(true))
        return; // the trend being counted is the one asked for
    postTrendStep();
}

void SegmentService::postTrendStep()
{
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            const bool more = m_worker->trendStep(
                [this](int done, int total) { Q_EMIT trendProgress(done, total); },
                [this](std::shared_ptr<const SegmentTrend> t) {
                    m_trendPending = false;
                    Q_EMIT trendReady(std::move(t));
                },
                [this](const QString &message) {
                    m_trendPending = false;
                    Q_EMIT failed(message);
                });
            if (more)
                postTrendStep(); // behind any refresh asked for meanwhile
        },
        Qt::QueuedConnection);
}

std::shared_ptr<const SegmentSnapshot> SegmentService::latest() const
{
    std::lock_guard lock(m_mutex);
    return m_latest;
}

void SegmentService::deliver(std::shared_ptr<const SegmentSnapshot> snapshot)
{
    {
        std::lock_guard lock(m_mutex);
        m_latest = snapshot;
    }
    Q_EMIT updated(std::move(snapshot)); // from the worker's thread: queued to the GUI's receivers
}

} // namespace huike::segments
