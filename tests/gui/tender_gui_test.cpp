// The payment window as a cashier uses it: a payment once taken stays with the cart (Esc, a
// restart) and leaves only by a recorded reversal; cash that covers the total shows the change
// and waits for Enter; the tender being taken is the highlighted one; a refund says which tender
// the money goes back through.
#include "app/appcontext.h"
#include "common/appsession.h"
#include "common/catchqt.h"
#include "counter/cartmodel.h"
#include "counter/cashierwidget.h"
#include "counter/receiptdialog.h"
#include "counter/refunddialog.h"
#include "counter/tenderdialog.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "reports/integrity.h"

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>

#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

namespace {

const QString kWeChatCode = QStringLiteral("134200001234567890"); // the customer's code, as scanned

QLineEdit *amountOf(TenderDialog *d)
{
    return d->findChild<QLineEdit *>(QStringLiteral("tenderAmount"));
}

QPushButton *tenderButton(TenderDialog *d, const QString &key)
{
    return d->findChild<QPushButton *>(QStringLiteral("tender_") + key);
}

void scanAll(CashierWidget *cashier, const QStringList &codes)
{
    for (const QString &code : codes) {
        QTest::keyClicks(cashier->searchField(), code);
        QTest::keyClick(cashier->searchField(), Qt::Key_Return);
    }
}

} // namespace

TEST_CASE("a WeChat payment survives Esc and a restart, and leaves only as a recorded reversal", "[gui][tender]")
{
    Store store;
    const QString path = store.ctx->db().path();
    QString uuid;
    {
        AppSession session(*store.ctx);
        MainWindow w(session);
        logInAs(w, QStringLiteral("1001"), QStringLiteral("1234"), QStringLiteral("300"));
        w.show();
        QApplication::setActiveWindow(&w);
        CashierWidget *cashier = w.cashier();
        scanAll(cashier, store.barcodes(2).mid(0, 2));
        REQUIRE(cashier->cart().rowCount() == 2);
        uuid = cashier->cart().cart().uuid();

        // ¥10 by WeChat, then Esc: back to the cart, the payment kept.
        onNextDialog<TenderDialog>([](TenderDialog *d) {
            QLineEdit *amount = amountOf(d);
            QTest::keyClick(amount, Qt::Key_F3);
            CHECK(tenderButton(d, QStringLiteral("wechat"))->isChecked());
            CHECK_FALSE(tenderButton(d, QStringLiteral("cash"))->isChecked());
            amount->selectAll();
            QTest::keyClicks(amount, QStringLiteral("10"));
            QTest::keyClick(amount, Qt::Key_Return); // on to the reference
            auto *reference = d->findChild<QLineEdit *>(QStringLiteral("tenderReference"));
            REQUIRE(reference->hasFocus());
            QTest::keyClicks(reference, kWeChatCode);
            QTest::keyClick(reference, Qt::Key_Return);
            CHECK(d->findChild<QTableWidget *>(QStringLiteral("takenPayments"))->rowCount() == 1);
            CHECK(d->isVisible());
            QTest::keyClick(amountOf(d), Qt::Key_Escape);
        });
        QTest::keyClick(cashier->searchField(), Qt::Key_F12);
        REQUIRE(cashier->cart().cart().payments().size() == 1);
        CHECK(cashier->cart().cart().paid() == Money::fromYuan(10));
        CHECK(cashier->findChild<QLabel *>(QStringLiteral("paid"))->text() == QStringLiteral("10.00"));
        CHECK(cashier->message().contains(QStringLiteral("10.00")));

        // Esc on the cart will not clear it while money is on it.
        QApplication::setActiveWindow(&w);
        QTest::keyClick(cashier->searchField(), Qt::Key_Escape);
        CHECK(cashier->cart().rowCount() == 2);
        CHECK(cashier->message().contains(QStringLiteral("10.00")));
        // The till dies here: no quit, no hold.
    }
    store.ctx.reset();
    auto reopened = AppContext::open(path, g_clock, QStringLiteral("GUI"), true);
    REQUIRE(reopened.ok());
    store.ctx = std::move(*reopened);

    AppSession session(*store.ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("1001"), QStringLiteral("1234"), {});
    w.show();
    QApplication::setActiveWindow(&w);
    CashierWidget *cashier = w.cashier();
    // Straight after the login the sale is back, with its payment.
    REQUIRE(cashier->cart().rowCount() == 2);
    CHECK(cashier->cart().cart().uuid() == uuid);
    REQUIRE(cashier->cart().cart().payments().size() == 1);
    CHECK(cashier->message().contains(QStringLiteral("10.00")));
    screenshot(&w, QStringLiteral("cashier-resumed"));

    // The customer wants to pay it all in cash: the WeChat payment is given back (reason and
    // manager's PIN), then cash is taken, the change shown, and Enter finishes.
    const Money total = cashier->cart().priced().total;
    onNextDialog<TenderDialog>([total](TenderDialog *d) {
        QLineEdit *amount = amountOf(d);
        CHECK(amount->text() == (total - Money::fromYuan(10)).toString());
        onNextDialog<QInputDialog>([](QInputDialog *in) {
            CHECK(in->labelText().contains(kWeChatCode));
            in->findChild<QLineEdit *>()->insert(QStringLiteral("顾客改用现金"));
            QTest::keyClick(in->findChild<QLineEdit *>(), Qt::Key_Return);
        });
        approveAsManager();
        amount->clear();
        QTest::keyClick(amount, Qt::Key_Delete);
        CHECK(d->findChild<QTableWidget *>(QStringLiteral("takenPayments"))->rowCount() == 0);
        CHECK(amount->text() == total.toString());
        CHECK(tenderButton(d, QStringLiteral("cash"))->isChecked());
        amount->selectAll();
        QTest::keyClicks(amount, QStringLiteral("500"));
        QTest::keyClick(amount, Qt::Key_Return);
        // Covered: the change is shown large and the window waits.
        REQUIRE(d->covered());
        CHECK(d->isVisible());
        auto *change = d->findChild<QLabel *>(QStringLiteral("change"));
        CHECK(change->isVisible());
        CHECK(change->text().contains((Money::fromYuan(500) - total).display()));
        screenshot(d, QStringLiteral("tender-change"));
        QTest::keyClick(d, Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_F12);
    INFO("cashier says: " << cashier->message().toStdString());
    REQUIRE(cashier->cart().isEmpty());
    const auto count = [&](const QString &sql) {
        QSqlQuery q(store.ctx->db().db());
        q.prepare(sql);
        q.addBindValue(uuid);
        REQUIRE((q.exec() && q.next()));
        return q.value(0).toInt();
    };
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM taken_payments WHERE cart_uuid = ? AND state = 'reversed' "
                               "AND approved_by IS NOT NULL AND reason = '顾客改用现金'")) == 1);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM payments p JOIN sales s ON s.id = p.sale_id WHERE s.uuid = ? "
                               "AND p.tender = 'cash' AND p.tendered_fen = 50000")) == 1);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM payments p JOIN sales s ON s.id = p.sale_id WHERE s.uuid = ? "
                               "AND p.tender = 'wechat'")) == 0);
    CHECK(verifyDatabase(store.ctx->db()).isEmpty());
    checkDialogs();
}

TEST_CASE("Enter that takes the cash does not also finish the sale", "[gui][tender]")
{
    Store store;
    AppSession session(*store.ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    scanAll(cashier, store.barcodes(1).mid(0, 1));
    const Money total = cashier->cart().priced().total;
    REQUIRE(total < Money::fromYuan(100));
    onNextDialog<TenderDialog>([](TenderDialog *d) {
        QLineEdit *amount = amountOf(d);
        amount->selectAll();
        QTest::keyClicks(amount, QStringLiteral("100"));
        // What a real keyboard does: the line edit gets Enter and passes it on to its window.
        QTest::keyClick(amount, Qt::Key_Return);
        QCoreApplication::processEvents();
        REQUIRE(d->covered());
        CHECK(d->isVisible());
        CHECK(d->result() == 0);
        // Still no more tenders: F3 now changes nothing.
        QTest::keyClick(d, Qt::Key_F3);
        CHECK_FALSE(tenderButton(d, QStringLiteral("wechat"))->isChecked());
        QTest::keyClick(d, Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_F12);
    CHECK(cashier->cart().isEmpty());
    CHECK(cashier->message().contains((Money::fromYuan(100) - total).display()));
    checkDialogs();
}

TEST_CASE("a refund shows which tender the money goes back through, and F5 pays it in cash instead", "[gui][tender]")
{
    Store store;
    AppSession session(*store.ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    scanAll(cashier, store.barcodes(1).mid(0, 1));
    // Paid in full by WeChat: no change, so the window closes by itself.
    onNextDialog<TenderDialog>([](TenderDialog *d) {
        QTest::keyClick(amountOf(d), Qt::Key_F3);
        QTest::keyClick(amountOf(d), Qt::Key_Return);
        auto *reference = d->findChild<QLineEdit *>(QStringLiteral("tenderReference"));
        QTest::keyClicks(reference, kWeChatCode);
        QTest::keyClick(reference, Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_F12);
    const QString sold = cashier->lastReceiptNo();
    REQUIRE_FALSE(sold.isEmpty());

    QApplication::setActiveWindow(&w);
    onNextDialog<RefundDialog>([sold](RefundDialog *d) {
        auto *number = d->findChild<QLineEdit *>(QStringLiteral("refundReceipt"));
        QTest::keyClicks(number, sold);
        QTest::keyClick(number, Qt::Key_Return);
        auto *plan = d->findChild<QLabel *>(QStringLiteral("refundPlan"));
        CHECK(plan->text().contains(tenderLabel(Tender::WeChat))); // the way it was paid, by default
        CHECK_FALSE(plan->text().contains(tenderLabel(Tender::Cash)));
        QTest::keyClick(d, Qt::Key_F5);
        CHECK(plan->text().contains(tenderLabel(Tender::Cash)));
        CHECK_FALSE(plan->text().contains(tenderLabel(Tender::WeChat)));
        d->findChild<QComboBox *>(QStringLiteral("refundReason"))->lineEdit()->insert(QStringLiteral("顾客没带手机"));
        screenshot(d, QStringLiteral("refund-cash"));
        approveAsManager();
        onNextDialog<ReceiptDialog>([](ReceiptDialog *r) { r->reject(); });
        QTest::keyClick(d, Qt::Key_F12);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_F8);
    QSqlQuery q(store.ctx->db().db());
    q.prepare(QStringLiteral("SELECT p.tender, a.action FROM payments p JOIN sales s ON s.id = p.sale_id JOIN sales o ON "
                             "o.id = s.original_sale_id JOIN approvals a ON a.sale_id = s.id WHERE o.receipt_no = ?"));
    q.addBindValue(sold);
    REQUIRE((q.exec() && q.next()));
    CHECK(q.value(0).toString() == QStringLiteral("cash"));
    CHECK(q.value(1).toString() == QStringLiteral("refund.cash"));
    CHECK_FALSE(q.next());
    CHECK(verifyDatabase(store.ctx->db()).isEmpty());
    checkDialogs();
}
