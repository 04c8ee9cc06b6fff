// What a cashier types for a discount or a multiplier, as the engine reads it.

#include "sales/counterinput.h"
#include "testsupport.h"

using huike::parseOrderDiscount;
using huike::parseZhe;
using huike::splitMultiplier;
using huike::test::fen;

TEST_CASE("折 as cashiers type it", "[counterinput]")
{
    CHECK(*parseZhe(QStringLiteral("9")) == 900);
    CHECK(*parseZhe(QStringLiteral("8.5")) == 850);
    CHECK(*parseZhe(QStringLiteral("8.55")) == 855);
    CHECK(*parseZhe(QStringLiteral(" 8.5折 ")) == 850);
    CHECK(*parseZhe(QStringLiteral("85")) == 850); // a percentage
    CHECK(*parseZhe(QStringLiteral("95")) == 950);
    CHECK(*parseZhe(QString()) == 1000);           // none
    CHECK(*parseZhe(QStringLiteral("10")) == 1000);
    CHECK(*parseZhe(QStringLiteral("100")) == 1000);
}

TEST_CASE("a 折 that would be truncated or means nothing is refused", "[counterinput]")
{
    for (const char *bad : {"8.555", "0", "0.5", "00", "-9", "9.", ".5", "8,5", "101", "85.5", "abc", "9折9"}) {
        INFO(bad);
        const auto r = parseZhe(QString::fromUtf8(bad));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == huike::ErrorCode::Invalid);
        CHECK(r.error().message.contains(QString::fromUtf8(bad).trimmed()));
    }
}

TEST_CASE("an order discount is 折 or an amount off", "[counterinput]")
{
    const auto rate = parseOrderDiscount(QStringLiteral("9"));
    REQUIRE(rate);
    CHECK(rate->permille == 900);
    CHECK(rate->amount == fen(0));
    const auto off = parseOrderDiscount(QStringLiteral("-20.5"));
    REQUIRE(off);
    CHECK(off->permille == 1000);
    CHECK(off->amount == fen(2050));
    CHECK_FALSE(parseOrderDiscount(QStringLiteral("-0")));
    CHECK_FALSE(parseOrderDiscount(QStringLiteral("-20.555")));
    CHECK_FALSE(parseOrderDiscount(QStringLiteral("-")));
    CHECK_FALSE(parseOrderDiscount(QStringLiteral("8.555")));
}

TEST_CASE("3*code multiplies, and a bad multiplier is refused", "[counterinput]")
{
    auto m = splitMultiplier(QStringLiteral("3*6901234567892"));
    REQUIRE(m);
    CHECK(m->quantityMilli == 3000);
    CHECK(m->code == QStringLiteral("6901234567892"));

    m = splitMultiplier(QStringLiteral(" 0.5 * 200001 "));
    REQUIRE(m);
    CHECK(m->quantityMilli == 500);
    CHECK(m->code == QStringLiteral("200001"));

    m = splitMultiplier(QStringLiteral("12*")); // the scan comes next
    REQUIRE(m);
    CHECK(m->quantityMilli == 12000);
    CHECK(m->code.isEmpty());

    m = splitMultiplier(QStringLiteral("6901234567892"));
    REQUIRE(m);
    CHECK_FALSE(m->quantityMilli);
    CHECK(m->code == QStringLiteral("6901234567892"));

    for (const char *bad : {"0*6901234567892", "*6901234567892", "1.2345*x", "-1*x", "100000*x", "2*3*x", "a*x"}) {
        INFO(bad);
        CHECK_FALSE(splitMultiplier(QString::fromUtf8(bad)));
    }
}

TEST_CASE("a discount shown back reads as it was typed", "[counterinput]")
{
    CHECK(huike::formatZhe(850) == QStringLiteral("8.5"));
    CHECK(huike::formatZhe(855) == QStringLiteral("8.55"));
    CHECK(huike::formatZhe(900) == QStringLiteral("9"));
    CHECK(huike::formatZhe(1000).isEmpty());
    for (qint64 p = 100; p < 1000; ++p)
        CHECK(*parseZhe(huike::formatZhe(p)) == p);
}
