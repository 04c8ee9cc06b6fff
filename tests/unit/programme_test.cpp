// The programme's rules as a manager edits them in Settings (levels, points, recharge bonuses):
// checked before they are saved, audited, only by a manager, and what the next sale does.

#include "members/earnings.h"
#include "members/levels.h"
#include "members/points.h"
#include "members/storedvalue.h"
#include "testsupport.h"

using namespace huike;
using huike::test::fen;
using huike::test::requireClean;
using huike::test::TestShop;
using huike::test::why;

namespace {

LevelRules rulesOf(TestShop &shop)
{
    auto r = loadLevelRules(shop.ctx().db());
    REQUIRE(r.ok());
    return *r;
}

MemberLevel level(const char *name, qint64 growth, qint64 discountPermille)
{
    MemberLevel l;
    l.name = QString::fromUtf8(name);
    l.growthThreshold = growth;
    l.discountPermille = discountPermille;
    return l;
}

} // namespace

TEST_CASE("levels edited in Settings: checked, audited, a new lowest level is where members start, and a held "
          "level stays",
          "[members][levels][programme]")
{
    TestShop shop;
    Database &db = shop.ctx().db();
    const qint64 now = shop.clock.nowMs();
    LevelRules rules = rulesOf(shop);
    REQUIRE(rules.levels.size() == 3);

    // 钻石卡 on top at 20,000 growth, 85折.
    rules.levels.append(level("钻石卡", 20000, 850));
    CHECK(saveLevelRules(db, rules, shop.cashier, now, shop.ctx().time()).error().code == ErrorCode::Denied);
    REQUIRE(saveLevelRules(db, rules, shop.manager, now, shop.ctx().time()).ok());
    LevelRules saved = rulesOf(shop);
    REQUIRE(saved.levels.size() == 4);
    CHECK(saved.levels.last().name == QStringLiteral("钻石卡"));
    CHECK(saved.levels.last().discountPermille == 850);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'programme.levels'")) == 1);

    // Refused: the lowest needs nothing; each needs more than the one below; 10折 at most.
    LevelRules bad = saved;
    bad.levels[0].growthThreshold = 10;
    CHECK(saveLevelRules(db, bad, shop.manager, now, shop.ctx().time()).error().code == ErrorCode::Invalid);
    bad = saved;
    bad.levels[2].growthThreshold = 500; // 金卡 below 银卡's 1,000
    CHECK(saveLevelRules(db, bad, shop.manager, now, shop.ctx().time()).error().message.contains(QStringLiteral("银卡")));
    bad = saved;
    bad.levels[1].discountPermille = 1200;
    CHECK(saveLevelRules(db, bad, shop.manager, now, shop.ctx().time()).error().code == ErrorCode::Invalid);

    // A new lowest level, 体验会员: 普通会员 now needs 100 growth, and a new member starts at 体验会员.
    const qint64 before = shop.addMember(QStringLiteral("13600136000"), QStringLiteral("老会员"));
    LevelRules lower = saved;
    lower.levels[0].growthThreshold = 100;
    lower.levels.prepend(level("体验会员", 0, 1000));
    auto st = saveLevelRules(db, lower, shop.manager, now, shop.ctx().time());
    INFO(why(st));
    REQUIRE(st.ok());
    const qint64 fresh = shop.addMember(QStringLiteral("13600136001"), QStringLiteral("新会员"));
    auto price = memberPrice(db, fresh);
    REQUIRE(price.ok());
    CHECK(price->levelName == QStringLiteral("体验会员"));

    // 普通会员 is held by a member: it cannot be removed. 钻石卡 is held by none: it is retired.
    LevelRules without = rulesOf(shop);
    without.levels.removeAt(1); // 普通会员
    CHECK(saveLevelRules(db, without, shop.manager, now, shop.ctx().time()).error().code == ErrorCode::Conflict);
    without = rulesOf(shop);
    without.levels.removeLast(); // 钻石卡
    REQUIRE(saveLevelRules(db, without, shop.manager, now, shop.ctx().time()).ok());
    CHECK(rulesOf(shop).levels.size() == 4);
    CHECK(memberPrice(db, before)->levelName == QStringLiteral("普通会员"));
    requireClean(shop);
}

TEST_CASE("points rules, multipliers and time windows edited in Settings change what the next sale earns",
          "[members][points][programme]")
{
    TestShop shop;
    Database &db = shop.ctx().db();
    const qint64 now = shop.clock.nowMs();
    PointsRules rules = *loadPointsRules(db);
    rules.fenPerPoint = 500; // 1 point per ¥5
    rules.redeemCapPermille = 300;
    CHECK(savePointsRules(db, rules, shop.cashier, now).error().code == ErrorCode::Denied);
    REQUIRE(savePointsRules(db, rules, shop.manager, now).ok());
    CHECK(loadPointsRules(db)->fenPerPoint == 500);
    CHECK(loadPointsRules(db)->redeemCapPermille == 300);
    PointsRules bad = rules;
    bad.redeemCapPermille = 1500;
    CHECK(savePointsRules(db, bad, shop.manager, now).error().code == ErrorCode::Invalid);

    const qint64 m = shop.addMember(QStringLiteral("13700137000"), QStringLiteral("吴敏"));
    // ¥69.90 of oil at 1 per ¥5: 13 points.
    auto sale = shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(shop.p.oil)}));
    REQUIRE(sale.ok());
    CHECK((*memberEffectOf(db, sale->saleId))->pointsEarned == 13);

    // Oil earns triple; the category rule is listed; taken away, it earns as before.
    REQUIRE(setPointsMultiplier(db, shop.p.oil.id, 0, 3000, shop.manager, now).ok());
    auto listed = pointsMultipliers(db);
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->first().name == shop.p.oil.name);
    sale = shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(shop.p.oil)}));
    CHECK((*memberEffectOf(db, sale->saleId))->pointsEarned == 41); // 13.98 x 3, floored
    REQUIRE(setPointsMultiplier(db, shop.p.oil.id, 0, std::nullopt, shop.manager, now).ok());
    CHECK(pointsMultipliers(db)->isEmpty());
    CHECK(setPointsMultiplier(db, shop.p.oil.id, 5, 2000, shop.manager, now).error().code == ErrorCode::Invalid);

    // Double points every day now, for the next hour; a window that ends before it starts is refused.
    const QTime t = shop.ctx().time().local(now).time();
    PointsWindow window{0, 127, t.hour() * 60, t.hour() * 60 + 60, 2000};
    auto added = addPointsWindow(db, window, shop.manager, now);
    REQUIRE(added.ok());
    sale = shop.ctx().checkout().commit(shop.memberRequest(m, {shop.line(shop.p.oil)}));
    CHECK((*memberEffectOf(db, sale->saleId))->pointsEarned == 27);
    PointsWindow backwards = window;
    backwards.endMinute = backwards.startMinute;
    CHECK(addPointsWindow(db, backwards, shop.manager, now).error().code == ErrorCode::Invalid);
    REQUIRE(removePointsWindow(db, *added, shop.manager, now).ok());
    CHECK(pointsWindows(db)->isEmpty());
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action LIKE 'programme.points%'")) == 4);
    requireClean(shop);
}

TEST_CASE("recharge bonus tiers edited in Settings: 充300送20 added, 充1000 retired, the approval limit moved",
          "[members][stored][programme]")
{
    TestShop shop;
    Database &db = shop.ctx().db();
    const qint64 now = shop.clock.nowMs();
    const QList<RechargeTier> tiers = {{0, fen(30000), fen(2000), true}, {0, fen(50000), fen(5000), true}};
    CHECK(saveRechargeBonusRules(db, tiers, fen(200000), shop.cashier, now).error().code == ErrorCode::Denied);
    REQUIRE(saveRechargeBonusRules(db, tiers, fen(200000), shop.manager, now).ok());
    auto rules = loadRechargeBonusRules(db);
    REQUIRE(rules.ok());
    REQUIRE(rules->tiers.size() == 2);
    CHECK(rules->bonusFor(fen(30000)) == fen(2000));
    CHECK(rules->bonusFor(fen(120000)) == fen(5000)); // 充1000送120 is gone
    CHECK(shop.ctx().storedValue().approvalLimit() == fen(200000));
    // A bonus as large as what the tier asks, or two tiers at one amount: refused.
    CHECK(saveRechargeBonusRules(db, {{0, fen(10000), fen(10000), true}}, fen(0), shop.manager, now).error().code ==
          ErrorCode::Invalid);
    CHECK(saveRechargeBonusRules(db, {{0, fen(10000), fen(500), true}, {0, fen(10000), fen(800), true}}, fen(0),
                                 shop.manager, now)
              .error()
              .code == ErrorCode::Invalid);
    const qint64 m = shop.addMember(QStringLiteral("13900139000"), QStringLiteral("郑洁"));
    auto r = shop.recharge(m, Money::fromYuan(300));
    INFO(why(r));
    REQUIRE(r.ok());
    CHECK(r->credited.bonus == fen(2000));
    requireClean(shop);
}
