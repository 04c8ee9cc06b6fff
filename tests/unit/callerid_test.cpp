// The caller-ID codec from byte samples of what boxes and modems send: AT+VCID=1 formatted reports
// (spaces or none around "=", RING between, the name before or after the number), the unformatted
// MDMF and SDMF messages as hex with their checksum, the bare number; withheld numbers.

#include "callerid/callerid.h"

#include <catch2/catch.hpp>

using namespace huike;
using W = IncomingCall::Withheld;

TEST_CASE("a modem's formatted report: DATE, TIME, NMBR and NAME with RING between", "[callerid]")
{
    CallerIdDecoder d;
    auto got = d.feed("RING\r\n\r\nDATE = 1122\r\nTIME = 1034\r\nNMBR = 13800138000\r\nNAME = ZHANG SAN\r\n\r\nRING\r\n");
    REQUIRE(got.size() == 1);
    CHECK(got[0] == IncomingCall{QStringLiteral("13800138000"), W::No, QStringLiteral("ZHANG SAN"), QStringLiteral("11221034")});
    // No spaces, no name: the call is complete at the next RING.
    got = d.feed("DATE=1201\r\nTIME=0905\r\nNMBR=02158886688\r\n");
    CHECK(got.isEmpty());
    got = d.feed("RING\r\n");
    REQUIRE(got.size() == 1);
    CHECK(got[0].number == QStringLiteral("02158886688"));
    CHECK(got[0].reportedAt == QStringLiteral("12010905"));
    // Withheld: P and O.
    got = d.feed("DATE = 1201\r\nTIME = 0906\r\nNMBR = P\r\n\r\n");
    REQUIRE(got.size() == 1);
    CHECK(got[0].withheld == W::Private);
    CHECK(got[0].number.isEmpty());
    got = d.feed("NMBR = O\r\n");
    got += d.flush();
    REQUIRE(got.size() == 1);
    CHECK(got[0].withheld == W::Unavailable);
    // The name first, then the number.
    got = d.feed("TIME = 1100\r\nNAME = LI\r\nNMBR = 13912345678\r\n\r\n");
    REQUIRE(got.size() == 1);
    CHECK(got[0].name == QStringLiteral("LI"));
    CHECK(got[0].number == QStringLiteral("13912345678"));
}

TEST_CASE("the unformatted MDMF and SDMF messages as hex, checksum verified", "[callerid]")
{
    const IncomingCall call{QStringLiteral("13800138000"), W::No, QStringLiteral("张晓梅"), QStringLiteral("11221034")};
    CallerIdDecoder d;
    auto got = d.feed(encodeCall(CallerIdConfig::Form::Hex, call));
    REQUIRE(got.size() == 1);
    CHECK(got[0] == call);
    got = d.feed(encodeCall(CallerIdConfig::Form::Hex, call, true));
    REQUIRE(got.size() == 1);
    CHECK(got[0].number == call.number);
    CHECK(got[0].reportedAt == call.reportedAt);
    // A sample as a Bellcore modem prints it: SDMF, 12-02 09:30, 5551234567.
    // 04 12 3132303230393330 35353531323334353637 + checksum
    QByteArray sdmf = QByteArray::fromHex("0412313230323039333035353531323334353637");
    unsigned sum = 0;
    for (char b : sdmf)
        sum += static_cast<unsigned char>(b);
    sdmf += static_cast<char>((0x100 - (sum & 0xff)) & 0xff);
    got = d.feed(sdmf.toHex() + "\r\n");
    REQUIRE(got.size() == 1);
    CHECK(got[0].number == QStringLiteral("5551234567"));
    CHECK(got[0].reportedAt == QStringLiteral("12020930"));
    // One bit wrong: the checksum says so, and there is no call.
    QByteArray bad = sdmf;
    bad[5] = static_cast<char>(bad[5] ^ 0x01);
    CHECK(d.feed(bad.toHex() + "\r\n").isEmpty());
    CHECK(d.rejected() == 1);
    // MDMF with the number withheld (reason P).
    const IncomingCall hidden{{}, W::Private, {}, QStringLiteral("11221035")};
    got = d.feed(encodeCall(CallerIdConfig::Form::Hex, hidden));
    REQUIRE(got.size() == 1);
    CHECK(got[0].withheld == W::Private);
}

TEST_CASE("boxes that send the bare number, and lines that are no call", "[callerid]")
{
    CallerIdDecoder d;
    auto got = d.feed("13800138000\r\n+8613912345678\n0451123456\r\nP\r\n");
    REQUIRE(got.size() == 4);
    CHECK(got[0].number == QStringLiteral("13800138000"));
    CHECK(got[1].number == QStringLiteral("+8613912345678"));
    CHECK(got[2].number == QStringLiteral("0451123456")); // even length, not taken for a hex message
    CHECK(got[3].withheld == W::Private);
    // Modem chatter is no call and no problem; garbage is counted.
    CHECK(d.feed("OK\r\nAT+VCID=1\r\nRING\r\n").isEmpty());
    CHECK(d.rejected() == 0);
    CHECK(d.feed("\x01\x02zz9\r\n").isEmpty());
    CHECK(d.rejected() == 1);
    // A line longer than any call is dropped whole.
    CHECK(d.feed(QByteArray(2000, '1') + "\r\n13800138000\r\n").size() == 1);
    // Byte by byte, the same calls.
    CallerIdDecoder e;
    QList<IncomingCall> pieces;
    for (char c : encodeCall(CallerIdConfig::Form::Formatted, IncomingCall{QStringLiteral("13800138000"), W::No, {}, QStringLiteral("11221034")}))
        pieces += e.feed(QByteArray(1, c));
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0].reportedAt == QStringLiteral("11221034"));
}
