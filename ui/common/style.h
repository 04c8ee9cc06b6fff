#pragma once

#include <QFont>
#include <QStringList>

class QApplication;
class QPushButton;
class QTableWidget;

namespace huike::ui {

// One look for every screen: a CJK-capable font, large type at the counter, the accent colour.
void applyStyle(QApplication &app);
// A button that shows its key ("F12  结账"): every action at the counter has one.
QPushButton *keyButton(const QString &key, const QString &label);
// A receipt as on paper: a monospace face in which a Chinese character is two columns wide, so the
// columns of Chinese names line up as the printer lays them out.
QFont receiptFont(int pointSize = 11);
// A list to pick a row from, not to edit: these headers, the last column stretched, whole rows
// selected one at a time, no row numbers.
void setUpPickList(QTableWidget *table, const QStringList &headers);

} // namespace huike::ui
