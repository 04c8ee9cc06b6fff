// The printed receipt: read back from the committed sale, laid out for 58 mm and 80 mm paper where
// a Chinese character takes two columns.

#include "sales/receipt.h"
#include "store/settings.h"
#include "testsupport.h"

using namespace huike;
using huike::test::fen;
using huike::test::shanghaiMs;
using huike::test::TestShop;
using huike::test::why;

TEST_CASE("PrintLayout counts a Chinese character as two columns", "[receipt]")
{
    CHECK(PrintLayout::width(QStringLiteral("Total")) == 5);
    CHECK(PrintLayout::width(QStringLiteral("可口可乐")) == 8);
    CHECK(PrintLayout::width(QStringLiteral("可乐 330ml")) == 10);
    CHECK(PrintLayout::width(QStringLiteral("（）￥")) == 6); // full-width forms
    CHECK(PrintLayout::width(QStringLiteral("𠮷")) == 2);     // outside the BMP: one character
    CHECK(PrintLayout::fit(QStringLiteral("可口可乐"), 5) == QStringLiteral("可口"));
    CHECK(PrintLayout::fit(QStringLiteral("可口可乐"), 6) == QStringLiteral("可口可"));
    CHECK(PrintLayout::fit(QStringLiteral("a𠮷b"), 2) == QStringLiteral("a")); // never half a surrogate pair
    CHECK(PrintLayout::fit(QStringLiteral("a𠮷b"), 3) == QStringLiteral("a𠮷"));

    PrintLayout t(12);
    t.pair(QStringLiteral("合计"), QStringLiteral("73.90"));
    t.line(QStringLiteral("元气森林苏打气泡水白桃味")); // 24 columns: wraps onto two lines
    t.center(QStringLiteral("谢谢"));
    t.rule();
    const QStringList lines = t.text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == QStringLiteral("合计   73.90"));
    CHECK(lines[1] == QStringLiteral("元气森林苏打"));
    CHECK(lines[2] == QStringLiteral("气泡水白桃味"));
    CHECK(lines[3] == QStringLiteral("    谢谢"));
    CHECK(lines[4] == QStringLiteral("------------"));
}

TEST_CASE("a receipt shows what was committed and fits the paper", "[receipt]")
{
    TestShop shop;
    Product longName = shop.p.noodles;
    longName.id = 0;
    longName.code = QStringLiteral("T09");
    longName.name = QStringLiteral("元气森林苏打气泡水 白桃味 480毫升 整箱装（15瓶）限时特惠");
    longName.barcodes = {QStringLiteral("6902538004045")};
    auto id = shop.ctx().catalog().save(longName, shop.admin);
    REQUIRE(id.ok());
    longName.id = *id;

    CartLine discounted = shop.line(shop.p.oil);
    discounted.discountPermille = 900;
    auto sale = shop.ctx().checkout().commit(
        shop.request({discounted, shop.line(longName, 2000), shop.line(shop.p.apples, 1235)},
                     {{Tender::WeChat, fen(5000), QStringLiteral("4200001234202611250099")},
                      {Tender::Cash, fen(10000), {}}}));
    INFO(why(sale));
    REQUIRE(sale.ok());
    // 62.91 (9折) + 2 x 14.50 + 16.03 (1.235 kg x 12.98) = 107.94: ¥50 by WeChat, ¥57.94 of ¥100 cash.
    CHECK(sale->total == fen(10794));
    CHECK(sale->change == fen(4206));
    auto r = shop.ctx().receipts().load(sale->receiptNo);
    REQUIRE(r.ok());
    CHECK(r->storeName == QStringLiteral("汇客便利店（演示店）"));
    CHECK(r->operatorName == QStringLiteral("王芳"));
    CHECK(r->terminal == QStringLiteral("POS1"));
    CHECK(r->kind == QStringLiteral("sale"));
    REQUIRE(r->lines.size() == 3);
    CHECK(r->lines[0].name == QStringLiteral("金龙鱼调和油 5升"));
    CHECK(r->lines[0].amount == fen(6291));
    CHECK(r->lines[0].discount == fen(699));
    CHECK(r->lines[2].quantityMilli == 1235);
    CHECK(r->total == sale->total);
    CHECK(r->change() == sale->change);

    for (int columns : {32, 48}) {
        const QString text = shop.ctx().receipts().render(*r, columns);
        INFO(text.toStdString());
        CHECK(text.contains(sale->receiptNo));
        CHECK(text.contains(QStringLiteral("金龙鱼调和油")));
        CHECK(text.contains(QStringLiteral("1.235")));
        CHECK(text.contains(r->total.display()));
        CHECK(text.contains(QStringLiteral("250099"))); // the end of the WeChat reference
        CHECK(text.contains(QStringLiteral("2026-11-25 10:00:00")));
        for (const QString &line : text.split(QLatin1Char('\n')))
            CHECK(PrintLayout::width(line) <= columns);
    }

    CHECK(shop.ctx().receipts().load(QStringLiteral("S01-20261125-0099")).error().code ==
          ErrorCode::NotFound);
    CHECK(shop.ctx().receipts().recent(10) == QStringList{sale->receiptNo});
}

TEST_CASE("a receipt says where every fen went: each adjustment by its source", "[receipt][pricing]")
{
    TestShop shop;
    REQUIRE(shop.ctx().settings().set(Settings::kRoundingMode, QStringLiteral("1")).ok());
    CartLine oil = shop.line(shop.p.oil);
    oil.discountPermille = 850; // 8.5折 on the line: 69.90 -> 59.42 (10.49 off, half a fen up)
    CartLine noodles = shop.line(shop.p.noodles);
    noodles.priceOverride = fen(1300); // 改价 14.50 -> 13.00
    CheckoutRequest req = shop.request({oil, noodles});
    req.orderDiscount = OrderDiscount{900, {}}; // 9折 on the order, then 抹零 to the jiao
    const PricedOrder priced = shop.ctx().checkout().quote(req.lines, req.orderDiscount, req.member);
    req.tenders = {TenderInput{Tender::Cash, Money::fromYuan(100), {}}};
    req.approvalToken = shop.approveCart(req);
    auto sale = shop.ctx().checkout().commit(req);
    INFO(why(sale));
    REQUIRE(sale.ok());

    auto r = shop.ctx().receipts().load(sale->receiptNo);
    REQUIRE(r.ok());
    REQUIRE(r->lines.size() == 2);
    REQUIRE(r->lines[0].adjustments.size() == 1);
    CHECK(r->lines[0].adjustments[0].source == kAdjustLineDiscount);
    CHECK(r->lines[0].adjustments[0].reference == QStringLiteral("8.5折"));
    REQUIRE(r->lines[1].adjustments.size() == 1);
    CHECK(r->lines[1].adjustments[0].source == kAdjustPriceChange);
    CHECK(r->lines[1].adjustments[0].amount == fen(150));
    // The order's adjustments once each, their lines' shares summed back to what the pipeline took.
    REQUIRE(r->orderAdjustments.size() == 2);
    CHECK(r->orderAdjustments[0].source == kAdjustOrderDiscount);
    CHECK(r->orderAdjustments[0].amount == priced.orderAdjustments.at(0).amount);
    CHECK(r->orderAdjustments[1].source == kAdjustRounding);
    CHECK(r->orderAdjustments[1].amount == priced.rounding);
    Money sum;
    for (const ReceiptLine &l : r->lines)
        for (const Adjustment &a : l.adjustments)
            sum += a.amount;
    for (const ReceiptAdjustment &a : r->orderAdjustments)
        sum += a.amount;
    CHECK(r->subtotal - sum == r->total);

    const QString text = shop.ctx().receipts().render(*r, 32);
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("8.5折")));
    CHECK(text.contains(QStringLiteral("9折")));
    CHECK(priced.rounding.fen() > 0);
    CHECK(text.contains(QStringLiteral("13.00")));
    CHECK(text.contains((-priced.rounding).toString()));
}

TEST_CASE("a receipt is found as a cashier types its number: any case, or today's last digits", "[receipt]")
{
    TestShop shop;
    const SaleResult first = shop.sell({shop.line(shop.p.water)});
    shop.sell({shop.line(shop.p.noodles)});
    REQUIRE(first.receiptNo == QStringLiteral("S01-20261125-0001"));
    for (const char *typed : {"S01-20261125-0001", "s01-20261125-0001", " s01-20261125-0001 ", "1", "0001"}) {
        INFO(typed);
        auto r = shop.ctx().receipts().load(QString::fromLatin1(typed));
        REQUIRE(r.ok());
        CHECK(r->receiptNo == first.receiptNo);
    }
    // The refund screen finds it the same way.
    auto refundable = shop.ctx().returns().refundable(QStringLiteral("2"));
    REQUIRE(refundable.ok());
    CHECK(refundable->receiptNo == QStringLiteral("S01-20261125-0002"));
    // Yesterday's number by its last digits would be a guess: only today's are found that way.
    shop.clock.set(shanghaiMs(2026, 11, 26, 9, 0));
    auto tomorrow = shop.ctx().receipts().load(QStringLiteral("1"));
    REQUIRE_FALSE(tomorrow.ok());
    CHECK(tomorrow.error().code == ErrorCode::NotFound);
    CHECK(shop.ctx().receipts().load(QStringLiteral("S01-20261125-0001")).ok());
    CHECK_FALSE(shop.ctx().receipts().load(QStringLiteral("S01-20261125-9")).ok());
}

TEST_CASE("the receipt list is narrowed by day, amount, member and tender", "[receipt]")
{
    TestShop shop;
    shop.execRaw(QStringLiteral("INSERT INTO members(phone, name, created_at_ms) VALUES "
                                "('19955558000', '陈小红', 0)"));
    const qint64 memberId =
        shop.scalar(QStringLiteral("SELECT id FROM members WHERE phone = '19955558000'")).toLongLong();
    CheckoutRequest member = shop.request({shop.line(shop.p.noodles)},
                                          {{Tender::WeChat, fen(1450), QStringLiteral("134567890123456789")}});
    member.member = *memberPrice(shop.ctx().db(), memberId);
    auto a = shop.ctx().checkout().commit(member); // ¥14.50 WeChat, member
    REQUIRE(a.ok());
    const SaleResult b = shop.sell({shop.line(shop.p.water)}); // ¥2.00 cash
    shop.clock.set(shanghaiMs(2026, 11, 26, 9, 30));
    const SaleResult c = shop.sell({shop.line(shop.p.water), shop.line(shop.p.water)}); // ¥4.00 next day

    const auto numbers = [&](const ReceiptFilter &f) {
        auto rows = shop.ctx().receipts().find(f);
        REQUIRE(rows.ok());
        QStringList out;
        for (const ReceiptSummary &r : *rows)
            out << r.receiptNo;
        return out;
    };
    CHECK(numbers({}) == QStringList{c.receiptNo, b.receiptNo, a->receiptNo}); // newest first
    ReceiptFilter day;
    day.day = QDate(2026, 11, 25);
    CHECK(numbers(day) == QStringList{b.receiptNo, a->receiptNo});
    ReceiptFilter amount;
    amount.amount = fen(1450);
    CHECK(numbers(amount) == QStringList{a->receiptNo});
    ReceiptFilter byPhone;
    byPhone.member = QStringLiteral("5558000"); // the last digits, as the customer says them
    CHECK(numbers(byPhone) == QStringList{a->receiptNo});
    ReceiptFilter byName;
    byName.member = QStringLiteral("小红");
    CHECK(numbers(byName) == QStringList{a->receiptNo});
    ReceiptFilter cash;
    cash.tender = Tender::Cash;
    CHECK(numbers(cash) == QStringList{c.receiptNo, b.receiptNo});
    auto rows = shop.ctx().receipts().find(byPhone);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    CHECK(rows->first().memberName == QStringLiteral("陈小红"));
    CHECK(rows->first().tenders == QList<Tender>{Tender::WeChat});
    CHECK(rows->first().total == fen(1450));
}
