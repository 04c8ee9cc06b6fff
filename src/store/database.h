#pragma once

#include "core/result.h"
#include "statement.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>

struct sqlite3;

namespace huike {

// One SQLite file, opened the one safe way: WAL, synchronous=FULL, foreign keys on, a busy
// timeout, and the schema brought up to date by ordered migrations in one transaction.
class Database {
public:
    struct Options {
        bool create = true;             // create the file if it does not exist
        int migrateTo = -1;             // -1: the newest schema this program knows (tests pick older)
        bool synchronousFull = true;    // the demo generator may turn fsync off while it bulk-loads
        bool manualCheckpoints = false; // the owner calls checkpoint() when idle (the till)
        // Opened read-only (verify): no migration, no change to the journal mode, no write at all.
        // The file must exist; its schema may be older than this program's (never newer).
        bool readOnly = false;
    };

    static Result<std::unique_ptr<Database>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &path) { return open(path, Options{}); }
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static int latestSchemaVersion();
    int schemaVersion();

    QSqlDatabase &db() { return m_db; }
    const QString &path() const { return m_path; }
    // The sqlite3 handle of the same connection, for the hot paths where Qt Sql is too slow.
    sqlite3 *handle();
    // How long a write waits for another program's lock before it says "busy".
    static constexpr int kBusyTimeoutMs = 5000;

    // A prepared statement, prepared once per connection and reused.
    QSqlQuery &prepared(const QString &sql);
    // The same on the sqlite3 handle, for the statements every sale runs (statement.h).
    Statement &statement(const QString &sql);
    // Runs one statement with bound values; the error message is translated and user-facing.
    Status exec(const QString &sql, const QVariantList &values = {});
    void setSynchronousFull(bool on);
    // Copies the WAL back into the database file without blocking readers or writers (PASSIVE).
    // With manualCheckpoints the owner calls this when nobody waits, so a sale never does.
    Status checkpoint();

    QString lastErrorText() const;

private:
    Database() = default;
    Status configure(const Options &options);
    Status migrate(int target);
    Status migrateSteps(int current, int target, bool checkForeignKeys);

    QSqlDatabase m_db;
    QString m_connection;
    QString m_path;
    std::unique_ptr<struct StatementCache> m_cache;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() is called. Qt's transaction() opens a
// deferred transaction, which fails at once when another writer holds the lock; IMMEDIATE takes
// the write lock up front and waits (busy_timeout) for it.
class [[nodiscard]] WriteTransaction {
public:
    explicit WriteTransaction(Database &db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool began() const { return m_began; }
    const Error &beginError() const { return m_error; }
    Status commit();

private:
    Database &m_db;
    bool m_began = false;
    bool m_done = false;
    Error m_error;
};

// Qt binds a null QString as SQL NULL; our text columns are NOT NULL DEFAULT ''.
inline QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// An optional reference (operator, shift, member, ...): ids are positive, 0 means none and is NULL.
inline QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

// Binds values to a query's placeholders in order.
inline void bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
}

// The message for a failed query, translated and with a hint for the cases a shop can fix.
Error storageError(const QSqlQuery &query);

} // namespace huike
