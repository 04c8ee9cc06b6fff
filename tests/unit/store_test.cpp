// The database file: opened the one safe way, migrated step by step, and never damaged by a
// program that does not understand it.

#include "store/database.h"
#include "store/migrations.h"
#include "store/settings.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <sqlite3.h>
#include <chrono>
#include <thread>

using huike::Database;
using huike::ErrorCode;
using huike::test::why;

namespace {

QVariant value(Database &db, const QString &sql)
{
    QSqlQuery q(db.db());
    INFO(sql.toStdString());
    REQUIRE(q.exec(sql));
    if (!q.next())
        return {};
    return q.value(0);
}

void run(Database &db, const QString &sql)
{
    QSqlQuery q(db.db());
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(q.exec(sql));
}

bool hasColumn(Database &db, const QString &table, const QString &column)
{
    QSqlQuery q(db.db());
    REQUIRE(q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)));
    while (q.next())
        if (q.value(1).toString() == column)
            return true;
    return false;
}

bool hasTable(Database &db, const QString &table)
{
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(table);
    REQUIRE(q.exec());
    return q.next();
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A plain Qt connection for preparing files the way another program (or an older Huike) left them.
class RawConnection {
public:
    explicit RawConnection(const QString &path) : m_name(QUuid::createUuid().toString())
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        REQUIRE(m_db.open());
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    void exec(const QString &sql)
    {
        QSqlQuery q(m_db);
        INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
        REQUIRE(q.exec(sql));
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace

TEST_CASE("a write waits for another connection's lock and gets in as soon as it is free", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huike.db"));
    auto a = Database::open(path);
    REQUIRE(a.ok());
    auto b = Database::open(path);
    REQUIRE(b.ok());
    REQUIRE((*a)->exec(QStringLiteral("CREATE TABLE t (x INTEGER)")).ok());
    // Another program holds the write lock for 300 ms, lets go for 3 ms, and takes it again.
    std::thread holder([&] {
        for (int round = 0; round < 2; ++round) {
            sqlite3_exec((*a)->handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            sqlite3_exec((*a)->handle(), "COMMIT", nullptr, nullptr, nullptr);
            std::this_thread::sleep_for(std::chrono::milliseconds(3));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    // SQLite's own busy_timeout polls every 100 ms by then and would miss the 3 ms gap.
    const huike::Status st = (*b)->exec(QStringLiteral("INSERT INTO t VALUES (1)"));
    const bool gotInBetween = value(**b, QStringLiteral("SELECT COUNT(*) FROM t")).toInt() == 1;
    holder.join();
    INFO(why(st));
    CHECK(st.ok());
    CHECK(gotInBetween);
}

TEST_CASE("a new database is opened in WAL mode with synchronous=FULL and foreign keys on", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop/huike.db")); // the folder is made too
    auto db = Database::open(path);
    INFO(why(db));
    REQUIRE(db.ok());
    Database &d = **db;
    CHECK(value(d, QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(value(d, QStringLiteral("PRAGMA synchronous")).toInt() == 2); // FULL
    CHECK(value(d, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    CHECK(d.schemaVersion() == Database::latestSchemaVersion());
    CHECK(Database::latestSchemaVersion() == static_cast<int>(huike::migrations().size()));
    CHECK(Database::latestSchemaVersion() >= 2);
    CHECK(QFile::exists(path));

    // The sqlite3 handle is this very connection: it sees the same file.
    REQUIRE(d.handle() != nullptr);
    CHECK(QString::fromUtf8(sqlite3_db_filename(d.handle(), "main")) == d.path());

    // Foreign keys are enforced: a sale line for a missing sale is refused.
    QSqlQuery q(d.db());
    CHECK_FALSE(q.exec(
        QStringLiteral("INSERT INTO sale_lines(sale_id, line_no, product_id, name, qty_milli, "
                       "list_price_fen, unit_price_fen, line_discount_fen, order_discount_fen, amount_fen) "
                       "VALUES (999, 1, 999, 'x', 1000, 1, 1, 0, 0, 1)")));
}

TEST_CASE("a missing file is not created when the caller says so", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("none.db"));
    Database::Options o;
    o.create = false;
    auto db = Database::open(path, o);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == ErrorCode::NotFound);
    CHECK_FALSE(QFile::exists(path));
}

TEST_CASE("a version-1 database is upgraded on open and keeps its data", "[store][migration]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.db"));
    {
        Database::Options o;
        o.migrateTo = 1;
        auto db = Database::open(path, o);
        INFO(why(db));
        REQUIRE(db.ok());
        Database &d = **db;
        CHECK(d.schemaVersion() == 1);
        CHECK_FALSE(hasColumn(d, QStringLiteral("products"), QStringLiteral("plu")));
        CHECK_FALSE(hasTable(d, QStringLiteral("held_orders")));
        // A product as version 1 stored it.
        run(d, QStringLiteral("INSERT INTO categories(name) VALUES ('饮料')"));
        run(d, QStringLiteral("INSERT INTO products(code, name, pinyin, category_id, unit, price_fen, "
                              "cost_fen, stock_milli, "
                              "weighed, active, created_at_ms, updated_at_ms) VALUES ('0101', '可口可乐 "
                              "330毫升', 'kkkl330hs', 1, "
                              "'瓶', 350, 245, 120000, 0, 1, 1764000000000, 1764000000000)"));
        run(d,
            QStringLiteral("INSERT INTO product_barcodes(barcode, product_id) VALUES ('6954767410388', 1)"));
    }
    auto db = Database::open(path);
    INFO(why(db));
    REQUIRE(db.ok());
    Database &d = **db;
    CHECK(d.schemaVersion() == Database::latestSchemaVersion());
    CHECK(value(d, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt() ==
          Database::latestSchemaVersion());
    CHECK(value(d, QStringLiteral("SELECT name FROM products WHERE code = '0101'")).toString() ==
          QStringLiteral("可口可乐 330毫升"));
    CHECK(value(d, QStringLiteral("SELECT price_fen FROM products WHERE code = '0101'")).toLongLong() == 350);
    CHECK(value(d, QStringLiteral("SELECT stock_milli FROM products WHERE code = '0101'")).toLongLong() ==
          120000);
    CHECK(value(d, QStringLiteral("SELECT product_id FROM product_barcodes WHERE barcode = '6954767410388'"))
              .toLongLong() == 1);
    CHECK(hasColumn(d, QStringLiteral("products"), QStringLiteral("plu")));
    CHECK(value(d, QStringLiteral("SELECT plu IS NULL FROM products WHERE code = '0101'")).toBool());
    CHECK(hasTable(d, QStringLiteral("held_orders")));
    // The v2 unique index on plu works.
    run(d, QStringLiteral("UPDATE products SET plu = '00001' WHERE code = '0101'"));
    QSqlQuery dup(d.db());
    CHECK_FALSE(dup.exec(
        QStringLiteral("INSERT INTO products(code, name, price_fen, plu, created_at_ms, updated_at_ms) "
                       "VALUES ('0102', '雪碧', 300, '00001', 0, 0)")));
}

TEST_CASE("a failing migration step leaves the database exactly at its old version", "[store][migration]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.db"));
    {
        Database::Options o;
        o.migrateTo = 1;
        auto db = Database::open(path, o);
        REQUIRE(db.ok());
        // Something that makes the last step of version 2 fail (its index name is taken).
        run(**db, QStringLiteral("CREATE INDEX products_plu ON products(code)"));
    }
    {
        auto db = Database::open(path);
        REQUIRE_FALSE(db.ok());
        CHECK(db.error().code == ErrorCode::Storage);
    }
    Database::Options o;
    o.migrateTo = 1;
    auto db = Database::open(path, o);
    REQUIRE(db.ok());
    CHECK((*db)->schemaVersion() == 1);
    CHECK_FALSE(hasTable(**db, QStringLiteral("held_orders"))); // the earlier steps were rolled back
    CHECK_FALSE(hasColumn(**db, QStringLiteral("products"), QStringLiteral("plu")));
}

TEST_CASE("a database from a newer Huike is refused and left untouched", "[store][migration]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.db"));
    const int future = Database::latestSchemaVersion() + 1;
    {
        auto db = Database::open(path);
        REQUIRE(db.ok());
        run(**db,
            QStringLiteral("INSERT INTO schema_version(version, applied_at_ms) VALUES (%1, 0)").arg(future));
        run(**db, QStringLiteral("CREATE TABLE loyalty_v3 (id INTEGER PRIMARY KEY)"));
    }
    const QByteArray before = fileHash(path);
    auto db = Database::open(path);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == ErrorCode::TooNew);
    CHECK(db.error().message.contains(QString::number(future)));
    CHECK(fileHash(path) == before);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal"))); // nothing pending either

    SECTION("one in rollback-journal mode is not switched to WAL before it is refused")
    {
        // Written by hand as another version of Huike would have left it: journal_mode=DELETE.
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            REQUIRE(raw.open());
            QSqlQuery q(raw);
            REQUIRE(q.exec(QStringLiteral("PRAGMA journal_mode=DELETE")));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        const QByteArray journal = fileHash(path);
        auto again = Database::open(path);
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().code == ErrorCode::TooNew);
        CHECK(fileHash(path) == journal); // the header still says rollback journal
        CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    }
}

TEST_CASE("a file that is not a database gives a clear error and is not changed", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("商品.csv"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        QByteArray csv("\xEF\xBB\xBF");
        for (int i = 0; i < 50; ++i)
            csv += QStringLiteral("69010280758%1,金龙鱼调和油 5升,69.90\r\n")
                       .arg(i, 2, 10, QLatin1Char('0'))
                       .toUtf8();
        f.write(csv);
    }
    const QByteArray before = fileHash(path);
    auto db = Database::open(path);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == ErrorCode::Storage);
    CHECK(db.error().message.contains(path));
    CHECK(db.error().message.contains(QStringLiteral("not a Huike database")));
    CHECK(fileHash(path) == before);
}

TEST_CASE("another program's SQLite database is refused, not migrated", "[store][migration]")
{
    // Regression (this once happened): a valid SQLite file without a schema_version table is taken for a new,
    // empty database, and all of Huike's tables are created inside it. Picking the wrong file
    // in "open database" writes into another program's data.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("places.sqlite"));
    {
        RawConnection raw(path);
        raw.exec(QStringLiteral("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)"));
        raw.exec(QStringLiteral("INSERT INTO moz_places(url) VALUES ('https://example.com/')"));
    }
    const QByteArray before = fileHash(path);
    {
        auto db = Database::open(path);
        CHECK_FALSE(db.ok());
    }
    CHECK(fileHash(path) == before);
}

TEST_CASE("WriteTransaction commits only when told", "[store]")
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("t.db")));
    REQUIRE(db.ok());
    Database &d = **db;
    {
        huike::WriteTransaction tx(d);
        REQUIRE(tx.began());
        REQUIRE(d.exec(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?)"),
                       {QStringLiteral("a"), QStringLiteral("1")})
                    .ok());
        // no commit: an early return in a service must leave nothing behind
    }
    CHECK(value(d, QStringLiteral("SELECT COUNT(*) FROM settings")).toInt() == 0);
    {
        huike::WriteTransaction tx(d);
        REQUIRE(tx.began());
        REQUIRE(d.exec(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?)"),
                       {QStringLiteral("b"), QStringLiteral("2")})
                    .ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(value(d, QStringLiteral("SELECT value FROM settings WHERE key = 'b'")).toString() ==
          QStringLiteral("2"));
    // A new transaction can begin after both: nothing was left open.
    huike::WriteTransaction tx(d);
    CHECK(tx.began());
}

TEST_CASE("a reader sees only committed data while another connection writes (WAL)", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.db"));
    auto a = Database::open(path);
    auto b = Database::open(path);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    {
        huike::WriteTransaction tx(**a);
        REQUIRE(tx.began());
        REQUIRE((*a)->exec(QStringLiteral("INSERT INTO settings(key, value) VALUES ('k', 'from a')")).ok());
        // While a holds the write lock, b still reads the last committed state (WAL).
        CHECK(value(**b, QStringLiteral("SELECT COUNT(*) FROM settings")).toInt() == 0);
        REQUIRE(tx.commit().ok());
    }
    CHECK(value(**b, QStringLiteral("SELECT value FROM settings WHERE key = 'k'")).toString() ==
          QStringLiteral("from a"));
    huike::WriteTransaction tx(**b);
    CHECK(tx.began());
}

TEST_CASE("a failed statement is a Storage error with a message, not a crash", "[store]")
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("t.db")));
    REQUIRE(db.ok());
    auto st = (*db)->exec(QStringLiteral("INSERT INTO stores(code, name) VALUES (?, ?)"),
                          {QStringLiteral("S01"), QStringLiteral("店")});
    REQUIRE(st.ok());
    auto dup = (*db)->exec(QStringLiteral("INSERT INTO stores(code, name) VALUES (?, ?)"),
                           {QStringLiteral("S01"), QStringLiteral("店")});
    REQUIRE_FALSE(dup.ok());
    CHECK(dup.error().code == ErrorCode::Storage);
    CHECK_FALSE(dup.error().message.isEmpty());
    // The cached statement is usable again after its failure.
    CHECK((*db)
              ->exec(QStringLiteral("INSERT INTO stores(code, name) VALUES (?, ?)"),
                     {QStringLiteral("S02"), QStringLiteral("二店")})
              .ok());
}

TEST_CASE("a statement on the sqlite3 handle binds and reads back what Qt Sql would", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.db"));
    auto db = Database::open(path);
    REQUIRE(db.ok());
    Database &d = **db;
    run(d, QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, fen INTEGER, name TEXT, note TEXT, x)"));
    huike::Statement &ins =
        d.statement(QStringLiteral("INSERT INTO t(fen, name, note, x) VALUES (?, ?, ?, ?)"));
    REQUIRE(ins.exec({qint64(9'007'199'254'740'993), QStringLiteral("农夫山泉 550ml"), QString(), QVariant()}).ok());
    CHECK(ins.lastInsertId() == 1);
    CHECK(ins.changes() == 1);
    REQUIRE(ins.exec({-1250, QStringLiteral("卤鸭"), QStringLiteral("称重"), QVariant(1.5)}).ok());
    // The same text and integers as Qt Sql reads them; a null QString is '' (our columns are NOT
    // NULL DEFAULT ''), a null QVariant is NULL.
    CHECK(value(d, QStringLiteral("SELECT fen FROM t WHERE id = 1")).toLongLong() == 9'007'199'254'740'993);
    CHECK(value(d, QStringLiteral("SELECT name FROM t WHERE id = 1")).toString() == QStringLiteral("农夫山泉 550ml"));
    CHECK(value(d, QStringLiteral("SELECT typeof(note) || typeof(x) FROM t WHERE id = 1")).toString() ==
          QStringLiteral("textnull"));
    auto rows = d.statement(QStringLiteral("SELECT id, fen, name, x FROM t ORDER BY id")).select();
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 2);
    CHECK(rows->at(1).at(1).toLongLong() == -1250);
    CHECK(rows->at(1).at(2).toString() == QStringLiteral("卤鸭"));
    CHECK(rows->at(0).at(3).isNull());
    CHECK(rows->at(1).at(3).toDouble() == 1.5);

    SECTION("a wrong number of values is refused, not bound short")
    {
        auto st = ins.exec({1, QStringLiteral("只有两个")});
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().code == ErrorCode::Storage);
        CHECK(value(d, QStringLiteral("SELECT COUNT(*) FROM t")).toInt() == 2);
    }
    SECTION("a failed step is a Storage error and the statement works again after it")
    {
        run(d, QStringLiteral("CREATE UNIQUE INDEX t_name ON t(name)"));
        auto dup = ins.exec({1, QStringLiteral("卤鸭"), QString(), QVariant()});
        REQUIRE_FALSE(dup.ok());
        CHECK(dup.error().code == ErrorCode::Storage);
        CHECK_FALSE(dup.error().message.isEmpty());
        CHECK(ins.exec({2, QStringLiteral("椰汁"), QString(), QVariant()}).ok());
    }
    SECTION("a select leaves no read snapshot behind: another writer's change is seen next time")
    {
        auto other = Database::open(path);
        REQUIRE(other.ok());
        huike::Statement &one = d.statement(QStringLiteral("SELECT name FROM t ORDER BY id LIMIT 1"));
        REQUIRE(one.select().ok());
        REQUIRE((*other)->exec(QStringLiteral("UPDATE t SET name = '泉水' WHERE id = 1")).ok());
        auto again = one.select();
        REQUIRE(again.ok());
        CHECK(again->first().first().toString() == QStringLiteral("泉水"));
        // ... and the WAL can be checkpointed to the end while the statement stays cached.
        CHECK(value(**other, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).toInt() == 0);
    }
}

TEST_CASE("settings are stored in the database and read with defaults", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.db"));
    {
        auto db = Database::open(path);
        REQUIRE(db.ok());
        huike::Settings s(**db);
        CHECK(s.integer(huike::Settings::kCashierDiscountLimit, 900) == 900);
        CHECK(s.value(huike::Settings::kCurrentStore, QStringLiteral("none")) == QStringLiteral("none"));
        REQUIRE(s.set(huike::Settings::kCashierDiscountLimit, QStringLiteral("850")).ok());
        REQUIRE(s.set(huike::Settings::kRoundingMode, QStringLiteral("1")).ok());
        REQUIRE(
            s.set(huike::Settings::kRoundingMode, QStringLiteral("2")).ok()); // an update, not a second row
        REQUIRE(s.set(QStringLiteral("store.name"), QStringLiteral("汇客便利店")).ok());
        REQUIRE(s.set(QStringLiteral("garbage"), QStringLiteral("12abc")).ok());
    }
    auto db = Database::open(path);
    REQUIRE(db.ok());
    huike::Settings s(**db);
    CHECK(s.integer(huike::Settings::kCashierDiscountLimit, 900) == 850);
    CHECK(s.integer(huike::Settings::kRoundingMode, 0) == 2);
    CHECK(s.value(QStringLiteral("store.name")) == QStringLiteral("汇客便利店"));
    CHECK(s.integer(QStringLiteral("garbage"), 7) == 7);
}
