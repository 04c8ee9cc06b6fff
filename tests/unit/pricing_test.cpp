// Hand-computed carts: each number below was worked out on paper, the way a cashier would check.

#include "sales/pricing.h"
#include "testsupport.h"

using huike::CartLine;
using huike::OrderDiscount;
using huike::priceOrder;
using huike::RoundingMode;
using huike::test::fen;

namespace {
CartLine item(const char *name, qint64 priceFen, qint64 qtyMilli = 1000, qint64 permille = 1000)
{
    CartLine l;
    l.name = QString::fromUtf8(name);
    l.listPrice = fen(priceFen);
    l.quantityMilli = qtyMilli;
    l.discountPermille = permille;
    return l;
}
} // namespace

TEST_CASE("9折 on a line: two bottles of 可口可乐", "[pricing]")
{
    const auto o = priceOrder({item("可口可乐 330毫升", 350, 2000, 900)}, {}, RoundingMode::None);
    REQUIRE(o.lines.size() == 1);
    CHECK(o.lines[0].gross == fen(700));
    CHECK(o.lines[0].unitPrice == fen(315));
    CHECK(o.lines[0].lineDiscount == fen(70));
    CHECK(o.lines[0].orderDiscount == fen(0));
    CHECK(o.lines[0].amount == fen(630));
    CHECK(o.subtotal == fen(700));
    CHECK(o.discount == fen(70));
    CHECK(o.total == fen(630));
}

TEST_CASE("8.8折 on weighed apples", "[pricing]")
{
    // ¥12.98/kg x 1.235 kg = 16.0303 -> 16.03; x 0.88 = 14.1064 -> 14.11
    auto apples = item("散装红富士苹果", 1298, 1235, 880);
    apples.weighed = true;
    const auto o = priceOrder({apples}, {}, RoundingMode::None);
    CHECK(o.lines[0].gross == fen(1603));
    CHECK(o.lines[0].amount == fen(1411));
    CHECK(o.lines[0].lineDiscount == fen(192));
    CHECK(o.lines[0].unitPrice == fen(1142)); // 12.98 x 0.88 = 11.4224
    CHECK(o.total == fen(1411));
}

TEST_CASE("满减: ¥10 off a ¥105 cart is spread over the lines by their amounts", "[pricing]")
{
    OrderDiscount off;
    off.amount = fen(1000);
    const auto o =
        priceOrder({item("金龙鱼调和油 5升", 6990), item("伊利纯牛奶 整提", 3510)}, off, RoundingMode::None);
    CHECK(o.subtotal == fen(10500));
    CHECK(o.discount == fen(1000));
    CHECK(o.total == fen(9500));
    // 1000 x 6990/10500 = 665.71, 1000 x 3510/10500 = 334.29: the leftover fen goes to the larger remainder.
    CHECK(o.lines[0].orderDiscount == fen(666));
    CHECK(o.lines[1].orderDiscount == fen(334));
    CHECK(o.lines[0].amount == fen(6324));
    CHECK(o.lines[1].amount == fen(3176));
}

TEST_CASE("an amount off larger than the cart makes it free, never negative", "[pricing]")
{
    OrderDiscount off;
    off.amount = fen(5000);
    const auto o =
        priceOrder({item("旺旺雪饼 小包", 450), item("卫龙辣条 大包", 990)}, off, RoundingMode::ToJiao);
    CHECK(o.total == fen(0));
    CHECK(o.discount == fen(1440));
    CHECK(o.lines[0].amount == fen(0));
    CHECK(o.lines[1].amount == fen(0));
}

TEST_CASE("抹零 to the jiao and to the yuan rounds the amount due down", "[pricing]")
{
    const QList<CartLine> cart = {item("康师傅红烧牛肉面 单包", 450), item("农夫山泉 550毫升", 200),
                                  item("德芙巧克力", 587)};
    SECTION("none")
    {
        const auto o = priceOrder(cart, {}, RoundingMode::None);
        CHECK(o.total == fen(1237));
        CHECK(o.rounding == fen(0));
    }
    SECTION("to the jiao: 12.37 -> 12.30")
    {
        const auto o = priceOrder(cart, {}, RoundingMode::ToJiao);
        CHECK(o.rounding == fen(7));
        CHECK(o.total == fen(1230));
        CHECK(o.discount == fen(0)); // 抹零 is not a discount
        CHECK(o.subtotal - o.discount - o.rounding == o.total);
        CHECK(o.lines[0].amount + o.lines[1].amount + o.lines[2].amount == fen(1230));
    }
    SECTION("to the yuan: 12.37 -> 12.00")
    {
        const auto o = priceOrder(cart, {}, RoundingMode::ToYuan);
        CHECK(o.rounding == fen(37));
        CHECK(o.total == fen(1200));
        // 37 x 450/1237 = 13.46, 37 x 200/1237 = 5.98, 37 x 587/1237 = 17.56 -> 13, 5, 17 + 2 leftover
        // to the largest remainders (5.98 and 17.56): 13, 6, 18.
        CHECK(o.lines[0].orderDiscount == fen(13));
        CHECK(o.lines[1].orderDiscount == fen(6));
        CHECK(o.lines[2].orderDiscount == fen(18));
    }
    SECTION("an amount already round is left alone")
    {
        const auto o = priceOrder({item("青岛啤酒 听装", 500, 2000)}, {}, RoundingMode::ToYuan);
        CHECK(o.rounding == fen(0));
        CHECK(o.total == fen(1000));
    }
}

TEST_CASE("9.5折 on the order, then 抹零 to the yuan", "[pricing]")
{
    OrderDiscount d;
    d.permille = 950;
    const auto o =
        priceOrder({item("海飞丝洗发水", 1990), item("高露洁牙膏 家庭装", 2590)}, d, RoundingMode::ToYuan);
    // 45.80 x 0.95 = 43.51 -> ¥2.29 off; then ¥0.51 抹零 -> ¥43.00.
    CHECK(o.subtotal == fen(4580));
    CHECK(o.discount == fen(229));
    CHECK(o.rounding == fen(51));
    CHECK(o.total == fen(4300));
    CHECK(o.lines[0].orderDiscount == fen(122));
    CHECK(o.lines[1].orderDiscount == fen(158));
    CHECK(o.lines[0].amount == fen(1868));
    CHECK(o.lines[1].amount == fen(2432));
}

TEST_CASE("a price-embedded scale label is charged exactly its amount", "[pricing]")
{
    // 卤牛肉 ¥58.00/kg, the scale printed ¥15.67; the implied 0.270 kg x 58 = 15.66 must not win.
    CartLine beef = item("卤牛肉", 5800, 270);
    beef.weighed = true;
    beef.fixedAmount = fen(1567);
    const auto o = priceOrder({beef, item("雪碧 500毫升", 300)}, {}, RoundingMode::None);
    CHECK(o.lines[0].gross == fen(1567));
    CHECK(o.lines[0].amount == fen(1567));
    CHECK(o.lines[0].lineDiscount == fen(0));
    CHECK(o.total == fen(1867));

    SECTION("a 9折 on the label amount")
    {
        beef.discountPermille = 900;
        const auto d = priceOrder({beef}, {}, RoundingMode::None);
        CHECK(d.lines[0].amount == fen(1410)); // 15.67 x 0.9 = 14.103
        CHECK(d.lines[0].lineDiscount == fen(157));
    }
}

TEST_CASE("改价: a manual price replaces the list price", "[pricing]")
{
    CartLine l = item("乐事薯片原味 大包", 2500, 2000);
    l.priceOverride = fen(2000);
    const auto o = priceOrder({l}, {}, RoundingMode::None);
    CHECK(o.lines[0].gross == fen(5000));
    CHECK(o.lines[0].unitPrice == fen(2000));
    CHECK(o.lines[0].lineDiscount == fen(1000));
    CHECK(o.total == fen(4000));

    l.discountPermille = 900; // and 9折 on top: 0.8 x 0.9
    CHECK(priceOrder({l}, {}, RoundingMode::None).total == fen(3600));
}

TEST_CASE("an empty cart and free goods price to zero", "[pricing]")
{
    const auto empty = priceOrder({}, {}, RoundingMode::ToYuan);
    CHECK(empty.total == fen(0));
    CHECK(empty.lines.isEmpty());
    const auto gift = priceOrder({item("赠品 购物袋", 0, 3000)}, {}, RoundingMode::ToJiao);
    CHECK(gift.total == fen(0));
    CHECK(gift.lines[0].amount == fen(0));
}

TEST_CASE("every fen off a cart is an adjustment with its source, in pipeline order", "[pricing][adjustments]")
{
    // 改价 2 x ¥10.00 -> ¥9.00; 8折 on ¥5.00; then ¥3.00 off the order and 抹零 to the jiao.
    CartLine changed = item("可口可乐 2升", 1000, 2000);
    changed.priceOverride = fen(900);
    const CartLine discounted = item("乐事薯片 原味", 500, 1000, 800);
    const auto o = priceOrder({changed, discounted}, OrderDiscount{1000, fen(300)}, RoundingMode::ToJiao);
    REQUIRE(o.lines.size() == 2);

    // Line 1: gross 20.00, price change 2.00 -> 18.00; line 2: gross 5.00, 8折 1.00 -> 4.00.
    // Due 22.00 - 3.00 = 19.00: no 抹零 left. The ¥3.00 is shared 18:4 -> 2.45 / 0.55.
    const QList<huike::Adjustment> first = o.lines[0].adjustments;
    REQUIRE(first.size() == 2);
    CHECK(first[0].source == huike::kAdjustPriceChange);
    CHECK(first[0].reference == QStringLiteral("9.00"));
    CHECK(first[0].amount == fen(200));
    CHECK(first[0].manual);
    CHECK_FALSE(first[0].orderLevel);
    CHECK(first[1].source == huike::kAdjustOrderDiscount);
    CHECK(first[1].amount == fen(245));
    CHECK(first[1].orderLevel);
    const QList<huike::Adjustment> second = o.lines[1].adjustments;
    REQUIRE(second.size() == 2);
    CHECK(second[0].source == huike::kAdjustLineDiscount);
    CHECK(second[0].reference == QStringLiteral("8折"));
    CHECK(second[0].amount == fen(100));
    CHECK(second[1].amount == fen(55));
    REQUIRE(o.orderAdjustments.size() == 1);
    CHECK(o.orderAdjustments[0].reference == QStringLiteral("-3.00"));
    CHECK(o.orderAdjustments[0].amount == fen(300));
    CHECK(o.total == fen(1900));
    CHECK(o.discount == fen(600));
    CHECK(o.rounding == fen(0));

    // The same with ¥2.95 off leaves 19.05: 抹零 takes the 5 fen, as its own, rule-made adjustment.
    const auto r = priceOrder({changed, discounted}, OrderDiscount{1000, fen(295)}, RoundingMode::ToJiao);
    CHECK(r.total == fen(1900));
    CHECK(r.rounding == fen(5));
    CHECK(r.discount == fen(595));
    REQUIRE(r.orderAdjustments.size() == 2);
    CHECK(r.orderAdjustments[1].source == huike::kAdjustRounding);
    CHECK_FALSE(r.orderAdjustments[1].manual);
    for (const auto &line : r.lines) {
        huike::Money sum;
        for (const auto &a : line.adjustments)
            sum += a.amount;
        CHECK(line.gross - sum == line.amount);
        CHECK(line.lineDiscount + line.orderDiscount == sum);
    }
}
