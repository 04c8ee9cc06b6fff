#pragma once

#include "core/result.h"

namespace huike {

class Database;

// What an operator's role allows outside the counter. Checked by the services themselves, inside
// the transaction of the change (which is audited with the operator's id), so the GUI, huike-cli
// and a later chain server refuse the same things. Cashiers ring up sales; managers and the admin
// run products, prices, stock and settings (who may add operators: OperatorService::create).
enum class Permission { Products, Prices, Stock, Settings };

Status requirePermission(Database &db, qint64 operatorId, Permission permission);

} // namespace huike
