// The demo store's simulated devices (huike --demo-devices): a printer, a card reader, a caller-ID
// box and a customer display played by the program on socat pty pairs, as a shop trying Huike
// with no hardware sees them. The till is pointed at them like at real ones; a sale prints on the
// simulated paper and opens the drawer, the display shows the total and what was paid, a swipe attaches a demo
// member, a call pops the caller's card, and a printer set to "paper out" shows in the status bar.

#include "app/appcontext.h"
#include "common/appsession.h"
#include "common/dialogs.h"
#include "counter/cartmodel.h"
#include "counter/cashierwidget.h"
#include "demo/demo.h"
#include "devices/callpopup.h"
#include "devices/counterlisteners.h"
#include "devices/demodevices.h"
#include "devices/demodeviceswindow.h"
#include "devices/printqueue.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "sales/printer.h"
#include "store/devicesettings.h"
#include "store/settings.h"

#include <QComboBox>
#include <QLabel>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>
#include "common/catchqt.h"

#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

TEST_CASE("the demo store's simulated devices print the sale, show the total, swipe a member card and ring the till",
          "[gui][devices][demo]")
{
    Store store;
    AppContext &ctx = *store.ctx;
    const QString dir = store.dir.filePath(QStringLiteral("devices"));
    auto devices = DemoDevices::start(ctx, dir);
    REQUIRE(devices.ok());
    // The demo store now uses the pairs, as a manager would have set them on the 设备 page.
    CHECK(loadPrinterSettings(ctx.settings()).spec == QStringLiteral("serial:%1/printer:9600").arg(dir));
    const CounterDeviceSettings counter = loadCounterDevices(ctx.settings());
    CHECK(counter.cardReaderSpec == QStringLiteral("serial:%1/card-reader:9600").arg(dir));
    CHECK(counter.callerIdSpec == QStringLiteral("serial:%1/caller-id:9600").arg(dir));
    CHECK(counter.displaySpec == QStringLiteral("serial:%1/display:9600").arg(dir));
    CHECK(counter.displayKind == QStringLiteral("vfd"));

    AppSession session(ctx);
    MainWindow w(session);
    w.addDemoDevices(**devices);
    openTillAsCashier(w);
    DemoDevicesWindow *demo = w.demoDevicesWindow();
    REQUIRE(demo);
    demo->show();
    QApplication::setActiveWindow(&w);
    REQUIRE(QTest::qWaitFor([&] { return session.printer().state().health == PrinterState::Health::Ready; }, 10000));
    REQUIRE(QTest::qWaitFor([&] { return session.listeners().cardReaderState() == QStringLiteral("已连接"); }, 10000));
    REQUIRE(QTest::qWaitFor([&] { return session.listeners().callerIdState() == QStringLiteral("已连接"); }, 10000));

    // The first demo member with a card is swiped: on the sale.
    auto member = ctx.members().byPhoneOrCard(demoMemberCard(0));
    REQUIRE(member.ok());
    REQUIRE(demo->cards()->count() > 1);
    CHECK(demo->cards()->itemText(0).startsWith(demoMemberCard(0)));
    CHECK(demo->cards()->itemText(0).contains(member->name));
    demo->cards()->setCurrentIndex(0);
    demo->swipe();
    REQUIRE(QTest::qWaitFor([&] { return w.cashier()->cart().cart().memberId() == member->id; }, 5000));

    // A cash sale: the receipt comes out on the simulated paper, cut, and the drawer opens; the
    // display showed the total on the way.
    QStringList shown;
    QObject::connect(&**devices, &DemoDevices::displayed,
                     [&](const DisplayState &s) { shown << s.line1 + QLatin1Char('|') + s.line2; });
    sellOneForCash(w, store.barcodes(1).first());
    const auto paper = [&] { return demo->paper()->toPlainText(); };
    REQUIRE(QTest::qWaitFor([&] { return paper().contains(QStringLiteral("切纸")); }, 10000));
    CHECK(paper().contains(QStringLiteral("汇客便利店")));
    CHECK(paper().contains(QStringLiteral("钱箱弹开")));
    CHECK(paper().contains(member->phone.right(4)));
    REQUIRE(QTest::qWaitFor([&] { return shown.join(QLatin1Char('\n')).contains(QStringLiteral("合计")); }, 5000));
    // Paid in cash to the fen: what was paid, and no change.
    REQUIRE(QTest::qWaitFor([&] { return demo->display()->text().startsWith(QStringLiteral("收款 PAID")); }, 5000));
    CHECK(demo->display()->text().contains(QStringLiteral("￥")));

    // A member calls: the card pops up over the till.
    demo->callers()->setCurrentIndex(0);
    CHECK(demo->callers()->currentText().startsWith(member->phone));
    demo->call();
    CallPopup *popup = w.callPopup();
    REQUIRE(QTest::qWaitFor([&] { return popup->isVisible(); }, 5000));
    CHECK(popup->call().memberId == member->id);
    CHECK(popup->shownText().contains(member->name));
    screenshot(demo, QStringLiteral("demo-devices"));
    popup->hide();

    // The printer runs out of paper: the status bar says so once it is next asked.
    demo->printerStatus()->setCurrentIndex(2);
    REQUIRE(QTest::qWaitFor([&] { return session.printer().state().health == PrinterState::Health::Trouble; },
                            PrintQueue::kPollMs * 3));
    CHECK(w.printerState()->text().contains(QStringLiteral("缺纸")));
    demo->printerStatus()->setCurrentIndex(0);
    REQUIRE(QTest::qWaitFor([&] { return session.printer().state().health == PrinterState::Health::Ready; },
                            PrintQueue::kPollMs * 3));
    checkDialogs();
}

TEST_CASE("simulated devices are refused on a shop's own store, whose device settings stay as they were",
          "[gui][devices][demo]")
{
    Store store;
    AppContext &ctx = *store.ctx;
    REQUIRE(ctx.settings().set(QStringLiteral("demo"), QStringLiteral("0")));
    REQUIRE(ctx.settings().set(Settings::kCardReaderSpec, QStringLiteral("serial:/dev/ttyUSB1:9600")));
    auto devices = DemoDevices::start(ctx, store.dir.filePath(QStringLiteral("devices")));
    REQUIRE_FALSE(devices.ok());
    CHECK(devices.error().message.contains(QStringLiteral("演示")));
    CHECK(loadCounterDevices(ctx.settings()).cardReaderSpec == QStringLiteral("serial:/dev/ttyUSB1:9600"));
    CHECK(loadPrinterSettings(ctx.settings()).spec.isEmpty());
}
