// huike-cli under bad input and faults, as an adversarial test found it: numbers that do not
// parse, paths with no store, files in the wrong encoding or with bad rows, absurd prices, files
// from a newer Huike, two programs at once, and a store that cannot be written.

#include "cli.h"
#include "core/csv.h"
#include "core/money.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QStringDecoder>
#include <unistd.h>

using huike::itest::CliRun;
using huike::itest::sqlExec;
using huike::itest::sqlValue;
using huike::itest::Workspace;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

QString nameOf(const QString &db, const QString &code)
{
    return sqlValue(db, QStringLiteral("SELECT name FROM products WHERE code = ?"), {code}).toString();
}

} // namespace

TEST_CASE("cli: numeric options that do not parse or are out of range are usage errors", "[cli][faults]")
{
    Workspace ws;
    const QStringList init = {QStringLiteral("init"), QStringLiteral("--db"), ws.db(), QStringLiteral("--demo"),
                              QStringLiteral("--months"), QStringLiteral("0")};
    for (const QStringList &bad : {QStringList{QStringLiteral("--members"), QStringLiteral("-1")},
                                   QStringList{QStringLiteral("--members"), QStringLiteral("两千")},
                                   QStringList{QStringLiteral("--seed"), QStringLiteral("xyz")},
                                   QStringList{QStringLiteral("--months"), QStringLiteral("1.5")}}) {
        const CliRun r = ws.run(init + bad);
        INFO(bad.join(QLatin1Char(' ')).toStdString() << ": " << r.err.toStdString());
        CHECK_FALSE(r.crashed);
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(bad.first()));
        CHECK_FALSE(QFileInfo::exists(ws.db())); // nothing made
    }
    // No members is a demo store without members, not a crash; and it can be made only once.
    const CliRun none = ws.run(init + QStringList{QStringLiteral("--members"), QStringLiteral("0")});
    INFO(none.out.toStdString() << none.err.toStdString());
    REQUIRE_FALSE(none.crashed);
    REQUIRE(none.exitCode == 0);
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM members")).toInt() == 0);
    CHECK(ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}).exitCode == 0);
    CHECK(ws.run(init).exitCode == 1); // already holds a store

    CHECK(ws.run({QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"),
                  QStringLiteral("ten")})
              .exitCode == 2);
    CHECK(ws.run({QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"),
                  QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("-3")})
              .exitCode == 2);
    CHECK(ws.run({QStringLiteral("receipt"), QStringLiteral("--db"), ws.db(), QStringLiteral("--width"),
                  QStringLiteral("40"), QStringLiteral("S01-20261202-0001")})
              .exitCode == 2);
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM sales")).toInt() == 0);
}

TEST_CASE("cli: every command but init refuses a path that holds no store, and creates nothing", "[cli][faults]")
{
    Workspace ws;
    const QString typo = ws.path(QStringLiteral("huike-typo.db"));
    writeFile(ws.path(QStringLiteral("list.csv")), QByteArray("name,price\n矿泉水,2.00\n"));
    const QList<QStringList> commands = {
        {QStringLiteral("export-products"), QStringLiteral("--db"), typo, ws.path(QStringLiteral("out.csv"))},
        {QStringLiteral("import-products"), QStringLiteral("--db"), typo, ws.path(QStringLiteral("list.csv"))},
        {QStringLiteral("simulate"), QStringLiteral("--db"), typo, QStringLiteral("--sales"), QStringLiteral("1")},
        {QStringLiteral("receipt"), QStringLiteral("--db"), typo, QStringLiteral("S01-20261202-0001")},
        {QStringLiteral("refund"), QStringLiteral("--db"), typo, QStringLiteral("--manager"),
         QStringLiteral("8001:8888"), QStringLiteral("--reason"), QStringLiteral("测试"),
         QStringLiteral("S01-20261202-0001")},
        {QStringLiteral("void"), QStringLiteral("--db"), typo, QStringLiteral("--manager"),
         QStringLiteral("8001:8888"), QStringLiteral("--reason"), QStringLiteral("测试"),
         QStringLiteral("S01-20261202-0001")},
    };
    for (const QStringList &args : commands) {
        const CliRun r = ws.run(args);
        INFO(args.first().toStdString() << ": " << r.err.toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.err.contains(QStringLiteral("no store")));
        CHECK(r.out.isEmpty());
        CHECK_FALSE(QFileInfo::exists(typo));
    }
    CHECK_FALSE(QFileInfo::exists(ws.path(QStringLiteral("out.csv"))));
}

TEST_CASE("cli: a GBK list whose bytes are also valid UTF-8 is read as GBK, and --encoding forces one",
          "[cli][csv][faults]")
{
    Workspace ws;
    ws.initDemo();
    const QByteArray gbk = huike::encodeGb18030(
        QStringLiteral("code,name,price\r\nQ01,泉水,2.00\r\nQ02,椰汁,4.50\r\nQ03,卤鸭,28.00\r\n"));
    {
        // The trap itself: these GBK bytes are valid UTF-8 too (Ȫˮ Ҭ֭ ±Ѽ).
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        (void)utf8.decode(gbk);
        REQUIRE_FALSE(utf8.hasError());
    }
    writeFile(ws.path(QStringLiteral("gbk.csv")), gbk);
    const CliRun r = ws.run({QStringLiteral("import-products"), QStringLiteral("--db"), ws.db(),
                             ws.path(QStringLiteral("gbk.csv"))});
    INFO(r.out.toStdString() << r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.out.startsWith(QStringLiteral("encoding GB18030: 3 added")));
    CHECK(nameOf(ws.db(), QStringLiteral("Q01")) == QStringLiteral("泉水"));
    CHECK(nameOf(ws.db(), QStringLiteral("Q02")) == QStringLiteral("椰汁"));
    CHECK(nameOf(ws.db(), QStringLiteral("Q03")) == QStringLiteral("卤鸭"));

    // A real UTF-8 file of the same list stays UTF-8.
    writeFile(ws.path(QStringLiteral("utf8.csv")),
              QStringLiteral("code,name,price\nQ04,豉油鸡,32.00\nQ05,Café 拿铁,18.00\n").toUtf8());
    const CliRun u = ws.run({QStringLiteral("import-products"), QStringLiteral("--db"), ws.db(),
                             ws.path(QStringLiteral("utf8.csv"))});
    CHECK(u.out.startsWith(QStringLiteral("encoding UTF-8: 2 added")));
    CHECK(nameOf(ws.db(), QStringLiteral("Q05")) == QStringLiteral("Café 拿铁"));

    // Forced: the file is read as told, and the report says so.
    const CliRun forced = ws.run({QStringLiteral("import-products"), QStringLiteral("--db"), ws.db(),
                                  QStringLiteral("--encoding"), QStringLiteral("gbk"),
                                  ws.path(QStringLiteral("gbk.csv"))});
    CHECK(forced.out.startsWith(QStringLiteral("encoding GB18030: 0 added, 3 updated")));
    CHECK(ws.run({QStringLiteral("import-products"), QStringLiteral("--db"), ws.db(), QStringLiteral("--encoding"),
                  QStringLiteral("latin1"), ws.path(QStringLiteral("gbk.csv"))})
              .exitCode == 2);
}

TEST_CASE("cli: a duplicate barcode, a malformed line or an absurd price rejects that line, not the file",
          "[cli][csv][faults]")
{
    Workspace ws;
    ws.initDemo();
    const qint64 before = sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM products")).toLongLong();
    writeFile(ws.path(QStringLiteral("list.csv")),
              QStringLiteral("code,barcode,name,price\n"
                             "D01,6920000000012,农夫山泉 550ml,2.00\n"
                             "D02,6920000000012,怡宝 555ml,2.00\n"      // the same barcode again
                             "D03,6920000000029,\"海尔 32\"寸\" 电视,1999.00\n" // text after a closing quote
                             "D04,6920000000036,金龙鱼油 5L,123456789012345\n" // a 15-digit price
                             "D01,6920000000043,农夫山泉 1.5L,3.50\n"   // the same code again
                             "D05,6920000000050,康师傅红烧牛肉面,4.50\n")
                  .toUtf8());
    const CliRun r = ws.run(
        {QStringLiteral("import-products"), QStringLiteral("--db"), ws.db(), ws.path(QStringLiteral("list.csv"))});
    INFO(r.out.toStdString() << r.err.toStdString());
    CHECK(r.exitCode == 1);
    CHECK(r.out.startsWith(QStringLiteral("encoding UTF-8: 2 added, 0 updated, 4 rejected")));
    for (const char *line : {"line 3", "line 5", "line 6"})
        CHECK(r.out.contains(QLatin1String(line)));
    CHECK(r.out.contains(QStringLiteral("Line 4")));
    CHECK(r.out.contains(QStringLiteral("6920000000012"))); // names the barcode and its first line
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM products")).toLongLong() == before + 2);
    CHECK(nameOf(ws.db(), QStringLiteral("D01")) == QStringLiteral("农夫山泉 550ml")); // not overwritten
    CHECK(nameOf(ws.db(), QStringLiteral("D05")) == QStringLiteral("康师傅红烧牛肉面"));
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM products WHERE code IN ('D02','D03','D04')"))
              .toInt() == 0);
    CHECK(ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}).exitCode == 0);
}

TEST_CASE("cli: a file from a newer Huike is refused before anything is written", "[cli][faults]")
{
    Workspace ws;
    ws.initDemo();
    sqlExec(ws.db(), QStringLiteral("INSERT INTO schema_version(version, applied_at_ms) VALUES (999, 0)"));
    sqlExec(ws.db(), QStringLiteral("PRAGMA journal_mode=DELETE"));
    REQUIRE_FALSE(QFileInfo::exists(ws.db() + QStringLiteral("-wal")));
    const QByteArray before = fileHash(ws.db());
    for (const QStringList &args :
         {QStringList{QStringLiteral("export-products"), QStringLiteral("--db"), ws.db(), ws.path(QStringLiteral("o.csv"))},
          QStringList{QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"),
                      QStringLiteral("1")},
          QStringList{QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}}) {
        const CliRun r = ws.run(args);
        INFO(args.first().toStdString() << ": " << r.err.toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.err.contains(QStringLiteral("newer Huike")));
        CHECK(fileHash(ws.db()) == before); // not even switched to WAL
        CHECK_FALSE(QFileInfo::exists(ws.db() + QStringLiteral("-wal")));
    }
}

TEST_CASE("cli: two simulations started at once on a fresh store share the till's shift", "[cli][faults]")
{
    Workspace ws;
    ws.initDemo();
    QList<QProcess *> runs;
    for (int i = 0; i < 2; ++i) {
        auto *p = new QProcess;
        p->setProcessEnvironment(ws.environment());
        runs << p;
    }
    for (int i = 0; i < 2; ++i)
        runs.at(i)->start(huike::itest::cliPath(),
                          {QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"),
                           QStringLiteral("25"), QStringLiteral("--seed"), QString::number(i + 1)});
    QStringList receipts;
    for (QProcess *p : runs) {
        REQUIRE(p->waitForFinished(120'000));
        INFO(QString::fromUtf8(p->readAllStandardError()).toStdString());
        CHECK(p->exitStatus() == QProcess::NormalExit);
        CHECK(p->exitCode() == 0);
        receipts << QString::fromUtf8(p->readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        delete p;
    }
    CHECK(receipts.size() == 50);
    CHECK(QSet<QString>(receipts.begin(), receipts.end()).size() == 50);
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM shifts WHERE terminal = 'SIM'")).toInt() == 1);
    CHECK(ws.run({QStringLiteral("verify"), QStringLiteral("--db"), ws.db()}).exitCode == 0);
}

TEST_CASE("cli: two programs opening a fresh store at the same moment both open it", "[cli][faults]")
{
    // init leaves one file in rollback-journal mode; the first open switches it to WAL, which
    // needs the file to itself. Two at once once made one of them fail "busy" (a third of the time).
    Workspace ws;
    ws.initDemo();
    const QString fresh = ws.path(QStringLiteral("fresh.db"));
    REQUIRE(QFile::copy(ws.db(), fresh));
    for (int round = 0; round < 20; ++round) {
        QFile::remove(ws.db());
        REQUIRE(QFile::copy(fresh, ws.db()));
        QProcess a;
        QProcess b;
        for (QProcess *p : {&a, &b}) {
            p->setProcessEnvironment(ws.environment());
            p->start(huike::itest::cliPath(), {QStringLiteral("export-products"), QStringLiteral("--db"), ws.db(),
                                               ws.path(p == &a ? QStringLiteral("a.csv") : QStringLiteral("b.csv"))});
        }
        for (QProcess *p : {&a, &b}) {
            REQUIRE(p->waitForFinished(60'000));
            INFO("round " << round << ": " << QString::fromUtf8(p->readAllStandardError()).toStdString());
            REQUIRE(p->exitCode() == 0);
        }
    }
}

TEST_CASE("cli: a store that cannot be written is still verified, printed and exported, never called damaged",
          "[cli][faults]")
{
    Workspace ws;
    ws.initDemo();
    const CliRun sim = ws.run(
        {QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"), QStringLiteral("2")});
    REQUIRE(sim.exitCode == 0);
    const QString receipt = sim.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).value(0);

    // The store in a folder of its own, both read-only; the CLI's logs and output go elsewhere.
    // Root ignores file permissions, so as root the CLI runs as nobody (setpriv, util-linux).
    QTemporaryDir shop;
    QTemporaryDir elsewhere;
    REQUIRE(shop.isValid());
    REQUIRE(elsewhere.isValid());
    const QString db = QDir(shop.path()).filePath(QStringLiteral("huike.db"));
    sqlExec(ws.db(), QStringLiteral("VACUUM INTO ?"), {db});
    const auto all = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther |
                     QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    REQUIRE(QFile::setPermissions(elsewhere.path(), all | QFileDevice::WriteOwner | QFileDevice::WriteGroup |
                                                        QFileDevice::WriteOther));
    REQUIRE(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    REQUIRE(QFile::setPermissions(shop.path(), all));
    QStringList wrapper;
    if (::geteuid() == 0) {
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        REQUIRE_FALSE(setpriv.isEmpty());
        wrapper = {setpriv, QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                   QStringLiteral("--clear-groups")};
        // nobody must reach the CLI and the folders on the way to them.
        REQUIRE(QFileInfo(huike::itest::cliPath()).permission(QFileDevice::ExeOther));
    }
    QProcessEnvironment env = ws.environment();
    env.insert(QStringLiteral("HOME"), elsewhere.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), elsewhere.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), elsewhere.path());
    const QByteArray before = fileHash(db);

    const CliRun verify = ws.runWrapped(wrapper, {QStringLiteral("verify"), QStringLiteral("--db"), db}, env);
    INFO(verify.out.toStdString() << verify.err.toStdString());
    CHECK(verify.exitCode == 0);
    const CliRun printed =
        ws.runWrapped(wrapper, {QStringLiteral("receipt"), QStringLiteral("--db"), db, receipt}, env);
    INFO(printed.err.toStdString());
    CHECK(printed.exitCode == 0);
    CHECK(printed.out.contains(receipt));
    const QString csv = QDir(elsewhere.path()).filePath(QStringLiteral("products.csv"));
    const CliRun exported =
        ws.runWrapped(wrapper, {QStringLiteral("export-products"), QStringLiteral("--db"), db, csv}, env);
    INFO(exported.err.toStdString());
    CHECK(exported.exitCode == 0);
    CHECK(QFileInfo(csv).size() > 1000);
    // A sale cannot be written: said as such, not "damaged" (which invites restoring a backup).
    const CliRun sale = ws.runWrapped(
        wrapper, {QStringLiteral("simulate"), QStringLiteral("--db"), db, QStringLiteral("--sales"), QStringLiteral("1")},
        env);
    INFO(sale.err.toStdString());
    CHECK(sale.exitCode == 1);
    CHECK(sale.err.contains(QStringLiteral("read-only")));
    CHECK_FALSE(sale.err.contains(QStringLiteral("damaged")));
    CHECK(fileHash(db) == before);
    REQUIRE(QFile::setPermissions(shop.path(), all | QFileDevice::WriteOwner));
}

TEST_CASE("cli: two tills spending the same points at once: one sale, the other told the points are short",
          "[cli][faults][members]")
{
    Workspace ws;
    ws.initDemo();
    const auto cli = [&](QStringList args) {
        args << QStringLiteral("--db") << ws.db();
        return ws.run(args);
    };
    REQUIRE(cli({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("--phone"), QStringLiteral("13800138000")})
                .exitCode == 0);
    const QString code = sqlValue(ws.db(), QStringLiteral("SELECT code FROM products WHERE weighed = 0 AND active = 1 AND id NOT IN (SELECT card_product_id FROM count_card_plans) "
                                                          "AND price_fen BETWEEN 500 AND 3000 ORDER BY id LIMIT 1"))
                             .toString();
    const qint64 price = sqlValue(ws.db(), QStringLiteral("SELECT price_fen FROM products WHERE code = ?"), {code}).toLongLong();
    const qint64 qty = 6000 / price + 1; // ¥30 of points is at most half of it
    const qint64 total = price * qty;
    for (int round = 0; round < 4; ++round) {
        INFO("round " << round);
        REQUIRE(cli({QStringLiteral("points"), QStringLiteral("adjust"), QStringLiteral("--member"),
                     QStringLiteral("13800138000"), QStringLiteral("--points"), QStringLiteral("300"), QStringLiteral("--reason"),
                     QStringLiteral("活动赠送"), QStringLiteral("--manager"), QStringLiteral("8001:8888")})
                    .exitCode == 0);
        const qint64 before = sqlValue(ws.db(), QStringLiteral("SELECT points FROM members WHERE phone = '13800138000'")).toLongLong();
        REQUIRE(before < 600);
        QList<QProcess *> tills;
        for (int t = 0; t < 2; ++t) {
            auto *p = new QProcess;
            p->setProcessEnvironment(ws.environment());
            tills << p;
        }
        for (int t = 0; t < 2; ++t)
            tills.at(t)->start(huike::itest::cliPath(),
                               {QStringLiteral("sell"), QStringLiteral("--db"), ws.db(), QStringLiteral("--operator"),
                                t == 0 ? QStringLiteral("1001:1234") : QStringLiteral("1002:1234"), QStringLiteral("--till"),
                                t == 0 ? QStringLiteral("POS-A") : QStringLiteral("POS-B"), QStringLiteral("--member"),
                                QStringLiteral("13800138000"), QStringLiteral("--items"),
                                QStringLiteral("%1*%2").arg(code).arg(qty), QStringLiteral("--pay"),
                                QStringLiteral("points:300,cash:%1").arg(huike::Money::fromFen(total - 3000).toString())});
        int sold = 0;
        int refused = 0;
        for (QProcess *p : tills) {
            REQUIRE(p->waitForFinished(120'000));
            const QString err = QString::fromUtf8(p->readAllStandardError());
            INFO(err.toStdString());
            CHECK(p->exitStatus() == QProcess::NormalExit);
            if (p->exitCode() == 0) {
                ++sold;
            } else {
                ++refused;
                CHECK(p->exitCode() == 1);
                CHECK(err.contains(QStringLiteral("points")));
            }
            delete p;
        }
        CHECK(sold == 1);
        CHECK(refused == 1);
        // The 300 were taken once; the sale's own earning came on top.
        CHECK(sqlValue(ws.db(), QStringLiteral("SELECT points FROM members WHERE phone = '13800138000'")).toLongLong() ==
              before - 300 + (total - 3000) / 1000);
    }
    CHECK(cli({QStringLiteral("verify")}).exitCode == 0);
}

namespace {

// Two tills (two processes) ring up `args` at the same moment; how many sold, and the refusals'
// messages.
struct RaceResult {
    int sold = 0;
    QStringList refusals;
};

RaceResult race(const Workspace &ws, const QStringList &args)
{
    QList<QProcess *> tills;
    for (int t = 0; t < 2; ++t) {
        auto *p = new QProcess;
        p->setProcessEnvironment(ws.environment());
        tills << p;
    }
    for (int t = 0; t < 2; ++t)
        tills.at(t)->start(huike::itest::cliPath(),
                           QStringList{QStringLiteral("sell"), QStringLiteral("--db"), ws.db(), QStringLiteral("--operator"),
                                       t == 0 ? QStringLiteral("1001:1234") : QStringLiteral("1002:1234"),
                                       QStringLiteral("--till"), t == 0 ? QStringLiteral("POS-A") : QStringLiteral("POS-B")} +
                               args);
    RaceResult r;
    for (QProcess *p : tills) {
        REQUIRE(p->waitForFinished(120'000));
        CHECK(p->exitStatus() == QProcess::NormalExit);
        if (p->exitCode() == 0)
            ++r.sold;
        else
            r.refusals << QStringLiteral("%1: %2").arg(p->exitCode()).arg(QString::fromUtf8(p->readAllStandardError()));
        delete p;
    }
    return r;
}

} // namespace

TEST_CASE("cli: two tills using the same coupon or the last stored value at once: one sale, the other refused",
          "[cli][faults][members]")
{
    Workspace ws;
    ws.initDemo();
    const auto cli = [&](const QString &line) {
        QStringList args = line.split(QLatin1Char(' '));
        args << QStringLiteral("--db") << ws.db();
        return ws.run(args);
    };
    REQUIRE(cli(QStringLiteral("member add --phone 13800138000")).exitCode == 0);
    REQUIRE(cli(QStringLiteral("coupon add-type --name 减5元 --value 5")).exitCode == 0);
    const QString code = sqlValue(ws.db(), QStringLiteral("SELECT code FROM products WHERE weighed = 0 AND active = 1 AND id "
                                                          "NOT IN (SELECT card_product_id FROM count_card_plans) AND "
                                                          "price_fen BETWEEN 1000 AND 3000 ORDER BY id LIMIT 1"))
                             .toString();
    const qint64 price = sqlValue(ws.db(), QStringLiteral("SELECT price_fen FROM products WHERE code = ?"), {code}).toLongLong();
    const qint64 salesBefore = sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM sales")).toLongLong();
    for (int round = 0; round < 3; ++round) {
        INFO("round " << round);
        const CliRun issued = cli(QStringLiteral("coupon issue --type 减5元 --member 13800138000 --json"));
        REQUIRE(issued.exitCode == 0);
        const QString coupon =
            QJsonDocument::fromJson(issued.out.toUtf8()).object().value(QStringLiteral("code")).toString();
        const RaceResult r = race(ws, {QStringLiteral("--member"), QStringLiteral("13800138000"), QStringLiteral("--items"),
                                       code, QStringLiteral("--coupon"), coupon, QStringLiteral("--pay"),
                                       QStringLiteral("cash:%1").arg(huike::Money::fromFen(price - 500).toString())});
        INFO(r.refusals.join(QLatin1Char('\n')).toStdString());
        CHECK(r.sold == 1);
        REQUIRE(r.refusals.size() == 1);
        CHECK(r.refusals.first().startsWith(QStringLiteral("1: ")));
        CHECK(r.refusals.first().contains(QStringLiteral("already used")));
    }
    // Stored value: ¥price on the card, two tills each spending all of it.
    for (int round = 0; round < 3; ++round) {
        INFO("stored round " << round);
        REQUIRE(cli(QStringLiteral("recharge --member 13800138000 --amount %1 --pay cash")
                        .arg(huike::Money::fromFen(price).toString()))
                    .exitCode == 0);
        const RaceResult r = race(ws, {QStringLiteral("--member"), QStringLiteral("13800138000"), QStringLiteral("--items"),
                                       code, QStringLiteral("--pay"),
                                       QStringLiteral("stored:%1").arg(huike::Money::fromFen(price).toString())});
        INFO(r.refusals.join(QLatin1Char('\n')).toStdString());
        CHECK(r.sold == 1);
        REQUIRE(r.refusals.size() == 1);
        CHECK(r.refusals.first().startsWith(QStringLiteral("1: ")));
        CHECK(r.refusals.first().contains(QStringLiteral("nsufficient balance")));
        CHECK(sqlValue(ws.db(), QStringLiteral("SELECT principal_fen + bonus_fen FROM members WHERE phone = '13800138000'"))
                  .toLongLong() == 0);
    }
    CHECK(sqlValue(ws.db(), QStringLiteral("SELECT COUNT(*) FROM sales WHERE kind = 'sale'")).toLongLong() ==
          salesBefore + 6);
    CHECK(cli(QStringLiteral("verify")).exitCode == 0);
}
