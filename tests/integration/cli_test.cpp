// huike-cli as scripts use it: exit codes (0 done, 1 failed, 2 bad usage) and what it prints.

#include "cli.h"
#include "core/csv.h"
#include "core/money.h"

#include <QFile>
#include <QTimeZone>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using huike::Money;
using huike::itest::CliRun;
using huike::itest::sqlExec;
using huike::itest::sqlValue;
using huike::itest::Workspace;

TEST_CASE("cli: a fresh demo store verifies", "[cli]")
{
    Workspace ws;
    ws.initDemo();
    const CliRun r = ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()});
    INFO(r.out.toStdString() << r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.out.startsWith(QStringLiteral("ok: 0 documents")));
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM operators")).toInt() == 4);
}

TEST_CASE("cli: init refuses a database that already holds a store", "[cli]")
{
    Workspace ws;
    ws.initDemo();
    const qint64 products = sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM products")).toLongLong();
    const CliRun again =
        ws.run({QStringLiteral("init"), QStringLiteral("--db"), ws.db(), QStringLiteral("--demo")});
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains(QStringLiteral("already holds a store")));
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM products")).toLongLong() == products);
}

TEST_CASE("cli: an empty store needs an admin PIN", "[cli]")
{
    Workspace ws;
    CHECK(ws.run({QStringLiteral("init"), QStringLiteral("--db"), ws.db()}).exitCode == 2);
    const CliRun r =
        ws.run({QStringLiteral("init"), QStringLiteral("--db"), ws.db(), QStringLiteral("--admin-pin"),
                QStringLiteral("246810"), QStringLiteral("--store-name"), QStringLiteral("老王小卖部")});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT name FROM stores WHERE code = 'S01'")).toString() ==
          QStringLiteral("老王小卖部"));
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT role FROM operators WHERE code = '9001'")).toString() ==
          QStringLiteral("admin"));
    CHECK(ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}).exitCode == 0);
}

TEST_CASE("cli: receipt prints a committed sale and refuses an unknown number", "[cli]")
{
    Workspace ws;
    ws.initDemo();
    const CliRun sim =
        ws.run({QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"),
                QStringLiteral("3"), QStringLiteral("--seed"), QStringLiteral("7")});
    INFO(sim.err.toStdString());
    REQUIRE(sim.exitCode == 0);
    const QStringList receipts = sim.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(receipts.size() == 3);

    for (int width : {32, 48}) {
        const CliRun r = ws.run({QStringLiteral("receipt"), QStringLiteral("--db"), ws.db(),
                                 QStringLiteral("--width"), QString::number(width), receipts.at(1)});
        INFO(r.out.toStdString() << r.err.toStdString());
        CHECK(r.exitCode == 0);
        CHECK(r.out.contains(QStringLiteral("汇客便利店")));
        CHECK(r.out.contains(receipts.at(1)));
        CHECK(r.out.contains(QStringLiteral("谢谢惠顾")));
    }

    const CliRun unknown = ws.run(
        {QStringLiteral("receipt"), QStringLiteral("--db"), ws.db(), QStringLiteral("S01-19991231-0001")});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(QStringLiteral("S01-19991231-0001")));
    CHECK(unknown.out.isEmpty());

    CHECK(ws.run({QStringLiteral("receipt"), QStringLiteral("--db"), ws.db()}).exitCode == 2);
}

TEST_CASE("cli: verify finds a tampered total and a tampered stock", "[cli][integrity]")
{
    Workspace ws;
    ws.initDemo();
    const CliRun sim =
        ws.run({QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"),
                QStringLiteral("5"), QStringLiteral("--seed"), QStringLiteral("11")});
    REQUIRE(sim.exitCode == 0);
    const QString first = sim.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).value(0);
    REQUIRE_FALSE(first.isEmpty());
    REQUIRE(ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}).exitCode == 0);

    SECTION("a receipt total edited by hand")
    {
        sqlExec(ws.db(), QStringLiteral("UPDATE sales SET total_fen = total_fen + 100 WHERE receipt_no = ?"),
                {first});
        const CliRun r = ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()});
        INFO(r.out.toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.out.contains(first));
        CHECK(r.out.contains(QStringLiteral("problem(s) found")));
    }
    SECTION("stock edited without a stock move")
    {
        const QString code =
            sqlValue(ws.db(), QStringLiteral("SELECT code FROM products ORDER BY id LIMIT 1")).toString();
        sqlExec(ws.db(),
                QStringLiteral("UPDATE products SET stock_milli = stock_milli - 1000 WHERE code = ?"),
                {code});
        const CliRun r = ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()});
        INFO(r.out.toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.out.contains(QStringLiteral("product ") + code));
    }
}

TEST_CASE("cli: verify of a missing or foreign file fails without creating anything", "[cli]")
{
    Workspace ws;
    const QString missing = ws.path(QStringLiteral("nope.db"));
    const CliRun r = ws.run({QStringLiteral("verify"), QStringLiteral("--db"), missing});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("no store")));
    CHECK_FALSE(QFile::exists(missing));

    const QString text = ws.path(QStringLiteral("商品.csv"));
    {
        QFile f(text);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\xEF\xBB\xBF") +
                QStringLiteral("条码,名称,售价\r\n6901028075831,金龙鱼调和油 5升,69.90\r\n")
                    .repeated(20)
                    .toUtf8());
    }
    const CliRun notDb = ws.run({QStringLiteral("verify"), QStringLiteral("--db"), text});
    CHECK(notDb.exitCode == 1);
    CHECK(notDb.err.contains(QStringLiteral("not a Huike database")));
}

TEST_CASE("cli: usage errors exit 2", "[cli]")
{
    Workspace ws;
    CHECK(ws.run({}).exitCode == 2);
    CHECK(ws.run({QStringLiteral("frobnicate")}).exitCode == 2);
    CHECK(ws.run({QStringLiteral("simulate"), QStringLiteral("--db"), ws.db()}).exitCode == 2);
    CHECK(ws.run({QStringLiteral("verify"), QStringLiteral("--no-such-option")}).exitCode == 2);
    CHECK(ws.run({QStringLiteral("--help")}).exitCode == 0);
}

TEST_CASE("cli: import a GBK product list, export it, import it back", "[cli][csv]")
{
    Workspace ws;
    ws.initDemo();
    const QString in = ws.path(QStringLiteral("进货单.csv"));
    {
        QFile f(in);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(
            huike::encodeGb18030(QStringLiteral("货号,条码,名称,分类,单位,售价,库存\r\n"
                                                "8801,6902538004045,脉动 青柠味 600毫升,饮料,瓶,4.50,48\r\n"
                                                "8802,6901028075831,金龙鱼调和油 5升,粮油,桶,69.90,12\r\n")));
    }
    const CliRun imp = ws.run({QStringLiteral("import-products"), QStringLiteral("--db"), ws.db(), in});
    INFO(imp.out.toStdString() << imp.err.toStdString());
    CHECK(imp.exitCode == 0);
    CHECK(imp.out.contains(QStringLiteral("encoding GB18030: 2 added, 0 updated, 0 rejected")));
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT price_fen FROM products WHERE code = '8802'"))
              .toLongLong() == 6990);

    const QString out = ws.path(QStringLiteral("商品导出.csv"));
    const CliRun exp = ws.run({QStringLiteral("export-products"), QStringLiteral("--db"), ws.db(), out});
    CHECK(exp.exitCode == 0);
    QFile f(out);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(bytes.contains(QStringLiteral("脉动 青柠味 600毫升").toUtf8()));
    CHECK(bytes.contains("6902538004045"));
    const qint64 products = sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM products")).toLongLong();

    const CliRun back = ws.run({QStringLiteral("import-products"), QStringLiteral("--db"), ws.db(), out});
    INFO(back.out.toStdString());
    CHECK(back.exitCode == 0);
    CHECK(back.out.contains(
        QStringLiteral("encoding UTF-8 BOM: 0 added, %1 updated, 0 rejected").arg(products)));
    CHECK(sqlValue(ws.db(),
                   QStringLiteral("SELECT COUNT(*) FROM product_barcodes WHERE barcode = '6902538004045'"))
              .toInt() == 1);

    // A rejected row makes the exit code 1 and names its line.
    const QString bad = ws.path(QStringLiteral("bad.csv"));
    {
        QFile b(bad);
        REQUIRE(b.open(QIODevice::WriteOnly));
        b.write(QStringLiteral("名称,售价\n可乐,3.00\n雪碧,三元\n").toUtf8());
    }
    const CliRun rejected = ws.run({QStringLiteral("import-products"), QStringLiteral("--db"), ws.db(), bad});
    CHECK(rejected.exitCode == 1);
    CHECK(rejected.out.contains(QStringLiteral("line 3")));
    CHECK(ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}).exitCode == 0);
}

TEST_CASE("cli: refund and void take the manager's code and PIN, never an id", "[cli][approvals]")
{
    Workspace ws;
    ws.initDemo();
    const CliRun sim = ws.run({QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"),
                               QStringLiteral("8"), QStringLiteral("--seed"), QStringLiteral("11")});
    INFO(sim.err.toStdString());
    REQUIRE(sim.exitCode == 0);
    // The sales among what it rang up (a member may have recharged instead).
    QStringList receipts;
    for (const QString &no : sim.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (sqlValue(ws.db(), QStringLiteral("SELECT kind FROM sales WHERE receipt_no = ?"), {no}).toString() ==
            QLatin1String("sale"))
            receipts << no;
    REQUIRE(receipts.size() >= 3);
    auto refund = [&](const QStringList &extra) {
        return ws.run(QStringList{QStringLiteral("refund"), QStringLiteral("--db"), ws.db(), QStringLiteral("--reason"),
                                  QStringLiteral("顾客不想要了")} +
                      extra);
    };

    // No manager, a manager's id, a cashier, a wrong PIN: nothing is refunded.
    CHECK(refund({receipts.at(0)}).exitCode == 2);
    CHECK(refund({QStringLiteral("--manager"), QStringLiteral("3"), receipts.at(0)}).exitCode == 2);
    const CliRun cashier = refund({QStringLiteral("--manager"), QStringLiteral("1001:1234"), receipts.at(0)});
    CHECK(cashier.exitCode == 1);
    const CliRun wrong = refund({QStringLiteral("--manager"), QStringLiteral("8001:0000"), receipts.at(0)});
    CHECK(wrong.exitCode == 1);
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM sales WHERE kind IN ('refund', 'void')")).toInt() == 0);

    // One unit of line 1, approved by the manager, rung up in a shift the CLI opened for it.
    // A cashier's wrong PIN in --operator CODE:PIN refuses it; the right one records them.
    CHECK(refund({QStringLiteral("--manager"), QStringLiteral("8001:8888"), QStringLiteral("--lines"), QStringLiteral("1:1"),
                  QStringLiteral("--operator"), QStringLiteral("1001:0000"), receipts.at(0)})
              .exitCode == 1);
    const CliRun part = refund({QStringLiteral("--manager"), QStringLiteral("8001:8888"), QStringLiteral("--lines"),
                                QStringLiteral("1:1"), QStringLiteral("--operator"), QStringLiteral("1001:1234"),
                                receipts.at(0)});
    INFO(part.out.toStdString() << part.err.toStdString());
    REQUIRE(part.exitCode == 0);
    CHECK(part.err.contains(QStringLiteral("opened shift")));
    const QString refundNo = part.out.section(QLatin1Char(' '), 0, 0);
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM sales s JOIN approvals a ON a.sale_id = s.id "
                                           "JOIN shifts h ON h.id = s.shift_id WHERE s.receipt_no = ? AND "
                                           "a.action = 'refund' AND h.terminal = 'CLI' AND h.closed_at_ms IS NULL"),
                   {refundNo})
              .toInt() == 1);
    // Everything that is left, in the same shift.
    const CliRun rest = refund({QStringLiteral("--manager"), QStringLiteral("8001:8888"), receipts.at(0)});
    INFO(rest.err.toStdString());
    CHECK(rest.exitCode == 0);
    CHECK_FALSE(rest.err.contains(QStringLiteral("opened shift")));
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT SUM(total_fen) FROM sales WHERE receipt_no = ? OR "
                                           "original_sale_id = (SELECT id FROM sales WHERE receipt_no = ?)"),
                   {receipts.at(0), receipts.at(0)})
              .toLongLong() == 0);
    // A line that is not on the receipt is a usage error.
    CHECK(refund({QStringLiteral("--manager"), QStringLiteral("8001:8888"), QStringLiteral("--line"),
                  QStringLiteral("99:1"), receipts.at(1)})
              .exitCode == 2);
    // --payout cash pays all of it from the drawer, whatever the customer paid with.
    CHECK(refund({QStringLiteral("--manager"), QStringLiteral("8001:8888"), QStringLiteral("--payout"),
                  QStringLiteral("card"), receipts.at(1)})
              .exitCode == 2);
    const CliRun inCash = refund({QStringLiteral("--manager"), QStringLiteral("8001:8888"), QStringLiteral("--payout"),
                                  QStringLiteral("cash"), receipts.at(1)});
    INFO(inCash.err.toStdString());
    REQUIRE(inCash.exitCode == 0);
    const QStringList paidBack = inCash.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(paidBack.size() == 2); // the refund, then one payment
    CHECK(paidBack.at(1).trimmed().startsWith(QStringLiteral("cash -")));

    // The last sale of the simulator's till is voided on that till, not on another.
    auto voidOn = [&](const QString &till) {
        return ws.run({QStringLiteral("void"), QStringLiteral("--db"), ws.db(), QStringLiteral("--reason"),
                       QStringLiteral("收银员按错"), QStringLiteral("--manager"), QStringLiteral("8001:8888"),
                       QStringLiteral("--till"), till, receipts.last()});
    };
    CHECK(voidOn(QStringLiteral("CLI")).exitCode == 1);
    const CliRun voided = voidOn(QStringLiteral("SIM"));
    INFO(voided.err.toStdString());
    CHECK(voided.exitCode == 0);
    CHECK(ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}).exitCode == 0);
}

TEST_CASE("cli: verify reads the file as it is and names each document tampered with", "[cli][verify]")
{
    Workspace ws;
    ws.initDemo();
    const CliRun sim = ws.run({QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"),
                               QStringLiteral("6"), QStringLiteral("--seed"), QStringLiteral("3")});
    REQUIRE(sim.exitCode == 0);
    const QStringList receipts = sim.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(receipts.size() == 6);
    const CliRun refund = ws.run({QStringLiteral("refund"), QStringLiteral("--db"), ws.db(), QStringLiteral("--manager"),
                                  QStringLiteral("8001:8888"), QStringLiteral("--reason"), QStringLiteral("质量问题"),
                                  receipts.at(0)});
    INFO(refund.err.toStdString());
    REQUIRE(refund.exitCode == 0);
    const QString refundNo = refund.out.section(QLatin1Char(' '), 0, 0);
    auto idOf = [&](const QString &receiptNo) {
        return sqlValue(ws.db(), QStringLiteral("SELECT id FROM sales WHERE receipt_no = ?"), {receiptNo}).toLongLong();
    };
    auto verify = [&] { return ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}); };

    SECTION("untouched, it passes and changes nothing, not even the schema of an old file")
    {
        QFile f(ws.db());
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const CliRun ok = verify();
        INFO(ok.out.toStdString() << ok.err.toStdString());
        CHECK(ok.exitCode == 0);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(f.readAll() == before);
        // A file verify cannot write to is verified all the same.
        REQUIRE(QFile::setPermissions(ws.db(), QFileDevice::ReadOwner));
        CHECK(verify().exitCode == 0);
        REQUIRE(QFile::setPermissions(ws.db(), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }
    SECTION("the day's last receipt deleted: its number must never be issued again")
    {
        const QString last = receipts.at(5);
        const qint64 id = idOf(last);
        for (const char *table : {"payments", "sale_lines", "stock_moves", "sale_adjustments"})
            sqlExec(ws.db(), QStringLiteral("DELETE FROM %1 WHERE sale_id = ?").arg(QLatin1String(table)), {id});
        sqlExec(ws.db(), QStringLiteral("DELETE FROM sales WHERE id = ?"), {id});
        // The refund came after it: delete the day's newest document instead, which is the refund.
        const qint64 r = idOf(refundNo);
        for (const char *table : {"payments", "sale_lines", "stock_moves", "sale_adjustments"})
            sqlExec(ws.db(), QStringLiteral("DELETE FROM %1 WHERE sale_id = ?").arg(QLatin1String(table)), {r});
        sqlExec(ws.db(), QStringLiteral("UPDATE approvals SET sale_id = NULL WHERE sale_id = ?"), {r});
        sqlExec(ws.db(), QStringLiteral("DELETE FROM sales WHERE id = ?"), {r});
        const CliRun v = verify();
        INFO(v.out.toStdString());
        CHECK(v.exitCode == 1);
        CHECK(v.out.contains(refundNo + QStringLiteral(": issued")));
    }
    SECTION("a receipt number that does not match its sequence")
    {
        QString forged = receipts.at(1);
        forged.replace(forged.size() - 4, 4, QStringLiteral("0042"));
        sqlExec(ws.db(), QStringLiteral("UPDATE sales SET receipt_no = ? WHERE receipt_no = ?"), {forged, receipts.at(1)});
        const CliRun v = verify();
        CHECK(v.exitCode == 1);
        CHECK(v.out.contains(forged + QStringLiteral(": does not match its sequence")));
    }
    SECTION("cash paid that is not tendered less change")
    {
        sqlExec(ws.db(), QStringLiteral("UPDATE payments SET change_fen = change_fen + 100, tendered_fen = tendered_fen "
                                        "+ 50 WHERE sale_id = ?"),
                {idOf(refundNo)});
        const CliRun v = verify();
        INFO(v.out.toStdString());
        CHECK(v.exitCode == 1);
        CHECK(v.out.contains(refundNo + QStringLiteral(": ")));
        CHECK(v.out.contains(QStringLiteral("tendered - ")));
    }
    SECTION("a refund paid back in a tender the sale never took")
    {
        sqlExec(ws.db(), QStringLiteral("UPDATE payments SET tender = 'alipay' WHERE sale_id = ?"), {idOf(refundNo)});
        sqlExec(ws.db(), QStringLiteral("DELETE FROM payments WHERE sale_id = ? AND tender = 'alipay'"), {idOf(receipts.at(0))});
        sqlExec(ws.db(), QStringLiteral("INSERT INTO payments(sale_id, tender, amount_fen, tendered_fen, change_fen) "
                                        "SELECT ?, 'card', -SUM(amount_fen), -SUM(amount_fen), 0 FROM payments "
                                        "WHERE sale_id = ?"),
                {idOf(receipts.at(0)), idOf(refundNo)});
        const CliRun v = verify();
        INFO(v.out.toStdString());
        CHECK(v.exitCode == 1);
        CHECK(v.out.contains(receipts.at(0) + QStringLiteral(": refunds paid back")));
    }
    SECTION("a refund whose approval was taken away")
    {
        sqlExec(ws.db(), QStringLiteral("UPDATE approvals SET sale_id = NULL WHERE sale_id = ?"), {idOf(refundNo)});
        const CliRun v = verify();
        CHECK(v.exitCode == 1);
        CHECK(v.out.contains(refundNo + QStringLiteral(": a refund without a manager's approval")));
    }
    SECTION("an adjustment that does not add up to its line")
    {
        sqlExec(ws.db(), QStringLiteral("INSERT INTO sale_adjustments(sale_id, line_no, seq, scope, source, amount_fen, "
                                        "manual) VALUES (?, 1, 99, 'line', 'line_discount', 50, 1)"),
                {idOf(receipts.at(2))});
        const CliRun v = verify();
        CHECK(v.exitCode == 1);
        CHECK(v.out.contains(receipts.at(2) + QStringLiteral(" line 1: gross")));
    }
}

TEST_CASE("cli: an edit that keeps every sum consistent still breaks the document chain", "[cli][verify]")
{
    Workspace ws;
    ws.initDemo();
    const CliRun sim = ws.run({QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"),
                               QStringLiteral("4"), QStringLiteral("--seed"), QStringLiteral("5")});
    REQUIRE(sim.exitCode == 0);
    const QStringList receipts = sim.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}).exitCode == 0);
    REQUIRE(receipts.size() == 4);
    // A sale (simulate also rings up recharges, which have no lines to edit).
    QString target = sqlValue(ws.db(), QStringLiteral("SELECT receipt_no FROM sales WHERE kind = 'sale' ORDER BY id DESC "
                                                      "LIMIT 1"))
                         .toString();
    REQUIRE(receipts.contains(target));

    SECTION("the operator of a sale changed")
    {
        sqlExec(ws.db(), QStringLiteral("UPDATE sales SET operator_id = (SELECT id FROM operators WHERE code = '1002') "
                                        "WHERE receipt_no = ?"),
                {target});
    }
    SECTION("a product name on a line changed")
    {
        sqlExec(ws.db(), QStringLiteral("UPDATE sale_lines SET name = '赠品' WHERE sale_id = (SELECT id FROM sales WHERE "
                                        "receipt_no = ?)"),
                {target});
    }
    SECTION("a wallet payment turned into cash")
    {
        // A sale that was paid otherwise than in cash (simulate mixes tenders).
        target = sqlValue(ws.db(), QStringLiteral("SELECT s.receipt_no FROM sales s JOIN payments p ON p.sale_id = s.id "
                                                  "WHERE p.tender NOT IN ('cash', 'points') ORDER BY s.id LIMIT 1"))
                     .toString();
        REQUIRE_FALSE(target.isEmpty());
        sqlExec(ws.db(), QStringLiteral("UPDATE payments SET reference = '' , tender = 'cash' WHERE sale_id = (SELECT id "
                                        "FROM sales WHERE receipt_no = ?) AND tender NOT IN ('cash', 'points')"),
                {target});
    }
    const CliRun v = ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()});
    INFO(v.out.toStdString());
    CHECK(v.exitCode == 1);
    CHECK(v.out.contains(target + QStringLiteral(": its content does not match its hash")));
    for (const QString &other : receipts)
        if (other != target)
            CHECK_FALSE(v.out.contains(other));
}

TEST_CASE("cli: bench checkout and bench lookup print their JSON on a database of their own", "[cli][bench]")
{
    // Not a speed check (those are read off the figures by hand): the verbs, options and JSON keys
    // that outside scripts read, and a run that goes through the real checkout.
    Workspace ws;
    const CliRun checkout = ws.run({QStringLiteral("bench"), QStringLiteral("checkout"), QStringLiteral("--db"),
                                    ws.path(QStringLiteral("bench.db")), QStringLiteral("--n"), QStringLiteral("30"),
                                    QStringLiteral("--json")});
    INFO(checkout.out.toStdString() << checkout.err.toStdString());
    REQUIRE(checkout.exitCode == 0);
    const QJsonObject c = QJsonDocument::fromJson(checkout.out.toUtf8()).object();
    CHECK(c.value(QStringLiteral("bench")).toString() == QStringLiteral("checkout"));
    CHECK(c.value(QStringLiteral("n")).toInt() == 30);
    for (const char *key : {"p50_ms", "p99_ms", "max_ms", "bare_commit_p50_ms", "bare_commit_p99_ms"})
        CHECK(c.value(QLatin1String(key)).toDouble() > 0);
    const CliRun lookup = ws.run({QStringLiteral("bench"), QStringLiteral("lookup"), QStringLiteral("--db"),
                                  ws.path(QStringLiteral("lookup.db")), QStringLiteral("--products"),
                                  QStringLiteral("2000"), QStringLiteral("--n"), QStringLiteral("100"),
                                  QStringLiteral("--json")});
    INFO(lookup.out.toStdString() << lookup.err.toStdString());
    REQUIRE(lookup.exitCode == 0);
    const QJsonObject l = QJsonDocument::fromJson(lookup.out.toUtf8()).object();
    CHECK(l.value(QStringLiteral("bench")).toString() == QStringLiteral("lookup"));
    CHECK(l.value(QStringLiteral("p99_ms")).toDouble() > 0);
}

TEST_CASE("cli: bench members prints look-ups, member checkouts and an import, and leaves a store that verifies", "[cli][bench]")
{
    Workspace ws;
    const QString db = ws.path(QStringLiteral("members.db"));
    const CliRun run = ws.run({QStringLiteral("bench"), QStringLiteral("members"), QStringLiteral("--db"), db,
                               QStringLiteral("--members"), QStringLiteral("3000"), QStringLiteral("--lookups"),
                               QStringLiteral("200"), QStringLiteral("--n"), QStringLiteral("40"),
                               QStringLiteral("--import"), QStringLiteral("500"), QStringLiteral("--json")});
    INFO(run.out.toStdString() << run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("bench")).toString() == QStringLiteral("members"));
    CHECK(o.value(QStringLiteral("members")).toInt() == 3000);
    CHECK(o.value(QStringLiteral("checkouts")).toInt() > 30); // a cart too small for points is skipped
    CHECK(o.value(QStringLiteral("import_rows")).toInt() == 500);
    for (const char *key : {"lookup_phone_p99_ms", "lookup_last4_p99_ms", "lookup_card_p99_ms", "checkout_p50_ms",
                            "checkout_p99_ms", "bare_commit_p99_ms", "checkout_vs_bare_p99", "import_s"})
        CHECK(o.value(QLatin1String(key)).toDouble() > 0);
    // The import's store beside it is gone; the bench's own store holds real sales, recharges,
    // points and coupons, and proves them.
    CHECK_FALSE(QFile::exists(db + QStringLiteral(".import.db")));
    const CliRun verify = ws.run({QStringLiteral("verify"), QStringLiteral("--db"), db});
    INFO(verify.out.toStdString() << verify.err.toStdString());
    CHECK(verify.exitCode == 0);
    // A second run adds no members (they are kept) and still checks out.
    const CliRun again = ws.run({QStringLiteral("bench"), QStringLiteral("members"), QStringLiteral("--db"), db,
                                 QStringLiteral("--members"), QStringLiteral("3000"), QStringLiteral("--lookups"),
                                 QStringLiteral("50"), QStringLiteral("--n"), QStringLiteral("10"),
                                 QStringLiteral("--import"), QStringLiteral("0"), QStringLiteral("--json")});
    REQUIRE(again.exitCode == 0);
    const QJsonObject a = QJsonDocument::fromJson(again.out.toUtf8()).object();
    CHECK(a.value(QStringLiteral("members")).toInt() == 3000);
    CHECK_FALSE(a.contains(QStringLiteral("import_s")));
}

TEST_CASE("cli: member add takes a mainland mobile and member show finds it by phone or card, as JSON", "[cli][members]")
{
    Workspace ws;
    ws.initDemo();
    const CliRun bad = ws.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--db"), ws.db(),
                               QStringLiteral("--phone"), QStringLiteral("12")});
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.contains(QStringLiteral("12")));
    CHECK(ws.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--db"), ws.db()}).exitCode == 2);
    const CliRun added = ws.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--db"), ws.db(),
                                 QStringLiteral("--phone"), QStringLiteral("139-1234-5678"), QStringLiteral("--name"),
                                 QStringLiteral("张晓梅"), QStringLiteral("--card"), QStringLiteral("HK0001"),
                                 QStringLiteral("--birthday"), QStringLiteral("1988-03-07"), QStringLiteral("--gender"),
                                 QStringLiteral("女"), QStringLiteral("--consent"), QStringLiteral("yes")});
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK(added.out.contains(QStringLiteral("139****5678"))); // masked on the terminal
    for (const QString &key : {QStringLiteral("13912345678"), QStringLiteral("HK0001")}) {
        const CliRun shown = ws.run({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("--db"), ws.db(),
                                     QStringLiteral("--json"), key});
        REQUIRE(shown.exitCode == 0);
        const QJsonObject j = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        CHECK(j.value(QStringLiteral("phone")).toString() == QStringLiteral("13912345678"));
        CHECK(j.value(QStringLiteral("name")).toString() == QStringLiteral("张晓梅"));
        CHECK(j.value(QStringLiteral("card")).toString() == QStringLiteral("HK0001"));
        CHECK(j.value(QStringLiteral("gender")).toString() == QStringLiteral("F"));
        CHECK(j.value(QStringLiteral("consent")).toBool());
        CHECK(j.value(QStringLiteral("card_state")).toString() == QStringLiteral("active"));
    }
    const CliRun twice = ws.run({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--db"), ws.db(),
                                 QStringLiteral("--phone"), QStringLiteral("13912345678")});
    CHECK(twice.exitCode == 1);
    CHECK(ws.run({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("--db"), ws.db(),
                  QStringLiteral("13600000000")})
              .exitCode == 1);
}

TEST_CASE("cli: sell rings up a member's sale at their level and says the receipt only once committed", "[cli][members][sell]")
{
    Workspace ws;
    ws.initDemo();
    const auto cli = [&](QStringList args) {
        args << QStringLiteral("--db") << ws.db();
        return ws.run(args);
    };
    REQUIRE(cli({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--phone"), QStringLiteral("13800138000"),
                 QStringLiteral("--name"), QStringLiteral("张晓梅"), QStringLiteral("--card"), QStringLiteral("HK0008")})
                .exitCode == 0);
    // A product of at least ¥10 that is not weighed, and its price.
    const QString code = sqlValue(ws.db(), QStringLiteral("SELECT code FROM products WHERE weighed = 0 AND active = 1 AND id NOT IN (SELECT card_product_id FROM count_card_plans) "
                                                          "AND price_fen >= 1000 ORDER BY price_fen DESC LIMIT 1"))
                             .toString();
    const qint64 price = sqlValue(ws.db(), QStringLiteral("SELECT price_fen FROM products WHERE code = ?"), {code}).toLongLong();
    // Enough of it to pass 银卡's 1,000 growth in one sale.
    const qint64 qty = 100'000 / price + 1;
    const qint64 total = price * qty;

    // Misfits are exit 2 and write nothing.
    CHECK(cli({QStringLiteral("sell"), QStringLiteral("--operator"), QStringLiteral("1001"), QStringLiteral("--items"), code,
               QStringLiteral("--pay"), QStringLiteral("cash:10")})
              .exitCode == 2);
    CHECK(cli({QStringLiteral("sell"), QStringLiteral("--operator"), QStringLiteral("1001:1234"), QStringLiteral("--items"),
               code, QStringLiteral("--pay"), QStringLiteral("bitcoin:10")})
              .exitCode == 2);
    // A wrong PIN, and too little money: exit 1, nothing rung up.
    CHECK(cli({QStringLiteral("sell"), QStringLiteral("--operator"), QStringLiteral("1001:0000"), QStringLiteral("--items"),
               code, QStringLiteral("--pay"), QStringLiteral("cash:10000")})
              .exitCode == 1);
    const CliRun shortPaid = cli({QStringLiteral("sell"), QStringLiteral("--operator"), QStringLiteral("1001:1234"),
                                  QStringLiteral("--items"), code, QStringLiteral("--pay"), QStringLiteral("cash:0.01")});
    CHECK(shortPaid.exitCode == 1);
    CHECK(shortPaid.out.isEmpty());
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM sales")).toLongLong() == 0);

    const CliRun sold = cli({QStringLiteral("sell"), QStringLiteral("--operator"), QStringLiteral("1001:1234"),
                             QStringLiteral("--member"), QStringLiteral("HK0008"), QStringLiteral("--items"),
                             QStringLiteral("%1*%2").arg(code).arg(qty), QStringLiteral("--pay"),
                             QStringLiteral("cash:%1").arg(Money::fromFen(total + 500).toString()), QStringLiteral("--json")});
    INFO(sold.err.toStdString());
    REQUIRE(sold.exitCode == 0);
    const QJsonObject j = QJsonDocument::fromJson(sold.out.toUtf8()).object();
    const QString receipt = j.value(QStringLiteral("receipt")).toString();
    CHECK(receipt.startsWith(QStringLiteral("S01-")));
    CHECK(j.value(QStringLiteral("total_fen")).toInteger() == total);
    CHECK(j.value(QStringLiteral("change_fen")).toInteger() == 500);
    const QJsonObject m = j.value(QStringLiteral("member")).toObject();
    CHECK(m.value(QStringLiteral("level")).toString() == QStringLiteral("普通会员"));
    CHECK(m.value(QStringLiteral("growth")).toInteger() == total / 100);
    CHECK(m.value(QStringLiteral("level_after")).toString() == QStringLiteral("银卡"));
    const QString printed = cli({QStringLiteral("receipt"), receipt}).out;
    CHECK(printed.contains(QStringLiteral("138****8000")));

    const auto show = [&] {
        const CliRun r = cli({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("13800138000")});
        REQUIRE(r.exitCode == 0);
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    };
    CHECK(show().value(QStringLiteral("level")).toString() == QStringLiteral("银卡"));
    CHECK(show().value(QStringLiteral("growth")).toInteger() == total / 100);
    CHECK(show().value(QStringLiteral("net_spend_fen")).toInteger() == total);

    CHECK(show().value(QStringLiteral("points")).toInteger() == total / 1000);

    // The next sale is at 95折, ¥10 of it paid with 100 points.
    const qint64 silver = Money::fromFen(price).timesPermille(950).fen();
    REQUIRE(silver >= 2000);
    const CliRun second = cli({QStringLiteral("sell"), QStringLiteral("--operator"), QStringLiteral("1001:1234"),
                               QStringLiteral("--member"), QStringLiteral("13800138000"), QStringLiteral("--items"), code,
                               QStringLiteral("--pay"),
                               QStringLiteral("points:100,cash:%1").arg(Money::fromFen(silver - 1000).toString()),
                               QStringLiteral("--json")});
    INFO(second.err.toStdString());
    REQUIRE(second.exitCode == 0);
    const QJsonObject s2 = QJsonDocument::fromJson(second.out.toUtf8()).object();
    CHECK(s2.value(QStringLiteral("total_fen")).toInteger() == silver);
    CHECK(s2.value(QStringLiteral("member")).toObject().value(QStringLiteral("points_used")).toInteger() == 100);
    CHECK(show().value(QStringLiteral("points")).toInteger() == total / 1000 - 100 + (silver - 1000) / 1000);
    // 0 points is no payment at all.
    CHECK(cli({QStringLiteral("sell"), QStringLiteral("--operator"), QStringLiteral("1001:1234"), QStringLiteral("--member"),
               QStringLiteral("13800138000"), QStringLiteral("--items"), code, QStringLiteral("--pay"),
               QStringLiteral("points:0")})
              .exitCode == 2);

    // The first sale's points were used on the second: its refund is refused until the second is
    // refunded (which gives the 100 points back); then it takes its growth back, and 银卡 with it.
    const auto refund = [&](const QString &receiptNo) {
        return cli({QStringLiteral("refund"), QStringLiteral("--manager"), QStringLiteral("8001:8888"),
                    QStringLiteral("--reason"), QStringLiteral("顾客退货"), receiptNo});
    };
    const CliRun early = refund(receipt);
    CHECK(early.exitCode == 1);
    CHECK(early.err.contains(QStringLiteral("points")));
    const QString secondReceipt = s2.value(QStringLiteral("receipt")).toString();
    REQUIRE(refund(secondReceipt).exitCode == 0);
    CHECK(show().value(QStringLiteral("points")).toInteger() == total / 1000);
    const CliRun back = refund(receipt);
    INFO(back.err.toStdString());
    REQUIRE(back.exitCode == 0);
    CHECK(show().value(QStringLiteral("level")).toString() == QStringLiteral("普通会员"));
    CHECK(show().value(QStringLiteral("growth")).toInteger() == 0);
    CHECK(show().value(QStringLiteral("points")).toInteger() == 0);
    CHECK(cli({QStringLiteral("verify")}).exitCode == 0);
}

TEST_CASE("cli: member lost, unlock and replace-card, and points adjust, each with its reason and approval", "[cli][members][cards]")
{
    Workspace ws;
    ws.initDemo();
    const auto cli = [&](QStringList args) {
        args << QStringLiteral("--db") << ws.db();
        return ws.run(args);
    };
    REQUIRE(cli({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--phone"), QStringLiteral("13800138000"),
                 QStringLiteral("--card"), QStringLiteral("HK0001")})
                .exitCode == 0);
    const auto show = [&](const QString &who) {
        const CliRun r = cli({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("--json"), who});
        return r.exitCode == 0 ? QJsonDocument::fromJson(r.out.toUtf8()).object() : QJsonObject();
    };
    CHECK(cli({QStringLiteral("member"), QStringLiteral("lost"), QStringLiteral("HK0001")}).exitCode == 2); // no reason
    REQUIRE(cli({QStringLiteral("member"), QStringLiteral("lost"), QStringLiteral("--reason"), QStringLiteral("顾客来电挂失"),
                 QStringLiteral("--operator"), QStringLiteral("1001:1234"), QStringLiteral("HK0001")})
                .exitCode == 0);
    CHECK(show(QStringLiteral("HK0001")).value(QStringLiteral("card_state")).toString() == QStringLiteral("lost"));
    // Unlock without a manager, or with a wrong PIN: refused.
    CHECK(cli({QStringLiteral("member"), QStringLiteral("unlock"), QStringLiteral("--reason"), QStringLiteral("找到了"),
               QStringLiteral("HK0001")})
              .exitCode == 1);
    CHECK(cli({QStringLiteral("member"), QStringLiteral("unlock"), QStringLiteral("--reason"), QStringLiteral("找到了"),
               QStringLiteral("--manager"), QStringLiteral("8001:0000"), QStringLiteral("HK0001")})
              .exitCode == 1);
    REQUIRE(cli({QStringLiteral("member"), QStringLiteral("replace-card"), QStringLiteral("--card"), QStringLiteral("HK0777"),
                 QStringLiteral("--reason"), QStringLiteral("补卡"), QStringLiteral("--manager"), QStringLiteral("8001:8888"),
                 QStringLiteral("13800138000")})
                .exitCode == 0);
    CHECK(show(QStringLiteral("HK0777")).value(QStringLiteral("card_state")).toString() == QStringLiteral("active"));
    const CliRun old = cli({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("HK0001")});
    CHECK(old.exitCode == 1);
    CHECK(old.err.contains(QStringLiteral("HK0001")));

    CHECK(cli({QStringLiteral("points"), QStringLiteral("adjust"), QStringLiteral("--member"), QStringLiteral("HK0777"),
               QStringLiteral("--points"), QStringLiteral("300"), QStringLiteral("--reason"), QStringLiteral("老会员迁移")})
              .exitCode == 1); // no manager
    const CliRun added = cli({QStringLiteral("points"), QStringLiteral("adjust"), QStringLiteral("--member"),
                              QStringLiteral("HK0777"), QStringLiteral("--points"), QStringLiteral("300"),
                              QStringLiteral("--reason"), QStringLiteral("老会员迁移"), QStringLiteral("--manager"),
                              QStringLiteral("8001:8888"), QStringLiteral("--json")});
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK(QJsonDocument::fromJson(added.out.toUtf8()).object().value(QStringLiteral("points")).toInteger() == 300);
    CHECK(show(QStringLiteral("13800138000")).value(QStringLiteral("points")).toInteger() == 300);
    CHECK(cli({QStringLiteral("verify")}).exitCode == 0);
}

TEST_CASE("cli: recharge, pay with stored value behind the member's PIN, transfer, refund the recharge",
          "[cli][members][stored]")
{
    Workspace ws;
    ws.initDemo();
    const auto cli = [&](QStringList args) {
        args << QStringLiteral("--db") << ws.db();
        return ws.run(args);
    };
    const auto json = [](const CliRun &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); };
    REQUIRE(cli({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--phone"), QStringLiteral("13800138000"),
                 QStringLiteral("--name"), QStringLiteral("林小雨")})
                .exitCode == 0);
    REQUIRE(cli({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--phone"), QStringLiteral("13900139000"),
                 QStringLiteral("--name"), QStringLiteral("林大海")})
                .exitCode == 0);
    const auto show = [&](const QString &who) {
        return json(cli({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("--json"), who}));
    };

    // 充500送50, in cash, by the cashier.
    const CliRun recharge = cli({QStringLiteral("recharge"), QStringLiteral("--member"), QStringLiteral("13800138000"),
                                 QStringLiteral("--amount"), QStringLiteral("500"), QStringLiteral("--pay"),
                                 QStringLiteral("cash"), QStringLiteral("--operator"), QStringLiteral("1001:1234"),
                                 QStringLiteral("--json")});
    INFO(recharge.err.toStdString());
    REQUIRE(recharge.exitCode == 0);
    const QJsonObject r = json(recharge);
    CHECK(r.value(QStringLiteral("amount_fen")).toInteger() == 50000);
    CHECK(r.value(QStringLiteral("bonus_fen")).toInteger() == 5000);
    CHECK(r.value(QStringLiteral("member")).toObject().value(QStringLiteral("principal_fen")).toInteger() == 50000);
    const QString rechargeNo = r.value(QStringLiteral("receipt")).toString();
    CHECK(show(QStringLiteral("13800138000")).value(QStringLiteral("bonus_fen")).toInteger() == 5000);
    // A big one needs a manager; a misfit is exit 2.
    CHECK(cli({QStringLiteral("recharge"), QStringLiteral("--member"), QStringLiteral("13800138000"), QStringLiteral("--amount"),
               QStringLiteral("6000"), QStringLiteral("--pay"), QStringLiteral("card")})
              .exitCode == 1);
    CHECK(cli({QStringLiteral("recharge"), QStringLiteral("--member"), QStringLiteral("13800138000"), QStringLiteral("--amount"),
               QStringLiteral("100"), QStringLiteral("--pay"), QStringLiteral("stored")})
              .exitCode == 2);

    // The member sets a PIN; stored value then pays only with it.
    REQUIRE(cli({QStringLiteral("member"), QStringLiteral("set-pin"), QStringLiteral("--pin"), QStringLiteral("2468"),
                 QStringLiteral("13800138000")})
                .exitCode == 0);
    CHECK(show(QStringLiteral("13800138000")).value(QStringLiteral("has_pin")).toBool());
    const QString code = sqlValue(ws.db(), QStringLiteral("SELECT code FROM products WHERE weighed = 0 AND active = 1 AND id NOT IN (SELECT card_product_id FROM count_card_plans) "
                                                          "AND price_fen BETWEEN 1000 AND 10000 ORDER BY code LIMIT 1"))
                             .toString();
    const qint64 price = sqlValue(ws.db(), QStringLiteral("SELECT price_fen FROM products WHERE code = ?"), {code}).toLongLong();
    const QStringList sell = {QStringLiteral("sell"), QStringLiteral("--operator"), QStringLiteral("1001:1234"),
                              QStringLiteral("--member"), QStringLiteral("13800138000"), QStringLiteral("--items"), code,
                              QStringLiteral("--pay"), QStringLiteral("stored:%1").arg(Money::fromFen(price).toString()),
                              QStringLiteral("--json")};
    const CliRun noPin = cli(sell);
    CHECK(noPin.exitCode == 1);
    CHECK(noPin.out.isEmpty());
    const CliRun paid = cli(sell + QStringList{QStringLiteral("--member-pin"), QStringLiteral("2468")});
    INFO(paid.err.toStdString());
    REQUIRE(paid.exitCode == 0);
    const QJsonObject m = json(paid).value(QStringLiteral("member")).toObject();
    CHECK(m.value(QStringLiteral("stored_used_fen")).toInteger() == price);
    CHECK(m.value(QStringLiteral("principal_after_fen")).toInteger() + m.value(QStringLiteral("bonus_after_fen")).toInteger() ==
          55000 - price);

    // ¥100 to the other member, with a manager.
    CHECK(cli({QStringLiteral("member"), QStringLiteral("transfer"), QStringLiteral("--to"), QStringLiteral("13900139000"),
               QStringLiteral("--amount"), QStringLiteral("100"), QStringLiteral("--reason"), QStringLiteral("送给家人"),
               QStringLiteral("13800138000")})
              .exitCode == 1); // no manager: nothing moves
    const CliRun moved = cli({QStringLiteral("member"), QStringLiteral("transfer"), QStringLiteral("--to"),
                              QStringLiteral("13900139000"), QStringLiteral("--amount"), QStringLiteral("100"),
                              QStringLiteral("--reason"), QStringLiteral("送给家人"), QStringLiteral("--manager"),
                              QStringLiteral("8001:8888"), QStringLiteral("--json"), QStringLiteral("13800138000")});
    INFO(moved.err.toStdString());
    REQUIRE(moved.exitCode == 0);
    const QJsonObject to = show(QStringLiteral("13900139000"));
    CHECK(to.value(QStringLiteral("principal_fen")).toInteger() + to.value(QStringLiteral("bonus_fen")).toInteger() == 10000);

    // Refunding the recharge pays back the principal still left of it (in cash) and takes back its bonus.
    const qint64 left = sqlValue(ws.db(), QStringLiteral("SELECT principal_left_fen FROM stored_lots WHERE sale_id = "
                                                         "(SELECT id FROM sales WHERE receipt_no = ?)"),
                                 {rechargeNo})
                            .toLongLong();
    const CliRun back = cli({QStringLiteral("refund"), QStringLiteral("--manager"), QStringLiteral("8001:8888"),
                             QStringLiteral("--reason"), QStringLiteral("顾客退卡"), rechargeNo});
    INFO(back.err.toStdString());
    REQUIRE(back.exitCode == 0);
    CHECK(back.out.contains(Money::fromFen(-left).toString()));
    const QJsonObject after = show(QStringLiteral("13800138000"));
    CHECK(after.value(QStringLiteral("principal_fen")).toInteger() == 0);
    CHECK(after.value(QStringLiteral("bonus_fen")).toInteger() == 0);
    CHECK(cli({QStringLiteral("verify")}).exitCode == 0);
}

TEST_CASE("cli: a count card is set up, sold to a member, covers the service with --pay countcard:ID, and refunds "
          "give uses back",
          "[cli][members][countcards]")
{
    Workspace ws;
    ws.initDemo();
    // Words split on spaces, as a shell script types them (no argument here has a space).
    const auto cli = [&](const QString &line) {
        QStringList args = line.split(QLatin1Char(' '));
        args << QStringLiteral("--db") << ws.db();
        return ws.run(args);
    };
    const auto json = [](const CliRun &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); };
    {
        QFile csv(ws.path(QStringLiteral("services.csv")));
        REQUIRE(csv.open(QIODevice::WriteOnly));
        csv.write("code,name,price,unit\nC10,洗车10次卡,300,张\nS01,普通洗车,40,次\nW01,车用玻璃水,2,瓶\n");
    }
    REQUIRE(cli(QStringLiteral("import-products ") + ws.path(QStringLiteral("services.csv"))).exitCode == 0);
    const CliRun plan = cli(QStringLiteral("countcard add-plan --name 洗车10次卡 --card C10 --service S01 --uses 10 "
                                           "--days 365 --json"));
    INFO(plan.err.toStdString());
    REQUIRE(plan.exitCode == 0);
    CHECK(json(plan).value(QStringLiteral("id")).toInteger() > 0);
    // The same card product twice is refused; a bad --from is a usage error.
    CHECK(cli(QStringLiteral("countcard add-plan --name 另一张 --card C10 --service S01 --uses 5")).exitCode == 1);
    CHECK(cli(QStringLiteral("countcard add-plan --name 三 --card C10 --service S01 --uses 5 --from never")).exitCode == 2);
    REQUIRE(cli(QStringLiteral("member add --phone 13812345678 --name 赵磊")).exitCode == 0);

    // Sold without a member: refused, nothing recorded.
    CHECK(cli(QStringLiteral("sell --operator 1001:1234 --items C10 --pay cash:300")).exitCode == 1);
    const CliRun sold = cli(QStringLiteral("sell --operator 1001:1234 --member 13812345678 --items C10 --pay cash:300 --json"));
    INFO(sold.err.toStdString());
    REQUIRE(sold.exitCode == 0);
    const QString soldNo = json(sold).value(QStringLiteral("receipt")).toString();
    const QJsonArray cards = json(cli(QStringLiteral("member show --json 13812345678")))
                                 .value(QStringLiteral("count_cards"))
                                 .toArray();
    REQUIRE(cards.size() == 1);
    const QJsonObject card = cards.at(0).toObject();
    CHECK(card.value(QStringLiteral("uses_left")).toInteger() == 10);
    CHECK(card.value(QStringLiteral("state")).toString() == QStringLiteral("active"));
    CHECK_FALSE(card.value(QStringLiteral("expires")).toString().isEmpty());
    const QString id = QString::number(card.value(QStringLiteral("id")).toInteger());

    // Three washes and a bottle of washer fluid: the card covers the washes, cash pays the ¥2.00.
    const CliRun used = cli(QStringLiteral("sell --operator 1001:1234 --member 13812345678 --items S01*3,W01 "
                                           "--pay countcard:%1,cash:2 --json")
                                .arg(id));
    INFO(used.err.toStdString());
    REQUIRE(used.exitCode == 0);
    const QJsonObject u = json(used);
    CHECK(u.value(QStringLiteral("total_fen")).toInteger() == 200);
    const QJsonArray touched = u.value(QStringLiteral("member")).toObject().value(QStringLiteral("count_cards")).toArray();
    REQUIRE(touched.size() == 1);
    CHECK(touched.at(0).toObject().value(QStringLiteral("uses")).toInteger() == -3);
    CHECK(touched.at(0).toObject().value(QStringLiteral("uses_left")).toInteger() == 7);
    CHECK(u.value(QStringLiteral("member")).toObject().value(QStringLiteral("growth")).toInteger() == 2);
    const QString usedNo = u.value(QStringLiteral("receipt")).toString();

    // A card that is not the member's, or not a number: refused.
    REQUIRE(cli(QStringLiteral("member add --phone 13900001111")).exitCode == 0);
    CHECK(cli(QStringLiteral("sell --operator 1001:1234 --member 13900001111 --items S01 --pay countcard:%1").arg(id))
              .exitCode == 1);
    CHECK(cli(QStringLiteral("sell --operator 1001:1234 --member 13812345678 --items S01 --pay countcard:abc")).exitCode == 2);

    // One wash back: the use returns; the card itself cannot be refunded now it has been used.
    const CliRun back = cli(QStringLiteral("refund --manager 8001:8888 --reason 没洗 --lines 1:1 ") + usedNo);
    INFO(back.err.toStdString());
    REQUIRE(back.exitCode == 0);
    CHECK(json(cli(QStringLiteral("member show --json 13812345678")))
              .value(QStringLiteral("count_cards"))
              .toArray()
              .at(0)
              .toObject()
              .value(QStringLiteral("uses_left"))
              .toInteger() == 8);
    const CliRun cardBack = cli(QStringLiteral("refund --manager 8001:8888 --reason 退卡 ") + soldNo);
    CHECK(cardBack.exitCode == 1);
    CHECK(cardBack.err.contains(QStringLiteral("洗车10次卡")));
    const CliRun verify = cli(QStringLiteral("verify"));
    INFO(verify.out.toStdString() << verify.err.toStdString());
    CHECK(verify.exitCode == 0);
}

TEST_CASE("cli: coupon add-type and issue, sell --coupon uses it once, member show lists it, refund gives it back",
          "[cli][members][coupons]")
{
    Workspace ws;
    ws.initDemo();
    const auto cli = [&](const QString &line) {
        QStringList args = line.split(QLatin1Char(' '));
        args << QStringLiteral("--db") << ws.db();
        return ws.run(args);
    };
    const auto json = [](const CliRun &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); };
    REQUIRE(cli(QStringLiteral("coupon add-type --name 满100减20 --value 20 --min-spend 100 --days 30")).exitCode == 0);
    CHECK(cli(QStringLiteral("coupon add-type --name 坏券 --kind bogus")).exitCode == 2);
    CHECK(cli(QStringLiteral("coupon add-type --name 满100减20 --value 5")).exitCode == 1); // the name is taken
    REQUIRE(cli(QStringLiteral("member add --phone 13812345678 --name 周敏")).exitCode == 0);
    const CliRun issued = cli(QStringLiteral("coupon issue --type 满100减20 --member 13812345678 --json"));
    INFO(issued.err.toStdString());
    REQUIRE(issued.exitCode == 0);
    const QString code = json(issued).value(QStringLiteral("code")).toString();
    CHECK(code.size() == 12);
    CHECK(json(issued).value(QStringLiteral("state")).toString() == QStringLiteral("unused"));

    const QString item = sqlValue(ws.db(), QStringLiteral("SELECT code FROM products WHERE weighed = 0 AND active = 1 AND "
                                                          "price_fen BETWEEN 5000 AND 9000 AND id NOT IN (SELECT "
                                                          "card_product_id FROM count_card_plans) ORDER BY id LIMIT 1"))
                             .toString();
    const qint64 price = sqlValue(ws.db(), QStringLiteral("SELECT price_fen FROM products WHERE code = ?"), {item}).toLongLong();
    REQUIRE_FALSE(item.isEmpty());
    // One of it is below ¥100: refused, nothing recorded.
    const CliRun low = cli(QStringLiteral("sell --operator 1001:1234 --member 13812345678 --items %1 --coupon %2 --pay cash:100")
                               .arg(item, code));
    CHECK(low.exitCode == 1);
    CHECK(low.err.contains(QStringLiteral("100.00")));
    // Two of it: ¥20 off.
    const CliRun sold = cli(QStringLiteral("sell --operator 1001:1234 --member 13812345678 --items %1*2 --coupon %2 "
                                           "--pay cash:%3 --json")
                                .arg(item, code, Money::fromFen(price * 2 - 2000).toString()));
    INFO(sold.err.toStdString());
    REQUIRE(sold.exitCode == 0);
    const QJsonObject s = json(sold);
    CHECK(s.value(QStringLiteral("total_fen")).toInteger() == price * 2 - 2000);
    CHECK(s.value(QStringLiteral("coupons_used")).toArray().at(0).toString() == code);
    // Another sale with the same code: already used.
    const CliRun twice = cli(QStringLiteral("sell --operator 1001:1234 --member 13812345678 --items %1*2 --coupon %2 "
                                            "--pay cash:500")
                                 .arg(item, code));
    CHECK(twice.exitCode == 1);
    // member show lists it used (and the demo shop's 满50减5 the sale earned, unused).
    const QJsonArray coupons =
        json(cli(QStringLiteral("member show --json 13812345678"))).value(QStringLiteral("coupons")).toArray();
    QString state;
    for (const QJsonValue &c : coupons)
        if (c.toObject().value(QStringLiteral("code")).toString() == code)
            state = c.toObject().value(QStringLiteral("state")).toString();
    CHECK(state == QStringLiteral("used"));
    CHECK(s.value(QStringLiteral("coupons_issued")).toArray().size() == (price * 2 - 2000 >= 8000 ? 1 : 0));

    // The whole sale back: the coupon is unused again, still valid.
    const QString receipt = s.value(QStringLiteral("receipt")).toString();
    REQUIRE(cli(QStringLiteral("refund --manager 8001:8888 --reason 顾客退货 ") + receipt).exitCode == 0);
    CHECK(json(cli(QStringLiteral("coupon show --json ") + code)).value(QStringLiteral("state")).toString() ==
          QStringLiteral("unused"));
    CHECK(cli(QStringLiteral("coupon void --reason 发错了 ") + code).exitCode == 0);
    CHECK(json(cli(QStringLiteral("coupon show --json ") + code)).value(QStringLiteral("state")).toString() ==
          QStringLiteral("voided"));
    const CliRun verify = cli(QStringLiteral("verify"));
    INFO(verify.out.toStdString() << verify.err.toStdString());
    CHECK(verify.exitCode == 0);
}

TEST_CASE("cli: import-members takes a GBK list with a per-row report, export-members writes it back for Excel",
          "[cli][members][csv]")
{
    Workspace ws;
    ws.initDemo();
    const QString in = ws.path(QStringLiteral("会员.csv"));
    {
        QFile f(in);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(huike::encodeGb18030(QStringLiteral("手机号,姓名,性别,生日,卡号,等级,积分,余额,备注\r\n"
                                             "18612345678,陈静,女,1992-08-08,VIP8888,金卡,860,300.00,喜欢拿铁\r\n"
                                             "18612345678,陈静,女,,,,,,\r\n"
                                             "1861234,号码太短,,,,,,,\r\n")));
    }
    const CliRun imp =
        ws.run({QStringLiteral("import-members"), QStringLiteral("--db"), ws.db(), QStringLiteral("--json"), in});
    INFO(imp.out.toStdString() << imp.err.toStdString());
    CHECK(imp.exitCode == 1); // a row was rejected
    const QJsonObject report = QJsonDocument::fromJson(imp.out.toUtf8()).object();
    CHECK(report.value(QStringLiteral("encoding")).toString() == QStringLiteral("GB18030"));
    CHECK(report.value(QStringLiteral("rows")).toInt() == 3);
    CHECK(report.value(QStringLiteral("added")).toInt() == 1);
    CHECK(report.value(QStringLiteral("rejected")).toInt() == 2);
    CHECK(report.value(QStringLiteral("duplicates")).toInt() == 1);
    const QJsonArray errors = report.value(QStringLiteral("errors")).toArray();
    REQUIRE(errors.size() == 2);
    CHECK(errors.at(0).toObject().value(QStringLiteral("line")).toInt() == 3);
    CHECK(errors.at(0).toObject().value(QStringLiteral("duplicate")).toBool());
    CHECK(errors.at(1).toObject().value(QStringLiteral("line")).toInt() == 4);

    const CliRun show = ws.run({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("--db"), ws.db(),
                                QStringLiteral("--json"), QStringLiteral("VIP8888")});
    const QJsonObject m = QJsonDocument::fromJson(show.out.toUtf8()).object();
    CHECK(m.value(QStringLiteral("level")).toString() == QStringLiteral("金卡"));
    CHECK(m.value(QStringLiteral("points")).toInt() == 860);
    CHECK(m.value(QStringLiteral("principal_fen")).toInt() == 30000);

    const QString out = ws.path(QStringLiteral("会员导出.csv"));
    const CliRun exp = ws.run({QStringLiteral("export-members"), QStringLiteral("--db"), ws.db(),
                               QStringLiteral("--headers"), QStringLiteral("en"), QStringLiteral("--json"), out});
    INFO(exp.err.toStdString());
    CHECK(exp.exitCode == 0);
    const qint64 members = sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM members")).toLongLong();
    CHECK(QJsonDocument::fromJson(exp.out.toUtf8()).object().value(QStringLiteral("members")).toInteger() == members);
    QFile f(out);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBFphone,name,gender,birthday,card,level,points,balance"));
    CHECK(bytes.contains(QStringLiteral("18612345678,陈静,F,1992-08-08,VIP8888,金卡,860,300.00,300.00,0.00")
                             .toUtf8()));
    CHECK(bytes.count("\r\n") == members + 1);

    // Reading its own export back adds no one: every member is reported as a duplicate.
    const CliRun back = ws.run({QStringLiteral("import-members"), QStringLiteral("--db"), ws.db(), out});
    CHECK(back.exitCode == 1);
    CHECK(back.out.contains(QStringLiteral("encoding UTF-8 BOM: 0 added, %1 rejected (%1 of them duplicates)").arg(members)));
    CHECK(ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}).exitCode == 0);
    CHECK(ws.run({QStringLiteral("import-members"), QStringLiteral("--db"), ws.db()}).exitCode == 2);
    CHECK(ws.run({QStringLiteral("export-members"), QStringLiteral("--db"), ws.db(), QStringLiteral("--headers"),
                  QStringLiteral("fr"), out})
              .exitCode == 2);
}

TEST_CASE("cli: segments prints one row per member with the issue's columns, classes of real sales", "[cli][segments]")
{
    Workspace ws;
    ws.initDemo();
    CliRun r = ws.run({QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"),
                       QStringLiteral("60"), QStringLiteral("--seed"), QStringLiteral("5")});
    REQUIRE(r.exitCode == 0);
    r = ws.run({QStringLiteral("segments"), QStringLiteral("--db"), ws.db(), QStringLiteral("--format"), QStringLiteral("csv")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(!lines.isEmpty());
    CHECK(lines.first() == QStringLiteral("member,orders,spend,last_purchase,d,recency,frequency,monetary,weekday,slot,"
                                          "high_value,r_score,f_score,m_score,rfm_class,lifecycle"));
    CHECK(lines.size() - 1 == sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM members")).toInt());
    // Each member's orders as the sales table counts them (no refund takes a whole receipt here
    // unless it took everything): at least one buyer, and the never-bought rows empty.
    int buyers = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines.at(i).split(QLatin1Char(','));
        REQUIRE(cells.size() == 16);
        if (cells.at(1) == QStringLiteral("0")) {
            CHECK(cells.at(15) == QStringLiteral("未购买"));
            CHECK(cells.at(11).isEmpty());
        } else {
            ++buyers;
            CHECK(cells.at(15) != QStringLiteral("未购买"));
            CHECK(!cells.at(14).isEmpty());
        }
    }
    CHECK(buyers > 0);
    // The aggregates were kept beside the store: the next run loads them, and prints the same as
    // a rebuild from the raw sales as of today.
    CHECK(QFile::exists(ws.db() + QStringLiteral(".segments")));
    const CliRun again = ws.run({QStringLiteral("segments"), QStringLiteral("--db"), ws.db(), QStringLiteral("--format"),
                                 QStringLiteral("csv")});
    CHECK(again.out == r.out);
    const QString today =
        QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Asia/Shanghai")).date().toString(Qt::ISODate);
    const CliRun rebuilt = ws.run({QStringLiteral("segments"), QStringLiteral("--db"), ws.db(), QStringLiteral("--as-of"),
                                   today, QStringLiteral("--format"), QStringLiteral("csv")});
    CHECK(rebuilt.out == r.out);
    r = ws.run({QStringLiteral("segments"), QStringLiteral("--db"), ws.db(), QStringLiteral("--as-of"), QStringLiteral("tomorrow")});
    CHECK(r.exitCode == 2);

    // The shop's own lifecycle stages (分析设置: 活跃 within 1 day, 沉默 2, 睡眠 3): two members whose
    // last purchases were 2 and 10 days ago are 沉默 and 流失, not 活跃 as by the defaults.
    const QDate shopToday = QDate::fromString(today, Qt::ISODate);
    const QString history = ws.path(QStringLiteral("staged.csv"));
    {
        QFile f(history);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("receipt_no,member,time,amount\nS-1,13600002222,%1 10:00,50\nS-2,13600003333,%2 10:00,80\n")
                    .arg(shopToday.addDays(-2).toString(Qt::ISODate), shopToday.addDays(-10).toString(Qt::ISODate))
                    .toUtf8());
    }
    REQUIRE(ws.run({QStringLiteral("import-sales"), QStringLiteral("--db"), ws.db(), QStringLiteral("--create-members"),
                    history})
                .exitCode == 0);
    const auto stageOf = [&](const CliRun &run, const QString &phone) {
        for (const QString &line : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (line.startsWith(phone + QLatin1Char(',')))
                return line.split(QLatin1Char(',')).value(15);
        return QString();
    };
    const auto segmentsNow = [&] {
        return ws.run({QStringLiteral("segments"), QStringLiteral("--db"), ws.db(), QStringLiteral("--format"),
                       QStringLiteral("csv")});
    };
    const CliRun byDefault = segmentsNow();
    CHECK(stageOf(byDefault, QStringLiteral("13600002222")) == QStringLiteral("活跃"));
    CHECK(stageOf(byDefault, QStringLiteral("13600003333")) == QStringLiteral("活跃"));
    sqlExec(ws.db(), QStringLiteral("INSERT INTO settings(key, value) VALUES ('segments.active_days', '1'), "
                                    "('segments.silent_days', '2'), ('segments.sleeping_days', '3')"));
    const CliRun staged = segmentsNow();
    REQUIRE(staged.exitCode == 0);
    CHECK(stageOf(staged, QStringLiteral("13600002222")) == QStringLiteral("沉默"));
    CHECK(stageOf(staged, QStringLiteral("13600003333")) == QStringLiteral("流失"));
}

TEST_CASE("cli: import-sales brings another system's history in by the issue's columns, reports bad rows by "
          "line, adds nothing the second time, and segments counts it",
          "[cli][segments][import]")
{
    Workspace ws;
    ws.initDemo();
    const QString in = ws.path(QStringLiteral("history.csv"));
    {
        QFile f(in);
        REQUIRE(f.open(QIODevice::WriteOnly));
        // As Excel saves it on a Chinese Windows: GBK, CR LF.
        f.write(huike::encodeGb18030(QStringLiteral("receipt_no,member,time,amount,barcode,name,qty\r\n"
                                             "H0001,13600001111,2026-10-01 09:30,35.50,6901234567892,金龙鱼花生油,1\r\n"
                                             "H0001,13600001111,2026-10-01 09:30,-5.50,6901234567892,金龙鱼花生油,-0.5\r\n"
                                             "H0002,会员卡A-009,2026-10-03,120,,,\r\n"
                                             "H0003,13600001111,2026-10-32 10:00,9.90,,,\r\n"
                                             "H0004,13600001111,2026-10-05 12:00,9.999,,,\r\n")));
    }
    const QStringList args{QStringLiteral("import-sales"), QStringLiteral("--db"), ws.db(),
                           QStringLiteral("--create-members"), QStringLiteral("--json"), in};
    const CliRun first = ws.run(args);
    INFO(first.err.toStdString());
    CHECK(first.exitCode == 1); // two rows rejected
    CHECK(first.err.contains(QStringLiteral("import-sales: 100%")));
    const QJsonObject r = QJsonDocument::fromJson(first.out.toUtf8()).object();
    CHECK(r.value(QStringLiteral("encoding")).toString() == QStringLiteral("GB18030"));
    CHECK(r.value(QStringLiteral("rows")).toInteger() == 5);
    CHECK(r.value(QStringLiteral("receipts_added")).toInteger() == 2);
    CHECK(r.value(QStringLiteral("lines_added")).toInteger() == 3);
    CHECK(r.value(QStringLiteral("members_created")).toInteger() == 2);
    CHECK(r.value(QStringLiteral("rejected")).toInteger() == 2);
    CHECK(r.value(QStringLiteral("previously_imported_at")).isNull());
    const QJsonArray problems = r.value(QStringLiteral("problems")).toArray();
    REQUIRE(problems.size() == 2);
    CHECK(problems.at(0).toObject().value(QStringLiteral("line")).toInteger() == 5);
    CHECK(problems.at(1).toObject().value(QStringLiteral("line")).toInteger() == 6);
    CHECK(problems.at(1).toObject().value(QStringLiteral("why")).toString().contains(QStringLiteral("9.999")));

    // The same file again: nothing added, and it says when it was imported before.
    const CliRun second = ws.run(args);
    const QJsonObject again = QJsonDocument::fromJson(second.out.toUtf8()).object();
    CHECK(again.value(QStringLiteral("receipts_added")).toInteger() == 0);
    CHECK(again.value(QStringLiteral("receipts_known")).toInteger() == 2);
    CHECK(again.value(QStringLiteral("members_created")).toInteger() == 0);
    CHECK(!again.value(QStringLiteral("previously_imported_at")).toString().isEmpty());
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM history_sales")).toInt() == 2);

    // segments names the members as imported (the phone, or the card code) and counts the history.
    const CliRun seg = ws.run(
        {QStringLiteral("segments"), QStringLiteral("--db"), ws.db(), QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(seg.exitCode == 0);
    QString phoneRow, codeRow;
    for (const QString &line : seg.out.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("13600001111,")))
            phoneRow = line;
        if (line.startsWith(QStringLiteral("会员卡A-009,")))
            codeRow = line;
    }
    CHECK(phoneRow.startsWith(QStringLiteral("13600001111,1,30.00,2026-10-01,")));
    CHECK(codeRow.startsWith(QStringLiteral("会员卡A-009,1,120.00,2026-10-03,")));

    // Usage errors are exit 2.
    CHECK(ws.run({QStringLiteral("import-sales"), QStringLiteral("--db"), ws.db()}).exitCode == 2);
    CHECK(ws.run({QStringLiteral("import-sales"), QStringLiteral("--db"), ws.db(), QStringLiteral("--encoding"),
                  QStringLiteral("latin9"), in})
              .exitCode == 2);
}

TEST_CASE("cli: bench segments makes its own store and prints the issue's keys, the engine and the SQL "
          "baseline agreeing on every class",
          "[cli][segments][bench]")
{
    Workspace ws;
    const QString db = ws.path(QStringLiteral("bench.db"));
    const QStringList args{QStringLiteral("bench"),   QStringLiteral("segments"), QStringLiteral("--members"),
                           QStringLiteral("400"),     QStringLiteral("--sales"),  QStringLiteral("6000"),
                           QStringLiteral("--n"),     QStringLiteral("60"),       QStringLiteral("--db"),
                           db,                        QStringLiteral("--json")};
    const CliRun r = ws.run(args, 300'000);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    for (const char *key : {"refresh_ms", "rebuild_ms", "cold_load_ms", "update_us", "peak_rss_mb", "sql_ms",
                            "trend_month_ms"})
        CHECK(o.value(QLatin1String(key)).toDouble() > 0);
    CHECK(o.value(QStringLiteral("members")).toInteger() == 400);
    CHECK(o.value(QStringLiteral("documents")).toInteger() > 6000); // and the refunds
    CHECK(o.value(QStringLiteral("buyers")).toInteger() > 100);
    CHECK(o.value(QStringLiteral("sql_matches")).toBool());
    CHECK(o.value(QStringLiteral("generate_s")).toDouble() > 0);
    // The store is kept at --db: a second run uses it as it is.
    const CliRun again = ws.run(args, 300'000);
    REQUIRE(again.exitCode == 0);
    const QJsonObject a = QJsonDocument::fromJson(again.out.toUtf8()).object();
    CHECK(a.value(QStringLiteral("generate_s")).toDouble() == 0);
    CHECK(a.value(QStringLiteral("sql_matches")).toBool());
}
