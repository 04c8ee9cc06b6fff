// The customer display codec from byte samples: the 8-digit LED's lamps and numbers (ESC s n, ESC Q
// A ... CR, CLR), the 2 x 20 VFD's two lines in GB18030 with Chinese in two cells; the display's
// side decodes what the till sends, in any pieces; garbage is skipped.

#include "display/customerdisplay.h"

#include <catch2/catch.hpp>

using namespace huike;
using W = DisplayShow::What;

TEST_CASE("an LED price display: the lamp under the number and the number", "[display]")
{
    DisplayShow price{W::Price, Money::fromFen(1250), QStringLiteral("可口可乐"), Money::fromFen(5290)};
    CHECK(encodeDisplay(DisplayKind::Led, price) == QByteArray("\x1b@\x1bs1\x1bQA12.50\r"));
    DisplayShow change{W::Change, Money::fromFen(1120), {}, {}};
    CHECK(encodeDisplay(DisplayKind::Led, change) == QByteArray("\x1b@\x1bs4\x1bQA11.20\r"));
    CHECK(ledDigits(Money::fromFen(99999999)) == QByteArray("999999.99"));
    CHECK(ledDigits(Money::fromFen(100000000)) == QByteArray("--------")); // nine digits do not fit
    CHECK(ledDigits(Money::fromFen(-300)) == QByteArray("-3.00"));

    CustomerDisplayDecoder d(DisplayKind::Led);
    auto got = d.feed(encodeDisplay(DisplayKind::Led, price) + encodeDisplay(DisplayKind::Led, change));
    REQUIRE(got.size() == 2);
    CHECK(got[0] == DisplayState{1, QStringLiteral("12.50"), {}, {}});
    CHECK(got[1].lamp == 4);
    CHECK(got[1].number == QStringLiteral("11.20"));
    // The welcome blanks it.
    got = d.feed(encodeDisplay(DisplayKind::Led, DisplayShow{}));
    REQUIRE(got.size() == 1);
    CHECK(got[0].lamp == 0);
    CHECK(got[0].number.isEmpty());
    // One byte at a time, with noise between: the same.
    CustomerDisplayDecoder e(DisplayKind::Led);
    QList<DisplayState> pieces;
    for (char c : QByteArray("\xff\x01") + encodeDisplay(DisplayKind::Led, price))
        pieces += e.feed(QByteArray(1, c));
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0].number == QStringLiteral("12.50"));
    // Not a number: dropped.
    CHECK(e.feed("\x1bQA12x\r").isEmpty());
}

TEST_CASE("a 2 x 20 VFD: two lines of twenty cells, Chinese in two", "[display]")
{
    CHECK(vfdLine(QStringLiteral("金龙鱼调和油 5升 特价装促销"), 20) == QStringLiteral("金龙鱼调和油 5升 特 "));
    CHECK(vfdLine(QStringLiteral("ABC"), 5) == QStringLiteral("ABC  "));
    DisplayShow price{W::Price, Money::fromFen(6990), QStringLiteral("金龙鱼调和油 5升"), Money::fromFen(8880)};
    const QByteArray bytes = encodeDisplay(DisplayKind::Vfd, price);
    CHECK(bytes.size() == 41); // CLR and forty cells
    CustomerDisplayDecoder d(DisplayKind::Vfd);
    auto got = d.feed(bytes);
    REQUIRE(got.size() == 1);
    CHECK(got[0].line1 == QStringLiteral("金龙鱼调和油 5升"));
    CHECK(got[0].line2 == QStringLiteral("单价69.90 合计88.80"));
    got = d.feed(encodeDisplay(DisplayKind::Vfd, DisplayShow{W::Change, Money::fromFen(1120), {}, {}}));
    REQUIRE(got.size() == 1);
    CHECK(got[0].line1 == QStringLiteral("找零 CHANGE"));
    CHECK(got[0].line2 == QStringLiteral("￥11.20"));
    // A character with no cell on the display (four GB18030 bytes) shows as "?".
    got = d.feed(encodeDisplay(DisplayKind::Vfd, DisplayShow{W::Welcome, {}, QStringLiteral("欢迎😀"), {}}));
    REQUIRE(got.size() == 1);
    CHECK(got[0].line1 == QStringLiteral("欢迎??"));
}
