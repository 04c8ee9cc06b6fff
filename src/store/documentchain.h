#pragma once

#include "core/result.h"

#include <QString>

namespace huike {

class Database;

// Documents (sales, refunds, voids) are chained: each stores a SHA-256 over its own content (header,
// lines, adjustments, payments) and the previous document's hash. An edit made behind Huike's back
// — even one that keeps every sum consistent — breaks the chain at that document, and verify names
// it. (Deleting the newest documents shows through receipt_sequences instead.)

// The hash of document `saleId` as it is stored now, chained to `previousHash`.
Result<QString> documentHash(Database &db, qint64 saleId, const QString &previousHash);

// Inside the caller's BEGIN IMMEDIATE, after the document's rows are written: links it to the newest
// document before it and stores both hashes.
Status chainDocument(Database &db, qint64 saleId);

// For the migration that introduced the chain: hashes every document there is, in order.
Status chainAllDocuments(Database &db);

} // namespace huike
