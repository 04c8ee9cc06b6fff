#include "mainwindow.h"

#include "analysis/analysiswidget.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/logindialog.h"
#include "counter/cartmodel.h"
#include "counter/cashierwidget.h"
#include "counter/scannerfilter.h"
#include "counter/shiftdialogs.h"
#include "counter/memberdialog.h"
#include "devices/callpopup.h"
#include "devices/calllogdialog.h"
#include "devices/counterlisteners.h"
#include "devices/customerdisplay.h"
#include "devices/customerscreen.h"
#include "devices/demodeviceswindow.h"
#include "devices/printqueue.h"
#include "common/inputdialogs.h"
#include "core/phone.h"
#include "members/memberdetaildialog.h"
#include "devices/printqueuedialog.h"
#include "products/productswidget.h"
#include "members/memberswidget.h"
#include "settings/programmedialog.h"
#include "settings/settingsdialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>
#include <QScreen>
#include <QTabWidget>
#include <QTimer>

namespace huike::ui {

MainWindow::MainWindow(AppSession &session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_tabs(new QTabWidget), m_cashier(new CashierWidget(session)),
      m_products(new ProductsWidget(session)), m_members(new MembersWidget(session)),
      m_analysis(new AnalysisWidget(session)), m_status(new QLabel),
      m_printerState(new QToolButton), m_callPopup(new CallPopup(session, this))
{
    setWindowTitle(tr("Huike POS"));
    resize(1280, 800);
    m_tabs->addTab(m_cashier, tr("Checkout (Ctrl+1)"));
    m_tabs->addTab(m_products, tr("Products (Ctrl+2)"));
    m_tabs->addTab(m_members, tr("Members (Ctrl+3)"));
    m_tabs->addTab(m_analysis, tr("Customer analysis (Ctrl+4)"));
    setCentralWidget(m_tabs);
    statusBar()->addWidget(m_status, 1);
    m_printerState->setObjectName(QStringLiteral("printerState"));
    m_printerState->setAutoRaise(true);
    m_printerState->setToolTip(tr("Print queue"));
    statusBar()->addPermanentWidget(m_printerState);
    connect(m_printerState, &QToolButton::clicked, this, &MainWindow::openPrintQueue);
    connect(&session.printer(), &PrintQueue::stateChanged, this, &MainWindow::updatePrinterState);
    updatePrinterState();
    CounterListeners &listeners = session.listeners();
    connect(&listeners, &CounterListeners::cardSwiped, this, &MainWindow::cardSwiped);
    connect(&listeners, &CounterListeners::callCame, m_callPopup, &CallPopup::showCall);
    connect(m_callPopup, &CallPopup::attachRequested, this, [this](qint64 id) {
        m_tabs->setCurrentWidget(m_cashier);
        m_cashier->attachMemberById(id);
    });
    connect(m_callPopup, &CallPopup::detailRequested, this, &MainWindow::openMember);
    connect(m_callPopup, &CallPopup::registerRequested, this, &MainWindow::registerCaller);
    connect(m_cashier, &CashierWidget::customerSees, &session.display(), &CustomerDisplay::show);
    connect(m_cashier, &CashierWidget::customerSees, this, [this](const DisplayShow &s) {
        if (m_customerScreen)
            m_customerScreen->showFor(s);
    });
    placeCustomerScreen();

    QMenu *system = menuBar()->addMenu(tr("&System"));
    QAction *toCashier =
        system->addAction(tr("Checkout"), this, [this] { m_tabs->setCurrentWidget(m_cashier); });
    toCashier->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *toProducts =
        system->addAction(tr("Products"), this, [this] { m_tabs->setCurrentWidget(m_products); });
    toProducts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    // Members registered at the till since are in the list: it is read again on every showing.
    QAction *toMembers = system->addAction(tr("Members"), this, [this] { m_tabs->setCurrentWidget(m_members); });
    toMembers->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    QAction *toAnalysis =
        system->addAction(tr("Customer analysis"), this, [this] { m_tabs->setCurrentWidget(m_analysis); });
    toAnalysis->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    system->addSeparator();
    QAction *settings = system->addAction(tr("Settings..."), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    system->addAction(tr("Member programme..."), this, &MainWindow::openProgramme);
    system->addAction(tr("Print queue..."), this, &MainWindow::openPrintQueue);
    system->addAction(tr("Call log..."), this, &MainWindow::openCallLog);
    // Only with simulated devices (huike --demo-devices): addDemoDevices shows it.
    m_demoDevicesAction = system->addAction(tr("Demo devices..."), this, [this] {
        if (m_demoWindow) {
            m_demoWindow->show();
            m_demoWindow->raise();
        }
    });
    m_demoDevicesAction->setVisible(false);
    QAction *switchOp = system->addAction(tr("Switch operator"), this, &MainWindow::switchOperator);
    switchOp->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    system->addAction(tr("Close shift (F11)"), this, &MainWindow::closeShiftAndLogout);
    system->addSeparator();
    QAction *quit = system->addAction(tr("Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    const WedgeDecoder::Config scannerConfig{
        session.ctx().settings().integer(Settings::kScannerInterKeyMs, 35), 4, 64};
    m_scanner = new ScannerFilter(
        this, [this] { return m_tabs->currentWidget() == m_cashier; }, scannerConfig, this);
    qApp->installEventFilter(m_scanner);
    connect(m_scanner, &ScannerFilter::scanned, m_cashier, &CashierWidget::addScanned);
    connect(m_cashier, &CashierWidget::closeShiftRequested, this, &MainWindow::closeShiftAndLogout);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_members) {
            m_members->reloadChoices();
            m_members->refresh();
        }
        if (m_tabs->currentWidget() == m_cashier)
            m_cashier->searchField()->setFocus();
    });
    connect(&session, &AppSession::operatorChanged, this, &MainWindow::updateStatus);
    connect(&session, &AppSession::shiftChanged, this, &MainWindow::updateStatus);
    connect(&session, &AppSession::documentCommitted, this, &MainWindow::updateStatus);
    auto *clock = new QTimer(this);
    connect(clock, &QTimer::timeout, this, &MainWindow::updateStatus);
    clock->start(30000);
    updateStatus();
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(m_scanner);
}

bool MainWindow::login()
{
    LoginDialog d(m_session, isVisible() ? this : nullptr);
    if (execDialog(d) != QDialog::Accepted)
        return false;
    m_session.setOperator(d.loggedIn());
    // Nothing is sold, refunded or voided outside a shift: every yuan must show in a 交班 report,
    // and in the report of the cashier who took it.
    for (;;) {
        const auto shift = m_session.shift();
        if (shift && shift->operatorId == m_session.op().id)
            break;
        if (shift ? settleForeignShift(m_session, this) : openShift(m_session, this))
            continue;
        m_session.logout();
        return login();
    }
    m_tabs->setCurrentWidget(m_cashier);
    m_cashier->resumePaidCart();
    m_cashier->searchField()->setFocus();
    if (isVisible())
        activateWindow(); // back from the login dialog: the next scan goes to the till
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const auto shift = m_session.loggedIn() ? m_session.shift() : std::nullopt;
    const CartModel &cart = m_cashier->cart();
    if (!m_session.loggedIn() || (cart.isEmpty() && !shift)) {
        event->accept();
        return;
    }
    QStringList what;
    if (!cart.isEmpty())
        what << tr("The cart (%1 items, %2) will be held: F7 recalls it when Huike starts again.")
                    .arg(cart.rowCount())
                    .arg(cart.priced().total.display());
    if (shift)
        what << tr("%1's shift stays open, with its drawer: close it (交班) first if the day is over.")
                    .arg(shift->operatorName);
    QMessageBox box(QMessageBox::Question, tr("Quit Huike"), what.join(QLatin1Char('\n')), QMessageBox::NoButton,
                    this);
    QPushButton *quit = box.addButton(tr("Quit"), QMessageBox::AcceptRole);
    quit->setObjectName(QStringLiteral("quitKeepShift"));
    QPushButton *closeFirst = nullptr;
    if (shift) {
        closeFirst = box.addButton(tr("Close the shift (交班), then quit"), QMessageBox::ActionRole);
        closeFirst->setObjectName(QStringLiteral("quitCloseShift"));
    }
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel); // Enter by habit must not quit a till
    box.setEscapeButton(cancel);
    execDialog(box);
    if (box.clickedButton() != quit && (!closeFirst || box.clickedButton() != closeFirst)) {
        event->ignore();
        return;
    }
    if (!m_cashier->holdCart(tr("held when Huike was closed"))) {
        MessageBox::warning(this, tr("Quit Huike"), m_cashier->message());
        event->ignore();
        return;
    }
    if (closeFirst && box.clickedButton() == closeFirst && !closeShift(m_session, this)) {
        event->ignore();
        return;
    }
    event->accept();
}

void MainWindow::switchOperator()
{
    if (!m_cashier->cart().isEmpty()) {
        MessageBox::information(this, tr("Switch operator"),
                                 tr("Finish or hold the current cart first (F6)."));
        return;
    }
    m_session.logout();
    if (!login())
        close();
}

void MainWindow::closeShiftAndLogout()
{
    if (!m_cashier->cart().isEmpty()) {
        MessageBox::information(this, tr("Close shift"), tr("Finish or hold the current cart first (F6)."));
        return;
    }
    if (!closeShift(m_session, this))
        return;
    m_session.logout();
    if (!login())
        close();
}

void MainWindow::openSettings()
{
    if (!m_session.op().isManager()) {
        MessageBox::information(this, tr("Settings"),
                                 tr("Only a manager or administrator can change settings."));
        return;
    }
    SettingsDialog d(m_session, this);
    if (execDialog(d) == QDialog::Accepted) {
        m_session.printer().reload();
        m_session.listeners().reload();
        m_session.display().reload();
        placeCustomerScreen();
        m_cashier->cart().setRounding(m_session.ctx().checkout().roundingMode());
        m_scanner->setConfig(WedgeDecoder::Config{
            m_session.ctx().settings().integer(Settings::kScannerInterKeyMs, 35), 4, 64});
    }
}

void MainWindow::openProgramme()
{
    if (!m_session.op().isManager()) {
        MessageBox::information(this, tr("Member programme"),
                                 tr("Only a manager or administrator can change the member programme."));
        return;
    }
    ProgrammeDialog d(m_session, this);
    execDialog(d);
}

void MainWindow::updateStatus()
{
    AppContext &ctx = m_session.ctx();
    const auto info = loadStore(ctx.db(), ctx.store().storeId);
    const QString store = info ? info->name : QString();
    const auto shift = m_session.shift();
    QStringList parts = {store, tr("Till %1").arg(ctx.store().terminal)};
    if (m_session.loggedIn())
        parts << tr("%1 (%2)").arg(m_session.op().name, roleLabel(m_session.op().role));
    parts << (shift ? tr("Shift open since %1")
                          .arg(ctx.time().local(shift->openedAtMs).toString(QStringLiteral("MM-dd HH:mm")))
                    : tr("No shift open"));
    if (!m_cashier->lastReceiptNo().isEmpty())
        parts << tr("Last receipt %1").arg(m_cashier->lastReceiptNo());
    parts << ctx.time().local(ctx.clock().nowMs()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_status->setText(parts.join(QStringLiteral("   ·   ")));
}

void MainWindow::updatePrinterState()
{
    const PrinterState state = m_session.printer().state();
    m_printerState->setText(state.text());
    // Red when a receipt cannot come out: the cashier sees it before the customer asks.
    m_printerState->setStyleSheet(state.bad() ? QStringLiteral("color: #b03020; font-weight: bold;") : QString());
}

void MainWindow::openPrintQueue()
{
    PrintQueueDialog d(m_session, this);
    execDialog(d);
}

void MainWindow::cardSwiped(const QString &card)
{
    if (fillFocusedCardField(card))
        return;
    if (QApplication::activeModalWidget()) {
        statusBar()->showMessage(tr("Card %1 swiped: close the open window first to use it.").arg(card), 8000);
        return;
    }
    if (m_tabs->currentWidget() == m_cashier) {
        m_cashier->swipedCard(card);
        return;
    }
    auto member = m_session.ctx().members().byPhoneOrCard(card);
    statusBar()->showMessage(member && member->cardNo == card
                                 ? tr("Card %1: %2 (%3).").arg(card, member->name, maskPhone(member->phone))
                                 : tr("Card %1 belongs to no member.").arg(card),
                             8000);
}

void MainWindow::openCallLog()
{
    CallLogDialog d(m_session, this);
    connect(&d, &CallLogDialog::detailRequested, this, &MainWindow::openMember);
    connect(&d, &CallLogDialog::registerRequested, this, &MainWindow::registerCaller);
    execDialog(d);
}

void MainWindow::openMember(qint64 memberId)
{
    MemberDetailDialog d(m_session, memberId, this);
    execDialog(d);
}

void MainWindow::registerCaller(const QString &mobile, qint64 callId)
{
    RegisterMemberDialog d(m_session, mobile, this);
    if (execDialog(d) != QDialog::Accepted)
        return;
    AppContext &ctx = m_session.ctx();
    if (auto st = CallLog(ctx.db(), ctx.store().terminal).linkMember(callId, d.registered().id); !st)
        statusBar()->showMessage(st.error().message, 8000);
    if (m_callPopup->isVisible() && m_callPopup->call().id == callId) {
        CallRecord call = m_callPopup->call();
        call.memberId = d.registered().id;
        m_callPopup->showCall(call);
    }
}

void MainWindow::addDemoDevices(DemoDevices &devices)
{
    m_demoWindow = new DemoDevicesWindow(devices, m_session.ctx(), this);
    m_demoDevicesAction->setVisible(true);
}

CustomerScreen *MainWindow::customerScreen()
{
    if (!m_customerScreen)
        m_customerScreen = new CustomerScreen(m_cashier->cart(), m_session.listeners().settings().displayMessage, this);
    return m_customerScreen;
}

void MainWindow::placeCustomerScreen()
{
    const CounterDeviceSettings &settings = m_session.listeners().settings();
    const QList<QScreen *> screens = QGuiApplication::screens();
    if (!settings.secondScreen || screens.size() < 2) {
        if (m_customerScreen)
            m_customerScreen->hide();
        return;
    }
    // The screen the till's window is not on.
    QScreen *own = screen();
    QScreen *other = screens.at(0) == own ? screens.at(1) : screens.at(0);
    CustomerScreen *shown = customerScreen();
    shown->setMessage(settings.displayMessage);
    shown->setGeometry(other->geometry());
    shown->showFullScreen();
}

} // namespace huike::ui
