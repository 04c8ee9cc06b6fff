// Points, exactly: earned on what was paid (not the part paid with points), floored per receipt,
// kept as lots that expire at the end of the year after, spent and expired oldest lot first, and
// reversed by refunds line by line, never leaving a refund's points with the customer.

#include "core/uuid.h"
#include "members/earnings.h"
#include "members/points.h"
#include "members/pointscsv.h"
#include "reports/integrity.h"
#include "sales/receipt.h"
#include "sales/returns.h"
#include "testsupport.h"

using namespace huike;
using huike::test::fen;
using huike::test::shanghaiMs;
using huike::test::TestShop;
using huike::test::why;

namespace {

qint64 pointsOf(TestShop &shop, qint64 memberId)
{
    return shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {memberId}).toLongLong();
}

Result<SaleResult> sellWithPoints(TestShop &shop, qint64 memberId, const QList<CartLine> &lines, qint64 points)
{
    CheckoutRequest r = shop.memberRequest(memberId, lines);
    const Money total = shop.ctx().checkout().quote(lines, {}, r.member).total;
    const Money value = Money::fromFen(points * 10); // 100 points = ¥10
    r.tenders = {{Tender::Points, value, QString::number(points)}, {Tender::Cash, total - value, {}}};
    return shop.ctx().checkout().commit(r);
}

SaleResult sold(TestShop &shop, qint64 memberId, const QList<CartLine> &lines)
{
    auto s = shop.ctx().checkout().commit(shop.memberRequest(memberId, lines));
    INFO(why(s));
    REQUIRE(s.ok());
    return *s;
}

Result<SaleResult> refund(TestShop &shop, const QString &receiptNo, const QList<RefundLineRequest> &lines = {})
{
    return shop.ctx().returns().refund(shop.refundRequest(receiptNo, lines, QStringLiteral("顾客退货")));
}

qint64 lineId(TestShop &shop, const QString &receiptNo, int lineNo)
{
    return shop
        .scalar(QStringLiteral("SELECT l.id FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.receipt_no = ? "
                               "AND l.line_no = ?"),
                {receiptNo, lineNo})
        .toLongLong();
}

} // namespace

TEST_CASE("¥57.80 earns 5 points, floored per receipt, and the receipt says so", "[members][points]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13912345678"), QStringLiteral("刘洋"));
    CartLine beef = shop.line(shop.p.beef, 996);
    beef.fixedAmount = fen(5780);
    const SaleResult s = sold(shop, id, {beef});
    CHECK(pointsOf(shop, id) == 5);
    auto receipt = shop.ctx().receipts().load(s.receiptNo);
    REQUIRE(receipt.ok());
    REQUIRE(receipt->member.has_value());
    CHECK(receipt->member->pointsEarned == 5);
    CHECK(receipt->member->pointsAfter == 5);
    // The lot expires at the end of next year, in shop time.
    CHECK(shop.scalar(QStringLiteral("SELECT expires_at_ms FROM points_lots WHERE member_id = ?"), {id}).toLongLong() ==
          shanghaiMs(2028, 1, 1, 0, 0));
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("points pay up to half a sale, and the part they paid earns nothing", "[members][points]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    sold(shop, id, {shop.line(shop.p.oil, 20000)}); // ¥1,398.00: 139 points, and 银卡
    REQUIRE(pointsOf(shop, id) == 139);

    // Not more than she has, and not more than half the sale.
    auto tooMany = sellWithPoints(shop, id, {shop.line(shop.p.oil, 5000)}, 200);
    REQUIRE_FALSE(tooMany.ok());
    CHECK(tooMany.error().code == ErrorCode::InsufficientFunds);
    CHECK(tooMany.error().message.contains(QStringLiteral("139")));
    auto overCap = sellWithPoints(shop, id, {shop.line(shop.p.noodles)}, 100); // ¥10 of ¥13.78
    REQUIRE_FALSE(overCap.ok());
    CHECK(overCap.error().message.contains(QStringLiteral("50%")));
    CHECK(pointsOf(shop, id) == 139);

    // 100 points = ¥10 off one oil at 银卡 (¥66.41): ¥56.41 earns 5 points and 56 growth.
    const qint64 growthBefore = shop.scalar(QStringLiteral("SELECT growth FROM members WHERE id = ?"), {id}).toLongLong();
    auto paid = sellWithPoints(shop, id, {shop.line(shop.p.oil)}, 100);
    INFO(why(paid));
    REQUIRE(paid.ok());
    CHECK(paid->total == fen(6641));
    CHECK(pointsOf(shop, id) == 139 - 100 + 5);
    CHECK(shop.scalar(QStringLiteral("SELECT growth FROM members WHERE id = ?"), {id}).toLongLong() == growthBefore + 56);
    auto receipt = shop.ctx().receipts().load(paid->receiptNo);
    REQUIRE(receipt.ok());
    CHECK(receipt->member->pointsPaid == 100);
    CHECK(receipt->member->pointsEarned == 5);
    CHECK(shop.ctx().receipts().render(*receipt, 32).contains(QStringLiteral("100")));
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());

    // Without a member there is nothing to pay points from.
    CheckoutRequest anon = shop.request({shop.line(shop.p.oil)});
    anon.tenders = {{Tender::Points, fen(1000), QStringLiteral("100")}, {Tender::Cash, fen(5990), {}}};
    CHECK_FALSE(shop.ctx().checkout().commit(anon).ok());

    // The refund gives the 100 points back and takes the 5 earned; in cash only the cash part.
    auto back = refund(shop, paid->receiptNo);
    INFO(why(back));
    REQUIRE(back.ok());
    CHECK(pointsOf(shop, id) == 139);
    auto payments = loadPayments(shop.ctx().db(), back->saleId);
    REQUIRE(payments.ok());
    REQUIRE(payments->size() == 2);
    CHECK(payments->at(0).tender == Tender::Points);
    CHECK(payments->at(0).amount == fen(-1000));
    CHECK(payments->at(1).amount == fen(-5641));
    CHECK(shop.scalar(QStringLiteral("SELECT growth FROM members WHERE id = ?"), {id}).toLongLong() == growthBefore);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a sale paid partly with points is refunded in whole points, line by line, to the last point",
          "[members][points][returns]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    sold(shop, id, {shop.line(shop.p.oil, 20000)});
    const qint64 start = pointsOf(shop, id);
    // Three lines, 130 points (¥13) on a ¥... sale at 银卡.
    auto sale = sellWithPoints(shop, id, {shop.line(shop.p.oil), shop.line(shop.p.noodles), shop.line(shop.p.water, 3000)},
                               130);
    INFO(why(sale));
    REQUIRE(sale.ok());
    const qint64 earned = pointsOf(shop, id) - (start - 130);
    CHECK(earned == (sale->total.fen() - 1300) / 1000);
    for (int line = 1; line <= 3; ++line) {
        auto r = refund(shop, sale->receiptNo, {{lineId(shop, sale->receiptNo, line), line == 3 ? 3000 : 1000}});
        INFO(why(r));
        REQUIRE(r.ok());
        auto payments = loadPayments(shop.ctx().db(), r->saleId);
        REQUIRE(payments.ok());
        for (const DocumentPayment &p : *payments)
            if (p.tender == Tender::Points)
                CHECK(p.amount.fen() == -10 * p.reference.toLongLong()); // whole points at 10 fen
        CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
    }
    CHECK(pointsOf(shop, id) == start);
    CHECK(shop.scalar(QStringLiteral("SELECT SUM(CAST(reference AS INTEGER)) FROM payments p JOIN sales s ON "
                                     "s.id = p.sale_id WHERE p.tender = 'points' AND s.original_sale_id = ?"),
                      {sale->saleId})
              .toLongLong() == 130);
}

TEST_CASE("points expire at the end of the year after, oldest lot first, and a refund cannot take spent points",
          "[members][points]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    const SaleResult first = sold(shop, id, {shop.line(shop.p.oil, 10000)}); // 2026: 69 points
    shop.clock.set(shanghaiMs(2027, 6, 1, 10, 0));
    const SaleResult second = sold(shop, id, {shop.line(shop.p.oil, 10000)}); // 2027: 69 more, and 银卡
    REQUIRE(pointsOf(shop, id) == 69 + 69);

    // Spending 100 takes the 2026 lot's 69 first, then 31 of 2027's.
    auto spent = sellWithPoints(shop, id, {shop.line(shop.p.oil, 5000)}, 100);
    INFO(why(spent));
    REQUIRE(spent.ok());
    CHECK(shop.scalar(QStringLiteral("SELECT remaining FROM points_lots WHERE member_id = ? ORDER BY id LIMIT 1"), {id})
              .toLongLong() == 0);
    const qint64 afterSpend = pointsOf(shop, id);

    // The first sale's own lot is spent: its refund takes its 69 points off the balance instead.
    auto firstBack = refund(shop, first.receiptNo);
    INFO(why(firstBack));
    REQUIRE(firstBack.ok());
    CHECK(pointsOf(shop, id) == afterSpend - 69);
    const qint64 afterRefund = pointsOf(shop, id);

    // The 2027 sale earned 69 too, but fewer are left: its refund is refused, nothing is written.
    REQUIRE(afterRefund < 69);
    const qint64 refundsBefore = shop.count(QStringLiteral("sales"), QStringLiteral("kind = 'refund'"));
    auto refused = refund(shop, second.receiptNo);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InsufficientFunds);
    CHECK(refused.error().message.contains(QStringLiteral("69")));
    CHECK(shop.count(QStringLiteral("sales"), QStringLiteral("kind = 'refund'")) == refundsBefore);
    CHECK(pointsOf(shop, id) == afterRefund);

    // On 1 January 2029 the 2027 lots are gone; the balance shown leaves them out, the next sale books it.
    shop.clock.set(shanghaiMs(2029, 1, 1, 9, 0));
    auto usable = usablePoints(shop.ctx().db(), id, shop.clock.nowMs());
    REQUIRE(usable.ok());
    const qint64 lot2028 = shop.scalar(QStringLiteral("SELECT SUM(remaining) FROM points_lots WHERE member_id = ? AND "
                                                      "expires_at_ms = ?"),
                                       {id, shanghaiMs(2029, 1, 1, 0, 0)})
                               .toLongLong();
    CHECK(*usable == afterRefund - lot2028);
    sold(shop, id, {shop.line(shop.p.water)});
    CHECK(shop.count(QStringLiteral("points_ledger"), QStringLiteral("member_id = ? AND kind = 'expire'"), {id}) >= 1);
    CHECK(pointsOf(shop, id) == *usable);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a category that earns no points and double points in a time window", "[members][points]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    // Oil earns nothing (a price-controlled item); noodles' category earns as usual.
    shop.execRaw(QStringLiteral("INSERT INTO points_rules(product_id, permille) VALUES (?, 0)"), {shop.p.oil.id});
    sold(shop, id, {shop.line(shop.p.oil, 10000), shop.line(shop.p.noodles, 2000)});
    CHECK(pointsOf(shop, id) == 2); // only ¥29.00 of noodles earn
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());

    // Double points on Wednesdays 14:00-17:00 (2026-11-25 is a Wednesday).
    shop.execRaw(QStringLiteral("INSERT INTO points_windows(weekdays, start_minute, end_minute, permille) "
                                "VALUES (4, 840, 1020, 2000)"));
    shop.clock.set(shanghaiMs(2026, 11, 25, 15, 0));
    sold(shop, id, {shop.line(shop.p.noodles, 2000)});
    CHECK(pointsOf(shop, id) == 2 + 5); // ¥29.00 x 2 = 5.8, floored
    shop.clock.set(shanghaiMs(2026, 11, 25, 17, 0)); // the window is over
    sold(shop, id, {shop.line(shop.p.noodles, 2000)});
    CHECK(pointsOf(shop, id) == 2 + 5 + 2);
}

TEST_CASE("a refund gives points back with the lines they paid for, and may take back earned points out of them",
          "[members][points][returns]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    const LedgerContext where{shop.ctx().checkout().store().storeId, 0, shop.cashier, shop.clock.nowMs(),
                              &shop.ctx().time()};
    REQUIRE(adjustPoints(shop.ctx().db(), where, id, 1000, QStringLiteral("活动赠送"), shop.approve(pointsAdjustScope(id, 1000)))
                .ok());
    // Two oils (¥139.80), ¥69.90 of it paid with 699 points: each line carries half the points.
    auto sale = sellWithPoints(shop, id, {shop.line(shop.p.oil), shop.line(shop.p.oil)}, 699);
    INFO(why(sale));
    REQUIRE(sale.ok());
    const qint64 afterSale = pointsOf(shop, id);
    CHECK(afterSale == 1000 - 699 + 6); // ¥69.90 in cash earns 6

    // Refunding the first oil gives back about half the points (whole ones) and half the cash.
    auto first = refund(shop, sale->receiptNo, {{lineId(shop, sale->receiptNo, 1), 1000}});
    INFO(why(first));
    REQUIRE(first.ok());
    auto payments = loadPayments(shop.ctx().db(), first->saleId);
    REQUIRE(payments.ok());
    qint64 pointsBack = 0;
    for (const DocumentPayment &p : *payments)
        if (p.tender == Tender::Points)
            pointsBack += p.reference.toLongLong();
    CHECK(pointsBack == 349); // ¥34.95 of points is 349 whole ones; the 5 fen go back in cash
    // The oil kept was paid half in points: its ¥34.95 cash still counts for her growth.
    CHECK(shop.scalar(QStringLiteral("SELECT growth FROM members WHERE id = ?"), {id}).toLongLong() == 34);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());

    // She spends all her points but a few; the last oil's refund still goes through: the points it
    // gives back pay for the ones it takes back.
    const qint64 now = pointsOf(shop, id);
    REQUIRE(adjustPoints(shop.ctx().db(), where, id, -(now - 1), QStringLiteral("兑换礼品"),
                         shop.approve(pointsAdjustScope(id, -(now - 1))))
                .ok());
    auto last = refund(shop, sale->receiptNo);
    INFO(why(last));
    REQUIRE(last.ok());
    CHECK(pointsOf(shop, id) == 1 + (699 - pointsBack) - 3); // the rest of the points back, its 3 earned taken
    CHECK(shop.scalar(QStringLiteral("SELECT growth FROM members WHERE id = ?"), {id}).toLongLong() == 0);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("points given and taken in bulk from a CSV: one approval for the file, bad rows by line, never twice",
          "[points][csv]")
{
    TestShop shop;
    const qint64 wang = shop.addMember(QStringLiteral("13812345678"), QStringLiteral("王芳"));
    const qint64 li = shop.addMember(QStringLiteral("13987654321"), QStringLiteral("李强"));
    REQUIRE(shop.ctx().members().replaceCard(li, QStringLiteral("HK0009"), QStringLiteral("新卡"), shop.cashier,
                                             shop.approve(MemberService::cardApprovalScope(li, QStringLiteral("HK0009"))))
                .ok());
    const QByteArray file = encodeGb18030(QStringLiteral("手机号,卡号,积分,原因\r\n"
                                                         "138 1234 5678,,300,老会员回馈\r\n"
                                                         ",HK0009,120,\r\n"
                                                         "13812345678,,-100,兑换核销\r\n"
                                                         "13700000000,,50,\r\n"
                                                         "13987654321,,-500,\r\n"
                                                         "13812345678,,很多,\r\n"));
    const LedgerContext ctx{shop.ctx().store().storeId, 0, shop.admin, shop.clock.nowMs(), &shop.ctx().time()};
    // Another file's approval, or none, imports nothing.
    const QString wrong = shop.approve(pointsImportScope(QByteArray("other")));
    PointsImportReport refused = importPointsCsv(shop.ctx().db(), ctx, file, QStringLiteral("活动"), wrong);
    CHECK(!refused.error.isEmpty());
    CHECK(shop.count(QStringLiteral("points_ledger"), QStringLiteral("kind = 'adjust'")) == 0);

    const PointsImportReport r = importPointsCsv(shop.ctx().db(), ctx, file, QStringLiteral("双十一活动"),
                                                 shop.approve(pointsImportScope(file)));
    INFO(r.error.toStdString());
    CHECK(r.error.isEmpty());
    CHECK(r.encoding == QStringLiteral("GB18030"));
    CHECK(r.rows == 6);
    CHECK(r.applied == 3);
    CHECK(r.added == 420);
    CHECK(r.taken == 100);
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors.at(0).line == 5); // no such member
    CHECK(r.errors.at(1).line == 6); // 李强 has 120, not 500
    CHECK(r.errors.at(2).line == 7); // not a number
    CHECK(usablePoints(shop.ctx().db(), wang, shop.clock.nowMs()).value() == 200);
    CHECK(usablePoints(shop.ctx().db(), li, shop.clock.nowMs()).value() == 120);
    // Each row its own ledger row, with its reason and the approving manager.
    CHECK(shop.count(QStringLiteral("points_ledger"), QStringLiteral("kind = 'adjust' AND reason = '双十一活动' AND "
                                                                     "authorized_by = ?"),
                     {shop.manager}) == 1);
    CHECK(shop.count(QStringLiteral("points_ledger"), QStringLiteral("kind = 'adjust' AND reason = '老会员回馈'")) == 1);

    // The same file again: refused whole, even with a fresh approval.
    const PointsImportReport again = importPointsCsv(shop.ctx().db(), ctx, file, QStringLiteral("双十一活动"),
                                                     shop.approve(pointsImportScope(file)));
    CHECK(!again.error.isEmpty());
    CHECK(usablePoints(shop.ctx().db(), wang, shop.clock.nowMs()).value() == 200);
    huike::test::requireClean(shop);
}
