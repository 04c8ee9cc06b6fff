#pragma once

#include "display/customerdisplay.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace huike {
class AppContext;
}

namespace huike::ui {

class DisplayWorker;

// The customer display (客显) on its serial port: what the customer should see, sent from a
// thread of its own. Only the newest counts: a display that is slow, or gone, never queues up
// stale prices and never holds up the counter. Its state (连接 or why not) for the 设备 page.
class CustomerDisplay : public QObject {
    Q_OBJECT
public:
    explicit CustomerDisplay(AppContext &ctx, QObject *parent = nullptr);
    ~CustomerDisplay() override;

    void reload(); // the settings as saved; after pause(), the display taken up again
    // Lets go of the display's port while the 设备 page tests one on it.
    void pause() { stop(); }
    void show(const DisplayShow &show);
    QString state() const { return m_state; } // "" when none is set up
    const DisplayShow &shown() const { return m_shown; }

Q_SIGNALS:
    void stateChanged();

private:
    void stop();

    AppContext &m_ctx;
    DisplayKind m_kind = DisplayKind::Led;
    QThread m_thread;
    DisplayWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    QString m_state;
    DisplayShow m_shown;
};

} // namespace huike::ui
