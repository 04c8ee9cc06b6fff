// Members at the till: found by the last four digits of the phone (picked from the matches), by a
// scanned card, or registered on the spot from a new phone; the cart is then priced at the
// member's level and the sale is theirs.
#include "common/appsession.h"
#include "common/catchqt.h"
#include "counter/cartmodel.h"
#include "counter/cashierwidget.h"
#include "counter/memberdialog.h"
#include "counter/tenderdialog.h"
#include "guisupport.h"
#include "members/profile.h"
#include "mainwindow.h"
#include "members/earnings.h"
#include "members/points.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>

#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

namespace {

qint64 addMember(AppContext &ctx, const QString &phone, const QString &name, const QString &card = {})
{
    MemberInput in;
    in.phone = phone;
    in.name = name;
    in.cardNo = card;
    auto m = ctx.members().registerMember(in, 0);
    REQUIRE(m.ok());
    return m->id;
}

void scan(CashierWidget *cashier, const QString &code)
{
    QTest::keyClicks(cashier->searchField(), code);
    QTest::keyClick(cashier->searchField(), Qt::Key_Return);
}

void payCashExact()
{
    onNextDialog<TenderDialog>([](TenderDialog *d) {
        QTest::keyClick(d->findChild<QLineEdit *>(QStringLiteral("tenderAmount")), Qt::Key_Return);
        QTest::keyClick(d, Qt::Key_Return);
    });
}

QString memberPanel(CashierWidget *cashier)
{
    return cashier->findChild<QLabel *>(QStringLiteral("memberInfo"))->text();
}

} // namespace

TEST_CASE("the cashier types the last four digits, picks the member from the matches and sells at their level",
          "[gui][members]")
{
    Store store;
    addMember(*store.ctx, QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    const qint64 wang = addMember(*store.ctx, QStringLiteral("13900138000"), QStringLiteral("王建国"));
    // 王建国 is 银卡: 95折.
    QSqlQuery(store.ctx->db().db()).exec(QStringLiteral("UPDATE members SET level_id = 2 WHERE id = %1").arg(wang));
    // And a regular the shop tagged: the cashier sees it on the panel.
    {
        WriteTransaction tx(store.ctx->db());
        REQUIRE(tx.began());
        REQUIRE(writeMemberExtras(store.ctx->db(), wang, {QStringLiteral("VIP"), QStringLiteral("老顾客")}, {}).ok());
        REQUIRE(tx.commit().ok());
    }
    AppSession session(*store.ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    const QStringList codes = store.barcodes(2);
    scan(cashier, codes.at(0));
    scan(cashier, codes.at(1));
    const Money before = cashier->cart().priced().total;
    CHECK(memberPanel(cashier).contains(QStringLiteral("Ctrl+M")));

    // "8000" typed, then Ctrl+M: both members whose phones end so are listed, masked.
    QTest::keyClicks(cashier->searchField(), QStringLiteral("8000"));
    onNextDialog<MemberDialog>([](MemberDialog *d) {
        auto *table = d->findChild<QTableWidget *>(QStringLiteral("memberMatches"));
        REQUIRE(table->rowCount() == 2);
        CHECK(table->item(0, 1)->text() == QStringLiteral("138****8000"));
        CHECK(table->item(1, 1)->text() == QStringLiteral("139****8000"));
        CHECK(table->item(1, 3)->text() == QStringLiteral("银卡"));
        QTest::keyClick(d->searchField(), Qt::Key_Down);
        screenshot(d, QStringLiteral("member-find"));
        QTest::keyClick(d->searchField(), Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_M, Qt::ControlModifier);
    checkDialogs();
    REQUIRE(cashier->cart().cart().memberId() == wang);
    CHECK(cashier->searchField()->text().isEmpty());
    CHECK(memberPanel(cashier).contains(QStringLiteral("王建国")));
    CHECK(memberPanel(cashier).contains(QStringLiteral("139****8000")));
    CHECK(memberPanel(cashier).contains(QStringLiteral("银卡")));
    CHECK(memberPanel(cashier).contains(QStringLiteral("标签：VIP、老顾客")));
    const Money atLevel = cashier->cart().priced().total;
    CHECK(atLevel < before);
    CHECK(cashier->cart().priced().lines.at(0).adjustments.at(0).source == kAdjustLevelPrice);
    screenshot(&w, QStringLiteral("cashier-member"));

    payCashExact();
    QTest::keyClick(cashier->searchField(), Qt::Key_F12);
    checkDialogs();
    REQUIRE_FALSE(cashier->lastReceiptNo().isEmpty());
    CHECK(cashier->cart().cart().memberId() == 0); // the next customer starts without one
    QSqlQuery q(store.ctx->db().db());
    q.exec(QStringLiteral("SELECT member_id, total_fen FROM sales WHERE receipt_no = '%1'").arg(cashier->lastReceiptNo()));
    REQUIRE(q.next());
    CHECK(q.value(0).toLongLong() == wang);
    CHECK(q.value(1).toLongLong() == atLevel.fen());
    q.exec(QStringLiteral("SELECT growth FROM members WHERE id = %1").arg(wang));
    REQUIRE(q.next());
    CHECK(q.value(0).toLongLong() == atLevel.fen() / 100);
}

TEST_CASE("a new customer is registered at the till from the phone typed, and a member card is scanned",
          "[gui][members]")
{
    Store store;
    addMember(*store.ctx, QStringLiteral("13700001111"), QStringLiteral("李娜"), QStringLiteral("HK0009"));
    const qint64 lost = addMember(*store.ctx, QStringLiteral("13700002222"), QStringLiteral("赵磊"));
    QSqlQuery(store.ctx->db().db()).exec(QStringLiteral("UPDATE members SET card_state = 'lost' WHERE id = %1").arg(lost));
    AppSession session(*store.ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    scan(cashier, store.barcodes(1).at(0));

    // A phone nobody has: Enter opens the registration with it filled in; a name is all that is added.
    onNextDialog<MemberDialog>([](MemberDialog *d) {
        QTest::keyClicks(d->searchField(), QStringLiteral("13612345678"));
        CHECK(d->matchCount() == 0);
        onNextDialog<RegisterMemberDialog>([](RegisterMemberDialog *r) {
            CHECK(r->findChild<QLineEdit *>(QStringLiteral("phone"))->text() == QStringLiteral("13612345678"));
            r->findChild<QLineEdit *>(QStringLiteral("name"))->insert(QStringLiteral("王小明"));
            screenshot(r, QStringLiteral("member-register"));
            QTest::keyClick(r->findChild<QLineEdit *>(QStringLiteral("name")), Qt::Key_Return);
        });
        QTest::keyClick(d->searchField(), Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_M, Qt::ControlModifier);
    checkDialogs();
    auto registered = store.ctx->members().byPhoneOrCard(QStringLiteral("13612345678"));
    REQUIRE(registered.ok());
    CHECK(registered->name == QStringLiteral("王小明"));
    CHECK(cashier->cart().cart().memberId() == registered->id);

    // Ctrl+M with a member attached offers to take them off.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(cashier->searchField(), Qt::Key_M, Qt::ControlModifier);
    CHECK(cashier->cart().cart().memberId() == 0);

    // A member card scanned like an item attaches its member.
    scan(cashier, QStringLiteral("HK0009"));
    CHECK(cashier->cart().rowCount() == 1);
    CHECK(memberPanel(cashier).contains(QStringLiteral("李娜")));

    // A card reported lost is refused in the dialog, with the reason, and nothing is attached.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(cashier->searchField(), Qt::Key_M, Qt::ControlModifier);
    onNextDialog<MemberDialog>([](MemberDialog *d) {
        QTest::keyClicks(d->searchField(), QStringLiteral("13700002222"));
        QTest::keyClick(d->searchField(), Qt::Key_Return);
        CHECK(d->isVisible());
        CHECK(d->findChild<QLabel *>(QStringLiteral("message"))->text().contains(QStringLiteral("挂失")));
        QTest::keyClick(d->searchField(), Qt::Key_Escape);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_M, Qt::ControlModifier);
    checkDialogs();
    CHECK(cashier->cart().cart().memberId() == 0);
}

TEST_CASE("F5 in the payment window pays with the member's points, within the cap, the rest in cash",
          "[gui][members][points]")
{
    Store store;
    const qint64 id = addMember(*store.ctx, QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    {
        auto approval = store.ctx->approvals().grant(QStringLiteral("8001"), QStringLiteral("8888"),
                                                     pointsAdjustScope(id, 5000), 0);
        REQUIRE(approval.ok());
        const LedgerContext where{store.ctx->checkout().store().storeId, 0, 0, store.ctx->clock().nowMs(),
                                  &store.ctx->time()};
        REQUIRE(adjustPoints(store.ctx->db(), where, id, 5000, QStringLiteral("老会员迁移"), approval->token).ok());
    }
    AppSession session(*store.ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    const QStringList codes = store.barcodes(3);
    for (const QString &c : codes)
        scan(cashier, c);
    onNextDialog<MemberDialog>([](MemberDialog *d) {
        QTest::keyClicks(d->searchField(), QStringLiteral("13800138000"));
        QTest::keyClick(d->searchField(), Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_M, Qt::ControlModifier);
    checkDialogs();
    const Money total = cashier->cart().priced().total;
    // At most half the sale, in whole points (10 fen each).
    const qint64 allowed = total.timesPermille(500).fen() / 10;

    onNextDialog<TenderDialog>([allowed, cashier](TenderDialog *d) {
        const auto payments = [cashier] { return cashier->cart().cart().payments(); };
        auto *amount = d->findChild<QLineEdit *>(QStringLiteral("tenderAmount"));
        QTest::keyClick(amount, Qt::Key_F5);
        CHECK(amount->text() == QString::number(allowed));
        // More than allowed is refused on the spot.
        amount->selectAll();
        QTest::keyClicks(amount, QString::number(allowed + 100));
        QTest::keyClick(amount, Qt::Key_Return);
        CHECK(payments().isEmpty());
        CHECK_FALSE(d->findChild<QLabel *>(QStringLiteral("tenderMessage"))->text().isEmpty());
        amount->selectAll();
        QTest::keyClicks(amount, QString::number(allowed));
        QTest::keyClick(amount, Qt::Key_Return);
        REQUIRE(payments().size() == 1);
        CHECK(payments().at(0).input.tender == Tender::Points);
        screenshot(d, QStringLiteral("tender-points"));
        QTest::keyClick(amount, Qt::Key_Return); // the rest in cash, exactly
        QTest::keyClick(d, Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_F12);
    checkDialogs();
    REQUIRE_FALSE(cashier->lastReceiptNo().isEmpty());
    auto member = store.ctx->members().byId(id);
    REQUIRE(member.ok());
    // What was paid in cash earns: 1 point per ¥10.
    const Money cashPart = total - Money::fromFen(allowed * 10);
    CHECK(member->points == 5000 - allowed + cashPart.fen() / 1000);
}
