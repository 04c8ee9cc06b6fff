// The back office as a manager and a new shop meet it: the products screen, the first-run set-up,
// a second cashier at a till with another's shift open.
#include "app/appcontext.h"
#include "core/csv.h"
#include "common/appsession.h"
#include "common/logindialog.h"
#include "common/managerauthdialog.h"
#include "counter/cashierwidget.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "operators/operators.h"
#include "products/importpreviewdialog.h"
#include "products/producteditdialog.h"
#include "products/productmodel.h"
#include "products/productswidget.h"
#include "settings/operatordialog.h"
#include "settings/setupdialog.h"
#include "store/settings.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include "common/catchqt.h"

#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

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

    // A cashier at the same screen sees no cost prices: the column is hidden and holds nothing.
    auto *table = w.products()->findChild<QTableView *>();
    REQUIRE(table);
    CHECK_FALSE(table->isColumnHidden(ProductModel::Cost));
    CHECK_FALSE(shown.data(shown.index(0, ProductModel::Cost), Qt::DisplayRole).toString().isEmpty());
    auto cashier = store.ctx->operators().login(QStringLiteral("1001"), QStringLiteral("1234"));
    REQUIRE(cashier.ok());
    session.setOperator(*cashier);
    CHECK(table->isColumnHidden(ProductModel::Cost));
    CHECK(shown.data(shown.index(0, ProductModel::Cost), Qt::DisplayRole).toString().isEmpty());
    checkDialogs();
}

TEST_CASE("the first start on a new file sets up the shop's own store, with no demo data", "[gui][setup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop.db"));
    SetupDialog d(path, g_clock);
    d.show();
    QApplication::setActiveWindow(&d);
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
    // The key its button names: the form is filled from the keyboard and sent from it.
    QTest::keyClick(field("adminPinAgain"), Qt::Key_S, Qt::ControlModifier);
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
    auto *cashier = w.findChild<CashierWidget *>();
    REQUIRE(cashier);
    QTest::keyClicks(cashier->searchField(), QStringLiteral("no such thing"));
    QTest::keyClick(cashier->searchField(), Qt::Key_Return);
    REQUIRE_FALSE(cashier->message().isEmpty());
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
    approveAsManager();
    REQUIRE(w.login());
    REQUIRE(session.op().code == QStringLiteral("1002"));
    REQUIRE(session.shift().has_value());
    CHECK(session.shift()->id == shiftId); // the same shift and drawer, now his
    CHECK(session.shift()->operatorName == QStringLiteral("李强"));
    CHECK(cashier->message().isEmpty()); // 李强 does not inherit 王芳's last message
    checkDialogs();
}

TEST_CASE("operators are added and edited in one form, with the PIN masked and typed twice", "[gui][operators]")
{
    Store store;
    AppSession session(*store.ctx);
    auto manager = store.ctx->operators().login(QStringLiteral("8001"), QStringLiteral("8888"));
    REQUIRE(manager.ok());
    session.setOperator(*manager);
    const auto field = [](QDialog &d, const char *name) { return d.findChild<QLineEdit *>(QString::fromLatin1(name)); };
    {
        OperatorDialog d(session, std::nullopt);
        d.show();
        CHECK(field(d, "operatorPin")->echoMode() == QLineEdit::Password);
        CHECK(field(d, "operatorPinAgain")->echoMode() == QLineEdit::Password);
        QTest::keyClicks(field(d, "operatorCode"), QStringLiteral("1003"));
        field(d, "operatorName")->insert(QStringLiteral("赵敏"));
        QTest::keyClicks(field(d, "operatorPin"), QStringLiteral("2580"));
        QTest::keyClicks(field(d, "operatorPinAgain"), QStringLiteral("2581"));
        QTest::keyClick(field(d, "operatorPinAgain"), Qt::Key_Return);
        CHECK(d.result() != QDialog::Accepted);
        CHECK_FALSE(d.message().isEmpty());
        screenshot(&d, QStringLiteral("operator-edit"));
        QTest::keyClicks(field(d, "operatorPinAgain"), QStringLiteral("2580"));
        QTest::keyClick(field(d, "operatorPinAgain"), Qt::Key_Return);
        INFO(d.message().toStdString());
        REQUIRE(d.result() == QDialog::Accepted);
    }
    auto made = store.ctx->operators().login(QStringLiteral("1003"), QStringLiteral("2580"));
    REQUIRE(made.ok());
    {
        OperatorDialog d(session, *made);
        d.show();
        CHECK(field(d, "operatorCode")->isReadOnly());
        auto *active = d.findChild<QCheckBox *>(QStringLiteral("operatorActive"));
        REQUIRE(active);
        active->setChecked(false);
        QTest::keyClick(field(d, "operatorPinAgain"), Qt::Key_Return); // empty PINs: unchanged
        REQUIRE(d.result() == QDialog::Accepted);
    }
    CHECK_FALSE(store.ctx->operators().login(QStringLiteral("1003"), QStringLiteral("2580")).ok());
    checkDialogs();
}

TEST_CASE("the import preview shows the names as decoded and the encoding before anything is written", "[gui][import]")
{
    // GBK bytes that are also valid UTF-8: read as UTF-8 they would be garbled names.
    const QByteArray gbk =
        encodeGb18030(QStringLiteral("code,name,price\r\nQ01,泉水,2.00\r\nQ02,椰汁,4.50\r\nQ03,卤鸭,28.00\r\n"));
    ImportPreviewDialog d(QStringLiteral("供应商.csv"), gbk);
    d.show();
    QApplication::setActiveWindow(&d);
    auto *rows = d.findChild<QTableWidget *>(QStringLiteral("importRows"));
    auto *summary = d.findChild<QLabel *>(QStringLiteral("importSummary"));
    REQUIRE(rows->rowCount() == 3);
    CHECK(rows->item(0, 1)->text() == QStringLiteral("泉水"));
    CHECK(summary->text().contains(QStringLiteral("GB18030")));
    CHECK(summary->text().contains(QStringLiteral("3")));
    CHECK(d.encoding() == TextEncoding::Auto);
    screenshot(&d, QStringLiteral("import-preview"));

    // F2 to UTF-8: the same bytes as garbage, plainly on screen.
    QTest::keyClick(&d, Qt::Key_F2);
    CHECK(d.encoding() == TextEncoding::Utf8);
    CHECK(summary->text().contains(QStringLiteral("UTF-8")));
    CHECK(rows->item(0, 1)->text() != QStringLiteral("泉水"));
    QTest::keyClick(&d, Qt::Key_F2);
    CHECK(d.encoding() == TextEncoding::Gb18030);
    CHECK(rows->item(0, 1)->text() == QStringLiteral("泉水"));

    // A file without the columns it needs cannot be imported from here.
    ImportPreviewDialog bad(QStringLiteral("x.csv"), QByteArrayLiteral("foo,bar\n1,2\n"));
    CHECK_FALSE(bad.findChild<QPushButton *>(QStringLiteral("primary"))->isEnabled());
    CHECK(bad.findChild<QLabel *>(QStringLiteral("importSummary"))->text().contains(QStringLiteral("price")));
}
