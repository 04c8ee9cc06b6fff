// The card reader and the caller-ID box for real, over socat pty pairs: the test plays each
// device at the far end with the drivers' own encoders. A swipe at the till attaches the member; a
// card no member has is offered for registration and then attached; a swipe while the member
// form's card field has the focus fills it. A call pops the caller's member card over the till
// without taking the focus; a new caller is registered from it, and the call log lists both. The
// customer display shows each line's price, the total and what was paid.

#include "app/appcontext.h"
#include "callerid/callerid.h"
#include "cardreader/cardreader.h"
#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/ptypair.h"
#include "counter/cartmodel.h"
#include "counter/cashierwidget.h"
#include "counter/memberdialog.h"
#include "devices/calllogdialog.h"
#include "devices/callpopup.h"
#include "devices/counterlisteners.h"
#include "devices/customerscreen.h"
#include "devices/devicespage.h"
#include "display/customerdisplay.h"
#include "counter/tenderdialog.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "members/calls.h"
#include "members/memberform.h"
#include "members/memberswidget.h"
#include "settings/settingsdialog.h"
#include "store/devicesettings.h"
#include "store/settings.h"
#include "transport/connection.h"

#include <QApplication>
#include <QComboBox>
#include <QScrollArea>
#include <QTabWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>
#include "common/catchqt.h"

#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

namespace {

// The device's end of a pty pair, opened by the test.
struct FarEnd {
    testsupport::PtyPair line;
    std::unique_ptr<DeviceConnection> port;
    FarEnd(const QString &dir, const QString &name)
        : line(dir + QStringLiteral("/") + name + QStringLiteral("-till"), dir + QStringLiteral("/") + name +
                                                                               QStringLiteral("-device"))
    {
        DeviceSpec spec;
        spec.path = line.b;
        auto opened = DeviceConnection::open(spec);
        REQUIRE(opened.ok());
        port = std::move(*opened);
    }
    QString spec() const { return QStringLiteral("serial:%1:9600").arg(line.a); }
    void send(const QByteArray &bytes) { REQUIRE(port->write(bytes, 2000).ok()); }
    // Whether the till sends `bytes` (a modem's set-up) within 10 s.
    bool hears(const QByteArray &bytes)
    {
        QByteArray heard;
        return QTest::qWaitFor(
            [&] {
                heard += port->read(64, 20);
                return heard.contains(bytes);
            },
            10000);
    }
};

qint64 addMember(AppContext &ctx, const QString &phone, const QString &name, const QString &card = {})
{
    MemberInput in;
    in.phone = phone;
    in.name = name;
    in.cardNo = card;
    in.notes = QStringLiteral("喜欢无糖饮料");
    auto m = ctx.members().registerMember(in, 0);
    REQUIRE(m.ok());
    return m->id;
}

} // namespace

TEST_CASE("a card swiped on the serial reader attaches the member, registers an unknown card and fills the form",
          "[gui][devices]")
{
    Store store;
    FarEnd reader(store.dir.path(), QStringLiteral("card"));
    AppContext &ctx = *store.ctx;
    const qint64 member = addMember(ctx, QStringLiteral("13912345678"), QStringLiteral("陈静"), QStringLiteral("0012345678"));
    REQUIRE(ctx.settings().set(Settings::kCardReaderSpec, reader.spec()));
    AppSession session(ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    REQUIRE(QTest::qWaitFor([&] { return session.listeners().cardReaderState() == QStringLiteral("已连接"); }, 10000));

    // An EM4100 frame: the member is on the sale.
    reader.send(encodeCardSwipe(CardSwipe::Framing::Frame, QStringLiteral("0012345678")));
    REQUIRE(QTest::qWaitFor([&] { return w.cashier()->cart().cart().memberId() == member; }, 5000));
    CHECK(w.cashier()->message().contains(QStringLiteral("陈静")));

    // A card no member has: said, offered, registered with the card filled in, attached.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    onNextDialog<RegisterMemberDialog>([](RegisterMemberDialog *d) {
        CHECK(d->findChild<QLineEdit *>(QStringLiteral("card"))->text() == QStringLiteral("0099887766"));
        auto *phone = d->findChild<QLineEdit *>(QStringLiteral("phone"));
        QTest::keyClicks(phone, QStringLiteral("13600001111"));
        d->findChild<QPushButton *>(QStringLiteral("primary"))->click();
    });
    w.cashier()->cart().setMember({}); // the next customer
    reader.send(encodeCardSwipe(CardSwipe::Framing::Line, QStringLiteral("0099887766")));
    REQUIRE(QTest::qWaitFor([&] { return DialogScript::pending() == 0; }, 5000));
    checkDialogs();
    CHECK(MessageBox::lastText().contains(QStringLiteral("0099887766")));
    auto registered = ctx.members().byPhoneOrCard(QStringLiteral("0099887766"));
    REQUIRE(registered.ok());
    CHECK(registered->phone == QStringLiteral("13600001111"));
    CHECK(w.cashier()->cart().cart().memberId() == registered->id);

    // On the member screen, the new member form's card field takes a magnetic swipe.
    w.tabs()->setCurrentWidget(w.members());
    onNextDialog<QDialog>([&](QDialog *d) {
        auto *card = d->findChild<QLineEdit *>(QStringLiteral("formCard"));
        REQUIRE(card);
        card->setFocus();
        QApplication::setActiveWindow(d);
        reader.send(encodeCardSwipe(CardSwipe::Framing::Track, QStringLiteral("88001234")));
        REQUIRE(QTest::qWaitFor([&] { return card->text() == QStringLiteral("88001234"); }, 5000));
        d->reject();
    });
    w.members()->registerMember();
    checkDialogs();
}

TEST_CASE("a call pops the caller's member card over the till, a new caller is registered from it, and the call "
          "log lists both",
          "[gui][devices]")
{
    Store store;
    FarEnd box(store.dir.path(), QStringLiteral("phone"));
    AppContext &ctx = *store.ctx;
    const qint64 member = addMember(ctx, QStringLiteral("13800138000"), QStringLiteral("张晓梅"));
    REQUIRE(ctx.settings().set(Settings::kCallerIdSpec, box.spec()));
    REQUIRE(ctx.settings().set(Settings::kCallerIdSetup, QStringLiteral("AT+VCID=1")));
    AppSession session(ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    // The modem is told to report calls when the port opens.
    REQUIRE(box.hears("AT+VCID=1\r"));

    // Her call, from another city's exchange (a trunk 0 before the mobile).
    QWidget *focused = QApplication::focusWidget();
    box.send(encodeCall(CallerIdConfig::Form::Formatted,
                        IncomingCall{QStringLiteral("013800138000"), IncomingCall::Withheld::No, {}, QStringLiteral("12071030")}));
    CallPopup *popup = w.callPopup();
    REQUIRE(QTest::qWaitFor([&] { return popup->isVisible(); }, 5000));
    CHECK(popup->call().memberId == member);
    CHECK(popup->shownText().contains(QStringLiteral("张晓梅")));
    CHECK(popup->shownText().contains(QStringLiteral("喜欢无糖饮料")));
    CHECK(popup->shownText().contains(QStringLiteral("138****8000")));
    CHECK(QApplication::focusWidget() == focused); // the cashier's scan field keeps the keys
    screenshot(popup, QStringLiteral("call-popup"));
    // 关联到收银: she is on the sale.
    popup->findChild<QPushButton *>(QStringLiteral("callAttach"))->click();
    CHECK(w.cashier()->cart().cart().memberId() == member);
    CHECK_FALSE(popup->isVisible());

    // A caller who is no member: registered from the card, and the call is theirs.
    box.send(encodeCall(CallerIdConfig::Form::Hex,
                        IncomingCall{QStringLiteral("13500006666"), IncomingCall::Withheld::No, {}, QStringLiteral("12071035")}));
    REQUIRE(QTest::qWaitFor([&] { return popup->isVisible() && popup->call().number == QStringLiteral("13500006666"); },
                            5000));
    CHECK(popup->call().memberId == 0);
    CHECK(popup->shownText().contains(QStringLiteral("新来电")));
    onNextDialog<RegisterMemberDialog>([](RegisterMemberDialog *d) {
        CHECK(d->findChild<QLineEdit *>(QStringLiteral("phone"))->text() == QStringLiteral("13500006666"));
        auto *name = d->findChild<QLineEdit *>(QStringLiteral("name"));
        name->insert(QStringLiteral("刘强"));
        d->findChild<QPushButton *>(QStringLiteral("primary"))->click();
    });
    popup->findChild<QPushButton *>(QStringLiteral("callRegister"))->click();
    checkDialogs();
    CHECK(popup->call().memberId > 0);
    CHECK(popup->shownText().contains(QStringLiteral("刘强")));

    // A withheld number is logged as such.
    box.send(encodeCall(CallerIdConfig::Form::Formatted, IncomingCall{{}, IncomingCall::Withheld::Private, {}, {}}));
    REQUIRE(QTest::qWaitFor([&] { return popup->call().withheld == QStringLiteral("private"); }, 5000));

    onNextDialog<CallLogDialog>([](CallLogDialog *d) {
        CHECK(d->rowCount() == 3);
        screenshot(d, QStringLiteral("call-log"));
        d->reject();
    });
    for (QAction *a : w.findChildren<QAction *>())
        if (a->text() == QStringLiteral("来电记录..."))
            a->trigger();
    checkDialogs();
    QSqlQuery q(ctx.db().db());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM call_log WHERE member_id IS NOT NULL")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 2);
}

TEST_CASE("the customer display shows each line's price, the total and what was paid, the second monitor the cart",
          "[gui][devices]")
{
    Store store;
    FarEnd led(store.dir.path(), QStringLiteral("display"));
    AppContext &ctx = *store.ctx;
    REQUIRE(ctx.settings().set(Settings::kDisplaySpec, led.spec()));
    REQUIRE(ctx.settings().set(Settings::kDisplayMessage, QStringLiteral("汇客便利店 欢迎光临")));
    AppSession session(ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CustomerDisplayDecoder display(DisplayKind::Led);
    DisplayState shown;
    auto shows = [&](int lamp, const QString &number) {
        return QTest::qWaitFor(
            [&] {
                for (const DisplayState &s : display.feed(led.port->read(4096, 20)))
                    shown = s;
                return shown.lamp == lamp && shown.number == number;
            },
            5000);
    };
    // The welcome blanks it when the till starts.
    REQUIRE(shows(0, QString()));

    const QString barcode = store.barcodes(1).first();
    QLineEdit *scan = w.cashier()->searchField();
    QTest::keyClicks(scan, barcode);
    QTest::keyClick(scan, Qt::Key_Return);
    REQUIRE(w.cashier()->cart().rowCount() == 1);
    const Money price = w.cashier()->cart().priced().lines.at(0).unitPrice;
    CHECK(shows(1, price.toString())); // 单价

    CustomerScreen *screen = w.customerScreen();
    screen->showFor(DisplayShow{DisplayShow::What::Price, price, w.cashier()->cart().line(0).name,
                                w.cashier()->cart().priced().total});
    screen->resize(1024, 600);
    screen->show();
    CHECK(screen->bigText().contains(price.toString()));
    screenshot(screen, QStringLiteral("customer-screen"));
    screen->hide();

    onNextDialog<TenderDialog>([&](TenderDialog *d) {
        CHECK(shows(2, price.toString())); // 总计 while paying
        QTest::keyClick(d->findChild<QLineEdit *>(QStringLiteral("tenderAmount")), Qt::Key_Return);
        QTest::keyClick(d, Qt::Key_Return);
    });
    QApplication::setActiveWindow(&w);
    QTest::keyClick(scan, Qt::Key_F12);
    checkDialogs();
    REQUIRE(w.cashier()->cart().isEmpty());
    CHECK(shows(3, price.toString())); // 收款: paid exactly, no change
}

TEST_CASE("the devices page waits for a swipe and a call and shows a test on the display, on the ports as typed, and "
          "gives the till its reader back",
          "[gui][devices]")
{
    Store store;
    FarEnd reader(store.dir.path(), QStringLiteral("card"));
    FarEnd box(store.dir.path(), QStringLiteral("phone"));
    FarEnd vfd(store.dir.path(), QStringLiteral("display"));
    AppContext &ctx = *store.ctx;
    // The till already listens on the reader: the page's test borrows the port and gives it back.
    REQUIRE(ctx.settings().set(Settings::kCardReaderSpec, reader.spec()));
    const qint64 tested = addMember(ctx, QStringLiteral("13912345678"), QStringLiteral("陈静"), QStringLiteral("0012345678"));
    const qint64 after = addMember(ctx, QStringLiteral("13600001111"), QStringLiteral("王磊"), QStringLiteral("0099887766"));
    AppSession session(ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("8001"), QStringLiteral("8888"), QStringLiteral("300"));
    REQUIRE(QTest::qWaitFor([&] { return session.listeners().cardReaderState() == QStringLiteral("已连接"); }, 10000));

    onNextDialog<SettingsDialog>([&](SettingsDialog *d) {
        auto *page = d->findChild<DevicesPage *>();
        REQUIRE(page);
        // 等待刷卡: a card swiped within the time is read and said; the sale hears nothing of it.
        page->findChild<QPushButton *>(QStringLiteral("cardReaderTest"))->click();
        auto *cardResult = page->findChild<QLabel *>(QStringLiteral("cardReaderTestResult"));
        CHECK(cardResult->text().contains(QStringLiteral("刷卡")));
        bool read = false;
        for (int i = 0; i < 20 && !read; ++i) { // until the test has the port open
            reader.send(encodeCardSwipe(CardSwipe::Framing::Line, QStringLiteral("0012345678")));
            read = QTest::qWaitFor([&] { return cardResult->text().contains(QStringLiteral("0012345678")); }, 500);
        }
        REQUIRE(read);

        // 等待来电 on a modem typed in: its set-up is sent, and the call's number is said.
        page->findChild<QComboBox *>(QStringLiteral("callerIdSpec"))->setCurrentText(box.spec());
        page->findChild<QLineEdit *>(QStringLiteral("callerIdSetup"))->setText(QStringLiteral("AT+VCID=1"));
        page->findChild<QPushButton *>(QStringLiteral("callerIdTest"))->click();
        REQUIRE(box.hears("AT+VCID=1\r"));
        box.send(encodeCall(CallerIdConfig::Form::Formatted,
                            IncomingCall{QStringLiteral("13800138000"), IncomingCall::Withheld::No, {}, QStringLiteral("12071030")}));
        auto *callResult = page->findChild<QLabel *>(QStringLiteral("callerIdTestResult"));
        REQUIRE(QTest::qWaitFor([&] { return callResult->text().contains(QStringLiteral("13800138000")); }, 10000));

        // 显示测试 on a VFD: the welcome, a price, the total, what was paid, the change.
        page->findChild<QComboBox *>(QStringLiteral("displaySpec"))->setCurrentText(vfd.spec());
        auto *kind = page->findChild<QComboBox *>(QStringLiteral("displayKind"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("vfd")));
        page->findChild<QPushButton *>(QStringLiteral("displayTest"))->click();
        CustomerDisplayDecoder display(DisplayKind::Vfd);
        QStringList shown;
        REQUIRE(QTest::qWaitFor(
            [&] {
                for (const DisplayState &s : display.feed(vfd.port->read(4096, 20)))
                    shown << s.line1 + QLatin1Char('|') + s.line2;
                return shown.size() == 5;
            },
            10000));
        CHECK(shown.first().startsWith(QStringLiteral("汇客收银")));
        CHECK(shown.last() == QStringLiteral("找零 CHANGE|￥11.20"));
        auto *displayResult = page->findChild<QLabel *>(QStringLiteral("displayTestResult"));
        REQUIRE(QTest::qWaitFor([&] { return displayResult->text().contains(QStringLiteral("11.20")); }, 5000));
        auto *tabs = d->findChild<QTabWidget *>();
        tabs->setCurrentIndex(tabs->count() - 1);
        QWidget *up = page;
        while (up && !qobject_cast<QScrollArea *>(up))
            up = up->parentWidget();
        REQUIRE(up);
        static_cast<QScrollArea *>(up)->ensureWidgetVisible(page->findChild<QPushButton *>(QStringLiteral("displayTest")), 0, 0);
        screenshot(d, QStringLiteral("settings-devices-tests"));
        d->reject(); // nothing saved
    });
    for (QAction *a : w.findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Comma))
            a->trigger();
    checkDialogs();
    CHECK(loadCounterDevices(ctx.settings()).callerIdSpec.isEmpty());
    CHECK(loadCounterDevices(ctx.settings()).displaySpec.isEmpty());
    CHECK(w.cashier()->cart().cart().memberId() != tested); // the test's swipe stayed in the test

    // The till has its reader again: a swipe attaches the member.
    REQUIRE(QTest::qWaitFor([&] { return session.listeners().cardReaderState() == QStringLiteral("已连接"); }, 10000));
    QString swiped;
    QObject::connect(&session.listeners(), &CounterListeners::cardSwiped, [&](const QString &card) { swiped = card; });
    bool heardAgain = false;
    for (int i = 0; i < 20 && !heardAgain; ++i) {
        reader.send(encodeCardSwipe(CardSwipe::Framing::Line, QStringLiteral("0099887766")));
        heardAgain = QTest::qWaitFor([&] { return swiped == QStringLiteral("0099887766"); }, 500);
    }
    CHECK(heardAgain);
    REQUIRE(QTest::qWaitFor([&] { return w.cashier()->cart().cart().memberId() == after; }, 5000));
    checkDialogs();
}
