#include "appsession.h"

#include <spdlog/spdlog.h>

namespace huike::ui {

AppSession::AppSession(AppContext &ctx, QObject *parent) : QObject(parent), m_ctx(ctx)
{
    m_idleCheckpoint.setSingleShot(true);
    m_idleCheckpoint.setInterval(1500);
    connect(&m_idleCheckpoint, &QTimer::timeout, this, &AppSession::checkpoint);
}

void AppSession::notifyDocumentCommitted(const QString &receiptNo)
{
    Q_EMIT documentCommitted(receiptNo);
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
