// A big product import, as a shop's head office sends one: tills keep selling while it goes in
// (it commits in short chunks), and an import killed half-way leaves the catalogue as it was.

#include "app/appcontext.h"
#include "cli.h"
#include "sales/checkout.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QThread>
#include <QUuid>

using huike::itest::cliPath;
using huike::itest::CliRun;
using huike::itest::sqlValue;
using huike::itest::Workspace;
using namespace huike;

namespace {

// A valid EAN-13 from a 12-digit body (the check digit computed as a scanner checks it).
QString ean13(qint64 body)
{
    const QString digits = QStringLiteral("%1").arg(body, 12, 10, QLatin1Char('0'));
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (digits.at(i).unicode() - '0') * (i % 2 ? 3 : 1);
    return digits + QString::number((10 - sum % 10) % 10);
}

struct BigFile {
    QString path;
    QStringList updatedCodes; // existing products whose price the file changes
};

// `rows` new products (导入商品00001 …) after a new price for the first 50 demo products, so that
// the first chunks update products that existed before.
BigFile writeBigFile(const Workspace &ws, int rows)
{
    BigFile f;
    f.path = ws.path(QStringLiteral("big.csv"));
    QByteArray csv = "code,barcode,name,price,stock\n";
    for (int i = 1; i <= 50; ++i) {
        const QString code = sqlValue(ws.db(), QStringLiteral("SELECT code FROM products ORDER BY id LIMIT 1 OFFSET ?"),
                                      {i - 1})
                                 .toString();
        f.updatedCodes << code;
        csv += code.toUtf8() + ",," + QStringLiteral("改价商品%1").arg(i).toUtf8() + ",999.00,\n";
    }
    for (int i = 1; i <= rows; ++i)
        csv += QStringLiteral("IMP%1,%2,导入商品%1,%3.50,10\n")
                   .arg(i, 6, 10, QLatin1Char('0'))
                   .arg(ean13(290'000'000'000LL + i))
                   .arg(i % 90 + 1)
                   .toUtf8();
    QFile out(f.path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    REQUIRE(out.write(csv) == csv.size());
    return f;
}

qint64 scalar(const Workspace &ws, const QString &sql)
{
    return sqlValue(ws.db(), sql).toLongLong();
}

} // namespace

TEST_CASE("an import killed half-way is undone as a whole when the store is next opened", "[integration][import]")
{
    Workspace ws;
    ws.initDemo();
    const BigFile file = writeBigFile(ws, 40'000);
    const qint64 products = scalar(ws, QStringLiteral("SELECT COUNT(*) FROM products"));
    const qint64 stock = scalar(ws, QStringLiteral("SELECT SUM(stock_milli) FROM products"));
    const qint64 prices = scalar(ws, QStringLiteral("SELECT SUM(price_fen) FROM products"));

    QProcess p;
    p.setProcessEnvironment(ws.environment());
    p.start(cliPath(), {QStringLiteral("import-products"), QStringLiteral("--db"), ws.db(), file.path});
    REQUIRE(p.waitForStarted());
    // Kill it once several chunks are in: the catalogue is then visibly half imported.
    QElapsedTimer t;
    t.start();
    qint64 seen = 0;
    while (p.state() == QProcess::Running && t.elapsed() < 60'000) {
        seen = scalar(ws, QStringLiteral("SELECT COUNT(*) FROM import_changes"));
        if (seen >= 3 * Catalog::kImportChunkRows)
            break;
        QThread::msleep(5);
    }
    REQUIRE(p.state() == QProcess::Running); // else the file is too small for this machine
    p.kill(); // SIGKILL: no clean-up of any kind
    REQUIRE(p.waitForFinished());
    INFO("chunks committed before the kill: " << seen / Catalog::kImportChunkRows);
    REQUIRE(scalar(ws, QStringLiteral("SELECT COUNT(*) FROM products")) > products);
    REQUIRE(scalar(ws, QStringLiteral("SELECT COUNT(*) FROM products WHERE price_fen = 99900")) > 0);

    // Any command that opens the store (here an export) first undoes the dead run.
    const CliRun exported = ws.run({QStringLiteral("export-products"), QStringLiteral("--db"), ws.db(),
                                    ws.path(QStringLiteral("after.csv"))});
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    CHECK(scalar(ws, QStringLiteral("SELECT COUNT(*) FROM products")) == products);
    CHECK(scalar(ws, QStringLiteral("SELECT SUM(stock_milli) FROM products")) == stock);
    CHECK(scalar(ws, QStringLiteral("SELECT SUM(price_fen) FROM products")) == prices);
    CHECK(scalar(ws, QStringLiteral("SELECT COUNT(*) FROM products WHERE name LIKE '改价商品%'")) == 0);
    CHECK(scalar(ws, QStringLiteral("SELECT COUNT(*) FROM import_runs WHERE state = 'undone'")) == 1);
    CHECK(scalar(ws, QStringLiteral("SELECT COUNT(*) FROM import_changes")) == 0);
    QFile after(ws.path(QStringLiteral("after.csv")));
    REQUIRE(after.open(QIODevice::ReadOnly));
    CHECK_FALSE(after.readAll().contains("IMP000001"));
    CHECK(ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}).exitCode == 0);

    // The same file again, left to finish, goes in whole.
    const CliRun again = ws.run({QStringLiteral("import-products"), QStringLiteral("--db"), ws.db(), file.path});
    INFO(again.out.left(400).toStdString());
    CHECK(again.exitCode == 0);
    CHECK(scalar(ws, QStringLiteral("SELECT COUNT(*) FROM products")) == products + 40'000);
    CHECK(scalar(ws, QStringLiteral("SELECT COUNT(*) FROM import_runs WHERE state = 'done'")) == 1);
}

TEST_CASE("a till keeps selling while a big import goes in", "[integration][import]")
{
    Workspace ws;
    ws.initDemo();
    const BigFile file = writeBigFile(ws, 30'000);
    SystemClock clock;
    auto ctx = AppContext::open(ws.db(), clock, QStringLiteral("POS1"));
    REQUIRE(ctx.ok());
    auto cashier = (*ctx)->operators().byCode(QStringLiteral("1001"));
    REQUIRE(cashier.ok());
    auto shift = (*ctx)->shifts().currentOrOpen(cashier->id, Money());
    REQUIRE(shift.ok());
    // A product the file does not touch: its price stays what the cart says.
    const QString code = sqlValue(ws.db(), QStringLiteral("SELECT code FROM products WHERE active = 1 AND weighed = 0 AND id NOT IN (SELECT card_product_id FROM count_card_plans) "
                                                          "ORDER BY id DESC LIMIT 1"))
                             .toString();
    auto product = (*ctx)->catalog().byBarcode(code);
    REQUIRE(product.ok());

    QProcess p;
    p.setProcessEnvironment(ws.environment());
    p.start(cliPath(), {QStringLiteral("import-products"), QStringLiteral("--db"), ws.db(), file.path});
    REQUIRE(p.waitForStarted());
    int sold = 0;
    QStringList failures;
    while (!p.waitForFinished(0)) {
        CheckoutRequest r;
        r.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.operatorId = cashier->id;
        r.shiftId = shift->id;
        r.lines = {cartLineFor(*product)};
        r.tenders = {{Tender::Cash, product->price, {}}};
        auto sale = (*ctx)->checkout().commit(r);
        if (sale)
            ++sold;
        else
            failures << sale.error().message;
        QThread::msleep(2);
    }
    INFO(QString::fromUtf8(p.readAllStandardOutput()).left(400).toStdString());
    REQUIRE(p.exitCode() == 0);
    CHECK(failures == QStringList());
    // Sales were committed while the import ran, not queued behind it.
    const qint64 during = sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM sales s, import_runs r WHERE s.created_at_ms "
                                                           "> r.started_at_ms AND s.created_at_ms < r.finished_at_ms"))
                              .toLongLong();
    INFO("sales rung up: " << sold << ", during the import: " << during);
    INFO("run " << sqlValue(ws.db(), QStringLiteral("SELECT started_at_ms || ' ' || finished_at_ms FROM import_runs")).toString().toStdString()
         << " sales " << sqlValue(ws.db(), QStringLiteral("SELECT group_concat(created_at_ms, ' ') FROM sales")).toString().toStdString());
    CHECK(during >= 10);
    CHECK(scalar(ws, QStringLiteral("SELECT COUNT(*) FROM products WHERE code LIKE 'IMP%'")) == 30'000);
}
