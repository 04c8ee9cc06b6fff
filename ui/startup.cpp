#include "startup.h"

#include "app/appcontext.h"
#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/style.h"
#include "core/log.h"
#include "counter/cashierwidget.h"
#include "devices/demodevices.h"
#include "devices/demodeviceswindow.h"
#include "mainwindow.h"
#include "settings/setupdialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QScreen>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <cstdio>
#include <spdlog/spdlog.h>

namespace huike::ui {

void installTranslations(QApplication &app, const QString &language)
{
    if (language.startsWith(QLatin1String("en")))
        return;
    auto *ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/huike_zh_CN.qm")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

int runApp(QApplication &app)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Huike POS"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("Database file (default: the data folder)"),
                      QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("lang"), QStringLiteral("zh_CN (default) or en"), QStringLiteral("LANG")});
    parser.addOption({QStringLiteral("terminal"), QStringLiteral("This till's name (default: host name)"),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("measure-startup"),
         QStringLiteral("Log in as CODE:PIN, print the time to a usable cashier screen as JSON, quit"),
         QStringLiteral("CODE:PIN")});
    parser.addOption(
        {QStringLiteral("demo-devices"),
         QStringLiteral("Play a receipt printer, card reader, caller-ID box and customer display on socat pty pairs "
                        "in DIR and point the demo store at them (a demo store only; 系统 → 演示设备)"),
         QStringLiteral("DIR")});
    parser.process(app);

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    initLogging(dataDir, QStringLiteral("huike"));
    installTranslations(app, parser.value(QStringLiteral("lang")));
    applyStyle(app);

    const QString path = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                            : AppContext::defaultDatabasePath();
    static SystemClock clock;
    const auto openStore = [&]() -> std::unique_ptr<AppContext> {
        auto ctx = AppContext::open(path, clock, parser.value(QStringLiteral("terminal")), true);
        if (!ctx) {
            MessageBox::critical(nullptr, QCoreApplication::translate("Startup", "Huike POS"), ctx.error().message);
            return nullptr;
        }
        return std::move(*ctx);
    };
    std::unique_ptr<AppContext> ctx = openStore();
    if (!ctx)
        return 1;
    // A file without a store is a new shop: it is set up, never filled with a demo store and its
    // published PINs unasked. (./scripts/run-demo.sh makes its demo store with huike-cli init --demo.)
    if (ctx->isEmpty()) {
        ctx.reset(); // closed: the set-up builds the store beside it and renames it into place
        if (parser.isSet(QStringLiteral("measure-startup"))) {
            std::fprintf(stderr, "%s holds no store: create one first (huike-cli init)\n", qPrintable(path));
            return 1;
        }
        SetupDialog setup(path, clock);
        if (execDialog(setup) != QDialog::Accepted)
            return 0;
        if (!(ctx = openStore()))
            return 1;
    }
    spdlog::info("database {} open", path.toStdString());

    // Before the session: its printer, listeners and display read the settings these point at the pairs.
    std::unique_ptr<DemoDevices> demoDevices;
    if (parser.isSet(QStringLiteral("demo-devices"))) {
        auto started = DemoDevices::start(*ctx, parser.value(QStringLiteral("demo-devices")));
        if (started)
            demoDevices = std::move(*started);
        else if (parser.isSet(QStringLiteral("measure-startup"))) // no one to click a message away
            std::fprintf(stderr, "demo devices: %s\n", qPrintable(started.error().message));
        else // the demo runs on without them, and says why
            MessageBox::warning(nullptr, QCoreApplication::translate("Startup", "Demo devices"), started.error().message);
    }
    AppSession session(*ctx);
    MainWindow window(session);
    if (demoDevices)
        window.addDemoDevices(*demoDevices);
    if (parser.isSet(QStringLiteral("measure-startup"))) {
        const QStringList cp = parser.value(QStringLiteral("measure-startup")).split(QLatin1Char(':'));
        auto op = ctx->operators().login(cp.value(0), cp.value(1));
        if (!op) {
            std::fprintf(stderr, "%s\n", qPrintable(op.error().message));
            return 1;
        }
        session.setOperator(*op);
        window.show();
        QTimer::singleShot(0, &app, [&] {
            // Shown, laid out and painted: the cashier can scan.
            std::printf("{\"bench\":\"gui_startup\",\"cashier_ready_ms\":%lld}\n",
                        static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            app.quit();
        });
        return app.exec();
    }
    if (!window.login())
        return 0;
    // A till runs full-screen; counter screens are often 1366x768 or 1024x768, smaller than the
    // window's default size, and a status bar below the screen's edge tells the cashier nothing.
    window.showMaximized();
    // The login dialog is gone: the cashier screen takes the keyboard at once, so the first scan
    // lands in the search field and not nowhere (some window managers give focus to no one).
    window.activateWindow();
    if (DemoDevicesWindow *demo = window.demoDevicesWindow()) {
        // Beside the till, where it covers the least of it; the till keeps the keyboard.
        const QRect screen = window.screen()->availableGeometry();
        demo->move(screen.right() - demo->width(), screen.top());
        demo->show();
        window.activateWindow();
    }
    return app.exec();
}

} // namespace huike::ui
