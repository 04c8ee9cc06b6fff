// Upgrading a real shop's file: a demo store as schema version 2 wrote it, upgraded by the table
// rebuild of version 3, with the books verifying before and after.

#include "reports/integrity.h"
#include "store/database.h"
#include "testsupport.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

using huike::Database;
using huike::test::why;

namespace {

QString unpackFixture(const QTemporaryDir &dir, const char *name)
{
    QFile in(QStringLiteral(HUIKE_TEST_DATA "/") + QLatin1String(name) + QStringLiteral(".qz"));
    REQUIRE(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = qUncompress(in.readAll());
    REQUIRE_FALSE(bytes.isEmpty());
    const QString path = dir.filePath(QLatin1String(name));
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    REQUIRE(out.write(bytes) == bytes.size());
    return path;
}

qint64 count(Database &db, const QString &sql)
{
    QSqlQuery q(db.db());
    REQUIRE(q.exec(sql));
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

} // namespace

TEST_CASE("a version-2 demo store is rebuilt to the newest schema and its books verify before and after",
          "[store][migration]")
{
    QTemporaryDir dir;
    const QString path = unpackFixture(dir, "demo-v2.db");
    qint64 sales = 0;
    qint64 payments = 0;
    qint64 lines = 0;
    {
        Database::Options o;
        o.migrateTo = 2;
        o.create = false;
        auto db = Database::open(path, o);
        INFO(why(db));
        REQUIRE(db.ok());
        REQUIRE((*db)->schemaVersion() == 2);
        CHECK(huike::verifyDatabase(**db) == QStringList());
        sales = count(**db, QStringLiteral("SELECT COUNT(*) FROM sales"));
        payments = count(**db, QStringLiteral("SELECT COUNT(*) FROM payments"));
        lines = count(**db, QStringLiteral("SELECT COUNT(*) FROM sale_lines"));
        REQUIRE(sales > 2000);
    }
    auto opened = Database::open(path);
    INFO(why(opened));
    REQUIRE(opened.ok());
    Database &db = **opened;
    CHECK(db.schemaVersion() == Database::latestSchemaVersion());
    CHECK(huike::verifyDatabase(db) == QStringList());
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM sales")) == sales);
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM payments")) == payments);
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM sale_lines")) == lines);
    // Foreign keys are back on after the rebuild, and the kinds are references now, not CHECK lists.
    CHECK(count(db, QStringLiteral("PRAGMA foreign_keys")) == 1);
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE sql LIKE '%CHECK (tender IN%' "
                                   "OR sql LIKE '%CHECK (kind IN%'")) == 0);
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'new_%'")) == 0);
    QSqlQuery bad(db.db());
    CHECK_FALSE(bad.exec(QStringLiteral("INSERT INTO payments(sale_id, tender, amount_fen, tendered_fen, "
                                        "change_fen) VALUES (1, 'bitcoin', 1, 1, 0)")));
    CHECK(bad.exec(QStringLiteral("INSERT INTO tender_kinds(key, sort_order) VALUES ('test_kind', 99)")));
    CHECK(bad.exec(QStringLiteral("INSERT INTO payments(sale_id, tender, amount_fen, tendered_fen, "
                                  "change_fen) VALUES (1, 'test_kind', 0, 0, 0)")));
    // The indexes of the rebuilt tables are there again.
    for (const char *index : {"sales_created", "sales_member", "sales_original", "sales_shift", "payments_sale"})
        CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = '%1'")
                            .arg(QLatin1String(index))) == 1);
    // Refunds belong to the member of the sale they reverse, and every refund has its approval.
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM sales r JOIN sales o ON o.id = r.original_sale_id "
                                   "WHERE r.member_id IS NOT o.member_id")) == 0);
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM sales r JOIN sales o ON o.id = r.original_sale_id "
                                   "WHERE o.member_id IS NOT NULL")) > 0);
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM sales s WHERE s.kind <> 'sale' AND NOT EXISTS "
                                   "(SELECT 1 FROM approvals a WHERE a.sale_id = s.id)")) == 0);
    // Every line's gross less its adjustments is what the customer paid.
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM sale_adjustments")) > 0);
    CHECK(count(db, QStringLiteral(
                        "SELECT COUNT(*) FROM sale_lines l WHERE l.line_discount_fen + l.order_discount_fen <> "
                        "COALESCE((SELECT SUM(a.amount_fen) FROM sale_adjustments a WHERE a.sale_id = l.sale_id "
                        "AND a.line_no = l.line_no), 0)")) == 0);
    // Version 4: a document's stock moves are its lines; the ledger still adds up to every stock.
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM stock_moves WHERE sale_id IS NOT NULL")) == 0);
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE sale_id IS NOT NULL")) == lines);
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM products p WHERE p.stock_milli <> (SELECT "
                                   "COALESCE(SUM(qty_milli), 0) FROM stock_ledger m WHERE m.product_id = p.id)")) ==
          0);
    // Only the sales that have a member or an original are in those indexes now.
    CHECK(count(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sales_member' AND sql LIKE "
                                   "'%WHERE member_id IS NOT NULL%'")) == 1);
}

TEST_CASE("verify opens an old file read-only: it is checked as it is and not upgraded", "[store][migration][verify]")
{
    QTemporaryDir dir;
    const QString path = unpackFixture(dir, "demo-v2.db");
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    {
        Database::Options o;
        o.readOnly = true;
        auto db = Database::open(path, o);
        INFO(why(db));
        REQUIRE(db.ok());
        CHECK((*db)->schemaVersion() == 2);
        CHECK(huike::verifyDatabase(**db) == QStringList());
        QSqlQuery q((*db)->db());
        CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM products")));
    }
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == before);
    Database::Options o;
    o.readOnly = true;
    CHECK(Database::open(dir.filePath(QStringLiteral("missing.db")), o).error().code == huike::ErrorCode::NotFound);
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("missing.db"))));
}

TEST_CASE("a shop with members at schema 6 upgrades: every member starts at the lowest level, nothing earned",
          "[store][migration][members]")
{
    // Foreign keys are on while steps 7 on run (no table is rebuilt): the new columns must be ones
    // SQLite can add to a table that has rows.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v6.db"));
    {
        Database::Options o;
        o.migrateTo = 6;
        auto db = Database::open(path, o);
        INFO(why(db));
        REQUIRE(db.ok());
        QSqlQuery q((*db)->db());
        REQUIRE(q.exec(QStringLiteral("INSERT INTO members(phone, name, created_at_ms) VALUES ('13800138000', '张晓梅', 0), "
                                      "('13900139000', '王建国', 0)")));
    }
    auto db = Database::open(path);
    INFO(why(db));
    REQUIRE(db.ok());
    CHECK((*db)->schemaVersion() == Database::latestSchemaVersion());
    CHECK(count(**db, QStringLiteral("SELECT COUNT(*) FROM members WHERE level_id = 1 AND growth = 0 AND points = 0")) == 2);
    CHECK(huike::verifyDatabase(**db) == QStringList());
}
