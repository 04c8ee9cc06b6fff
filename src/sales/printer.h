#pragma once

// The till's receipt printer as the engine keeps it: its settings, and the print queue — each
// job the printer's bytes, kept in the database until the printer took them, so that a receipt
// waiting on a printer with no paper prints once paper is in, after a restart too. The bytes
// are made and sent by the devices (drivers/printer, ui/devices/printqueue); this holds no I/O.
// And the cash drawer on the printer's kick port opened with no sale: a manager's approval,
// audited.

#include "core/result.h"
#include "receipt.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace huike {

class Database;
class Settings;

struct PrinterSettings {
    QString spec;          // a device spec (drivers/transport/devicespec.h); no printer when empty
    int columns = 32;      // 32 for 58 mm paper, 48 for 80 mm
    bool chineseMode = true; // FS & before Chinese (most printers; not GB18030-native ones)
    QString qrCode;        // a QR code of this under each receipt (the sign-up link); none when empty
    bool autoPrint = true; // each sale, refund and void prints as it is committed
    bool drawerOnCash = true; // the drawer opens when a document takes or pays back cash
    // The shop's logo above its name on each receipt: a 1-bit raster, rows of (width + 7) / 8
    // bytes, a set bit a black dot; at most kMaxLogoWidth dots wide. None when empty.
    static constexpr int kMaxLogoWidth = 576; // 80 mm paper's printable width
    static constexpr int kMaxLogoHeight = 400;
    int logoWidth = 0;
    int logoHeight = 0;
    QByteArray logoBits;

    bool configured() const { return !spec.trimmed().isEmpty(); }
    // What the receipt adds on paper: its number's barcode, the QR code, the cut.
    ReceiptPrinting printing(bool reprint = false) const;
};
PrinterSettings loadPrinterSettings(const Settings &settings);
// A manager's change, checked (the paper width) and audited like every setting.
Status savePrinterSettings(Settings &settings, const PrinterSettings &printer, qint64 operatorId, qint64 atMs);

struct PrintJob {
    qint64 id = 0;
    QString kind; // receipt, reprint, test
    QString reference; // the receipt number
    QByteArray payload;
    QString state; // waiting, printed, cancelled
    qint64 createdAtMs = 0;
    qint64 queuedAtMs = 0;
    int attempts = 0;
    QString lastError;
    qint64 finishedAtMs = 0;

    // A waiting job is tried again and again for this long after it was put in line; after that it
    // waits for the cashier (重打 or 放弃): a receipt that comes out an hour late, on its own, is
    // handed to nobody.
    static constexpr qint64 kRetryForMs = 10 * 60 * 1000;
    bool retriedAutomatically(qint64 nowMs) const { return state == QLatin1String("waiting") && nowMs - queuedAtMs < kRetryForMs; }
};

// 打印测试页: what goes wrong on a new printer shows on it — Chinese garbled (the Chinese mode),
// columns off (the paper width), no barcode or QR (an older model), no cut — with the shop's logo
// and QR code when it has them, so a logo too wide or too dark shows before a customer's receipt.
PrintLayout printerTestPage(const PrinterSettings &printer);

// One till's print queue, in order of id.
class PrintJobs {
public:
    PrintJobs(Database &db, QString terminal) : m_db(db), m_terminal(std::move(terminal)) {}

    Result<qint64> enqueue(const QString &kind, const QString &reference, const QByteArray &payload, qint64 nowMs);
    // The jobs still to print, oldest first.
    Result<QList<PrintJob>> waiting();
    // How many are still to print, and how many of those are no longer retried on their own.
    struct Counts {
        int waiting = 0;
        int stuck = 0;
    };
    Result<Counts> counts(qint64 nowMs);
    // The last `limit` jobs, newest first, without their bytes: the queue's window.
    Result<QList<PrintJob>> recent(int limit = 100);
    Result<PrintJob> job(qint64 id);
    Status markPrinted(qint64 id, qint64 nowMs);
    // One more try that failed, and why (shown in the queue and the status bar).
    Status markFailed(qint64 id, const QString &error);
    // 重打: a job that stopped being retried goes back in line.
    Status requeue(qint64 id, qint64 nowMs);
    // 放弃: the cashier gives up on a job (audited: a receipt that never printed).
    Status cancel(qint64 id, qint64 operatorId, qint64 nowMs);
    // Whether the receipt has come out of this till's printer before (a second one says 重印).
    Result<bool> printedBefore(const QString &receiptNo);
    // The bytes of jobs that printed or were given up on more than a week ago are let go (the
    // row stays: printedBefore still knows).
    Status prune(qint64 nowMs);

private:
    Database &m_db;
    QString m_terminal;
};

// 开钱箱: the drawer opened with no sale, on a manager's approval for exactly this till (scope
// kApproveDrawer), and written to the audit log with the reason. The caller sends the kick once
// this returned.
Status recordDrawerOpening(Database &db, qint64 nowMs, const QString &terminal, const QString &approvalToken,
                           qint64 operatorId, const QString &reason);

} // namespace huike
