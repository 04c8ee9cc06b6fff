#include "appsession.h"

#include "members/coupons.h"
#include "members/earnings.h"
#include "members/levels.h"
#include "members/rfmgrowth.h"
#include "devices/counterlisteners.h"
#include "devices/customerdisplay.h"
#include "devices/printqueue.h"
#include "segments/service.h"

#include <spdlog/spdlog.h>

namespace huike::ui {

AppSession::AppSession(AppContext &ctx, QObject *parent) : QObject(parent), m_ctx(ctx)
{
    m_idleCheckpoint.setSingleShot(true);
    m_idleCheckpoint.setInterval(1500);
    connect(&m_idleCheckpoint, &QTimer::timeout, this, &AppSession::checkpoint);
    m_daily.setInterval(10 * 60 * 1000);
    connect(&m_daily, &QTimer::timeout, this, &AppSession::dailyWork);
    m_daily.start();
    QTimer::singleShot(0, this, &AppSession::dailyWork); // once the window is up
    // Loaded (or rebuilt) off the GUI thread from the start, so that 会员分析 and a member's
    // classes are ready when someone looks.
    m_segments = std::make_unique<segments::SegmentService>(m_ctx.db().path(), m_ctx.time().zone().id());
    // Growth from RFM at each period's end, on the service's thread: scoring every member as of
    // the period's last day is a rebuild, seconds at a chain's size, never the till's to wait for.
    // Any till may do it; a period is applied once whichever does (members/rfmgrowth.h).
    const qint64 storeId = m_ctx.checkout().store().storeId;
    m_segments->setPeriodicWork(
        [storeId](Database &db, const ShopTime &time, std::int64_t nowMs) {
            auto runs = applyDueRfmGrowth(db, LedgerContext{storeId, 0, 0, nowMs, &time});
            if (!runs) {
                spdlog::warn("growth from RFM not applied: {}", runs.error().message.toStdString()); // tried again later
                return;
            }
            for (const RfmGrowthRun &r : *runs)
                spdlog::info("growth from RFM for the period ending {}: {} scored, {} up, {} down, {} levels moved",
                             r.periodEnd.toString(Qt::ISODate).toStdString(), r.scored, r.raised, r.lowered,
                             r.levelChanges);
        },
        0); // after every refresh: finding nothing due is a read of the settings and one run row
    m_segments->start();
    m_printer = std::make_unique<PrintQueue>(m_ctx);
    m_listeners = std::make_unique<CounterListeners>(m_ctx);
    m_display = std::make_unique<CustomerDisplay>(m_ctx);
}

AppSession::~AppSession() = default; // the service saves its aggregates as it stops

LedgerContext AppSession::ledgerContext() const
{
    return LedgerContext{m_ctx.checkout().store().storeId, 0, m_operator.id, m_ctx.clock().nowMs(), &m_ctx.time()};
}

void AppSession::dailyWork()
{
    issueBirthdayCoupons();
    reassessLevels();
    m_segments->refresh(); // what other tills and programs committed, and the day's turn
}

void AppSession::reassessLevels()
{
    // At every tick, not once a day: a level lapses at the start of its day, and until it is
    // assessed the member would still be priced at it. Finding none due is one indexed read.
    // A few thousand at a time, the rest a moment later: a day when many levels lapse at once
    // (an import's members) never holds the till up for long.
    const qint64 now = m_ctx.clock().nowMs();
    auto done = huike::reassessLevels(m_ctx.db(), LedgerContext{m_ctx.checkout().store().storeId, 0, 0, now, &m_ctx.time()},
                                      2000);
    if (!done) {
        spdlog::warn("member levels not assessed: {}", done.error().message.toStdString()); // tried again later
        return;
    }
    if (done->changed > 0)
        spdlog::info("member levels: {} lapsed assessed, {} changed", done->assessed, done->changed);
    if (done->more)
        QTimer::singleShot(2000, this, &AppSession::reassessLevels);
}

void AppSession::issueBirthdayCoupons()
{
    const qint64 now = m_ctx.clock().nowMs();
    const QDate today = m_ctx.time().localDate(now);
    if (today == m_birthdaysDone)
        return;
    auto issued = huike::issueBirthdayCoupons(
        m_ctx.db(), LedgerContext{m_ctx.checkout().store().storeId, 0, 0, now, &m_ctx.time()});
    if (!issued) {
        spdlog::warn("birthday coupons not issued: {}", issued.error().message.toStdString()); // tried again later
        return;
    }
    m_birthdaysDone = today;
    if (*issued > 0)
        spdlog::info("{} birthday coupon(s) issued for {}", *issued, today.toString(Qt::ISODate).toStdString());
}

void AppSession::notifyDocumentCommitted(const QString &receiptNo)
{
    m_printer->documentCommitted(receiptNo); // the drawer first: the customer waits for change
    Q_EMIT documentCommitted(receiptNo);
    m_segments->refresh();
    // A quiet moment after a sale; or, in a long rush with no quiet moment, every 100 sales
    // (after this sale's screen has updated), so the WAL never grows without bound.
    if (++m_salesSinceCheckpoint >= 100)
        QTimer::singleShot(0, this, &AppSession::checkpoint);
    else
        m_idleCheckpoint.start();
}

void AppSession::checkpoint()
{
    m_idleCheckpoint.stop();
    m_salesSinceCheckpoint = 0;
    if (auto st = m_ctx.db().checkpoint(); !st)
        spdlog::warn("checkpoint failed: {}",
                     st.error().message.toStdString()); // retried after the next sale
}

} // namespace huike::ui
