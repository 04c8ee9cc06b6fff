// 来电记录 as the engine keeps it: a caller's number found as the member's mobile however the line
// writes it, each call logged with its member, a new caller linked once registered; the settings
// of the card reader and the caller-ID box checked before they are saved.

#include "members/calls.h"
#include "store/devicesettings.h"
#include "store/settings.h"
#include "testsupport.h"

using namespace huike;
using huike::test::TestShop;

TEST_CASE("a caller's number is the member's mobile with +86, 0086 or an exchange's trunk 0 taken off", "[calls]")
{
    CHECK(callerMobile(QStringLiteral("13800138000")) == QStringLiteral("13800138000"));
    CHECK(callerMobile(QStringLiteral("+8613800138000")) == QStringLiteral("13800138000"));
    CHECK(callerMobile(QStringLiteral("008613800138000")) == QStringLiteral("13800138000"));
    CHECK(callerMobile(QStringLiteral("013800138000")) == QStringLiteral("13800138000"));
    CHECK(callerMobile(QStringLiteral("02158886688")).isEmpty()); // a landline
    CHECK(callerMobile(QString()).isEmpty());
}

TEST_CASE("each call is logged with the member whose mobile rang, and a new caller is linked once registered",
          "[calls]")
{
    TestShop shop;
    const qint64 member = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    CallLog log(shop.ctx().db(), shop.ctx().store().terminal);
    auto known = log.record(QStringLiteral("013800138000"), {}, {}, QStringLiteral("12071030"), 1000);
    REQUIRE(known.ok());
    CHECK(known->memberId == member);
    CHECK(known->memberName == QStringLiteral("张晓梅"));
    auto unknown = log.record(QStringLiteral("13500006666"), {}, QStringLiteral("LIU"), {}, 2000);
    REQUIRE(unknown.ok());
    CHECK(unknown->memberId == 0);
    auto hidden = log.record({}, QStringLiteral("private"), {}, {}, 3000);
    REQUIRE(hidden.ok());

    auto recent = log.recent();
    REQUIRE(recent.ok());
    REQUIRE(recent->size() == 3);
    CHECK(recent->at(0).withheld == QStringLiteral("private")); // newest first
    CHECK(recent->at(1).name == QStringLiteral("LIU"));
    CHECK(recent->at(2).reportedAt == QStringLiteral("12071030"));

    const qint64 liu = shop.addMember(QStringLiteral("13500006666"), QStringLiteral("刘强"));
    REQUIRE(log.linkMember(unknown->id, liu).ok());
    CHECK(log.recent()->at(1).memberName == QStringLiteral("刘强"));
}

TEST_CASE("the card reader's and the caller-ID box's settings are checked, saved and audited", "[calls]")
{
    TestShop shop;
    Settings &settings = shop.ctx().settings();
    CounterDeviceSettings d = loadCounterDevices(settings);
    CHECK(d.cardFraming == QStringLiteral("auto"));
    CHECK(d.callerIdForm == QStringLiteral("auto"));
    d.cardPattern = QStringLiteral("(\\d{10}");
    CHECK_FALSE(saveCounterDevices(settings, d, shop.manager, 1).ok());
    d.cardPattern = QStringLiteral("\\d{10}");
    d.cardFraming = QStringLiteral("wiegand");
    CHECK_FALSE(saveCounterDevices(settings, d, shop.manager, 1).ok());
    d.cardFraming = QStringLiteral("frame");
    d.cardReaderSpec = QStringLiteral("serial:/dev/ttyUSB1:9600");
    d.callerIdSpec = QStringLiteral("serial:/dev/ttyACM0:115200");
    d.callerIdForm = QStringLiteral("formatted");
    d.callerIdSetup = QStringLiteral("AT+VCID=1");
    REQUIRE(saveCounterDevices(settings, d, shop.manager, 1).ok());
    const CounterDeviceSettings back = loadCounterDevices(settings);
    CHECK(back.cardFraming == QStringLiteral("frame"));
    CHECK(back.cardPattern == QStringLiteral("\\d{10}"));
    CHECK(back.callerIdSetup == QStringLiteral("AT+VCID=1"));
    CHECK(shop.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE target = 'callerid.setup'")) == 1);
}
