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

// Rows as text: fields end with 0x1f, rows with 0x1e, tables with 0x1d; NULL is 0x00, so that no
// value can pass for another (a name holding the separators is still a different string).
Status append(Database &db, const char *sql, qint64 saleId, QByteArray &out)
{
    QSqlQuery &q = db.prepared(QString::fromLatin1(sql));
    q.bindValue(0, saleId);
    if (!q.exec())
        return storageError(q);
    const int columns = q.record().count();
    while (q.next()) {
        for (int c = 0; c < columns; ++c) {
            const QVariant v = q.value(c);
            if (v.isNull())
                out += '\0';
            else
                out += v.toString().toUtf8().toBase64();
            out += '\x1f';
        }
        out += '\x1e';
    }
    q.finish();
    out += '\x1d';
    return Ok{};
}

} // namespace

Result<QString> documentHash(Database &db, qint64 saleId, const QString &previousHash)
{
    QByteArray in = QByteArrayLiteral("huike-document-v1\x1d") + previousHash.toLatin1() + '\x1d';
    for (const char *sql : {kHeader, kLines, kAdjustments, kPayments})
        if (auto st = append(db, sql, saleId, in); !st)
            return st.error();
    return QString::fromLatin1(QCryptographicHash::hash(in, QCryptographicHash::Sha256).toHex());
}

Status chainDocument(Database &db, qint64 saleId)
{
    QString previous;
    {
        QSqlQuery &q = db.prepared(QStringLiteral("SELECT hash FROM sales WHERE id < ? ORDER BY id DESC LIMIT 1"));
        q.bindValue(0, saleId);
        if (!q.exec())
            return storageError(q);
        if (q.next())
            previous = q.value(0).toString();
        q.finish();
    }
    auto hash = documentHash(db, saleId, previous);
    if (!hash)
        return hash.error();
    return db.exec(QStringLiteral("UPDATE sales SET prev_hash = ?, hash = ? WHERE id = ?"), {nonNull(previous), *hash, saleId});
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
