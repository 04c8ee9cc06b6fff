// ESC/POS: a receipt laid out for 58 or 80 mm paper becomes the bytes a Chinese thermal printer
// takes (GB18030 text, the total in double size, CODE128, QR, cut, drawer kick), and the decoder a
// printer simulator uses reads them back exactly; status answers (DLE EOT) read both ways.

#include "core/csv.h"
#include "core/printlayout.h"
#include "printer/escpos.h"
#include "transport/devicespec.h"

#include <catch2/catch.hpp>

using namespace huike;

namespace {

QList<EscPosEvent> decode(const QByteArray &bytes)
{
    EscPosDecoder d;
    return d.feed(bytes);
}

QStringList texts(const QList<EscPosEvent> &events)
{
    QStringList out;
    for (const EscPosEvent &e : events)
        if (e.kind == EscPosEvent::Kind::Text)
            out << e.text;
    return out;
}

} // namespace

TEST_CASE("a receipt layout in ESC/POS: Chinese in GB18030 after FS &, the total double size, barcode, QR, "
          "cut, read back by the printer's side as laid out",
          "[devices][escpos]")
{
    PrintLayout t(32);
    t.center(QStringLiteral("老王小卖部"));
    t.rule();
    t.line(QStringLiteral("金龙鱼调和油 5升"));
    t.columns({QStringLiteral("  2"), QStringLiteral("69.90"), QStringLiteral("139.80")}, {13, 9, 10});
    t.largePair(QStringLiteral("合计"), QStringLiteral("¥139.80"));
    t.barcode(QStringLiteral("S01-20261207-0001"));
    t.qrCode(QStringLiteral("https://huike.example/join?s=S01"));
    t.feed(3);
    t.cut();
    const QByteArray bytes = encodeEscPos(t, EscPosProfile{});
    CHECK(bytes.startsWith(QByteArray("\x1b\x40\x1c\x26", 4))); // ESC @, then FS &
    CHECK(bytes.contains(encodeGb18030(QStringLiteral("金龙鱼调和油 5升")) + '\n'));
    CHECK(bytes.contains(QByteArray("\x1d\x21\x11", 3)));       // GS ! double width and height
    CHECK(bytes.contains(encodeGb18030(QStringLiteral("￥"))));  // ¥ is not in GBK: its full-width form
    CHECK(bytes.contains(QByteArray("\x1d\x56\x42\x00", 4)));   // GS V: feed and cut

    const QList<EscPosEvent> events = decode(bytes);
    const QStringList lines = texts(events);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == t.items()[0].text);
    CHECK(lines[2] == QStringLiteral("金龙鱼调和油 5升"));
    CHECK(lines[3] == QStringLiteral("  2              69.90    139.80"));
    // The total over half the columns (each character printed twice as wide), in large type.
    const EscPosEvent &total = events[4];
    CHECK(total.large);
    CHECK(total.text == QStringLiteral("合计    ￥139.80"));
    CHECK(PrintLayout::width(total.text) == 16);
    bool barcode = false, qr = false, cut = false;
    for (const EscPosEvent &e : events) {
        barcode = barcode || (e.kind == EscPosEvent::Kind::Barcode && e.text == QStringLiteral("S01-20261207-0001"));
        qr = qr || (e.kind == EscPosEvent::Kind::QrCode && e.text == QStringLiteral("https://huike.example/join?s=S01"));
        cut = cut || e.kind == EscPosEvent::Kind::Cut;
    }
    CHECK(barcode);
    CHECK(qr);
    CHECK(cut);
    CHECK(events.last().kind == EscPosEvent::Kind::Cut);

    // Fed a byte at a time, as a slow serial line delivers it: the same.
    EscPosDecoder slow;
    QList<EscPosEvent> trickled;
    for (char c : bytes)
        trickled += slow.feed(QByteArray(1, c));
    CHECK(trickled == events);

    // 80 mm paper: 48 columns; no FS & for a printer that takes GB18030 as it is.
    PrintLayout wide(48);
    wide.pair(QStringLiteral("应收"), QStringLiteral("12.50"));
    EscPosProfile noMode;
    noMode.columns = 48;
    noMode.chineseMode = false;
    const QByteArray plain = encodeEscPos(wide, noMode);
    CHECK_FALSE(plain.contains(QByteArray("\x1c\x26", 2)));
    CHECK(texts(decode(plain)) == QStringList{QStringLiteral("应收") + QString(39, QLatin1Char(' ')) +
                                              QStringLiteral("12.50")});
}

TEST_CASE("ESC/POS text: a character the printer has no two-byte code for prints as ?, never as four bytes "
          "it would read as two wrong characters",
          "[devices][escpos]")
{
    PrintLayout t(32);
    t.line(QStringLiteral("吉𠮷野家 牛丼"));
    const QList<EscPosEvent> events = decode(encodeEscPos(t, EscPosProfile{}));
    CHECK(texts(events) == QStringList{QStringLiteral("吉?野家 牛丼")});
}

TEST_CASE("ESC/POS drawer kick and the printer's status answers", "[devices][escpos]")
{
    CHECK(escPosDrawerKick() == QByteArray("\x1b\x70\x00\x19\xfa", 5));
    const QList<EscPosEvent> kick = decode(escPosDrawerKick());
    REQUIRE(kick.size() == 1);
    CHECK(kick[0].kind == EscPosEvent::Kind::Kick);
    CHECK(escPosStatusQuery(4) == QByteArray("\x10\x04\x04", 3));

    // Each state answered by the printer's side reads back as that state.
    PrinterStatus ok, paperOut, coverOpen, offline, low;
    paperOut.paperOut = true;
    coverOpen.coverOpen = true;
    offline.online = false;
    low.paperLow = true;
    for (const PrinterStatus &s : {ok, paperOut, coverOpen, offline, low}) {
        auto back = decodeEscPosStatus(escPosStatusByte(1, s), escPosStatusByte(2, s), escPosStatusByte(4, s));
        REQUIRE(back);
        CHECK(*back == s);
    }
    CHECK(ok.ok());
    CHECK(low.ok()); // it still prints
    CHECK_FALSE(paperOut.ok());
    CHECK_FALSE(coverOpen.ok());
    CHECK_FALSE(offline.ok());
    // Bytes from real printers: 0x12 (fine), 0x72 in the paper answer (no paper), 0x16 (cover).
    CHECK(decodeEscPosStatus(0x12, 0x12, 0x72)->paperOut);
    CHECK(decodeEscPosStatus(0x12, 0x16, 0x12)->coverOpen);
    CHECK_FALSE(decodeEscPosStatus(0x1A, 0x12, 0x12)->online);
    // No status answer (noise, or a printer echoing): none.
    CHECK_FALSE(decodeEscPosStatus(0xFF, 0x12, 0x12));
    CHECK_FALSE(decodeEscPosStatus(0x12, 0x00, 0x12));
}

TEST_CASE("the ESC/POS decoder skips garbage and waits for a command split across reads", "[devices][escpos]")
{
    EscPosDecoder d;
    CHECK(d.feed(QByteArray("\x1d\x6b\x49\x05{B", 6)).isEmpty()); // a barcode, three bytes short
    const QList<EscPosEvent> rest = d.feed(QByteArray("123\n", 4));
    REQUIRE(rest.size() >= 1);
    CHECK(rest[0].kind == EscPosEvent::Kind::Barcode);
    CHECK(rest[0].text == QStringLiteral("123"));
    // A logo header claiming 16 MB: skipped, not allocated.
    EscPosDecoder big;
    const auto events = big.feed(QByteArray("\x1d\x76\x30\x00\xff\xff\xff\x00", 8) + "ok\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0].text == QStringLiteral("ok"));
}

TEST_CASE("device specs as a shop types them: serial, tcp, usb, file, with their defaults and their "
          "mistakes said",
          "[devices][spec]")
{
    auto s = parseDeviceSpec(QStringLiteral("serial:/dev/ttyUSB0:9600"));
    REQUIRE(s);
    CHECK(s->kind == DeviceSpec::Kind::Serial);
    CHECK(s->path == QStringLiteral("/dev/ttyUSB0"));
    CHECK(s->baud == 9600);
    CHECK(s->toString() == QStringLiteral("serial:/dev/ttyUSB0:9600:8N1"));
    s = parseDeviceSpec(QStringLiteral("serial:/dev/ttyS1:19200:7E1:rtscts"));
    REQUIRE(s);
    CHECK(s->dataBits == 7);
    CHECK(s->parity == 'E');
    CHECK(s->flow == DeviceSpec::Flow::RtsCts);
    CHECK(parseDeviceSpec(QStringLiteral("serial:/dev/ttyUSB0"))->baud == 9600);
    s = parseDeviceSpec(QStringLiteral("tcp:192.168.1.50"));
    REQUIRE(s);
    CHECK(s->host == QStringLiteral("192.168.1.50"));
    CHECK(s->port == 9100);
    CHECK(parseDeviceSpec(QStringLiteral("tcp:printer.local:9101"))->port == 9101);
    CHECK(parseDeviceSpec(QStringLiteral("usb:/dev/usb/lp0"))->kind == DeviceSpec::Kind::Usb);
    CHECK(parseDeviceSpec(QStringLiteral("file:/tmp/out.bin"))->path == QStringLiteral("/tmp/out.bin"));
    CHECK_FALSE(parseDeviceSpec(QStringLiteral("file:/tmp/out.bin"))->canRead());
    for (const char *bad : {"", "/dev/ttyUSB0", "serial:", "serial:/dev/ttyUSB0:9601", "serial:/dev/x:9600:9N1",
                            "serial:/dev/x:9600:8N1:dtr", "tcp:", "tcp:host:0", "tcp:host:99999", "lpt:1",
                            "usb:"}) {
        QString why;
        INFO(bad);
        CHECK_FALSE(parseDeviceSpec(QString::fromLatin1(bad), &why));
        CHECK_FALSE(why.isEmpty());
    }
}
