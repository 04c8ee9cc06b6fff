#include "database.h"

#include "migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <chrono>
#include <thread>
#include <QUrl>
#include <QUuid>
#include <QVariant>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace huike {

struct StatementCache {
    QHash<QString, QSqlQuery *> queries;
    QHash<QString, Statement *> statements;
    // Finalized before the connection closes (Database's destructor resets the cache first).
    ~StatementCache()
    {
        qDeleteAll(queries);
        qDeleteAll(statements);
    }
};

Error storageError(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    return sqliteError(e.nativeErrorCode().toInt(), e.text(), query.lastQuery());
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Options &options)
{
    const QFileInfo fi(path);
    if (!fi.exists()) {
        if (!options.create || options.readOnly)
            return makeError(ErrorCode::NotFound,
                             QCoreApplication::translate("Database", "No database at %1.").arg(path));
        if (!QDir().mkpath(fi.absolutePath()))
            return makeError(ErrorCode::Storage,
                             QCoreApplication::translate("Database", "Cannot create the folder %1.")
                                 .arg(fi.absolutePath()));
    }
    std::unique_ptr<Database> d(new Database);
    d->m_path = fi.absoluteFilePath();
    d->m_connection = QStringLiteral("huike-") + QUuid::createUuid().toString(QUuid::Id128);
    d->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->m_connection);
    if (!d->m_db.isValid())
        return makeError(ErrorCode::Storage,
                         QCoreApplication::translate(
                             "Database", "Qt's SQLite driver is missing (package libqt6sql6-sqlite)."));
    // `immutable`: a WAL file in a folder nobody may write (a read-only medium, a locked-down
    // backup) cannot get the -shm file SQLite's readers need; read-only callers then read it as a
    // file that cannot change, which in such a folder it cannot.
    const auto connect = [&](bool immutable) -> bool {
        if (d->m_db.isOpen())
            d->m_db.close();
        d->m_db.setDatabaseName(immutable ? QStringLiteral("file:%1?immutable=1")
                                                .arg(QString::fromUtf8(QUrl::toPercentEncoding(d->m_path, "/")))
                                          : d->m_path);
        d->m_db.setConnectOptions(options.readOnly
                                      ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000%1")
                                            .arg(immutable ? QStringLiteral(";QSQLITE_OPEN_URI") : QString())
                                      : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        return d->m_db.open();
    };
    if (!connect(false))
        return makeError(ErrorCode::Storage, QCoreApplication::translate("Database", "Cannot open %1: %2")
                                                 .arg(path, d->m_db.lastError().text()));
    d->m_cache = std::make_unique<StatementCache>();
    // Before anything writes (even the switch to WAL rewrites the header): a file with tables but
    // no schema_version belongs to another program. Writing our tables into it would damage that
    // program's data; refuse and leave the file exactly as it was.
    {
        const QString probe = QStringLiteral("SELECT COUNT(*), SUM(name = 'schema_version') FROM sqlite_master "
                                             "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        QSqlQuery q(d->m_db);
        bool read = q.exec(probe) && q.next();
        const int code = read ? 0 : q.lastError().nativeErrorCode().toInt() & 0xff;
        if (!read && options.readOnly && (code == SQLITE_CANTOPEN || code == SQLITE_READONLY)) {
            q = QSqlQuery();
            d->m_cache.reset();
            if (connect(true)) {
                d->m_cache = std::make_unique<StatementCache>();
                q = QSqlQuery(d->m_db);
                read = q.exec(probe) && q.next();
                if (read)
                    spdlog::info("{}: folder not writable, read as immutable", d->m_path.toStdString());
            }
        }
        if (!read) {
            if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT || code == 0)
                return makeError(
                    ErrorCode::Storage,
                    QCoreApplication::translate("Database", "%1 is not a Huike database or is damaged (%2).")
                        .arg(path, q.lastError().text()));
            return storageError(q); // the folder or the disk, said as such
        }
        if (q.value(0).toInt() > 0 && q.value(1).toInt() == 0)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Database",
                                                         "%1 is an SQLite file of another program, not a "
                                                         "Huike database. It was not changed.")
                                 .arg(path));
    }
    // Also before anything writes: a file from a newer Huike stays exactly as it is, not even
    // switched to WAL (schemaVersion only reads).
    const int version = d->schemaVersion();
    if (version < 0 && options.readOnly)
        return makeError(ErrorCode::Storage,
                         QCoreApplication::translate("Database", "%1 is not a Huike database or is damaged.")
                             .arg(path));
    if (version > latestSchemaVersion())
        return makeError(ErrorCode::TooNew,
                         QCoreApplication::translate(
                             "Database", "This database was written by a newer Huike (schema %1; this program knows "
                                         "up to %2). Install the newer Huike; the file was not changed.")
                             .arg(version)
                             .arg(latestSchemaVersion()));
    if (options.readOnly)
        return d;
    if (auto st = d->configure(options); !st)
        return st.error();
    if (auto st = d->migrate(options.migrateTo < 0 ? latestSchemaVersion() : options.migrateTo); !st)
        return st.error();
    return d;
}

Database::~Database()
{
    m_cache.reset();
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

sqlite3 *Database::handle()
{
    return *static_cast<sqlite3 **>(m_db.driver()->handle().data());
}

QSqlQuery &Database::prepared(const QString &sql)
{
    auto it = m_cache->queries.find(sql);
    if (it != m_cache->queries.end())
        return **it;
    auto *q = new QSqlQuery(m_db);
    if (!q->prepare(sql))
        spdlog::error("prepare failed: {} in [{}]", q->lastError().text().toStdString(), sql.toStdString());
    m_cache->queries.insert(sql, q);
    return *q;
}

Statement &Database::statement(const QString &sql)
{
    auto it = m_cache->statements.find(sql);
    if (it != m_cache->statements.end())
        return **it;
    auto *st = new Statement(handle(), sql);
    m_cache->statements.insert(sql, st);
    return *st;
}

Status Database::exec(const QString &sql, const QVariantList &values)
{
    return statement(sql).exec(values);
}

void Database::setSynchronousFull(bool on)
{
    QSqlQuery q(m_db);
    q.exec(on ? QStringLiteral("PRAGMA synchronous=FULL") : QStringLiteral("PRAGMA synchronous=OFF"));
}

Status Database::checkpoint()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
        return storageError(q);
    return Ok{};
}

QString Database::lastErrorText() const
{
    return m_db.lastError().text();
}

namespace {

// Waiting for another program's write lock, for up to kBusyTimeoutMs. SQLite's own busy_timeout
// sleeps longer and longer between tries (up to 100 ms): a till waiting behind an import that
// commits a chunk and at once begins the next would almost never find the lock free. Trying every
// millisecond, it gets in within the moment the import leaves between chunks.
int waitForLock(void *, int count)
{
    static thread_local std::chrono::steady_clock::time_point since;
    const auto now = std::chrono::steady_clock::now();
    if (count == 0)
        since = now;
    if (now - since > std::chrono::milliseconds(Database::kBusyTimeoutMs))
        return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return 1;
}

} // namespace

Status Database::configure(const Options &options)
{
    QSqlQuery q(m_db);
    // A fresh store (init folds it into one file) is in rollback-journal mode. Switching to WAL
    // needs the file to itself: two programs opening it at once each hold a shared lock and wait
    // for the other, and SQLite answers one of them BUSY at once, without the busy timeout. The
    // other one makes the switch in a moment; after that the pragma changes nothing. So: retry.
    bool switched = false;
    for (int attempt = 0; attempt < 50 && !switched; ++attempt) {
        switched = q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && q.next();
        if (!switched && (q.lastError().nativeErrorCode().toInt() & 0xff) != SQLITE_BUSY)
            break;
        if (!switched)
            QThread::msleep(20 + 10 * static_cast<unsigned long>(attempt % 5));
    }
    // open() has read the file already: a failure here is the disk or the folder (read-only, full),
    // and says so; "damaged" would invite restoring a backup over good data.
    if (!switched)
        return storageError(q);
    if (q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return makeError(
            ErrorCode::Storage,
            QCoreApplication::translate("Database", "Cannot switch %1 to WAL mode.").arg(m_path));
    q.finish();
    const QStringList pragmas = {
        options.synchronousFull ? QStringLiteral("PRAGMA synchronous=FULL")
                                : QStringLiteral("PRAGMA synchronous=OFF"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        // SQLite checkpoints the WAL inside the commit that crosses 1000 pages: the sale is safe
        // by then, but the till waits milliseconds for it. The till checkpoints when idle instead.
        options.manualCheckpoints ? QStringLiteral("PRAGMA wal_autocheckpoint=0")
                                  : QStringLiteral("PRAGMA wal_autocheckpoint=1000"),
        // 32 MB of page cache instead of SQLite's 2 MB: with a million members the indexes a
        // sale or an import touches (phones, cards, every ledger's uuid) stay in memory, and a
        // bulk import does not reread index pages it wrote a moment ago.
        QStringLiteral("PRAGMA cache_size=-32768"),
    };
    for (const QString &p : pragmas) {
        if (!q.exec(p))
            return storageError(q);
    }
    sqlite3_busy_handler(handle(), &waitForLock, nullptr);
    return Ok{};
}

int Database::latestSchemaVersion()
{
    return static_cast<int>(migrations().size());
}

int Database::schemaVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'")))
        return -1;
    if (!q.next())
        return 0;
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

Status Database::migrate(int target)
{
    const int current = schemaVersion();
    if (current < 0)
        return makeError(
            ErrorCode::Storage,
            QCoreApplication::translate("Database", "Cannot read the schema version of %1.").arg(m_path));
    const int latest = latestSchemaVersion();
    if (current > latest)
        return makeError(
            ErrorCode::TooNew,
            QCoreApplication::translate(
                "Database", "This database was written by a newer Huike (schema %1; this program knows up to "
                            "%2). Install the newer Huike; the file was not changed.")
                .arg(current)
                .arg(latest));
    if (current >= target)
        return Ok{};
    const auto &steps = migrations();
    bool rebuilds = false;
    for (int v = current + 1; v <= target; ++v)
        rebuilds = rebuilds || steps.at(static_cast<size_t>(v - 1)).rebuildsTables;
    QSqlQuery q(m_db);
    // A table rebuild drops and renames tables that others reference: with foreign keys on, the drop
    // would cascade or fail. The pragma is a no-op inside a transaction, so it goes first.
    if (rebuilds && !q.exec(QStringLiteral("PRAGMA foreign_keys=OFF")))
        return storageError(q);
    auto status = migrateSteps(current, target, rebuilds);
    if (rebuilds && !q.exec(QStringLiteral("PRAGMA foreign_keys=ON")) && status)
        return storageError(q);
    return status;
}

Status Database::migrateSteps(int current, int target, bool checkForeignKeys)
{
    WriteTransaction tx(*this);
    if (!tx.began())
        return tx.beginError();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                               "applied_at_ms INTEGER NOT NULL)")))
        return storageError(q);
    const auto &steps = migrations();
    for (int v = current + 1; v <= target; ++v) {
        const Migration &step = steps.at(static_cast<size_t>(v - 1));
        for (const char *sql : step.statements) {
            if (!q.exec(QString::fromUtf8(sql)))
                return storageError(q);
        }
        if (step.after)
            if (auto st = step.after(*this); !st)
                return st;
        q.prepare(QStringLiteral("INSERT INTO schema_version(version, applied_at_ms) VALUES (?, "
                                 "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))"));
        q.addBindValue(v);
        if (!q.exec())
            return storageError(q);
        spdlog::info("schema of {} upgraded to version {}", m_path.toStdString(), v);
    }
    if (checkForeignKeys) {
        // Step 10 of the rebuild: every reference must still hold before the new schema commits.
        if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
            return storageError(q);
        if (q.next())
            return makeError(ErrorCode::Storage,
                             QCoreApplication::translate("Database",
                                                         "Upgrading %1 would break a reference in table %2 "
                                                         "(row %3); the file was not changed.")
                                 .arg(m_path, q.value(0).toString(), q.value(1).toString()));
    }
    return tx.commit();
}

WriteTransaction::WriteTransaction(Database &db) : m_db(db)
{
    if (auto st = db.exec(QStringLiteral("BEGIN IMMEDIATE")); st)
        m_began = true;
    else
        m_error = st.error();
}

WriteTransaction::~WriteTransaction()
{
    if (m_began && !m_done)
        (void)m_db.exec(QStringLiteral("ROLLBACK")); // nothing more to do if even this fails
}

Status WriteTransaction::commit()
{
    Q_ASSERT(m_began && !m_done);
    if (auto st = m_db.exec(QStringLiteral("COMMIT")); !st)
        return st; // the destructor rolls back
    m_done = true;
    return Ok{};
}

} // namespace huike
