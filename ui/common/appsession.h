#pragma once

#include "app/appcontext.h"

#include <QDate>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

namespace huike {
struct LedgerContext;
namespace segments {
class SegmentService;
}
}

namespace huike::ui {

class CounterListeners;
class CustomerDisplay;
class PrintQueue;

// Who is at the till and which shift is open: the little state the screens share. Business
// rules stay in the engine's services; this only remembers the choices made at login.
class AppSession : public QObject {
    Q_OBJECT
public:
    explicit AppSession(AppContext &ctx, QObject *parent = nullptr);
    ~AppSession() override;

    AppContext &ctx() { return m_ctx; }
    const Operator &op() const { return m_operator; }
    bool loggedIn() const { return m_operator.id > 0; }
    std::optional<Shift> shift() { return m_ctx.shifts().current(); }

    void setOperator(const Operator &o)
    {
        m_operator = o;
        Q_EMIT operatorChanged();
    }
    void logout()
    {
        m_operator = Operator{};
        Q_EMIT operatorChanged();
    }
    void notifyShiftChanged() { Q_EMIT shiftChanged(); }
    // A change to a member's ledgers made now by the operator at the screen, outside any
    // document (a gift, a coupon issued, points adjusted, a count card extended).
    LedgerContext ledgerContext() const;
    // A sale, refund or void was committed: screens refresh, 会员分析 folds it in, and the WAL is
    // checkpointed soon.
    void notifyDocumentCommitted(const QString &receiptNo);
    // 会员分析: every member's classes, kept up to date on a thread of its own (segments/service.h).
    segments::SegmentService &segments() { return *m_segments; }
    // The till's receipt printer and cash drawer (devices/printqueue.h): each committed document
    // goes to it from notifyDocumentCommitted.
    PrintQueue &printer() { return *m_printer; }
    // The till's card reader and caller-ID box (devices/counterlisteners.h).
    CounterListeners &listeners() { return *m_listeners; }
    // The customer display (客显, devices/customerdisplay.h).
    CustomerDisplay &display() { return *m_display; }

Q_SIGNALS:
    void operatorChanged();
    void shiftChanged();
    void documentCommitted(const QString &receiptNo);

private:
    void checkpoint();
    // 生日券: the members whose birthday it is get the shop's birthday coupons, once a day, when
    // the program starts and when the day turns while it runs (every till may: it is issued once).
    void issueBirthdayCoupons();
    // 等级到期: members whose level lapsed are assessed (members/levels.h).
    void reassessLevels();
    void dailyWork();

    AppContext &m_ctx;
    Operator m_operator;
    // The WAL is copied back into the database when the till is idle, never while a sale waits.
    QTimer m_idleCheckpoint;
    int m_salesSinceCheckpoint = 0;
    QTimer m_daily;
    QDate m_birthdaysDone; // the shop's day birthday coupons were last issued for
    std::unique_ptr<segments::SegmentService> m_segments;
    std::unique_ptr<PrintQueue> m_printer;
    std::unique_ptr<CounterListeners> m_listeners;
    std::unique_ptr<CustomerDisplay> m_display;
};

} // namespace huike::ui
