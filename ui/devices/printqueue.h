#pragma once

#include "sales/printer.h"

#include <QObject>
#include <QThread>
#include <QTimer>
#include <memory>
#include <optional>

namespace huike {
class AppContext;
}

namespace huike::ui {

class PrinterWorker;

// How the till's printer is, for the status bar.
struct PrinterState {
    enum class Health {
        None,        // no printer set up
        Checking,    // set up, not heard from yet
        Ready,       // it answered that it can print, or took the last job
        Silent,      // reached, but it does not say how it is (a one-way cable, a USB file)
        Trouble,     // it says it cannot print: no paper, cover open, offline
        Unreachable, // the port cannot be opened, or the printer takes no bytes
    };
    Health health = Health::None;
    QString detail;    // what is wrong, in the cashier's words
    int waiting = 0;   // jobs still to print
    int stuck = 0;     // of those, the ones no longer retried on their own (重打 or 放弃)
    QString text() const; // "打印机：缺纸，2 张待打印"
    bool bad() const { return health == Health::Trouble || health == Health::Unreachable || stuck > 0; }
};

// The till's receipt printer and the drawer on its kick port. Every document committed at this
// till goes into the print queue (sales/printer.h, a table that survives a restart) when the shop
// prints automatically; the bytes go to the printer on a thread of its own, so a printer that is
// off, out of paper or unplugged holds up no sale; its state is asked every few seconds; a job
// that failed is tried again until it prints, for a while on its own and then on the cashier's
// 重打. The drawer opens on documents that take or pay back cash.
class PrintQueue : public QObject {
    Q_OBJECT
public:
    static constexpr int kPollMs = 5000;

    explicit PrintQueue(AppContext &ctx, QObject *parent = nullptr);
    ~PrintQueue() override;

    // The settings as saved (after a manager changed them); after pause(), the printer taken up again.
    void reload();
    // Lets go of the printer's port while the 设备 page tests one on it (a serial port is opened
    // by one program at a time); jobs wait until reload().
    void pause();
    const PrinterSettings &settings() const { return m_settings; }
    PrinterState state() const { return m_state; }
    PrintJobs &jobs() { return m_jobs; }

    // A document just committed: the drawer for cash, the receipt when the shop prints each one.
    void documentCommitted(const QString &receiptNo);
    // Puts the receipt in line (重印 on it when this till printed it before).
    Result<qint64> printReceipt(const QString &receiptNo);
    // 打印测试页: Chinese, columns, barcode, QR and cut, as the settings are.
    Result<qint64> printTestPage();
    // The kick pulse, at once (never queued: a drawer that springs open later is worse than none).
    // Opening it with no sale is recordDrawerOpening's first (a manager, audited).
    Status kickDrawer();
    Status retry(qint64 jobId);
    Status cancel(qint64 jobId, qint64 operatorId);

Q_SIGNALS:
    void stateChanged();
    void jobsChanged();

private:
    Result<qint64> enqueue(const QString &kind, const QString &reference, const QByteArray &bytes);
    // A receipt read once, by documentCommitted (which also looked at its tenders) or printReceipt.
    Result<qint64> printLoaded(const Receipt &receipt);
    void startWorker();
    void stopWorker();
    bool pump(); // sends the next job that may go; whether one is on its way
    void onDone(qint64 jobId, bool ok, const QString &error);
    void onStatus(int health, const QString &detail);
    void recount();

    AppContext &m_ctx;
    PrinterSettings m_settings;
    PrintJobs m_jobs;
    PrinterState m_state;
    QThread m_thread;
    PrinterWorker *m_worker = nullptr; // lives on m_thread
    QTimer m_poll;
    qint64 m_inFlight = 0; // the job the worker is sending now
};

} // namespace huike::ui
