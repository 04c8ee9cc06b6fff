// Discounts and price changes as the cashier gives them: one beyond the cashier's limit is
// approved by the manager, with a reason, when it is given (not at payment); a refused approval
// puts the line back; an amount off larger than the cart is refused with the amounts.
#include "common/appsession.h"
#include "common/catchqt.h"
#include "counter/cartmodel.h"
#include "counter/cashierwidget.h"
#include "counter/tenderdialog.h"
#include "guisupport.h"
#include "mainwindow.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTest>

#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

namespace {

// Types `text` into the next prompt and presses Enter (Chinese as an input method commits it).
void answer(const QString &text)
{
    onNextDialog<QInputDialog>([text](QInputDialog *in) {
        auto *edit = in->findChild<QLineEdit *>();
        edit->selectAll();
        edit->insert(text);
        QTest::keyClick(edit, Qt::Key_Return);
    });
}

void dismiss()
{
    onNextDialog<QInputDialog>([](QInputDialog *in) { QTest::keyClick(in->findChild<QLineEdit *>(), Qt::Key_Escape); });
}

} // namespace

TEST_CASE("a discount beyond the cashier's limit is approved with a reason when it is given", "[gui][discount]")
{
    Store store;
    AppSession session(*store.ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    QLineEdit *scan = cashier->searchField();
    const QStringList codes = store.barcodes(2);
    QTest::keyClicks(scan, codes.at(0));
    QTest::keyClick(scan, Qt::Key_Return);
    REQUIRE(cashier->cart().rowCount() == 1);

    // 5折, then the manager says no: the line is as it was.
    answer(QStringLiteral("5"));
    dismiss(); // no reason given
    QTest::keyClick(scan, Qt::Key_F4);
    CHECK(cashier->cart().line(0).discountPermille == 1000);
    CHECK(cashier->message().contains(cashier->cart().line(0).name));
    checkDialogs();

    // 5折 with a reason and the manager's PIN, right there.
    QApplication::setActiveWindow(&w);
    answer(QStringLiteral("5"));
    answer(QStringLiteral("临期"));
    approveAsManager();
    QTest::keyClick(scan, Qt::Key_F4);
    CHECK(cashier->cart().line(0).discountPermille == 500);
    CHECK_FALSE(cashier->cart().cart().approvalToken().isEmpty());
    checkDialogs();

    // One more item scanned, then payment: no second approval is asked (checkDialogs would see it).
    QApplication::setActiveWindow(&w);
    QTest::keyClicks(scan, codes.at(1));
    QTest::keyClick(scan, Qt::Key_Return);
    onNextDialog<TenderDialog>([](TenderDialog *d) {
        QTest::keyClick(d->findChild<QLineEdit *>(QStringLiteral("tenderAmount")), Qt::Key_Return);
        QTest::keyClick(d, Qt::Key_Return);
    });
    QTest::keyClick(scan, Qt::Key_F12);
    INFO("cashier says: " << cashier->message().toStdString());
    REQUIRE(cashier->cart().isEmpty());
    QSqlQuery q(store.ctx->db().db());
    q.prepare(QStringLiteral("SELECT reason, authorized_by FROM audit_log WHERE action = 'sale.discount' AND target = ?"));
    q.addBindValue(cashier->lastReceiptNo());
    REQUIRE((q.exec() && q.next()));
    CHECK(q.value(0).toString() == QStringLiteral("临期"));
    CHECK(q.value(1).toLongLong() > 0);
    checkDialogs();
}

TEST_CASE("an amount off larger than the cart says so and changes nothing", "[gui][discount]")
{
    Store store;
    AppSession session(*store.ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    QLineEdit *scan = cashier->searchField();
    QTest::keyClicks(scan, store.barcodes(1).first());
    QTest::keyClick(scan, Qt::Key_Return);
    const Money total = cashier->cart().priced().total;
    answer(QStringLiteral("-5000"));
    QTest::keyClick(scan, Qt::Key_F5);
    CHECK(cashier->cart().priced().total == total);
    CHECK(cashier->message().contains(QStringLiteral("5000.00")));
    CHECK(cashier->message().contains(total.display()));
    checkDialogs();
}
