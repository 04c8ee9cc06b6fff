#include "documentchain.h"

#include "database.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace huike {

namespace {

// The columns that make a document, named one by one: a column added later does not change the
// hash of what was written before it. Bump the version prefix if this list ever has to change.
const char *const kHeader =
    "SELECT uuid, store_id, business_day, seq, receipt_no, kind, original_sale_id, shift_id, terminal, operator_id, "
    "authorized_by, member_id, subtotal_fen, discount_fen, rounding_fen, total_fen, reason, created_at_ms "
    "FROM sales WHERE id = ?";
const char *const kLines =
    "SELECT line_no, product_id, barcode, name, qty_milli, list_price_fen, unit_price_fen, line_discount_fen, "
    "order_discount_fen, amount_fen, original_line_id, gross_fen FROM sale_lines WHERE sale_id = ? ORDER BY line_no";
const char *const kAdjustments =
    "SELECT line_no, seq, scope, source, reference, amount_fen, manual FROM sale_adjustments WHERE sale_id = ? "
    "ORDER BY line_no, seq";
const char *const kPayments =
    "SELECT tender, amount_fen, tendered_fen, change_fen, reference FROM payments WHERE sale_id = ? ORDER BY id";

// Rows as text: fields end with 0x1f, rows with 0x1e, tables with 0x1d; NULL is 0x00 and other
// values are base64, so that no value can pass for another.
void appendValue(QByteArray &out, const QVariant &v)
{
    if (v.isNull())
        out += '\0';
    else
        out += v.toString().toUtf8().toBase64();
    out += '\x1f';
}

Status appendTable(Database &db, const char *sql, qint64 saleId, DocumentDigest &digest, DocumentDigest::Table t)
{
    QSqlQuery &q = db.prepared(QString::fromLatin1(sql));
    q.bindValue(0, saleId);
    if (!q.exec())
        return storageError(q);
    const int columns = q.record().count();
    while (q.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(q.value(c));
        digest.addRow(t, row);
    }
    q.finish();
    return Ok{};
}

} // namespace

void DocumentDigest::addRow(Table table, const QVariantList &values, int skip)
{
    QByteArray &out = m_tables[table];
    for (int i = skip; i < values.size(); ++i)
        appendValue(out, values.at(i));
    out += '\x1e';
}

QString DocumentDigest::finish(const QString &previousHash) const
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArrayLiteral("huike-document-v1\x1d"));
    h.addData(previousHash.toLatin1());
    h.addData(QByteArrayLiteral("\x1d"));
    for (const QByteArray &table : m_tables) {
        h.addData(table);
        h.addData(QByteArrayLiteral("\x1d"));
    }
    return QString::fromLatin1(h.result().toHex());
}

Result<QString> documentHash(Database &db, qint64 saleId, const QString &previousHash)
{
    DocumentDigest digest;
    const std::pair<const char *, DocumentDigest::Table> tables[] = {{kHeader, DocumentDigest::Header},
                                                                     {kLines, DocumentDigest::Lines},
                                                                     {kAdjustments, DocumentDigest::Adjustments},
                                                                     {kPayments, DocumentDigest::Payments}};
    for (const auto &[sql, table] : tables)
        if (auto st = appendTable(db, sql, saleId, digest, table); !st)
            return st.error();
    return digest.finish(previousHash);
}

Result<QString> lastDocumentHash(Database &db)
{
    auto rows = db.statement(QStringLiteral("SELECT hash FROM sales ORDER BY id DESC LIMIT 1")).select();
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? QStringLiteral("") : nonNull(rows->first().value(0).toString());
}

Status storeDocumentHash(Database &db, qint64 saleId, const QString &previousHash, const QString &hash)
{
    return db.statement(QStringLiteral("UPDATE sales SET prev_hash = ?, hash = ? WHERE id = ?"))
        .exec({nonNull(previousHash), hash, saleId});
}

Status chainAllDocuments(Database &db)
{
    QList<qint64> ids;
    {
        QSqlQuery q(db.db());
        if (!q.exec(QStringLiteral("SELECT id FROM sales ORDER BY id")))
            return storageError(q);
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    QString previous;
    for (qint64 id : ids) {
        auto hash = documentHash(db, id, previous);
        if (!hash)
            return hash.error();
        if (auto st = db.exec(QStringLiteral("UPDATE sales SET prev_hash = ?, hash = ? WHERE id = ?"),
                              {nonNull(previous), *hash, id});
            !st)
            return st;
        previous = *hash;
    }
    return Ok{};
}

} // namespace huike
