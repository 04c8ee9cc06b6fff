#pragma once

#include "callerid/callerid.h"
#include "cardreader/cardreader.h"
#include "members/calls.h"
#include "store/devicesettings.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

class QThread;

namespace huike {
class AppContext;
}

namespace huike::ui {

// The till's member-card reader and caller-ID box, each listened to on a thread of its own (a
// serial read waits; the counter never does). A port that cannot be opened, or goes away (the
// adapter pulled), is tried again every few seconds, and its state says so. A swipe arrives as
// cardSwiped, a call as callCame once it is in the call log with its member.
// What the drivers are told of the shop's card reader and caller-ID box.
CardReaderConfig cardReaderConfig(const CounterDeviceSettings &settings);
CallerIdConfig callerIdConfig(const CounterDeviceSettings &settings);

class CounterListeners : public QObject {
    Q_OBJECT
public:
    explicit CounterListeners(AppContext &ctx, QObject *parent = nullptr);
    ~CounterListeners() override;

    void reload(); // the settings as saved; after pause(), the devices listened to again
    // Lets go of both ports while the 设备 page tests a device on one (a serial port is opened by
    // one program at a time).
    void pause() { stopAll(); }
    const CounterDeviceSettings &settings() const { return m_settings; }
    // "" when none is set up; else 已连接 or why not, in the cashier's words.
    QString cardReaderState() const { return m_cardState; }
    QString callerIdState() const { return m_callerState; }

Q_SIGNALS:
    void cardSwiped(const QString &card);
    void callCame(const huike::CallRecord &call);
    void stateChanged();

private:
    struct Running {
        std::unique_ptr<QThread> thread;
        std::shared_ptr<std::atomic<bool>> stop;
    };
    void stopAll();
    void setState(bool card, const QString &state);
    void onCall(const QString &number, const QString &withheld, const QString &name, const QString &reportedAt);

    AppContext &m_ctx;
    CounterDeviceSettings m_settings;
    CallLog m_calls;
    Running m_card, m_caller;
    QString m_cardState, m_callerState;
};

} // namespace huike::ui
