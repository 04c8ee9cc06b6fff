// Refunds and voids: new documents that point to the sale, need a reason and a manager, put the
// goods back and pay back through the tenders the customer used, to the fen.

#include "core/uuid.h"
#include "members/earnings.h"
#include "members/points.h"
#include "reports/integrity.h"
#include "sales/returns.h"
#include "members/countcards.h"
#include "testsupport.h"

#include <QHash>
#include <QSqlQuery>
#include <atomic>
#include <map>
#include <random>
#include <thread>

using namespace huike;
using huike::test::fen;
using huike::test::TestShop;
using huike::test::why;

namespace {

// A manager's approval of voiding `receiptNo`, or none when it cannot be voided.
QString voidToken(TestShop &shop, const QString &receiptNo)
{
    auto scope = shop.ctx().returns().approvalScope(QStringLiteral("void"), receiptNo);
    return scope ? shop.approveQuickly(*scope) : QString();
}

std::map<QString, qint64> paymentsByTender(TestShop &shop, const QString &where, const QVariantList &binds)
{
    std::map<QString, qint64> out;
    QSqlQuery q(shop.ctx().db().db());
    REQUIRE(q.prepare(
        QStringLiteral(
            "SELECT p.tender, SUM(p.amount_fen) FROM payments p JOIN sales s ON s.id = p.sale_id WHERE ") +
        where + QStringLiteral(" GROUP BY p.tender")));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    REQUIRE(q.exec());
    while (q.next())
        out[q.value(0).toString()] = q.value(1).toLongLong();
    return out;
}

} // namespace

TEST_CASE("a partial refund of one line", "[returns]")
{
    TestShop shop;
    const SaleResult sale =
        shop.sell({shop.line(shop.p.water, 3000), shop.line(shop.p.oil)}, {{Tender::Cash, fen(10000), {}}});
    auto before = shop.ctx().returns().refundable(sale.receiptNo);
    REQUIRE(before.ok());
    REQUIRE(before->lines.size() == 2);
    CHECK(before->lines[0].remainingMilli() == 3000);
    CHECK(before->total == fen(7590));

    shop.clock.advance(3'600'000);
    auto r = shop.ctx().returns().refund(shop.refundRequest(sale.receiptNo, {{before->lines[0].lineId, 1000}}));
    INFO(why(r));
    REQUIRE(r.ok());
    CHECK(r->receiptNo == QStringLiteral("S01-20261125-0002")); // refunds share the day's sequence
    CHECK(r->total == fen(-200));
    CHECK(shop.stockOf(shop.p.water.id) == 100'000 - 3000 + 1000);
    CHECK(shop.stockOf(shop.p.oil.id) == 19'000);
    CHECK(shop.scalar(QStringLiteral("SELECT kind FROM sales WHERE id = ?"), {r->saleId}).toString() ==
          QStringLiteral("refund"));
    CHECK(shop.scalar(QStringLiteral("SELECT original_sale_id FROM sales WHERE id = ?"), {r->saleId})
              .toLongLong() == sale.saleId);
    CHECK(shop.scalar(QStringLiteral("SELECT reason FROM sales WHERE id = ?"), {r->saleId}).toString() ==
          QStringLiteral("顾客不想要了"));
    CHECK(shop.scalar(QStringLiteral("SELECT authorized_by FROM sales WHERE id = ?"), {r->saleId})
              .toLongLong() == shop.manager);
    CHECK(shop.scalar(QStringLiteral("SELECT qty_milli FROM stock_ledger WHERE sale_id = ?"), {r->saleId})
              .toLongLong() == 1000);
    CHECK(paymentsByTender(shop, QStringLiteral("s.id = ?"), {r->saleId}) ==
          std::map<QString, qint64>{{QStringLiteral("cash"), -200}});
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'sale.refund' AND target = ?"),
                     {sale.receiptNo}) == 1);

    auto after = shop.ctx().returns().refundable(sale.receiptNo);
    REQUIRE(after.ok());
    CHECK(after->lines[0].returnedMilli == 1000);
    CHECK(after->lines[0].remainingMilli() == 2000);
    CHECK(after->returnedTotal == fen(200));

    auto printed = shop.ctx().receipts().load(r->receiptNo);
    REQUIRE(printed.ok());
    CHECK(printed->kind == QStringLiteral("refund"));
    CHECK(printed->originalReceiptNo == sale.receiptNo);
    CHECK(printed->authorizerName == QStringLiteral("张经理"));
    CHECK(printed->total == fen(-200));
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a line refunded in two steps gives back exactly what it cost", "[returns]")
{
    TestShop shop;
    // 3 x ¥2.00 + ¥69.90 = ¥75.90, ¥5 off the order: the water line carries ¥0.40 of it -> ¥5.60,
    // which does not divide by 3.
    auto req = shop.request({shop.line(shop.p.water, 3000), shop.line(shop.p.oil)},
                            {{Tender::Cash, fen(10000), {}}});
    req.orderDiscount.amount = fen(500);
    auto sale = shop.ctx().checkout().commit(req);
    REQUIRE(sale.ok());
    CHECK(sale->total == fen(7090));
    auto orig = shop.ctx().returns().refundable(sale->receiptNo);
    REQUIRE(orig.ok());
    const RefundableLine water = orig->lines[0];
    CHECK(water.amount == fen(560));

    auto one = shop.ctx().returns().refund(shop.refundRequest(sale->receiptNo, {{water.lineId, 1000}}));
    REQUIRE(one.ok());
    CHECK(one->total == fen(-187)); // 5.60 / 3 = 1.8667
    auto rest = shop.ctx().returns().refund(shop.refundRequest(sale->receiptNo, {{water.lineId, 2000}}));
    REQUIRE(rest.ok());
    CHECK(rest->total == fen(-373)); // what is left of the line, not 2 x 1.87
    CHECK(one->total + rest->total == -water.amount);
    CHECK(shop.stockOf(shop.p.water.id) == 100'000);

    SECTION("nothing more can be refunded from that line")
    {
        auto more = shop.ctx().returns().refund(shop.refundRequest(sale->receiptNo, {{water.lineId, 1000}}));
        REQUIRE_FALSE(more.ok());
        CHECK(more.error().code == ErrorCode::Invalid);
        CHECK(shop.stockOf(shop.p.water.id) == 100'000);
    }
    SECTION("refunding 'everything left' takes only the other line")
    {
        auto all = shop.ctx().returns().refund(shop.refundRequest(sale->receiptNo));
        REQUIRE(all.ok());
        CHECK(all->total == fen(-6530));
        auto nothing = shop.ctx().returns().refund(shop.refundRequest(sale->receiptNo));
        REQUIRE_FALSE(nothing.ok());
        CHECK(nothing.error().code == ErrorCode::Conflict);
        CHECK(shop.scalar(QStringLiteral("SELECT SUM(total_fen) FROM sales")).toLongLong() == 0);
    }
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("over-refunds are refused and change nothing", "[returns]")
{
    TestShop shop;
    const SaleResult sale = shop.sell({shop.line(shop.p.noodles, 2000), shop.line(shop.p.apples, 1235)});
    auto orig = shop.ctx().returns().refundable(sale.receiptNo);
    REQUIRE(orig.ok());
    const qint64 noodlesLine = orig->lines[0].lineId;
    const qint64 applesLine = orig->lines[1].lineId;

    CHECK(shop.ctx().returns().refund(shop.refundRequest(sale.receiptNo, {{noodlesLine, 3000}})).error().code ==
          ErrorCode::Invalid);
    CHECK(shop.ctx().returns().refund(shop.refundRequest(sale.receiptNo, {{applesLine, 1236}})).error().code ==
          ErrorCode::Invalid);
    CHECK(shop.ctx().returns().refund(shop.refundRequest(sale.receiptNo, {{noodlesLine, -1000}})).error().code ==
          ErrorCode::Invalid);
    // Two requests for the same line add up: 1 + 2 of 2 is too many.
    CHECK(shop.ctx()
              .returns()
              .refund(shop.refundRequest(sale.receiptNo, {{noodlesLine, 1000}, {noodlesLine, 2000}}))
              .error()
              .code == ErrorCode::Invalid);
    CHECK(shop.count(QStringLiteral("sales")) == 1);
    CHECK(shop.stockOf(shop.p.noodles.id) == 48'000);

    // A weighed line can be refunded by the gram.
    auto part = shop.ctx().returns().refund(shop.refundRequest(sale.receiptNo, {{applesLine, 235}}));
    REQUIRE(part.ok());
    CHECK(shop.stockOf(shop.p.apples.id) == 30'000 - 1000);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a refund needs a reason and a manager", "[returns]")
{
    TestShop shop;
    const SaleResult sale = shop.sell({shop.line(shop.p.oil)});
    auto r = shop.refundRequest(sale.receiptNo);

    auto noReason = r;
    noReason.reason = QStringLiteral("   ");
    CHECK(shop.ctx().returns().refund(noReason).error().code == ErrorCode::Invalid);
    auto noManager = r;
    noManager.approvalToken.clear();
    CHECK(shop.ctx().returns().refund(noManager).error().code == ErrorCode::Denied);
    auto managerId = r;
    managerId.approvalToken = QString::number(shop.manager); // an id is not an approval
    CHECK(shop.ctx().returns().refund(managerId).error().code == ErrorCode::Denied);
    auto noUuid = r;
    noUuid.uuid.clear();
    CHECK(shop.ctx().returns().refund(noUuid).error().code == ErrorCode::Invalid);
    CHECK(shop.count(QStringLiteral("sales")) == 1);
    CHECK(shop.stockOf(shop.p.oil.id) == 19'000);

    auto ok = shop.ctx().returns().refund(r);
    REQUIRE(ok.ok());
    auto again = shop.ctx().returns().refund(r); // the same refund retried
    REQUIRE(again.ok());
    CHECK(again->duplicate);
    CHECK(again->saleId == ok->saleId);
    CHECK(shop.stockOf(shop.p.oil.id) == 20'000);
}

TEST_CASE("refunds find the right receipt and the right lines", "[returns]")
{
    TestShop shop;
    const SaleResult a = shop.sell({shop.line(shop.p.oil)});
    const SaleResult b = shop.sell({shop.line(shop.p.water)});
    auto unknown = shop.ctx().returns().refund(shop.refundRequest(QStringLiteral("S01-20261125-0099")));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::NotFound);

    auto lineOfB = shop.ctx().returns().refundable(b.receiptNo)->lines[0].lineId;
    auto wrongLine = shop.ctx().returns().refund(shop.refundRequest(a.receiptNo, {{lineOfB, 1000}}));
    REQUIRE_FALSE(wrongLine.ok());
    CHECK(wrongLine.error().code == ErrorCode::Invalid);
    CHECK(shop.stockOf(shop.p.water.id) == 99'000);

    auto refund =
        shop.ctx().returns().refund(shop.refundRequest(QStringLiteral(" ") + a.receiptNo + QStringLiteral(" ")));
    REQUIRE(refund.ok());
    auto refundOfRefund = shop.ctx().returns().refund(shop.refundRequest(refund->receiptNo));
    REQUIRE_FALSE(refundOfRefund.ok());
    CHECK(refundOfRefund.error().code == ErrorCode::Invalid);
}

TEST_CASE("money goes back where it came from: wallets first, then cash", "[returns][tender]")
{
    TestShop shop;
    // ¥73.90: ¥50 by WeChat, ¥30 cash (¥23.90 applied, ¥6.10 change).
    const SaleResult sale =
        shop.sell({shop.line(shop.p.water, 2000), shop.line(shop.p.oil)},
                  {{Tender::WeChat, fen(5000), QStringLiteral("4200001234202612020001")}, {Tender::Cash, fen(3000), {}}});
    auto orig = shop.ctx().returns().refundable(sale.receiptNo);
    REQUIRE(orig.ok());
    const qint64 waterLine = orig->lines[0].lineId;
    const qint64 oilLine = orig->lines[1].lineId;
    using Paid = std::map<QString, qint64>;

    auto r1 = shop.ctx().returns().refund(shop.refundRequest(sale.receiptNo, {{waterLine, 1000}}));
    REQUIRE(r1.ok());
    CHECK(paymentsByTender(shop, QStringLiteral("s.id = ?"), {r1->saleId}) ==
          Paid{{QStringLiteral("wechat"), -200}});
    auto r2 = shop.ctx().returns().refund(shop.refundRequest(sale.receiptNo, {{oilLine, 1000}}));
    REQUIRE(r2.ok());
    CHECK(paymentsByTender(shop, QStringLiteral("s.id = ?"), {r2->saleId}) ==
          Paid{{QStringLiteral("wechat"), -4800}, {QStringLiteral("cash"), -2190}});
    auto r3 = shop.ctx().returns().refund(shop.refundRequest(sale.receiptNo));
    REQUIRE(r3.ok());
    CHECK(paymentsByTender(shop, QStringLiteral("s.id = ?"), {r3->saleId}) ==
          Paid{{QStringLiteral("cash"), -200}});
    CHECK(paymentsByTender(shop, QStringLiteral("1 = 1"), {}) ==
          Paid{{QStringLiteral("wechat"), 0}, {QStringLiteral("cash"), 0}});
    CHECK(
        shop.scalar(QStringLiteral("SELECT reference FROM payments WHERE sale_id = ? AND tender = 'wechat'"),
                    {r2->saleId})
            .toString() == QStringLiteral("4200001234202612020001"));
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a refund can be paid back all in cash, shown first and approved as such", "[returns][tender]")
{
    TestShop shop;
    // ¥73.90: ¥50 by WeChat, ¥30 cash (¥23.90 applied).
    const SaleResult sale =
        shop.sell({shop.line(shop.p.water, 2000), shop.line(shop.p.oil)},
                  {{Tender::WeChat, fen(5000), QStringLiteral("4200001234202612020001")}, {Tender::Cash, fen(3000), {}}});
    ReturnService &rs = shop.ctx().returns();
    auto original = rs.payoutPlan(sale.receiptNo, {}, Payout::Original);
    REQUIRE(original.ok());
    REQUIRE(original->size() == 2);
    CHECK(original->at(0).tender == Tender::WeChat); // the way it was paid, wallet first
    CHECK(original->at(0).amount == fen(-5000));
    CHECK(original->at(1).amount == fen(-2390));
    auto cash = rs.payoutPlan(sale.receiptNo, {}, Payout::Cash);
    REQUIRE(cash.ok());
    REQUIRE(cash->size() == 1);
    CHECK(cash->at(0).tender == Tender::Cash);
    CHECK(cash->at(0).amount == fen(-7390));

    // The approval of a refund the way it was paid does not let cash leave the drawer instead.
    RefundRequest req = shop.refundRequest(sale.receiptNo);
    req.payout = Payout::Cash;
    auto refused = rs.refund(req);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Denied);
    CHECK(shop.count(QStringLiteral("sales"), QStringLiteral("kind = 'refund'")) == 0);

    auto scope = rs.approvalScope(QStringLiteral("refund"), sale.receiptNo, {}, Payout::Cash);
    REQUIRE(scope.ok());
    CHECK(scope->action == kApproveRefundCash);
    req.uuid = newUuid();
    req.approvalToken = shop.approve(*scope);
    auto r = rs.refund(req);
    INFO(why(r));
    REQUIRE(r.ok());
    using Paid = std::map<QString, qint64>;
    CHECK(paymentsByTender(shop, QStringLiteral("s.id = ?"), {r->saleId}) == Paid{{QStringLiteral("cash"), -7390}});
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
    // verify knows the difference: the same cash without a cash approval is a finding.
    shop.execRaw(QStringLiteral("UPDATE approvals SET action = 'refund' WHERE sale_id = ?"), {r->saleId});
    CHECK(verifyDatabase(shop.ctx().db()).join(QLatin1Char(' ')).contains(QStringLiteral("in cash")));
    shop.execRaw(QStringLiteral("UPDATE approvals SET action = 'refund.cash' WHERE sale_id = ?"), {r->saleId});

    // A cash sale refunded in cash is the ordinary refund.
    const SaleResult cashSale = shop.sell({shop.line(shop.p.noodles)});
    auto plain = rs.approvalScope(QStringLiteral("refund"), cashSale.receiptNo, {}, Payout::Cash);
    REQUIRE(plain.ok());
    CHECK(plain->action == kApproveRefund);
}

TEST_CASE("property: a full refund exactly reverses its sale", "[returns][property]")
{
    TestShop shop;
    ProductQuery all;
    all.limit = 1000;
    QList<Product> products = shop.ctx().catalog().search(all);
    auto cards = countCardProductIds(shop.ctx().db()); // sold only to a member: not a random good
    REQUIRE(cards.ok());
    products.removeIf([&](const Product &p) { return cards->contains(p.id); });
    REQUIRE(products.size() > 250);
    // 抹零 to the jiao, and half the sales with a member.
    REQUIRE(shop.ctx().settings().set(Settings::kRoundingMode, QStringLiteral("1")).ok());
    QList<qint64> members;
    {
        QSqlQuery q(shop.ctx().db().db());
        REQUIRE(q.exec(QStringLiteral("SELECT id FROM members")));
        while (q.next())
            members.append(q.value(0).toLongLong());
    }
    REQUIRE_FALSE(members.isEmpty());
    QHash<qint64, qint64> stockBefore;
    for (const Product &p : products)
        stockBefore.insert(p.id, p.stockMilli);

    // Every member holds points, so that some sales pay part with them.
    for (qint64 m : members) {
        const LedgerContext where{shop.ctx().checkout().store().storeId, 0, shop.cashier, shop.clock.nowMs(),
                                  &shop.ctx().time()};
        REQUIRE(adjustPoints(shop.ctx().db(), where, m, 3000, QStringLiteral("测试"),
                             shop.approveQuickly(pointsAdjustScope(m, 3000)))
                    .ok());
    }
    std::mt19937 rng(20261125);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    constexpr int kSales = 120;
    for (int i = 0; i < kSales; ++i) {
        INFO("sale " << i);
        QList<CartLine> lines;
        const int n = 1 + pick(6);
        for (int l = 0; l < n; ++l) {
            const Product &p = products.at(pick(static_cast<int>(products.size())));
            CartLine c = shop.line(p, p.weighed ? 50 + pick(3000) : 1000 * (1 + pick(4)));
            if (pick(4) == 0)
                c.discountPermille = 700 + pick(301);
            if (pick(15) == 0)
                c.priceOverride = fen(p.price.fen() * (50 + pick(100)) / 100);
            if (p.weighed && pick(5) == 0)
                c.fixedAmount = p.price.timesMilli(c.quantityMilli) + fen(pick(3));
            lines.append(c);
        }
        CheckoutRequest req = shop.request(lines);
        if (pick(2) == 0)
            req.member = *memberPrice(shop.ctx().db(), members.at(pick(static_cast<int>(members.size()))));
        // Some discounts are beyond the cashier's limit (approved below, once the cart is final).
        if (pick(3) == 0)
            req.orderDiscount.permille = 850 + pick(151);
        else if (pick(4) == 0)
            req.orderDiscount.amount = fen(pick(3000));
        shop.clock.advance(60'000 + pick(600'000));
        const Money total = shop.ctx().checkout().quote(req.lines, req.orderDiscount, req.member).total;
        switch (pick(5)) {
        case 0:
            req.tenders = {{Tender::Cash, total + fen(pick(10000)), {}}};
            break;
        case 1:
            req.tenders = {{Tender::WeChat, total, QStringLiteral("42000000000000000000%1").arg(i, 4, 10, QLatin1Char('0'))}};
            break;
        case 2:
            req.tenders = {{Tender::Card, total, QStringLiteral("6222****%1").arg(i)}};
            break;
        case 3: {
            const Money part = fen(total.fen() * pick(100) / 100);
            req.tenders = {{Tender::Alipay, part, QStringLiteral("20261125220014000000%1").arg(i, 4, 10, QLatin1Char('0'))},
                           {Tender::Cash, total - part + fen(pick(500)), {}}};
            break;
        }
        default: {
            const Money part = fen(total.fen() / 3);
            req.tenders = {{Tender::WeChat, part, QStringLiteral("42000000000000000000%1").arg(i, 4, 10, QLatin1Char('0'))}, {Tender::Alipay, total - part, QStringLiteral("20261125220014000000%1").arg(i, 4, 10, QLatin1Char('0'))}};
        }
        }
        // A member pays a third of the time partly with points, up to half the sale.
        if (req.member.memberId > 0 && pick(3) == 0) {
            const qint64 points = std::min<qint64>(1 + pick(3000), total.timesPermille(500).fen() / 10);
            if (points > 0) {
                const Money value = fen(points * 10);
                req.tenders = {{Tender::Points, value, QString::number(points)}, {Tender::Cash, total - value, {}}};
            }
        }
        QList<TenderInput> positive;
        for (const TenderInput &t : req.tenders)
            if (t.amount.fen() > 0)
                positive.append(t);
        req.tenders = positive;
        if (shop.ctx().checkout().needsManager(req.lines, req.orderDiscount, req.member))
            req.approvalToken =
                shop.approveQuickly(discountApprovalScope(req.uuid, req.lines, req.orderDiscount, req.member));
        auto sale = shop.ctx().checkout().commit(req);
        INFO(why(sale));
        REQUIRE(sale.ok());
        CHECK(sale->total == total);

        // Half the time a partial refund comes first; then everything that is left.
        Money refunded;
        shop.clock.advance(pick(3'600'000));
        if (pick(2) == 0) {
            auto orig = shop.ctx().returns().refundable(sale->receiptNo);
            REQUIRE(orig.ok());
            const RefundableLine &l = orig->lines.at(pick(static_cast<int>(orig->lines.size())));
            const qint64 qty = 1 + std::uniform_int_distribution<qint64>(0, l.soldMilli - 1)(rng);
            auto part = shop.ctx().returns().refund(shop.refundRequest(sale->receiptNo, {{l.lineId, qty}}));
            INFO(why(part));
            REQUIRE(part.ok());
            refunded += part->total;
        }
        auto left = shop.ctx().returns().refundable(sale->receiptNo);
        REQUIRE(left.ok());
        bool anythingLeft = false;
        for (const RefundableLine &l : left->lines)
            anythingLeft = anythingLeft || l.remainingMilli() > 0;
        if (anythingLeft) {
            auto rest = shop.ctx().returns().refund(shop.refundRequest(sale->receiptNo));
            INFO(why(rest));
            REQUIRE(rest.ok());
            refunded += rest->total;
        }
        REQUIRE(refunded == -sale->total);

        // Every line came back to the fen, and every tender paid back what it took.
        auto after = shop.ctx().returns().refundable(sale->receiptNo);
        REQUIRE(after.ok());
        for (const RefundableLine &l : after->lines) {
            REQUIRE(l.remainingMilli() == 0);
            REQUIRE(l.returnedAmount == l.amount);
        }
        const auto net = paymentsByTender(shop, QStringLiteral("s.id = ? OR s.original_sale_id = ?"),
                                          {sale->saleId, sale->saleId});
        for (const auto &[tender, amount] : net) {
            INFO(tender.toStdString());
            REQUIRE(amount == 0);
        }
        // A sale and its refunds net to zero in every column and in every source of adjustment,
        // and the refunds belong to the sale's member (reports and member totals rely on both).
        for (const char *column : {"subtotal_fen", "discount_fen", "rounding_fen", "total_fen"}) {
            INFO(column);
            REQUIRE(shop.scalar(QStringLiteral("SELECT SUM(%1) FROM sales WHERE id = ? OR original_sale_id = ?")
                                    .arg(QLatin1String(column)),
                                {sale->saleId, sale->saleId})
                        .toLongLong() == 0);
        }
        REQUIRE(shop.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT a.source, SUM(a.amount_fen) AS t FROM "
                                           "sale_adjustments a JOIN sales s ON s.id = a.sale_id WHERE s.id = ? OR "
                                           "s.original_sale_id = ? GROUP BY a.source HAVING t <> 0)"),
                            {sale->saleId, sale->saleId})
                    .toLongLong() == 0);
        REQUIRE(shop.count(QStringLiteral("sales"), QStringLiteral("original_sale_id = ? AND member_id IS NOT ?"),
                           {sale->saleId, req.member.memberId > 0 ? QVariant(req.member.memberId) : QVariant()}) == 0);
    }
    // The carts above had every kind of adjustment, 抹零 included.
    for (const char *source : {"price_change", "line_discount", "order_discount", "rounding"}) {
        INFO(source);
        CHECK(shop.count(QStringLiteral("sale_adjustments"), QStringLiteral("source = ?"),
                         {QString::fromLatin1(source)}) > 0);
    }
    CHECK(shop.scalar(QStringLiteral("SELECT SUM(total_fen) FROM sales")).toLongLong() == 0);
    CHECK(shop.scalar(QStringLiteral("SELECT COUNT(*) FROM sales WHERE kind = 'sale'")).toLongLong() ==
          kSales);
    for (const Product &p : products) {
        INFO(p.name.toStdString());
        REQUIRE(shop.stockOf(p.id) == stockBefore.value(p.id));
    }
    // Points were paid on some sales and given back by their refunds, to the point.
    CHECK(shop.count(QStringLiteral("payments"), QStringLiteral("tender = 'points' AND amount_fen > 0")) > 5);
    CHECK(shop.scalar(QStringLiteral("SELECT SUM(points) FROM members")).toLongLong() ==
          3000 * static_cast<qint64>(members.size()));
    const QStringList problems = verifyDatabase(shop.ctx().db());
    CHECK(problems == QStringList());
}

TEST_CASE("only the last sale of the till can be voided, once", "[returns][void]")
{
    TestShop shop;
    const SaleResult a = shop.sell({shop.line(shop.p.oil)});
    const SaleResult b = shop.sell({shop.line(shop.p.water, 5000)}, {{Tender::WeChat, fen(1000), QStringLiteral("4200001234202611250005")}});
    ReturnService &rs = shop.ctx().returns();

    auto last = rs.lastVoidableSale();
    REQUIRE(last.ok());
    CHECK(last->receiptNo == b.receiptNo);

    auto voidA =
        rs.voidSale(newUuid(), a.receiptNo, QStringLiteral("收银员按错"), shop.cashier, voidToken(shop, a.receiptNo), shop.shift());
    REQUIRE_FALSE(voidA.ok());
    CHECK(voidA.error().code == ErrorCode::Conflict);
    CHECK(rs.voidSale(newUuid(), b.receiptNo, QString(), shop.cashier, voidToken(shop, b.receiptNo), shop.shift()).error().code ==
          ErrorCode::Invalid);
    CHECK(rs.voidSale(newUuid(), b.receiptNo, QStringLiteral("按错"), shop.cashier, QString(), shop.shift())
              .error()
              .code == ErrorCode::Denied);
    // An approval of voiding another receipt does not void this one.
    const QString forA = shop.approveQuickly({kApproveVoid, a.receiptNo, fen(6990)});
    CHECK(rs.voidSale(newUuid(), b.receiptNo, QStringLiteral("按错"), shop.cashier, forA, shop.shift())
              .error()
              .code == ErrorCode::Denied);

    auto voided =
        rs.voidSale(newUuid(), b.receiptNo, QStringLiteral("收银员按错"), shop.cashier, voidToken(shop, b.receiptNo), shop.shift());
    INFO(why(voided));
    REQUIRE(voided.ok());
    CHECK(voided->total == fen(-1000));
    CHECK(shop.scalar(QStringLiteral("SELECT kind FROM sales WHERE id = ?"), {voided->saleId}).toString() ==
          QStringLiteral("void"));
    CHECK(shop.stockOf(shop.p.water.id) == 100'000);
    CHECK(paymentsByTender(shop, QStringLiteral("s.id = ?"), {voided->saleId}) ==
          std::map<QString, qint64>{{QStringLiteral("wechat"), -1000}});
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'sale.void'")) == 1);

    auto twice =
        rs.voidSale(newUuid(), b.receiptNo, QStringLiteral("再来一次"), shop.cashier, voidToken(shop, b.receiptNo), shop.shift());
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == ErrorCode::Conflict);
    // The sale before the voided one is still not voidable: refund it instead.
    CHECK(rs.voidSale(newUuid(), a.receiptNo, QStringLiteral("按错"), shop.cashier, voidToken(shop, a.receiptNo), shop.shift())
              .error()
              .code == ErrorCode::Conflict);
    CHECK(shop.stockOf(shop.p.oil.id) == 19'000);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a sale partly refunded can no longer be voided", "[returns][void]")
{
    TestShop shop;
    const SaleResult s = shop.sell({shop.line(shop.p.water, 3000)});
    auto orig = shop.ctx().returns().refundable(s.receiptNo);
    REQUIRE(shop.ctx().returns().refund(shop.refundRequest(s.receiptNo, {{orig->lines[0].lineId, 1000}})).ok());
    CHECK(shop.ctx().returns().lastVoidableSale().error().code == ErrorCode::Conflict);
    auto v = shop.ctx().returns().voidSale(newUuid(), s.receiptNo, QStringLiteral("按错"), shop.cashier, voidToken(shop, s.receiptNo), shop.shift());
    REQUIRE_FALSE(v.ok());
    CHECK(v.error().code == ErrorCode::Conflict);
    CHECK(shop.stockOf(shop.p.water.id) == 98'000);
}

TEST_CASE("another till's last sale is not this till's to void", "[returns][void]")
{
    TestShop shop;
    const SaleResult s = shop.sell({shop.line(shop.p.water)});
    shop.reopen(QStringLiteral("POS2"));
    CHECK(shop.ctx().returns().lastVoidableSale().error().code == ErrorCode::NotFound);
    auto v = shop.ctx().returns().voidSale(newUuid(), s.receiptNo, QStringLiteral("按错"), shop.cashier, voidToken(shop, s.receiptNo), shop.shift());
    REQUIRE_FALSE(v.ok());
    CHECK(shop.count(QStringLiteral("sales")) == 1);
}

TEST_CASE("two tills refunding the same receipt at once cannot both pay it back", "[returns][concurrency]")
{
    TestShop shop;
    const SaleResult sale =
        shop.sell({shop.line(shop.p.oil), shop.line(shop.p.water, 2000)}, {{Tender::Cash, fen(10000), {}}});
    const QString path = shop.path();
    struct Till {
        QString terminal;
        bool ok = false;
        QString error;
    };
    Till tills[2] = {{QStringLiteral("POS2"), false, {}}, {QStringLiteral("POS3"), false, {}}};
    std::atomic<int> ready{0};
    const qint64 cashier = shop.cashier;
    // The manager approved the refund at both tills: the approvals are valid, the receipt is not.
    const QString tokens[2] = {shop.refundRequest(sale.receiptNo).approvalToken, shop.refundRequest(sale.receiptNo).approvalToken};
    auto run = [&](Till &till) {
        auto ctx = AppContext::open(path, shop.clock, till.terminal);
        if (!ctx) {
            till.error = ctx.error().message;
            return;
        }
        auto shift = (*ctx)->shifts().open(cashier, Money());
        if (!shift) {
            till.error = shift.error().message;
            return;
        }
        ++ready;
        while (ready.load() < 2)
            std::this_thread::yield();
        auto r = (*ctx)->returns().refund(RefundRequest{newUuid(), sale.receiptNo, {}, QStringLiteral("重复退货"),
                                                        cashier, tokens[&till == &tills[0] ? 0 : 1], shift->id});
        till.ok = r.ok();
        if (!r)
            till.error = r.error().message;
    };
    std::thread a(run, std::ref(tills[0]));
    std::thread b(run, std::ref(tills[1]));
    a.join();
    b.join();
    INFO(tills[0].error.toStdString() << " / " << tills[1].error.toStdString());
    CHECK(tills[0].ok != tills[1].ok); // exactly one refund went through
    CHECK(shop.count(QStringLiteral("sales"), QStringLiteral("kind = 'refund'")) == 1);
    CHECK(shop.scalar(QStringLiteral("SELECT SUM(total_fen) FROM sales")).toLongLong() == 0);
    CHECK(shop.stockOf(shop.p.oil.id) == 20'000);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}
