// Ringing up sales: one transaction per sale, one sale per uuid, tenders that add up, gapless
// receipt numbers per business day, and discounts a cashier may not give alone.

#include "core/uuid.h"
#include "reports/integrity.h"
#include "sales/checkout.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <atomic>
#include <thread>

using namespace huike;
using huike::test::fen;
using huike::test::shanghaiMs;
using huike::test::TestShop;
using huike::test::why;

TEST_CASE("a sale commits receipt, lines, payments and stock moves together", "[checkout]")
{
    TestShop shop;
    // 2 x 农夫山泉 ¥2.00 + 1 x 金龙鱼 ¥69.90 = ¥73.90, paid with a ¥100 note.
    auto req = shop.request({shop.line(shop.p.water, 2000), shop.line(shop.p.oil)},
                            {{Tender::Cash, fen(10000), {}}});
    auto sale = shop.ctx().checkout().commit(req);
    INFO(why(sale));
    REQUIRE(sale.ok());
    CHECK(sale->receiptNo == QStringLiteral("S01-20261125-0001"));
    CHECK(sale->total == fen(7390));
    CHECK(sale->change == fen(2610));
    CHECK_FALSE(sale->duplicate);

    CHECK(shop.scalar(QStringLiteral("SELECT total_fen FROM sales WHERE id = ?"), {sale->saleId})
              .toLongLong() == 7390);
    CHECK(shop.scalar(QStringLiteral("SELECT kind FROM sales WHERE id = ?"), {sale->saleId}).toString() ==
          QStringLiteral("sale"));
    CHECK(shop.scalar(QStringLiteral("SELECT terminal FROM sales WHERE id = ?"), {sale->saleId}).toString() ==
          QStringLiteral("POS1"));
    CHECK(shop.scalar(QStringLiteral("SELECT uuid FROM sales WHERE id = ?"), {sale->saleId}).toString() ==
          req.uuid);
    CHECK(shop.count(QStringLiteral("sale_lines"), QStringLiteral("sale_id = ?"), {sale->saleId}) == 2);
    CHECK(shop.scalar(QStringLiteral("SELECT amount_fen FROM sale_lines WHERE sale_id = ? AND line_no = 1"),
                      {sale->saleId})
              .toLongLong() == 400);
    CHECK(shop.scalar(QStringLiteral("SELECT name FROM sale_lines WHERE sale_id = ? AND line_no = 2"),
                      {sale->saleId})
              .toString() == QStringLiteral("金龙鱼调和油 5升"));

    QSqlQuery pay(shop.ctx().db().db());
    pay.prepare(QStringLiteral(
        "SELECT tender, amount_fen, tendered_fen, change_fen FROM payments WHERE sale_id = ?"));
    pay.addBindValue(sale->saleId);
    REQUIRE(pay.exec());
    REQUIRE(pay.next());
    CHECK(pay.value(0).toString() == QStringLiteral("cash"));
    CHECK(pay.value(1).toLongLong() == 7390);
    CHECK(pay.value(2).toLongLong() == 10000);
    CHECK(pay.value(3).toLongLong() == 2610);
    CHECK_FALSE(pay.next());

    CHECK(shop.stockOf(shop.p.water.id) == 98'000);
    CHECK(shop.stockOf(shop.p.oil.id) == 19'000);
    CHECK(
        shop.scalar(QStringLiteral("SELECT qty_milli FROM stock_ledger WHERE sale_id = ? AND product_id = ?"),
                    {sale->saleId, shop.p.water.id})
            .toLongLong() == -2000);
    CHECK(shop.scalar(QStringLiteral("SELECT reason FROM stock_ledger WHERE sale_id = ? AND product_id = ?"),
                      {sale->saleId, shop.p.oil.id})
              .toString() == QStringLiteral("sale"));
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("the same uuid committed twice records one sale", "[checkout]")
{
    TestShop shop;
    auto req = shop.request({shop.line(shop.p.noodles)},
                            {{Tender::WeChat, fen(1450), QStringLiteral("4200001234202611250001")}});
    auto first = shop.ctx().checkout().commit(req);
    REQUIRE(first.ok());
    auto second = shop.ctx().checkout().commit(req); // a double click, or a retry after a timeout
    REQUIRE(second.ok());
    CHECK(second->duplicate);
    CHECK(second->saleId == first->saleId);
    CHECK(second->receiptNo == first->receiptNo);
    CHECK(second->total == fen(1450));

    // Even a changed cart under the same uuid is the sale already made, not a new one.
    req.lines.append(shop.line(shop.p.oil));
    req.tenders = {{Tender::Cash, fen(10000), {}}};
    auto third = shop.ctx().checkout().commit(req);
    REQUIRE(third.ok());
    CHECK(third->duplicate);
    CHECK(third->saleId == first->saleId);

    CHECK(shop.count(QStringLiteral("sales")) == 1);
    CHECK(shop.count(QStringLiteral("payments")) == 1);
    CHECK(shop.stockOf(shop.p.noodles.id) == 49'000);
    CHECK(shop.stockOf(shop.p.oil.id) == 20'000);
    // The next real sale is number 2: the duplicates used no number.
    CHECK(shop.sell({shop.line(shop.p.water)}).receiptNo == QStringLiteral("S01-20261125-0002"));
}

TEST_CASE("payments must cover the total", "[checkout][tender]")
{
    TestShop shop;
    const QList<CartLine> cart = {shop.line(shop.p.water, 2000), shop.line(shop.p.oil)}; // ¥73.90

    SECTION("not enough cash is refused and nothing is written")
    {
        auto r = shop.ctx().checkout().commit(shop.request(cart, {{Tender::Cash, fen(5000), {}}}));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::InsufficientFunds);
        CHECK(r.error().message.contains(QStringLiteral("23.90"))); // how much is missing
        CHECK(shop.count(QStringLiteral("sales")) == 0);
        CHECK(shop.stockOf(shop.p.oil.id) == 20'000);
    }
    SECTION("WeChat for less than the total and no cash")
    {
        auto r = shop.ctx().checkout().commit(shop.request(cart, {{Tender::WeChat, fen(7389), QStringLiteral("4200001234202611250002")}}));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::InsufficientFunds);
    }
    SECTION("a card cannot be charged more than the total: no change is given on it")
    {
        auto r = shop.ctx().checkout().commit(
            shop.request(cart, {{Tender::Card, fen(8000), QStringLiteral("6222****1234")}}));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Invalid);
        CHECK(shop.count(QStringLiteral("sales")) == 0);
    }
    SECTION("a zero or negative tender is refused")
    {
        auto r = shop.ctx().checkout().commit(
            shop.request(cart, {{Tender::Alipay, fen(7390), QStringLiteral("2026112522001400000003")}, {Tender::Cash, fen(0), {}}}));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Invalid);
        CHECK(
            shop.ctx().checkout().commit(shop.request(cart, {{Tender::Cash, fen(-100), {}}})).error().code ==
            ErrorCode::Invalid);
    }
    SECTION("Alipay for exactly the total: no change")
    {
        auto r = shop.ctx().checkout().commit(
            shop.request(cart, {{Tender::Alipay, fen(7390), QStringLiteral("2026112522001400000001")}}));
        REQUIRE(r.ok());
        CHECK(r->change == fen(0));
        CHECK(shop.scalar(QStringLiteral("SELECT reference FROM payments WHERE sale_id = ?"), {r->saleId})
                  .toString() == QStringLiteral("2026112522001400000001"));
    }
}

TEST_CASE("mixed WeChat and cash: change comes only from the cash", "[checkout][tender]")
{
    TestShop shop;
    const QList<CartLine> cart = {shop.line(shop.p.water, 2000), shop.line(shop.p.oil)}; // ¥73.90
    auto r = shop.ctx().checkout().commit(shop.request(
        cart, {{Tender::WeChat, fen(5000), QStringLiteral("4200001234202612020001")}, {Tender::Cash, fen(3000), {}}}));
    INFO(why(r));
    REQUIRE(r.ok());
    CHECK(r->change == fen(610));
    CHECK(shop.scalar(QStringLiteral("SELECT SUM(amount_fen) FROM payments WHERE sale_id = ?"), {r->saleId})
              .toLongLong() == 7390);
    CHECK(
        shop.scalar(QStringLiteral("SELECT amount_fen FROM payments WHERE sale_id = ? AND tender = 'wechat'"),
                    {r->saleId})
            .toLongLong() == 5000);
    CHECK(shop.scalar(QStringLiteral("SELECT amount_fen FROM payments WHERE sale_id = ? AND tender = 'cash'"),
                      {r->saleId})
              .toLongLong() == 2390);
    CHECK(
        shop.scalar(QStringLiteral("SELECT tendered_fen FROM payments WHERE sale_id = ? AND tender = 'cash'"),
                    {r->saleId})
            .toLongLong() == 3000);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("settlePayments merges cash and keeps non-cash as charged", "[checkout][tender]")
{
    auto p = settlePayments(fen(7390), {{Tender::Cash, fen(5000), {}},
                                        {Tender::Alipay, fen(2000), QStringLiteral(" 2026 1125 2200 1400 0000 01 ")},
                                        {Tender::Cash, fen(1000), {}}});
    REQUIRE(p.ok());
    REQUIRE(p->size() == 2);
    CHECK(p->at(0).tender == Tender::Alipay);
    CHECK(p->at(0).amount == fen(2000));
    CHECK(p->at(0).reference == QStringLiteral("2026112522001400000001")); // typed in groups, kept whole
    CHECK(p->at(1).tender == Tender::Cash);
    CHECK(p->at(1).tendered == fen(6000));
    CHECK(p->at(1).change == fen(610));
    CHECK(p->at(1).amount == fen(5390));

    auto none = settlePayments(fen(0), {});
    REQUIRE(none.ok()); // a free gift needs no payment
    CHECK(none->isEmpty());
    CHECK(settlePayments(fen(1), {}).error().code == ErrorCode::InsufficientFunds);
}

TEST_CASE("receipt numbers run gapless per day and restart at local midnight", "[checkout][receipt]")
{
    TestShop shop(shanghaiMs(2026, 11, 25, 23, 58));
    CHECK(shop.sell({shop.line(shop.p.water)}).receiptNo == QStringLiteral("S01-20261125-0001"));
    // A refused sale and a duplicate take no number.
    CHECK_FALSE(shop.ctx()
                    .checkout()
                    .commit(shop.request({shop.line(shop.p.oil)}, {{Tender::Cash, fen(100), {}}}))
                    .ok());
    CHECK(shop.sell({shop.line(shop.p.water)}).receiptNo == QStringLiteral("S01-20261125-0002"));
    CHECK(shop.sell({shop.line(shop.p.noodles)}).receiptNo == QStringLiteral("S01-20261125-0003"));

    shop.clock.set(shanghaiMs(2026, 11, 25, 23, 59, 59, 999)); // 15:59:59.999 UTC
    CHECK(shop.sell({shop.line(shop.p.water)}).receiptNo == QStringLiteral("S01-20261125-0004"));

    shop.clock.set(shanghaiMs(2026, 11, 26, 0, 0)); // 16:00 UTC: a new day in Shanghai
    CHECK(shop.sell({shop.line(shop.p.water)}).receiptNo == QStringLiteral("S01-20261126-0001"));
    CHECK(shop.sell({shop.line(shop.p.water)}).receiptNo == QStringLiteral("S01-20261126-0002"));

    // The UTC date changes 8 hours later; the receipt day does not.
    shop.clock.set(shanghaiMs(2026, 11, 26, 8, 30));
    CHECK(shop.sell({shop.line(shop.p.water)}).receiptNo == QStringLiteral("S01-20261126-0003"));
    CHECK(shop.scalar(QStringLiteral("SELECT business_day FROM sales ORDER BY id DESC LIMIT 1")).toString() ==
          QStringLiteral("20261126"));
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("numbers stay gapless after a restart", "[checkout][receipt]")
{
    TestShop shop;
    shop.sell({shop.line(shop.p.water)});
    shop.sell({shop.line(shop.p.water)});
    shop.reopen();
    CHECK(shop.sell({shop.line(shop.p.water)}).receiptNo == QStringLiteral("S01-20261125-0003"));
}

TEST_CASE("two tills ringing up at once share one gapless sequence", "[checkout][receipt][concurrency]")
{
    TestShop shop;
    const QString path = shop.path();
    const Product water = shop.p.water;
    const qint64 cashierId = shop.cashier;
    constexpr int kPerTill = 40;
    struct Till {
        QString terminal;
        QStringList receipts;
        QStringList errors;
    };
    Till tills[2] = {{QStringLiteral("POS2"), {}, {}}, {QStringLiteral("POS3"), {}, {}}};
    std::atomic<int> ready{0};
    auto run = [&](Till &till) {
        // Each till has its own connection, made in its own thread, as two programs would.
        auto ctx = AppContext::open(path, shop.clock, till.terminal);
        if (!ctx) {
            till.errors << ctx.error().message;
            return;
        }
        auto shift = (*ctx)->shifts().open(cashierId, fen(0));
        if (!shift) {
            till.errors << shift.error().message;
            return;
        }
        ++ready;
        while (ready.load() < 2)
            std::this_thread::yield();
        for (int i = 0; i < kPerTill; ++i) {
            CheckoutRequest r;
            r.uuid = newUuid();
            r.operatorId = cashierId;
            r.shiftId = shift->id;
            CartLine l;
            l.productId = water.id;
            l.name = water.name;
            l.listPrice = water.price;
            r.lines = {l};
            r.tenders = {{Tender::Cash, fen(200), {}}};
            auto sale = (*ctx)->checkout().commit(r);
            if (sale)
                till.receipts << sale->receiptNo;
            else
                till.errors << sale.error().message;
        }
    };
    std::thread a(run, std::ref(tills[0]));
    std::thread b(run, std::ref(tills[1]));
    a.join();
    b.join();
    CHECK(tills[0].errors == QStringList());
    CHECK(tills[1].errors == QStringList());
    QStringList all = tills[0].receipts + tills[1].receipts;
    all.sort();
    REQUIRE(all.size() == 2 * kPerTill);
    for (int i = 0; i < all.size(); ++i)
        CHECK(all.at(i) == formatReceiptNo(QStringLiteral("S01"), QStringLiteral("20261125"), i + 1));
    CHECK(shop.stockOf(water.id) == 100'000 - 2 * kPerTill * 1000);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("discounts beyond the cashier's limit need a manager", "[checkout][discount]")
{
    TestShop shop;
    CheckoutService &co = shop.ctx().checkout();
    CartLine oil = shop.line(shop.p.oil);

    SECTION("9折 is within the default limit of 900 per mille")
    {
        oil.discountPermille = 900;
        CHECK_FALSE(co.needsManager({oil}, {}, {}));
        auto r = co.commit(shop.request({oil}));
        REQUIRE(r.ok());
        CHECK(r->total == fen(6291)); // 69.90 x 0.9 = 62.91
        CHECK(shop.scalar(QStringLiteral("SELECT authorized_by IS NULL FROM sales WHERE id = ?"), {r->saleId})
                  .toBool());
    }
    SECTION("8折 on a line is refused without a manager, and with a cashier as approver")
    {
        oil.discountPermille = 800;
        CHECK(co.needsManager({oil}, {}, {}));
        auto alone = co.commit(shop.request({oil}));
        REQUIRE_FALSE(alone.ok());
        CHECK(alone.error().code == ErrorCode::Denied);
        auto req = shop.request({oil});
        // A cashier's code and PIN approve nothing.
        CHECK(shop.ctx()
                  .approvals()
                  .grant(QStringLiteral("1002"), QStringLiteral("1234"),
                         discountApprovalScope(req.uuid, req.lines, req.orderDiscount, req.member), shop.cashier)
                  .error()
                  .code == ErrorCode::Denied);
        req.approvalToken = QString::number(shop.manager); // a manager's id is not an approval
        CHECK(co.commit(req).error().code == ErrorCode::Denied);
        CHECK(shop.count(QStringLiteral("sales")) == 0);

        req.approvalToken = shop.approveCart(req);
        auto approved = co.commit(req);
        INFO(why(approved));
        REQUIRE(approved.ok());
        CHECK(approved->total == fen(5592));
        CHECK(shop.scalar(QStringLiteral("SELECT authorized_by FROM sales WHERE id = ?"), {approved->saleId})
                  .toLongLong() == shop.manager);
        CHECK(shop.count(QStringLiteral("audit_log"),
                         QStringLiteral("action = 'sale.discount' AND authorized_by = ? AND target = ?"),
                         {shop.manager, approved->receiptNo}) == 1);
    }
    SECTION("a locked manager cannot approve")
    {
        oil.discountPermille = 500;
        auto req = shop.request({oil});
        req.approvalToken = shop.approveCart(req);
        // Locked between the PIN and the payment: the approval no longer counts.
        shop.execRaw(QStringLiteral("UPDATE operators SET locked = 1 WHERE id = ?"), {shop.manager});
        CHECK(co.commit(req).error().code == ErrorCode::Denied);
        auto admin = shop.ctx().approvals().grant(QStringLiteral("9001"), QStringLiteral("9999"),
                                                  discountApprovalScope(req.uuid, req.lines, req.orderDiscount, req.member),
                                                  shop.cashier);
        REQUIRE(admin.ok());
        req.approvalToken = admin->token;
        CHECK(co.commit(req).ok());
    }
    SECTION("the limit is a store setting")
    {
        REQUIRE(shop.ctx().settings().set(Settings::kCashierDiscountLimit, QStringLiteral("950")).ok());
        oil.discountPermille = 900;
        CHECK(co.needsManager({oil}, {}, {}));
        CHECK(co.commit(shop.request({oil})).error().code == ErrorCode::Denied);
        oil.discountPermille = 950;
        CHECK(co.commit(shop.request({oil})).ok());
    }
    SECTION("改价: any changed price needs a manager, up or down")
    {
        CartLine water = shop.line(shop.p.water, 10'000);
        water.priceOverride = fen(150); // ¥2.00 -> ¥1.50
        CHECK(co.needsManager({water}, {}, {}));
        CHECK(co.commit(shop.request({water})).error().code == ErrorCode::Denied);
        water.priceOverride = fen(190); // even a small change
        CHECK(co.needsManager({water}, {}, {}));
        water.priceOverride = fen(250); // and a higher price
        CHECK(co.needsManager({water}, {}, {}));
        water.priceOverride = fen(200); // the list price typed again is no change
        CHECK_FALSE(co.needsManager({water}, {}, {}));
        water.priceOverride = fen(180);
        auto req = shop.request({water});
        req.approvalToken = shop.approveCart(req);
        auto r = co.commit(req);
        REQUIRE(r.ok());
        CHECK(r->total == fen(1800));
    }
    SECTION("an order discount: by rate and by amount")
    {
        OrderDiscount rate;
        rate.permille = 850;
        CHECK(co.needsManager({oil}, rate, {}));
        rate.permille = 900;
        CHECK_FALSE(co.needsManager({oil}, rate, {}));
        OrderDiscount off;
        off.amount = fen(699); // ¥6.99 off ¥69.90 is exactly 9折: allowed
        CHECK_FALSE(co.needsManager({oil}, off, {}));
        off.amount = fen(700); // ¥7.00 off is 8.9985折: needs a manager
        CHECK(co.needsManager({oil}, off, {}));
        off.amount = fen(1000);
        CHECK(co.needsManager({oil}, off, {}));
        auto req = shop.request({oil});
        req.orderDiscount = off;
        req.tenders = {{Tender::Cash, fen(5990), {}}};
        CHECK(co.commit(req).error().code == ErrorCode::Denied);
        req.approvalToken = shop.approveCart(req);
        auto r = co.commit(req);
        REQUIRE(r.ok());
        CHECK(r->total == fen(5990));
    }
}

TEST_CASE("checkout refuses malformed carts", "[checkout]")
{
    TestShop shop;
    CheckoutService &co = shop.ctx().checkout();
    auto req = shop.request({shop.line(shop.p.water)});

    auto noUuid = req;
    noUuid.uuid.clear();
    CHECK(co.commit(noUuid).error().code == ErrorCode::Invalid);
    auto empty = req;
    empty.lines.clear();
    CHECK(co.commit(empty).error().code == ErrorCode::Invalid);
    auto zeroQty = req;
    zeroQty.lines[0].quantityMilli = 0;
    CHECK(co.commit(zeroQty).error().code == ErrorCode::Invalid);
    auto negativeQty = req;
    negativeQty.lines[0].quantityMilli = -1000; // returns go through refunds, never a negative sale
    CHECK(co.commit(negativeQty).error().code == ErrorCode::Invalid);
    auto surcharge = req;
    surcharge.lines[0].discountPermille = 1100;
    CHECK(co.commit(surcharge).error().code == ErrorCode::Invalid);
    auto negativePrice = req;
    negativePrice.lines[0].priceOverride = fen(-200);
    CHECK(co.commit(negativePrice).error().code == ErrorCode::Invalid);
    auto orderSurcharge = req;
    orderSurcharge.orderDiscount.permille = 1200;
    CHECK(co.commit(orderSurcharge).error().code == ErrorCode::Invalid);
    CHECK(shop.count(QStringLiteral("sales")) == 0);
}

TEST_CASE("a sale that fails inside the transaction leaves nothing and blocks nothing", "[checkout]")
{
    TestShop shop;
    CartLine ghost = shop.line(shop.p.water);
    ghost.productId = 999'999; // deleted behind the till's back
    auto r = shop.ctx().checkout().commit(
        shop.request({shop.line(shop.p.oil), ghost}, {{Tender::Cash, fen(10000), {}}}));
    REQUIRE_FALSE(r.ok());
    CHECK((r.error().code == ErrorCode::Storage || r.error().code == ErrorCode::NotFound));
    CHECK(shop.count(QStringLiteral("sales")) == 0);
    CHECK(shop.count(QStringLiteral("sale_lines")) == 0);
    CHECK(shop.count(QStringLiteral("stock_moves"), QStringLiteral("reason = 'sale'")) == 0);
    CHECK(shop.stockOf(shop.p.oil.id) == 20'000);
    // The rollback really happened: the next sale begins its own transaction and gets number 1.
    CHECK(shop.sell({shop.line(shop.p.oil)}).receiptNo == QStringLiteral("S01-20261125-0001"));
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("抹零 as a store setting is applied at checkout", "[checkout][pricing]")
{
    TestShop shop;
    // ¥12.98/kg x 1.235 kg = ¥16.03
    const QList<CartLine> cart = {shop.line(shop.p.apples, 1235)};
    CHECK(shop.ctx().checkout().quote(cart, {}, {}).total == fen(1603));
    REQUIRE(shop.ctx().settings().set(Settings::kRoundingMode, QStringLiteral("1")).ok());
    CHECK(shop.ctx().checkout().roundingMode() == RoundingMode::ToJiao);
    auto r = shop.ctx().checkout().commit(shop.request(cart, {{Tender::Cash, fen(2000), {}}}));
    REQUIRE(r.ok());
    CHECK(r->total == fen(1600));
    CHECK(r->change == fen(400));
    CHECK(shop.scalar(QStringLiteral("SELECT rounding_fen FROM sales WHERE id = ?"), {r->saleId})
              .toLongLong() == 3);
    CHECK(shop.stockOf(shop.p.apples.id) == 30'000 - 1235);
    REQUIRE(shop.ctx().settings().set(Settings::kRoundingMode, QStringLiteral("2")).ok());
    CHECK(shop.ctx().checkout().quote(cart, {}, {}).total == fen(1600));
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a scanned price label is sold at its printed amount", "[checkout][barcode]")
{
    TestShop shop;
    const QString first12 = QStringLiteral("210900201567");
    auto m = shop.ctx().catalog().lookupScan(first12 + ean13CheckDigit(first12));
    REQUIRE(m.ok());
    CartLine l = shop.line(m->product, m->quantityMilli);
    l.fixedAmount = m->fixedAmount;
    auto r = shop.ctx().checkout().commit(
        shop.request({l, shop.line(shop.p.water)}, {{Tender::Cash, fen(2000), {}}}));
    REQUIRE(r.ok());
    CHECK(r->total == fen(1767));
    CHECK(r->change == fen(233));
    CHECK(shop.scalar(QStringLiteral("SELECT amount_fen FROM sale_lines WHERE sale_id = ? AND line_no = 1"),
                      {r->saleId})
              .toLongLong() == 1567);
    CHECK(shop.stockOf(shop.p.beef.id) == 10'000 - 270);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("negative prices from the screen are refused", "[checkout]")
{
    // Regression (this once happened): commit() checks quantities, rates and price overrides, but not the list
    // price or a scale label's amount that come with the cart. A line with listPrice -¥2.00 (or
    // fixedAmount -¥5.00) next to a dearer line is recorded as a sale line of negative amount
    // with goods leaving stock.
    TestShop shop;
    CartLine minus = shop.line(shop.p.water);
    minus.listPrice = fen(-200);
    auto a = shop.ctx().checkout().commit(
        shop.request({shop.line(shop.p.oil), minus}, {{Tender::Cash, fen(10000), {}}}));
    CHECK_FALSE(a.ok());
    CartLine label = shop.line(shop.p.beef, 270);
    label.fixedAmount = fen(-500);
    auto b = shop.ctx().checkout().commit(
        shop.request({shop.line(shop.p.oil), label}, {{Tender::Cash, fen(10000), {}}}));
    CHECK_FALSE(b.ok());
    CHECK(shop.count(QStringLiteral("sale_lines"), QStringLiteral("amount_fen < 0")) == 0);
}

TEST_CASE("a sale cannot be booked into a closed shift", "[checkout][shifts]")
{
    // Regression (this once happened): commit() (and refunds) accept any shiftId, including a shift that was
    // already closed and counted: the printed 交班 report then no longer matches the books.
    //
    TestShop shop;
    auto shift = shop.ctx().shifts().open(shop.cashier, Money::fromYuan(500));
    REQUIRE(shift.ok());
    auto closed = shop.ctx().shifts().close(shift->id, Money::fromYuan(500), shop.cashier);
    REQUIRE(closed.ok());
    auto req = shop.request({shop.line(shop.p.oil)});
    req.shiftId = shift->id;
    auto late = shop.ctx().checkout().commit(req);
    CHECK_FALSE(late.ok());
    auto report = shop.ctx().shifts().report(shift->id);
    REQUIRE(report.ok());
    CHECK(report->expectedCash == closed->expectedCash);
}

TEST_CASE("stacked line and order discounts count together against the cashier's limit",
          "[checkout][discount]")
{
    // The limit is for the discount as a whole: 9折 on every line and 9折 on the order is 8.1折,
    // beyond a 9折 limit, as 8.5折 on one line alone is.
    TestShop shop;
    CartLine oil = shop.line(shop.p.oil);
    oil.discountPermille = 900;
    OrderDiscount order;
    order.permille = 900;
    CHECK(shop.ctx().checkout().needsManager({oil}, order, {}));
}

TEST_CASE("a full disk refuses the sale with a clear message, records nothing, and a retry records one",
          "[checkout][storage]")
{
    TestShop shop;
    const qint64 stockBefore = shop.stockOf(shop.p.oil.id);
    // SQLite's page limit stands in for a full disk: the next page it needs gives SQLITE_FULL.
    const qint64 pages = shop.scalar(QStringLiteral("PRAGMA page_count")).toLongLong();
    shop.execRaw(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
    CheckoutRequest req;
    for (int i = 0; i < 200; ++i) // enough lines to need new pages
        req.lines.append(shop.line(i % 2 ? shop.p.oil : shop.p.water));
    req = shop.request(req.lines);
    auto failed = shop.ctx().checkout().commit(req);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == ErrorCode::Storage);
    CHECK(failed.error().message.contains(QStringLiteral("disk is full")));
    CHECK(shop.count(QStringLiteral("sales")) == 0);
    CHECK(shop.stockOf(shop.p.oil.id) == stockBefore);

    // Space freed: the cashier presses pay again with the same cart (same uuid): one sale.
    shop.execRaw(QStringLiteral("PRAGMA max_page_count = 1073741823"));
    auto retried = shop.ctx().checkout().commit(req);
    INFO(why(retried));
    REQUIRE(retried.ok());
    CHECK_FALSE(retried->duplicate);
    auto again = shop.ctx().checkout().commit(req);
    REQUIRE(again.ok());
    CHECK(again->duplicate);
    CHECK(shop.count(QStringLiteral("sales")) == 1);
    CHECK(shop.stockOf(shop.p.oil.id) == stockBefore - 100 * 1000);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("WeChat Pay and Alipay need their payment reference in the engine", "[checkout][tender]")
{
    TestShop shop;
    const QList<CartLine> cart = {shop.line(shop.p.noodles)}; // ¥14.50
    for (const Tender &wallet : {Tender::WeChat, Tender::Alipay}) {
        INFO(wallet.key().toStdString());
        for (const QString &ref : {QString(), QStringLiteral("   ")}) {
            auto r = shop.ctx().checkout().commit(shop.request(cart, {{wallet, fen(1450), ref}}));
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == ErrorCode::Invalid);
            CHECK(r.error().message.contains(tenderLabel(wallet)));
        }
    }
    // "12" or a name is no proof of a wallet payment; a payment code as scanned, or a transaction
    // number from the customer's phone, is.
    const struct {
        Tender wallet;
        const char *reference;
        bool ok;
    } shapes[] = {
        {Tender::WeChat, "12", false},
        {Tender::WeChat, "134567890123456789", true},   // WeChat payment code: 18 digits, 10-15
        {Tender::WeChat, "284567890123456789", false},  // an Alipay code is not WeChat's
        {Tender::WeChat, "4200001234202612021234567890", true}, // transaction number
        {Tender::WeChat, "wx4200001234202612021234", false},
        {Tender::Alipay, "284567890123456789", true},   // Alipay payment code: 16-24 digits, 25-30
        {Tender::Alipay, "1345678901234567", false},
        {Tender::Alipay, "2026120222001412345678901234", true},
        {Tender::Alipay, "王先生已付", false},
    };
    for (const auto &c : shapes) {
        INFO(c.wallet.key().toStdString() << " " << c.reference);
        const QString problem = referenceProblem(*tenderKind(c.wallet), QString::fromUtf8(c.reference));
        CHECK(problem.isEmpty() == c.ok);
    }
    auto twelve = shop.ctx().checkout().commit(shop.request(cart, {{Tender::WeChat, fen(1450), QStringLiteral("12")}}));
    REQUIRE_FALSE(twelve.ok());
    CHECK(twelve.error().message.contains(QStringLiteral("\"12\"")));
    CHECK(shop.count(QStringLiteral("sales")) == 0);
    // A bank card's slip number is optional; a wallet with its reference goes through.
    CHECK(shop.ctx().checkout().commit(shop.request(cart, {{Tender::Card, fen(1450), {}}})).ok());
    CHECK(shop.ctx()
              .checkout()
              .commit(shop.request(cart, {{Tender::Alipay, fen(1450), QStringLiteral("2026112522001400000001")}}))
              .ok());
}

TEST_CASE("a tender kind this program does not handle is refused, not booked as cash", "[checkout][tender]")
{
    TestShop shop;
    auto r = shop.ctx().checkout().commit(
        shop.request({shop.line(shop.p.water)}, {{Tender::fromKey(QStringLiteral("bitcoin")), fen(200), {}}}));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.contains(QStringLiteral("bitcoin")));
    CHECK(shop.count(QStringLiteral("payments")) == 0);
}
