// Stored value (储值), exactly: a recharge keeps principal and bonus apart (充500送50), a sale spends
// the oldest recharge first in its own ratio, refunds put it back in the split it was taken in, a
// recharge's refund pays back only the principal left and takes back its bonus, and every step is
// a ledger row that verify can prove.

#include "core/uuid.h"
#include "members/earnings.h"
#include "members/storedvalue.h"
#include "reports/integrity.h"
#include "sales/receipt.h"
#include "sales/returns.h"
#include "sales/shifts.h"
#include "testsupport.h"

#include <QSqlQuery>

using namespace huike;
using huike::test::fen;
using huike::test::requireClean;
using huike::test::TestShop;
using huike::test::why;

namespace {

StoredBalance balanceOf(TestShop &shop, qint64 memberId)
{
    auto b = storedBalance(shop.ctx().db(), memberId);
    REQUIRE(b.ok());
    return *b;
}

RechargeResult recharged(TestShop &shop, qint64 memberId, Money amount)
{
    auto r = shop.recharge(memberId, amount);
    INFO(why(r));
    REQUIRE(r.ok());
    return *r;
}

// A member's sale of `lines` paid `stored` from stored value and the rest in cash.
Result<SaleResult> payStored(TestShop &shop, qint64 memberId, const QList<CartLine> &lines, Money stored,
                             const QString &pin = {})
{
    CheckoutRequest r = shop.memberRequest(memberId, lines);
    const Money total = shop.ctx().checkout().quote(lines, {}, r.member).total;
    r.tenders = {{Tender::Stored, stored, {}}};
    if (total > stored)
        r.tenders.append({Tender::Cash, total - stored, {}});
    r.memberPin = pin;
    return shop.ctx().checkout().commit(r);
}

} // namespace

TEST_CASE("充500送50: a recharge keeps principal and bonus apart, earns nothing and is in the drawer",
          "[members][stored]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812348000"), QStringLiteral("陈静"));
    const RechargeResult r = recharged(shop, id, Money::fromYuan(500));
    CHECK(r.credited == StoredBalance{fen(50000), fen(5000)});
    CHECK(r.after == StoredBalance{fen(50000), fen(5000)});
    CHECK(shop.scalar(QStringLiteral("SELECT kind FROM sales WHERE id = ?"), {r.document.saleId}).toString() ==
          QStringLiteral("recharge"));
    // A recharge is not a purchase: no growth value, no points, no lines.
    CHECK(shop.scalar(QStringLiteral("SELECT growth + points FROM members WHERE id = ?"), {id}).toLongLong() == 0);
    CHECK(shop.count(QStringLiteral("sale_lines"), QStringLiteral("sale_id = ?"), {r.document.saleId}) == 0);

    // The highest tier reached applies, once: 充1000送120, not 送170; below ¥500 nothing.
    CHECK(recharged(shop, id, Money::fromYuan(1000)).credited.bonus == fen(12000));
    CHECK(recharged(shop, id, Money::fromYuan(300)).credited.bonus == fen(0));
    CHECK(balanceOf(shop, id) == StoredBalance{fen(180000), fen(17000)});

    // The shift report: money in the drawer, counted apart from the takings.
    auto report = shop.ctx().shifts().report(shop.shift());
    REQUIRE(report.ok());
    CHECK(report->rechargeCount == 3);
    CHECK(report->rechargesTotal == fen(180000));
    CHECK(report->salesTotal == fen(0));
    CHECK(report->expectedCash == fen(180000));
    CHECK(shop.ctx().shifts().renderReport(*report).contains(QStringLiteral("1800.00")));

    // The receipt says what went on the card and what the member holds now.
    auto receipt = shop.ctx().receipts().load(r.document.receiptNo);
    REQUIRE(receipt.ok());
    const QString text = shop.ctx().receipts().render(*receipt);
    CHECK(text.contains(QStringLiteral("500.00")));
    CHECK(text.contains(QStringLiteral("50.00")));
    CHECK(text.contains(QStringLiteral("550.00")));
    requireClean(shop);
}

TEST_CASE("a sale spends the oldest recharge first, principal and bonus in its ratio, and stored value earns",
          "[members][stored]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812348001"), QStringLiteral("赵敏"));
    recharged(shop, id, Money::fromYuan(500)); // 500 + 50
    recharged(shop, id, Money::fromYuan(300)); // 300 + 0
    // ¥69.90 from the first lot, 500:50: ¥6.35 of it bonus (6990 x 50/550 = 635.45).
    auto s = payStored(shop, id, {shop.line(shop.p.oil)}, fen(6990));
    INFO(why(s));
    REQUIRE(s.ok());
    CHECK(balanceOf(shop, id) == StoredBalance{fen(80000 - 6355), fen(5000 - 635)});
    // Paid with stored value, the sale earns as money does: 69 growth, 6 points.
    CHECK(shop.scalar(QStringLiteral("SELECT growth FROM members WHERE id = ?"), {id}).toLongLong() == 69);
    CHECK(shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {id}).toLongLong() == 6);

    // ¥500 more: the rest of the first lot (¥480.10, its last fen exactly what is left of each
    // part), then ¥19.90 of principal from the second.
    auto big = payStored(shop, id, {shop.line(shop.p.oil, 7000), shop.line(shop.p.water, 6000)}, fen(50000));
    INFO(why(big));
    REQUIRE(big.ok());
    CHECK(shop.scalar(QStringLiteral("SELECT principal_left_fen + bonus_left_fen FROM stored_lots WHERE member_id = ? "
                                     "ORDER BY id LIMIT 1"),
                      {id})
              .toLongLong() == 0);
    CHECK(balanceOf(shop, id) == StoredBalance{fen(30000 - 1990), fen(0)});

    auto receipt = shop.ctx().receipts().load(big->receiptNo);
    REQUIRE(receipt.ok());
    REQUIRE(receipt->member.has_value());
    CHECK(receipt->member->storedPaid == fen(50000));
    CHECK(receipt->member->principalAfter == fen(28010));
    requireClean(shop);
}

TEST_CASE("insufficient stored value refuses the sale with the numbers and writes nothing", "[members][stored]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812348002"));
    recharged(shop, id, Money::fromYuan(50));
    const qint64 documents = shop.count(QStringLiteral("sales"));
    auto s = payStored(shop, id, {shop.line(shop.p.oil)}, fen(6990));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == ErrorCode::InsufficientFunds);
    CHECK(s.error().message.contains(QStringLiteral("50.00")));
    CHECK(shop.count(QStringLiteral("sales")) == documents);
    CHECK(balanceOf(shop, id) == StoredBalance{fen(5000), fen(0)});

    // Without a member there is no stored value to pay with.
    CheckoutRequest anonymous = shop.request({shop.line(shop.p.water)}, {{Tender::Stored, fen(200), {}}});
    auto refused = shop.ctx().checkout().commit(anonymous);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Invalid);
}

TEST_CASE("refunds put stored value back in the split it was taken in, and add up to the sale",
          "[members][stored][returns]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812348003"), QStringLiteral("孙丽"));
    recharged(shop, id, Money::fromYuan(1000)); // 1000 + 120
    const StoredBalance before = balanceOf(shop, id);
    // Three bags of noodles (¥43.50): ¥30 from stored value, the rest cash.
    auto s = payStored(shop, id, {shop.line(shop.p.noodles, 3000)}, fen(3000));
    INFO(why(s));
    REQUIRE(s.ok());
    const StoredBalance spent{before.principal - balanceOf(shop, id).principal, before.bonus - balanceOf(shop, id).bonus};
    CHECK(spent.total() == fen(3000));
    CHECK(spent.bonus == fen(321)); // 3000 x 120/1120 = 321.4

    auto sale = shop.ctx().returns().refundable(s->receiptNo);
    REQUIRE(sale.ok());
    const qint64 line = sale->lines.first().lineId;
    // One bag back: ¥14.50, all of it into stored value (paid back there first).
    auto one = shop.ctx().returns().refund(shop.refundRequest(s->receiptNo, {{line, 1000}}));
    INFO(why(one));
    REQUIRE(one.ok());
    CHECK(balanceOf(shop, id).total() == before.total() - fen(3000) + fen(1450));
    // The other two: the rest of the stored value and the cash.
    auto rest = shop.ctx().returns().refund(shop.refundRequest(s->receiptNo));
    INFO(why(rest));
    REQUIRE(rest.ok());
    CHECK(balanceOf(shop, id) == before);
    auto payments = loadPayments(shop.ctx().db(), rest->saleId);
    REQUIRE(payments.ok());
    Money cash;
    for (const DocumentPayment &p : *payments)
        if (p.tender == Tender::Cash)
            cash += p.amount;
    CHECK(cash == fen(-1350));
    requireClean(shop);
}

TEST_CASE("a recharge's refund pays back the principal left and takes back its bonus", "[members][stored][returns]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812348004"), QStringLiteral("周杰"));
    const RechargeResult r = recharged(shop, id, Money::fromYuan(500)); // 500 + 50
    REQUIRE(payStored(shop, id, {shop.line(shop.p.oil)}, fen(6990)).ok()); // 63.55 + 6.35
    StoredValueService &sv = shop.ctx().storedValue();
    auto isRecharge = sv.isRecharge(r.document.receiptNo);
    REQUIRE(isRecharge.ok());
    CHECK(*isRecharge);

    auto scope = sv.refundScope(r.document.receiptNo);
    REQUIRE(scope.ok());
    CHECK(scope->action == kApproveRefund);
    CHECK(scope->amount == fen(50000 - 6355));
    // No manager, no refund.
    auto denied = sv.refundRecharge(newUuid(), r.document.receiptNo, QStringLiteral("顾客搬家"), shop.cashier, {},
                                    shop.shift());
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.error().code == ErrorCode::Denied);

    auto back = sv.refundRecharge(newUuid(), r.document.receiptNo, QStringLiteral("顾客搬家"), shop.cashier,
                                  shop.approveQuickly(*scope), shop.shift());
    INFO(why(back));
    REQUIRE(back.ok());
    CHECK(back->total == fen(-(50000 - 6355)));
    CHECK(balanceOf(shop, id) == StoredBalance{});
    auto payments = loadPayments(shop.ctx().db(), back->saleId);
    REQUIRE(payments.ok());
    REQUIRE(payments->size() == 1);
    CHECK(payments->first().tender == Tender::Cash);
    // The drawer paid it out; the bonus never was money.
    auto report = shop.ctx().shifts().report(shop.shift());
    REQUIRE(report.ok());
    CHECK(report->rechargeRefundCount == 1);
    CHECK(report->expectedCash == fen(50000 - (50000 - 6355)));

    // Nothing is left of it now: a second refund is refused.
    auto again = sv.refundScope(r.document.receiptNo);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::Conflict);
    // A recharge is not a sale: the goods refund refuses it.
    CHECK_FALSE(shop.ctx().returns().refundable(r.document.receiptNo).ok());
    requireClean(shop);
}

TEST_CASE("大额充值授权: a recharge above the limit needs a manager, and a lost card takes no money",
          "[members][stored][approvals]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812348005"));
    StoredValueService &sv = shop.ctx().storedValue();
    CHECK(sv.approvalLimit() == Money::fromYuan(5000));
    RechargeRequest r;
    r.uuid = newUuid();
    r.memberId = id;
    r.amount = Money::fromYuan(8000);
    r.tenders = {{Tender::Card, r.amount, {}}};
    r.operatorId = shop.cashier;
    r.shiftId = shop.shift();
    auto denied = sv.recharge(r);
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.error().code == ErrorCode::Denied);
    // An approval of another amount does not do.
    r.approvalToken = shop.approveQuickly(StoredValueService::rechargeScope(id, Money::fromYuan(5001)));
    CHECK_FALSE(sv.recharge(r).ok());
    r.approvalToken = shop.approveQuickly(StoredValueService::rechargeScope(id, r.amount));
    auto ok = sv.recharge(r);
    INFO(why(ok));
    REQUIRE(ok.ok());
    CHECK(ok->credited.bonus == fen(12000));
    // The same recharge sent again (a retry) records nothing new.
    auto retry = sv.recharge(r);
    REQUIRE(retry.ok());
    CHECK(retry->document.duplicate);
    CHECK(balanceOf(shop, id).principal == fen(800000));

    REQUIRE(shop.ctx().members().reportLost(id, QStringLiteral("顾客来电挂失"), shop.cashier).ok());
    auto lost = shop.recharge(id, Money::fromYuan(100));
    REQUIRE_FALSE(lost.ok());
    CHECK(lost.error().code == ErrorCode::Denied);
    requireClean(shop);
}

TEST_CASE("the member's PIN guards stored value: asked, counted, locked after five, reset by a manager",
          "[members][stored]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812348006"), QStringLiteral("吴磊"));
    recharged(shop, id, Money::fromYuan(200));
    Database &db = shop.ctx().db();
    CHECK_FALSE(setMemberPin(db, shop.clock, id, QStringLiteral("12a4"), {}, shop.cashier).ok());
    REQUIRE(setMemberPin(db, shop.clock, id, QStringLiteral("246810"), {}, shop.cashier).ok());
    CHECK(shop.ctx().members().byId(id)->hasPin);

    auto none = payStored(shop, id, {shop.line(shop.p.water)}, fen(200));
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == ErrorCode::Denied);
    auto good = payStored(shop, id, {shop.line(shop.p.water)}, fen(200), QStringLiteral("246810"));
    INFO(why(good));
    REQUIRE(good.ok());
    // Points or cash need no PIN.
    CHECK(shop.ctx().checkout().commit(shop.memberRequest(id, {shop.line(shop.p.water)})).ok());

    // Changing it needs the current one.
    CHECK_FALSE(setMemberPin(db, shop.clock, id, QStringLiteral("1357"), QStringLiteral("000000"), shop.cashier).ok());
    for (int i = 0; i < kMemberPinFailureLimit; ++i) {
        auto wrong = payStored(shop, id, {shop.line(shop.p.water)}, fen(200), QStringLiteral("111111"));
        REQUIRE_FALSE(wrong.ok());
        CHECK(wrong.error().code == ErrorCode::Denied);
    }
    // Locked: even the right PIN is refused now, and the balance is untouched.
    auto locked = payStored(shop, id, {shop.line(shop.p.water)}, fen(200), QStringLiteral("246810"));
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.error().message.contains(QStringLiteral("manager")));
    CHECK(balanceOf(shop, id).total() == fen(20000 - 200));

    const QString token = shop.approveQuickly(memberPinScope(id));
    REQUIRE(setMemberPin(db, shop.clock, id, QStringLiteral("1357"), {}, shop.cashier, token).ok());
    auto after = payStored(shop, id, {shop.line(shop.p.water)}, fen(200), QStringLiteral("1357"));
    INFO(why(after));
    CHECK(after.ok());
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'member.pin'")) == 2);
}

TEST_CASE("转赠: stored value moves to another member as principal and bonus, with a manager", "[members][stored]")
{
    TestShop shop;
    const qint64 a = shop.addMember(QStringLiteral("13812348007"), QStringLiteral("郑爽"));
    const qint64 b = shop.addMember(QStringLiteral("13812348008"), QStringLiteral("王磊"));
    recharged(shop, a, Money::fromYuan(500));
    StoredValueService &sv = shop.ctx().storedValue();
    const Money amount = Money::fromYuan(100);
    CHECK_FALSE(sv.transfer(a, b, amount, QStringLiteral("送给家人"), shop.cashier, {}).ok());
    auto moved = sv.transfer(a, b, amount, QStringLiteral("送给家人"), shop.cashier,
                             shop.approveQuickly(StoredValueService::transferScope(a, b, amount)));
    INFO(why(moved));
    REQUIRE(moved.ok());
    CHECK(*moved == StoredBalance{fen(9091), fen(909)}); // 10000 x 50/550 = 909.09
    CHECK(balanceOf(shop, b) == *moved);
    CHECK(balanceOf(shop, a) == StoredBalance{fen(50000 - 9091), fen(5000 - 909)});
    // More than the member holds: refused, nothing moves.
    const Money tooMuch = Money::fromYuan(1000);
    auto refused = sv.transfer(a, b, tooMuch, QStringLiteral("送给家人"), shop.cashier,
                               shop.approveQuickly(StoredValueService::transferScope(a, b, tooMuch)));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InsufficientFunds);
    CHECK(balanceOf(shop, b) == *moved);
    // B spends it like any stored value.
    REQUIRE(payStored(shop, b, {shop.line(shop.p.noodles)}, fen(1450)).ok());
    requireClean(shop);
}

TEST_CASE("two tills spending the same balance: the second is told insufficient balance", "[members][stored]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812348009"));
    recharged(shop, id, Money::fromYuan(100));
    // The second till's cart was priced and paid while the balance still covered it.
    CheckoutRequest first = shop.memberRequest(id, {shop.line(shop.p.oil)});
    first.tenders = {{Tender::Stored, fen(6990), {}}};
    CheckoutRequest second = first;
    second.uuid = newUuid();
    REQUIRE(shop.ctx().checkout().commit(first).ok());
    auto late = shop.ctx().checkout().commit(second);
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == ErrorCode::InsufficientFunds);
    CHECK(balanceOf(shop, id).total() == fen(10000 - 6990));
    requireClean(shop);
}

TEST_CASE("verify finds a stored value balance that is not its ledger", "[members][stored][integrity]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812348010"));
    recharged(shop, id, Money::fromYuan(500));
    requireClean(shop);
    shop.execRaw(QStringLiteral("UPDATE members SET bonus_fen = bonus_fen + 100 WHERE id = ?"), {id});
    const QStringList problems = verifyDatabase(shop.ctx().db());
    REQUIRE_FALSE(problems.isEmpty());
    CHECK(problems.join(QLatin1Char('\n')).contains(QStringLiteral("stored value")));
    // The ledger itself cannot be edited.
    QSqlQuery q(shop.ctx().db().db());
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE stored_ledger SET bonus_fen = 0")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM stored_ledger")));
}
