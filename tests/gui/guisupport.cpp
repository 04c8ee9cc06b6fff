#include "guisupport.h"

#include "common/logindialog.h"
#include "common/managerauthdialog.h"
#include "counter/cartmodel.h"
#include "counter/cashierwidget.h"
#include "counter/tenderdialog.h"
#include "demo/demo.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QInputDialog>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTest>
#include "common/catchqt.h"

#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;

namespace guitest {

SystemClock g_clock;

Store::Store(int members, int months)
{
    auto c = AppContext::open(dir.filePath(QStringLiteral("gui.db")), g_clock, QStringLiteral("GUI"));
    REQUIRE(c.ok());
    ctx = std::move(*c);
    DemoOptions o;
    o.members = members;
    o.months = months;
    REQUIRE(createDemoStore(ctx->db(), o, g_clock.nowMs()).ok());
    REQUIRE(ctx->reloadStore().ok());
}

QStringList Store::barcodes(int n)
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
    // Text set just before is laid out on the next event loop pass; the picture must show it placed.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
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

void openTillAsCashier(MainWindow &w)
{
    logInAs(w, QStringLiteral("1001"), QStringLiteral("1234"), QStringLiteral("300"));
    w.show();
    // The offscreen platform has no window manager to make it active.
    QApplication::setActiveWindow(&w);
}

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

void sellOneForCash(huike::ui::MainWindow &w, const QString &barcode)
{
    QLineEdit *scan = w.cashier()->searchField();
    QTest::keyClicks(scan, barcode);
    QTest::keyClick(scan, Qt::Key_Return);
    REQUIRE(w.cashier()->cart().rowCount() == 1);
    onNextDialog<huike::ui::TenderDialog>([](huike::ui::TenderDialog *d) {
        QTest::keyClick(d->findChild<QLineEdit *>(QStringLiteral("tenderAmount")), Qt::Key_Return);
        QTest::keyClick(d, Qt::Key_Return);
    });
    QApplication::setActiveWindow(&w);
    QTest::keyClick(scan, Qt::Key_F12);
    INFO("cashier says: " << w.cashier()->message().toStdString());
    REQUIRE(w.cashier()->cart().isEmpty());
    checkDialogs();
}

} // namespace guitest
