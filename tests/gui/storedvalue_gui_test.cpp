// Stored value at the till: Ctrl+R recharges the attached member (a tier is one key, the bonus shows
// before Enter), and F6 in the payment window pays from it, behind the member's PIN when they set one.
#include "common/appsession.h"
#include "common/catchqt.h"
#include "counter/cartmodel.h"
#include "counter/cashierwidget.h"
#include "counter/memberdialog.h"
#include "counter/receiptdialog.h"
#include "counter/rechargedialog.h"
#include "counter/refunddialog.h"
#include "counter/tenderdialog.h"
#include "core/uuid.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "members/storedvalue.h"

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>

#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

namespace {

qint64 addMember(AppContext &ctx, const QString &phone, const QString &name)
{
    MemberInput in;
    in.phone = phone;
    in.name = name;
    auto m = ctx.members().registerMember(in, 0);
    REQUIRE(m.ok());
    return m->id;
}

void attach(CashierWidget *cashier, const QString &phone)
{
    onNextDialog<MemberDialog>([phone](MemberDialog *d) {
        QTest::keyClicks(d->searchField(), phone);
        QTest::keyClick(d->searchField(), Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_M, Qt::ControlModifier);
    checkDialogs();
}

StoredBalance balanceOf(AppContext &ctx, qint64 id)
{
    auto b = storedBalance(ctx.db(), id);
    REQUIRE(b.ok());
    return *b;
}

} // namespace

TEST_CASE("Ctrl+R recharges the attached member: 充500送50 is one key, and the receipt follows", "[gui][members][stored]")
{
    Store store;
    const qint64 id = addMember(*store.ctx, QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    AppSession session(*store.ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    attach(cashier, QStringLiteral("13800138000"));

    onNextDialog<RechargeDialog>([](RechargeDialog *d) {
        auto *amount = d->findChild<QLineEdit *>(QStringLiteral("rechargeAmount"));
        auto *preview = d->findChild<QLabel *>(QStringLiteral("rechargePreview"));
        // Enter with nothing typed records nothing and says why.
        QTest::keyClick(amount, Qt::Key_Return);
        CHECK_FALSE(d->findChild<QLabel *>(QStringLiteral("rechargeMessage"))->text().isEmpty());
        QTest::keyClick(d, Qt::Key_1, Qt::ControlModifier); // the first tier: 充500送50
        CHECK(amount->text() == QStringLiteral("500.00"));
        CHECK(preview->text().contains(QStringLiteral("50.00")));
        CHECK(preview->text().contains(QStringLiteral("550.00")));
        screenshot(d, QStringLiteral("recharge"));
        QTest::keyClick(amount, Qt::Key_Return);
    });
    onNextDialog<ReceiptDialog>([](ReceiptDialog *d) { d->reject(); });
    QTest::keyClick(cashier->searchField(), Qt::Key_R, Qt::ControlModifier);
    checkDialogs();
    CHECK(balanceOf(*store.ctx, id) == StoredBalance{Money::fromYuan(500), Money::fromYuan(50)});
    CHECK(cashier->findChild<QLabel *>(QStringLiteral("memberInfo"))->text().contains(QStringLiteral("550.00")));
    CHECK(cashier->findChild<QLabel *>(QStringLiteral("message"))->text().contains(QStringLiteral("550.00")));
}

TEST_CASE("F6 pays from stored value after the member types their PIN, and a wrong PIN takes nothing",
          "[gui][members][stored]")
{
    Store store;
    const qint64 id = addMember(*store.ctx, QStringLiteral("13900139000"), QStringLiteral("王建国"));
    {
        auto shift = store.ctx->shifts().currentOrOpen(1, Money());
        REQUIRE(shift.ok());
        RechargeRequest r;
        r.uuid = newUuid();
        r.memberId = id;
        r.amount = Money::fromYuan(1000);
        r.tenders = {{Tender::Cash, r.amount, {}}};
        r.operatorId = shift->operatorId;
        r.shiftId = shift->id;
        REQUIRE(store.ctx->storedValue().recharge(r).ok());
        REQUIRE(store.ctx->shifts().close(shift->id, r.amount, shift->operatorId).ok());
        REQUIRE(setMemberPin(store.ctx->db(), g_clock, id, QStringLiteral("2468"), {}, 0).ok());
    }
    AppSession session(*store.ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    for (const QString &c : store.barcodes(2)) {
        QTest::keyClicks(cashier->searchField(), c);
        QTest::keyClick(cashier->searchField(), Qt::Key_Return);
    }
    attach(cashier, QStringLiteral("13900139000"));
    const Money total = cashier->cart().priced().total;

    onNextDialog<TenderDialog>([cashier, total](TenderDialog *d) {
        auto *amount = d->findChild<QLineEdit *>(QStringLiteral("tenderAmount"));
        QTest::keyClick(amount, Qt::Key_F6);
        CHECK(amount->text() == total.toString()); // the balance covers it all
        // A wrong PIN: refused, nothing taken, the tries left said.
        onNextDialog<QInputDialog>([](QInputDialog *pin) {
            pin->setTextValue(QStringLiteral("1111"));
            pin->accept();
        });
        QTest::keyClick(amount, Qt::Key_Return);
        CHECK(cashier->cart().cart().payments().isEmpty());
        CHECK(d->findChild<QLabel *>(QStringLiteral("tenderMessage"))->text().contains(QStringLiteral("4")));
        screenshot(d, QStringLiteral("tender-stored"));
        onNextDialog<QInputDialog>([](QInputDialog *pin) {
            pin->setTextValue(QStringLiteral("2468"));
            pin->accept();
        });
        QTest::keyClick(amount, Qt::Key_Return); // paid exactly from stored value: the sale is done
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_F12);
    checkDialogs();
    REQUIRE_FALSE(cashier->lastReceiptNo().isEmpty());
    CHECK(balanceOf(*store.ctx, id).total() == Money::fromYuan(1120) - total);
}

TEST_CASE("F8 on a recharge receipt pays back the unspent principal and takes back its bonus",
          "[gui][members][stored]")
{
    Store store;
    const qint64 id = addMember(*store.ctx, QStringLiteral("13700137000"), QStringLiteral("李秀英"));
    AppSession session(*store.ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    const auto shift = session.shift();
    REQUIRE(shift.has_value());
    RechargeRequest r;
    r.uuid = newUuid();
    r.memberId = id;
    r.amount = Money::fromYuan(500);
    r.tenders = {{Tender::WeChat, r.amount, QStringLiteral("4200001234202612030001234567")}};
    r.operatorId = session.op().id;
    r.shiftId = shift->id;
    auto recharged = store.ctx->storedValue().recharge(r);
    INFO((recharged ? QString() : recharged.error().message).toStdString());
    REQUIRE(recharged.ok());
    const QString receipt = recharged->document.receiptNo;

    onNextDialog<RefundDialog>([receipt](RefundDialog *d) {
        auto *number = d->findChild<QLineEdit *>(QStringLiteral("refundReceipt"));
        QTest::keyClicks(number, receipt);
        QTest::keyClick(number, Qt::Key_Return);
        auto *table = d->findChild<QTableWidget *>();
        REQUIRE(table->rowCount() == 1);
        CHECK(table->item(0, 0)->text().contains(QStringLiteral("李秀英")));
        CHECK(table->item(0, 4)->text() == QStringLiteral("¥500.00"));
        auto *plan = d->findChild<QLabel *>(QStringLiteral("refundPlan"));
        CHECK(plan->text().contains(QStringLiteral("微信")));
        CHECK(plan->text().contains(QStringLiteral("50.00"))); // the bonus taken back
        QTest::keyClick(d, Qt::Key_F5); // all in cash instead: the plan follows
        CHECK(plan->text().contains(QStringLiteral("现金")));
        QTest::keyClick(d, Qt::Key_F5);
        // No reason: nothing is refunded, and the dialog says why.
        QTest::keyClick(d, Qt::Key_F12);
        CHECK(d->isVisible());
        auto *reason = d->findChild<QComboBox *>(QStringLiteral("refundReason"));
        reason->setFocus();
        reason->lineEdit()->insert(QStringLiteral("顾客搬家"));
        screenshot(d, QStringLiteral("refund-recharge"));
        approveAsManager();
        onNextDialog<ReceiptDialog>([](ReceiptDialog *shown) { shown->reject(); });
        QTest::keyClick(d, Qt::Key_F12);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_F8);
    checkDialogs();
    CHECK(balanceOf(*store.ctx, id) == StoredBalance{});
    // Refunded once: a second try says so and pays nothing more.
    auto again = store.ctx->storedValue().refundPreview(receipt);
    CHECK_FALSE(again.ok());
}
