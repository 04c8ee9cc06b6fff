#pragma once

// What the GUI tests share: a small demo store on a temporary file, the dialog script hook, the
// screenshots for docs/ and the usual logins.

#include "app/appcontext.h"
#include "common/dialogs.h"
#include "core/clock.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <functional>
#include <memory>

class QWidget;

namespace huike::ui {
class MainWindow;
}

namespace guitest {

extern huike::SystemClock g_clock;

// The demo store (30 members, no history) on a file in a temporary folder, till "GUI".
struct Store {
    QTemporaryDir dir;
    std::unique_ptr<huike::AppContext> ctx;

    Store() : Store(30, 0) {}
    // A demo store of `members` members and `months` months of sales up to now (gui.db in dir).
    Store(int members, int months);
    // Barcodes of three different products at ¥10 or more, spread over the catalogue.
    QStringList barcodes(int n);
};

// The next dialog the program shows must be a T; `action` drives it as soon as it is shown, through
// the program's own dialog hook (ui/common/dialogs.h): no timers hunting for windows.
template <class T> void onNextDialog(std::function<void(T *)> action)
{
    huike::ui::DialogScript::push<T>(std::move(action));
}

// Every scripted dialog came, in order, and none came unscripted.
void checkDialogs();
// Saves `w` as docs-ready PNG when HUIKE_SCREENSHOTS names a folder.
void screenshot(QWidget *w, const QString &name);
void logInAs(huike::ui::MainWindow &w, const QString &code, const QString &pin, const QString &cashFloat);
// Cashier 1001 logs in (opening the shift with a ¥300 float), and the till is shown and active, as
// it is when a scan comes in.
void openTillAsCashier(huike::ui::MainWindow &w);
// One of `barcode` scanned and paid in cash at F12 (Enter on the tender dialog's amount, then on
// the dialog): the cart is empty again.
void sellOneForCash(huike::ui::MainWindow &w, const QString &barcode);
// The manager 8001 types code and PIN into the next approval dialog, as a person would.
void approveAsManager();

} // namespace guitest
