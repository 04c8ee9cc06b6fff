// `huike-cli verify`: a sound day's books verify clean, and each kind of damage is reported.

#include "core/uuid.h"
#include "reports/integrity.h"
#include "testsupport.h"

#include <QSqlQuery>

using namespace huike;
using huike::test::fen;
using huike::test::TestShop;

namespace {

struct Day {
    SaleResult cashSale, mixedSale, refund, lastSale, voided;
};

// A realistic morning: sales in each tender, a partial refund, a void, a shift.
Day ringUpADay(TestShop &shop)
{
    Day d;
    auto shift = shop.ctx().shifts().open(shop.cashier, Money::fromYuan(500));
    REQUIRE(shift.ok());
    auto ring = [&](const QList<CartLine> &lines, const QList<TenderInput> &tenders) {
        auto req = shop.request(lines, tenders);
        req.shiftId = shift->id;
        shop.clock.advance(300'000);
        auto r = shop.ctx().checkout().commit(req);
        REQUIRE(r.ok());
        return *r;
    };
    d.cashSale =
        ring({shop.line(shop.p.oil), shop.line(shop.p.water, 3000)}, {{Tender::Cash, fen(10000), {}}});
    d.mixedSale =
        ring({shop.line(shop.p.apples, 1235), shop.line(shop.p.noodles)},
             {{Tender::WeChat, fen(2000), QStringLiteral("4200000001202611250001")}, {Tender::Cash, fen(1100), {}}});
    auto orig = shop.ctx().returns().refundable(d.cashSale.receiptNo);
    REQUIRE(orig.ok());
    const QList<RefundLineRequest> back = {{orig->lines[1].lineId, 2000}};
    auto refund = shop.ctx().returns().refund(RefundRequest{newUuid(), d.cashSale.receiptNo, back,
                                                            QStringLiteral("买错了规格"), shop.cashier,
                                                            shop.approveRefund(d.cashSale.receiptNo, back),
                                                            shift->id});
    REQUIRE(refund.ok());
    d.refund = *refund;
    d.lastSale = ring({shop.line(shop.p.water)}, {{Tender::Alipay, fen(200), QStringLiteral("2026112522001400000004")}});
    auto v = shop.ctx().returns().voidSale(newUuid(), d.lastSale.receiptNo, QStringLiteral("收银员按错"),
                                           shop.cashier, shop.approveVoid(d.lastSale.receiptNo), shift->id);
    REQUIRE(v.ok());
    d.voided = *v;
    auto closed = shop.ctx().shifts().close(shift->id, fen(50000 + 7590 + 1053 - 400), shop.cashier);
    REQUIRE(closed.ok());
    return d;
}

bool mentions(const QStringList &problems, const QString &text)
{
    for (const QString &p : problems)
        if (p.contains(text))
            return true;
    return false;
}

} // namespace

TEST_CASE("a day of sales, refunds and voids verifies clean", "[integrity]")
{
    TestShop shop;
    ringUpADay(shop);
    CHECK(shop.count(QStringLiteral("sales")) == 5);
    CHECK(verifyDatabase(shop.ctx().db()) == QStringList());
    shop.reopen();
    CHECK(verifyDatabase(shop.ctx().db()) == QStringList());
}

TEST_CASE("verifyDatabase reports tampered books", "[integrity]")
{
    TestShop shop;
    const Day d = ringUpADay(shop);
    REQUIRE(verifyDatabase(shop.ctx().db()).isEmpty());

    SECTION("a receipt total changed by hand")
    {
        shop.execRaw(QStringLiteral("UPDATE sales SET total_fen = total_fen - 100 WHERE id = ?"),
                     {d.cashSale.saleId});
        const QStringList problems = verifyDatabase(shop.ctx().db());
        INFO(problems.join(QLatin1Char('\n')).toStdString());
        CHECK(mentions(problems, d.cashSale.receiptNo + QStringLiteral(": payments")));
        CHECK(mentions(problems, d.cashSale.receiptNo + QStringLiteral(": line amounts")));
    }
    SECTION("a payment changed by hand")
    {
        shop.execRaw(
            QStringLiteral(
                "UPDATE payments SET amount_fen = amount_fen - 1 WHERE sale_id = ? AND tender = 'wechat'"),
            {d.mixedSale.saleId});
        const QStringList problems = verifyDatabase(shop.ctx().db());
        INFO(problems.join(QLatin1Char('\n')).toStdString());
        REQUIRE_FALSE(problems.isEmpty());
        for (const QString &p : problems)
            CHECK(p.contains(d.mixedSale.receiptNo)); // payments <> total, and paid <> tendered - change
    }
    SECTION("a line amount changed by hand")
    {
        shop.execRaw(
            QStringLiteral(
                "UPDATE sale_lines SET amount_fen = amount_fen + 5 WHERE sale_id = ? AND line_no = 1"),
            {d.mixedSale.saleId});
        CHECK(mentions(verifyDatabase(shop.ctx().db()),
                       d.mixedSale.receiptNo + QStringLiteral(": line amounts")));
    }
    SECTION("stock changed without a stock move")
    {
        shop.execRaw(QStringLiteral("UPDATE products SET stock_milli = stock_milli + 5000 WHERE id = ?"),
                     {shop.p.water.id});
        const QStringList problems = verifyDatabase(shop.ctx().db());
        REQUIRE(problems.size() == 1);
        CHECK(problems.first().contains(QStringLiteral("product T01")));
    }
    SECTION("a stock move deleted")
    {
        // The opening stock's move; a sale's moves are its lines, checked above.
        REQUIRE(shop.count(QStringLiteral("stock_moves"), QStringLiteral("product_id = ?"), {shop.p.oil.id}) > 0);
        shop.execRaw(QStringLiteral("DELETE FROM stock_moves WHERE product_id = ?"), {shop.p.oil.id});
        CHECK(mentions(verifyDatabase(shop.ctx().db()), QStringLiteral("product T03")));
    }
    SECTION("a sold quantity changed behind Huike's back")
    {
        shop.execRaw(QStringLiteral("UPDATE sale_lines SET qty_milli = qty_milli + 1000 WHERE sale_id = ? AND "
                                    "product_id = ?"),
                     {d.cashSale.saleId, shop.p.oil.id});
        CHECK(mentions(verifyDatabase(shop.ctx().db()), QStringLiteral("product T03")));
    }
    SECTION("a receipt number skipped")
    {
        shop.execRaw(
            QStringLiteral("UPDATE sales SET seq = 9, receipt_no = 'S01-20261125-0009' WHERE id = ?"),
            {d.voided.saleId});
        const QStringList problems = verifyDatabase(shop.ctx().db());
        INFO(problems.join(QLatin1Char('\n')).toStdString());
        CHECK(mentions(problems, QStringLiteral("20261125: receipt numbers have gaps")));
    }
    SECTION("more refunded than was sold")
    {
        shop.execRaw(QStringLiteral("UPDATE sale_lines SET qty_milli = -4000 WHERE sale_id = ?"),
                     {d.refund.saleId});
        CHECK(mentions(verifyDatabase(shop.ctx().db()), QStringLiteral("3000 sold but 4000 returned")));
    }
    SECTION("a line pointing to a product that does not exist")
    {
        shop.execRaw(QStringLiteral("PRAGMA foreign_keys = OFF"));
        shop.execRaw(QStringLiteral("UPDATE sale_lines SET product_id = 999999 WHERE sale_id = ?"),
                     {d.mixedSale.saleId});
        shop.execRaw(QStringLiteral("PRAGMA foreign_keys = ON"));
        CHECK(mentions(verifyDatabase(shop.ctx().db()), QStringLiteral("foreign key: sale_lines")));
    }
}
