// Drives the real main window the way a cashier does: keys only.
#include "app/appcontext.h"
#include "catalog/barcode.h"
#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/inputdialogs.h"
#include "common/logindialog.h"
#include "common/managerauthdialog.h"
#include "counter/cartmodel.h"
#include "counter/cashierwidget.h"
#include "counter/helddialog.h"
#include "counter/receiptdialog.h"
#include "counter/refunddialog.h"
#include "counter/tenderdialog.h"
#include "demo/demo.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "reports/integrity.h"
#include "store/settings.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include "common/catchqt.h"

#include <catch2/catch.hpp>
#include <functional>

using namespace huike;
using namespace huike::ui;

using namespace guitest;

TEST_CASE("a cashier logs in, scans three items, changes a quantity and takes cash + WeChat", "[gui]")
{
    Store store;
    AppSession session(*store.ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("1001"), QStringLiteral("1234"), QStringLiteral("500"));
    REQUIRE(session.op().code == QStringLiteral("1001"));
    REQUIRE(session.shift().has_value());
    REQUIRE(session.shift()->cashFloat == Money::fromYuan(500));
    w.show();
    QApplication::setActiveWindow(&w);
    REQUIRE(QTest::qWaitForWindowExposed(&w));

    CashierWidget *cashier = w.cashier();
    QAbstractItemModelTester tester(&cashier->cart(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QLineEdit *scan = cashier->searchField();
    const QStringList codes = store.barcodes(3);
    for (const QString &code : codes) {
        // A keyboard-wedge scanner: fast keys, then Enter.
        QTest::keyClicks(scan, code);
        QTest::keyClick(scan, Qt::Key_Return);
    }
    REQUIRE(cashier->cart().rowCount() == 3);
    REQUIRE(scan->text().isEmpty()); // the scan never lands in the field as text

    // The middle line: up once from the last, F3, "2", Enter.
    QTest::keyClick(scan, Qt::Key_Up);
    onNextDialog<QInputDialog>([](QInputDialog *in) {
        auto *edit = in->findChild<QLineEdit *>();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("2"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    QTest::keyClick(scan, Qt::Key_F3);
    REQUIRE(cashier->cart().line(1).quantityMilli == 2000);
    screenshot(&w, QStringLiteral("cashier"));

    const Money total = cashier->cart().priced().total;
    REQUIRE(total.fen() > 1000);
    const Money cash = Money::fromYuan(total.fen() / 200); // about half, in whole yuan
    onNextDialog<TenderDialog>([cash, cashier](TenderDialog *d) {
        auto *amount = d->findChild<QLineEdit *>(QStringLiteral("tenderAmount"));
        auto *reference = d->findChild<QLineEdit *>(QStringLiteral("tenderReference"));
        amount->selectAll();
        QTest::keyClicks(amount, cash.toString());
        QTest::keyClick(amount, Qt::Key_Return); // cash taken, the rest still due
        QTest::keyClick(amount, Qt::Key_F3);     // WeChat for what is left
        screenshot(d, QStringLiteral("tender"));
        QTest::keyClick(amount, Qt::Key_Return); // asks for the payment reference
        // A guess is refused on the spot, with the reason, and nothing is taken.
        QTest::keyClicks(reference, QStringLiteral("12"));
        QTest::keyClick(reference, Qt::Key_Return);
        CHECK(cashier->cart().cart().payments().size() == 1);
        CHECK(d->findChild<QLabel *>(QStringLiteral("tenderMessage"))->text().contains(QStringLiteral("12")));
        reference->clear();
        QTest::keyClicks(reference, QStringLiteral("134200001234567890"));
        QTest::keyClick(reference, Qt::Key_Return);
    });
    // The offscreen platform has no window manager to give the focus back after a dialog.
    QApplication::setActiveWindow(&w);
    QTest::keyClick(scan, Qt::Key_F12);

    INFO("cashier says: " << cashier->message().toStdString());
    REQUIRE(cashier->cart().isEmpty());
    REQUIRE_FALSE(cashier->lastReceiptNo().isEmpty());

    // The sale is in the database, exactly as rung up.
    QSqlQuery q(store.ctx->db().db());
    q.prepare(QStringLiteral("SELECT id, total_fen, kind, operator_id FROM sales WHERE receipt_no = ?"));
    q.addBindValue(cashier->lastReceiptNo());
    REQUIRE(q.exec());
    REQUIRE(q.next());
    const qint64 saleId = q.value(0).toLongLong();
    CHECK(q.value(1).toLongLong() == total.fen());
    CHECK(q.value(2).toString() == QStringLiteral("sale"));
    CHECK(q.value(3).toLongLong() == session.op().id);
    q.prepare(QStringLiteral("SELECT COUNT(*), SUM(qty_milli) FROM sale_lines WHERE sale_id = ?"));
    q.addBindValue(saleId);
    REQUIRE((q.exec() && q.next()));
    CHECK(q.value(0).toInt() == 3);
    CHECK(q.value(1).toLongLong() == 4000);
    q.prepare(QStringLiteral(
        "SELECT tender, amount_fen, reference FROM payments WHERE sale_id = ? ORDER BY tender"));
    q.addBindValue(saleId);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("cash"));
    CHECK(q.value(1).toLongLong() == cash.fen());
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("wechat"));
    CHECK(q.value(1).toLongLong() == (total - cash).fen());
    CHECK(q.value(2).toString() == QStringLiteral("134200001234567890"));
    CHECK(verifyDatabase(store.ctx->db()).isEmpty());

    // F10: the receipt as it will print.
    onNextDialog<ReceiptDialog>([](ReceiptDialog *d) {
        screenshot(d, QStringLiteral("receipt"));
        CHECK(d->shownText().contains(QStringLiteral("134200001234567890").right(6)));
        CHECK(d->listedCount() == 1);
        // Today's last digits find it; the tender filter narrows the list.
        auto *number = d->findChild<QLineEdit *>(QStringLiteral("receiptNumber"));
        number->clear();
        QTest::keyClicks(number, QStringLiteral("1"));
        QTest::keyClick(number, Qt::Key_Return);
        CHECK(d->shownText().contains(QStringLiteral("-0001")));
        auto *tender = d->findChild<QComboBox *>(QStringLiteral("receiptTender"));
        tender->setCurrentIndex(tender->findData(QStringLiteral("alipay")));
        CHECK(d->listedCount() == 0);
        tender->setCurrentIndex(tender->findData(QStringLiteral("wechat")));
        CHECK(d->listedCount() == 1);
        d->reject();
    });
    QApplication::setActiveWindow(&w);
    QTest::keyClick(scan, Qt::Key_F10);
    checkDialogs();
}

TEST_CASE("an unknown barcode beeps and says so without a dialog, and typing is not taken for a scan", "[gui]")
{
    Store store;
    AppSession session(*store.ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("1001"), QStringLiteral("1234"), QStringLiteral("200"));
    w.show();
    QApplication::setActiveWindow(&w);
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    CashierWidget *cashier = w.cashier();
    QLineEdit *scan = cashier->searchField();

    QTest::keyClicks(scan, QStringLiteral("6900000000001")); // wrong check digit
    QTest::keyClick(scan, Qt::Key_Return);
    CHECK(cashier->cart().isEmpty());
    CHECK(cashier->message().contains(QStringLiteral("6900000000001")));
    CHECK(QApplication::activeModalWidget() == nullptr);
    CHECK_FALSE(cashier->message().isEmpty());

    QTest::keyClicks(scan, QStringLiteral("6901234567892")); // valid EAN-13, not in the catalogue
    QTest::keyClick(scan, Qt::Key_Return);
    CHECK(cashier->cart().isEmpty());
    CHECK(cashier->message().contains(QStringLiteral("6901234567892")));
    CHECK(QApplication::activeModalWidget() == nullptr);

    // "3*" typed by a person, then a scan: three of the item.
    const QString code = store.barcodes(1).at(0);
    for (QChar c : QStringLiteral("3*")) {
        QTest::keyClick(scan, c.toLatin1());
        QTest::qWait(60);
    }
    QTest::qWait(80);
    QTest::keyClicks(scan, code);
    QTest::keyClick(scan, Qt::Key_Return);
    REQUIRE(cashier->cart().rowCount() == 1);
    CHECK(cashier->cart().line(0).quantityMilli == 3000);
    CHECK(scan->text().isEmpty());

    // A price-embedded scale label: PLU 00001, ¥12.34; the label's amount is charged.
    QString label = QStringLiteral("2000001") + QStringLiteral("01234");
    label += ean13CheckDigit(label);
    QTest::keyClicks(scan, label);
    QTest::keyClick(scan, Qt::Key_Return);
    REQUIRE(cashier->cart().rowCount() == 2);
    CHECK(cashier->cart().priced().lines.at(1).amount == Money::fromFen(1234));
    CHECK(cashier->cart().line(1).weighed);
    CHECK(cashier->cart().line(1).barcode == label); // which label was sold shows, and is kept

    // Keys a person typed while the window was busy arrive together afterwards, but their
    // timestamps are 120 ms apart: typing (a search), not a scan.
    {
        ulong t = 5'000'000;
        for (QChar c : QStringLiteral("zzzz")) {
            QKeyEvent press(QEvent::KeyPress, Qt::Key_Z, Qt::NoModifier, QString(c));
            press.setTimestamp(t += 120);
            QApplication::sendEvent(scan, &press);
        }
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        enter.setTimestamp(t + 120);
        QApplication::sendEvent(scan, &enter);
        CHECK(cashier->cart().rowCount() == 2);
        CHECK(cashier->message().contains(QStringLiteral("“zzzz”"))); // the search's message, not a scan's
    }

    // A person typing slowly: the keys reach the field as text.
    for (QChar c : QStringLiteral("kkkl")) {
        QTest::keyClick(scan, c.toLatin1());
        QTest::qWait(60);
    }
    QTest::qWait(80);
    CHECK(scan->text() == QStringLiteral("kkkl"));

    // The same scale label typed in by hand: the cashier's word for the amount, a price change.
    scan->clear();
    for (QChar c : label) {
        QTest::keyClick(scan, c.toLatin1());
        QTest::qWait(50);
    }
    QTest::qWait(80);
    QTest::keyClick(scan, Qt::Key_Return);
    REQUIRE(cashier->cart().rowCount() == 3);
    CHECK(cashier->cart().line(2).labelKeyed);
    CHECK_FALSE(cashier->cart().line(1).labelKeyed);
    CHECK(cashier->message().startsWith(cashier->cart().line(2).name));
    CHECK((cashier->message().contains(QStringLiteral("改价")) || cashier->message().contains(QStringLiteral("price change"))));
    CHECK(session.ctx().checkout().needsManager(cashier->cart().cart().lines(), {}, {}));
    checkDialogs();
}

namespace {
// Chinese arrives through the input method, not as key events: insert it as an IME commit would.
void answerText(const QString &text)
{
    onNextDialog<QInputDialog>([text](QInputDialog *in) {
        auto *edit = in->findChild<QLineEdit *>();
        edit->selectAll();
        edit->insert(text);
        QTest::keyClick(edit, Qt::Key_Return);
    });
}

// Enter takes the amount due in cash; the change is shown and a second Enter finishes the sale.
void payCashExact()
{
    onNextDialog<TenderDialog>([](TenderDialog *d) {
        QTest::keyClick(d->findChild<QLineEdit *>(QStringLiteral("tenderAmount")), Qt::Key_Return);
        CHECK(d->covered());
        CHECK(d->isVisible());
        QTest::keyClick(d, Qt::Key_Return);
    });
}

QStringList documentKinds(AppContext &ctx)
{
    QStringList kinds;
    QSqlQuery q(ctx.db().db());
    q.exec(QStringLiteral("SELECT kind FROM sales ORDER BY id"));
    while (q.next())
        kinds << q.value(0).toString();
    return kinds;
}
} // namespace

TEST_CASE("hold and recall an order, refund part of a sale and void the last one, then close the shift", "[gui]")
{
    Store store;
    AppSession session(*store.ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("1001"), QStringLiteral("1234"), QStringLiteral("500"));
    w.show();
    QApplication::setActiveWindow(&w);
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    CashierWidget *cashier = w.cashier();
    QLineEdit *scan = cashier->searchField();
    const QStringList codes = store.barcodes(3);
    auto scanCode = [&](const QString &code) {
        QTest::keyClicks(scan, code);
        QTest::keyClick(scan, Qt::Key_Return);
    };

    // 挂单 and 取单
    scanCode(codes.at(0));
    scanCode(codes.at(1));
    answerText(QStringLiteral("王先生"));
    QTest::keyClick(scan, Qt::Key_F6);
    REQUIRE(cashier->cart().isEmpty());
    REQUIRE(store.ctx->heldOrders().list().size() == 1);
    // Meanwhile the manager raises the price of the first item: the recalled cart shows it.
    auto raised = store.ctx->catalog().byBarcode(codes.at(0));
    REQUIRE(raised.ok());
    raised->price = raised->price + Money::fromFen(100);
    auto manager = store.ctx->operators().byCode(QStringLiteral("8001"));
    REQUIRE(manager.ok());
    REQUIRE(store.ctx->catalog().save(*raised, manager->id).ok());
    QApplication::setActiveWindow(&w);
    onNextDialog<HeldDialog>([](HeldDialog *d) {
        screenshot(d, QStringLiteral("held"));
        QTest::keyClick(d, Qt::Key_Return);
    });
    QTest::keyClick(scan, Qt::Key_F7);
    REQUIRE(cashier->cart().rowCount() == 2);
    CHECK(store.ctx->heldOrders().list().isEmpty());
    CHECK(cashier->cart().line(0).listPrice == raised->price);
    CHECK(cashier->message().contains(raised->name));

    QApplication::setActiveWindow(&w);
    payCashExact();
    QTest::keyClick(scan, Qt::Key_F12);
    REQUIRE(cashier->cart().isEmpty());
    const QString sold = cashier->lastReceiptNo();
    REQUIRE_FALSE(sold.isEmpty());
    const auto before = store.ctx->returns().refundable(sold);
    REQUIRE(before.ok());

    // 退货: the second line only, with a reason and the manager's PIN.
    QApplication::setActiveWindow(&w);
    onNextDialog<RefundDialog>([sold](RefundDialog *d) {
        auto *number = d->findChild<QLineEdit *>(QStringLiteral("refundReceipt"));
        QTest::keyClicks(number, sold);
        QTest::keyClick(number, Qt::Key_Return);
        auto *table = d->findChild<QTableWidget *>();
        REQUIRE(table->rowCount() == 2);
        auto *reason = d->findChild<QComboBox *>(QStringLiteral("refundReason"));
        reason->setFocus();
        reason->lineEdit()->insert(QStringLiteral("包装破损"));
        // Keep the first line: type 0 in its cell and press F12 while the cell is still being
        // edited (no Enter): the typed 0 must count.
        table->setFocus();
        table->setCurrentCell(0, 4);
        QTest::keyClick(table, Qt::Key_0);
        QWidget *editor = QApplication::focusWidget();
        REQUIRE(editor != table);
        screenshot(d, QStringLiteral("refund"));
        approveAsManager();
        QApplication::setActiveWindow(d);
        onNextDialog<ReceiptDialog>([](ReceiptDialog *r) {
            CHECK(r->shownText().contains(QStringLiteral("包装破损")));
            r->reject();
        });
        QTest::keyClick(editor, Qt::Key_F12);
    });
    QTest::keyClick(scan, Qt::Key_F8);
    const auto after = store.ctx->returns().refundable(sold);
    REQUIRE(after.ok());
    CHECK(after->lines.at(0).returnedMilli == 0);
    CHECK(after->lines.at(1).returnedMilli == after->lines.at(1).soldMilli);
    CHECK(after->returnedTotal == after->lines.at(1).amount);

    // 作废上一单: a new sale, voided at once.
    QApplication::setActiveWindow(&w);
    scanCode(codes.at(2));
    payCashExact();
    QTest::keyClick(scan, Qt::Key_F12);
    const QString second = cashier->lastReceiptNo();
    QApplication::setActiveWindow(&w);
    answerText(QStringLiteral("顾客取消"));
    approveAsManager();
    onNextDialog<ReceiptDialog>([](ReceiptDialog *r) {
        CHECK(r->shownText().contains(QStringLiteral("顾客取消")));
        r->reject();
    });
    QTest::keyClick(scan, Qt::Key_F9);
    CHECK(documentKinds(*store.ctx) == QStringList{QStringLiteral("sale"), QStringLiteral("refund"),
                                                   QStringLiteral("sale"), QStringLiteral("void")});
    CHECK(store.ctx->returns().refundable(second)->lines.at(0).remainingMilli() == 0);
    CHECK(verifyDatabase(store.ctx->db()).isEmpty());

    // 交班: count the drawer, read the report, and the login screen comes back.
    QApplication::setActiveWindow(&w);
    onNextDialog<QInputDialog>([](QInputDialog *in) {
        onNextDialog<QDialog>([](QDialog *d) {
            auto *report = d->findChild<QPlainTextEdit *>(QStringLiteral("reportText"));
            REQUIRE(report);
            screenshot(d, QStringLiteral("shift-report"));
            CHECK(report->toPlainText().contains(QStringLiteral("备用金")));
            onNextDialog<LoginDialog>([](LoginDialog *login) { login->reject(); });
            d->accept();
        });
        auto *edit = in->findChild<QLineEdit *>();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("500"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    QTest::keyClick(scan, Qt::Key_F11);
    CHECK_FALSE(session.shift().has_value());
    CHECK_FALSE(session.loggedIn());
    checkDialogs();
}

// The hook's promise: a REQUIRE that fails inside a dialog's script fails the test (Catch reports
// it) and closes the dialog; it never throws through Qt's event loop and aborts the program.
TEST_CASE("quitting with a cart or an open shift asks first, and holds the cart", "[gui]")
{
    Store store;
    AppSession session(*store.ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("1001"), QStringLiteral("1234"), QStringLiteral("200"));
    w.show();
    QApplication::setActiveWindow(&w);
    QLineEdit *scan = w.cashier()->searchField();
    QTest::keyClicks(scan, store.barcodes(1).first());
    QTest::keyClick(scan, Qt::Key_Return);
    REQUIRE(w.cashier()->cart().rowCount() == 1);

    // Ctrl+Q, then Cancel (also what Enter does): nothing happens.
    onNextDialog<QMessageBox>([](QMessageBox *box) {
        CHECK(box->defaultButton() == box->button(QMessageBox::Cancel));
        box->button(QMessageBox::Cancel)->click();
    });
    QTest::keyClick(&w, Qt::Key_Q, Qt::ControlModifier);
    CHECK(w.isVisible());
    CHECK(w.cashier()->cart().rowCount() == 1);
    CHECK(store.ctx->heldOrders().list().isEmpty());

    // Closing the window, then Quit: the cart is held, the shift stays open.
    onNextDialog<QMessageBox>([](QMessageBox *box) {
        CHECK(box->text().contains(QStringLiteral("F7")));
        CHECK(box->text().contains(QStringLiteral("王芳")));
        box->findChild<QPushButton *>(QStringLiteral("quitKeepShift"))->click();
    });
    CHECK(w.close());
    CHECK(w.cashier()->cart().isEmpty());
    const QList<HeldOrder> held = store.ctx->heldOrders().list();
    REQUIRE(held.size() == 1);
    CHECK(held.first().lineCount == 1);
    CHECK(store.ctx->shifts().current().has_value());
    checkDialogs();
}

TEST_CASE("a quantity above the shop's bound is asked about, and a No keeps the line as it was", "[gui]")
{
    Store store;
    AppSession session(*store.ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("1001"), QStringLiteral("1234"), QStringLiteral("0"));
    w.show();
    QApplication::setActiveWindow(&w);
    QLineEdit *scan = w.cashier()->searchField();
    const QString code = store.barcodes(1).first();
    QTest::keyClicks(scan, code);
    QTest::keyClick(scan, Qt::Key_Return);
    REQUIRE(w.cashier()->cart().rowCount() == 1);

    // F3, 1000 typed for 10: asked (default bound 100), No.
    answerText(QStringLiteral("1000"));
    onNextDialog<QMessageBox>([](QMessageBox *box) {
        CHECK(box->text().contains(QStringLiteral("1000")));
        CHECK(box->defaultButton() == box->button(QMessageBox::No));
        box->button(QMessageBox::No)->click();
    });
    QTest::keyClick(scan, Qt::Key_F3);
    CHECK(w.cashier()->cart().line(0).quantityMilli == 1000);

    // F3, 20: under the bound, no question.
    answerText(QStringLiteral("20"));
    QTest::keyClick(scan, Qt::Key_F3);
    CHECK(w.cashier()->cart().line(0).quantityMilli == 20'000);

    // "150*" and a scan: asked, Yes.
    onNextDialog<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
    QTest::keyClicks(scan, QStringLiteral("150*") + code);
    QTest::keyClick(scan, Qt::Key_Return);
    CHECK(w.cashier()->cart().line(0).quantityMilli == 170'000);
    checkDialogs();
}

TEST_CASE("a failed check inside a scripted dialog is a test failure, not an abort", "[gui][!shouldfail]")
{
    QWidget parent;
    onNextDialog<QInputDialog>([](QInputDialog *) { REQUIRE(1 == 2); });
    const auto answer = askText(&parent, QStringLiteral("检查"), QStringLiteral("这个对话框的检查会失败"));
    // Still running: the dialog was closed, the prompt came back empty, the failure is listed.
    CHECK_FALSE(answer.has_value());
    CHECK(DialogScript::takeFailures().size() == 1);
}
