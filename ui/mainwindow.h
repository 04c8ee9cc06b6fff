#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QToolButton;
class QTabWidget;

namespace huike::ui {

class AppSession;
class AnalysisWidget;
class CashierWidget;
class MembersWidget;
class ProductsWidget;
class ScannerFilter;
class CallPopup;
class CustomerScreen;
class DemoDevices;
class DemoDevicesWindow;

// The one window: 收银 (the counter) and 商品 (products), the operator and shift in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppSession &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the login dialog (and opens a shift if none is open). False: nobody logged in.
    bool login();
    CashierWidget *cashier() const { return m_cashier; }
    ProductsWidget *products() const { return m_products; }
    MembersWidget *members() const { return m_members; }
    AnalysisWidget *analysis() const { return m_analysis; }
    QToolButton *printerState() const { return m_printerState; }
    CallPopup *callPopup() const { return m_callPopup; }
    // The customer's monitor, shown on a second screen when there is one (tests make one).
    CustomerScreen *customerScreen();
    QTabWidget *tabs() const { return m_tabs; }
    // The simulated devices of a demo store (huike --demo-devices): 系统 → 演示设备 shows them.
    void addDemoDevices(DemoDevices &devices);
    DemoDevicesWindow *demoDevicesWindow() const { return m_demoWindow; }

protected:
    // Ctrl+Q or the window's close button: a cart is never dropped and an open shift never
    // forgotten without the cashier being asked first.
    void closeEvent(QCloseEvent *event) override;

private:
    void updateStatus();
    void switchOperator();
    void closeShiftAndLogout();
    void openSettings();
    // 会员方案: levels, points, recharge bonuses, count cards and coupon types (managers only).
    void openProgramme();
    void updatePrinterState();
    void openPrintQueue();
    // A card swiped on the serial reader: into the focused card field (the member form, 补卡), else
    // onto the sale at the till, else said in the status bar.
    void cardSwiped(const QString &card);
    void openCallLog();
    // The second monitor, where the settings want it and one is attached.
    void placeCustomerScreen();
    void openMember(qint64 memberId);
    void registerCaller(const QString &mobile, qint64 callId);

    AppSession &m_session;
    QTabWidget *m_tabs;
    CashierWidget *m_cashier;
    ProductsWidget *m_products;
    MembersWidget *m_members;
    AnalysisWidget *m_analysis;
    ScannerFilter *m_scanner;
    QLabel *m_status;
    QToolButton *m_printerState; // the printer's state; a click opens the print queue
    CallPopup *m_callPopup;
    CustomerScreen *m_customerScreen = nullptr;
    QAction *m_demoDevicesAction;
    DemoDevicesWindow *m_demoWindow = nullptr;
};

} // namespace huike::ui
