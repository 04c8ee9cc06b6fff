#pragma once

#include <QStringList>

namespace huike {

class Database;

// `huike-cli verify`: proves the books are whole. Each problem found is one line of the result;
// an empty list means the database is sound.
//  - PRAGMA integrity_check and foreign_key_check
//  - every document's payments and its line amounts equal its total
//  - every product's stock equals the sum of its stock moves
//  - receipt numbers per store and day run 1..n with no gap
//  - no line is refunded beyond what was sold
//  - each member's growth and net spend equal their ledger, and every refund took back exactly
//    what its lines earned
QStringList verifyDatabase(Database &db);

} // namespace huike
