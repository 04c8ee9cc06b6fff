#pragma once

// Inside the catalog: the one writer of a product row (used by the form's save and the CSV import),
// so both validate, price-check and audit a product the same way. Not for use outside catalog/.

#include "catalog.h"

#include <functional>

namespace huike {

// Inside the caller's transaction: validates and inserts or updates `p`, audits it, and records an
// opening stock through `stockMove(productId, quantityMilli)`.
Result<qint64> saveProductInTransaction(Database &db, const Clock &clock, Product p, qint64 operatorId,
                                        const std::function<Status(qint64, qint64)> &stockMove);

} // namespace huike
