// Payments taken before the sale commits: recorded with their cart at once, never dropped, back
// after a restart, and gone only by the sale that uses them or a recorded reversal.

#include "reports/integrity.h"
#include "sales/cart.h"
#include "testsupport.h"

using namespace huike;
using huike::test::fen;
using huike::test::TestShop;
using huike::test::why;

namespace {

const QString kWeChatRef = QStringLiteral("4200001234202611250001");

// 2 x 农夫山泉 ¥2.00 + 金龙鱼 ¥69.90 = ¥73.90
Cart cartOf(TestShop &shop)
{
    Cart cart;
    cart.addLine(shop.line(shop.p.water, 2000));
    cart.addLine(shop.line(shop.p.oil));
    return cart;
}

TakenPayment take(TestShop &shop, Cart &cart, const TenderInput &input)
{
    auto taken = shop.ctx().payments().take(cart.heldOrder(), cart.priced().total, input, shop.cashier);
    INFO(why(taken));
    REQUIRE(taken.ok());
    cart.addPayment(*taken);
    return *taken;
}

} // namespace

TEST_CASE("a WeChat payment taken survives a restart with its cart and pays the sale", "[payments]")
{
    TestShop shop;
    shop.shift();
    Cart cart = cartOf(shop);
    const TakenPayment wechat = take(shop, cart, {Tender::WeChat, fen(5000), QStringLiteral("4200 0012 3420 2611 2500 01")});
    CHECK(wechat.input.reference == kWeChatRef); // stored as the scanner gives it
    CHECK(shop.count(QStringLiteral("taken_payments"), QStringLiteral("state = 'taken'")) == 1);

    // The till dies here. At its start, the cart with the payment is found again.
    shop.reopen();
    auto back = shop.ctx().heldOrders().recoverRecalled();
    REQUIRE(back.ok());
    CHECK(*back == 1);
    auto held = shop.ctx().heldOrders().heldWithPayments();
    REQUIRE(held.ok());
    REQUIRE(held->has_value());
    auto order = shop.ctx().heldOrders().recall(**held);
    REQUIRE(order.ok());
    CHECK(order->uuid == cart.uuid());
    CHECK(order->lines.size() == 2);
    REQUIRE(order->payments.size() == 1);
    CHECK(order->payments.first().input.amount == fen(5000));
    CHECK(order->payments.first().input.reference == kWeChatRef);

    Cart again = Cart::recall(*order, shop.ctx().catalog(), shop.ctx().db(), RoundingMode::None, shop.ctx().clock().nowMs(), nullptr);
    CHECK(again.paid() == fen(5000));
    take(shop, again, {Tender::Cash, fen(3000), {}});
    auto sale = shop.ctx().checkout().commit(again.checkoutRequest(shop.cashier, shop.shift()));
    INFO(why(sale));
    REQUIRE(sale.ok());
    CHECK(sale->total == fen(7390));
    CHECK(sale->change == fen(610));
    CHECK(shop.count(QStringLiteral("taken_payments"), QStringLiteral("state = 'sold' AND sale_id = ?"),
                     {sale->saleId}) == 2);
    CHECK(shop.count(QStringLiteral("taken_payments"), QStringLiteral("state = 'taken'")) == 0);
    CHECK(shop.count(QStringLiteral("payments"), QStringLiteral("sale_id = ? AND tender = 'wechat' AND reference = ?"),
                     {sale->saleId, kWeChatRef}) == 1);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a sale holding taken payments commits only with exactly those payments", "[payments]")
{
    TestShop shop;
    Cart cart = cartOf(shop);
    take(shop, cart, {Tender::WeChat, fen(5000), kWeChatRef});

    SECTION("leaving the WeChat payment out is refused")
    {
        auto sale = shop.ctx().checkout().commit(
            cart.checkoutRequest(shop.cashier, shop.shift(), {{Tender::Cash, fen(7390), {}}}));
        REQUIRE_FALSE(sale.ok());
        CHECK(sale.error().code == ErrorCode::Conflict);
        CHECK(shop.count(QStringLiteral("sales")) == 0);
        CHECK(shop.count(QStringLiteral("taken_payments"), QStringLiteral("state = 'taken'")) == 1);
    }
    SECTION("the cart's own payments, once they cover the total, commit")
    {
        take(shop, cart, {Tender::Card, fen(2390), {}});
        auto sale = shop.ctx().checkout().commit(cart.checkoutRequest(shop.cashier, shop.shift()));
        INFO(why(sale));
        REQUIRE(sale.ok());
        CHECK(sale->change == fen(0));
        // Nothing more can be taken for a sale already recorded.
        auto late = shop.ctx().payments().take(cart.heldOrder(), cart.priced().total, {Tender::Cash, fen(100), {}},
                                               shop.cashier);
        REQUIRE_FALSE(late.ok());
        CHECK(late.error().code == ErrorCode::Conflict);
    }
}

TEST_CASE("a taken payment leaves only by a recorded reversal, with a manager for a wallet", "[payments]")
{
    TestShop shop;
    Cart cart = cartOf(shop);
    const TakenPayment wechat = take(shop, cart, {Tender::WeChat, fen(5000), kWeChatRef});
    const TakenPayment cash = take(shop, cart, {Tender::Cash, fen(1000), {}});
    PaymentService &payments = shop.ctx().payments();

    // The cart cannot be cleared or its copy cancelled while money is on it.
    auto discarded = shop.ctx().heldOrders().discardRecalled(cart.uuid(), shop.cashier);
    REQUIRE_FALSE(discarded.ok());
    CHECK(discarded.error().code == ErrorCode::Conflict);
    CHECK(discarded.error().message.contains(QStringLiteral("60.00")));

    CHECK_FALSE(payments.reverse(wechat, {}, shop.cashier).ok()); // a reason is required
    auto noManager = payments.reverse(wechat, QStringLiteral("顾客改用现金"), shop.cashier);
    REQUIRE_FALSE(noManager.ok());
    CHECK(noManager.error().code == ErrorCode::Denied);
    // An approval of another payment or amount does not do.
    const QString wrong = shop.approve({kApprovePaymentReversal, QString::number(wechat.id), fen(4999)});
    CHECK_FALSE(payments.reverse(wechat, QStringLiteral("顾客改用现金"), shop.cashier, wrong).ok());

    const QString token = shop.approve({kApprovePaymentReversal, QString::number(wechat.id), fen(5000)});
    auto reversed = payments.reverse(wechat, QStringLiteral("顾客改用现金"), shop.cashier, token);
    INFO(why(reversed));
    REQUIRE(reversed.ok());
    CHECK(shop.scalar(QStringLiteral("SELECT approved_by FROM taken_payments WHERE id = ?"), {wechat.id})
              .toLongLong() == shop.manager);
    CHECK(shop.scalar(QStringLiteral("SELECT reason FROM taken_payments WHERE id = ?"), {wechat.id}).toString() ==
          QStringLiteral("顾客改用现金"));
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'payment.reverse' AND target = ?"),
                     {QString::number(wechat.id)}) == 1);
    // Twice is refused: the money went back once.
    CHECK_FALSE(payments.reverse(wechat, QStringLiteral("again"), shop.cashier, token).ok());

    // Cash handed back over the counter needs no manager.
    REQUIRE(payments.reverse(cash, QStringLiteral("顾客不买了"), shop.cashier).ok());
    auto left = payments.forCart(cart.uuid());
    REQUIRE(left.ok());
    CHECK(left->isEmpty());
    // With nothing paid any more, the cart can be given up.
    CHECK(shop.ctx().heldOrders().discardRecalled(cart.uuid(), shop.cashier).ok());
}

TEST_CASE("a held order with a payment on it keeps the payment and cannot be cancelled", "[payments]")
{
    TestShop shop;
    Cart cart = cartOf(shop);
    take(shop, cart, {Tender::Alipay, fen(2000), QStringLiteral("281234123412341234")});
    auto id = shop.ctx().heldOrders().hold(cart.heldOrder(), cart.priced().total, QStringLiteral("张女士"),
                                           shop.cashier);
    REQUIRE(id.ok());
    const QList<HeldOrder> list = shop.ctx().heldOrders().list();
    REQUIRE(list.size() == 1);
    CHECK(list.first().paid == fen(2000)); // the held list says there is money on it
    auto cancelled = shop.ctx().heldOrders().cancel(*id, shop.manager);
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().code == ErrorCode::Conflict);
    auto order = shop.ctx().heldOrders().recall(*id);
    REQUIRE(order.ok());
    REQUIRE(order->payments.size() == 1);
    CHECK(order->payments.first().input.tender == Tender::Alipay);
}

TEST_CASE("a cart changed after a payment is stored as it now is", "[payments]")
{
    TestShop shop;
    Cart cart = cartOf(shop);
    take(shop, cart, {Tender::Cash, fen(5000), {}});
    cart.addLine(shop.line(shop.p.noodles));
    REQUIRE(shop.ctx().payments().keepCart(cart.heldOrder(), cart.priced().total, shop.cashier).ok());
    shop.reopen();
    REQUIRE(shop.ctx().heldOrders().recoverRecalled().ok());
    auto held = shop.ctx().heldOrders().heldWithPayments();
    REQUIRE(held.ok());
    REQUIRE(held->has_value());
    auto order = shop.ctx().heldOrders().recall(**held);
    REQUIRE(order.ok());
    CHECK(order->lines.size() == 3);
    CHECK(shop.count(QStringLiteral("held_orders")) == 1); // one copy, updated, not one per change
}
