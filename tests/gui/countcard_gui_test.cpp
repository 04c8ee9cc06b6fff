// Count cards at the till: the member panel lists the cards a member can use today, and F7 in the
// payment window puts them on the units of their service, so only the rest is paid.
#include "common/appsession.h"
#include "common/catchqt.h"
#include "core/uuid.h"
#include "counter/cartmodel.h"
#include "counter/cashierwidget.h"
#include "counter/memberdialog.h"
#include "counter/tenderdialog.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "members/countcards.h"
#include "members/earnings.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

namespace {

Product saved(AppContext &ctx, const QString &code, const QString &name, const QString &barcode,
              qint64 priceFen)
{
    Product p;
    p.code = code;
    p.name = name;
    p.unit = QStringLiteral("次");
    p.price = Money::fromFen(priceFen);
    p.stockMilli = 1'000'000;
    p.barcodes = {barcode};
    auto id = ctx.catalog().save(p, 1);
    INFO((id ? QString() : id.error().message).toStdString());
    REQUIRE(id.ok());
    auto loaded = ctx.catalog().byId(*id);
    REQUIRE(loaded.ok());
    return *loaded;
}

} // namespace

TEST_CASE("F7 in the payment window puts the member's count card on the washes, only the rest is paid",
          "[gui][members][countcards]")
{
    Store store;
    AppContext &ctx = *store.ctx;
    const Product card = saved(ctx, QStringLiteral("C10"), QStringLiteral("洗车10次卡"),
                               QStringLiteral("2900000000100"), 30000);
    const Product wash =
        saved(ctx, QStringLiteral("S01"), QStringLiteral("普通洗车"), QStringLiteral("2900000000018"), 4000);
    CountCardPlan plan;
    plan.name = QStringLiteral("洗车10次卡");
    plan.cardProductId = card.id;
    plan.serviceProductId = wash.id;
    plan.uses = 10;
    plan.validityDays = 365;
    REQUIRE(addCountCardPlan(ctx.db(), plan).ok());
    MemberInput in;
    in.phone = QStringLiteral("13800138000");
    in.name = QStringLiteral("赵磊");
    auto member = ctx.members().registerMember(in, 0);
    REQUIRE(member.ok());
    {
        auto shift = ctx.shifts().currentOrOpen(1, Money());
        REQUIRE(shift.ok());
        auto price = memberPrice(ctx.db(), member->id);
        REQUIRE(price.ok());
        CheckoutRequest r;
        r.uuid = newUuid();
        r.operatorId = shift->operatorId;
        r.shiftId = shift->id;
        r.member = *price;
        r.lines = {cartLineFor(card)};
        r.tenders = {{Tender::Cash, card.price, {}}};
        REQUIRE(ctx.checkout().commit(r).ok());
        REQUIRE(ctx.shifts().close(shift->id, card.price, shift->operatorId).ok());
    }

    AppSession session(ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    const QString other = store.barcodes(1).first();
    for (const QString &code : {wash.barcodes.first(), wash.barcodes.first(), other}) {
        QTest::keyClicks(cashier->searchField(), code);
        QTest::keyClick(cashier->searchField(), Qt::Key_Return);
    }
    onNextDialog<MemberDialog>([](MemberDialog *d) {
        QTest::keyClicks(d->searchField(), QStringLiteral("13800138000"));
        QTest::keyClick(d->searchField(), Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_M, Qt::ControlModifier);
    checkDialogs();
    CHECK(cashier->findChild<QLabel *>(QStringLiteral("memberInfo"))
              ->text()
              .contains(QStringLiteral("洗车10次卡")));
    const Money otherPrice = cashier->cart().priced().lines.at(1).amount;

    onNextDialog<TenderDialog>([cashier, otherPrice](TenderDialog *d) {
        auto *button = d->findChild<QPushButton *>(QStringLiteral("useCountCard"));
        REQUIRE(button);
        CHECK(button->isEnabled());
        QTest::keyClick(d, Qt::Key_F7);
        // The two washes are the card's: what is due is the other item alone.
        CHECK(cashier->cart().priced().total == otherPrice);
        CHECK(d->findChild<QLabel *>(QStringLiteral("total"))->text().contains(otherPrice.display()));
        CHECK(d->findChild<QLabel *>(QStringLiteral("tenderStatus"))
                  ->text()
                  .contains(QStringLiteral("洗车10次卡")));
        // Pressed again: nothing more to cover, and it says so.
        QTest::keyClick(d, Qt::Key_F7);
        CHECK_FALSE(d->findChild<QLabel *>(QStringLiteral("tenderMessage"))->text().isEmpty());
        screenshot(d, QStringLiteral("tender-countcard"));
        screenshot(cashier->window(), QStringLiteral("cashier-countcard"));
        QTest::keyClick(d->findChild<QLineEdit *>(QStringLiteral("tenderAmount")), Qt::Key_Return);
        CHECK(d->covered());
        QTest::keyClick(d, Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_F12);
    checkDialogs();
    REQUIRE_FALSE(cashier->lastReceiptNo().isEmpty());
    auto cards = memberCountCards(ctx.db(), member->id);
    REQUIRE(cards.ok());
    REQUIRE(cards->size() == 1);
    CHECK(cards->first().usesLeft == 8);
}
