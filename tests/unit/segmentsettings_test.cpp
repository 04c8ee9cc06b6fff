// 会员分析's settings: kept for every till in the settings table, the defaults until a
// manager changes them, checked and audited, and used by the service that classes the members.

#include "segments/segmentsettings.h"
#include "segments/service.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QTimer>
#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::segments;
using huike::test::shanghaiMs;

TEST_CASE("segment settings: the issue's defaults, a manager's change kept and audited, a bad one refused",
          "[segments][settings]")
{
    test::TestShop shop;
    Database &db = shop.ctx().db();
    auto start = loadSegmentSettings(db);
    REQUIRE(start.ok());
    CHECK(start->highValuePermille == 200);
    CHECK(start->rfmBasis == SegmentSettings::RfmBasis::MeanOfValues);
    CHECK(start->activeDays == 90);
    CHECK(start->silentDays == 180);
    CHECK(start->sleepingDays == 365);

    SegmentSettings s;
    s.highValuePermille = 100;
    s.rfmBasis = SegmentSettings::RfmBasis::Fixed;
    s.fixedNearDays = 14;
    s.fixedHighOrders = 3;
    s.fixedHighSpendFen = 30000;
    s.activeDays = 30;
    s.silentDays = 60;
    s.sleepingDays = 120;
    // A cashier may not; a manager may.
    auto refused = saveSegmentSettings(db, s, shop.cashier, shop.clock.nowMs());
    REQUIRE_FALSE(refused.ok());
    CHECK(loadSegmentSettings(db)->highValuePermille == 200);
    const qint64 auditBefore = shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong();
    auto saved = saveSegmentSettings(db, s, shop.manager, shop.clock.nowMs());
    INFO(test::why(saved));
    REQUIRE(saved.ok());
    auto back = loadSegmentSettings(db);
    REQUIRE(back.ok());
    CHECK(back->highValuePermille == 100);
    CHECK(back->rfmBasis == SegmentSettings::RfmBasis::Fixed);
    CHECK(back->fixedNearDays == 14);
    CHECK(back->fixedHighOrders == 3);
    CHECK(back->fixedHighSpendFen == 30000);
    CHECK(back->activeDays == 30);
    CHECK(back->silentDays == 60);
    CHECK(back->sleepingDays == 120);
    CHECK(shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong() == auditBefore + 8);

    // Stages out of order, a share of nothing, no order needed to be frequent: refused, kept as was.
    SegmentSettings bad = s;
    bad.silentDays = 30;
    CHECK(saveSegmentSettings(db, bad, shop.manager, shop.clock.nowMs()).error().code == ErrorCode::Invalid);
    bad = s;
    bad.highValuePermille = 0;
    CHECK_FALSE(saveSegmentSettings(db, bad, shop.manager, shop.clock.nowMs()).ok());
    bad = s;
    bad.fixedHighOrders = 0;
    CHECK_FALSE(saveSegmentSettings(db, bad, shop.manager, shop.clock.nowMs()).ok());
    CHECK(loadSegmentSettings(db)->silentDays == 60);
    // Values edited into the table by hand that break the rules are no settings: the defaults.
    shop.execRaw(QStringLiteral("UPDATE settings SET value = '10' WHERE key = ?"), {SegmentSettingKeys::kSleepingDays});
    CHECK(loadSegmentSettings(db)->sleepingDays == 365);
    CHECK(loadSegmentSettings(db)->activeDays == 90);
}

TEST_CASE("the segment service classes members under the shop's settings, and again when they change",
          "[segments][settings][service]")
{
    test::TestShop shop(shanghaiMs(2026, 11, 2, 9, 0));
    const qint64 wang = shop.addMember(QStringLiteral("13812345678"), QStringLiteral("王芳"));
    REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(wang, {shop.line(shop.p.oil)})).ok());
    SegmentService service(shop.path(), shop.ctx().time().zone().id());
    auto next = [&](bool start) {
        std::shared_ptr<const SegmentSnapshot> got;
        QEventLoop loop;
        QObject::connect(&service, &SegmentService::updated, &loop, [&](std::shared_ptr<const SegmentSnapshot> s) {
            got = std::move(s);
            loop.quit();
        });
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        start ? service.start() : service.refresh();
        loop.exec();
        REQUIRE(got);
        return got;
    };
    // Bought on 2 November: however long ago that is now, more than 3 days once the stages end
    // at 1, 2 and 3 days.
    auto first = next(true);
    const auto i = static_cast<std::size_t>(first->indexOf(wang));
    const Lifecycle before = first->classes.lifecycle[i];
    SegmentSettings quick;
    quick.activeDays = 1;
    quick.silentDays = 2;
    quick.sleepingDays = 3;
    REQUIRE(saveSegmentSettings(shop.ctx().db(), quick, shop.manager, shop.clock.nowMs()).ok());
    auto second = next(false);
    CHECK(second->settings.sleepingDays == 3);
    CHECK(second->classes.lifecycle[i] == Lifecycle::Lost);
    CHECK(before != Lifecycle::Never);
}
