// An approval is proof: a manager's PIN on the spot, single use, for one action, target and
// amount, for a few minutes. A manager's id alone gets nothing done.

#include "core/uuid.h"
#include "operators/approvals.h"
#include "reports/integrity.h"
#include "sales/returns.h"
#include "testsupport.h"

using namespace huike;
using huike::test::fen;
using huike::test::TestShop;
using huike::test::why;

namespace {

RefundRequest wholeRefund(TestShop &shop, const QString &receiptNo, const QString &token)
{
    return RefundRequest{newUuid(), receiptNo, {}, QStringLiteral("顾客不想要了"), shop.cashier, token, shop.shift()};
}

} // namespace

TEST_CASE("a manager's PIN yields an approval of exactly one refund", "[approvals]")
{
    TestShop shop;
    const SaleResult sale = shop.sell({shop.line(shop.p.oil)}); // ¥69.90
    ReturnService &rs = shop.ctx().returns();
    auto scope = rs.approvalScope(QStringLiteral("refund"), sale.receiptNo);
    REQUIRE(scope.ok());
    CHECK(scope->action == kApproveRefund);
    CHECK(scope->target == sale.receiptNo);
    CHECK(scope->amount == fen(6990));

    SECTION("a wrong PIN approves nothing and counts towards the lock-out")
    {
        auto a = shop.ctx().approvals().grant(QStringLiteral("8001"), QStringLiteral("0000"), *scope, shop.cashier);
        REQUIRE_FALSE(a.ok());
        CHECK(a.error().code == ErrorCode::Denied);
        CHECK(shop.scalar(QStringLiteral("SELECT failed_attempts FROM operators WHERE id = ?"), {shop.manager})
                  .toInt() == 1);
        CHECK(shop.count(QStringLiteral("approvals")) == 0);
    }
    SECTION("a cashier's PIN approves nothing")
    {
        auto a = shop.ctx().approvals().grant(QStringLiteral("1002"), QStringLiteral("1234"), *scope, shop.cashier);
        REQUIRE_FALSE(a.ok());
        CHECK(a.error().code == ErrorCode::Denied);
    }
    SECTION("the approval is used once, recorded with the refund, and cannot be used again")
    {
        const QString token = shop.approve(*scope);
        CHECK_FALSE(token.isEmpty());
        // Only its hash is stored: the file does not hand out approvals.
        CHECK(shop.count(QStringLiteral("approvals"), QStringLiteral("token = ?"), {token}) == 0);
        auto r = rs.refund(wholeRefund(shop, sale.receiptNo, token));
        INFO(why(r));
        REQUIRE(r.ok());
        CHECK(shop.scalar(QStringLiteral("SELECT authorized_by FROM sales WHERE id = ?"), {r->saleId}).toLongLong() ==
              shop.manager);
        CHECK(shop.count(QStringLiteral("approvals"),
                         QStringLiteral("sale_id = ? AND used_at_ms IS NOT NULL AND manager_id = ? AND "
                                        "requested_by = ? AND action = 'refund' AND amount_fen = 6990"),
                         {r->saleId, shop.manager, shop.cashier}) == 1);
        // A second sale of the same amount: the used approval does not refund it.
        const SaleResult other = shop.sell({shop.line(shop.p.oil)});
        auto again = rs.refund(wholeRefund(shop, other.receiptNo, token));
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().code == ErrorCode::Denied);
    }
    SECTION("an approval is for its receipt and its amount only")
    {
        const SaleResult other = shop.sell({shop.line(shop.p.oil)});
        const QString forOther = shop.approve(*rs.approvalScope(QStringLiteral("refund"), other.receiptNo));
        auto wrongReceipt = rs.refund(wholeRefund(shop, sale.receiptNo, forOther));
        REQUIRE_FALSE(wrongReceipt.ok());
        CHECK(wrongReceipt.error().code == ErrorCode::Denied);
        CHECK(wrongReceipt.error().message.contains(other.receiptNo));

        const QString smaller = shop.approve({kApproveRefund, sale.receiptNo, fen(100)});
        CHECK(rs.refund(wholeRefund(shop, sale.receiptNo, smaller)).error().code == ErrorCode::Denied);
        const QString asVoid = shop.approve({kApproveVoid, sale.receiptNo, fen(6990)});
        CHECK(rs.refund(wholeRefund(shop, sale.receiptNo, asVoid)).error().code == ErrorCode::Denied);
        CHECK(shop.count(QStringLiteral("sales"), QStringLiteral("kind = 'refund'")) == 0);
        // A refused approval is not used up: it still refunds what it was given for.
        CHECK(rs.refund(wholeRefund(shop, other.receiptNo, forOther)).ok());
    }
    SECTION("an approval expires after a few minutes")
    {
        const QString token = shop.approve(*scope);
        shop.clock.advance(ApprovalService::kValidityMs + 1);
        auto late = rs.refund(wholeRefund(shop, sale.receiptNo, token));
        REQUIRE_FALSE(late.ok());
        CHECK(late.error().code == ErrorCode::Denied);
        CHECK(shop.count(QStringLiteral("sales"), QStringLiteral("kind = 'refund'")) == 0);
    }
    SECTION("a manager disabled after approving no longer counts")
    {
        const QString token = shop.approve(*scope);
        shop.execRaw(QStringLiteral("UPDATE operators SET active = 0 WHERE id = ?"), {shop.manager});
        CHECK(rs.refund(wholeRefund(shop, sale.receiptNo, token)).error().code == ErrorCode::Denied);
    }
    SECTION("a manager's id, or a made-up token, is refused")
    {
        for (const QString &fake : {QString::number(shop.manager), QStringLiteral("8001"),
                                    QStringLiteral("00000000000000000000000000000000")})
            CHECK(rs.refund(wholeRefund(shop, sale.receiptNo, fake)).error().code == ErrorCode::Denied);
    }
    CHECK(verifyDatabase(shop.ctx().db()) == QStringList());
}

TEST_CASE("a discount approval is bound to the cart as the manager saw it", "[approvals][checkout]")
{
    TestShop shop;
    CartLine oil = shop.line(shop.p.oil);
    oil.discountPermille = 700; // 7折: beyond a cashier's 9折
    auto req = shop.request({oil});
    req.approvalToken = shop.approveCart(req);

    SECTION("the cart changed after the approval: a new one is needed")
    {
        req.lines[0].discountPermille = 500;
        req.tenders = {{Tender::Cash, fen(3495), {}}};
        auto r = shop.ctx().checkout().commit(req);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Denied);
    }
    SECTION("another cart cannot use it")
    {
        auto other = shop.request({oil});
        other.approvalToken = req.approvalToken;
        CHECK(shop.ctx().checkout().commit(other).error().code == ErrorCode::Denied);
        CHECK(shop.ctx().checkout().commit(req).ok());
    }
    SECTION("the cart as approved goes through once; its retry is the same sale")
    {
        auto first = shop.ctx().checkout().commit(req);
        INFO(why(first));
        REQUIRE(first.ok());
        auto retry = shop.ctx().checkout().commit(req);
        REQUIRE(retry.ok());
        CHECK(retry->duplicate);
        CHECK(retry->saleId == first->saleId);
        CHECK(shop.count(QStringLiteral("approvals"), QStringLiteral("sale_id = ?"), {first->saleId}) == 1);
    }
}
