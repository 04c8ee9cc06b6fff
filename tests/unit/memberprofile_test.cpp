// What the shop keeps about a member beyond the registration form: custom fields it defines
// (a cosmetics shop's 肤质, a car-care shop's 保险到期), tags, a photo, and edits to the profile;
// the member list filters by each and the CSV carries them out and back in.

#include "members/membercsv.h"
#include "members/history.h"
#include "members/memberlist.h"
#include "members/profile.h"
#include "testsupport.h"

#include <QBuffer>

using namespace huike;
using huike::test::requireClean;
using huike::test::TestShop;
using huike::test::why;

namespace {

qint64 field(TestShop &shop, const QString &label, const QString &kind, const QStringList &choices = {})
{
    MemberField f;
    f.label = label;
    f.kind = kind;
    f.choices = choices;
    auto id = saveMemberField(shop.ctx().db(), f, shop.manager, shop.clock.nowMs());
    REQUIRE(id.ok());
    return *id;
}

MemberInput profileOf(const Member &m)
{
    MemberInput in;
    in.phone = m.phone;
    in.cardNo = m.cardNo;
    in.name = m.name;
    in.gender = m.gender;
    in.birthday = m.birthday;
    in.address = m.address;
    in.notes = m.notes;
    in.consent = m.consent;
    in.referrerId = m.referrerId;
    return in;
}

QList<qint64> listed(TestShop &shop, const MemberFilter &f)
{
    MemberList list(shop.ctx().db());
    const Status st = list.load(f);
    INFO(why(st));
    REQUIRE(st.ok());
    QList<qint64> ids;
    for (int row = 0; row < list.size(); ++row)
        ids << list.idAt(row);
    return ids;
}

} // namespace

TEST_CASE("custom fields keep values in one form and refuse what is not of their kind", "[members][profile]")
{
    TestShop shop;
    const qint64 skin = field(shop, QStringLiteral("肤质"), QStringLiteral("choice"),
                              {QStringLiteral("干性"), QStringLiteral("油性"), QStringLiteral("混合性")});
    const qint64 care = field(shop, QStringLiteral("护理项目"), QStringLiteral("multi"),
                              {QStringLiteral("补水"), QStringLiteral("美白"), QStringLiteral("抗衰")});
    const qint64 insurance = field(shop, QStringLiteral("保险到期"), QStringLiteral("date"));
    const qint64 km = field(shop, QStringLiteral("里程"), QStringLiteral("number"));
    auto fields = memberFields(shop.ctx().db());
    REQUIRE(fields.ok());
    REQUIRE(fields->size() == 4);
    auto of = [&](qint64 id) {
        return *std::find_if(fields->cbegin(), fields->cend(), [&](const MemberField &f) { return f.id == id; });
    };
    CHECK(normalizedFieldValue(of(insurance), QStringLiteral("2027/3/1")).value() == QStringLiteral("2027-03-01"));
    CHECK(normalizedFieldValue(of(km), QStringLiteral("12,500")).value() == QStringLiteral("12500"));
    CHECK(normalizedFieldValue(of(care), QStringLiteral("抗衰、补水")).value() == QStringLiteral("补水|抗衰"));
    CHECK(normalizedFieldValue(of(skin), QStringLiteral("中性")).error().code == ErrorCode::Invalid);
    CHECK(normalizedFieldValue(of(insurance), QStringLiteral("明年")).error().code == ErrorCode::Invalid);
    CHECK(normalizedFieldValue(of(km), QStringLiteral("很多")).error().code == ErrorCode::Invalid);
    CHECK(normalizedFieldValue(of(skin), QString()).value().isEmpty());

    // A label is unique; a choice field needs choices.
    MemberField dup;
    dup.label = QStringLiteral("肤质");
    CHECK(saveMemberField(shop.ctx().db(), dup, shop.manager, shop.clock.nowMs()).error().code == ErrorCode::Conflict);
    MemberField bare;
    bare.label = QStringLiteral("发质");
    bare.kind = QStringLiteral("choice");
    CHECK(saveMemberField(shop.ctx().db(), bare, shop.manager, shop.clock.nowMs()).error().code == ErrorCode::Invalid);

    // Registered with values: kept normalized; a bad value registers nobody.
    MemberInput in;
    in.phone = QStringLiteral("13912345678");
    in.name = QStringLiteral("林小雨");
    in.tags = {QStringLiteral("VIP，敏感肌")};
    in.fields = {{skin, QStringLiteral("干性")}, {care, QStringLiteral("美白,补水")}, {insurance, QStringLiteral("2027-3-1")}};
    auto lin = shop.ctx().members().registerMember(in, shop.cashier);
    REQUIRE(lin.ok());
    CHECK(memberTags(shop.ctx().db(), lin->id).value() == QStringList{QStringLiteral("VIP"), QStringLiteral("敏感肌")});
    const auto values = memberFieldValues(shop.ctx().db(), lin->id).value();
    CHECK(values.value(skin) == QStringLiteral("干性"));
    CHECK(values.value(care) == QStringLiteral("补水|美白"));
    CHECK(values.value(insurance) == QStringLiteral("2027-03-01"));
    in.phone = QStringLiteral("13912345679");
    in.fields = {{skin, QStringLiteral("中性")}};
    const qint64 members = shop.count(QStringLiteral("members"));
    CHECK(shop.ctx().members().registerMember(in, shop.cashier).error().code == ErrorCode::Invalid);
    CHECK(shop.count(QStringLiteral("members")) == members);

    // A kind does not change under values; a chosen choice stays.
    MemberField changed = of(skin);
    changed.kind = QStringLiteral("text");
    CHECK(saveMemberField(shop.ctx().db(), changed, shop.manager, shop.clock.nowMs()).error().code == ErrorCode::Conflict);
    changed = of(skin);
    changed.choices = {QStringLiteral("油性"), QStringLiteral("混合性")};
    CHECK(saveMemberField(shop.ctx().db(), changed, shop.manager, shop.clock.nowMs()).error().code == ErrorCode::Conflict);
    // Retired: off the form, the values kept.
    changed = of(km);
    changed.active = false;
    REQUIRE(saveMemberField(shop.ctx().db(), changed, shop.manager, shop.clock.nowMs()).ok());
    CHECK(memberFields(shop.ctx().db())->size() == 3);
    CHECK(memberFields(shop.ctx().db(), true)->size() == 4);
    requireClean(shop);
}

TEST_CASE("editing a profile changes what was changed, audits it, and keeps the card to 补卡", "[members][profile]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812345678"), QStringLiteral("王芳"));
    const qint64 friendId = shop.addMember(QStringLiteral("13700001111"), QStringLiteral("赵敏"));
    auto before = shop.ctx().members().byId(id);
    REQUIRE(before.ok());
    MemberInput in = profileOf(*before);
    in.name = QStringLiteral("王芳芳");
    in.birthday = QStringLiteral("1992-05-20");
    in.consent = true;
    in.consentHow = QStringLiteral("counter");
    in.referrerId = friendId;
    in.tags = {QStringLiteral("常客")};
    const qint64 audits = shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'member.edit'"));
    const Status st = updateMember(shop.ctx().db(), id, in, shop.cashier, shop.clock.nowMs(), QDate(2026, 11, 25));
    INFO(why(st));
    REQUIRE(st.ok());
    auto after = shop.ctx().members().byId(id);
    REQUIRE(after.ok());
    CHECK(after->name == QStringLiteral("王芳芳"));
    CHECK(after->pinyin == QStringLiteral("wff"));
    CHECK(after->birthday == QStringLiteral("1992-05-20"));
    CHECK(after->consent);
    CHECK(after->consentAtMs == shop.clock.nowMs());
    CHECK(after->consentHow == QStringLiteral("counter"));
    CHECK(after->referrerId == friendId);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'member.edit' AND details LIKE "
                                                                 "'%name%birthday%consent%referrer%tags%'")) == audits + 1);

    // Nothing changed: nothing written.
    in = profileOf(*after);
    in.tags = {QStringLiteral("常客")};
    REQUIRE(updateMember(shop.ctx().db(), id, in, shop.cashier, shop.clock.nowMs(), QDate(2026, 11, 25)).ok());
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'member.edit'")) == audits + 1);

    // Another member's phone, a changed card, oneself as referrer: refused.
    in.phone = QStringLiteral("13700001111");
    CHECK(updateMember(shop.ctx().db(), id, in, shop.cashier, shop.clock.nowMs(), QDate(2026, 11, 25)).error().code ==
          ErrorCode::Conflict);
    in.phone = after->phone;
    in.cardNo = QStringLiteral("HK0001");
    REQUIRE(updateMember(shop.ctx().db(), id, in, shop.cashier, shop.clock.nowMs(), QDate(2026, 11, 25)).ok()); // first card
    CHECK(shop.ctx().members().byPhoneOrCard(QStringLiteral("HK0001"))->id == id);
    in.cardNo = QStringLiteral("HK0002");
    CHECK(updateMember(shop.ctx().db(), id, in, shop.cashier, shop.clock.nowMs(), QDate(2026, 11, 25)).error().code ==
          ErrorCode::Invalid);
    in.cardNo = QStringLiteral("HK0001");
    in.referrerId = id;
    CHECK(updateMember(shop.ctx().db(), id, in, shop.cashier, shop.clock.nowMs(), QDate(2026, 11, 25)).error().code ==
          ErrorCode::Invalid);
    // A new phone number: the member is found by it, not by the old one.
    in.referrerId = friendId;
    in.phone = QStringLiteral("139 1111 2222");
    REQUIRE(updateMember(shop.ctx().db(), id, in, shop.cashier, shop.clock.nowMs(), QDate(2026, 11, 25)).ok());
    CHECK(shop.ctx().members().byPhoneOrCard(QStringLiteral("13911112222"))->id == id);
    CHECK(shop.ctx().members().byPhoneOrCard(QStringLiteral("13812345678")).error().code == ErrorCode::NotFound);
    requireClean(shop);
}

TEST_CASE("a photo is stored as a JPEG or PNG of bounded size, and removed on request", "[members][profile]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812345678"), QStringLiteral("王芳"));
    CHECK(memberPhoto(shop.ctx().db(), id)->isEmpty());
    const QByteArray jpeg = QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(1000, 'x');
    REQUIRE(setMemberPhoto(shop.ctx().db(), id, jpeg, shop.cashier, shop.clock.nowMs()).ok());
    CHECK(memberPhoto(shop.ctx().db(), id).value() == jpeg);
    CHECK(setMemberPhoto(shop.ctx().db(), id, QByteArray("GIF89a"), shop.cashier, shop.clock.nowMs()).error().code ==
          ErrorCode::Invalid);
    CHECK(setMemberPhoto(shop.ctx().db(), id, QByteArray("\xFF\xD8\xFF", 3) + QByteArray(kMaxPhotoBytes, 'x'),
                         shop.cashier, shop.clock.nowMs())
              .error()
              .code == ErrorCode::Invalid);
    CHECK(memberPhoto(shop.ctx().db(), id).value() == jpeg); // the refused ones changed nothing
    REQUIRE(setMemberPhoto(shop.ctx().db(), id, {}, shop.cashier, shop.clock.nowMs()).ok());
    CHECK(memberPhoto(shop.ctx().db(), id)->isEmpty());
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'member.photo'")) == 2);
}

TEST_CASE("the member list filters by tag, consent and custom field", "[members][profile][list]")
{
    TestShop shop;
    const qint64 skin = field(shop, QStringLiteral("肤质"), QStringLiteral("choice"), {QStringLiteral("干性"), QStringLiteral("油性")});
    const qint64 care = field(shop, QStringLiteral("护理项目"), QStringLiteral("multi"), {QStringLiteral("补水"), QStringLiteral("美白")});
    const qint64 insurance = field(shop, QStringLiteral("保险到期"), QStringLiteral("date"));
    const qint64 km = field(shop, QStringLiteral("里程"), QStringLiteral("number"));
    const qint64 car = field(shop, QStringLiteral("车型"), QStringLiteral("text"));
    auto reg = [&](const QString &phone, const QStringList &tags, bool consent, const QHash<qint64, QString> &values) {
        MemberInput in;
        in.phone = phone;
        in.tags = tags;
        in.consent = consent;
        in.fields = values;
        auto m = shop.ctx().members().registerMember(in, shop.cashier);
        INFO(why(m));
        REQUIRE(m.ok());
        return m->id;
    };
    const qint64 a = reg(QStringLiteral("13900000001"), {QStringLiteral("VIP")}, true,
                         {{skin, QStringLiteral("干性")}, {care, QStringLiteral("补水|美白")}, {insurance, QStringLiteral("2027-01-15")},
                          {km, QStringLiteral("8000")}, {car, QStringLiteral("大众朗逸")}});
    const qint64 b = reg(QStringLiteral("13900000002"), {QStringLiteral("VIP"), QStringLiteral("团购")}, false,
                         {{skin, QStringLiteral("油性")}, {care, QStringLiteral("美白")}, {insurance, QStringLiteral("2027-03-01")},
                          {km, QStringLiteral("120000")}, {car, QStringLiteral("丰田卡罗拉")}});
    const qint64 c = reg(QStringLiteral("13900000003"), {}, true, {});
    MemberFilter f;
    f.tag = QStringLiteral("VIP");
    CHECK(listed(shop, f) == QList<qint64>{b, a});
    f.tag = QStringLiteral("团购");
    CHECK(listed(shop, f) == QList<qint64>{b});
    f = {};
    f.consent = true;
    CHECK(listed(shop, f).contains(a));
    CHECK(listed(shop, f).contains(c));
    CHECK(!listed(shop, f).contains(b));
    f.consent = false;
    CHECK(listed(shop, f).contains(b));
    CHECK(!listed(shop, f).contains(a));
    f = {};
    f.fieldId = skin;
    f.fieldValue = QStringLiteral("油性");
    CHECK(listed(shop, f) == QList<qint64>{b});
    f.fieldId = care;
    f.fieldValue = QStringLiteral("补水");
    CHECK(listed(shop, f) == QList<qint64>{a});
    f.fieldValue = QStringLiteral("美白");
    CHECK(listed(shop, f) == QList<qint64>{b, a});
    // Insurance due in the first quarter of 2027, up to Feb: only a; numbers compare as numbers
    // (120000 > 9000 although "120000" < "9000" as text).
    f.fieldId = insurance;
    f.fieldValue = QStringLiteral("2027-01-01");
    f.fieldTo = QStringLiteral("2027/2/28");
    CHECK(listed(shop, f) == QList<qint64>{a});
    f.fieldId = km;
    f.fieldValue = QStringLiteral("9000");
    f.fieldTo = QString();
    CHECK(listed(shop, f) == QList<qint64>{b});
    f.fieldId = car;
    f.fieldValue = QStringLiteral("丰田");
    CHECK(listed(shop, f) == QList<qint64>{b});
    auto counts = tagCounts(shop.ctx().db());
    REQUIRE(counts.ok());
    REQUIRE(!counts->isEmpty());
    CHECK(counts->first() == std::pair{QStringLiteral("VIP"), qint64(2)});
}

TEST_CASE("export writes tags and custom fields and import reads them back", "[members][profile][csv]")
{
    TestShop shop;
    const qint64 skin = field(shop, QStringLiteral("肤质"), QStringLiteral("choice"), {QStringLiteral("干性"), QStringLiteral("油性")});
    const qint64 insurance = field(shop, QStringLiteral("保险到期"), QStringLiteral("date"));
    const QByteArray file = QStringLiteral("手机号,姓名,标签,肤质,保险到期\r\n"
                                           "13600000001,陈静,VIP|敏感肌,干性,2027/5/1\r\n"
                                           "13600000002,刘洋,,中性,\r\n"
                                           "13600000003,周杰,团购、VIP,,2027-06-30\r\n")
                                .toUtf8();
    auto report = importMembersCsv(shop.ctx().db(), shop.clock, shop.ctx().time(), shop.ctx().store().storeId,
                                   shop.admin, file);
    CHECK(report.error.isEmpty());
    CHECK(report.added == 2);
    REQUIRE(report.errors.size() == 1);
    CHECK(report.errors.first().line == 3); // 中性 is not a 肤质
    auto chen = shop.ctx().members().byPhoneOrCard(QStringLiteral("13600000001"));
    REQUIRE(chen.ok());
    CHECK(memberTags(shop.ctx().db(), chen->id).value() == QStringList{QStringLiteral("VIP"), QStringLiteral("敏感肌")});
    CHECK(memberFieldValues(shop.ctx().db(), chen->id)->value(insurance) == QStringLiteral("2027-05-01"));
    CHECK(memberFieldValues(shop.ctx().db(), chen->id)->value(skin) == QStringLiteral("干性"));

    QBuffer out;
    out.open(QIODevice::WriteOnly);
    REQUIRE(exportMembersCsv(shop.ctx().db(), shop.ctx().time(), out).ok());
    const QString text = QString::fromUtf8(out.data());
    const QStringList lines = text.split(QStringLiteral("\r\n"));
    CHECK(lines.first().endsWith(QStringLiteral(",标签,肤质,保险到期")));
    const auto row = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) { return l.startsWith(QStringLiteral("13600000001,")); });
    REQUIRE(row != lines.cend());
    CHECK(row->endsWith(QStringLiteral(",VIP|敏感肌,干性,2027-05-01")));
    // Back into a new shop with the same fields: the same tags and values.
    TestShop other;
    field(other, QStringLiteral("肤质"), QStringLiteral("choice"), {QStringLiteral("干性"), QStringLiteral("油性")});
    field(other, QStringLiteral("保险到期"), QStringLiteral("date"));
    auto back = importMembersCsv(other.ctx().db(), other.clock, other.ctx().time(), other.ctx().store().storeId,
                                 other.admin, out.data());
    CHECK(back.error.isEmpty());
    auto again = other.ctx().members().byPhoneOrCard(QStringLiteral("13600000001"));
    REQUIRE(again.ok());
    CHECK(memberTags(other.ctx().db(), again->id).value() == QStringList{QStringLiteral("VIP"), QStringLiteral("敏感肌")});
    CHECK(memberFieldValues(other.ctx().db(), again->id)->size() == 2);
}

TEST_CASE("a member's history lists each ledger newest first, with its receipt", "[members][profile][history]")
{
    TestShop shop;
    const qint64 id = shop.addMember(QStringLiteral("13812345678"), QStringLiteral("王芳"));
    auto sale = shop.ctx().checkout().commit(shop.memberRequest(id, {shop.line(shop.p.oil, 2000)}));
    INFO(why(sale));
    REQUIRE(sale.ok());
    REQUIRE(shop.recharge(id, Money::fromYuan(500)).ok());
    REQUIRE(shop.ctx().members().lock(id, QStringLiteral("顾客电话挂失"), shop.cashier).ok());

    auto purchases = memberHistory(shop.ctx().db(), id, MemberLedger::Purchases);
    REQUIRE(purchases.ok());
    REQUIRE(purchases->size() == 2); // the recharge is a document of the member's too
    CHECK(purchases->last().receiptNo == sale->receiptNo);
    CHECK(purchases->last().amount == sale->total.fen());
    CHECK(purchases->last().amount2 == 1);
    auto points = memberHistory(shop.ctx().db(), id, MemberLedger::Points);
    REQUIRE(points.ok());
    REQUIRE(points->size() == 1);
    CHECK(points->first().kind == QStringLiteral("earn"));
    CHECK(points->first().receiptNo == sale->receiptNo);
    CHECK(points->first().amount == sale->total.fen() / 1000);
    CHECK(points->first().amount2 > shop.clock.nowMs());
    auto stored = memberHistory(shop.ctx().db(), id, MemberLedger::Stored);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 1);
    CHECK(stored->first().kind == QStringLiteral("recharge"));
    CHECK(stored->first().amount == 50000);
    CHECK(stored->first().amount2 == 5000); // 充500送50
    auto growth = memberHistory(shop.ctx().db(), id, MemberLedger::Growth);
    REQUIRE(growth.ok());
    CHECK(growth->size() == 1);
    auto events = memberHistory(shop.ctx().db(), id, MemberLedger::CardEvents);
    REQUIRE(events.ok());
    REQUIRE(events->size() >= 2);
    CHECK(events->first().kind == QStringLiteral("member.lock"));
    CHECK(events->first().reason == QStringLiteral("顾客电话挂失"));
    CHECK(events->first().operatorName == QStringLiteral("王芳"));
    CHECK(events->last().kind == QStringLiteral("member.add"));
}
