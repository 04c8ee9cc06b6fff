// The cart as the engine keeps it: the screen only shows it, so these are the counter's rules.

#include "catalog/catalog.h"
#include "reports/integrity.h"
#include "sales/cart.h"
#include "store/settings.h"
#include "testsupport.h"

using namespace huike;
using huike::test::fen;
using huike::test::TestShop;
using huike::test::why;

TEST_CASE("the cart merges a rescanned item, prices every change and drops a stale approval", "[cart]")
{
    TestShop shop;
    Cart cart;
    const QString uuid = cart.uuid();
    CHECK_FALSE(uuid.isEmpty());
    CHECK(cart.addLine(shop.line(shop.p.water)) == 0);
    CHECK(cart.addLine(shop.line(shop.p.noodles)) == 1);
    CHECK(cart.addLine(shop.line(shop.p.water)) == 0); // the same bottle again: 2 on one line
    REQUIRE(cart.size() == 2);
    CHECK(cart.line(0).quantityMilli == 2000);
    CHECK(cart.priced().total == fen(400 + 1450));

    // A discounted line is not merged into: the next bottle is at the list price.
    REQUIRE(cart.setLineDiscount(0, 900).ok());
    CHECK(cart.addLine(shop.line(shop.p.water)) == 2);
    CHECK(cart.priced().total == fen(360 + 1450 + 200));

    cart.setApproval(QStringLiteral("token"), cart.approvalScope(), QStringLiteral("临期"));
    CHECK(cart.approvalToken() == QStringLiteral("token"));
    REQUIRE(cart.setOrderDiscount(OrderDiscount{1000, fen(10)}).ok());
    CHECK(cart.approvalToken().isEmpty()); // what the manager saw is no longer what would be sold
    CHECK(cart.priced().total == fen(2000));

    // The engine refuses what the screen might pass on, and the cart stays as it was.
    CHECK_FALSE(cart.setQuantity(0, 0).ok());
    CHECK_FALSE(cart.setQuantity(7, 1000).ok());
    CHECK_FALSE(cart.setLineDiscount(1, 1200).ok());
    CHECK_FALSE(cart.setPriceOverride(1, fen(-1)).ok());
    CHECK_FALSE(cart.setOrderDiscount(OrderDiscount{0, {}}).ok());
    CHECK(cart.priced().total == fen(2000));

    // 改价 back to the list price is no price change.
    REQUIRE(cart.setPriceOverride(1, shop.p.noodles.price).ok());
    CHECK_FALSE(cart.line(1).priceOverride.has_value());
    CHECK(cart.uuid() == uuid);

    cart.setMember(MemberPrice{42, 2, QStringLiteral("银卡"), 950});
    const CheckoutRequest r = cart.checkoutRequest(shop.cashier, 7, {{Tender::Cash, fen(5000), {}}});
    CHECK(r.uuid == uuid);
    CHECK(r.member.memberId == 42);
    CHECK(r.member.discountPermille == 950);
    CHECK(r.lines == cart.lines());
    CHECK(r.orderDiscount.amount == fen(10));

    cart.clear();
    CHECK(cart.isEmpty());
    CHECK(cart.memberId() == 0);
    CHECK(cart.uuid() != uuid); // the next customer's sale is another sale
}

TEST_CASE("a recalled order is re-priced by one engine call and keeps its sale id and member", "[cart][held]")
{
    TestShop shop;
    Cart cart(shop.ctx().checkout().roundingMode());
    cart.addLine(shop.line(shop.p.water, 3000));
    cart.addLine(shop.line(shop.p.noodles));
    CartLine label = shop.line(shop.p.beef, 270);
    label.fixedAmount = fen(1567); // printed by the scale at the old price: charged as printed
    cart.addLine(label);
    const qint64 memberId = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张女士"));
    auto member = memberPrice(shop.ctx().db(), memberId);
    REQUIRE(member.ok());
    cart.setMember(*member);
    auto held = shop.ctx().heldOrders().hold(cart.heldOrder(), cart.priced().total, QStringLiteral("张女士"),
                                             shop.cashier);
    REQUIRE(held.ok());

    // While it waited: water went up, the noodles were taken off sale, beef got dearer.
    Product water = shop.p.water;
    water.price = fen(250);
    REQUIRE(shop.ctx().catalog().save(water, shop.manager).ok());
    REQUIRE(shop.ctx().catalog().setActive(shop.p.noodles.id, false, shop.manager).ok());
    Product beef = shop.p.beef;
    beef.price = fen(6000);
    REQUIRE(shop.ctx().catalog().save(beef, shop.manager).ok());

    auto order = shop.ctx().heldOrders().recall(*held);
    REQUIRE(order.ok());
    QStringList changes;
    const Cart recalled = Cart::recall(*order, shop.ctx().catalog(), shop.ctx().db(), RoundingMode::None, shop.ctx().clock().nowMs(), &changes);
    CHECK(recalled.uuid() == cart.uuid());
    CHECK(recalled.memberId() == memberId);
    CHECK(recalled.recalled());
    REQUIRE(recalled.size() == 2);
    CHECK(recalled.line(0).listPrice == fen(250));
    CHECK(recalled.priced().total == fen(750 + 1567));
    REQUIRE(changes.size() == 2);
    CHECK(changes.at(0).contains(QStringLiteral("农夫山泉")));
    CHECK(changes.at(1).contains(QStringLiteral("康师傅")));

    // Sold from the recalled cart: one sale, the held order marked sold in the same transaction.
    auto sale = shop.ctx().checkout().commit(
        recalled.checkoutRequest(shop.cashier, shop.shift(), {{Tender::Cash, fen(2400), {}}}));
    INFO(why(sale));
    REQUIRE(sale.ok());
    CHECK(shop.scalar(QStringLiteral("SELECT member_id FROM sales WHERE id = ?"), {sale->saleId}).toLongLong() == memberId);
    CHECK(shop.scalar(QStringLiteral("SELECT state FROM held_orders WHERE id = ?"), {*held}).toString() ==
          QStringLiteral("sold"));
}

TEST_CASE("a scale label typed by hand is a price change that needs a manager", "[cart][barcode]")
{
    TestShop shop;
    CheckoutService &checkout = shop.ctx().checkout();
    // 卤牛肉 at ¥58.00/kg; the label says ¥15.67 (0.270 kg).
    CartLine scanned = shop.line(shop.p.beef, 270);
    scanned.fixedAmount = fen(1567);
    CartLine typed = scanned;
    typed.labelKeyed = true;

    CHECK_FALSE(checkout.needsManager({scanned}, {}, {}));
    REQUIRE(checkout.needsManager({typed}, {}, {}));
    const PricedOrder p = checkout.quote({typed}, {}, {});
    CHECK(p.total == fen(1567)); // the typed amount is still what is charged
    CHECK(p.lines.at(0).gross == fen(1566)); // 58.00 x 0.270 from the list price
    REQUIRE(p.lines.at(0).adjustments.size() == 1);
    CHECK(p.lines.at(0).adjustments.at(0).source == kAdjustPriceChange);
    CHECK(p.lines.at(0).adjustments.at(0).manual);

    CheckoutRequest r = shop.request({typed});
    auto refused = checkout.commit(r);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Denied);
    r.approvalToken = shop.approveCart(r);
    auto sold = checkout.commit(r);
    INFO(why(sold));
    REQUIRE(sold.ok());
    CHECK(shop.count(QStringLiteral("sale_adjustments"), QStringLiteral("sale_id = ? AND source = 'price_change'"),
                     {sold->saleId}) == 1);
    CHECK(shop.count(QStringLiteral("approvals"), QStringLiteral("sale_id = ?"), {sold->saleId}) == 1);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a manager's approval of a discount stands until the approved adjustments change", "[cart][approvals]")
{
    TestShop shop;
    Cart cart;
    cart.addLine(shop.line(shop.p.oil));
    REQUIRE(cart.setLineDiscount(0, 500).ok()); // 5折 on 金龙鱼: beyond a cashier's 9折
    REQUIRE(shop.ctx().checkout().needsManager(cart.lines(), cart.orderDiscount(), {}));
    const QString token = shop.approve(cart.approvalScope());
    cart.setApproval(token, cart.approvalScope(), QStringLiteral("临期"));

    // A plain item scanned afterwards leaves the approval standing...
    cart.addLine(shop.line(shop.p.water));
    CHECK(cart.approvalToken() == token);
    // ...and the sale commits with it, an hour later, with the reason in the audit.
    shop.clock.advance(60 * 60 * 1000);
    auto sale = shop.ctx().checkout().commit(
        cart.checkoutRequest(shop.cashier, shop.shift(), {{Tender::Cash, cart.priced().total, {}}}));
    INFO(why(sale));
    REQUIRE(sale.ok());
    CHECK(shop.scalar(QStringLiteral("SELECT reason FROM audit_log WHERE action = 'sale.discount' AND target = ?"),
                      {sale->receiptNo})
              .toString() == QStringLiteral("临期"));

    // A 折 order discount approved, then one more line: it now takes off more than was approved.
    Cart next;
    next.addLine(shop.line(shop.p.oil));
    REQUIRE(next.setOrderDiscount(OrderDiscount{500, {}}).ok());
    next.setApproval(QStringLiteral("t"), next.approvalScope(), QStringLiteral("老顾客"));
    next.addLine(shop.line(shop.p.noodles));
    CHECK(next.approvalToken().isEmpty());
}

TEST_CASE("an amount off larger than the cart is refused with the amounts, not capped", "[cart]")
{
    TestShop shop;
    Cart cart;
    cart.addLine(shop.line(shop.p.water, 2000)); // ¥4.00
    cart.addLine(shop.line(shop.p.noodles));     // ¥14.50
    auto tooMuch = cart.setOrderDiscount(OrderDiscount{1000, fen(2000)});
    REQUIRE_FALSE(tooMuch.ok());
    CHECK(tooMuch.error().message.contains(QStringLiteral("20.00")));
    CHECK(tooMuch.error().message.contains(QStringLiteral("18.50")));
    CHECK(cart.orderDiscount().amount.isZero()); // the cart stays as it was
    CHECK(cart.priced().total == fen(1850));

    REQUIRE(cart.setOrderDiscount(OrderDiscount{1000, fen(1000)}).ok());
    CHECK(cart.priced().total == fen(850));
    // The noodles go back on the shelf: ¥10 off a ¥4 cart is checked again before payment.
    REQUIRE(cart.removeLine(1).ok());
    CHECK_FALSE(cart.checkOrderDiscount(cart.orderDiscount()).ok());
}
