// 会员 (Ctrl+3): the member list finds by the phone's last four digits and filters by birthday month;
// scrolled to the end it reads only the pages it shows.
#include "common/appsession.h"
#include "common/catchqt.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "members/memberswidget.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

TEST_CASE("the member list: every member, found by last four digits, filtered by birthday month, read a page "
          "at a time",
          "[gui][members][list]")
{
    Store store;
    AppContext &ctx = *store.ctx;
    {
        WriteTransaction tx(ctx.db());
        REQUIRE(tx.began());
        for (int i = 0; i < 3000; ++i)
            REQUIRE(ctx.db()
                        .exec(QStringLiteral("INSERT INTO members(phone, name, pinyin, birthday, created_at_ms) VALUES (?, "
                                             "?, 'hy', ?, 0)"),
                              {QStringLiteral("1591234%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("会员%1").arg(i),
                               QStringLiteral("1988-%1-09").arg(1 + i % 12, 2, 10, QLatin1Char('0'))})
                        .ok());
        REQUIRE(tx.commit().ok());
    }
    AppSession session(ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    MembersWidget *members = w.members();
    REQUIRE(members->isVisible());
    const int all = members->model().rowCount();
    CHECK(all == 3030); // and the demo's 30
    CHECK(members->findChild<QLabel *>(QStringLiteral("memberCount"))->text().contains(QString::number(all)));
    // To the last row: the pages shown are read, not the ones scrolled past.
    members->table()->scrollToBottom();
    QTest::qWait(0);
    CHECK(members->model().pagesRead() <= 3);
    CHECK(members->model().data(members->model().index(all - 1, MemberListModel::Name), Qt::DisplayRole).isValid());
    // The cashier sees phones masked, as at the till.
    CHECK(members->model().data(members->model().index(0, MemberListModel::Phone), Qt::DisplayRole).toString().contains(QStringLiteral("****")));
    screenshot(w.window(), QStringLiteral("members"));

    QTest::keyClicks(members->searchField(), QStringLiteral("2999"));
    QTest::keyClick(members->searchField(), Qt::Key_Return);
    REQUIRE(members->model().rowCount() == 1);
    CHECK(members->model().data(members->model().index(0, MemberListModel::Name), Qt::DisplayRole).toString() ==
          QStringLiteral("会员2999"));
    members->searchField()->clear();
    auto *month = members->findChild<QComboBox *>(QStringLiteral("birthdayMonth"));
    month->setCurrentIndex(5); // born in May
    QTest::qWait(300);
    CHECK(members->model().rowCount() >= 250);
    for (int row = 0; row < members->model().rowCount(); row += 37)
        CHECK(members->model().memberIdAt(row) > 0);
}
