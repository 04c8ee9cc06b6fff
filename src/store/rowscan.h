#pragma once

#include "database.h"
#include "statement.h"

#include <QString>
#include <cstdint>
#include <sqlite3.h>

namespace huike {

// A statement stepped by hand, row by row, with values read straight from SQLite: for the passes
// that read millions of rows (the 会员分析 rebuild), where a QVariant per value would cost more
// than everything else they do. Statement (statement.h) stays the way for everything else.
class RowScan {
public:
    RowScan(Database &db, const char *sql) : RowScan(db.handle(), sql) {}
    // On a connection of its own (a worker thread's: see ReadConnection).
    RowScan(sqlite3 *handle, const char *sql) : m_db(handle)
    {
        m_code = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    }
    ~RowScan() { sqlite3_finalize(m_stmt); }
    RowScan(const RowScan &) = delete;
    RowScan &operator=(const RowScan &) = delete;

    // Ready to run again with new values (a prepared statement kept for reuse).
    void reset()
    {
        if (m_stmt) {
            sqlite3_reset(m_stmt);
            m_code = SQLITE_OK;
        }
    }
    void bind(int i, std::int64_t v)
    {
        if (m_code == SQLITE_OK)
            m_code = sqlite3_bind_int64(m_stmt, i, v);
    }
    bool next()
    {
        if (m_code != SQLITE_OK && m_code != SQLITE_ROW)
            return false;
        m_code = sqlite3_step(m_stmt);
        return m_code == SQLITE_ROW;
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    const unsigned char *text(int col) const { return sqlite3_column_text(m_stmt, col); }
    // After the last next(): did it run to its end (or is it still on a row)? Resets the
    // statement once done, so that no read snapshot is kept open.
    Status finish()
    {
        const int code = m_code;
        if (code == SQLITE_DONE || code == SQLITE_OK || code == SQLITE_ROW) {
            reset();
            return Ok{};
        }
        const QString detail = QString::fromUtf8(sqlite3_errmsg(m_db));
        reset();
        return sqliteError(code, detail, m_stmt ? QString::fromUtf8(sqlite3_sql(m_stmt)) : QString());
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    int m_code = SQLITE_OK;
};

// A read-only connection of its own to a store's file, for a thread that scans beside the
// owner's (one connection is never stepped from two threads at once). Empty when the file cannot
// be opened that way (an in-memory store): the caller then scans on one thread.
class ReadConnection {
public:
    explicit ReadConnection(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK) {
            sqlite3_close(m_handle);
            m_handle = nullptr;
            return;
        }
        sqlite3_busy_timeout(m_handle, Database::kBusyTimeoutMs);
    }
    ~ReadConnection() { sqlite3_close(m_handle); }
    ReadConnection(const ReadConnection &) = delete;
    ReadConnection &operator=(const ReadConnection &) = delete;
    sqlite3 *handle() const { return m_handle; }

private:
    sqlite3 *m_handle = nullptr;
};

} // namespace huike
