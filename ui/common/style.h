#pragma once

class QApplication;
class QPushButton;
class QString;

namespace huike::ui {

// One look for every screen: a CJK-capable font, large type at the counter, the accent colour.
void applyStyle(QApplication &app);
// A button that shows its key ("F12  结账"): every action at the counter has one.
QPushButton *keyButton(const QString &key, const QString &label);

} // namespace huike::ui
