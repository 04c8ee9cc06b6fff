// Members as the counter registers and finds them: an 11-digit mainland mobile is the identity,
// found by the whole number, its last four digits, a card, a name or its pinyin initials.

#include "members/earnings.h"
#include "members/members.h"
#include "members/points.h"
#include "reports/integrity.h"
#include "testsupport.h"

#include <algorithm>

using namespace huike;
using huike::test::TestShop;
using huike::test::why;

TEST_CASE("a mainland mobile number is recognised however it is typed", "[members]")
{
    CHECK(normalizedMobile(QStringLiteral("13800138000")) == QStringLiteral("13800138000"));
    CHECK(normalizedMobile(QStringLiteral("138 0013 8000")) == QStringLiteral("13800138000"));
    CHECK(normalizedMobile(QStringLiteral("+86 138-0013-8000")) == QStringLiteral("13800138000"));
    CHECK(normalizedMobile(QStringLiteral("１３８００１３８０００")) == QStringLiteral("13800138000")); // fullwidth
    CHECK_FALSE(normalizedMobile(QStringLiteral("12800138000")));  // no 12x mobiles
    CHECK_FALSE(normalizedMobile(QStringLiteral("1380013800")));   // ten digits
    CHECK_FALSE(normalizedMobile(QStringLiteral("010-88886666"))); // a landline
    CHECK_FALSE(normalizedMobile(QStringLiteral("1380013800x")));
    CHECK_FALSE(normalizedMobile(QString()));
}

TEST_CASE("registering a member needs only the phone, and refuses the same phone or card twice", "[members]")
{
    TestShop shop;
    MemberService &ms = shop.ctx().members();
    MemberInput in;
    in.phone = QStringLiteral("139 1234 5678");
    in.name = QStringLiteral("张晓梅");
    in.gender = QStringLiteral("女");
    in.birthday = QStringLiteral("1988/3/7");
    in.cardNo = QStringLiteral("HK0001");
    in.consent = true;
    in.consentHow = QStringLiteral("counter");
    auto m = ms.registerMember(in, shop.cashier);
    INFO(why(m));
    REQUIRE(m.ok());
    CHECK(m->phone == QStringLiteral("13912345678"));
    CHECK(m->gender == QStringLiteral("F"));
    CHECK(m->birthday == QStringLiteral("1988-03-07"));
    CHECK(m->pinyin == QStringLiteral("zxm"));
    CHECK(m->consent);
    CHECK(m->consentAtMs == shop.clock.nowMs());
    CHECK(m->operatorId == shop.cashier);
    CHECK(m->cardState == CardState::Active);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'member.add'")) == 1);

    MemberInput onlyPhone;
    onlyPhone.phone = QStringLiteral("15000000001");
    auto bare = ms.registerMember(onlyPhone, shop.cashier);
    REQUIRE(bare.ok());
    CHECK_FALSE(bare->consent); // not asked is not a yes
    CHECK(bare->consentAtMs == 0);

    MemberInput again = onlyPhone;
    again.phone = QStringLiteral("+86 13912345678");
    auto twice = ms.registerMember(again, shop.cashier);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == ErrorCode::Conflict);
    CHECK(twice.error().message.contains(QStringLiteral("张晓梅")));
    MemberInput sameCard;
    sameCard.phone = QStringLiteral("18600000002");
    sameCard.cardNo = QStringLiteral("HK0001");
    CHECK(ms.registerMember(sameCard, shop.cashier).error().code == ErrorCode::Conflict);

    for (const char *bad : {"12345", "2026-02-30", "2999-01-01", "13-01"}) {
        MemberInput b;
        b.phone = QStringLiteral("18600000003");
        b.birthday = QString::fromLatin1(bad);
        INFO(bad);
        CHECK(ms.registerMember(b, shop.cashier).error().code == ErrorCode::Invalid);
    }
    MemberInput noYear;
    noYear.phone = QStringLiteral("18600000004");
    noYear.birthday = QStringLiteral("02-29");
    auto leap = ms.registerMember(noYear, shop.cashier);
    REQUIRE(leap.ok());
    CHECK(leap->birthday == QStringLiteral("02-29"));
    MemberInput landline;
    landline.phone = QStringLiteral("021-88886666");
    CHECK(ms.registerMember(landline, shop.cashier).error().code == ErrorCode::Invalid);
}

TEST_CASE("the till finds a member by phone, last four digits, card, name or pinyin", "[members]")
{
    TestShop shop;
    MemberService &ms = shop.ctx().members();
    auto add = [&](const char *phone, const char *name, const char *card = "") {
        MemberInput in;
        in.phone = QString::fromLatin1(phone);
        in.name = QString::fromUtf8(name);
        in.cardNo = QString::fromLatin1(card);
        auto m = ms.registerMember(in, shop.cashier);
        INFO(why(m));
        REQUIRE(m.ok());
        return m->id;
    };
    const qint64 wang = add("13800138000", "王建国", "VIP8000");
    const qint64 li = add("13900008000", "李秀英");
    const qint64 hong = add("13700001234", "王小红");

    auto byPhone = ms.find(QStringLiteral("138 0013 8000"));
    REQUIRE(byPhone.ok());
    REQUIRE(byPhone->size() == 1);
    CHECK(byPhone->first().id == wang);
    auto last4 = ms.find(QStringLiteral("8000"));
    REQUIRE(last4.ok());
    // Pick from those whose phones end in 8000 (the demo's members may add some).
    REQUIRE(last4->size() >= 2);
    for (const Member &m : *last4)
        CHECK(m.phone.endsWith(QStringLiteral("8000")));
    CHECK(std::any_of(last4->begin(), last4->end(), [&](const Member &m) { return m.id == wang; }));
    CHECK(std::any_of(last4->begin(), last4->end(), [&](const Member &m) { return m.id == li; }));
    auto card = ms.find(QStringLiteral("VIP8000"));
    REQUIRE(card.ok());
    REQUIRE(card->size() == 1);
    CHECK(card->first().id == wang);
    auto name = ms.find(QStringLiteral("王"));
    REQUIRE(name.ok());
    QList<qint64> named;
    for (const Member &m : *name) {
        CHECK(m.name.startsWith(QStringLiteral("王")));
        named << m.id;
    }
    CHECK(named.contains(wang));
    CHECK(named.contains(hong));
    auto pinyin = ms.find(QStringLiteral("LXY"));
    REQUIRE(pinyin.ok());
    REQUIRE_FALSE(pinyin->isEmpty());
    CHECK(std::any_of(pinyin->begin(), pinyin->end(), [&](const Member &m) { return m.id == li; }));
    for (const Member &m : *pinyin)
        CHECK(m.pinyin.startsWith(QStringLiteral("lxy")));
    auto wild = ms.find(QStringLiteral("%"));
    REQUIRE(wild.ok());
    CHECK(wild->isEmpty()); // a typed % is a character, not "everyone"
    CHECK(ms.byPhoneOrCard(QStringLiteral("13600000000")).error().code == ErrorCode::NotFound);
}

TEST_CASE("a lost card is refused until a manager unlocks it, and a replaced card is refused for good", "[members][cards]")
{
    TestShop shop;
    MemberService &ms = shop.ctx().members();
    MemberInput in;
    in.phone = QStringLiteral("13800138000");
    in.name = QStringLiteral("张晓梅");
    in.cardNo = QStringLiteral("HK0001");
    auto m = ms.registerMember(in, shop.cashier);
    REQUIRE(m.ok());
    // Her points stay with her through all of it.
    auto sold = shop.ctx().checkout().commit(shop.memberRequest(m->id, {shop.line(shop.p.oil, 2000)}));
    REQUIRE(sold.ok());
    const qint64 points = shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {m->id}).toLongLong();
    REQUIRE(points == 13);

    CHECK_FALSE(ms.reportLost(m->id, QString(), shop.cashier).ok()); // a reason is needed
    REQUIRE(ms.reportLost(m->id, QStringLiteral("顾客来电挂失"), shop.cashier).ok());
    CHECK(ms.byId(m->id)->cardState == CardState::Lost);
    CHECK(memberPrice(shop.ctx().db(), m->id).error().code == ErrorCode::Denied);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'member.lost' AND reason = '顾客来电挂失'")) == 1);

    // Unlocking needs a manager's approval of exactly this.
    CHECK_FALSE(ms.unlock(m->id, QStringLiteral("找到卡了"), shop.cashier, QString()).ok());
    CHECK_FALSE(ms.unlock(m->id, QStringLiteral("找到卡了"), shop.cashier,
                          shop.approve(MemberService::cardApprovalScope(m->id + 1)))
                    .ok());
    REQUIRE(ms.unlock(m->id, QStringLiteral("找到卡了"), shop.cashier, shop.approve(MemberService::cardApprovalScope(m->id)))
                .ok());
    CHECK(memberPrice(shop.ctx().db(), m->id).ok());

    // 补卡: the new card finds her, with her points; the old one is refused by name, and never reissued.
    REQUIRE(ms.reportLost(m->id, QStringLiteral("卡丢了"), shop.cashier).ok());
    const QString token = shop.approve(MemberService::cardApprovalScope(m->id, QStringLiteral("HK0099")));
    REQUIRE(ms.replaceCard(m->id, QStringLiteral("HK0099"), QStringLiteral("补卡"), shop.cashier, token).ok());
    auto byNew = ms.byPhoneOrCard(QStringLiteral("HK0099"));
    REQUIRE(byNew.ok());
    CHECK(byNew->id == m->id);
    CHECK(byNew->cardState == CardState::Active);
    CHECK(byNew->points == points);
    auto byOld = ms.byPhoneOrCard(QStringLiteral("HK0001"));
    REQUIRE_FALSE(byOld.ok());
    CHECK(byOld.error().code == ErrorCode::Denied);
    CHECK(byOld.error().message.contains(QStringLiteral("HK0001")));
    MemberInput reuse;
    reuse.phone = QStringLiteral("13900139000");
    reuse.cardNo = QStringLiteral("HK0001");
    CHECK(ms.registerMember(reuse, shop.cashier).error().code == ErrorCode::Conflict);
    // The approval was for HK0099 only, and used.
    CHECK_FALSE(ms.replaceCard(m->id, QStringLiteral("HK0100"), QStringLiteral("补卡"), shop.cashier, token).ok());
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("points adjusted by hand need a reason and a manager, and are ledger rows like any other", "[members][points]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    const LedgerContext where{shop.ctx().checkout().store().storeId, 0, shop.cashier, shop.clock.nowMs(),
                              &shop.ctx().time()};
    CHECK_FALSE(adjustPoints(shop.ctx().db(), where, id, 500, QStringLiteral("老会员迁移"), QString()).ok());
    CHECK_FALSE(adjustPoints(shop.ctx().db(), where, id, 500, QString(), shop.approve(pointsAdjustScope(id, 500))).ok());
    // Approved for 500, not 5000.
    CHECK_FALSE(adjustPoints(shop.ctx().db(), where, id, 5000, QStringLiteral("老会员迁移"),
                             shop.approve(pointsAdjustScope(id, 500)))
                    .ok());
    REQUIRE(adjustPoints(shop.ctx().db(), where, id, 500, QStringLiteral("老会员迁移"), shop.approve(pointsAdjustScope(id, 500)))
                .ok());
    CHECK(shop.ctx().members().byId(id)->points == 500);
    // Taking more than she has is refused, nothing taken.
    auto tooMuch = adjustPoints(shop.ctx().db(), where, id, -600, QStringLiteral("录错了"), shop.approve(pointsAdjustScope(id, -600)));
    CHECK(tooMuch.error().code == ErrorCode::InsufficientFunds);
    REQUIRE(adjustPoints(shop.ctx().db(), where, id, -120, QStringLiteral("录错了"), shop.approve(pointsAdjustScope(id, -120)))
                .ok());
    CHECK(shop.ctx().members().byId(id)->points == 380);
    CHECK(shop.count(QStringLiteral("points_ledger"), QStringLiteral("member_id = ? AND kind = 'adjust' AND reason <> ''"),
                     {id}) == 2);
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}
