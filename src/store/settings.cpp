#include "settings.h"

#include "database.h"

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
