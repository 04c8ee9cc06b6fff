#pragma once

#include <QMessageBox>
#include <QString>
#include <QStringList>
#include <functional>

class QDialog;
class QWidget;

namespace huike::ui {

// Every modal dialog of the program runs through execDialog(), and every question, warning or
// notice through MessageBox: in the program they are QDialog::exec() and QMessageBox. A test
// scripts instead what the next dialogs do (as KeePassXC's MessageBox::setNextAnswer does): each
// script runs on its dialog as soon as it is shown, synchronously, with no timer hunting for
// windows. A dialog that comes with no script, of another type than scripted, or left open by
// its script is closed and reported; a failed REQUIRE inside a script is reported by Catch and
// closes the dialog instead of aborting the program from inside Qt's event loop.
int execDialog(QDialog &dialog);

class DialogScript {
public:
    using Action = std::function<void(QDialog *)>;

    // Tests: from now on dialogs are answered by scripts, never shown modally.
    static void enable();
    static bool enabled();
    // The next dialog must be a T; `action` drives it (keys, clicks) and should close it.
    template <class T> static void push(std::function<void(T *)> action)
    {
        pushAction(T::staticMetaObject.className(), [action](QDialog *d) {
            if (T *t = qobject_cast<T *>(d))
                action(t);
        });
    }
    static void pushAction(const char *className, Action action);
    static int pending();
    // What went wrong since the last call (unexpected or mistyped dialogs, ones left open), cleared.
    static QStringList takeFailures();
};

namespace MessageBox {
QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
QMessageBox::StandardButton information(QWidget *parent, const QString &title, const QString &text);
QMessageBox::StandardButton warning(QWidget *parent, const QString &title, const QString &text);
QMessageBox::StandardButton critical(QWidget *parent, const QString &title, const QString &text);
// Tests: the next message box is answered with `button` (its text is kept in lastText()).
void setNextAnswer(QMessageBox::StandardButton button);
QString lastText();
} // namespace MessageBox

} // namespace huike::ui
