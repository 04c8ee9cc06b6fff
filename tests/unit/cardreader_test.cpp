// The card reader codec from byte samples of each framing: RFID line readers (decimal and hex UIDs),
// EM4100 STX/ETX frames with their checksum, magnetic stripes with sentinels and LRC; garbage and
// misreads dropped and counted; any piece at a time; the keyboard-wedge pattern.

#include "cardreader/cardreader.h"

#include <catch2/catch.hpp>

using namespace huike;
using F = CardSwipe::Framing;

namespace {

QList<CardSwipe> byteByByte(CardReaderDecoder &d, const QByteArray &bytes)
{
    QList<CardSwipe> out;
    for (char c : bytes)
        out += d.feed(QByteArray(1, c));
    return out;
}

} // namespace

TEST_CASE("RFID readers send the card's number as a line, decimal or hex", "[cardreader]")
{
    CardReaderDecoder d;
    auto got = d.feed("0012345678\r\n04a1b2c3\r");
    REQUIRE(got.size() == 2);
    CHECK(got[0] == CardSwipe{F::Line, QStringLiteral("0012345678"), {}});
    CHECK(got[1].card == QStringLiteral("04A1B2C3")); // hex as sent, upper case
    // LF alone ends a line too; a blank line is nothing.
    CHECK(d.feed("\n\n").isEmpty());
    got = d.feed("87654321\n");
    REQUIRE(got.size() == 1);
    CHECK(got[0].card == QStringLiteral("87654321"));
    // Noise, a word, a too-short number: dropped and counted, the next card still read.
    got = d.feed("\x7f\xff" "12\r\nHELLO WORLD\r\n0099887766\r\n");
    REQUIRE(got.size() == 1);
    CHECK(got[0].card == QStringLiteral("0099887766"));
    CHECK(d.rejected() == 2);
    // The same bytes one at a time give the same cards.
    CardReaderDecoder e;
    CHECK(byteByByte(e, "0012345678\r\n04a1b2c3\r").size() == 2);
    // A line with no end is read when the line goes quiet.
    CHECK(e.feed("5566778899").isEmpty());
    const auto flushed = e.flush();
    REQUIRE(flushed.size() == 1);
    CHECK(flushed[0].card == QStringLiteral("5566778899"));
}

TEST_CASE("EM4100 readers send STX, ten hex digits and a checksum, ETX: the card as its face prints it",
          "[cardreader]")
{
    // Tag 0x00BC614E = 12345678 (version 0x3E): checksum 3E^00^BC^61^4E = 0xAD.
    const QByteArray frame = QByteArray("\x02") + "3E00BC614EAD" + "\x03";
    CardReaderDecoder d;
    auto got = d.feed(frame);
    REQUIRE(got.size() == 1);
    CHECK(got[0] == CardSwipe{F::Frame, QStringLiteral("0012345678"), {}});
    // CR LF before ETX (ID-12 style), split anywhere.
    CardReaderDecoder e;
    got = byteByByte(e, QByteArray("\x02") + "3E00BC614EAD\r\n" + "\x03");
    REQUIRE(got.size() == 1);
    CHECK(got[0].card == QStringLiteral("0012345678"));
    // A wrong checksum is a misread: no card.
    CHECK(d.feed(QByteArray("\x02") + "3E00BC614EAE" + "\x03").isEmpty());
    CHECK(d.rejected() == 1);
    CHECK_FALSE(d.lastProblem().isEmpty());
    // A frame cut off by the next one: the second is read.
    got = d.feed(QByteArray("\x02") + "3E00" + "\x02" + "3E00BC614EAD" + "\x03");
    REQUIRE(got.size() == 1);
    // What the simulator sends decodes to the same card.
    CHECK(d.feed(encodeCardSwipe(F::Frame, QStringLiteral("4294967295"))).value(0).card == QStringLiteral("4294967295"));
    CHECK(encodeCardSwipe(F::Frame, QStringLiteral("4294967296")).isEmpty());
}

TEST_CASE("magnetic stripes: track 1 and 2 with sentinels, the number and the holder, LRC checked", "[cardreader]")
{
    CardReaderDecoder d;
    // One swipe, both tracks, then CR: one card, named.
    auto got = d.feed("%B6221880012345678^ZHANG/XIAOMEI^2612101?;6221880012345678=2612101?\r");
    REQUIRE(got.size() == 1);
    CHECK(got[0] == CardSwipe{F::Track, QStringLiteral("6221880012345678"), QStringLiteral("ZHANG/XIAOMEI")});
    // A member card with track 2 alone, no CR: complete when the line goes quiet.
    CHECK(d.feed(";88001234?").isEmpty());
    got = d.flush();
    REQUIRE(got.size() == 1);
    CHECK(got[0].card == QStringLiteral("88001234"));
    // Track 2 then track 2 again is two swipes.
    got = d.feed(";11112222?;33334444?\r");
    REQUIRE(got.size() == 2);
    CHECK(got[1].card == QStringLiteral("33334444"));
    // A character no stripe holds: a misread.
    CHECK(d.feed(";1111\x01" "2222?\r").isEmpty());
    CHECK(d.rejected() == 1);

    CardReaderConfig withLrc;
    withLrc.trackLrc = true;
    CardReaderDecoder l(withLrc);
    const QByteArray good = encodeCardSwipe(F::Track, QStringLiteral("88001234"), QStringLiteral("Li Lei"), true);
    got = l.feed(good);
    REQUIRE(got.size() == 1);
    CHECK(got[0].card == QStringLiteral("88001234"));
    CHECK(got[0].holderName == QStringLiteral("LI LEI"));
    // ;88001234? : LRC over 0xB,8,8,0,0,1,2,3,4,0xF = 0 -> "0"
    CHECK(l.feed(";88001234?0\r").size() == 1);
    CHECK(l.feed(";88001234?1\r").isEmpty());
    CHECK(l.rejected() == 1);
    // Byte by byte, the same.
    CardReaderDecoder m(withLrc);
    CHECK(byteByByte(m, good).size() == 1);
}

TEST_CASE("a reader set to one framing ignores the others", "[cardreader]")
{
    CardReaderConfig lineOnly;
    lineOnly.framing = CardReaderConfig::Framing::Line;
    CardReaderDecoder d(lineOnly);
    CHECK(d.feed(";88001234?\r").isEmpty());
    CHECK(d.feed("0012345678\r").size() == 1);
}

TEST_CASE("a keyboard-wedge swipe is told from a barcode by the shop's card pattern", "[cardreader]")
{
    CHECK(looksLikeCard(QStringLiteral("0012345678"), QStringLiteral("\\d{10}")));
    CHECK_FALSE(looksLikeCard(QStringLiteral("6901234567892"), QStringLiteral("\\d{10}"))); // an EAN-13
    CHECK(looksLikeCard(QStringLiteral("HK000123"), QStringLiteral("HK\\d{6}")));
    CHECK_FALSE(looksLikeCard(QStringLiteral("0012345678"), QString()));
    CHECK_FALSE(looksLikeCard(QStringLiteral("0012345678"), QStringLiteral("(")));
}
