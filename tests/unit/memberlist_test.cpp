// The member screen's list: every member, newest first, read a page at a time, any row as quick as
// the first; filters by phone digits, name, level, birthday month and balance.

#include "members/memberlist.h"
#include "testsupport.h"

using namespace huike;
using huike::test::TestShop;

TEST_CASE("the member list reads pages by id, newest first, and filters as the manager asks",
          "[members][list]")
{
    TestShop shop;
    const qint64 before = shop.count(QStringLiteral("members"));
    // 600 more members: three pages and then some, born in every month.
    {
        WriteTransaction tx(shop.ctx().db());
        REQUIRE(tx.began());
        for (int i = 0; i < 600; ++i)
            shop.execRaw(QStringLiteral("INSERT INTO members(phone, name, pinyin, birthday, created_at_ms) VALUES (?, ?, ?, ?, 0)"),
                         {QStringLiteral("1581234%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("会员%1").arg(i),
                          QStringLiteral("hy"), QStringLiteral("1990-%1-15").arg(1 + i % 12, 2, 10, QLatin1Char('0'))});
        REQUIRE(tx.commit().ok());
    }
    MemberList list(shop.ctx().db());
    REQUIRE(list.load({}).ok());
    REQUIRE(list.size() == before + 600);
    auto newest = list.at(0);
    REQUIRE(newest.ok());
    CHECK(newest->phone == QStringLiteral("15812340599"));
    auto oldest = list.at(list.size() - 1);
    REQUIRE(oldest.ok());
    CHECK(oldest->id < newest->id);
    CHECK(list.pagesRead() == 2);
    // Every row, top to bottom: each page read once, each row the member of its id.
    for (int row = 0; row < list.size(); ++row) {
        auto m = list.at(row);
        REQUIRE(m.ok());
        REQUIRE(m->id == list.idAt(row));
    }
    CHECK(list.pagesRead() == (list.size() + MemberList::kPageSize - 1) / MemberList::kPageSize); // kept, not read again

    MemberFilter f;
    f.text = QStringLiteral("0599");
    REQUIRE(list.load(f).ok());
    REQUIRE(list.size() == 1);
    CHECK(list.at(0)->name == QStringLiteral("会员599"));
    f.text = QStringLiteral("会员59");
    REQUIRE(list.load(f).ok());
    CHECK(list.size() == 11); // 会员59 and 会员590-599
    f = MemberFilter{};
    f.birthdayMonth = 5;
    REQUIRE(list.load(f).ok());
    CHECK(list.size() >= 50); // 600 / 12, and the demo members born in May
    for (int row = 0; row < list.size(); ++row)
        CHECK(list.at(row)->birthday.mid(5, 2) == QStringLiteral("05"));
    f = MemberFilter{};
    f.withStoredValue = true;
    const qint64 m = shop.addMember(QStringLiteral("13800138000"), QStringLiteral("孙丽"));
    REQUIRE(shop.recharge(m, Money::fromYuan(500)).ok());
    REQUIRE(list.load(f).ok());
    bool found = false;
    for (int row = 0; row < list.size(); ++row) {
        CHECK((list.at(row)->principal + list.at(row)->bonus).fen() > 0);
        found = found || list.idAt(row) == m;
    }
    CHECK(found);
}
