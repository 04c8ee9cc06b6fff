// Import runs: a product import commits in short chunks (tills keep selling between them), and
// what it changed is recorded so that a run which stops half-way is undone as a whole.

#include "catalog.h"

#include "store/database.h"
#include "store/permissions.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QVariant>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace huike {

namespace {

QString thisHost()
{
    return QSysInfo::machineHostName();
}

// Whether the run's process may still be importing. On this machine its pid says so at once; a
// run from another till's PC (a shared folder) is trusted while it keeps writing its heartbeat.
bool runIsAlive(const QString &host, qint64 pid, qint64 heartbeatMs, qint64 nowMs)
{
    if (host == thisHost()) {
        if (pid == static_cast<qint64>(::getpid()))
            return true; // this process: a run of ours still on the stack (cannot be dead)
        return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
    }
    return nowMs - heartbeatMs < Catalog::kImportStaleMs;
}

} // namespace

Result<qint64> Catalog::beginImportRun(qint64 operatorId)
{
    // Whatever a dead import left is undone before a new one starts.
    if (auto undone = recoverInterruptedImports(); !undone)
        return undone.error();
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(m_db, operatorId, Permission::Products); !st)
        return st.error();
    auto live = m_db.statement(QStringLiteral("SELECT o.name, r.host, r.started_at_ms FROM import_runs r JOIN "
                                              "operators o ON o.id = r.operator_id WHERE r.state IN "
                                              "('running', 'undoing')"))
                    .select();
    if (!live)
        return live.error();
    if (!live->isEmpty())
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Catalog",
                                                     "%1 is importing products on %2: wait until that import "
                                                     "is done.")
                             .arg(live->first().at(0).toString(), live->first().at(1).toString()));
    const qint64 now = m_clock.nowMs();
    Statement &ins = m_db.statement(QStringLiteral(
        "INSERT INTO import_runs(operator_id, host, pid, started_at_ms, heartbeat_ms) VALUES (?, ?, ?, ?, ?)"));
    if (auto st = ins.exec({operatorId, thisHost(), static_cast<qint64>(::getpid()), now, now}); !st)
        return st.error();
    const qint64 id = ins.lastInsertId();
    if (auto st = tx.commit(); !st)
        return st.error();
    return id;
}

Result<int> Catalog::recoverInterruptedImports()
{
    auto runs = m_db.statement(QStringLiteral("SELECT id, host, pid, heartbeat_ms, operator_id FROM import_runs "
                                              "WHERE state IN ('running', 'undoing')"))
                    .select();
    if (!runs)
        return runs.error();
    int undone = 0;
    for (const QVariantList &r : *runs) {
        if (runIsAlive(r.at(1).toString(), r.at(2).toLongLong(), r.at(3).toLongLong(), m_clock.nowMs()))
            continue;
        if (auto st = undoImportRun(r.at(0).toLongLong(), r.at(4).toLongLong()); !st)
            return st.error();
        ++undone;
    }
    return undone;
}

Status Catalog::undoImportRun(qint64 runId, qint64 operatorId)
{
    // In chunks too: a big run undone in one transaction would stop the tills as long as the
    // import would have. 'undoing' keeps the run's own process, should it wake up, from going on.
    int restored = 0;
    int removed = 0;
    int kept = 0;
    for (;;) {
        WriteTransaction tx(m_db);
        if (!tx.began())
            return tx.beginError();
        if (auto st = m_db.exec(QStringLiteral("UPDATE import_runs SET state = 'undoing' WHERE id = ?"), {runId}); !st)
            return st;
        // Products the run created first: an updated product's old code or barcode may be theirs now.
        auto rows = m_db.statement(QStringLiteral("SELECT product_id, before, stock_delta_milli FROM import_changes "
                                                  "WHERE run_id = ? ORDER BY before IS NOT NULL, product_id LIMIT ?"))
                        .select({runId, kImportChunkRows});
        if (!rows)
            return rows.error();
        for (const QVariantList &r : *rows) {
            const qint64 pid = r.at(0).toLongLong();
            if (r.at(1).isNull()) {
                // Created by the run. Sold since (a till scanned it between chunks): it stays, off
                // sale, so that the sale keeps its product; otherwise it goes as if never imported.
                auto sold = m_db.statement(QStringLiteral("SELECT 1 FROM sale_lines WHERE product_id = ? LIMIT 1"))
                                .select({pid});
                if (!sold)
                    return sold.error();
                if (!sold->isEmpty()) {
                    if (auto st = m_db.exec(QStringLiteral("UPDATE products SET active = 0 WHERE id = ?"), {pid}); !st)
                        return st;
                    ++kept;
                } else {
                    for (const char *sql : {"DELETE FROM stock_moves WHERE product_id = ?",
                                            "DELETE FROM product_barcodes WHERE product_id = ?",
                                            "DELETE FROM products WHERE id = ?"})
                        if (auto st = m_db.exec(QString::fromLatin1(sql), {pid}); !st)
                            return st;
                    ++removed;
                }
            } else {
                if (auto st = m_db.exec(
                        QStringLiteral(
                            "UPDATE products SET code = json_extract(?1, '$.code'), name = json_extract(?1, '$.name'), "
                            "pinyin = json_extract(?1, '$.pinyin'), category_id = json_extract(?1, '$.category_id'), "
                            "unit = json_extract(?1, '$.unit'), price_fen = json_extract(?1, '$.price_fen'), "
                            "cost_fen = json_extract(?1, '$.cost_fen'), weighed = json_extract(?1, '$.weighed'), "
                            "active = json_extract(?1, '$.active'), plu = json_extract(?1, '$.plu'), "
                            "updated_at_ms = json_extract(?1, '$.updated_at_ms') WHERE id = ?2"),
                        {r.at(1).toString(), pid});
                    !st)
                    return st;
                if (auto st = m_db.exec(QStringLiteral("DELETE FROM product_barcodes WHERE product_id = ?"), {pid});
                    !st)
                    return st;
                // OR REPLACE: a barcode the run moved to another product comes back here (that
                // product's own barcodes are put back as they were when its turn comes).
                if (auto st = m_db.exec(QStringLiteral("INSERT OR REPLACE INTO product_barcodes(barcode, product_id) "
                                                       "SELECT value, ?2 FROM json_each(json_extract(?1, "
                                                       "'$.barcodes')) ORDER BY key"),
                                        {r.at(1).toString(), pid});
                    !st)
                    return st;
                // The ledger is never rewritten: the run's stock change is reversed by a move of its own.
                if (const qint64 delta = r.at(2).toLongLong(); delta != 0)
                    if (auto st = insertStockMove(pid, -delta, QStringLiteral("import.undo"), operatorId); !st)
                        return st;
                ++restored;
            }
            if (auto st = m_db.exec(QStringLiteral("DELETE FROM import_changes WHERE run_id = ? AND product_id = ?"),
                                    {runId, pid});
                !st)
                return st;
        }
        const bool last = rows->size() < kImportChunkRows;
        if (last) {
            if (auto st = m_db.exec(QStringLiteral("UPDATE import_runs SET state = 'undone', finished_at_ms = ? "
                                                   "WHERE id = ?"),
                                    {m_clock.nowMs(), runId});
                !st)
                return st;
            if (auto st = writeAudit(m_db, m_clock.nowMs(), operatorId, 0, QStringLiteral("import.undo"),
                                     QString::number(runId), {},
                                     QStringLiteral("restored %1, removed %2, kept off sale %3")
                                         .arg(restored)
                                         .arg(removed)
                                         .arg(kept));
                !st)
                return st;
        }
        if (auto st = tx.commit(); !st)
            return st;
        if (last)
            return Ok{};
    }
}

} // namespace huike
