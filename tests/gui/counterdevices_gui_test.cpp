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
#include "display/customerdisplay.h"
#include "counter/tenderdialog.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "members/calls.h"
#include "members/memberform.h"
#include "members/memberswidget.h"
#include "store/settings.h"
#include "transport/connection.h"

#include <QApplication>
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
    QByteArray heard;
    REQUIRE(QTest::qWaitFor(
        [&] {
            heard += box.port->read(64, 20);
            return heard.contains("AT+VCID=1\r");
        },
        10000));

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
