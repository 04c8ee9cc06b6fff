#include "integrity.h"

#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <functional>

namespace huike {

namespace {
void collect(Database &db, const QString &sql, QStringList &problems,
             const std::function<QString(const QSqlQuery &)> &describe)
{
    QSqlQuery q(db.db());
    if (!q.exec(sql)) {
        problems << QStringLiteral("query failed: %1").arg(q.lastError().text());
        return;
    }
    int shown = 0;
    int total = 0;
    while (q.next()) {
        ++total;
        if (shown++ < 50)
            problems << describe(q);
    }
    if (total > shown)
        problems << QStringLiteral("... and %1 more").arg(total - shown);
}
} // namespace

QStringList verifyDatabase(Database &db)
{
    QStringList problems;
    {
        QSqlQuery q(db.db());
        if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
            problems << QStringLiteral("integrity_check failed: %1").arg(q.lastError().text());
            return problems;
        }
        while (q.next()) {
            const QString r = q.value(0).toString();
            if (r != QLatin1String("ok"))
                problems << QStringLiteral("integrity: %1").arg(r);
        }
    }
    collect(db, QStringLiteral("PRAGMA foreign_key_check"), problems, [](const QSqlQuery &q) {
        return QStringLiteral("foreign key: %1 row %2 points to a missing %3")
            .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    });
    collect(db,
            QStringLiteral(
                "SELECT s.receipt_no, s.total_fen, COALESCE((SELECT SUM(amount_fen) FROM payments p WHERE "
                "p.sale_id = s.id), 0) AS paid FROM sales s WHERE paid <> s.total_fen"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: payments %2 fen <> total %3 fen")
                    .arg(q.value(0).toString(), q.value(2).toString(), q.value(1).toString());
            });
    collect(db,
            QStringLiteral(
                "SELECT s.receipt_no, s.total_fen, COALESCE((SELECT SUM(amount_fen) FROM sale_lines l WHERE "
                "l.sale_id = s.id), 0) AS lines FROM sales s WHERE lines <> s.total_fen "
                "OR s.subtotal_fen - s.discount_fen - s.rounding_fen <> s.total_fen"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: line amounts %2 fen <> total %3 fen")
                    .arg(q.value(0).toString(), q.value(2).toString(), q.value(1).toString());
            });
    collect(db,
            QStringLiteral(
                "SELECT p.code, p.stock_milli, COALESCE(m.total, 0) FROM products p LEFT JOIN (SELECT "
                "product_id, "
                "SUM(qty_milli) AS total FROM stock_moves GROUP BY product_id) m ON m.product_id = p.id "
                "WHERE p.stock_milli <> COALESCE(m.total, 0)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("product %1: stock %2 <> stock moves %3 (thousandths)")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
            });
    collect(db,
            QStringLiteral(
                "SELECT store_id, business_day, COUNT(*), MIN(seq), MAX(seq) FROM sales GROUP BY store_id, "
                "business_day HAVING MIN(seq) <> 1 OR MAX(seq) <> COUNT(*)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral(
                           "store %1 day %2: receipt numbers have gaps (%3 receipts, numbered %4..%5)")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString(), q.value(4).toString());
            });
    collect(db,
            QStringLiteral(
                "SELECT o.id, o.name, o.qty_milli, -SUM(r.qty_milli) FROM sale_lines o JOIN sale_lines r ON "
                "r.original_line_id = o.id GROUP BY o.id HAVING -SUM(r.qty_milli) > o.qty_milli "
                "OR -SUM(r.amount_fen) > o.amount_fen"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("sale line %1 (%2): %3 sold but %4 returned")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString());
            });
    return problems;
}

} // namespace huike
