#pragma once

#include "core/result.h"

#include <QString>
#include <QVariantList>

namespace huike {

class Database;

// Documents (sales, refunds, voids) are chained: each stores a SHA-256 over its own content (header,
// lines, adjustments, payments) and the previous document's hash. An edit made behind Huike's back
// — even one that keeps every sum consistent — breaks the chain at that document, and verify names
// it. (Deleting the newest documents shows through receipt_sequences instead.)

// What a document's hash is computed over: its rows, table by table, in the order and with the
// columns of the SELECTs in documentchain.cpp. Fed from the database by documentHash(), and by the
// writer from the very values it binds, so that a sale is not read back to be hashed.
class DocumentDigest {
public:
    enum Table { Header, Lines, Adjustments, Payments, TableCount };
    // `values` as bound or read; the first `skip` (the sale id, not part of the content) are left out.
    void addRow(Table table, const QVariantList &values, int skip = 0);
    QString finish(const QString &previousHash) const;

private:
    QByteArray m_tables[TableCount];
};

// The newest document's hash, or "" for the first: what the next document is chained to.
Result<QString> lastDocumentHash(Database &db);
// Inside the writer's transaction: stores the document's place in the chain.
Status storeDocumentHash(Database &db, qint64 saleId, const QString &previousHash, const QString &hash);

// The hash of document `saleId` as it is stored now, chained to `previousHash`.
Result<QString> documentHash(Database &db, qint64 saleId, const QString &previousHash);

// For the migration that introduced the chain: hashes every document there is, in order.
Status chainAllDocuments(Database &db);

} // namespace huike
