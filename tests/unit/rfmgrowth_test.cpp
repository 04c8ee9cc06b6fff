// 成长值 from RFM (the 云扶客 way): at each period's end every member who has bought gains or
// loses growth by weight x (score - 3) over their R, F and M scores as of the period's last day,
// never below 0; levels follow up and down; each change is a ledger row with its reason; a period
// is applied once, however often it is asked for, and a refund after a fall still goes through.

#include "members/earnings.h"
#include "members/levels.h"
#include "members/rfmgrowth.h"
#include "reports/integrity.h"
#include "sales/returns.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace huike;
using huike::test::shanghaiMs;
using huike::test::why;

namespace {

struct Programme {
    test::TestShop shop{shanghaiMs(2026, 11, 1, 9, 0)};
    Database &db = shop.ctx().db();
    qint64 a = 0, b = 0, c = 0, d = 0, e = 0;
    QString eReceipt;

    Programme()
    {
        // 普通会员, 银卡 at 100 growth, 金卡 at 500, no discounts (so every order is ¥69.90 and
        // earns 69 growth); growth from RFM at each month's end, turned on now.
        auto rules = loadLevelRules(db);
        REQUIRE(rules.ok());
        rules->levels[1].growthThreshold = 100;
        rules->levels[2].growthThreshold = 500;
        for (MemberLevel &l : rules->levels)
            l.discountPermille = 1000;
        rules->rfm.period = RfmGrowth::Period::Month;
        rules->rfm.weightR = 20;
        rules->rfm.weightF = 30;
        rules->rfm.weightM = 50;
        auto saved = saveLevelRules(db, *rules, shop.manager, shop.clock.nowMs(), shop.ctx().time());
        INFO(why(saved));
        REQUIRE(saved.ok());
        a = shop.addMember(QStringLiteral("13800000001"), QStringLiteral("赵一"));
        b = shop.addMember(QStringLiteral("13800000002"), QStringLiteral("钱二"));
        c = shop.addMember(QStringLiteral("13800000003"), QStringLiteral("孙三"));
        d = shop.addMember(QStringLiteral("13800000004"), QStringLiteral("李四"));
        e = shop.addMember(QStringLiteral("13800000005"), QStringLiteral("周五"));
        // November: 赵一 5 orders and last on the 30th, 钱二 4 and the 29th, 孙三 3 and the 28th,
        // 李四 2 and the 27th, 周五 1 on the 26th. So on the 30th the five score 5/5/5, 4/4/4,
        // 3/3/3, 2/2/2 and 1/1/1 (quintiles of 0..4 days, 1..5 orders, 1..5 x ¥69.90).
        const std::pair<qint64, std::vector<int>> days[] = {
            {a, {1, 2, 3, 4, 30}}, {b, {1, 2, 3, 29}}, {c, {1, 2, 28}}, {d, {1, 27}}, {e, {26}}};
        for (const auto &[member, on] : days)
            for (int day : on) {
                shop.clock.set(shanghaiMs(2026, 11, day, 10, 0));
                auto s = shop.ctx().checkout().commit(shop.memberRequest(member, {shop.line(shop.p.oil)}));
                INFO(why(s));
                REQUIRE(s.ok());
                if (member == e)
                    eReceipt = s->receiptNo;
            }
    }
    qint64 value(const QString &sql, const QVariantList &args = {})
    {
        return shop.scalar(sql, args).toLongLong();
    }
    qint64 growth(qint64 member) { return value(QStringLiteral("SELECT growth FROM members WHERE id = ?"), {member}); }
    QString level(qint64 member)
    {
        return shop
            .scalar(QStringLiteral("SELECT l.name FROM members m JOIN member_levels l ON l.id = m.level_id WHERE m.id = ?"),
                    {member})
            .toString();
    }
    LedgerContext at(qint64 nowMs) { return LedgerContext{shop.ctx().store().storeId, 0, 0, nowMs, &shop.ctx().time()}; }
};

} // namespace

TEST_CASE("the period that ended last: a month's or a quarter's last day before today", "[members][rfm]")
{
    CHECK(lastPeriodEnd(RfmGrowth::Period::Month, QDate(2026, 12, 2)) == QDate(2026, 11, 30));
    CHECK(lastPeriodEnd(RfmGrowth::Period::Month, QDate(2026, 3, 1)) == QDate(2026, 2, 28));
    CHECK(lastPeriodEnd(RfmGrowth::Period::Quarter, QDate(2026, 12, 2)) == QDate(2026, 9, 30));
    CHECK(lastPeriodEnd(RfmGrowth::Period::Quarter, QDate(2027, 1, 1)) == QDate(2026, 12, 31));
    CHECK(lastPeriodEnd(RfmGrowth::Period::Quarter, QDate(2026, 3, 31)) == QDate(2025, 12, 31));
    RfmGrowth w; // 20, 30, 50
    CHECK(w.change(3, 3, 3) == 0);
    CHECK(w.change(5, 5, 5) == 200);
    CHECK(w.change(1, 2, 5) == -40 - 30 + 100);
}

TEST_CASE("growth from RFM at a month's end: up for the best, down for the drifting, never below 0, levels "
          "following both ways, each change a ledger row with its reason",
          "[members][rfm]")
{
    Programme p;
    // Before: 69 growth an order. 赵一 345 and 钱二 276, 孙三 207, 李四 138 (all 银卡), 周五 69 (普通会员).
    CHECK(p.growth(p.a) == 345);
    CHECK(p.level(p.d) == QStringLiteral("银卡"));
    CHECK(p.level(p.e) == QStringLiteral("普通会员"));

    // Still November: nothing has ended since the shop turned it on (October's end came before).
    auto early = rfmPeriodsDue(p.db, p.shop.ctx().time(), shanghaiMs(2026, 11, 30, 21, 0));
    REQUIRE(early.ok());
    CHECK(early->isEmpty());
    // 2 December: November is due.
    const qint64 now = shanghaiMs(2026, 12, 2, 8, 0);
    p.shop.clock.set(now);
    auto due = rfmPeriodsDue(p.db, p.shop.ctx().time(), now);
    REQUIRE(due.ok());
    REQUIRE(*due == QList<QDate>{QDate(2026, 11, 30)});

    auto runs = applyDueRfmGrowth(p.db, p.at(now));
    INFO(why(runs));
    REQUIRE(runs.ok());
    REQUIRE(runs->size() == 1);
    const RfmGrowthRun &run = runs->first();
    CHECK(run.periodEnd == QDate(2026, 11, 30));
    CHECK(run.scored == 5);
    CHECK(run.raised == 2);  // 赵一 +200, 钱二 +100
    CHECK(run.lowered == 2); // 李四 -100, 周五 -69 (all he had: -200 would go below 0)
    CHECK(run.levelChanges == 2);
    CHECK(p.growth(p.a) == 545);
    CHECK(p.growth(p.b) == 376);
    CHECK(p.growth(p.c) == 207); // 3/3/3: no change, no row
    CHECK(p.growth(p.d) == 38);
    CHECK(p.growth(p.e) == 0);
    CHECK(p.level(p.a) == QStringLiteral("金卡"));   // up
    CHECK(p.level(p.b) == QStringLiteral("银卡"));
    CHECK(p.level(p.d) == QStringLiteral("普通会员")); // down
    // The rows say why.
    CHECK(p.shop.scalar(QStringLiteral("SELECT reason FROM growth_ledger WHERE member_id = ? AND kind = 'rfm'"), {p.a})
              .toString() == QStringLiteral("RFM 5/5/5 · 2026-11"));
    CHECK(p.value(QStringLiteral("SELECT growth FROM growth_ledger WHERE member_id = ? AND kind = 'rfm'"), {p.d}) == -100);
    CHECK(p.shop.scalar(QStringLiteral("SELECT reason FROM growth_ledger WHERE member_id = ? AND kind = 'rfm'"), {p.e})
              .toString() == QStringLiteral("RFM 1/1/1 · 2026-11"));
    CHECK(p.value(QStringLiteral("SELECT COUNT(*) FROM growth_ledger WHERE kind = 'rfm'")) == 4);
    CHECK(p.value(QStringLiteral("SELECT COUNT(*) FROM level_changes WHERE cause = 'rfm'")) == 2);
    CHECK(p.value(QStringLiteral("SELECT COUNT(*) FROM level_changes WHERE cause = 'rfm' AND member_id = ? AND "
                                 "to_level_id = (SELECT id FROM member_levels WHERE name = '普通会员')"),
                  {p.d}) == 1);
    CHECK(verifyDatabase(p.db).isEmpty()); // each member's growth is still the sum of their ledger

    // Asked again (another till, the next tick, huike-cli member levels): nothing is due, and
    // applying November by hand changes no one twice.
    auto again = applyDueRfmGrowth(p.db, p.at(now + 60'000));
    REQUIRE(again.ok());
    CHECK(again->isEmpty());
    auto twice = applyRfmGrowth(p.db, p.at(now + 60'000), QDate(2026, 11, 30));
    REQUIRE(twice.ok());
    CHECK(twice->raised == 2);
    CHECK(p.growth(p.a) == 545);
    // A run cut off before it was marked finished is finished by the next, without doubling.
    p.shop.execRaw(QStringLiteral("UPDATE rfm_growth_runs SET finished_at_ms = NULL"));
    auto resumed = applyDueRfmGrowth(p.db, p.at(now + 120'000));
    REQUIRE(resumed.ok());
    CHECK(resumed->size() == 1);
    CHECK(p.value(QStringLiteral("SELECT COUNT(*) FROM growth_ledger WHERE kind = 'rfm'")) == 4);
    CHECK(p.growth(p.d) == 38);

    // 周五 returns his oil: the 69 growth it earned is gone already; the refund takes what is left
    // (nothing) and goes through.
    p.shop.clock.set(shanghaiMs(2026, 12, 2, 10, 0));
    auto back = p.shop.ctx().returns().refund(p.shop.refundRequest(p.eReceipt));
    INFO(why(back));
    REQUIRE(back.ok());
    CHECK(p.growth(p.e) == 0);
    CHECK(verifyDatabase(p.db).join(QStringLiteral("; ")).toStdString() == "");
}

TEST_CASE("growth from RFM is a rule of levels by growth value, with a weight to give", "[members][rfm]")
{
    test::TestShop shop;
    Database &db = shop.ctx().db();
    auto rules = loadLevelRules(db);
    REQUIRE(rules.ok());
    CHECK_FALSE(rules->rfm.on()); // off until the shop turns it on
    LevelRules bySpend = *rules;
    bySpend.upgradeBy = UpgradeBy::Spend;
    bySpend.levels[1].spendThreshold = Money::fromYuan(1000);
    bySpend.levels[2].spendThreshold = Money::fromYuan(5000);
    bySpend.rfm.period = RfmGrowth::Period::Quarter;
    auto refused = saveLevelRules(db, bySpend, shop.manager, shop.clock.nowMs(), shop.ctx().time());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::Invalid);
    LevelRules noWeight = *rules;
    noWeight.rfm.period = RfmGrowth::Period::Month;
    noWeight.rfm.weightR = noWeight.rfm.weightF = noWeight.rfm.weightM = 0;
    CHECK_FALSE(saveLevelRules(db, noWeight, shop.manager, shop.clock.nowMs(), shop.ctx().time()).ok());

    // Saved by quarter with its weights, read back the same, dated from when it was turned on;
    // saving again later keeps that date (it is still the same programme).
    LevelRules quarterly = *rules;
    quarterly.rfm.period = RfmGrowth::Period::Quarter;
    quarterly.rfm.weightR = 10;
    quarterly.rfm.weightF = 0;
    quarterly.rfm.weightM = 90;
    const qint64 on = shop.clock.nowMs();
    REQUIRE(saveLevelRules(db, quarterly, shop.manager, on, shop.ctx().time()).ok());
    auto read = loadLevelRules(db);
    REQUIRE(read.ok());
    CHECK(read->rfm.period == RfmGrowth::Period::Quarter);
    CHECK(read->rfm.weightR == 10);
    CHECK(read->rfm.weightF == 0);
    CHECK(read->rfm.weightM == 90);
    CHECK(read->rfm.sinceMs == on);
    REQUIRE(saveLevelRules(db, *read, shop.manager, on + 86'400'000, shop.ctx().time()).ok());
    CHECK(loadLevelRules(db)->rfm.sinceMs == on);
    // Off, nothing is ever due.
    LevelRules off = *read;
    off.rfm.period = RfmGrowth::Period::Off;
    REQUIRE(saveLevelRules(db, off, shop.manager, on, shop.ctx().time()).ok());
    auto due = rfmPeriodsDue(db, shop.ctx().time(), on + 400LL * 86'400'000);
    REQUIRE(due.ok());
    CHECK(due->isEmpty());
}
