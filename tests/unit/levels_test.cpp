// Member levels and growth value: the sale that crosses a threshold moves the member up, the next
// sale is priced at the new level, and a refund takes back exactly what its lines earned (and the
// level with it when the member falls back below the threshold).

#include "core/uuid.h"
#include "members/earnings.h"
#include "members/levels.h"
#include "reports/integrity.h"
#include "sales/cart.h"
#include "sales/receipt.h"
#include "sales/returns.h"
#include "testsupport.h"

#include <QSqlQuery>

using namespace huike;
using huike::test::fen;
using huike::test::TestShop;
using huike::test::why;

namespace {

struct Standing {
    qint64 growth = 0;
    qint64 spendFen = 0;
    QString level;
};

Standing standingOf(TestShop &shop, qint64 memberId)
{
    return Standing{shop.scalar(QStringLiteral("SELECT growth FROM members WHERE id = ?"), {memberId}).toLongLong(),
                    shop.scalar(QStringLiteral("SELECT net_spend_fen FROM members WHERE id = ?"), {memberId}).toLongLong(),
                    shop.scalar(QStringLiteral("SELECT l.name FROM members m JOIN member_levels l ON l.id = m.level_id "
                                               "WHERE m.id = ?"),
                                {memberId})
                        .toString()};
}

SaleResult sellTo(TestShop &shop, qint64 memberId, const QList<CartLine> &lines)
{
    auto sale = shop.ctx().checkout().commit(shop.memberRequest(memberId, lines));
    INFO(why(sale));
    REQUIRE(sale.ok());
    return *sale;
}

SaleResult refund(TestShop &shop, const QString &receiptNo, const QList<RefundLineRequest> &lines = {})
{
    auto done = shop.ctx().returns().refund(shop.refundRequest(receiptNo, lines, QStringLiteral("顾客退货")));
    INFO(why(done));
    REQUIRE(done.ok());
    return *done;
}

} // namespace

TEST_CASE("a new shop's programme: 普通会员, 银卡 at 1,000 growth 95折, 金卡 at 5,000 9折", "[members][levels]")
{
    TestShop shop;
    auto rules = loadLevelRules(shop.ctx().db());
    REQUIRE(rules.ok());
    REQUIRE(rules->levels.size() == 3);
    CHECK(rules->levels.at(0).name == QStringLiteral("普通会员"));
    CHECK(rules->levels.at(0).discountPermille == 1000);
    CHECK(rules->levels.at(1).name == QStringLiteral("银卡"));
    CHECK(rules->levels.at(1).growthThreshold == 1000);
    CHECK(rules->levels.at(1).discountPermille == 950);
    CHECK(rules->levels.at(2).name == QStringLiteral("金卡"));
    CHECK(rules->levels.at(2).growthThreshold == 5000);
    CHECK(rules->levels.at(2).discountPermille == 900);
    CHECK(rules->upgradeBy == UpgradeBy::Growth);
    CHECK(rules->growthFor(fen(5780)) == 57); // 1 per whole yuan, floored per receipt
    CHECK(rules->growthFor(fen(99)) == 0);
    CHECK(rules->qualifyingLevel(999, Money()).name == QStringLiteral("普通会员"));
    CHECK(rules->qualifyingLevel(1000, Money()).name == QStringLiteral("银卡"));
    CHECK(rules->qualifyingLevel(7000, Money()).name == QStringLiteral("金卡"));

    // A new member starts at the lowest level, with nothing earned.
    const qint64 id = shop.addMember(QStringLiteral("13912345678"), QStringLiteral("刘洋"));
    const Standing s = standingOf(shop, id);
    CHECK(s.level == QStringLiteral("普通会员"));
    CHECK(s.growth == 0);
}

TEST_CASE("a member's sale earns growth on what was paid, floored per receipt", "[members][levels]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13912345678"), QStringLiteral("刘洋"));
    CartLine beef = shop.line(shop.p.beef, 996);
    beef.fixedAmount = fen(5780); // a scanned scale label: ¥57.80
    const SaleResult sale = sellTo(shop, id, {beef});
    CHECK(sale.total == fen(5780));
    const Standing s = standingOf(shop, id);
    CHECK(s.growth == 57);
    CHECK(s.spendFen == 5780);
    CHECK(s.level == QStringLiteral("普通会员"));
    CHECK(shop.count(QStringLiteral("growth_ledger"), QStringLiteral("member_id = ? AND kind = 'sale'"), {id}) == 1);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());

    // A sale without a member earns nobody anything.
    shop.sell({shop.line(shop.p.noodles)});
    CHECK(shop.count(QStringLiteral("growth_ledger")) == 1);
}

TEST_CASE("the sale that crosses 1,000 growth makes the member 银卡 and a refund below it undoes that", "[members][levels]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    const SaleResult first = sellTo(shop, id, {shop.line(shop.p.oil, 14000)}); // 14 x ¥69.90 = ¥978.60
    CHECK(standingOf(shop, id).growth == 978);
    CHECK(standingOf(shop, id).level == QStringLiteral("普通会员"));

    // This sale is still priced at 普通会员 (no discount) and lifts her to 银卡.
    const SaleResult crossing = sellTo(shop, id, {shop.line(shop.p.oil)});
    CHECK(crossing.total == fen(6990));
    CHECK(standingOf(shop, id).growth == 1047);
    CHECK(standingOf(shop, id).level == QStringLiteral("银卡"));
    auto receipt = shop.ctx().receipts().load(crossing.receiptNo);
    REQUIRE(receipt.ok());
    REQUIRE(receipt->member.has_value());
    CHECK(receipt->member->growth == 69);
    CHECK(receipt->member->levelBefore == QStringLiteral("普通会员"));
    CHECK(receipt->member->levelAfter == QStringLiteral("银卡"));
    const QString text = shop.ctx().receipts().render(*receipt, 32);
    CHECK(text.contains(QStringLiteral("138****8000")));
    CHECK(text.contains(QStringLiteral("银卡")));

    // The next sale is priced at 95折, said on the line as the member price.
    CheckoutRequest next = shop.memberRequest(id, {shop.line(shop.p.noodles)});
    CHECK(next.member.levelName == QStringLiteral("银卡"));
    const PricedOrder priced = shop.ctx().checkout().quote(next.lines, next.orderDiscount, next.member);
    CHECK(priced.total == fen(1378)); // ¥14.50 x 0.95 = 13.775, half-up
    REQUIRE(priced.lines.at(0).adjustments.size() == 1);
    CHECK(priced.lines.at(0).adjustments.at(0).source == kAdjustLevelPrice);
    CHECK_FALSE(priced.lines.at(0).adjustments.at(0).manual);
    CHECK_FALSE(shop.ctx().checkout().needsManager(next.lines, next.orderDiscount, next.member));
    auto nextSale = shop.ctx().checkout().commit(next);
    REQUIRE(nextSale.ok());
    CHECK(standingOf(shop, id).growth == 1060);

    // Refunding the crossing sale: growth falls to 991, below 银卡's 1,000, and the upgrade goes.
    refund(shop, crossing.receiptNo);
    CHECK(standingOf(shop, id).growth == 991);
    CHECK(standingOf(shop, id).spendFen == 97860 + 1378);
    CHECK(standingOf(shop, id).level == QStringLiteral("普通会员"));
    CHECK(shop.count(QStringLiteral("level_changes"), QStringLiteral("member_id = ? AND cause = 'refund'"), {id}) == 1);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());

    // A cart attached at 银卡 before the refund no longer matches her level: the till says so.
    CheckoutRequest stale = next;
    stale.uuid = newUuid();
    auto refused = shop.ctx().checkout().commit(stale);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Conflict);
    CHECK(refused.error().message.contains(QStringLiteral("普通会员")));

    // The first sale refunded in three steps takes back its 978 exactly, to the unit.
    const qint64 line = shop.scalar(QStringLiteral("SELECT l.id FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                                                   "WHERE s.receipt_no = ?"),
                                    {first.receiptNo})
                            .toLongLong();
    refund(shop, first.receiptNo, {{line, 3000}});
    refund(shop, first.receiptNo, {{line, 5000}});
    refund(shop, first.receiptNo, {{line, 6000}});
    CHECK(standingOf(shop, id).growth == 13); // what the noodles at 银卡 earned
    CHECK(standingOf(shop, id).spendFen == 1378);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a card reported lost or locked is refused at attach and at commit", "[members][levels]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    CheckoutRequest req = shop.memberRequest(id, {shop.line(shop.p.water)});
    shop.execRaw(QStringLiteral("UPDATE members SET card_state = 'lost' WHERE id = ?"), {id});
    auto attach = memberPrice(shop.ctx().db(), id);
    REQUIRE_FALSE(attach.ok());
    CHECK(attach.error().code == ErrorCode::Denied);
    CHECK(attach.error().message.contains(QStringLiteral("张晓梅")));
    auto sale = shop.ctx().checkout().commit(req);
    REQUIRE_FALSE(sale.ok());
    CHECK(sale.error().code == ErrorCode::Denied);
    CHECK(shop.count(QStringLiteral("sales")) == 0);

    shop.execRaw(QStringLiteral("UPDATE members SET card_state = 'locked' WHERE id = ?"), {id});
    CHECK(memberPrice(shop.ctx().db(), id).error().code == ErrorCode::Denied);
}

TEST_CASE("a held member's cart comes back at the member's level of today", "[members][levels][held]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    Cart cart(shop.ctx().checkout().roundingMode());
    cart.addLine(shop.line(shop.p.noodles));
    auto member = memberPrice(shop.ctx().db(), id);
    REQUIRE(member.ok());
    cart.setMember(*member);
    CHECK(cart.priced().total == fen(1450));
    auto held = shop.ctx().heldOrders().hold(cart.heldOrder(), cart.priced().total, QString(), shop.cashier);
    REQUIRE(held.ok());

    // Meanwhile she reached 银卡 at another till.
    sellTo(shop, id, {shop.line(shop.p.oil, 15000)});
    REQUIRE(standingOf(shop, id).level == QStringLiteral("银卡"));

    auto order = shop.ctx().heldOrders().recall(*held);
    REQUIRE(order.ok());
    QStringList changes;
    const Cart back = Cart::recall(*order, shop.ctx().catalog(), shop.ctx().db(), RoundingMode::None, shop.ctx().clock().nowMs(), &changes);
    CHECK(back.member().levelName == QStringLiteral("银卡"));
    CHECK(back.priced().total == fen(1378));
    auto sale = shop.ctx().checkout().commit(back.checkoutRequest(shop.cashier, shop.shift(),
                                                                  {{Tender::Cash, fen(1378), {}}}));
    INFO(why(sale));
    CHECK(sale.ok());

    // Her card reported lost while a cart waits: it comes back without her, and the cashier is told.
    Cart waiting(shop.ctx().checkout().roundingMode());
    waiting.addLine(shop.line(shop.p.water));
    waiting.setMember(*memberPrice(shop.ctx().db(), id));
    auto held2 = shop.ctx().heldOrders().hold(waiting.heldOrder(), waiting.priced().total, QString(), shop.cashier);
    REQUIRE(held2.ok());
    shop.execRaw(QStringLiteral("UPDATE members SET card_state = 'lost' WHERE id = ?"), {id});
    auto order2 = shop.ctx().heldOrders().recall(*held2);
    REQUIRE(order2.ok());
    changes.clear();
    const Cart without = Cart::recall(*order2, shop.ctx().catalog(), shop.ctx().db(), RoundingMode::None, shop.ctx().clock().nowMs(), &changes);
    CHECK(without.memberId() == 0);
    CHECK(without.priced().total == fen(200));
    REQUIRE(changes.size() == 1);
    CHECK(changes.first().contains(QStringLiteral("张晓梅")));
}

TEST_CASE("verify finds a member's cached growth that is not their ledger's", "[members][levels][verify]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    sellTo(shop, id, {shop.line(shop.p.oil)});
    REQUIRE(verifyDatabase(shop.ctx().db()).isEmpty());
    shop.execRaw(QStringLiteral("UPDATE members SET growth = growth + 500 WHERE id = ?"), {id});
    const QStringList problems = verifyDatabase(shop.ctx().db());
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().contains(QStringLiteral("13800138000")));

    // And the ledger refuses to be edited to match.
    auto db = shop.ctx().db().db();
    QSqlQuery q(db);
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE growth_ledger SET growth = growth + 500")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM growth_ledger")));
}

TEST_CASE("a level held for its validity: renewed by what the period earned, else down, and only new growth counts "
          "after",
          "[members][levels][validity]")
{
    TestShop shop; // 2026-11-25 10:00 in Shanghai
    Database &db = shop.ctx().db();
    auto rules = loadLevelRules(db);
    REQUIRE(rules.ok());
    rules->levels[1].validityDays = 365; // 银卡 for a year
    LevelRules bad = *rules;
    bad.levels[0].validityDays = 30;
    CHECK(saveLevelRules(db, bad, shop.manager, shop.clock.nowMs(), shop.ctx().time()).error().code == ErrorCode::Invalid); // the lowest
    REQUIRE(saveLevelRules(db, *rules, shop.manager, shop.clock.nowMs(), shop.ctx().time()).ok());
    auto reassess = [&] {
        auto n = reassessLevels(db, LedgerContext{shop.ctx().store().storeId, 0, 0, shop.clock.nowMs(), &shop.ctx().time()});
        INFO(why(n));
        REQUIRE(n.ok());
        return n->changed;
    };
    const qint64 idle = shop.addMember(QStringLiteral("13911110001"), QStringLiteral("钱多多"));
    const qint64 loyal = shop.addMember(QStringLiteral("13911110002"), QStringLiteral("孙常来"));
    const SaleResult old = sellTo(shop, idle, {shop.line(shop.p.oil, 15000)}); // ¥1,048.50: 1,048 growth
    sellTo(shop, loyal, {shop.line(shop.p.oil, 15000)});
    CHECK(standingOf(shop, idle).level == QStringLiteral("银卡"));
    auto until = shop.ctx().members().byId(idle);
    REQUIRE(until.ok());
    // Reached 2026-11-25, held through 2027-11-25: it lapses at the start of 2027-11-26.
    CHECK(until->levelExpiresMs == huike::test::shanghaiMs(2027, 11, 26, 0, 0));

    // Half a year on, 孙常来 buys again (¥1,048.50 at 95折 gives 996 growth: not enough alone) ...
    shop.clock.set(huike::test::shanghaiMs(2027, 5, 20, 15, 0));
    CHECK(reassess() == 0); // nothing has lapsed
    sellTo(shop, loyal, {shop.line(shop.p.oil, 15000)});
    sellTo(shop, loyal, {shop.line(shop.p.noodles, 2000)}); // ¥27.55: 27 more, 1,023 in the period
    // ... and at the end of the year 钱多多, who did not come, is down to 普通会员; 孙常来 keeps 银卡.
    shop.clock.set(huike::test::shanghaiMs(2027, 11, 26, 0, 5));
    CHECK(reassess() == 1);
    CHECK(standingOf(shop, idle).level == QStringLiteral("普通会员"));
    CHECK(standingOf(shop, idle).growth == 1048); // the ledger's sum, untouched
    CHECK(standingOf(shop, loyal).level == QStringLiteral("银卡"));
    CHECK(shop.count(QStringLiteral("level_changes"), QStringLiteral("member_id = ? AND cause = 'expire'"), {idle}) == 1);
    CHECK(shop.count(QStringLiteral("level_changes"), QStringLiteral("member_id = ? AND cause = 'renew'"), {loyal}) == 1);
    CHECK(shop.ctx().members().byId(loyal)->levelExpiresMs == huike::test::shanghaiMs(2028, 11, 26, 0, 0));
    CHECK(shop.ctx().members().byId(idle)->levelExpiresMs == 0); // 普通会员 is held for good
    CHECK(reassess() == 0); // assessed once

    // Back, 钱多多 needs 1,000 new growth: ¥699 is not enough, then ¥419.40 more is.
    sellTo(shop, idle, {shop.line(shop.p.oil, 10000)});
    CHECK(standingOf(shop, idle).level == QStringLiteral("普通会员"));
    // Refunding the sale from before the level lapsed takes its growth off what no longer counts.
    refund(shop, old.receiptNo);
    CHECK(standingOf(shop, idle).growth == 699);
    CHECK(standingOf(shop, idle).level == QStringLiteral("普通会员"));
    sellTo(shop, idle, {shop.line(shop.p.oil, 6000)});
    CHECK(standingOf(shop, idle).level == QStringLiteral("银卡")); // 699 + 419 = 1,118 new growth

    // A shop closed for two years: 孙常来 is assessed period by period, and is down after the first.
    shop.clock.set(huike::test::shanghaiMs(2030, 1, 5, 9, 0));
    CHECK(reassess() == 2);
    CHECK(standingOf(shop, loyal).level == QStringLiteral("普通会员"));
    CHECK(verifyDatabase(db).isEmpty());
}

TEST_CASE("a refund that undoes an upgrade gives the level back with the days it had left, and a validity given or "
          "taken reaches the members who hold the level",
          "[members][levels][validity]")
{
    TestShop shop; // 2026-11-25 10:00 in Shanghai
    Database &db = shop.ctx().db();
    auto rules = loadLevelRules(db);
    REQUIRE(rules.ok());
    rules->levels[1].validityDays = 365; // 银卡 for a year, 金卡 for good
    REQUIRE(saveLevelRules(db, *rules, shop.manager, shop.clock.nowMs(), shop.ctx().time()).ok());
    auto assess = [&] {
        auto n = reassessLevels(db, LedgerContext{shop.ctx().store().storeId, 0, 0, shop.clock.nowMs(), &shop.ctx().time()});
        INFO(why(n));
        REQUIRE(n.ok());
        return *n;
    };
    const qint64 a = shop.addMember(QStringLiteral("13911110003"), QStringLiteral("周大福"));
    sellTo(shop, a, {shop.line(shop.p.oil, 15000)});
    const qint64 silverUntil = shop.ctx().members().byId(a)->levelExpiresMs;
    CHECK(silverUntil == huike::test::shanghaiMs(2027, 11, 26, 0, 0));
    shop.clock.set(huike::test::shanghaiMs(2027, 3, 1, 11, 0));
    const SaleResult big = sellTo(shop, a, {shop.line(shop.p.oil, 80000)}); // 80 at 95折: 5,312 growth
    CHECK(standingOf(shop, a).level == QStringLiteral("金卡"));
    CHECK(shop.ctx().members().byId(a)->levelExpiresMs == 0); // 金卡 is held for good
    refund(shop, big.receiptNo);
    CHECK(standingOf(shop, a).level == QStringLiteral("银卡"));
    CHECK(shop.ctx().members().byId(a)->levelExpiresMs == silverUntil); // not a fresh year

    // 金卡 given 30 days: who holds it gets a first period from now; taken away: held for good.
    const qint64 b = shop.addMember(QStringLiteral("13911110004"), QStringLiteral("吴金"));
    sellTo(shop, b, {shop.line(shop.p.oil, 80000)});
    REQUIRE(standingOf(shop, b).level == QStringLiteral("金卡"));
    rules = loadLevelRules(db);
    rules->levels[2].validityDays = 30;
    REQUIRE(saveLevelRules(db, *rules, shop.manager, shop.clock.nowMs(), shop.ctx().time()).ok());
    // The period starts with the save itself; the next assessment finds nothing to do.
    CHECK(shop.ctx().members().byId(b)->levelExpiresMs == huike::test::shanghaiMs(2027, 4, 1, 0, 0));
    const LevelAssessment first = assess();
    CHECK(first.assessed == 0);
    CHECK(first.changed == 0);
    CHECK(shop.ctx().members().byId(b)->levelExpiresMs == huike::test::shanghaiMs(2027, 4, 1, 0, 0));
    rules->levels[2].validityDays = 0;
    REQUIRE(saveLevelRules(db, *rules, shop.manager, shop.clock.nowMs(), shop.ctx().time()).ok());
    CHECK(shop.ctx().members().byId(b)->levelExpiresMs == 0);
    CHECK(verifyDatabase(db).isEmpty());
}
