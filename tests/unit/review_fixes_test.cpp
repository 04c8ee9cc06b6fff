// Regressions from the code review of the first working version: each case is a way money or
// data went wrong, pinned so it stays fixed.

#include "catalog/catalog.h"
#include "core/uuid.h"
#include "reports/integrity.h"
#include "sales/checkout.h"
#include "sales/returns.h"
#include "testsupport.h"

using namespace huike;
using huike::test::fen;
using huike::test::TestShop;
using huike::test::why;

TEST_CASE("a price list CSV changes prices only, and keeps barcodes, category, unit, PLU and state",
          "[catalog][csv]")
{
    TestShop shop;
    Catalog &c = shop.ctx().catalog();
    REQUIRE(c.setActive(shop.p.noodles.id, false, shop.admin).ok());
    const QByteArray csv = "code,name,price\r\n"
                           "T03,金龙鱼调和油 5升,72.90\r\n"
                           "T04,散装红富士苹果,13.98\r\n"
                           "T02,康师傅红烧牛肉面 五连包,15.00\r\n";
    const ImportReport r = c.importCsv(csv, shop.admin);
    INFO(r.errors.join(QLatin1Char('\n')).toStdString());
    REQUIRE(r.errors.isEmpty());
    CHECK(r.updated == 3);
    auto oil = c.byId(shop.p.oil.id);
    CHECK(oil->price == fen(7290));
    CHECK(oil->barcodes == shop.p.oil.barcodes);
    CHECK(oil->unit == shop.p.oil.unit);
    CHECK(oil->cost == shop.p.oil.cost);
    auto apples = c.byId(shop.p.apples.id);
    CHECK(apples->weighed);
    CHECK(apples->plu == QStringLiteral("09001"));
    CHECK(c.lookupScan(QStringLiteral("2009001") + QStringLiteral("01000") +
                       ean13CheckDigit(QStringLiteral("200900101000")))
              .ok());                               // the scale label still finds it
    CHECK_FALSE(c.byId(shop.p.noodles.id)->active); // no active column: the state is kept
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a CSV without a code column updates the product it finds by barcode", "[catalog][csv]")
{
    TestShop shop;
    Catalog &c = shop.ctx().catalog();
    const ImportReport r =
        c.importCsv("barcode,name,price,stock\r\n6901028075831,金龙鱼调和油 5升,70.50,25\r\n", shop.admin);
    INFO(r.errors.join(QLatin1Char('\n')).toStdString());
    REQUIRE(r.errors.isEmpty());
    CHECK(r.updated == 1);
    CHECK(r.added == 0);
    CHECK(c.byId(shop.p.oil.id)->price == fen(7050));
    CHECK(shop.stockOf(shop.p.oil.id) == 25'000); // moved to the file's figure by a ledger row
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a stocktake sets the counted figure even if a till sold in between", "[catalog][stock]")
{
    TestShop shop;
    // The manager counted 18 while the list said 20; a till sells 1 before the count is saved.
    shop.sell({shop.line(shop.p.oil)});
    REQUIRE(shop.ctx()
                .catalog()
                .setCountedStock(shop.p.oil.id, 18'000, QStringLiteral("盘点"), shop.manager)
                .ok());
    CHECK(shop.stockOf(shop.p.oil.id) == 18'000);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'stock.count'")) == 1);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("checkout refuses a price that changed since the scan, and a product taken off sale", "[checkout]")
{
    TestShop shop;
    const CartLine scanned = shop.line(shop.p.oil);
    Product oil = shop.p.oil;
    oil.price = fen(7490);
    REQUIRE(shop.ctx().catalog().save(oil, shop.admin).ok());
    auto r = shop.ctx().checkout().commit(shop.request({scanned}, {{Tender::Cash, fen(10000), {}}}));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Conflict);
    CHECK(r.error().message.contains(QStringLiteral("74.90")));
    CHECK(shop.count(QStringLiteral("sales")) == 0);

    REQUIRE(shop.ctx().catalog().setActive(shop.p.water.id, false, shop.admin).ok());
    auto off = shop.ctx().checkout().commit(shop.request({shop.line(shop.p.water)}));
    REQUIRE_FALSE(off.ok());
    CHECK(off.error().code == ErrorCode::Conflict);
}

TEST_CASE("more than 1,000 yuan change is refused as a slip in the cash amount", "[checkout][tender]")
{
    CHECK(settlePayments(fen(500), {{Tender::Cash, fen(100'500), {}}}).ok()); // exactly 1,000 change
    auto slip = settlePayments(fen(500), {{Tender::Cash, Money::fromYuan(6'901'028'075'831), {}}});
    REQUIRE_FALSE(slip.ok());
    CHECK(slip.error().code == ErrorCode::Invalid);
}

TEST_CASE("one-by-one refunds of a discounted line never give back more than it cost", "[returns]")
{
    TestShop shop;
    // 24 bottles sold for ¥2.52 in all (a manager's clearance price): 10.5 fen a unit, so each
    // unit's share rounds up, and 23 rounded shares (253 fen) would exceed the line (252 fen).
    auto req = shop.request({shop.line(shop.p.water, 24'000)});
    req.orderDiscount.amount = fen(4800 - 252);
    req.approvalToken = shop.approveCart(req);
    req.tenders = {{Tender::Cash, fen(252), {}}};
    auto sale = shop.ctx().checkout().commit(req);
    INFO(why(sale));
    REQUIRE(sale.ok());
    REQUIRE(sale->total == fen(252));
    Money back;
    for (int i = 0; i < 24; ++i) {
        const auto line = shop.ctx().returns().refundable(sale->receiptNo)->lines.at(0);
        const QList<RefundLineRequest> one = {{line.lineId, 1000}};
        auto scope = shop.ctx().returns().approvalScope(QStringLiteral("refund"), sale->receiptNo, one);
        REQUIRE(scope.ok());
        auto r = shop.ctx().returns().refund(RefundRequest{newUuid(), sale->receiptNo, one,
                                                           QStringLiteral("逐瓶退货"), shop.cashier,
                                                           shop.approveQuickly(*scope), shop.shift()});
        INFO("unit " << i + 1 << ": " << why(r));
        REQUIRE(r.ok());
        back -= r->total;
    }
    CHECK(back == fen(252));
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a void is for the last sale of this shift only", "[returns][shifts]")
{
    TestShop shop;
    auto first = shop.ctx().shifts().open(shop.cashier, fen(0));
    REQUIRE(first.ok());
    auto req = shop.request({shop.line(shop.p.oil)});
    req.shiftId = first->id;
    auto sale = shop.ctx().checkout().commit(req);
    REQUIRE(sale.ok());
    REQUIRE(shop.ctx().shifts().close(first->id, fen(6990), shop.cashier).ok());
    auto second = shop.ctx().shifts().open(shop.cashier2, fen(0));
    REQUIRE(second.ok());
    auto last = shop.ctx().returns().lastVoidableSale(second->id);
    REQUIRE_FALSE(last.ok());
    CHECK(last.error().code == ErrorCode::Conflict);
    auto v = shop.ctx().returns().voidSale(newUuid(), sale->receiptNo, QStringLiteral("顾客取消"),
                                           shop.cashier2, shop.approveVoid(sale->receiptNo), second->id);
    REQUIRE_FALSE(v.ok());
    CHECK(shop.count(QStringLiteral("sales"), QStringLiteral("kind = 'void'")) == 0);
}

TEST_CASE("approving with a cashier's code does not reset that cashier's wrong-PIN count", "[operators]")
{
    TestShop shop;
    OperatorService &ops = shop.ctx().operators();
    for (int i = 0; i < 4; ++i)
        CHECK_FALSE(ops.login(QStringLiteral("1001"), QStringLiteral("0000")).ok());
    auto denied = ops.authorizeManager(QStringLiteral("1001"), QStringLiteral("1234"));
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.error().code == ErrorCode::Denied);
    CHECK(ops.byId(shop.cashier)->failedAttempts == 4);
    CHECK_FALSE(ops.login(QStringLiteral("1001"), QStringLiteral("0000")).ok());
    CHECK(ops.byId(shop.cashier)->locked);
}
