// Members in and out of CSV: what a shop moving from another system brings (GBK from old tools,
// Chinese headers, balances and levels), what goes wrong in such files, and the round trip.

#include "members/membercsv.h"
#include "members/members.h"
#include "members/points.h"
#include "members/storedvalue.h"
#include "testsupport.h"

#include <QBuffer>

using namespace huike;
using huike::test::fen;
using huike::test::requireClean;
using huike::test::TestShop;
using huike::test::why;

namespace {

MemberImportReport importText(TestShop &shop, const QByteArray &bytes, TextEncoding encoding = TextEncoding::Auto)
{
    return importMembersCsv(shop.ctx().db(), shop.clock, shop.ctx().time(), shop.ctx().store().storeId, shop.admin,
                            bytes, encoding);
}

QByteArray exportBytes(TestShop &shop, CsvHeaders headers = CsvHeaders::Chinese)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto n = exportMembersCsv(shop.ctx().db(), shop.ctx().time(), buffer, headers);
    REQUIRE(n.ok());
    return buffer.data();
}

Member member(TestShop &shop, const QString &phone)
{
    auto m = shop.ctx().members().byPhoneOrCard(phone);
    REQUIRE(m.ok());
    return *m;
}

const MemberImportError *errorOnLine(const MemberImportReport &r, int line)
{
    for (const MemberImportError &e : r.errors)
        if (e.line == line)
            return &e;
    return nullptr;
}

} // namespace

TEST_CASE("a GBK member list from an old system comes in with levels, points and balances, bad rows named by line",
          "[membercsv]")
{
    TestShop shop;
    shop.addMember(QStringLiteral("13700137000"), QStringLiteral("老会员"));
    const QString csv = QStringLiteral(
        "手机号,姓名,性别,生日,卡号,等级,积分,余额,备注\n"
        "13800138000,张三,男,1990-05-20,C001,金卡,1200,88.50,老客户\n"
        "139 0013 9000,李四,女,05-20,,银卡,0,\"1,000.00\",\n"
        "13800138000,张三又来了,,,,,,,\n"
        "12345,号码不对,,,,,,,\n"
        "13600136000,赵六,,,,钻石卡,,,\n"
        "13500135000,钱七,,,,,abc,,\n"
        "13700137000,老会员,,,,,,,\n"
        "13300133000,周九,,,C001,,,,\n"
        ",,,,,,,,\n");
    const MemberImportReport r = importText(shop, encodeGb18030(csv));
    INFO(r.error.toStdString());
    CHECK(r.encoding == QStringLiteral("GB18030"));
    CHECK(r.error.isEmpty());
    CHECK(r.added == 2);
    CHECK(r.errors.size() == 6);
    CHECK(r.duplicates() == 3);

    REQUIRE(errorOnLine(r, 4));
    CHECK(errorOnLine(r, 4)->duplicate);
    CHECK(errorOnLine(r, 4)->message.contains(QStringLiteral("line 2")));
    REQUIRE(errorOnLine(r, 5));
    CHECK(errorOnLine(r, 5)->message.contains(QStringLiteral("12345")));
    REQUIRE(errorOnLine(r, 6));
    CHECK(errorOnLine(r, 6)->message.contains(QStringLiteral("钻石卡")));
    REQUIRE(errorOnLine(r, 7));
    CHECK(errorOnLine(r, 7)->message.contains(QStringLiteral("abc")));
    REQUIRE(errorOnLine(r, 8)); // already a member before the import: reported, never merged
    CHECK(errorOnLine(r, 8)->duplicate);
    CHECK(member(shop, QStringLiteral("13700137000")).name == QStringLiteral("老会员"));
    REQUIRE(errorOnLine(r, 9)); // the card is on line 2
    CHECK(errorOnLine(r, 9)->duplicate);

    const Member zhang = member(shop, QStringLiteral("13800138000"));
    CHECK(zhang.name == QStringLiteral("张三"));
    CHECK(zhang.cardNo == QStringLiteral("C001"));
    CHECK(zhang.gender == QStringLiteral("M"));
    CHECK(zhang.birthday == QStringLiteral("1990-05-20"));
    CHECK(zhang.levelName == QStringLiteral("金卡"));
    CHECK(zhang.points == 1200);
    CHECK(zhang.principal == fen(8850));
    CHECK(zhang.bonus == fen(0));
    CHECK(zhang.notes == QStringLiteral("老客户"));
    const Member li = member(shop, QStringLiteral("13900139000"));
    CHECK(li.levelName == QStringLiteral("银卡"));
    CHECK(li.principal == fen(100000));
    CHECK(li.birthday == QStringLiteral("05-20"));
    // The imported points and balance are real: they pay at the till like any other.
    auto usable = usablePoints(shop.ctx().db(), zhang.id, shop.clock.nowMs());
    REQUIRE(usable.ok());
    CHECK(*usable == 1200);
    // Nothing came into any drawer, no welcome coupon went to customers the shop already had.
    CHECK(shop.count(QStringLiteral("sales")) == 0);
    CHECK(shop.count(QStringLiteral("coupons"), QStringLiteral("member_id = ?"), {zhang.id}) == 0);
    requireClean(shop);
}

TEST_CASE("exported members import into a new store as they were, formula cells neutralised and read back",
          "[membercsv]")
{
    TestShop from;
    const QString csv = QStringLiteral(
        "phone,name,gender,birthday,card,level,points,principal,bonus,growth,net_spend,notes,consent\n"
        "13800138000,张三,F,1988-02-29,VIP-0001,,320,500.00,50.00,1500,1520.30,\"=HYPERLINK(\"\"x\"\")\",yes\n"
        "15900001111,Li Si,,,,,0,0,0,0,0,-,no\n");
    const MemberImportReport first = importText(from, QByteArray("\xEF\xBB\xBF") + csv.toUtf8());
    INFO(first.error.toStdString());
    INFO((first.errors.isEmpty() ? QString() : first.errors.first().message).toStdString());
    REQUIRE(first.errors.isEmpty());
    REQUIRE(first.added == 2);
    CHECK(first.encoding == QStringLiteral("UTF-8 BOM"));
    const Member zhang = member(from, QStringLiteral("13800138000"));
    CHECK(zhang.levelName == QStringLiteral("银卡")); // growth 1,500 reaches 银卡 (1,000), not 金卡 (5,000)
    CHECK(zhang.growth == 1500);
    CHECK(zhang.netSpend == fen(152030));
    CHECK(zhang.principal == fen(50000));
    CHECK(zhang.bonus == fen(5000));
    CHECK(zhang.consent);
    requireClean(from);

    const QByteArray out = exportBytes(from);
    CHECK(out.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(out.mid(3));
    CHECK(text.startsWith(QStringLiteral("手机号,姓名,性别,生日,卡号,等级,积分,余额,本金,赠送")));
    CHECK(text.contains(QStringLiteral("\r\n")));
    CHECK(text.contains(QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\""))); // Excel shows it, never runs it
    CHECK(text.contains(QStringLiteral("13800138000,张三,女,1988-02-29,VIP-0001,银卡,320,550.00,500.00,50.00,1500,1520.30")));

    // The test shop's own members are in both stores: they come back as duplicates, never merged.
    TestShop to;
    const qint64 already = to.count(QStringLiteral("members"));
    REQUIRE(already == from.count(QStringLiteral("members")) - 2);
    const MemberImportReport second = importText(to, out);
    INFO(second.error.toStdString());
    CHECK(second.error.isEmpty());
    CHECK(second.added == 2);
    CHECK(second.duplicates() == already);
    CHECK(second.errors.size() == already);
    const Member copy = member(to, QStringLiteral("13800138000"));
    CHECK(copy.name == zhang.name);
    CHECK(copy.gender == zhang.gender);
    CHECK(copy.birthday == zhang.birthday);
    CHECK(copy.cardNo == zhang.cardNo);
    CHECK(copy.levelName == zhang.levelName);
    CHECK(copy.points == zhang.points);
    CHECK(copy.principal == zhang.principal);
    CHECK(copy.bonus == zhang.bonus);
    CHECK(copy.growth == zhang.growth);
    CHECK(copy.netSpend == zhang.netSpend);
    CHECK(copy.notes == QStringLiteral("=HYPERLINK(\"x\")"));
    CHECK(copy.consent);
    CHECK(copy.createdAtMs == zhang.createdAtMs - zhang.createdAtMs % 1000); // the export keeps seconds
    CHECK(member(to, QStringLiteral("15900001111")).notes == QStringLiteral("-"));
    requireClean(to);

    // The same file again adds nobody: every row is a duplicate, said as one.
    const MemberImportReport again = importText(to, out);
    CHECK(again.added == 0);
    CHECK(again.duplicates() == already + 2);
    CHECK(to.count(QStringLiteral("members")) == already + 2);
}

TEST_CASE("a member file must name the phone column, and a balance must add up to its parts", "[membercsv]")
{
    TestShop shop;
    const MemberImportReport noPhone = importText(shop, QByteArray("姓名,积分\n张三,10\n"));
    CHECK_FALSE(noPhone.error.isEmpty());
    CHECK(noPhone.added == 0);
    CHECK(importText(shop, QByteArray()).error.contains(QStringLiteral("empty")));

    const MemberImportReport r = importText(
        shop, QStringLiteral("手机号,余额,本金,赠送,营销许可,注册时间\n"
                             "13800138000,100.00,90.00,10.00,是,2024-03-01\n"
                             "13900139000,100.00,90.00,5.00,,\n"
                             "13700137000,,,,也许,\n"
                             "13600136000,,,,,2099-01-01\n")
                  .toUtf8());
    CHECK(r.added == 1);
    REQUIRE(errorOnLine(r, 3));
    CHECK(errorOnLine(r, 3)->message.contains(QStringLiteral("100.00")));
    REQUIRE(errorOnLine(r, 4));
    CHECK(errorOnLine(r, 4)->message.contains(QStringLiteral("也许")));
    REQUIRE(errorOnLine(r, 5));
    CHECK(errorOnLine(r, 5)->message.contains(QStringLiteral("2099-01-01")));
    const Member m = member(shop, QStringLiteral("13800138000"));
    CHECK(m.principal == fen(9000));
    CHECK(m.bonus == fen(1000));
    CHECK(m.consent);
    CHECK(shop.ctx().time().localDate(m.createdAtMs) == QDate(2024, 3, 1));
    // Stored value brought in pays like any other, principal and bonus in the lot's ratio.
    auto balance = storedBalance(shop.ctx().db(), m.id);
    REQUIRE(balance.ok());
    CHECK(balance->total() == fen(10000));
    requireClean(shop);
}
