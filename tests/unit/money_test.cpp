// Money: exact fen, one rounding rule (half away from zero), quantities in thousandths.

#include "core/money.h"
#include "sales/pricing.h"
#include "testsupport.h"

#include <limits>
#include <random>

using huike::divRoundHalfUp;
using huike::Int128;
using huike::Money;
using huike::test::fen;

TEST_CASE("Money::parse reads what a shop types and pastes", "[money]")
{
    CHECK(Money::parse(u"12") == fen(1200));
    CHECK(Money::parse(u"12.3") == fen(1230));
    CHECK(Money::parse(u"12.30") == fen(1230));
    CHECK(Money::parse(u"0.05") == fen(5));
    CHECK(Money::parse(u"-0.05") == fen(-5));
    CHECK(Money::parse(u"+3.50") == fen(350));
    CHECK(Money::parse(u".5") == fen(50));
    CHECK(Money::parse(u"5.") == fen(500));
    CHECK(Money::parse(u"  69.90 ") == fen(6990));
    CHECK(Money::parse(u"1,234.50") == fen(123450));
    CHECK(Money::parse(u"1\uFF0C234.50") == fen(123450)); // full-width comma from a Chinese IME
    CHECK(Money::parse(u"\u00A512.00") == fen(1200));     // ¥ (Latin-1 yen sign)
    CHECK(Money::parse(u"\uFFE5 8.50") == fen(850));      // ￥ (full-width, as a Chinese IME types it)
    CHECK(Money::parse(u"\u00A5-5.00") == fen(-500));     // what display() shows for a refund
    CHECK(Money::parse(u"0") == fen(0));
    CHECK(Money::parse(u"999999999999999") == fen(99999999999999900)); // 15 digits: the longest accepted
}

TEST_CASE("Money::parse refuses what is not an amount in yuan", "[money]")
{
    for (const char16_t *bad :
         {u"", u"   ", u"-", u".", u"12.345", u"1.2.3", u"abc", u"12元", u"1e3", u"--5", u"\uFF11\uFF12",
          /* full-width digits */ u"0x10", u"12 .5", u"1.2a", u"9999999999999999"}) {
        INFO("input: " << QString::fromUtf16(bad).toStdString());
        CHECK_FALSE(Money::parse(bad).has_value());
    }
}

TEST_CASE("Money::toString and display", "[money]")
{
    CHECK(fen(0).toString() == QStringLiteral("0.00"));
    CHECK(fen(5).toString() == QStringLiteral("0.05"));
    CHECK(fen(-5).toString() == QStringLiteral("-0.05"));
    CHECK(fen(1230).toString() == QStringLiteral("12.30"));
    CHECK(fen(-100).toString() == QStringLiteral("-1.00"));
    CHECK(fen(123456789).toString() == QStringLiteral("1234567.89"));
    CHECK(fen(6990).display() == QStringLiteral("\u00A569.90"));
    CHECK(fen(-200).display() == QStringLiteral("\u00A5-2.00"));
    CHECK(Money::fromYuan(500) == fen(50000));
}

TEST_CASE("Money round-trips through text", "[money][property]")
{
    std::mt19937_64 rng(20261125);
    std::uniform_int_distribution<qint64> amount(-99'999'999'999'999, 99'999'999'999'999);
    for (int i = 0; i < 5000; ++i) {
        const Money m = fen(i < 200 ? i - 100 : amount(rng));
        INFO(m.fen());
        REQUIRE(Money::parse(m.toString()) == m);
        REQUIRE(Money::parse(m.display()) == m);
    }
}

TEST_CASE("Money arithmetic and ordering", "[money]")
{
    Money a = fen(6990);
    a += fen(200);
    CHECK(a == fen(7190));
    a -= fen(7190);
    CHECK(a.isZero());
    CHECK((-fen(5)).isNegative());
    CHECK(fen(199) < fen(200));
    CHECK(fen(200) - fen(250) == fen(-50));
}

TEST_CASE("divRoundHalfUp rounds half away from zero, the same for refunds", "[money]")
{
    CHECK(divRoundHalfUp(4, 10) == 0);
    CHECK(divRoundHalfUp(5, 10) == 1);
    CHECK(divRoundHalfUp(15, 10) == 2);
    CHECK(divRoundHalfUp(25, 10) == 3); // not banker's rounding
    CHECK(divRoundHalfUp(-4, 10) == 0);
    CHECK(divRoundHalfUp(-5, 10) == -1);
    CHECK(divRoundHalfUp(-15, 10) == -2);
    CHECK(divRoundHalfUp(-25, 10) == -3);
    CHECK(divRoundHalfUp(7, -2) == -4);
    CHECK(divRoundHalfUp(-7, -2) == 4);
    CHECK(divRoundHalfUp(0, 7) == 0);
    CHECK(divRoundHalfUp(1000, 1000) == 1);
    CHECK(divRoundHalfUp(1, 3) == 0);
    CHECK(divRoundHalfUp(2, 3) == 1);
    // Extremes do not overflow: the division works in 128 bits.
    const qint64 max = std::numeric_limits<qint64>::max();
    CHECK(divRoundHalfUp(max, 1) == max);
    CHECK(divRoundHalfUp(max, 2) == max / 2 + 1);
    CHECK(divRoundHalfUp(-max, 2) == -(max / 2 + 1));
    CHECK(divRoundHalfUp(std::numeric_limits<qint64>::min(), 2) == std::numeric_limits<qint64>::min() / 2);
}

TEST_CASE("divRoundHalfUp matches exact arithmetic and is symmetric", "[money][property]")
{
    std::mt19937_64 rng(7);
    for (int i = 0; i < 20000; ++i) {
        const qint64 n = static_cast<qint64>(rng() >> (1 + rng() % 63));
        const qint64 d = static_cast<qint64>((rng() >> (1 + rng() % 62)) | 1) * ((rng() & 1) ? 1 : -1);
        const qint64 sn = (rng() & 1) ? n : -n;
        INFO(sn << " / " << d);
        const qint64 q = divRoundHalfUp(sn, d);
        // |q*d - n| <= |d|/2, and on an exact half the quotient moves away from zero.
        const Int128 err = static_cast<Int128>(q) * d - sn;
        const Int128 absErr2 = (err < 0 ? -err : err) * 2;
        const Int128 absD = d < 0 ? -static_cast<Int128>(d) : static_cast<Int128>(d);
        REQUIRE(absErr2 <= absD);
        if (absErr2 == absD) {
            const bool exactPositive = (sn < 0) == (d < 0);
            REQUIRE((exactPositive ? q > 0 : q < 0));
        }
        REQUIRE(divRoundHalfUp(-sn, d) == -q);
        REQUIRE(divRoundHalfUp(sn, -d) == -q);
    }
}

TEST_CASE("timesMilli prices weighed goods to the fen", "[money]")
{
    // 散装苹果 ¥12.98/kg, 1.235 kg on the scale: 16.0303 -> ¥16.03
    CHECK(fen(1298).timesMilli(1235) == fen(1603));
    // ¥2.50/kg x 1.002 kg = 2.505 -> ¥2.51 (half up)
    CHECK(fen(250).timesMilli(1002) == fen(251));
    CHECK(fen(-250).timesMilli(1002) == fen(-251));
    CHECK(fen(350).timesMilli(3000) == fen(1050));
    CHECK(fen(5800).timesMilli(1) == fen(6)); // one gram of 卤牛肉: 5.8 fen -> 6
    CHECK(fen(5800).timesMilli(0) == fen(0));
}

TEST_CASE("timesPermille applies a discount rate", "[money]")
{
    CHECK(fen(1990).timesPermille(850) == fen(1692)); // 8.5折 of ¥19.90 = 16.915 -> ¥16.92
    CHECK(fen(1000).timesPermille(900) == fen(900));
    CHECK(fen(333).timesPermille(500) == fen(167)); // 166.5 -> 167
    CHECK(fen(-333).timesPermille(500) == fen(-167));
    CHECK(fen(6990).timesPermille(1000) == fen(6990));
    CHECK(fen(6990).timesPermille(0) == fen(0));
}

TEST_CASE("timesMilli does not overflow on a large amount times a large quantity", "[money]")
{
    // Regression (this once happened): Money::timesMilli multiplies fen x quantity in 64 bits before the 128-bit
    // division, so ¥100,000,000,000 x 1,000 units overflows (signed overflow: undefined
    // behaviour). A typed quantity of 99999999.999 on a ¥1,000,000 item does the same.
    //
    CHECK(fen(10'000'000'000'000).timesMilli(1'000'000) == fen(10'000'000'000'000'000));
    CHECK(fen(100'000'000).timesPermille(999) == fen(99'900'000));
    CHECK(fen(100'000'000).timesMilli(99'999'999'999) == fen(9'999'999'999'900'000));
}

TEST_CASE("parseQuantity and formatQuantity", "[money]")
{
    CHECK(huike::parseQuantity(u"1") == 1000);
    CHECK(huike::parseQuantity(u"2") == 2000);
    CHECK(huike::parseQuantity(u"1.235") == 1235);
    CHECK(huike::parseQuantity(u"0.5") == 500);
    CHECK(huike::parseQuantity(u".25") == 250);
    CHECK(huike::parseQuantity(u" 3 ") == 3000);
    CHECK(huike::parseQuantity(u"-1") == -1000);
    for (const char16_t *bad :
         {u"", u"1.2345", u"1,5", u"abc", u"1kg", u"-", u".", u"1234567890123", u"\uFF12"}) {
        INFO("input: " << QString::fromUtf16(bad).toStdString());
        CHECK_FALSE(huike::parseQuantity(bad).has_value());
    }

    CHECK(huike::formatQuantity(1000) == QStringLiteral("1"));
    CHECK(huike::formatQuantity(1235) == QStringLiteral("1.235"));
    CHECK(huike::formatQuantity(1500) == QStringLiteral("1.5"));
    CHECK(huike::formatQuantity(500) == QStringLiteral("0.5"));
    CHECK(huike::formatQuantity(20) == QStringLiteral("0.02"));
    CHECK(huike::formatQuantity(-250) == QStringLiteral("-0.25"));
    CHECK(huike::formatQuantity(0) == QStringLiteral("0"));
    CHECK(huike::formatQuantity(12'000) == QStringLiteral("12"));
}

TEST_CASE("quantities round-trip through text", "[money][property]")
{
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<qint64> q(-9'999'999'999, 9'999'999'999);
    for (int i = 0; i < 5000; ++i) {
        const qint64 v = q(rng);
        INFO(v);
        REQUIRE(huike::parseQuantity(huike::formatQuantity(v)) == v);
    }
}

// --- property tests of the pricing pipeline ------------------------------------------------------

namespace {

huike::CartLine randomLine(std::mt19937 &rng)
{
    huike::CartLine l;
    l.name = QStringLiteral("商品");
    std::uniform_int_distribution<int> kind(0, 9);
    const int k = kind(rng);
    l.listPrice = fen(std::uniform_int_distribution<qint64>(0, 60'000)(rng));
    if (k < 3) {
        l.weighed = true; // weighed goods: thousandths of a kg
        l.quantityMilli = std::uniform_int_distribution<qint64>(1, 5'000)(rng);
    } else {
        l.quantityMilli = 1000 * std::uniform_int_distribution<qint64>(1, 24)(rng);
    }
    if (k == 9) // a price-embedded scale label
        l.fixedAmount = fen(std::uniform_int_distribution<qint64>(1, 99'999)(rng));
    switch (std::uniform_int_distribution<int>(0, 6)(rng)) {
    case 0:
        l.discountPermille = 900;
        break;
    case 1:
        l.discountPermille = 950;
        break;
    case 2:
        l.discountPermille = 880;
        break;
    case 3:
        l.discountPermille = std::uniform_int_distribution<qint64>(0, 1000)(rng);
        break;
    default:
        break;
    }
    if (std::uniform_int_distribution<int>(0, 9)(rng) == 0) // 改价, sometimes above the list price
        l.priceOverride = fen(std::uniform_int_distribution<qint64>(0, 2 * l.listPrice.fen() + 1)(rng));
    return l;
}

} // namespace

TEST_CASE("priceOrder: line amounts always add up to the total, for any cart", "[money][pricing][property]")
{
    using huike::RoundingMode;
    std::mt19937 rng(1125);
    for (int iteration = 0; iteration < 6000; ++iteration) {
        QList<huike::CartLine> lines;
        const int n = std::uniform_int_distribution<int>(1, 12)(rng);
        for (int i = 0; i < n; ++i)
            lines.append(randomLine(rng));
        huike::OrderDiscount od;
        switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
        case 0:
            od.permille = std::uniform_int_distribution<qint64>(0, 999)(rng);
            break;
        case 1:
            od.amount = fen(std::uniform_int_distribution<qint64>(0, 200'000)(rng));
            break; // may exceed the cart
        case 2:
            od.amount = fen(1000);
            break; // 满100减10 style
        default:
            break;
        }
        const RoundingMode mode = static_cast<RoundingMode>(iteration % 3);
        INFO("iteration " << iteration << ", " << n << " lines, rounding " << static_cast<int>(mode));

        const huike::PricedOrder o = huike::priceOrder(lines, od, mode);
        REQUIRE(o.lines.size() == lines.size());
        Money sumAmounts, sumGross, sumAfterLine;
        for (int i = 0; i < o.lines.size(); ++i) {
            const huike::PricedLine &pl = o.lines.at(i);
            INFO("line " << i);
            REQUIRE_FALSE(pl.amount.isNegative());
            REQUIRE_FALSE(pl.orderDiscount.isNegative());
            REQUIRE(pl.gross - pl.lineDiscount - pl.orderDiscount == pl.amount);
            if (lines.at(i).fixedAmount && lines.at(i).discountPermille == 1000)
                REQUIRE(pl.amount + pl.orderDiscount == *lines.at(i).fixedAmount);
            sumAmounts += pl.amount;
            sumGross += pl.gross;
            sumAfterLine += pl.gross - pl.lineDiscount;
        }
        REQUIRE(sumAmounts == o.total);
        REQUIRE(sumGross == o.subtotal);
        REQUIRE(o.subtotal - o.discount - o.rounding == o.total);
        REQUIRE_FALSE(o.total.isNegative());
        REQUIRE_FALSE(o.rounding.isNegative());

        // The order discount is what was asked for, and 抹零 only ever takes off the odd fen/jiao.
        const Money orderOff = o.discount - (sumGross - sumAfterLine);
        if (od.permille != 1000)
            REQUIRE(sumAfterLine - orderOff == fen(divRoundHalfUp(sumAfterLine.fen() * od.permille, 1000)));
        else
            REQUIRE(orderOff == std::min(od.amount, sumAfterLine));
        switch (mode) {
        case RoundingMode::None:
            REQUIRE(o.rounding.isZero());
            break;
        case RoundingMode::ToJiao:
            REQUIRE(o.rounding < fen(10));
            REQUIRE(o.total.fen() % 10 == 0);
            break;
        case RoundingMode::ToYuan:
            REQUIRE(o.rounding < fen(100));
            REQUIRE(o.total.fen() % 100 == 0);
            break;
        }
        // Pure: the same cart prices the same.
        const huike::PricedOrder again = huike::priceOrder(lines, od, mode);
        REQUIRE(again.total == o.total);
        for (int i = 0; i < o.lines.size(); ++i)
            REQUIRE(again.lines.at(i).amount == o.lines.at(i).amount);
    }
}

TEST_CASE("allocateProportionally: parts sum to the total and stay within a fen of fair",
          "[money][pricing][property]")
{
    std::mt19937 rng(99);
    for (int iteration = 0; iteration < 10000; ++iteration) {
        const int n = std::uniform_int_distribution<int>(1, 20)(rng);
        QList<qint64> weights;
        qint64 sum = 0;
        for (int i = 0; i < n; ++i) {
            const qint64 w = std::uniform_int_distribution<int>(0, 4)(rng) == 0
                                 ? 0
                                 : std::uniform_int_distribution<qint64>(1, 1'000'000)(rng);
            weights.append(w);
            sum += w;
        }
        const qint64 total = std::uniform_int_distribution<qint64>(0, 10'000'000)(rng);
        INFO("iteration " << iteration << ", total " << total << ", sum of weights " << sum);
        const QList<qint64> parts = huike::allocateProportionally(total, weights);
        REQUIRE(parts.size() == weights.size());
        qint64 given = 0;
        for (int i = 0; i < n; ++i) {
            given += parts.at(i);
            REQUIRE(parts.at(i) >= 0);
            if (sum > 0) {
                // |part - total*w/sum| < 1
                const Int128 diff =
                    static_cast<Int128>(parts.at(i)) * sum - static_cast<Int128>(total) * weights.at(i);
                REQUIRE((diff < 0 ? -diff : diff) < sum);
                if (weights.at(i) == 0)
                    REQUIRE(parts.at(i) == 0);
            }
        }
        REQUIRE(given == total);
    }
}

TEST_CASE("allocateProportionally: edge cases", "[money][pricing]")
{
    CHECK(huike::allocateProportionally(100, {}).isEmpty());
    CHECK(huike::allocateProportionally(100, {0, 0}) ==
          QList<qint64>{100, 0}); // nothing to weigh by: first takes all
    CHECK(huike::allocateProportionally(0, {5, 7}) == QList<qint64>{0, 0});
    CHECK(huike::allocateProportionally(10, {1, 1, 1}) == QList<qint64>{4, 3, 3}); // tie: the earlier line
    CHECK(huike::allocateProportionally(1000, {6990, 3510}) == QList<qint64>{666, 334});
    // Negative totals still add up exactly.
    const QList<qint64> neg = huike::allocateProportionally(-7, {3, 1, 1});
    CHECK(neg.at(0) + neg.at(1) + neg.at(2) == -7);
}

TEST_CASE("Money::parse does not read a decimal comma as a thousands separator", "[money]")
{
    // Regression (this once happened): every comma is dropped, so "1,23" (a price typed or exported with a decimal
    // comma) reads as ¥123.00, a hundred times too much, and "12,5" as ¥125.00. Thousands
    // separators come in groups of three digits; anything else should be refused.
    CHECK_FALSE(Money::parse(u"1,23").has_value());
    CHECK_FALSE(Money::parse(u"12,5").has_value());
    CHECK(Money::parse(u"1,234.50") == fen(123450));
}
