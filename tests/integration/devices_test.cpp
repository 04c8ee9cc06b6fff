// The receipt printer for real: huike-cli prints over a serial line (one end of a socat pty pair)
// to the printer simulator at the other end, over TCP to a raw port on 127.0.0.1, and into a file;
// what the printer received is read back by its decoder. A printer that says it has no paper gets
// no job, and says why.

#include "cli.h"
#include "common/ptypair.h"
#include "printer/escpos.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

using huike::itest::CliRun;
using huike::itest::cliPath;
using huike::itest::Workspace;

namespace {

struct PtyPair : testsupport::PtyPair {
    explicit PtyPair(const Workspace &ws)
        : testsupport::PtyPair(ws.path(QStringLiteral("tty-till")), ws.path(QStringLiteral("tty-printer")))
    {
    }
};

// The printer simulator on a port, its events read as JSON lines when it is stopped.
struct Simulator {
    QProcess process;
    Simulator(const Workspace &ws, const QString &port, const QString &status = QStringLiteral("ok"))
    {
        process.setProcessEnvironment(ws.environment());
        process.start(cliPath(), {QStringLiteral("simulate-device"), QStringLiteral("printer"), QStringLiteral("--port"),
                                  port, QStringLiteral("--status"), status, QStringLiteral("--seconds"),
                                  QStringLiteral("60")});
        REQUIRE(process.waitForStarted(5000));
        QThread::msleep(300); // the port opened before anyone writes
    }
    QList<QJsonObject> stop(const QString &waitFor = {})
    {
        QByteArray got;
        for (int i = 0; i < 100; ++i) {
            process.waitForReadyRead(50);
            got += process.readAllStandardOutput();
            if (waitFor.isEmpty() ? i >= 10 : got.contains(waitFor.toUtf8()))
                break;
        }
        process.kill();
        process.waitForFinished(3000);
        got += process.readAllStandardOutput();
        QList<QJsonObject> events;
        for (const QByteArray &line : got.split('\n'))
            if (!line.trimmed().isEmpty())
                events << QJsonDocument::fromJson(line).object();
        return events;
    }
};

QString firstReceipt(const Workspace &ws)
{
    const CliRun sold = ws.run({QStringLiteral("simulate"), QStringLiteral("--db"), ws.db(), QStringLiteral("--sales"),
                                QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("3")});
    REQUIRE(sold.exitCode == 0);
    const QString no = sold.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).value(0).trimmed();
    REQUIRE(no.startsWith(QLatin1Char('S')));
    return no;
}

QStringList textsOf(const QList<QJsonObject> &events)
{
    QStringList out;
    for (const QJsonObject &e : events)
        if (e.value(QStringLiteral("event")).toString() == QStringLiteral("text"))
            out << e.value(QStringLiteral("text")).toString();
    return out;
}

bool has(const QList<QJsonObject> &events, const QString &kind, const QString &data = {})
{
    for (const QJsonObject &e : events)
        if (e.value(QStringLiteral("event")).toString() == kind &&
            (data.isEmpty() || e.value(QStringLiteral("data")).toString() == data))
            return true;
    return false;
}

} // namespace

TEST_CASE("devices: a stored receipt printed over a serial line reaches the printer as the receipt, with "
          "its barcode and the cut",
          "[devices][printer][pty]")
{
    Workspace ws;
    ws.initDemo();
    const QString receipt = firstReceipt(ws);
    const CliRun preview = ws.run({QStringLiteral("receipt"), QStringLiteral("--db"), ws.db(), receipt});
    REQUIRE(preview.exitCode == 0);

    PtyPair line(ws);
    Simulator printer(ws, line.b);
    const CliRun printed = ws.run({QStringLiteral("receipt"), QStringLiteral("--db"), ws.db(), QStringLiteral("--print"),
                                   QStringLiteral("serial:") + line.a + QStringLiteral(":9600"), receipt});
    INFO(printed.err.toStdString());
    REQUIRE(printed.exitCode == 0);
    CHECK(printed.out.contains(receipt));
    const QList<QJsonObject> events = printer.stop(QStringLiteral("\"cut\""));
    // It was asked how it is (DLE EOT 1, 2, 4) before the job.
    CHECK(events.value(0).value(QStringLiteral("event")).toString() == QStringLiteral("status"));
    // Every line of the preview is on the paper, in order, the total among them in large type
    // (over half the columns: its words are the preview's, not its spacing). ¥ is printed as ￥,
    // which takes the space before it.
    QList<QJsonObject> paper;
    for (const QJsonObject &e : events)
        if (e.value(QStringLiteral("event")).toString() == QStringLiteral("text"))
            paper << e;
    const QStringList expected = preview.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(paper.size() == expected.size());
    int large = 0;
    for (qsizetype i = 0; i < paper.size(); ++i) {
        const QString got = paper.at(i).value(QStringLiteral("text")).toString();
        const QString want =
            QString(expected.at(i)).replace(QStringLiteral(" ¥"), QStringLiteral("￥")).replace(QChar(0xA5), QChar(0xFFE5));
        if (paper.at(i).value(QStringLiteral("large")).toBool()) {
            ++large;
            CHECK(got.simplified() == want.simplified());
        } else {
            CHECK(got == want);
        }
    }
    CHECK(large == 1);
    CHECK(has(events, QStringLiteral("barcode"), receipt));
    CHECK(events.last().value(QStringLiteral("event")).toString() == QStringLiteral("cut"));
}

TEST_CASE("devices: a printer out of paper gets no job, and the shop hears why", "[devices][printer][pty]")
{
    Workspace ws;
    ws.initDemo();
    const QString receipt = firstReceipt(ws);
    PtyPair line(ws);
    Simulator printer(ws, line.b, QStringLiteral("paper-out"));
    const CliRun printed = ws.run({QStringLiteral("receipt"), QStringLiteral("--db"), ws.db(), QStringLiteral("--print"),
                                   QStringLiteral("serial:") + line.a, receipt});
    CHECK(printed.exitCode == 1);
    CHECK(printed.err.contains(QStringLiteral("paper")));
    const QList<QJsonObject> events = printer.stop();
    CHECK(textsOf(events).isEmpty());
    CHECK(has(events, QStringLiteral("status")));
}

TEST_CASE("devices: the test page to a raw network port and to a file, and a spec that makes no sense",
          "[devices][printer]")
{
    Workspace ws;
    // A network printer's raw port (9100) played by a server on 127.0.0.1 that never answers a
    // status query, as most network printers do not: the job goes through regardless.
    QTcpServer server;
    REQUIRE(server.listen(QHostAddress::LocalHost));
    const CliRun tcp = ws.run({QStringLiteral("device"), QStringLiteral("test"), QStringLiteral("printer"),
                               QStringLiteral("tcp:127.0.0.1:%1").arg(server.serverPort())});
    INFO(tcp.err.toStdString());
    REQUIRE(tcp.exitCode == 0);
    REQUIRE(server.waitForNewConnection(3000));
    QTcpSocket *peer = server.nextPendingConnection();
    QByteArray job;
    while (peer->waitForReadyRead(500))
        job += peer->readAll();
    job += peer->readAll();
    huike::EscPosDecoder d;
    const QList<huike::EscPosEvent> events = d.feed(job);
    QStringList lines;
    bool barcode = false, qr = false, cut = false;
    for (const huike::EscPosEvent &e : events) {
        if (e.kind == huike::EscPosEvent::Kind::Text)
            lines << e.text;
        barcode = barcode || e.kind == huike::EscPosEvent::Kind::Barcode;
        qr = qr || e.kind == huike::EscPosEvent::Kind::QrCode;
        cut = cut || e.kind == huike::EscPosEvent::Kind::Cut;
    }
    CHECK(lines.join(QLatin1Char('\n')).contains(QStringLiteral("汇客收银 打印测试")));
    CHECK(lines.join(QLatin1Char('\n')).contains(QStringLiteral("中文：欢迎光临，谢谢惠顾！")));
    CHECK(barcode);
    CHECK(qr);
    CHECK(cut);

    // 80 mm into a file, twice: a file keeps every job.
    const QString file = ws.path(QStringLiteral("printer.bin"));
    for (int i = 0; i < 2; ++i)
        REQUIRE(ws.run({QStringLiteral("device"), QStringLiteral("test"), QStringLiteral("printer"),
                        QStringLiteral("file:") + file, QStringLiteral("--width"), QStringLiteral("48")})
                    .exitCode == 0);
    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadOnly));
    huike::EscPosDecoder twice;
    int cuts = 0;
    for (const huike::EscPosEvent &e : twice.feed(f.readAll()))
        cuts += e.kind == huike::EscPosEvent::Kind::Cut ? 1 : 0;
    CHECK(cuts == 2);

    const CliRun bad = ws.run({QStringLiteral("device"), QStringLiteral("test"), QStringLiteral("printer"),
                               QStringLiteral("lpt1")});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains(QStringLiteral("serial:")));
    const CliRun missing = ws.run({QStringLiteral("device"), QStringLiteral("test"), QStringLiteral("printer"),
                                   QStringLiteral("serial:/dev/ttyNOSUCH0")});
    CHECK(missing.exitCode == 1);
}

namespace {

// `huike-cli device listen` on one end of a pty pair while a simulator plays the device at the
// other: the JSON lines each printed.
struct Listening {
    QList<QJsonObject> heard;
    QList<QJsonObject> simulatorSaid;
    QString errors;
};

Listening listenTo(const Workspace &ws, const QString &device, const QStringList &listenExtra,
                   const QString &simulated, const QStringList &simulatorArgs)
{
    PtyPair line(ws);
    QProcess listener;
    listener.setProcessEnvironment(ws.environment());
    listener.start(cliPath(), QStringList{QStringLiteral("device"), QStringLiteral("listen"), device,
                                          QStringLiteral("serial:") + line.a, QStringLiteral("--seconds"),
                                          QStringLiteral("4")} +
                                  listenExtra);
    REQUIRE(listener.waitForStarted(5000));
    QThread::msleep(300); // its end open before the device speaks
    QProcess simulator;
    simulator.setProcessEnvironment(ws.environment());
    simulator.start(cliPath(), QStringList{QStringLiteral("simulate-device"), simulated, QStringLiteral("--port"), line.b,
                                           QStringLiteral("--seconds"), QStringLiteral("3")} +
                                   simulatorArgs);
    REQUIRE(simulator.waitForStarted(5000));
    REQUIRE(simulator.waitForFinished(10000));
    REQUIRE(listener.waitForFinished(10000));
    CHECK(listener.exitCode() == 0);
    Listening l;
    auto lines = [](const QByteArray &out) {
        QList<QJsonObject> objects;
        for (const QByteArray &text : out.split('\n'))
            if (!text.trimmed().isEmpty())
                objects << QJsonDocument::fromJson(text).object();
        return objects;
    };
    l.heard = lines(listener.readAllStandardOutput());
    l.simulatorSaid = lines(simulator.readAllStandardOutput());
    l.errors = QString::fromUtf8(listener.readAllStandardError());
    return l;
}

QStringList field(const QList<QJsonObject> &objects, const QString &key)
{
    QStringList out;
    for (const QJsonObject &o : objects)
        out << o.value(key).toString();
    return out;
}

} // namespace

TEST_CASE("devices: card swipes in each framing come out of device listen as one JSON line each",
          "[devices][cardreader][pty]")
{
    Workspace ws;
    SECTION("an RFID reader's lines, decimal and hex")
    {
        const Listening l = listenTo(ws, QStringLiteral("--card-reader"), {}, QStringLiteral("card-reader"),
                                     {QStringLiteral("--card"), QStringLiteral("0012345678"), QStringLiteral("--card"),
                                      QStringLiteral("04A1B2C3")});
        INFO(l.errors.toStdString());
        REQUIRE(l.heard.size() == 2);
        CHECK(field(l.heard, QStringLiteral("device")) == QStringList({QStringLiteral("card-reader"), QStringLiteral("card-reader")}));
        CHECK(field(l.heard, QStringLiteral("card")) == QStringList({QStringLiteral("0012345678"), QStringLiteral("04A1B2C3")}));
    }
    SECTION("an EM4100 reader's frames")
    {
        const Listening l = listenTo(ws, QStringLiteral("--card-reader"), {}, QStringLiteral("card-reader"),
                                     {QStringLiteral("--framing"), QStringLiteral("frame"), QStringLiteral("--card"),
                                      QStringLiteral("0012345678")});
        REQUIRE(l.heard.size() == 1);
        CHECK(l.heard[0].value(QStringLiteral("card")).toString() == QStringLiteral("0012345678"));
        CHECK(l.heard[0].value(QStringLiteral("framing")).toString() == QStringLiteral("frame"));
    }
    SECTION("a magnetic stripe with both tracks and their LRC")
    {
        const Listening l = listenTo(ws, QStringLiteral("--card-reader"), {QStringLiteral("--track-lrc")},
                                     QStringLiteral("card-reader"),
                                     {QStringLiteral("--framing"), QStringLiteral("track"), QStringLiteral("--track-lrc"),
                                      QStringLiteral("--name"), QStringLiteral("ZHANG/XIAOMEI"), QStringLiteral("--card"),
                                      QStringLiteral("6221880012345678")});
        REQUIRE(l.heard.size() == 1);
        CHECK(l.heard[0].value(QStringLiteral("card")).toString() == QStringLiteral("6221880012345678"));
        CHECK(l.heard[0].value(QStringLiteral("name")).toString() == QStringLiteral("ZHANG/XIAOMEI"));
    }
}

TEST_CASE("devices: calls from a caller-ID modem or box come out of device listen with their number",
          "[devices][callerid][pty]")
{
    Workspace ws;
    SECTION("a modem told AT+VCID=1 reports formatted calls, a withheld one among them")
    {
        const Listening l = listenTo(ws, QStringLiteral("--caller-id"),
                                     {QStringLiteral("--caller-id-setup"), QStringLiteral("AT+VCID=1")},
                                     QStringLiteral("caller-id"),
                                     {QStringLiteral("--number"), QStringLiteral("13800138000"), QStringLiteral("--number"),
                                      QStringLiteral("P")});
        INFO(l.errors.toStdString());
        // The modem heard the set-up command.
        REQUIRE_FALSE(l.simulatorSaid.isEmpty());
        CHECK(l.simulatorSaid[0].value(QStringLiteral("text")).toString() == QStringLiteral("AT+VCID=1"));
        REQUIRE(l.heard.size() == 2);
        CHECK(l.heard[0].value(QStringLiteral("device")).toString() == QStringLiteral("caller-id"));
        CHECK(l.heard[0].value(QStringLiteral("number")).toString() == QStringLiteral("13800138000"));
        CHECK(QDateTime::fromString(l.heard[0].value(QStringLiteral("time")).toString(), Qt::ISODate).isValid());
        CHECK(l.heard[0].value(QStringLiteral("reported")).toString().size() == 8);
        CHECK(l.heard[1].value(QStringLiteral("number")).toString().isEmpty());
        CHECK(l.heard[1].value(QStringLiteral("withheld")).toString() == QStringLiteral("private"));
    }
    SECTION("MDMF and SDMF as hex, and a box that sends the bare number")
    {
        for (const QString &form : {QStringLiteral("mdmf"), QStringLiteral("sdmf"), QStringLiteral("bare")}) {
            const Listening l = listenTo(ws, QStringLiteral("--caller-id"), {}, QStringLiteral("caller-id"),
                                         {QStringLiteral("--form"), form, QStringLiteral("--number"),
                                          QStringLiteral("02158886688")});
            INFO(form.toStdString() << ": " << l.errors.toStdString());
            REQUIRE(l.heard.size() == 1);
            CHECK(l.heard[0].value(QStringLiteral("number")).toString() == QStringLiteral("02158886688"));
        }
    }
}

TEST_CASE("devices: the customer display test reaches the display simulator as lamps and numbers, or two lines",
          "[devices][display][pty]")
{
    Workspace ws;
    for (const QString &kind : {QStringLiteral("led"), QStringLiteral("vfd")}) {
        PtyPair line(ws);
        QProcess display;
        display.setProcessEnvironment(ws.environment());
        display.start(cliPath(), {QStringLiteral("simulate-device"), QStringLiteral("display"), QStringLiteral("--port"),
                                  line.b, QStringLiteral("--kind"), kind, QStringLiteral("--seconds"), QStringLiteral("5")});
        REQUIRE(display.waitForStarted(5000));
        QThread::msleep(300);
        const CliRun test = ws.run({QStringLiteral("device"), QStringLiteral("test"), QStringLiteral("display"),
                                    QStringLiteral("serial:") + line.a, QStringLiteral("--kind"), kind});
        INFO(kind.toStdString() << ": " << test.err.toStdString());
        REQUIRE(test.exitCode == 0);
        QThread::msleep(300);
        display.kill();
        display.waitForFinished(3000);
        QList<QJsonObject> shown;
        for (const QByteArray &text : display.readAllStandardOutput().split('\n'))
            if (!text.trimmed().isEmpty())
                shown << QJsonDocument::fromJson(text).object();
        REQUIRE(shown.size() == 5); // welcome, price, total, paid, change
        if (kind == QLatin1String("led")) {
            CHECK(field(shown, QStringLiteral("lamp")) ==
                  QStringList({QStringLiteral("none"), QStringLiteral("price"), QStringLiteral("total"),
                               QStringLiteral("paid"), QStringLiteral("change")}));
            CHECK(field(shown, QStringLiteral("number")) ==
                  QStringList({QString(), QStringLiteral("69.90"), QStringLiteral("88.80"), QStringLiteral("100.00"),
                               QStringLiteral("11.20")}));
        } else {
            CHECK(shown[0].value(QStringLiteral("line1")).toString() == QStringLiteral("汇客收银 欢迎光临"));
            CHECK(shown[1].value(QStringLiteral("line1")).toString() == QStringLiteral("金龙鱼调和油 5升"));
            CHECK(shown[4].value(QStringLiteral("line2")).toString() == QStringLiteral("￥11.20"));
        }
    }
}
