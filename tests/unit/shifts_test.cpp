// 交班 (shift hand-over) and 挂单 (held orders): what the till took, by tender, and carts put aside.

#include "core/uuid.h"
#include "reports/integrity.h"
#include "sales/heldorders.h"
#include "sales/receipt.h"
#include "sales/shifts.h"
#include "store/settings.h"
#include "testsupport.h"

#include <atomic>
#include <thread>

using namespace huike;
using huike::test::fen;
using huike::test::TestShop;
using huike::test::why;

namespace {
Money tenderNet(const ShiftReport &r, Tender t)
{
    for (const TenderTotal &tt : r.byTender)
        if (tt.tender == t)
            return tt.net();
    FAIL("tender missing from the report");
    return {};
}
const TenderTotal &tenderTotal(const ShiftReport &r, Tender t)
{
    for (const TenderTotal &tt : r.byTender)
        if (tt.tender == t)
            return tt;
    FAIL("tender missing from the report");
    return r.byTender.first();
}
} // namespace

TEST_CASE("a shift report adds up sales, refunds and voids by tender", "[shifts]")
{
    TestShop shop;
    ShiftService &shifts = shop.ctx().shifts();
    CHECK_FALSE(shifts.current().has_value());
    auto shift = shifts.open(shop.cashier, Money::fromYuan(500));
    INFO(why(shift));
    REQUIRE(shift.ok());
    CHECK(shift->cashFloat == fen(50000));
    CHECK(shift->operatorName == QStringLiteral("王芳"));
    CHECK(shift->terminal == QStringLiteral("POS1"));
    REQUIRE(shifts.current().has_value());
    CHECK(shifts.current()->id == shift->id);
    CHECK(shifts.open(shop.cashier2, fen(0)).error().code == ErrorCode::Conflict); // one open shift per till

    auto ring = [&](const QList<CartLine> &lines, const QList<TenderInput> &tenders) {
        auto req = shop.request(lines, tenders);
        req.shiftId = shift->id;
        shop.clock.advance(600'000);
        auto r = shop.ctx().checkout().commit(req);
        INFO(why(r));
        REQUIRE(r.ok());
        return *r;
    };
    const SaleResult s1 = ring({shop.line(shop.p.oil), shop.line(shop.p.water, 2000)},
                               {{Tender::Cash, fen(10000), {}}});                                // 73.90
    ring({shop.line(shop.p.noodles)}, {{Tender::WeChat, fen(1450), QStringLiteral("4200000009202611250009")}}); // 14.50
    ring({shop.line(shop.p.water, 5000)},
         {{Tender::Alipay, fen(600), QStringLiteral("2026112522001400000006")}, {Tender::Cash, fen(500), {}}});                       // 10.00
    ring({shop.line(shop.p.oil)}, {{Tender::Card, fen(6990), QStringLiteral("6222****8888")}}); // 69.90
    // A document outside any shift is refused: every sale lands in some 交班.
    auto outside = shop.request({shop.line(shop.p.water)});
    outside.shiftId = 0;
    auto refused = shop.ctx().checkout().commit(outside);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().message.contains(QStringLiteral("shift")));

    // The customer brings the oil of s1 back.
    auto orig = shop.ctx().returns().refundable(s1.receiptNo);
    REQUIRE(orig.ok());
    const QList<RefundLineRequest> back = {{orig->lines[0].lineId, 1000}};
    RefundRequest rr{newUuid(), s1.receiptNo, back, QStringLiteral("商品质量问题"),
                     shop.cashier, shop.approveRefund(s1.receiptNo, back), shift->id};
    REQUIRE(shop.ctx().returns().refund(rr).ok());

    auto report = shifts.report(shift->id);
    INFO(why(report));
    REQUIRE(report.ok());
    CHECK(report->saleCount == 4);
    CHECK(report->salesTotal == fen(7390 + 1450 + 1000 + 6990));
    CHECK(report->refundCount == 1);
    CHECK(report->refundsTotal == fen(-6990));
    CHECK(report->voidCount == 0);
    CHECK(report->discounts == fen(0));
    const TenderTotal &cash = tenderTotal(*report, Tender::Cash);
    CHECK(cash.sales == fen(7390 + 400));
    CHECK(cash.refunds == fen(-6990));
    CHECK(tenderNet(*report, Tender::WeChat) == fen(1450));
    CHECK(tenderNet(*report, Tender::Alipay) == fen(600));
    CHECK(tenderNet(*report, Tender::Card) == fen(6990));
    CHECK(report->expectedCash == fen(50000 + 7390 + 400 - 6990)); // float + net cash
    CHECK_FALSE(report->counted.has_value());

    // Counted ¥5.00 short.
    shop.clock.advance(3'600'000);
    auto closed = shifts.close(shift->id, fen(50800 - 500), shop.cashier);
    INFO(why(closed));
    REQUIRE(closed.ok());
    CHECK(closed->expectedCash == fen(50800));
    REQUIRE(closed->counted.has_value());
    CHECK(*closed->counted == fen(50300));
    CHECK(closed->difference() == fen(-500));
    CHECK(closed->shift.closedAtMs.has_value());
    CHECK_FALSE(shifts.current().has_value());
    CHECK(shop.scalar(QStringLiteral("SELECT expected_fen FROM shifts WHERE id = ?"), {shift->id})
              .toLongLong() == 50800);
    CHECK(shop.scalar(QStringLiteral("SELECT counted_fen FROM shifts WHERE id = ?"), {shift->id})
              .toLongLong() == 50300);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'shift.close'")) == 1);

    const QString text = shifts.renderReport(*closed);
    CHECK(text.contains(QStringLiteral("508.00")));
    CHECK(text.contains(QStringLiteral("503.00")));
    CHECK(text.contains(QStringLiteral("-5.00")));
    for (const QString &line : text.split(QLatin1Char('\n')))
        CHECK(PrintLayout::width(line) <= 32);

    // Closing twice is refused; the report of a closed shift still shows what was counted.
    CHECK(shifts.close(shift->id, fen(50800), shop.cashier).error().code == ErrorCode::Conflict);
    auto later = shifts.report(shift->id);
    REQUIRE(later.ok());
    REQUIRE(later->counted.has_value());
    CHECK(later->difference() == fen(-500));
    // The next cashier opens a new shift.
    auto next = shifts.open(shop.cashier2, Money::fromYuan(300));
    REQUIRE(next.ok());
    CHECK(next->id != shift->id);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("voids count in the shift report and give the money back", "[shifts][void]")
{
    TestShop shop;
    auto shift = shop.ctx().shifts().open(shop.cashier, Money::fromYuan(200));
    REQUIRE(shift.ok());
    auto req = shop.request({shop.line(shop.p.oil)}, {{Tender::Cash, fen(10000), {}}});
    req.shiftId = shift->id;
    auto sale = shop.ctx().checkout().commit(req);
    REQUIRE(sale.ok());
    auto v = shop.ctx().returns().voidSale(newUuid(), sale->receiptNo, QStringLiteral("收银员按错"),
                                           shop.cashier, shop.approveVoid(sale->receiptNo), shift->id);
    INFO(why(v));
    REQUIRE(v.ok());
    auto r = shop.ctx().shifts().report(shift->id);
    REQUIRE(r.ok());
    CHECK(r->saleCount == 1);
    CHECK(r->voidCount == 1);
    CHECK(r->voidsTotal == fen(-6990));
    CHECK(r->expectedCash == fen(20000)); // the float, as if nothing happened
}

TEST_CASE("shift amounts cannot be negative", "[shifts]")
{
    TestShop shop;
    CHECK(shop.ctx().shifts().open(shop.cashier, fen(-1)).error().code == ErrorCode::Invalid);
    auto s = shop.ctx().shifts().open(shop.cashier, fen(0));
    REQUIRE(s.ok());
    CHECK(shop.ctx().shifts().close(s->id, fen(-100), shop.cashier).error().code == ErrorCode::Invalid);
    CHECK(shop.ctx().shifts().report(987654).error().code == ErrorCode::NotFound);
}

TEST_CASE("held orders survive a restart and are recalled exactly once", "[held]")
{
    TestShop shop;
    CartLine apples = shop.line(shop.p.apples, 1235);
    apples.priceOverride = fen(1198);
    CartLine beef = shop.line(shop.p.beef, 270);
    beef.fixedAmount = fen(1567);
    CartLine water = shop.line(shop.p.water, 6000);
    water.discountPermille = 950;
    RecalledOrder cart;
    cart.lines = {apples, beef, water};
    cart.discount.permille = 980;
    cart.uuid = newUuid();
    const Money total = shop.ctx().checkout().quote(cart.lines, cart.discount, {}).total;

    auto id = shop.ctx().heldOrders().hold(cart, total, QStringLiteral("穿红衣服的阿姨"), shop.cashier);
    INFO(why(id));
    REQUIRE(id.ok());
    shop.reopen(); // the program restarts while the customer is away

    auto held = shop.ctx().heldOrders().list();
    REQUIRE(held.size() == 1);
    CHECK(held[0].id == *id);
    CHECK(held[0].label == QStringLiteral("穿红衣服的阿姨"));
    CHECK(held[0].total == total);
    CHECK(held[0].lineCount == 3);
    CHECK(held[0].operatorName == QStringLiteral("王芳"));

    auto back = shop.ctx().heldOrders().recall(*id);
    INFO(why(back));
    REQUIRE(back.ok());
    CHECK(back->uuid == cart.uuid);
    CHECK(back->discount.permille == 980);
    REQUIRE(back->lines.size() == 3);
    for (int i = 0; i < 3; ++i) {
        INFO("line " << i);
        CHECK(back->lines[i].productId == cart.lines[i].productId);
        CHECK(back->lines[i].name == cart.lines[i].name);
        CHECK(back->lines[i].quantityMilli == cart.lines[i].quantityMilli);
        CHECK(back->lines[i].listPrice == cart.lines[i].listPrice);
        CHECK(back->lines[i].discountPermille == cart.lines[i].discountPermille);
        CHECK(back->lines[i].priceOverride == cart.lines[i].priceOverride);
        CHECK(back->lines[i].fixedAmount == cart.lines[i].fixedAmount);
        CHECK(back->lines[i].weighed == cart.lines[i].weighed);
    }
    CHECK(shop.ctx().checkout().quote(back->lines, back->discount, {}).total == total);
    CHECK(shop.ctx().heldOrders().list().isEmpty());

    // Another till (or a double click) recalling it again gets nothing.
    auto again = shop.ctx().heldOrders().recall(*id);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::NotFound);

    // The recalled cart checks out under the uuid it had all along.
    CheckoutRequest req = shop.request(back->lines, {{Tender::Cash, total, {}}});
    req.uuid = back->uuid;
    req.orderDiscount = back->discount;
    req.approvalToken = shop.approveCart(req); // the apples' changed price needs one
    auto sale = shop.ctx().checkout().commit(req);
    INFO(why(sale));
    REQUIRE(sale.ok());
    CHECK(sale->total == total);
}

TEST_CASE("a held order can be cancelled, and an empty cart cannot be held", "[held]")
{
    TestShop shop;
    HeldOrderService &h = shop.ctx().heldOrders();
    CHECK(h.hold(RecalledOrder{}, fen(0), QStringLiteral("空"), shop.cashier).error().code ==
          ErrorCode::Invalid);
    RecalledOrder cart;
    cart.lines = {shop.line(shop.p.noodles)};
    cart.uuid = newUuid();
    auto a = h.hold(cart, fen(1450), QString(), shop.cashier);
    auto b = h.hold(cart, fen(1450), QStringLiteral("第二单"), shop.cashier2);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(h.list().size() == 2);
    REQUIRE(h.cancel(*a, shop.manager).ok());
    CHECK(h.list().size() == 1);
    CHECK(h.recall(*a).error().code == ErrorCode::NotFound);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'held.cancel'")) == 1);
    CHECK(shop.count(QStringLiteral("held_orders")) == 2); // cancelled, not deleted
}

TEST_CASE("two tills recalling the same held order: only one gets it", "[held][concurrency]")
{
    TestShop shop;
    RecalledOrder cart;
    cart.lines = {shop.line(shop.p.noodles), shop.line(shop.p.water, 3000)};
    cart.uuid = newUuid();
    auto id = shop.ctx().heldOrders().hold(cart, fen(2050), QStringLiteral("3号顾客"), shop.cashier);
    REQUIRE(id.ok());
    const QString path = shop.path();
    std::atomic<int> ready{0};
    std::atomic<int> recalled{0};
    std::atomic<int> refused{0};
    auto run = [&](const QString &terminal) {
        auto ctx = AppContext::open(path, shop.clock, terminal);
        if (!ctx)
            return;
        ++ready;
        while (ready.load() < 2)
            std::this_thread::yield();
        auto r = (*ctx)->heldOrders().recall(*id);
        if (r && r->lines.size() == 2)
            ++recalled;
        else if (!r && r.error().code == ErrorCode::NotFound)
            ++refused;
    };
    std::thread a(run, QStringLiteral("POS2"));
    std::thread b(run, QStringLiteral("POS3"));
    a.join();
    b.join();
    CHECK(recalled.load() == 1);
    CHECK(refused.load() == 1);
}

TEST_CASE("changing settings is one audited transaction", "[settings]")
{
    TestShop shop;
    Settings &s = shop.ctx().settings();
    const qint64 before =
        shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'setting.change'"));
    REQUIRE(s.change({{Settings::kCashierDiscountLimit, QStringLiteral("850")},
                      {Settings::kRoundingMode, s.value(Settings::kRoundingMode, QStringLiteral("0"))}},
                     shop.manager, shop.clock.nowMs())
                .ok());
    CHECK(s.integer(Settings::kCashierDiscountLimit, 0) == 850);
    // Only what changed is recorded, with the old and the new value and who did it.
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'setting.change'")) == before + 1);
    CHECK(shop.scalar(QStringLiteral(
                          "SELECT details FROM audit_log WHERE action = 'setting.change' ORDER BY id DESC"))
              .toString() == QStringLiteral("900 -> 850"));
    CHECK(
        shop.scalar(QStringLiteral(
                        "SELECT operator_id FROM audit_log WHERE action = 'setting.change' ORDER BY id DESC"))
            .toLongLong() == shop.manager);
}

TEST_CASE("a setting too long to read, such as the receipt logo, is audited as its digest and length", "[settings]")
{
    TestShop shop;
    Settings &s = shop.ctx().settings();
    const QString logo = QStringLiteral("384:115:") + QString(5000, QLatin1Char('A'));
    REQUIRE(s.change({{Settings::kReceiptLogo, logo}}, shop.manager, shop.clock.nowMs()).ok());
    CHECK(s.value(Settings::kReceiptLogo) == logo); // the setting itself is whole
    const QString details = shop.scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = 'setting.change' "
                                                       "AND target = 'receipt.logo' ORDER BY id DESC"))
                                .toString();
    CHECK(details.startsWith(QStringLiteral(" -> sha256:")));
    CHECK(details.endsWith(QStringLiteral("(5008 chars)")));
    // Another logo is told apart by its digest.
    REQUIRE(s.change({{Settings::kReceiptLogo, logo + QLatin1Char('B')}}, shop.manager, shop.clock.nowMs()).ok());
    const QString next = shop.scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = 'setting.change' "
                                                    "AND target = 'receipt.logo' ORDER BY id DESC"))
                             .toString();
    CHECK(next.startsWith(details.mid(4, 24))); // the old value is the first logo's digest
    CHECK(next.size() < 100);
}

TEST_CASE("a recalled order is not lost if the till dies before the sale commits", "[held][crash]")
{
    TestShop shop;
    RecalledOrder cart;
    cart.lines = {shop.line(shop.p.noodles, 2000)};
    cart.uuid = newUuid();
    const Money total = shop.ctx().checkout().quote(cart.lines, cart.discount, {}).total;
    auto id = shop.ctx().heldOrders().hold(cart, total, QStringLiteral("李阿姨"), shop.cashier);
    REQUIRE(id.ok());
    REQUIRE(shop.ctx().heldOrders().recall(*id).ok());
    CHECK(shop.ctx().heldOrders().list().isEmpty());

    // The till dies with the recalled cart on screen; when it starts again the order is held again.
    auto restart = [&] {
        auto till = AppContext::open(shop.path(), shop.clock, QStringLiteral("POS1"), true);
        REQUIRE(till.ok());
        return (*till)->heldOrders().list().size();
    };
    CHECK(restart() == 1);
    // Another till's start does not take what this till recalled.
    REQUIRE(shop.ctx().heldOrders().recall(*id).ok());
    {
        auto other = AppContext::open(shop.path(), shop.clock, QStringLiteral("POS2"), true);
        REQUIRE(other.ok());
        CHECK((*other)->heldOrders().list().isEmpty());
    }
    // Held again, recalled again: still one order, not two.
    REQUIRE(shop.ctx().heldOrders().hold(cart, total, QStringLiteral("李阿姨"), shop.cashier).ok());
    CHECK(shop.count(QStringLiteral("held_orders")) == 1);
    REQUIRE(shop.ctx().heldOrders().recall(*id).ok());

    // Sold: the sale's own transaction closes the order, and a restart brings nothing back.
    CheckoutRequest req = shop.request(cart.lines);
    req.uuid = cart.uuid;
    REQUIRE(shop.ctx().checkout().commit(req).ok());
    CHECK(shop.scalar(QStringLiteral("SELECT state FROM held_orders WHERE id = ?"), {*id}).toString() ==
          QStringLiteral("sold"));
    CHECK(restart() == 0);

    // A recalled cart the cashier clears is cancelled, with who did it, and stays gone.
    RecalledOrder other;
    other.lines = {shop.line(shop.p.water)};
    other.uuid = newUuid();
    auto second = shop.ctx().heldOrders().hold(other, fen(200), QString(), shop.cashier);
    REQUIRE(second.ok());
    REQUIRE(shop.ctx().heldOrders().recall(*second).ok());
    REQUIRE(shop.ctx().heldOrders().discardRecalled(other.uuid, shop.cashier).ok());
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'held.cancel' AND operator_id = ?"),
                     {shop.cashier}) == 1);
    CHECK(restart() == 0);
}

TEST_CASE("a cashier change ends the shift or hands it over with a manager's approval", "[shifts][approvals]")
{
    TestShop shop;
    ShiftService &shifts = shop.ctx().shifts();
    const qint64 shiftId = shop.shift(); // 王芳's
    shop.sell({shop.line(shop.p.water)}); // ¥2.00 cash into her drawer

    // 李强 logs in at the same till: he cannot sell in her shift.
    CheckoutRequest theirs = shop.request({shop.line(shop.p.noodles)});
    theirs.operatorId = shop.cashier2;
    auto refused = shop.ctx().checkout().commit(theirs);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().message.contains(QStringLiteral("王芳")));

    SECTION("handed over: only with an approval of exactly this shift; then the shift and its cash are his")
    {
        CHECK(shifts.handOver(shiftId, shop.cashier2, {}).error().code == ErrorCode::Denied);
        const QString otherScope = shop.approve(ApprovalScope{kApproveHandover, QString::number(shiftId + 1), Money()});
        CHECK_FALSE(shifts.handOver(shiftId, shop.cashier2, otherScope).ok());
        const QString token = shop.approve(ApprovalScope{kApproveHandover, QString::number(shiftId), Money()});
        auto handed = shifts.handOver(shiftId, shop.cashier2, token);
        INFO(why(handed));
        REQUIRE(handed.ok());
        CHECK(handed->operatorId == shop.cashier2);
        CHECK_FALSE(shifts.handOver(shiftId, shop.manager, token).ok()); // single use
        CHECK(shop.count(QStringLiteral("audit_log"),
                         QStringLiteral("action = 'shift.handover' AND operator_id = ? AND authorized_by = ?"),
                         {shop.cashier2, shop.manager}) == 1);
        theirs.uuid = newUuid();
        REQUIRE(shop.ctx().checkout().commit(theirs).ok());
        auto closed = shifts.close(shiftId, fen(1600), shop.cashier2); // ¥16.50 expected: 50 fen short
        REQUIRE(closed.ok());
        CHECK(closed->shift.operatorName == QStringLiteral("李强"));
        CHECK(closed->difference() == fen(-50));
    }
    SECTION("ended: her shift closes with her report and her difference, then he opens his own")
    {
        auto closed = shifts.close(shiftId, fen(150), shop.cashier2); // he counts her drawer: 50 fen short
        REQUIRE(closed.ok());
        CHECK(closed->shift.operatorName == QStringLiteral("王芳"));
        CHECK(closed->difference() == fen(-50));
        auto own = shifts.open(shop.cashier2, Money());
        REQUIRE(own.ok());
        theirs.uuid = newUuid();
        theirs.shiftId = own->id;
        REQUIRE(shop.ctx().checkout().commit(theirs).ok());
    }
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}
