#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace huike {

// A statement prepared once on a Database's own sqlite3 connection (Database::statement) and
// reused, for the paths a sale takes. Qt Sql's positional bind formats a placeholder name and
// hashes it for every value (QSqlResultPrivate::fieldSerial), which was a fifth of a checkout's
// CPU; this binds straight to SQLite. Same connection, same transaction, same busy timeout.
//
// Every call runs to the end and resets the statement, so none is left holding a read snapshot
// or a half-stepped write once it returns.
class Statement {
public:
    Statement(sqlite3 *db, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Runs a statement that returns no rows. Values bind in order: qint64/int/bool as INTEGER,
    // QString as TEXT (a null QString too, as ''),
    // a null QVariant as NULL, double as REAL, QByteArray as BLOB.
    Status exec(const QVariantList &values = {});
    // Runs a statement and returns its rows (INTEGER as qint64, TEXT as QString, NULL as null).
    Result<QList<QVariantList>> select(const QVariantList &values = {});

    // Of the last exec(): rows changed and the rowid of the last insert.
    qint64 changes() const { return m_changes; }
    qint64 lastInsertId() const { return m_lastInsertId; }
    const QString &sql() const { return m_sql; }

private:
    Status bind(const QVariantList &values);
    Error failure(int code);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_sql;
    int m_prepareCode = 0;
    qint64 m_changes = 0;
    qint64 m_lastInsertId = 0;
};

// The user-facing message for an SQLite result code (primary or extended), translated, with a
// hint for the cases a shop can fix (disk full, busy, read-only, damaged). Logs the details.
Error sqliteError(int code, const QString &detail, const QString &sql);

} // namespace huike
