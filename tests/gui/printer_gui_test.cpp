// The till's receipt printer for real: sales rung up on the screen print over a serial line (one
// end of a socat pty pair) to the printer simulator at the other end, the drawer opens for cash,
// a reprint says so, and the drawer opened with no sale takes a manager. A printer that is not
// there, or out of paper, never holds up a sale: the receipt waits in the queue (across a restart
// too) and prints when the printer is back.

#include "app/appcontext.h"
#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/ptypair.h"
#include "counter/cashierwidget.h"
#include "counter/tenderdialog.h"
#include "devices/devicespage.h"
#include "devices/logo.h"
#include "devices/printqueue.h"
#include "devices/printqueuedialog.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "printer/printersimulator.h"
#include "settings/settingsdialog.h"
#include "store/settings.h"
#include "transport/connection.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTabWidget>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QImage>
#include <QPainter>
#include "common/catchqt.h"

#include <catch2/catch.hpp>
#include <future>
#include <mutex>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

namespace {

// The printer simulator on the far end of a pty pair, on a thread of its own, keeping what it got.
class SimulatedPrinter {
public:
    explicit SimulatedPrinter(const QString &dir, const PrinterStatus &status = {})
        : m_line(dir + QStringLiteral("/tty-till"), dir + QStringLiteral("/tty-printer")), m_printer(status)
    {
        std::promise<bool> opened;
        auto ready = opened.get_future();
        // A QThread: Qt's serial port needs one (its notifiers), even used blocking.
        m_thread.reset(QThread::create([this, &opened] {
            DeviceSpec spec;
            spec.path = m_line.b;
            auto port = DeviceConnection::open(spec);
            opened.set_value(port.ok());
            if (!port)
                return;
            m_printer.run(**port, QDeadlineTimer(QDeadlineTimer::Forever), [this](const EscPosEvent &e) {
                std::lock_guard lock(m_mutex);
                m_events.append(e);
            });
        }));
        m_thread->start();
        REQUIRE(ready.get());
    }
    ~SimulatedPrinter()
    {
        m_printer.stop();
        m_thread->wait();
    }
    QString spec() const { return QStringLiteral("serial:%1:9600").arg(m_line.a); }
    void setStatus(const PrinterStatus &s) { m_printer.setStatus(s); }
    // Every line of text it printed, in order.
    QStringList lines() const
    {
        std::lock_guard lock(m_mutex);
        QStringList out;
        for (const EscPosEvent &e : m_events)
            if (e.kind == EscPosEvent::Kind::Text)
                out << e.text;
        return out;
    }
    int count(EscPosEvent::Kind kind) const
    {
        std::lock_guard lock(m_mutex);
        return static_cast<int>(
            std::count_if(m_events.cbegin(), m_events.cend(), [kind](const EscPosEvent &e) { return e.kind == kind; }));
    }
    QStringList barcodes() const
    {
        std::lock_guard lock(m_mutex);
        QStringList out;
        for (const EscPosEvent &e : m_events)
            if (e.kind == EscPosEvent::Kind::Barcode)
                out << e.text;
        return out;
    }

private:
    testsupport::PtyPair m_line;
    PrinterSimulator m_printer;
    std::unique_ptr<QThread> m_thread;
    mutable std::mutex m_mutex;
    QList<EscPosEvent> m_events;
};

QString jobState(AppContext &ctx, const QString &receiptNo, const QString &kind = QStringLiteral("receipt"))
{
    QSqlQuery q(ctx.db().db());
    q.prepare(QStringLiteral("SELECT state FROM print_jobs WHERE reference = ? AND kind = ? ORDER BY id DESC"));
    q.addBindValue(receiptNo);
    q.addBindValue(kind);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

} // namespace

TEST_CASE("each sale prints on the till's printer over a serial line, cash opens the drawer, a reprint says so",
          "[gui][devices]")
{
    Store store;
    SimulatedPrinter printer(store.dir.path());
    // The shop's logo: a picture made black and white for 58 mm paper (a transparent PNG's
    // background prints white).
    QImage picture(500, 150, QImage::Format_ARGB32);
    picture.fill(Qt::transparent);
    QPainter(&picture).fillRect(100, 30, 300, 90, Qt::black);
    const auto logo = rasterLogo(picture, 384);
    REQUIRE(logo.has_value());
    CHECK(logo->width == 384);
    CHECK(logo->height == 115);
    CHECK(logoPreview(*logo).pixelColor(0, 0) == QColor(Qt::white));
    CHECK(logoPreview(*logo).pixelColor(192, 57) == QColor(Qt::black));
    PrinterSettings withLogo = loadPrinterSettings(store.ctx->settings());
    withLogo.spec = printer.spec();
    withLogo.logoWidth = logo->width;
    withLogo.logoHeight = logo->height;
    withLogo.logoBits = logo->bits;
    auto manager = store.ctx->operators().login(QStringLiteral("8001"), QStringLiteral("8888"));
    REQUIRE(manager.ok());
    REQUIRE(savePrinterSettings(store.ctx->settings(), withLogo, manager->id, g_clock.nowMs()).ok());
    AppSession session(*store.ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    REQUIRE(QTest::qWaitFor([&] { return session.printer().state().health == PrinterState::Health::Ready; }, 10000));
    CHECK(w.printerState()->text() == session.printer().state().text());

    QElapsedTimer rung;
    rung.start();
    sellOneForCash(w, store.barcodes(1).first());
    const QString receiptNo = w.cashier()->lastReceiptNo();
    // The sale was done without waiting for paper: the print is the worker thread's.
    CHECK(rung.elapsed() < 3000);
    REQUIRE(QTest::qWaitFor([&] { return jobState(*store.ctx, receiptNo) == QLatin1String("printed"); }, 15000));
    // Taken by the port is not yet decoded at the far end.
    REQUIRE(QTest::qWaitFor([&] { return printer.count(EscPosEvent::Kind::Cut) == 1; }, 10000));
    CHECK(printer.count(EscPosEvent::Kind::Kick) == 1);
    CHECK(printer.count(EscPosEvent::Kind::Cut) == 1);
    CHECK(printer.count(EscPosEvent::Kind::Image) == 1); // the logo, above the shop's name
    CHECK(printer.barcodes().contains(receiptNo));
    CHECK(printer.lines().filter(receiptNo).size() == 1);
    CHECK(printer.lines().filter(QStringLiteral("重印")).isEmpty());

    // Ctrl+P: the same receipt again, marked as a copy.
    QTest::keyClick(w.cashier()->searchField(), Qt::Key_P, Qt::ControlModifier);
    REQUIRE(QTest::qWaitFor([&] { return printer.count(EscPosEvent::Kind::Cut) == 2; }, 15000));
    CHECK(jobState(*store.ctx, receiptNo, QStringLiteral("reprint")) == QLatin1String("printed"));
    CHECK(printer.lines().filter(QStringLiteral("重印")).size() == 1);
    CHECK(printer.count(EscPosEvent::Kind::Kick) == 1); // a copy opens no drawer

    // Ctrl+D: the drawer with no sale, on a manager's PIN, with the reason in the audit log.
    onNextDialog<QInputDialog>([](QInputDialog *in) {
        auto *edit = in->findChild<QLineEdit *>();
        edit->insert(QStringLiteral("换零钱"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    approveAsManager();
    QTest::keyClick(w.cashier()->searchField(), Qt::Key_D, Qt::ControlModifier);
    checkDialogs();
    REQUIRE(QTest::qWaitFor([&] { return printer.count(EscPosEvent::Kind::Kick) == 2; }, 10000));
    QSqlQuery q(store.ctx->db().db());
    REQUIRE(q.exec(QStringLiteral("SELECT reason, authorized_by IS NOT NULL FROM audit_log WHERE action = 'drawer.open'")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("换零钱"));
    CHECK(q.value(1).toBool());

    // The queue: both jobs printed; a screenshot for docs/.
    onNextDialog<PrintQueueDialog>([](PrintQueueDialog *d) {
        CHECK(d->rowCount() == 2);
        screenshot(d, QStringLiteral("print-queue"));
        d->reject();
    });
    w.printerState()->click();
    checkDialogs();
}

TEST_CASE("a dead printer port does not hold up checkout, and the receipt prints once the printer is back",
          "[gui][devices]")
{
    Store store;
    REQUIRE(store.ctx->settings().set(Settings::kPrinterSpec,
                                      QStringLiteral("serial:%1/no-such-tty:9600").arg(store.dir.path())));
    QString receiptNo;
    {
        AppSession session(*store.ctx);
        MainWindow w(session);
        openTillAsCashier(w);
        QElapsedTimer rung;
        rung.start();
        sellOneForCash(w, store.barcodes(1).first());
        CHECK(rung.elapsed() < 3000);
        receiptNo = w.cashier()->lastReceiptNo();
        REQUIRE_FALSE(receiptNo.isEmpty());
        // The sale is recorded; the receipt waits, and the status bar says why.
        REQUIRE(QTest::qWaitFor([&] { return session.printer().state().health == PrinterState::Health::Unreachable; },
                                10000));
        CHECK(session.printer().state().waiting == 1);
        CHECK(w.printerState()->text().contains(QStringLiteral("1")));
        CHECK(jobState(*store.ctx, receiptNo) == QLatin1String("waiting"));
        screenshot(&w, QStringLiteral("printer-unreachable"));
    } // the till is closed with the receipt still waiting

    // Plugged in again, out of paper: the job is not sent into a printer that would lose it.
    SimulatedPrinter printer(store.dir.path(), PrinterStatus{true, false, true, false, false});
    REQUIRE(store.ctx->settings().set(Settings::kPrinterSpec, printer.spec()));
    AppSession session(*store.ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("1001"), QStringLiteral("1234"), QString()); // the shift is still open
    REQUIRE(QTest::qWaitFor([&] { return session.printer().state().health == PrinterState::Health::Trouble; }, 10000));
    CHECK(session.printer().state().detail.contains(QStringLiteral("缺纸")));
    CHECK(jobState(*store.ctx, receiptNo) == QLatin1String("waiting"));
    CHECK(printer.lines().filter(receiptNo).isEmpty());

    // Paper in: at the next look the printer says so and the receipt comes out.
    printer.setStatus(PrinterStatus{});
    REQUIRE(QTest::qWaitFor([&] { return printer.count(EscPosEvent::Kind::Cut) == 1; }, PrintQueue::kPollMs * 3));
    CHECK(jobState(*store.ctx, receiptNo) == QLatin1String("printed"));
    CHECK(printer.lines().filter(receiptNo).size() == 1);
    CHECK(session.printer().state().waiting == 0);
    checkDialogs();
}

TEST_CASE("the devices page lists ports, saves the printer audited and prints a test page", "[gui][devices]")
{
    Store store;
    SimulatedPrinter printer(store.dir.path());
    AppSession session(*store.ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("8001"), QStringLiteral("8888"), QStringLiteral("300"));
    CHECK(session.printer().state().health == PrinterState::Health::None);
    onNextDialog<SettingsDialog>([&](SettingsDialog *d) {
        auto *page = d->findChild<DevicesPage *>();
        REQUIRE(page);
        auto *spec = page->findChild<QComboBox *>(QStringLiteral("printerSpec"));
        spec->setCurrentText(QStringLiteral("serial:nowhere:fast"));
        page->findChild<QPushButton *>(QStringLiteral("printerTest"))->click();
        // A spec that makes no sense is refused on the spot.
        CHECK_FALSE(page->findChild<QLabel *>(QStringLiteral("printerTestResult"))->text().isEmpty());
        spec->setCurrentText(printer.spec());
        auto *columns = page->findChild<QComboBox *>(QStringLiteral("printerColumns"));
        columns->setCurrentIndex(columns->findData(48));
        // The logo from a picture file: no picture is refused with the reason, a PNG is taken.
        QString problem;
        CHECK_FALSE(page->setLogoFile(store.dir.filePath(QStringLiteral("gui.db")), &problem));
        CHECK_FALSE(problem.isEmpty());
        QImage picture(240, 80, QImage::Format_RGB32);
        picture.fill(Qt::white);
        QPainter(&picture).fillRect(20, 10, 200, 60, Qt::black);
        const QString png = store.dir.filePath(QStringLiteral("logo.png"));
        REQUIRE(picture.save(png));
        REQUIRE(page->setLogoFile(png, &problem));
        CHECK_FALSE(page->findChild<QLabel *>(QStringLiteral("logoPreview"))->pixmap().isNull());
        page->findChild<QPushButton *>(QStringLiteral("printerTest"))->click();
        auto *result = page->findChild<QLabel *>(QStringLiteral("printerTestResult"));
        REQUIRE(QTest::qWaitFor([&] { return printer.count(EscPosEvent::Kind::Cut) == 1; }, 10000));
        REQUIRE(QTest::qWaitFor([&] { return result->text().contains(QStringLiteral("测试页")); }, 5000));
        CHECK(printer.count(EscPosEvent::Kind::Image) == 1); // the logo chosen, before it is saved
        auto *tabs = d->findChild<QTabWidget *>();
        tabs->setCurrentIndex(tabs->count() - 1);
        screenshot(d, QStringLiteral("settings-devices"));
        d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    });
    // Through the menu (Ctrl+,), as a manager does.
    for (QAction *a : w.findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Comma))
            a->trigger();
    checkDialogs();
    CHECK(printer.lines().filter(QStringLiteral("48 columns")).size() == 1);
    // Saved, audited, and the till's queue uses it at once.
    const PrinterSettings saved = loadPrinterSettings(store.ctx->settings());
    CHECK(saved.spec == printer.spec() + QStringLiteral(":8N1")); // kept in full
    CHECK(saved.columns == 48);
    CHECK(saved.logoWidth == 240);
    CHECK(saved.logoHeight == 80);
    QSqlQuery q(store.ctx->db().db());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE target IN ('printer.spec', 'printer.columns')")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 2);
    REQUIRE(QTest::qWaitFor([&] { return session.printer().state().health == PrinterState::Health::Ready; }, 10000));
}
