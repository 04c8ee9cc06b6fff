#include "permissions.h"

#include "database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace huike {

namespace {

QString what(Permission p)
{
    switch (p) {
    case Permission::Products:
        return QCoreApplication::translate("Permissions", "change products");
    case Permission::Prices:
        return QCoreApplication::translate("Permissions", "change prices");
    case Permission::Stock:
        return QCoreApplication::translate("Permissions", "change stock");
    case Permission::CostPrices:
        return QCoreApplication::translate("Permissions", "see cost prices");
    case Permission::Settings:
        break;
    }
    return QCoreApplication::translate("Permissions", "change settings");
}

} // namespace

Status requirePermission(Database &db, qint64 operatorId, Permission permission)
{
    QSqlQuery &q = db.prepared(QStringLiteral("SELECT role, active, locked FROM operators WHERE id = ?"));
    q.bindValue(0, operatorId);
    if (!q.exec())
        return storageError(q);
    const bool found = q.next();
    const QString role = found ? q.value(0).toString() : QString();
    const bool usable = found && q.value(1).toBool() && !q.value(2).toBool();
    q.finish();
    if (!usable)
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Permissions", "Only a logged-in manager or the admin may %1.")
                             .arg(what(permission)));
    if (role != QLatin1String("manager") && role != QLatin1String("admin"))
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Permissions", "A cashier may not %1: ask a manager.")
                             .arg(what(permission)));
    return Ok{};
}

bool hasPermission(Database &db, qint64 operatorId, Permission permission)
{
    return requirePermission(db, operatorId, permission).ok();
}

} // namespace huike
