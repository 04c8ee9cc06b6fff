#include "settings.h"

#include "database.h"
#include "permissions.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlQuery>

namespace huike {

QString Settings::value(const QString &key, const QString &fallback) const
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.bindValue(0, key);
    QString out = fallback;
    if (q.exec() && q.next())
        out = q.value(0).toString();
    q.finish();
    return out;
}

qint64 Settings::integer(const QString &key, qint64 fallback) const
{
    bool ok = false;
    const qint64 v = value(key).toLongLong(&ok);
    return ok ? v : fallback;
}

Status Settings::set(const QString &key, const QString &value)
{
    return m_db.exec(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                     {key, value});
}

namespace {

// A value as the audit log keeps it: whole when a person can read it there, else its digest and
// length (a receipt logo is a base64 raster of up to ~40 KB; two of them in every change of it
// would grow the log for nothing a reader could use). The digest still tells which logo was set.
QString audited(const QString &value)
{
    constexpr qsizetype kReadable = 200;
    if (value.size() <= kReadable)
        return value;
    const QByteArray digest = QCryptographicHash::hash(value.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("sha256:%1 (%2 chars)").arg(QString::fromLatin1(digest)).arg(value.size());
}

} // namespace

Status Settings::change(const QList<std::pair<QString, QString>> &values, qint64 operatorId, qint64 atMs)
{
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(m_db, operatorId, Permission::Settings); !st)
        return st;
    for (const auto &[key, v] : values) {
        const QString old = value(key);
        if (old == v)
            continue;
        if (auto st = set(key, v); !st)
            return st;
        if (auto st = writeAudit(m_db, atMs, operatorId, 0, QStringLiteral("setting.change"), key, {},
                                 QStringLiteral("%1 -> %2").arg(audited(old), audited(v)));
            !st)
            return st;
    }
    return tx.commit();
}

Result<StoreInfo> loadStore(Database &db, qint64 storeId)
{
    QSqlQuery &q = db.prepared(
        QStringLiteral("SELECT id, code, name, address, phone, receipt_footer FROM stores WHERE id = ?"));
    q.bindValue(0, storeId);
    if (!q.exec())
        return storageError(q);
    if (!q.next()) {
        q.finish();
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Settings", "No such store."));
    }
    StoreInfo s{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toString(),   q.value(4).toString(), q.value(5).toString()};
    q.finish();
    return s;
}

Status saveStore(Database &db, const StoreInfo &info, qint64 operatorId, qint64 atMs)
{
    if (info.name.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Settings", "The store needs a name."));
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(db, operatorId, Permission::Settings); !st)
        return st;
    if (auto st =
            db.exec(QStringLiteral("UPDATE stores SET name = ?, address = ?, phone = ?, receipt_footer = ? "
                                   "WHERE id = ?"),
                    {info.name.trimmed(), nonNull(info.address.trimmed()), nonNull(info.phone.trimmed()),
                     nonNull(info.receiptFooter.trimmed()), info.id});
        !st)
        return st;
    if (auto st = writeAudit(db, atMs, operatorId, 0, QStringLiteral("store.update"), info.code); !st)
        return st;
    return tx.commit();
}

Status writeAudit(Database &db, qint64 atMs, qint64 operatorId, qint64 authorizedBy, const QString &action,
                  const QString &target, const QString &reason, const QString &details)
{
    return db.exec(
        QStringLiteral("INSERT INTO audit_log(at_ms, operator_id, authorized_by, action, target, reason, "
                       "details) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {atMs, operatorId > 0 ? QVariant(operatorId) : QVariant(),
         authorizedBy > 0 ? QVariant(authorizedBy) : QVariant(), action, nonNull(target), nonNull(reason),
         nonNull(details)});
}

} // namespace huike
