#pragma once

#include "core/result.h"

namespace huike {

class Database;

// What an operator's role allows outside the counter. Checked by the services themselves, inside
// the transaction of the change (which is audited with the operator's id), so the GUI, huike-cli
// and a later chain server refuse the same things. Cashiers ring up sales; managers and the admin
// run products, prices, stock and settings (who may add operators: OperatorService::create), and
// only they see what the shop pays for its goods (CostPrices).
enum class Permission { Products, Prices, Stock, Settings, CostPrices };

Status requirePermission(Database &db, qint64 operatorId, Permission permission);
// The same as a yes/no, for what is shown or left out rather than refused.
bool hasPermission(Database &db, qint64 operatorId, Permission permission);

} // namespace huike
