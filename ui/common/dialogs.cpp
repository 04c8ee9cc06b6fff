#include "dialogs.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QList>
#include <spdlog/spdlog.h>

namespace huike::ui {

namespace {

struct Scripted {
    QByteArray className;
    DialogScript::Action action;
};

struct ScriptState {
    bool enabled = false;
    QList<Scripted> queue;
    QStringList failures;
    QString lastMessage;
};

ScriptState &state()
{
    static ScriptState s;
    return s;
}

QString describe(const QDialog &d)
{
    return QStringLiteral("%1 \"%2\"").arg(QLatin1String(d.metaObject()->className()), d.windowTitle());
}

} // namespace

void DialogScript::enable()
{
    state().enabled = true;
}

bool DialogScript::enabled()
{
    return state().enabled;
}

void DialogScript::pushAction(const char *className, Action action)
{
    state().queue.append(Scripted{QByteArray(className), std::move(action)});
}

int DialogScript::pending()
{
    return static_cast<int>(state().queue.size());
}

QStringList DialogScript::takeFailures()
{
    return std::exchange(state().failures, {});
}

int execDialog(QDialog &dialog)
{
    ScriptState &s = state();
    if (!s.enabled)
        return dialog.exec();
    if (s.queue.isEmpty()) {
        s.failures << QStringLiteral("%1 was shown with no script").arg(describe(dialog));
        return QDialog::Rejected;
    }
    const Scripted next = s.queue.takeFirst();
    if (!dialog.inherits(next.className.constData())) {
        s.failures << QStringLiteral("%1 was shown where a %2 was scripted")
                          .arg(describe(dialog), QLatin1String(next.className));
        return QDialog::Rejected;
    }
    dialog.setResult(QDialog::Rejected);
    // As exec() would: the dialog is the active window, so that its keys and shortcuts reach it.
    // Modal as exec() makes it, so that the windows below (and their shortcuts) are blocked.
    QWidget *before = QApplication::activeWindow();
    if (dialog.windowModality() == Qt::NonModal)
        dialog.setWindowModality(Qt::ApplicationModal);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    // What exec()'s first turn of the event loop does before a person could press a key: pending
    // layout, polish and focus changes. Not a wait: nothing here depends on time.
    QCoreApplication::processEvents();
    try {
        next.action(&dialog);
    } catch (...) {
        // Catch2 has recorded the failed REQUIRE; close the dialog and let the test go on to report.
        s.failures << QStringLiteral("a check failed inside %1").arg(describe(dialog));
    }
    if (dialog.isVisible()) {
        // What it says may tell why (a refusal shown in a label).
        QStringList said;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            if (label->isVisible() && !label->text().isEmpty())
                said << label->text();
        s.failures << QStringLiteral("%1 was left open by its script (it says: %2)")
                          .arg(describe(dialog), said.join(QStringLiteral(" / ")));
        dialog.reject();
    }
    if (before)
        QApplication::setActiveWindow(before);
    return dialog.result();
}

namespace MessageBox {

namespace {

QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                                 QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    QMessageBox box(icon, title, text, buttons, parent);
    if (defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(defaultButton);
    state().lastMessage = text;
    if (!state().enabled)
        spdlog::info("message: {}", text.toStdString());
    execDialog(box);
    QAbstractButton *clicked = box.clickedButton();
    return clicked ? box.standardButton(clicked) : QMessageBox::NoButton;
}

} // namespace

QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    return show(QMessageBox::Question, parent, title, text, buttons, defaultButton);
}

QMessageBox::StandardButton information(QWidget *parent, const QString &title, const QString &text)
{
    return show(QMessageBox::Information, parent, title, text, QMessageBox::Ok, QMessageBox::NoButton);
}

QMessageBox::StandardButton warning(QWidget *parent, const QString &title, const QString &text)
{
    return show(QMessageBox::Warning, parent, title, text, QMessageBox::Ok, QMessageBox::NoButton);
}

QMessageBox::StandardButton critical(QWidget *parent, const QString &title, const QString &text)
{
    return show(QMessageBox::Critical, parent, title, text, QMessageBox::Ok, QMessageBox::NoButton);
}

void setNextAnswer(QMessageBox::StandardButton button)
{
    DialogScript::push<QMessageBox>([button](QMessageBox *box) {
        if (QAbstractButton *b = box->button(button))
            b->click();
        else
            box->reject();
    });
}

QString lastText()
{
    return state().lastMessage;
}

} // namespace MessageBox

} // namespace huike::ui
