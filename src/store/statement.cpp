#include "statement.h"

#include <QCoreApplication>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace huike {

Error sqliteError(int code, const QString &detail, const QString &sql)
{
    QString msg;
    ErrorCode kind = ErrorCode::Storage;
    // Never "damaged" unless SQLite says so: that message invites restoring a backup over good data.
    switch (code & 0xff) { // extended codes carry the primary one in the low byte
    case SQLITE_FULL:
        msg = QCoreApplication::translate(
            "Database", "The disk is full: nothing was saved. Free some space and try again.");
        break;
    case SQLITE_IOERR:
        msg = QCoreApplication::translate("Database",
                                          "The disk could not be written or read (full, removed or failing): "
                                          "nothing was saved. Check the disk and try again.");
        break;
    case SQLITE_CANTOPEN: // the file exists (checked first): what fails is its -wal/-shm beside it
        kind = ErrorCode::ReadOnly;
        msg = QCoreApplication::translate("Database",
                                          "The files SQLite keeps beside the database cannot be made: the "
                                          "folder is read-only or full. Nothing was saved.");
        break;
    case SQLITE_PERM:
        kind = ErrorCode::ReadOnly;
        msg = QCoreApplication::translate("Database", "The database file may not be written: nothing was saved.");
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        msg = QCoreApplication::translate(
            "Database", "The database is busy in another window or terminal. Try again in a moment.");
        break;
    case SQLITE_READONLY:
        kind = ErrorCode::ReadOnly;
        msg = QCoreApplication::translate("Database",
                                          "The database file or its folder is read-only: nothing was saved.");
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        msg = QCoreApplication::translate("Database", "The database file is damaged. Restore the last backup.");
        break;
    default:
        msg = QCoreApplication::translate("Database", "The database refused the change: %1").arg(detail);
    }
    spdlog::error("sql error {}: {} in [{}]", code, detail.toStdString(), sql.left(200).toStdString());
    return makeError(kind, msg);
}

Statement::Statement(sqlite3 *db, const QString &sql) : m_db(db), m_sql(sql)
{
    const QByteArray utf8 = sql.toUtf8();
    m_prepareCode = sqlite3_prepare_v3(db, utf8.constData(), static_cast<int>(utf8.size()),
                                       SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (m_prepareCode != SQLITE_OK)
        spdlog::error("prepare failed: {} in [{}]", sqlite3_errmsg(db), utf8.constData());
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Error Statement::failure(int code)
{
    const QString detail = QString::fromUtf8(sqlite3_errmsg(m_db));
    if (m_stmt)
        sqlite3_reset(m_stmt);
    return sqliteError(code, detail, m_sql);
}

Status Statement::bind(const QVariantList &values)
{
    if (!m_stmt)
        return failure(m_prepareCode == SQLITE_OK ? SQLITE_MISUSE : m_prepareCode);
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    if (values.size() != sqlite3_bind_parameter_count(m_stmt))
        return sqliteError(SQLITE_RANGE,
                           QStringLiteral("%1 values for %2 placeholders")
                               .arg(values.size())
                               .arg(sqlite3_bind_parameter_count(m_stmt)),
                           m_sql);
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        const int at = i + 1;
        int rc = SQLITE_OK;
        if (v.isNull()) {
            rc = sqlite3_bind_null(m_stmt, at);
        } else {
            switch (v.metaType().id()) {
            case QMetaType::LongLong:
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::Bool:
                rc = sqlite3_bind_int64(m_stmt, at, v.toLongLong());
                break;
            case QMetaType::Double:
                rc = sqlite3_bind_double(m_stmt, at, v.toDouble());
                break;
            case QMetaType::QByteArray: {
                const QByteArray b = v.toByteArray();
                rc = sqlite3_bind_blob64(m_stmt, at, b.constData(), static_cast<sqlite3_uint64>(b.size()),
                                         SQLITE_TRANSIENT);
                break;
            }
            default: {
                const QString s = v.toString();
                rc = sqlite3_bind_text16(m_stmt, at, s.utf16(), static_cast<int>(s.size() * 2), SQLITE_TRANSIENT);
            }
            }
        }
        if (rc != SQLITE_OK)
            return failure(rc);
    }
    return Ok{};
}

Status Statement::exec(const QVariantList &values)
{
    if (auto st = bind(values); !st)
        return st;
    int rc;
    while ((rc = sqlite3_step(m_stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    m_changes = sqlite3_changes64(m_db);
    m_lastInsertId = sqlite3_last_insert_rowid(m_db);
    sqlite3_reset(m_stmt);
    return Ok{};
}

Result<QList<QVariantList>> Statement::select(const QVariantList &values)
{
    if (auto st = bind(values); !st)
        return st.error();
    QList<QVariantList> rows;
    const int columns = sqlite3_column_count(m_stmt);
    int rc;
    while ((rc = sqlite3_step(m_stmt)) == SQLITE_ROW) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            switch (sqlite3_column_type(m_stmt, c)) {
            case SQLITE_INTEGER:
                row.append(QVariant(static_cast<qint64>(sqlite3_column_int64(m_stmt, c))));
                break;
            case SQLITE_FLOAT:
                row.append(QVariant(sqlite3_column_double(m_stmt, c)));
                break;
            case SQLITE_TEXT:
                row.append(QVariant(QString(reinterpret_cast<const QChar *>(sqlite3_column_text16(m_stmt, c)),
                                            sqlite3_column_bytes16(m_stmt, c) / 2)));
                break;
            case SQLITE_BLOB:
                row.append(QVariant(QByteArray(static_cast<const char *>(sqlite3_column_blob(m_stmt, c)),
                                               sqlite3_column_bytes(m_stmt, c))));
                break;
            default:
                row.append(QVariant());
            }
        }
        rows.append(std::move(row));
    }
    if (rc != SQLITE_DONE)
        return failure(rc);
    m_changes = sqlite3_changes64(m_db);
    m_lastInsertId = sqlite3_last_insert_rowid(m_db);
    sqlite3_reset(m_stmt);
    return rows;
}

} // namespace huike
