#pragma once

#include "classify.h"
#include "trend.h"

#include <QByteArray>
#include <QDate>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace huike {
class Database;
class ShopTime;
} // namespace huike

namespace huike::segments {

// What the 会员分析 screens and a member's detail show at one moment: every member (in id order)
// with their aggregate and their classes as of a day. Immutable once made; screens share it.
struct SegmentSnapshot {
    QDate asOf;
    std::vector<std::int64_t> memberIds; // ascending
    std::vector<MemberAggregate> aggregates;
    Classes classes;                     // index i is memberIds[i]
    SegmentSettings settings;            // as the shop set them when these were classed
    std::int64_t salesMark = 0;          // the documents it counts: up to this sale id
    bool rebuilt = false;                // the engine had to rebuild from the raw sales at start

    // The index of a member in the vectors, or -1 (a member newer than the snapshot).
    std::ptrdiff_t indexOf(std::int64_t memberId) const;
};

// The trend's past points: each class's size at the end of each of the last eleven months,
// oldest first (trend.h). The screens add today's from the latest snapshot.
struct SegmentTrend {
    std::vector<ClassSizes> months;
};

class SegmentWorker;

// The engine (engine.h) for the program: on a thread of its own with a connection of its own, so
// that loading or rebuilding the aggregates and classifying a million members never holds up the
// till. start() loads the file beside the store (or rebuilds); refresh() asks for the documents
// committed since, by any program, to be folded in and everything classed again; each time,
// updated() brings the new snapshot to the GUI thread. Requests that arrive while one runs are
// merged into one. The file is saved now and then and when the service stops.
class SegmentService : public QObject {
    Q_OBJECT
public:
    SegmentService(const QString &databasePath, const QByteArray &zoneId, QObject *parent = nullptr);
    ~SegmentService() override; // saves the aggregates and stops the thread

    // Work that belongs on this thread and its connection now and then, off the till's thread:
    // the program's growth from RFM (members/rfmgrowth.h, which needs the day's scores). Run
    // after a refresh, at most once every `everyMs`, with the time the snapshot is dated by.
    // Set before start().
    using PeriodicWork = std::function<void(Database &db, const ShopTime &time, std::int64_t nowMs)>;
    void setPeriodicWork(PeriodicWork work, int everyMs);

    void start();
    void refresh();
    // The last snapshot (null until the first is ready).
    std::shared_ptr<const SegmentSnapshot> latest() const;
    // The trend of the last twelve months: the month ends not counted yet (from the raw sales, a
    // rebuild each) are counted one per turn of the service's thread, so that refreshes after
    // sales still run between them; trendProgress after each, then trendReady. Requests while
    // one runs are merged into it.
    void requestTrend();
    // Saved at least this often while documents come in (and always when the service stops).
    static constexpr int kSaveEveryMs = 5 * 60 * 1000;

Q_SIGNALS:
    void working(); // a load, rebuild or refresh began (screens show that they are busy)
    void updated(std::shared_ptr<const huike::segments::SegmentSnapshot> snapshot);
    void failed(const QString &message);
    void trendProgress(int done, int total);
    void trendReady(std::shared_ptr<const huike::segments::SegmentTrend> trend);

private:
    void deliver(std::shared_ptr<const SegmentSnapshot> snapshot);
    void postTrendStep();

    QThread m_thread;
    SegmentWorker *m_worker = nullptr; // lives in m_thread
    mutable std::mutex m_mutex;
    std::shared_ptr<const SegmentSnapshot> m_latest;
    std::atomic<bool> m_pending{false};
    std::atomic<bool> m_trendPending{false};
};

} // namespace huike::segments
