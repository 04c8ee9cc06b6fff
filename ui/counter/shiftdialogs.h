#pragma once

#include "core/money.h"

#include <QWidget>
#include <optional>

namespace huike::ui {

class AppSession;

// 开班: the cash float in the drawer. Returns false when the cashier backed out.
bool openShift(AppSession &session, QWidget *parent);
// 交班: shows the shift report so far, asks for the counted cash, closes the shift and shows the
// final report. Returns true when the shift was closed.
bool closeShift(AppSession &session, QWidget *parent);
// A cashier logs in on a till where another's shift is open: close that shift with its report
// (its cash difference stays that cashier's), take it over with a manager's approval, or back out.
// Returns true when the till is ready for the new cashier (no shift left, or theirs now).
bool settleForeignShift(AppSession &session, QWidget *parent);
// The report as text in a read-only monospace dialog.
void showTextReport(QWidget *parent, const QString &title, const QString &text);

} // namespace huike::ui
