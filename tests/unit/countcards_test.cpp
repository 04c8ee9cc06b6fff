// Count cards (计次卡), exactly: selling the card product gives the member a card of N uses; a use
// covers one unit of the service and charges (and earns) nothing; an expired, used-up or
// wrong-day card is refused; refunds give uses back, and a card is refunded only while unused.

#include "members/countcards.h"
#include "members/earnings.h"
#include "reports/integrity.h"
#include "sales/returns.h"
#include "testsupport.h"

using namespace huike;
using huike::test::fen;
using huike::test::shanghaiMs;
using huike::test::requireClean;
using huike::test::TestShop;
using huike::test::why;

namespace {

struct CarWash {
    Product card;    // 洗车10次卡, ¥300
    Product service; // 普通洗车, ¥40
    qint64 planId = 0;
};

Product product(TestShop &shop, const char *code, const char *name, qint64 priceFen)
{
    Product p;
    p.code = QString::fromLatin1(code);
    p.name = QString::fromUtf8(name);
    p.unit = QStringLiteral("次");
    p.price = fen(priceFen);
    p.stockMilli = 1'000'000;
    auto id = shop.ctx().catalog().save(p, shop.admin);
    INFO(why(id));
    REQUIRE(id.ok());
    auto loaded = shop.ctx().catalog().byId(*id);
    REQUIRE(loaded.ok());
    return *loaded;
}

CarWash carWash(TestShop &shop, int validityDays = 365, bool fromFirstUse = false,
                const QString &days = QStringLiteral("any"))
{
    CarWash w;
    w.card = product(shop, "C10", "洗车10次卡", 30000);
    w.service = product(shop, "S01", "普通洗车", 4000);
    CountCardPlan plan;
    plan.name = QStringLiteral("洗车10次卡");
    plan.cardProductId = w.card.id;
    plan.serviceProductId = w.service.id;
    plan.uses = 10;
    plan.validityDays = validityDays;
    plan.fromFirstUse = fromFirstUse;
    plan.days = days;
    auto id = addCountCardPlan(shop.ctx().db(), plan);
    INFO(why(id));
    REQUIRE(id.ok());
    w.planId = *id;
    return w;
}

QList<CountCard> cardsOf(TestShop &shop, qint64 memberId)
{
    auto cards = memberCountCards(shop.ctx().db(), memberId);
    REQUIRE(cards.ok());
    return *cards;
}

// Puts the member's card on the cart and rings it up, the rest in cash.
Result<SaleResult> useCard(TestShop &shop, qint64 memberId, const CountCard &card, QList<CartLine> lines)
{
    auto covered = applyCountCard(lines, card, shop.clock.nowMs(), shop.ctx().time());
    if (!covered)
        return covered.error();
    return shop.ctx().checkout().commit(shop.memberRequest(memberId, lines));
}

} // namespace

TEST_CASE("selling a count card gives the member a card, and its uses cover the service and earn nothing",
          "[members][countcards]")
{
    TestShop shop;
    const CarWash w = carWash(shop);
    const qint64 m = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("赵磊"));

    // The card is a purchase like any other: ¥300 earns 30 points and 300 growth.
    auto sold = shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(w.card)}));
    INFO(why(sold));
    REQUIRE(sold.ok());
    QList<CountCard> cards = cardsOf(shop, m);
    REQUIRE(cards.size() == 1);
    CHECK(cards.at(0).usesTotal == 10);
    CHECK(cards.at(0).usesLeft == 10);
    CHECK(cards.at(0).serviceName == QStringLiteral("普通洗车"));
    // Valid 365 days counting the day of sale: through 2027-11-24.
    CHECK(cards.at(0).expiresAtMs == shanghaiMs(2027, 11, 25, 0, 0));
    CHECK(shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {m}).toLongLong() == 30);

    // Two washes and a bottle of water: the card covers both washes, only the water is paid.
    shop.clock.advance(86'400'000);
    QList<CartLine> lines = {shop.line(w.service, 2000), shop.line(shop.p.water)};
    auto covered = applyCountCard(lines, cards.at(0), shop.clock.nowMs(), shop.ctx().time());
    REQUIRE(covered.ok());
    CHECK(*covered == 2);
    const PricedOrder priced = shop.ctx().checkout().quote(lines, {}, shop.memberRequest(m, lines).member);
    CHECK(priced.total == fen(200));
    CHECK(priced.lines.at(0).adjustments.at(0).source == kAdjustCountCard);
    CHECK(priced.lines.at(0).adjustments.at(0).amount == fen(8000));
    auto used = shop.ctx().checkout().commit(shop.memberRequest(m, lines));
    INFO(why(used));
    REQUIRE(used.ok());
    CHECK(cardsOf(shop, m).at(0).usesLeft == 8);
    // ¥2 of water earns no point; the washes earn nothing either.
    CHECK(shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {m}).toLongLong() == 30);
    CHECK(shop.scalar(QStringLiteral("SELECT growth FROM members WHERE id = ?"), {m}).toLongLong() == 302);
    // The receipt shows the washes taken off the card and what is left on it.
    auto receipt = shop.ctx().receipts().load(used->receiptNo);
    REQUIRE(receipt.ok());
    const QString text = shop.ctx().receipts().render(*receipt, 32);
    CHECK(text.contains(QStringLiteral("Count card")));
    CHECK(text.contains(QStringLiteral("-80.00")));
    CHECK(text.contains(QStringLiteral("8 left of 10")));
    requireClean(shop);
}

TEST_CASE("a card covers at most its uses left: the rest of the line is split off and paid",
          "[members][countcards]")
{
    TestShop shop;
    const CarWash w = carWash(shop);
    const qint64 m = shop.addMember(QStringLiteral("13900139000"));
    REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(w.card)})).ok());
    CountCard card = cardsOf(shop, m).at(0);
    QList<CartLine> eight = {shop.line(w.service, 8000)};
    REQUIRE(useCard(shop, m, card, eight).ok());
    card = cardsOf(shop, m).at(0);
    REQUIRE(card.usesLeft == 2);

    QList<CartLine> lines = {shop.line(w.service, 3000)};
    auto covered = applyCountCard(lines, card, shop.clock.nowMs(), shop.ctx().time());
    REQUIRE(covered.ok());
    CHECK(*covered == 2);
    REQUIRE(lines.size() == 2);
    CHECK(lines.at(0).quantityMilli == 2000);
    CHECK(lines.at(0).countCardId == card.id);
    CHECK(lines.at(1).quantityMilli == 1000);
    CHECK(lines.at(1).countCardId == 0);
    // Applying it again finds nothing more to cover.
    auto again = applyCountCard(lines, card, shop.clock.nowMs(), shop.ctx().time());
    CHECK_FALSE(again.ok());
    auto sale = shop.ctx().checkout().commit(shop.memberRequest(m, lines));
    REQUIRE(sale.ok());
    CHECK(sale->total == fen(4000));
    card = cardsOf(shop, m).at(0);
    CHECK(card.usesLeft == 0);
    // Used up: refused with the reason.
    QList<CartLine> more = {shop.line(w.service)};
    auto refused = applyCountCard(more, card, shop.clock.nowMs(), shop.ctx().time());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("洗车10次卡")));
    requireClean(shop);
}

TEST_CASE("the commit checks the card again: another member's, used up meanwhile, expired, wrong day",
          "[members][countcards]")
{
    // 2026-11-25 is a Wednesday.
    TestShop shop;
    const CarWash w = carWash(shop, 30, false, QStringLiteral("weekends"));
    const qint64 m = shop.addMember(QStringLiteral("13700137000"));
    const qint64 other = shop.addMember(QStringLiteral("13600136000"));
    REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(w.card)})).ok());
    const CountCard card = cardsOf(shop, m).at(0);

    QList<CartLine> lines = {shop.line(w.service)};
    auto weekday = applyCountCard(lines, card, shop.clock.nowMs(), shop.ctx().time());
    REQUIRE_FALSE(weekday.ok());
    CHECK(weekday.error().message.contains(QStringLiteral("weekends"))); // unit tests run untranslated

    // Saturday: fine at the till; but the cart is rung up for another member.
    shop.clock.set(shanghaiMs(2026, 11, 28, 11, 0));
    REQUIRE(applyCountCard(lines, card, shop.clock.nowMs(), shop.ctx().time()).ok());
    auto stranger = shop.ctx().checkout().commit(shop.memberRequest(other, lines));
    REQUIRE_FALSE(stranger.ok());
    INFO(why(stranger));
    CHECK(stranger.error().code == ErrorCode::Denied);
    // No member at all: refused the same way, nothing written.
    CheckoutRequest anonymous = shop.request(lines);
    CHECK_FALSE(shop.ctx().checkout().commit(anonymous).ok());
    CHECK(cardsOf(shop, m).at(0).usesLeft == 10);

    // Two tills with the same card and the last uses: the second commit finds them gone.
    QList<CartLine> nine = {shop.line(w.service, 9000)};
    REQUIRE(applyCountCard(nine, card, shop.clock.nowMs(), shop.ctx().time()).ok());
    CheckoutRequest first = shop.memberRequest(m, nine);
    CheckoutRequest second = shop.memberRequest(m, nine);
    auto firstDone = shop.ctx().checkout().commit(first);
    INFO(why(firstDone));
    REQUIRE(firstDone.ok());
    auto late = shop.ctx().checkout().commit(second);
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == ErrorCode::InsufficientFunds);
    CHECK(cardsOf(shop, m).at(0).usesLeft == 1);

    // 30 days from the sale on 11-25: valid through 12-24, refused on Saturday 12-26.
    shop.clock.set(shanghaiMs(2026, 12, 26, 9, 0));
    QList<CartLine> late2 = {shop.line(w.service)};
    auto expired = applyCountCard(late2, cardsOf(shop, m).at(0), shop.clock.nowMs(), shop.ctx().time());
    REQUIRE_FALSE(expired.ok());
    CHECK(expired.error().message.contains(QStringLiteral("2026-12-24")));
    late2.first().countCardId = card.id; // a cart that skipped the check: the commit refuses it
    CHECK_FALSE(shop.ctx().checkout().commit(shop.memberRequest(m, late2)).ok());
    requireClean(shop);
}

TEST_CASE("validity from the first use starts the clock at the first wash", "[members][countcards]")
{
    TestShop shop;
    const CarWash w = carWash(shop, 90, true);
    const qint64 m = shop.addMember(QStringLiteral("13500135000"));
    REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(w.card)})).ok());
    CHECK(cardsOf(shop, m).at(0).expiresAtMs == 0);
    shop.clock.set(shanghaiMs(2027, 3, 1, 15, 0));
    auto firstWash = useCard(shop, m, cardsOf(shop, m).at(0), {shop.line(w.service)});
    INFO(why(firstWash));
    REQUIRE(firstWash.ok());
    const CountCard card = cardsOf(shop, m).at(0);
    CHECK(card.firstUseMs == shanghaiMs(2027, 3, 1, 15, 0));
    CHECK(card.expiresAtMs == shanghaiMs(2027, 5, 30, 0, 0));
    requireClean(shop);
}

TEST_CASE("refunds give the uses back, and a card is refunded only while unused", "[members][countcards]")
{
    TestShop shop;
    const CarWash w = carWash(shop);
    const qint64 m = shop.addMember(QStringLiteral("13300133000"), QStringLiteral("钱芳"));
    auto sold = shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(w.card, 2000)}));
    REQUIRE(sold.ok());
    QList<CountCard> cards = cardsOf(shop, m);
    REQUIRE(cards.size() == 2);

    // Three washes on one card, and a refund of one of them: the use goes back, no money moves.
    auto used = useCard(shop, m, cards.at(0), {shop.line(w.service, 3000), shop.line(shop.p.water)});
    REQUIRE(used.ok());
    const qint64 usedCard =
        shop.scalar(QStringLiteral("SELECT card_id FROM count_card_ledger WHERE kind = 'use'")).toLongLong();
    auto refundable = shop.ctx().returns().refundable(used->receiptNo);
    REQUIRE(refundable.ok());
    auto back = shop.ctx().returns().refund(
        shop.refundRequest(used->receiptNo, {RefundLineRequest{refundable->lines.at(0).lineId, 1000}}));
    INFO(why(back));
    REQUIRE(back.ok());
    CHECK(back->total == Money());
    auto card = countCard(shop.ctx().db(), usedCard);
    REQUIRE(card.ok());
    CHECK(card->usesLeft == 8);

    // The card sale: one card is used, so only one of the two can be refunded.
    auto bothBack = shop.ctx().returns().refund(shop.refundRequest(sold->receiptNo));
    REQUIRE_FALSE(bothBack.ok());
    CHECK(bothBack.error().code == ErrorCode::Conflict);
    auto soldLines = shop.ctx().returns().refundable(sold->receiptNo);
    REQUIRE(soldLines.ok());
    auto oneBack = shop.ctx().returns().refund(
        shop.refundRequest(sold->receiptNo, {RefundLineRequest{soldLines->lines.at(0).lineId, 1000}}));
    INFO(why(oneBack));
    REQUIRE(oneBack.ok());
    CHECK(oneBack->total == -fen(30000));
    int active = 0;
    for (const CountCard &c : cardsOf(shop, m)) {
        if (c.state == QLatin1String("active"))
            ++active;
        else
            CHECK(c.usesLeft == 0);
    }
    CHECK(active == 1);
    CHECK(countCard(shop.ctx().db(), usedCard)->state == QStringLiteral("active")); // the used one stays
    requireClean(shop);
}

TEST_CASE("a count card is sold to a member, whole, and plans are checked", "[members][countcards]")
{
    TestShop shop;
    const CarWash w = carWash(shop);
    auto anonymous = shop.ctx().checkout().commit(shop.request({shop.line(w.card)}));
    REQUIRE_FALSE(anonymous.ok());
    CHECK(anonymous.error().message.contains(QStringLiteral("洗车10次卡")));
    CHECK(shop.count(QStringLiteral("sales")) == 0);

    CountCardPlan same;
    same.name = QStringLiteral("洗车10次卡");
    same.cardProductId = w.card.id;
    same.serviceProductId = w.service.id;
    same.uses = 5;
    CHECK(addCountCardPlan(shop.ctx().db(), same).error().code == ErrorCode::Conflict);
    CountCardPlan self = same;
    self.name = QStringLiteral("自己");
    self.serviceProductId = w.card.id;
    CHECK(addCountCardPlan(shop.ctx().db(), self).error().code == ErrorCode::Invalid);
    CountCardPlan none = same;
    none.name = QStringLiteral("零次");
    none.uses = 0;
    CHECK(addCountCardPlan(shop.ctx().db(), none).error().code == ErrorCode::Invalid);
}

TEST_CASE("verify finds a card whose uses were edited behind the ledger's back",
          "[members][countcards][verify]")
{
    TestShop shop;
    const CarWash w = carWash(shop);
    const qint64 m = shop.addMember(QStringLiteral("13200132000"));
    REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(w.card)})).ok());
    requireClean(shop);
    shop.execRaw(QStringLiteral("UPDATE count_cards SET uses_left = 9"));
    const QStringList problems = verifyDatabase(shop.ctx().db());
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().contains(QStringLiteral("count card")));
}

TEST_CASE("a plan edited in Settings gives new cards its new terms, old cards keep theirs, a retired plan "
          "is no longer sold, and 延期 extends a card with a manager",
          "[members][countcards][programme]")
{
    TestShop shop;
    CarWash w = carWash(shop, 30);
    const qint64 m = shop.addMember(QStringLiteral("13500135000"), QStringLiteral("钱伟"));
    REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(w.card)})).ok());
    auto plans = countCardPlans(shop.ctx().db());
    REQUIRE(plans.ok());
    const auto found = std::find_if(plans->cbegin(), plans->cend(), [&](const CountCardPlan &p) { return p.id == w.planId; });
    REQUIRE(found != plans->cend());
    CountCardPlan plan = *found;
    plan.uses = 12;
    plan.validityDays = 60;
    // Only a manager or the admin edits the programme.
    CHECK(saveCountCardPlan(shop.ctx().db(), plan, shop.cashier, shop.clock.nowMs()).error().code == ErrorCode::Denied);
    REQUIRE(saveCountCardPlan(shop.ctx().db(), plan, shop.manager, shop.clock.nowMs()).ok());
    REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(w.card)})).ok());
    QList<CountCard> cards = cardsOf(shop, m);
    REQUIRE(cards.size() == 2);
    CHECK(cards.at(0).usesTotal == 12); // the newest first
    CHECK(cards.at(1).usesTotal == 10);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'programme.count_card_plan'")) == 1);

    // Retired: the card product is refused at the till.
    plan.active = false;
    REQUIRE(saveCountCardPlan(shop.ctx().db(), plan, shop.manager, shop.clock.nowMs()).ok());
    auto refused = shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(w.card)}));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("no longer sold")));

    // The 30-day card ran out; 延期 30 days from today, with a manager and a reason.
    const CountCard old = cards.at(1);
    shop.clock.set(shanghaiMs(2027, 1, 10, 10, 0));
    CHECK_FALSE(countCardProblem(*countCard(shop.ctx().db(), old.id), shop.clock.nowMs(), shop.ctx().time()).isEmpty());
    const LedgerContext where{shop.ctx().checkout().store().storeId, 0, shop.cashier, shop.clock.nowMs(),
                              &shop.ctx().time()};
    CHECK(extendCountCard(shop.ctx().db(), where, old.id, 30, QStringLiteral("顾客出差"), QStringLiteral("forged"))
              .error()
              .code == ErrorCode::Denied);
    CHECK(extendCountCard(shop.ctx().db(), where, old.id, 30, QString(), QString()).error().code == ErrorCode::Invalid);
    auto extended = extendCountCard(shop.ctx().db(), where, old.id, 30, QStringLiteral("顾客出差"),
                                    shop.approve(countCardExtendScope(old.id, 30)));
    INFO(why(extended));
    REQUIRE(extended.ok());
    CHECK(extended->expiresAtMs == shanghaiMs(2027, 2, 9, 0, 0)); // 30 days counting today
    CHECK(countCardProblem(*extended, shop.clock.nowMs(), shop.ctx().time()).isEmpty());
    CHECK(shop.count(QStringLiteral("count_card_ledger"), QStringLiteral("kind = 'extend' AND card_id = ?"), {old.id}) == 1);
    auto wash = useCard(shop, m, *extended, {shop.line(w.service)});
    INFO(why(wash));
    REQUIRE(wash.ok());
    requireClean(shop);
}
