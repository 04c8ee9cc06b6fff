// 积分兑换: gifts for points from a catalogue with its own stock; the points come off the member's
// lots oldest-expiry first and growth value is untouched; short points or short stock refuse the
// whole redemption; two tills cannot give away the last one twice; verify proves stock and points.

#include "members/gifts.h"
#include "members/earnings.h"
#include "members/points.h"
#include "reports/integrity.h"
#include "testsupport.h"

#include <algorithm>

using namespace huike;
using huike::test::requireClean;
using huike::test::TestShop;
using huike::test::why;

namespace {

void givePoints(TestShop &shop, qint64 memberId, qint64 points)
{
    const LedgerContext where{shop.ctx().checkout().store().storeId, 0, shop.cashier, shop.clock.nowMs(),
                              &shop.ctx().time()};
    REQUIRE(adjustPoints(shop.ctx().db(), where, memberId, points, QStringLiteral("老会员迁移"),
                         shop.approve(pointsAdjustScope(memberId, points)))
                .ok());
}

Gift giftById(Database &db, qint64 id)
{
    auto all = gifts(db);
    REQUIRE(all.ok());
    const auto it = std::find_if(all->cbegin(), all->cend(), [&](const Gift &g) { return g.id == id; });
    REQUIRE(it != all->cend());
    return *it;
}

} // namespace

TEST_CASE("a gift for points takes the points and the stock together, or nothing", "[members][gifts]")
{
    TestShop shop;
    Database &db = shop.ctx().db();
    const qint64 now = shop.clock.nowMs();
    Gift thermos{0, QStringLiteral("保温杯"), 800, 2, true};
    CHECK(saveGift(db, thermos, shop.cashier, now).error().code == ErrorCode::Denied);
    auto id = saveGift(db, thermos, shop.manager, now);
    INFO(why(id));
    REQUIRE(id.ok());
    CHECK(saveGift(db, Gift{0, QStringLiteral("保温杯"), 500, 0, true}, shop.manager, now).error().code ==
          ErrorCode::Conflict);

    const qint64 m = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("孙丽"));
    givePoints(shop, m, 1000);
    const qint64 growthBefore = shop.scalar(QStringLiteral("SELECT growth FROM members WHERE id = ?"), {m}).toLongLong();
    const LedgerContext where{shop.ctx().checkout().store().storeId, 0, shop.cashier, now, &shop.ctx().time()};

    // Two cost 1,600: she has 1,000. Refused, nothing taken.
    auto tooMany = redeemGift(db, where, m, *id, 2);
    REQUIRE_FALSE(tooMany.ok());
    CHECK(tooMany.error().code == ErrorCode::InsufficientFunds);
    CHECK(shop.count(QStringLiteral("gift_redemptions")) == 0);
    CHECK(giftById(db, *id).stock == 2);

    auto one = redeemGift(db, where, m, *id, 1);
    INFO(why(one));
    REQUIRE(one.ok());
    CHECK(one->points == 800);
    CHECK(one->pointsAfter == 200);
    CHECK(one->stockAfter == 1);
    CHECK(shop.scalar(QStringLiteral("SELECT growth FROM members WHERE id = ?"), {m}).toLongLong() == growthBefore);

    // The last one, and then none: another member is told the stock is short.
    const qint64 other = shop.addMember(QStringLiteral("13900139000"), QStringLiteral("周强"));
    givePoints(shop, other, 2000);
    REQUIRE(redeemGift(db, where, other, *id, 1).ok());
    auto none = redeemGift(db, where, other, *id, 1);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == ErrorCode::Conflict);
    CHECK(shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {other}).toLongLong() == 1200);

    // Restocked with a reason; a lost card redeems nothing; a gift no longer offered neither.
    CHECK(restockGift(db, *id, 5, QString(), shop.manager, now).error().code == ErrorCode::Invalid);
    REQUIRE(restockGift(db, *id, 5, QStringLiteral("到货"), shop.manager, now).ok());
    CHECK(restockGift(db, *id, -9, QStringLiteral("损坏"), shop.manager, now).error().code == ErrorCode::Conflict);
    REQUIRE(shop.ctx().members().reportLost(other, QStringLiteral("卡丢了"), shop.cashier).ok());
    CHECK(redeemGift(db, where, other, *id, 1).error().code == ErrorCode::Denied);
    Gift retired = giftById(db, *id);
    retired.active = false;
    REQUIRE(saveGift(db, retired, shop.manager, now).ok());
    CHECK(redeemGift(db, where, m, *id, 1).error().code == ErrorCode::Conflict);
    auto offered = gifts(db, true);
    REQUIRE(offered.ok());
    CHECK(std::none_of(offered->cbegin(), offered->cend(), [&](const Gift &g) { return g.id == *id; }));
    requireClean(shop);

    // verify proves the stock and the points.
    shop.execRaw(QStringLiteral("UPDATE gifts SET stock = stock + 3"));
    CHECK(verifyDatabase(db).join(QLatin1Char(' ')).contains(QStringLiteral("stock ledger")));
}
