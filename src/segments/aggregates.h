#pragma once

#include "classify.h"
#include "core/result.h"

#include <QDate>
#include <vector>

namespace huike {

class Database;
class ShopTime;

namespace segments {

// The local calendar day of `date` as the aggregates count days (days since 1970-01-01).
int dayNumber(const QDate &date);

// Every member's aggregate rebuilt from the raw sales in the store, counting what happened on or
// before `asOf` (the shop's local date): sales with a member are orders; refunds and voids lower
// the spend of the receipt they undo, and a receipt undone whole (nothing of it left) is no
// order. Indexed by member id (ids with no member stay empty). Recharges are not sales.
Result<std::vector<MemberAggregate>> rebuildAggregates(Database &db, const ShopTime &time, const QDate &asOf);

} // namespace segments

} // namespace huike
