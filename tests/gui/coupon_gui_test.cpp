// Coupons at the till: a member's coupon scanned at the counter attaches its member and takes its
// amount off; Ctrl+K lists the member's usable coupons to tick (one per order is refused with why);
// the sale uses the coupon, and the receipt says what the purchase earned for next time.
#include "common/appsession.h"
#include "common/catchqt.h"
#include "counter/cartmodel.h"
#include "counter/cashierwidget.h"
#include "counter/coupondialog.h"
#include "counter/receiptdialog.h"
#include "counter/tenderdialog.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "members/coupons.h"
#include "members/earnings.h"

#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>
#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

TEST_CASE("a member's coupon scanned at the till attaches the member and takes its amount off, Ctrl+K "
          "ticks the others, one per order",
          "[gui][members][coupons]")
{
    Store store;
    AppContext &ctx = *store.ctx;
    Product gift;
    gift.code = QStringLiteral("G01");
    gift.name = QStringLiteral("茶叶礼盒");
    gift.unit = QStringLiteral("盒");
    gift.price = Money::fromYuan(40);
    gift.stockMilli = 100'000;
    gift.barcodes = {QStringLiteral("6901234500011")};
    REQUIRE(ctx.catalog().save(gift, 1).ok());
    CouponType type;
    type.name = QStringLiteral("满30减8");
    type.value = Money::fromYuan(8);
    type.minSpend = Money::fromYuan(30);
    type.validDays = 30;
    REQUIRE(addCouponType(ctx.db(), type).ok());
    MemberInput in;
    in.phone = QStringLiteral("13712345678");
    in.name = QStringLiteral("孙丽");
    auto member = ctx.members().registerMember(in, 0);
    REQUIRE(member.ok());
    const LedgerContext where{ctx.checkout().store().storeId, 0, 0, g_clock.nowMs(), &ctx.time()};
    auto first = issueCouponNow(ctx.db(), where, type.name, member->id);
    auto second = issueCouponNow(ctx.db(), where, type.name, member->id);
    REQUIRE(first.ok());
    REQUIRE(second.ok());

    AppSession session(ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    QTest::keyClicks(cashier->searchField(), gift.barcodes.first());
    QTest::keyClick(cashier->searchField(), Qt::Key_Return);
    // Her coupon, scanned before any card: it says who she is, and takes ¥8 off.
    cashier->addScanned(first->code);
    CHECK(cashier->cart().cart().memberId() == member->id);
    CHECK(cashier->findChild<QLabel *>(QStringLiteral("memberInfo"))->text().contains(QStringLiteral("孙丽")));
    CHECK(cashier->cart().priced().total == Money::fromYuan(32));
    CHECK(cashier->findChild<QLabel *>(QStringLiteral("saleCoupons"))->text().contains(QStringLiteral("满30减8")));
    CHECK(cashier->message().contains(QStringLiteral("8.00")));
    // Scanned again: on the sale already.
    cashier->addScanned(first->code);
    CHECK(cashier->message().contains(first->code));
    CHECK(cashier->cart().priced().total == Money::fromYuan(32));

    onNextDialog<CouponDialog>([&](CouponDialog *d) {
        QTableWidget *t = d->table();
        REQUIRE(t->rowCount() == 2);
        CHECK(t->item(0, 4)->text() == first->code);
        CHECK_FALSE(t->item(0, 0)->text().isEmpty()); // ticked: on the sale
        CHECK(t->item(1, 0)->text().isEmpty());
        // Both ticked: one per order, refused with why, and the dialog stays.
        QTest::keyClick(d->codeField(), Qt::Key_Down);
        QTest::keyClick(d->codeField(), Qt::Key_Space);
        CHECK_FALSE(t->item(1, 0)->text().isEmpty());
        QTest::keyClick(d->codeField(), Qt::Key_Return);
        CHECK(d->isVisible());
        INFO(d->message()->text().toStdString());
        CHECK(d->message()->text().contains(QStringLiteral("每单限用一张"))); // the screens speak Chinese
        screenshot(d, QStringLiteral("coupons"));
        // The first one off, the second on: Enter applies.
        QTest::keyClick(d->codeField(), Qt::Key_Up);
        QTest::keyClick(d->codeField(), Qt::Key_Space);
        QTest::keyClick(d->codeField(), Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_K, Qt::ControlModifier);
    checkDialogs();
    REQUIRE(cashier->cart().cart().couponCodes() == QStringList{second->code});
    CHECK(cashier->cart().priced().total == Money::fromYuan(32));
    screenshot(cashier->window(), QStringLiteral("cashier-coupon"));

    // The line taken down to nothing but the coupon's minimum: below ¥30 it takes nothing off, and
    // paying is refused until goods are added or the coupon taken off.
    QTest::keyClick(cashier->searchField(), Qt::Key_Delete);
    CHECK(cashier->cart().isEmpty());
    QTest::keyClicks(cashier->searchField(), gift.barcodes.first());
    QTest::keyClick(cashier->searchField(), Qt::Key_Return);
    CHECK(cashier->cart().priced().total == Money::fromYuan(32));

    onNextDialog<TenderDialog>([](TenderDialog *d) {
        QTest::keyClick(d->findChild<QLineEdit *>(QStringLiteral("tenderAmount")), Qt::Key_Return);
        CHECK(d->covered());
        QTest::keyClick(d, Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_F12);
    checkDialogs();
    REQUIRE_FALSE(cashier->lastReceiptNo().isEmpty());
    CHECK(couponByCode(ctx.db(), second->code)->state == QStringLiteral("used"));
    CHECK(couponByCode(ctx.db(), first->code)->state == QStringLiteral("unused"));
    CHECK(cashier->findChild<QLabel *>(QStringLiteral("saleCoupons"))->isHidden());
}

TEST_CASE("the till issues today's birthday coupons when it starts, once", "[gui][members][coupons]")
{
    Store store; // the demo store has 生日券 无门槛10元, issued on the birthday
    AppContext &ctx = *store.ctx;
    MemberInput in;
    in.phone = QStringLiteral("13712345679");
    in.name = QStringLiteral("周敏");
    in.birthday = ctx.time().localDate(g_clock.nowMs()).addYears(-30).toString(Qt::ISODate);
    auto member = ctx.members().registerMember(in, 0);
    REQUIRE(member.ok());
    auto birthdayCoupons = [&] {
        auto held = memberCoupons(ctx.db(), member->id);
        REQUIRE(held.ok());
        return std::count_if(held->cbegin(), held->cend(),
                             [](const Coupon &c) { return c.typeName.startsWith(QStringLiteral("生日券")); });
    };
    CHECK(birthdayCoupons() == 0);
    {
        AppSession session(ctx);
        QTest::qWait(0); // the first turn of the event loop, as when the window comes up
        CHECK(birthdayCoupons() == 1);
    }
    AppSession again(ctx); // a second till, or a restart: not twice
    QTest::qWait(0);
    CHECK(birthdayCoupons() == 1);
}
