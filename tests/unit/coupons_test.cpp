// Coupons (优惠券), exactly: 满100减20 on what the goods come to after the order discount, 8.5折,
// a gift; minimum spend, eligible categories, one per order unless stackable; issued by hand, on
// registration and after a purchase; used once only, even by two tills; a refund of every line it
// was on makes it unused again while it is valid.

#include "members/coupons.h"
#include "members/earnings.h"
#include "sales/cart.h"
#include "reports/integrity.h"
#include "sales/returns.h"
#include "testsupport.h"

using namespace huike;
using huike::test::fen;
using huike::test::shanghaiMs;
using huike::test::requireClean;
using huike::test::TestShop;
using huike::test::why;

namespace {

CouponType cashType(const QString &name, qint64 offFen, qint64 minFen)
{
    CouponType t;
    t.name = name;
    t.kind = QStringLiteral("cash");
    t.value = fen(offFen);
    t.minSpend = fen(minFen);
    t.validDays = 30;
    return t;
}

qint64 addType(TestShop &shop, const CouponType &t)
{
    auto id = addCouponType(shop.ctx().db(), t);
    INFO(why(id));
    REQUIRE(id.ok());
    return *id;
}

Coupon issue(TestShop &shop, const QString &type, qint64 memberId)
{
    const LedgerContext ctx{shop.ctx().checkout().store().storeId, 0, shop.manager, shop.clock.nowMs(),
                            &shop.ctx().time()};
    auto c = issueCouponNow(shop.ctx().db(), ctx, type, memberId);
    INFO(why(c));
    REQUIRE(c.ok());
    return *c;
}

Result<SaleResult> sellWith(TestShop &shop, qint64 memberId, const QList<CartLine> &lines,
                            const QStringList &codes)
{
    CheckoutRequest r = memberId > 0 ? shop.memberRequest(memberId, lines) : shop.request(lines);
    auto specs = shop.ctx().checkout().coupons(codes, lines, r.orderDiscount, r.member);
    if (!specs)
        return specs.error();
    const Money total = shop.ctx().checkout().quote(lines, r.orderDiscount, r.member, *specs).total;
    r.coupons = codes;
    r.tenders = {{Tender::Cash, total, {}}};
    return shop.ctx().checkout().commit(r);
}

} // namespace

TEST_CASE("满100减20 takes ¥20 off a sale of ¥100 or more, once, and earns on what is left",
          "[members][coupons]")
{
    TestShop shop;
    addType(shop, cashType(QStringLiteral("满100减20"), 2000, 10000));
    const qint64 m = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("孙丽"));
    const Coupon c = issue(shop, QStringLiteral("满100减20"), m);
    CHECK(looksLikeCouponCode(c.code));
    CHECK(couponState(c, shop.clock.nowMs()) == QStringLiteral("unused"));
    CHECK(c.expiresAtMs == shanghaiMs(2026, 12, 25, 0, 0)); // 30 days counting the day of issue

    // ¥69.90 of oil: below the minimum, refused with the numbers.
    auto low = sellWith(shop, m, {shop.line(shop.p.oil)}, {c.code});
    REQUIRE_FALSE(low.ok());
    CHECK(low.error().message.contains(QStringLiteral("69.90")));

    // Two bottles of oil, ¥139.80: ¥119.80 paid, the ¥20 spread over the lines.
    auto sale = sellWith(shop, m, {shop.line(shop.p.oil, 2000)}, {c.code});
    INFO(why(sale));
    REQUIRE(sale.ok());
    CHECK(sale->total == fen(11980));
    CHECK(couponByCode(shop.ctx().db(), c.code)->state == QStringLiteral("used"));
    // Points on the ¥119.80 paid: 11.
    CHECK(shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {m}).toLongLong() == 11);

    // Used: refused, at the price check and at the commit.
    auto again = sellWith(shop, m, {shop.line(shop.p.oil, 2000)}, {c.code});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::Conflict);
    requireClean(shop);
}

TEST_CASE("two tills with the same coupon: the first commit uses it, the second is told it is used",
          "[members][coupons]")
{
    TestShop shop;
    addType(shop, cashType(QStringLiteral("无门槛5元"), 500, 0));
    const Coupon c = issue(shop, QStringLiteral("无门槛5元"), 0); // anyone's
    // Both carts were priced with the coupon before either committed.
    const QList<CartLine> lines = {shop.line(shop.p.noodles)};
    CheckoutRequest first = shop.request(lines);
    CheckoutRequest second = shop.request(lines);
    auto specs = shop.ctx().checkout().coupons({c.code}, lines, {}, {});
    REQUIRE(specs.ok());
    const Money total = shop.ctx().checkout().quote(lines, {}, {}, *specs).total;
    CHECK(total == fen(950));
    for (CheckoutRequest *r : {&first, &second}) {
        r->coupons = {c.code};
        r->tenders = {{Tender::Cash, total, {}}};
    }
    REQUIRE(shop.ctx().checkout().commit(first).ok());
    auto late = shop.ctx().checkout().commit(second);
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == ErrorCode::Conflict);
    CHECK(shop.count(QStringLiteral("sales")) == 1);
    requireClean(shop);
}

TEST_CASE("8.5折 on one category only, one per order unless stackable, and a member's own coupon",
          "[members][coupons]")
{
    TestShop shop;
    const qint64 noodlesCategory =
        shop.scalar(QStringLiteral("SELECT COALESCE(category_id, 0) FROM products WHERE id = ?"),
                    {shop.p.noodles.id})
            .toLongLong();
    const qint64 waterCategory =
        shop.scalar(QStringLiteral("SELECT COALESCE(category_id, 0) FROM products WHERE id = ?"),
                    {shop.p.water.id})
            .toLongLong();
    CouponType d;
    d.name = QStringLiteral("方便面85折");
    d.kind = QStringLiteral("discount");
    d.permille = 850;
    d.validDays = 7;
    if (noodlesCategory > 0 && noodlesCategory != waterCategory)
        d.categoryIds = {noodlesCategory};
    addType(shop, d);
    addType(shop, cashType(QStringLiteral("减3元"), 300, 0));
    const qint64 m = shop.addMember(QStringLiteral("13900139000"));
    const qint64 other = shop.addMember(QStringLiteral("13700137000"));
    const Coupon discount = issue(shop, QStringLiteral("方便面85折"), m);
    const Coupon three = issue(shop, QStringLiteral("减3元"), m);

    // Not stackable: two on one order are refused.
    auto both = sellWith(shop, m, {shop.line(shop.p.noodles, 2000)}, {discount.code, three.code});
    REQUIRE_FALSE(both.ok());
    // Another member cannot use this member's coupon.
    auto stranger = sellWith(shop, other, {shop.line(shop.p.noodles)}, {discount.code});
    REQUIRE_FALSE(stranger.ok());
    CHECK(stranger.error().code == ErrorCode::Denied);

    // Two five-packs (¥29.00) and a water (¥2.00): 15% off the noodles only when the category is set.
    auto sale =
        sellWith(shop, m, {shop.line(shop.p.noodles, 2000), shop.line(shop.p.water)}, {discount.code});
    INFO(why(sale));
    REQUIRE(sale.ok());
    CHECK(sale->total == (d.categoryIds.isEmpty() ? fen(3100 - 465) : fen(2900 - 435 + 200)));
    requireClean(shop);
}

TEST_CASE("a refund of every line a coupon was on gives it back unused, and a partial refund keeps it used",
          "[members][coupons]")
{
    TestShop shop;
    addType(shop, cashType(QStringLiteral("满50减10"), 1000, 5000));
    const qint64 m = shop.addMember(QStringLiteral("13600136000"));
    const Coupon c = issue(shop, QStringLiteral("满50减10"), m);
    auto sale = sellWith(shop, m, {shop.line(shop.p.oil), shop.line(shop.p.noodles)}, {c.code});
    REQUIRE(sale.ok());
    CHECK(sale->total == fen(6990 + 1450 - 1000));

    auto lines = shop.ctx().returns().refundable(sale->receiptNo);
    REQUIRE(lines.ok());
    // The noodles back: their share of the ¥10 stays off their refund; the coupon stays used.
    auto part = shop.ctx().returns().refund(
        shop.refundRequest(sale->receiptNo, {RefundLineRequest{lines->lines.at(1).lineId, 1000}}));
    INFO(why(part));
    REQUIRE(part.ok());
    CHECK(part->total.fen() > -1450);
    CHECK(couponByCode(shop.ctx().db(), c.code)->state == QStringLiteral("used"));
    // The oil too: all of the coupon's discount is back with the shop, the coupon is unused again.
    auto rest = shop.ctx().returns().refund(shop.refundRequest(sale->receiptNo));
    REQUIRE(rest.ok());
    CHECK(part->total + rest->total == -sale->total);
    CHECK(couponByCode(shop.ctx().db(), c.code)->state == QStringLiteral("unused"));
    requireClean(shop);
    // And it can be used again.
    REQUIRE(sellWith(shop, m, {shop.line(shop.p.oil)}, {c.code}).ok());
    requireClean(shop);
}

TEST_CASE("coupons issued on registration and after a purchase above an amount", "[members][coupons]")
{
    TestShop shop;
    CouponType welcome = cashType(QStringLiteral("新人券"), 500, 2000);
    welcome.issueOn = QStringLiteral("registration");
    addType(shop, welcome);
    CouponType back = cashType(QStringLiteral("满100返10"), 1000, 5000);
    back.issueOn = QStringLiteral("purchase");
    back.purchaseMin = fen(10000);
    addType(shop, back);
    // The demo store's own purchase coupon (满50减5 after ¥80) is switched off: only these two count.
    shop.execRaw(QStringLiteral("UPDATE coupon_types SET active = 0 WHERE name NOT IN ('新人券', '满100返10')"));
    const qint64 m = shop.addMember(QStringLiteral("13500135000"));
    auto held = memberCoupons(shop.ctx().db(), m);
    REQUIRE(held.ok());
    REQUIRE(held->size() == 1);
    CHECK(held->first().typeName == QStringLiteral("新人券"));

    // ¥69.90: below ¥100, nothing; ¥139.80: the return coupon, made by this sale.
    REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(shop.p.oil)})).ok());
    CHECK(memberCoupons(shop.ctx().db(), m)->size() == 1);
    auto big = shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(shop.p.oil, 2000)}));
    REQUIRE(big.ok());
    held = memberCoupons(shop.ctx().db(), m);
    REQUIRE(held->size() == 2);
    CHECK(
        shop.scalar(QStringLiteral("SELECT COUNT(*) FROM coupons WHERE issued_by_sale_id = ?"), {big->saleId})
            .toLongLong() == 1);
    // The receipt tells the customer: the coupon, its code to show next time, and until when.
    const QString code =
        shop.scalar(QStringLiteral("SELECT code FROM coupons WHERE issued_by_sale_id = ?"), {big->saleId}).toString();
    auto receipt = shop.ctx().receipts().load(big->receiptNo);
    REQUIRE(receipt.ok());
    REQUIRE(receipt->couponsIssued.size() == 1);
    const QString text = shop.ctx().receipts().render(*receipt, 32);
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("New coupon: 满100返10")));
    CHECK(text.contains(QStringLiteral("Code ") + code));
    CHECK(text.contains(QStringLiteral("Valid until 2026-12-24"))); // 30 days counting 11-25
    requireClean(shop);
}

TEST_CASE("verify finds a coupon used twice", "[members][coupons][verify]")
{
    TestShop shop;
    addType(shop, cashType(QStringLiteral("减2元"), 200, 0));
    const Coupon c = issue(shop, QStringLiteral("减2元"), 0);
    REQUIRE(sellWith(shop, 0, {shop.line(shop.p.noodles)}, {c.code}).ok());
    requireClean(shop);
    // Put back to unused behind the engine's back: the sale's use no longer matches.
    shop.execRaw(QStringLiteral("UPDATE coupons SET state = 'unused', used_sale_id = NULL"));
    CHECK_FALSE(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a coupon on the till's cart prices it, leaves with its member, is held and recalled, and is left "
          "off a recalled cart once used elsewhere",
          "[members][coupons][cart]")
{
    TestShop shop;
    addType(shop, cashType(QStringLiteral("满100减20"), 2000, 10000));
    addType(shop, cashType(QStringLiteral("无门槛5元"), 500, 0));
    const qint64 sun = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("孙丽"));
    const qint64 zhou = shop.addMember(QStringLiteral("13900139000"), QStringLiteral("周强"));
    const Coupon own = issue(shop, QStringLiteral("满100减20"), sun);
    CouponType stackable = cashType(QStringLiteral("通用券"), 300, 0);
    stackable.stackable = true;
    addType(shop, stackable);

    Cart cart;
    cart.addLine(shop.line(shop.p.oil, 2000)); // ¥139.80
    auto sunPrice = memberPrice(shop.ctx().db(), sun);
    REQUIRE(sunPrice.ok());
    cart.setMember(*sunPrice);
    auto specs = shop.ctx().checkout().coupons({own.code}, cart.lines(), cart.orderDiscount(), cart.member());
    INFO(why(specs));
    REQUIRE(specs.ok());
    REQUIRE(cart.setCoupons(*specs).ok());
    CHECK(cart.priced().total == fen(11980));
    CHECK(cart.coupons().first().name == QStringLiteral("满100减20"));
    CHECK(cart.coupons().first().memberId == sun);
    CHECK(cart.checkoutRequest(shop.cashier, shop.shift()).coupons == QStringList{own.code});

    // A line taken back below the minimum: the coupon stays on the cart but takes nothing off, and
    // the check before payment says why.
    REQUIRE(cart.setQuantity(0, 1000).ok());
    CHECK(cart.priced().total == fen(6990));
    auto low = shop.ctx().checkout().coupons(cart.couponCodes(), cart.lines(), cart.orderDiscount(), cart.member());
    REQUIRE_FALSE(low.ok());
    CHECK(low.error().message.contains(QStringLiteral("69.90")));
    REQUIRE(cart.setQuantity(0, 2000).ok());
    CHECK(cart.priced().total == fen(11980));

    // Held and recalled: the coupon comes back with the cart.
    auto held = shop.ctx().heldOrders().hold(cart.heldOrder(), cart.priced().total, QStringLiteral("孙丽"), shop.cashier);
    REQUIRE(held.ok());
    auto order = shop.ctx().heldOrders().recall(*held);
    REQUIRE(order.ok());
    CHECK(order->coupons == QStringList{own.code});
    QStringList changes;
    Cart back = Cart::recall(*order, shop.ctx().catalog(), shop.ctx().db(), RoundingMode::None, shop.clock.nowMs(), &changes);
    CHECK(changes.isEmpty());
    CHECK(back.couponCodes() == QStringList{own.code});
    CHECK(back.priced().total == fen(11980));

    // Another member attached: Sun's coupon leaves with her.
    auto zhouPrice = memberPrice(shop.ctx().db(), zhou);
    REQUIRE(zhouPrice.ok());
    back.setMember(*zhouPrice);
    CHECK(back.coupons().isEmpty());
    CHECK(back.priced().total == fen(13980));

    // Held again, and meanwhile the coupon is used at another till: the recall leaves it off, and says so.
    back.setMember(*sunPrice);
    REQUIRE(back.setCoupons(*specs).ok());
    auto again = shop.ctx().heldOrders().hold(back.heldOrder(), back.priced().total, QStringLiteral("孙丽"), shop.cashier);
    REQUIRE(again.ok());
    REQUIRE(sellWith(shop, sun, {shop.line(shop.p.oil, 2000)}, {own.code}).ok());
    auto order2 = shop.ctx().heldOrders().recall(*again);
    REQUIRE(order2.ok());
    changes.clear();
    Cart late = Cart::recall(*order2, shop.ctx().catalog(), shop.ctx().db(), RoundingMode::None, shop.clock.nowMs(), &changes);
    CHECK(late.coupons().isEmpty());
    CHECK(late.priced().total == fen(13980));
    REQUIRE(changes.size() == 1);
    CHECK(changes.first().contains(QStringLiteral("already used")));

    // Anyone's coupon stays when the member changes; none changes once a payment is taken.
    const Coupon anyone = issue(shop, QStringLiteral("通用券"), 0);
    auto open = shop.ctx().checkout().coupons({anyone.code}, late.lines(), late.orderDiscount(), late.member());
    REQUIRE(open.ok());
    REQUIRE(late.setCoupons(*open).ok());
    late.setMember(*zhouPrice);
    CHECK(late.couponCodes() == QStringList{anyone.code});
    CHECK(late.priced().total == fen(13680));
    TakenPayment paid;
    paid.id = 1;
    paid.input = TenderInput{Tender::Cash, fen(1000), {}};
    late.addPayment(paid);
    CHECK(late.setCoupons({}).error().code == ErrorCode::Conflict);
}

TEST_CASE("a coupon type edited in Settings changes the coupons issued after, never one in a customer's hand",
          "[members][coupons][programme]")
{
    TestShop shop;
    addType(shop, cashType(QStringLiteral("满100减20"), 2000, 10000));
    const qint64 m = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("孙丽"));
    const Coupon before = issue(shop, QStringLiteral("满100减20"), m);
    auto type = couponTypeNamed(shop.ctx().db(), QStringLiteral("满100减20"));
    REQUIRE(type.ok());
    CouponType edited = *type;
    edited.value = fen(3000);
    edited.name = QStringLiteral("满100减30");
    CHECK(saveCouponType(shop.ctx().db(), edited, shop.cashier, shop.clock.nowMs()).error().code == ErrorCode::Denied);
    auto saved = saveCouponType(shop.ctx().db(), edited, shop.manager, shop.clock.nowMs());
    INFO(why(saved));
    REQUIRE(saved.ok());
    CHECK(*saved == type->id);
    const Coupon after = issue(shop, QStringLiteral("满100减30"), m);
    CHECK(after.value == fen(3000));
    CHECK(couponByCode(shop.ctx().db(), before.code)->value == fen(2000));
    // A name taken by another type is refused; a new type (id 0) is added.
    CouponType other = cashType(QStringLiteral("满100减30"), 500, 0);
    CHECK(saveCouponType(shop.ctx().db(), other, shop.manager, shop.clock.nowMs()).error().code == ErrorCode::Conflict);
    other.name = QStringLiteral("无门槛5元");
    auto added = saveCouponType(shop.ctx().db(), other, shop.manager, shop.clock.nowMs());
    REQUIRE(added.ok());
    CHECK(*added != type->id);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'programme.coupon_type'")) == 2);
}
