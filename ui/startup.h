#pragma once

#include <QString>

class QApplication;

namespace huike::ui {

// Installs the translation: Simplified Chinese unless `language` says "en".
void installTranslations(QApplication &app, const QString &language);
// Runs the program: opens (or creates, as a demo store) the database, logs in, shows the window.
int runApp(QApplication &app);

} // namespace huike::ui
