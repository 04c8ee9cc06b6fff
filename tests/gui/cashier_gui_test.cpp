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
#include "mainwindow.h"
#include "products/producteditdialog.h"
#include "products/productmodel.h"
#include "products/productswidget.h"
#include "reports/integrity.h"
#include "settings/setupdialog.h"
#include "store/settings.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QPushButton>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
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

namespace {

SystemClock g_clock;

struct Store {
    QTemporaryDir dir;
    std::unique_ptr<AppContext> ctx;

    Store()
    {
        auto c = AppContext::open(dir.filePath(QStringLiteral("gui.db")), g_clock, QStringLiteral("GUI"));
        REQUIRE(c.ok());
        ctx = std::move(*c);
        DemoOptions o;
        o.members = 30;
        o.months = 0;
        REQUIRE(createDemoStore(ctx->db(), o, g_clock.nowMs()).ok());
        REQUIRE(ctx->reloadStore().ok());
    }

    QStringList barcodes(int n)
    {
        QStringList out;
        QSqlQuery q(ctx->db().db());
        q.exec(
            QStringLiteral("SELECT b.barcode FROM product_barcodes b JOIN products p ON p.id = b.product_id "
                           "WHERE p.weighed = 0 AND p.price_fen >= 1000 ORDER BY p.id LIMIT 40"));
        while (q.next() && out.size() < n * 3)
            out << q.value(0).toString();
        // Three different products, spread over the catalogue.
        return {out.at(0), out.at(n), out.at(2 * n)};
    }
};

// The next dialog the program shows must be a T; `action` drives it as soon as it is shown, through
// the program's own dialog hook (ui/dialogs.h): no timers hunting for windows.
template <class T> void onNextDialog(std::function<void(T *)> action)
{
    DialogScript::push<T>(std::move(action));
}

// Every scripted dialog came, in order, and none came unscripted.
void checkDialogs()
{
    CHECK(DialogScript::takeFailures() == QStringList());
    CHECK(DialogScript::pending() == 0);
}

void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("HUIKE_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

void logInAs(MainWindow &w, const QString &code, const QString &pin, const QString &cashFloat)
{
    onNextDialog<LoginDialog>([=](LoginDialog *d) {
        auto *codeEdit = d->findChild<QLineEdit *>(QStringLiteral("codeEdit"));
        auto *pinEdit = d->findChild<QLineEdit *>(QStringLiteral("pinEdit"));
        QTest::keyClicks(codeEdit, code);
        QTest::keyClick(codeEdit, Qt::Key_Return);
        screenshot(d, QStringLiteral("login"));
        if (!cashFloat.isEmpty()) {
            onNextDialog<QInputDialog>([=](QInputDialog *in) {
                auto *edit = in->findChild<QLineEdit *>();
                edit->selectAll();
                QTest::keyClicks(edit, cashFloat);
                QTest::keyClick(edit, Qt::Key_Return);
            });
        }
        QTest::keyClicks(pinEdit, pin);
        QTest::keyClick(pinEdit, Qt::Key_Return);
    });
    REQUIRE(w.login());
}

} // namespace

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
    onNextDialog<TenderDialog>([cash](TenderDialog *d) {
        auto *amount = d->findChild<QLineEdit *>(QStringLiteral("tenderAmount"));
        auto *reference = d->findChild<QLineEdit *>(QStringLiteral("tenderReference"));
        amount->selectAll();
        QTest::keyClicks(amount, cash.toString());
        QTest::keyClick(amount, Qt::Key_Return); // cash taken, the rest still due
        QTest::keyClick(amount, Qt::Key_F3);     // WeChat for what is left
        screenshot(d, QStringLiteral("tender"));
        QTest::keyClick(amount, Qt::Key_Return); // asks for the payment reference
        QTest::keyClicks(reference, QStringLiteral("4200001234567890"));
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
    CHECK(q.value(2).toString() == QStringLiteral("4200001234567890"));
    CHECK(verifyDatabase(store.ctx->db()).isEmpty());

    // F10: the receipt as it will print.
    onNextDialog<ReceiptDialog>([](ReceiptDialog *d) {
        screenshot(d, QStringLiteral("receipt"));
        CHECK(d->shownText().contains(QStringLiteral("4200001234567890").right(6)));
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
    CHECK(session.ctx().checkout().needsManager(cashier->cart().cart().lines(), {}));
    checkDialogs();
}

TEST_CASE("the products screen lists, searches and pages through the catalogue", "[gui]")
{
    Store store;
    AppSession session(*store.ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("8001"), QStringLiteral("8888"), QStringLiteral("0"));
    w.show();
    w.tabs()->setCurrentWidget(w.products());
    CHECK(w.products()->model().totalCount() >= 280);
    screenshot(&w, QStringLiteral("products"));

    // The model on its own (a view attached fetches more by itself while the tester watches).
    ProductModel model(store.ctx->catalog());
    model.setQuery(ProductQuery{});
    CHECK(model.totalCount() >= 280);
    CHECK(model.rowCount() == 200); // the first page; more is fetched while scrolling
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    while (model.canFetchMore({}))
        model.fetchMore({});
    CHECK(model.rowCount() == model.totalCount());

    ProductModel &shown = w.products()->model();
    auto *search = w.products()->findChild<QLineEdit *>(QStringLiteral("productSearch"));
    QTest::keyClicks(search, QStringLiteral("kkkl"));
    REQUIRE(shown.rowCount() >= 1);
    for (int r = 0; r < shown.rowCount(); ++r)
        CHECK(shown.product(r).name.contains(QStringLiteral("可口可乐")));

    // Ins: a new product, typed in the form; it is found by its pinyin initials at once.
    search->clear();
    QApplication::setActiveWindow(&w);
    onNextDialog<ProductEditDialog>([](ProductEditDialog *d) {
        auto *barcodes = d->findChild<QLineEdit *>(QStringLiteral("productBarcodes"));
        QTest::keyClicks(barcodes, QStringLiteral("6921168509256"));
        auto *name = d->findChild<QLineEdit *>(QStringLiteral("productName"));
        name->setFocus();
        name->insert(QStringLiteral("农夫山泉 380毫升")); // Chinese comes from the input method
        Q_EMIT name->textEdited(name->text());
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("productPrice")), QStringLiteral("1.50"));
        screenshot(d, QStringLiteral("product-edit"));
        QApplication::setActiveWindow(d);
        QTest::keyClick(name, Qt::Key_S, Qt::ControlModifier);
    });
    QTest::keyClick(search, Qt::Key_Insert);
    auto added = store.ctx->catalog().byBarcode(QStringLiteral("6921168509256"));
    REQUIRE(added.ok());
    CHECK(added->name == QStringLiteral("农夫山泉 380毫升"));
    CHECK(added->pinyin == QStringLiteral("nfsq380hs"));
    CHECK(added->price == Money::fromFen(150));
    QTest::keyClicks(search, QStringLiteral("nfsq380"));
    REQUIRE(shown.rowCount() == 1);
    CHECK(shown.product(0).id == added->id);
    checkDialogs();
}

namespace {
void approveAsManager()
{
    onNextDialog<ManagerAuthDialog>([](ManagerAuthDialog *m) {
        auto *code = m->findChild<QLineEdit *>(QStringLiteral("managerCode"));
        auto *pin = m->findChild<QLineEdit *>(QStringLiteral("managerPin"));
        QTest::keyClicks(code, QStringLiteral("8001"));
        QTest::keyClick(code, Qt::Key_Return);
        // As a person types: events run between the code and the PIN, and Enter on the code
        // must not have closed the dialog.
        QCoreApplication::processEvents();
        REQUIRE(m->isVisible());
        REQUIRE(pin->hasFocus());
        QTest::keyClicks(pin, QStringLiteral("8888"));
        QTest::keyClick(pin, Qt::Key_Return);
    });
}

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

void payCashExact()
{
    onNextDialog<TenderDialog>([](TenderDialog *d) {
        QTest::keyClick(d->findChild<QLineEdit *>(QStringLiteral("tenderAmount")), Qt::Key_Return);
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
TEST_CASE("a failed check inside a scripted dialog is a test failure, not an abort", "[gui][!shouldfail]")
{
    QWidget parent;
    onNextDialog<QInputDialog>([](QInputDialog *) { REQUIRE(1 == 2); });
    const auto answer = askText(&parent, QStringLiteral("检查"), QStringLiteral("这个对话框的检查会失败"));
    // Still running: the dialog was closed, the prompt came back empty, the failure is listed.
    CHECK_FALSE(answer.has_value());
    CHECK(DialogScript::takeFailures().size() == 1);
}

TEST_CASE("the first start on a new file sets up the shop's own store, with no demo data", "[gui][setup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop.db"));
    SetupDialog d(path, g_clock);
    d.show();
    const auto field = [&](const char *name) { return d.findChild<QLineEdit *>(QString::fromLatin1(name)); };
    // Chinese comes through the input method, as whole text rather than key presses.
    field("storeName")->insert(QStringLiteral("老王烟酒店"));
    field("storeAddress")->insert(QStringLiteral("杭州市西湖区文三路90号"));
    QTest::keyClicks(field("storePhone"), QStringLiteral("0571-88886666"));
    field("adminCode")->clear();
    QTest::keyClicks(field("adminCode"), QStringLiteral("6600"));
    field("adminName")->insert(QStringLiteral("王建国"));
    QTest::keyClicks(field("adminPin"), QStringLiteral("271828"));
    QTest::keyClicks(field("adminPinAgain"), QStringLiteral("271829"));
    QTest::keyClick(field("adminPinAgain"), Qt::Key_Return);
    CHECK(d.result() != QDialog::Accepted);
    CHECK_FALSE(d.message().isEmpty());
    CHECK_FALSE(QFileInfo::exists(path)); // nothing is written until the form is right
    screenshot(&d, QStringLiteral("setup"));

    QTest::keyClicks(field("adminPinAgain"), QStringLiteral("271828"));
    QTest::keyClick(d.findChild<QPushButton *>(QStringLiteral("createStore")), Qt::Key_Space);
    INFO(d.message().toStdString());
    REQUIRE(d.result() == QDialog::Accepted);

    auto ctx = AppContext::open(path, g_clock, QStringLiteral("POS1"));
    REQUIRE(ctx.ok());
    CHECK((*ctx)->store().storeCode == QStringLiteral("S01"));
    auto info = loadStore((*ctx)->db(), (*ctx)->store().storeId);
    REQUIRE(info.ok());
    CHECK(info->name == QStringLiteral("老王烟酒店"));
    CHECK(info->phone == QStringLiteral("0571-88886666"));
    auto admin = (*ctx)->operators().login(QStringLiteral("6600"), QStringLiteral("271828"));
    REQUIRE(admin.ok());
    CHECK(admin->name == QStringLiteral("王建国"));
    CHECK(admin->role == Role::Admin);
    // No demo store and no published PINs in a real shop's file.
    CHECK_FALSE((*ctx)->operators().login(QStringLiteral("1001"), QStringLiteral("1234")).ok());
    QSqlQuery q((*ctx)->db().db());
    REQUIRE(q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM products) + (SELECT COUNT(*) FROM sales)")));
    REQUIRE(q.next());
    CHECK(q.value(0).toLongLong() == 0);
    checkDialogs();
}

TEST_CASE("a second cashier at the till takes over the open shift only with a manager's approval", "[gui][shifts]")
{
    Store store;
    AppSession session(*store.ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("1001"), QStringLiteral("1234"), QStringLiteral("300"));
    const qint64 shiftId = session.shift()->id;
    session.logout();

    onNextDialog<LoginDialog>([](LoginDialog *d) {
        auto *codeEdit = d->findChild<QLineEdit *>(QStringLiteral("codeEdit"));
        auto *pinEdit = d->findChild<QLineEdit *>(QStringLiteral("pinEdit"));
        QTest::keyClicks(codeEdit, QStringLiteral("1002"));
        QTest::keyClick(codeEdit, Qt::Key_Return);
        QTest::keyClicks(pinEdit, QStringLiteral("1234"));
        QTest::keyClick(pinEdit, Qt::Key_Return);
    });
    // 王芳's shift is open: 李强 is asked to close it or take it over; he takes it over.
    onNextDialog<QMessageBox>([](QMessageBox *box) {
        CHECK(box->text().contains(QStringLiteral("王芳")));
        screenshot(box, QStringLiteral("shift-takeover"));
        box->findChild<QPushButton *>(QStringLiteral("takeOverShift"))->click();
    });
    onNextDialog<ManagerAuthDialog>([](ManagerAuthDialog *m) {
        auto *code = m->findChild<QLineEdit *>(QStringLiteral("managerCode"));
        auto *pin = m->findChild<QLineEdit *>(QStringLiteral("managerPin"));
        QTest::keyClicks(code, QStringLiteral("8001"));
        QTest::keyClick(code, Qt::Key_Return);
        QTest::keyClicks(pin, QStringLiteral("8888"));
        QTest::keyClick(pin, Qt::Key_Return);
    });
    REQUIRE(w.login());
    REQUIRE(session.op().code == QStringLiteral("1002"));
    REQUIRE(session.shift().has_value());
    CHECK(session.shift()->id == shiftId); // the same shift and drawer, now his
    CHECK(session.shift()->operatorName == QStringLiteral("李强"));
    checkDialogs();
}
