#include "printer.h"

#include "operators/approvals.h"
#include "store/database.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QStringList>

namespace huike {

namespace {

constexpr qint64 kKeepBytesMs = 7LL * 24 * 60 * 60 * 1000;

const QString kJobColumns = QStringLiteral(
    "id, kind, reference, state, created_at_ms, queued_at_ms, attempts, last_error, COALESCE(finished_at_ms, 0)");

PrintJob jobFrom(const QVariantList &row)
{
    PrintJob j;
    j.id = row.at(0).toLongLong();
    j.kind = row.at(1).toString();
    j.reference = row.at(2).toString();
    j.state = row.at(3).toString();
    j.createdAtMs = row.at(4).toLongLong();
    j.queuedAtMs = row.at(5).toLongLong();
    j.attempts = row.at(6).toInt();
    j.lastError = row.at(7).toString();
    j.finishedAtMs = row.at(8).toLongLong();
    if (row.size() > 9)
        j.payload = row.at(9).toByteArray();
    return j;
}

Result<QList<PrintJob>> jobsFrom(const Result<QList<QVariantList>> &rows)
{
    if (!rows)
        return rows.error();
    QList<PrintJob> out;
    for (const QVariantList &row : *rows)
        out.append(jobFrom(row));
    return out;
}

Error noSuchJob(qint64 id)
{
    return Error{ErrorCode::NotFound, QCoreApplication::translate("Printer", "Print job %1 is not waiting.").arg(id)};
}

} // namespace

ReceiptPrinting PrinterSettings::printing(bool reprint) const
{
    ReceiptPrinting p;
    p.barcode = true;
    p.qrCode = qrCode;
    p.cut = true;
    p.reprint = reprint;
    p.logoWidth = logoWidth;
    p.logoHeight = logoHeight;
    p.logoBits = logoBits;
    return p;
}

PrinterSettings loadPrinterSettings(const Settings &settings)
{
    PrinterSettings p;
    p.spec = settings.value(Settings::kPrinterSpec);
    p.columns = settings.integer(Settings::kPrinterColumns, 32) >= 48 ? 48 : 32;
    p.chineseMode = settings.integer(Settings::kPrinterChineseMode, 1) != 0;
    p.qrCode = settings.value(Settings::kReceiptQrCode);
    p.autoPrint = settings.integer(Settings::kPrinterAutoPrint, 1) != 0;
    p.drawerOnCash = settings.integer(Settings::kDrawerOnCash, 1) != 0;
    // "W:H:base64"; anything else (a value from a newer or broken version) is no logo.
    const QStringList logo = settings.value(Settings::kReceiptLogo).split(QLatin1Char(':'));
    if (logo.size() == 3) {
        const int w = logo.at(0).toInt();
        const int h = logo.at(1).toInt();
        const QByteArray bits = QByteArray::fromBase64(logo.at(2).toLatin1());
        if (w > 0 && w <= PrinterSettings::kMaxLogoWidth && h > 0 && h <= PrinterSettings::kMaxLogoHeight &&
            bits.size() == (w + 7) / 8 * h) {
            p.logoWidth = w;
            p.logoHeight = h;
            p.logoBits = bits;
        }
    }
    return p;
}

Status savePrinterSettings(Settings &settings, const PrinterSettings &p, qint64 operatorId, qint64 atMs)
{
    if (p.columns != 32 && p.columns != 48)
        return Error{ErrorCode::Invalid,
                     QCoreApplication::translate("Printer", "The paper is 32 columns (58 mm) or 48 (80 mm).")};
    const bool logo = !p.logoBits.isEmpty();
    if (logo && (p.logoWidth <= 0 || p.logoWidth > PrinterSettings::kMaxLogoWidth || p.logoHeight <= 0 ||
                 p.logoHeight > PrinterSettings::kMaxLogoHeight || p.logoBits.size() != (p.logoWidth + 7) / 8 * p.logoHeight))
        return Error{ErrorCode::Invalid,
                     QCoreApplication::translate("Printer", "The logo is at most %1 x %2 dots.")
                         .arg(PrinterSettings::kMaxLogoWidth)
                         .arg(PrinterSettings::kMaxLogoHeight)};
    return settings.change({{Settings::kPrinterSpec, p.spec.trimmed()},
                            {Settings::kPrinterColumns, QString::number(p.columns)},
                            {Settings::kPrinterChineseMode, p.chineseMode ? QStringLiteral("1") : QStringLiteral("0")},
                            {Settings::kReceiptQrCode, p.qrCode.trimmed()},
                            {Settings::kReceiptLogo, logo ? QStringLiteral("%1:%2:%3")
                                                                .arg(p.logoWidth)
                                                                .arg(p.logoHeight)
                                                                .arg(QString::fromLatin1(p.logoBits.toBase64()))
                                                          : QString()},
                            {Settings::kPrinterAutoPrint, p.autoPrint ? QStringLiteral("1") : QStringLiteral("0")},
                            {Settings::kDrawerOnCash, p.drawerOnCash ? QStringLiteral("1") : QStringLiteral("0")}},
                           operatorId, atMs);
}

PrintLayout printerTestPage(const PrinterSettings &printer)
{
    const int columns = printer.columns;
    PrintLayout page(columns);
    if (!printer.logoBits.isEmpty())
        page.image(printer.logoWidth, printer.logoHeight, printer.logoBits);
    page.center(QStringLiteral("汇客收银 打印测试"));
    page.rule(QLatin1Char('='));
    page.line(QStringLiteral("中文：欢迎光临，谢谢惠顾！"));
    page.line(QStringLiteral("English: 0123456789 ABCDEFG"));
    page.pair(QStringLiteral("金龙鱼调和油 5升"), QStringLiteral("¥69.90"));
    page.pair(QStringLiteral("%1 columns").arg(columns), printer.spec.left(columns / 2));
    page.rule();
    page.largePair(QStringLiteral("合计"), QStringLiteral("¥69.90"));
    page.barcode(QStringLiteral("HUIKE-TEST-01"));
    page.qrCode(printer.qrCode.isEmpty() ? QStringLiteral("汇客收银 测试页") : printer.qrCode);
    page.feed(3);
    page.cut();
    return page;
}

Result<qint64> PrintJobs::enqueue(const QString &kind, const QString &reference, const QByteArray &payload,
                                  qint64 nowMs)
{
    Statement &s = m_db.statement(QStringLiteral(
        "INSERT INTO print_jobs(terminal, kind, reference, payload, created_at_ms, queued_at_ms) "
        "VALUES (?, ?, ?, ?, ?, ?)"));
    if (auto st = s.exec({m_terminal, kind, nonNull(reference), payload, nowMs, nowMs}); !st)
        return st.error();
    return s.lastInsertId();
}

Result<QList<PrintJob>> PrintJobs::waiting()
{
    return jobsFrom(m_db.statement(QStringLiteral("SELECT %1, payload FROM print_jobs WHERE terminal = ? AND "
                                                  "state = 'waiting' ORDER BY id")
                                       .arg(kJobColumns))
                        .select({m_terminal}));
}

Result<PrintJobs::Counts> PrintJobs::counts(qint64 nowMs)
{
    auto rows = m_db.statement(QStringLiteral("SELECT count(*), COALESCE(sum(queued_at_ms <= ?), 0) FROM print_jobs "
                                              "WHERE terminal = ? AND state = 'waiting'"))
                    .select({nowMs - PrintJob::kRetryForMs, m_terminal});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Counts{};
    return Counts{rows->first().at(0).toInt(), rows->first().at(1).toInt()};
}

Result<QList<PrintJob>> PrintJobs::recent(int limit)
{
    return jobsFrom(
        m_db.statement(QStringLiteral("SELECT %1 FROM print_jobs WHERE terminal = ? ORDER BY id DESC LIMIT ?").arg(kJobColumns))
            .select({m_terminal, limit}));
}

Result<PrintJob> PrintJobs::job(qint64 id)
{
    auto rows = m_db.statement(QStringLiteral("SELECT %1, payload FROM print_jobs WHERE id = ? AND terminal = ?")
                                   .arg(kJobColumns))
                    .select({id, m_terminal});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return noSuchJob(id);
    return jobFrom(rows->first());
}

Status PrintJobs::markPrinted(qint64 id, qint64 nowMs)
{
    return m_db.statement(QStringLiteral("UPDATE print_jobs SET state = 'printed', finished_at_ms = ?, attempts = "
                                         "attempts + 1, last_error = '' WHERE id = ? AND state = 'waiting'"))
        .exec({nowMs, id});
}

Status PrintJobs::markFailed(qint64 id, const QString &error)
{
    return m_db.statement(QStringLiteral("UPDATE print_jobs SET attempts = attempts + 1, last_error = ? WHERE id = ? "
                                         "AND state = 'waiting'"))
        .exec({nonNull(error), id});
}

Status PrintJobs::requeue(qint64 id, qint64 nowMs)
{
    Statement &s = m_db.statement(
        QStringLiteral("UPDATE print_jobs SET queued_at_ms = ? WHERE id = ? AND terminal = ? AND state = 'waiting'"));
    if (auto st = s.exec({nowMs, id, m_terminal}); !st)
        return st;
    return s.changes() == 1 ? Status(Ok{}) : Status(noSuchJob(id));
}

Status PrintJobs::cancel(qint64 id, qint64 operatorId, qint64 nowMs)
{
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    auto j = job(id);
    if (!j)
        return j.error();
    Statement &s = m_db.statement(QStringLiteral(
        "UPDATE print_jobs SET state = 'cancelled', finished_at_ms = ? WHERE id = ? AND state = 'waiting'"));
    if (auto st = s.exec({nowMs, id}); !st)
        return st;
    if (s.changes() != 1)
        return noSuchJob(id);
    if (auto st = writeAudit(m_db, nowMs, operatorId, 0, QStringLiteral("print.cancel"), j->reference,
                             j->lastError, QStringLiteral("job %1, %2 tries").arg(id).arg(j->attempts));
        !st)
        return st;
    return tx.commit();
}

Result<bool> PrintJobs::printedBefore(const QString &receiptNo)
{
    auto rows = m_db.statement(QStringLiteral("SELECT 1 FROM print_jobs WHERE reference = ? AND state = 'printed' "
                                              "AND terminal = ? LIMIT 1"))
                    .select({receiptNo, m_terminal});
    if (!rows)
        return rows.error();
    return !rows->isEmpty();
}

Status PrintJobs::prune(qint64 nowMs)
{
    return m_db.statement(QStringLiteral("UPDATE print_jobs SET payload = X'' WHERE state <> 'waiting' AND "
                                         "finished_at_ms < ? AND length(payload) > 0"))
        .exec({nowMs - kKeepBytesMs});
}

Status recordDrawerOpening(Database &db, qint64 nowMs, const QString &terminal, const QString &approvalToken,
                           qint64 operatorId, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return Error{ErrorCode::Invalid,
                     QCoreApplication::translate("Printer", "Say why the drawer is opened with no sale.")};
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    auto used = consumeApproval(db, nowMs, approvalToken, ApprovalScope{kApproveDrawer, terminal, Money{}});
    if (!used)
        return used.error();
    if (auto st = writeAudit(db, nowMs, operatorId, used->managerId, QStringLiteral("drawer.open"), terminal,
                             reason.trimmed());
        !st)
        return st;
    return tx.commit();
}

} // namespace huike
