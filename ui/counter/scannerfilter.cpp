#include "scannerfilter.h"

#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

namespace huike::ui {

ScannerFilter::ScannerFilter(QWidget *window, std::function<bool()> active, WedgeDecoder::Config config,
                             QObject *parent)
    : QObject(parent), m_window(window), m_active(std::move(active)), m_decoder(config)
{
    m_clock.start();
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &ScannerFilter::flushPending);
}

bool ScannerFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (m_replaying || event->type() != QEvent::KeyPress)
        return false;
    auto *w = qobject_cast<QWidget *>(watched);
    if (!w || w->window() != m_window || QApplication::activeModalWidget() || !m_active())
        return false;
    auto *ke = static_cast<QKeyEvent *>(event);
    // A key no scanner sends (Ctrl+M, F3, an arrow) ends what was typed before it: those keys reach
    // the field first, so "8000" then Ctrl+M finds the members whose phones end in 8000.
    const auto passOn = [this] {
        m_idle.stop();
        flushPending();
        return false;
    };
    const Qt::KeyboardModifiers mods = ke->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    if (mods != Qt::NoModifier)
        return passOn();
    // The time the key was pressed, not when it is handled here: keys typed while the window was
    // busy arrive together afterwards and must not look like a scanner. Synthetic events (tests,
    // replays) carry no timestamp; they are timed on arrival.
    const qint64 now = ke->timestamp() != 0 ? static_cast<qint64>(ke->timestamp()) : m_clock.elapsed();
    if (ke->key() == Qt::Key_Return || ke->key() == Qt::Key_Enter) {
        m_idle.stop();
        const auto r = m_decoder.enter(now);
        if (r.action == WedgeDecoder::Action::Scanned) {
            Q_EMIT scanned(r.text);
            return true;
        }
        if (r.action == WedgeDecoder::Action::Replay)
            replay(r.text);
        return false; // the Enter goes on to the widget
    }
    const QString text = ke->text();
    if (text.size() != 1 || !text.at(0).isPrint() || text.at(0).unicode() > 0x7E)
        return passOn(); // function keys, arrows, IME text: never a scanner
    m_target = QApplication::focusWidget();
    const auto r = m_decoder.key(text.at(0), now);
    if (r.action == WedgeDecoder::Action::Replay)
        replay(r.text);
    m_idle.start(static_cast<int>(m_decoder.config().maxInterKeyMs) + 15);
    return true;
}

void ScannerFilter::flushPending()
{
    replay(m_decoder.flush());
}

void ScannerFilter::replay(const QString &text)
{
    QWidget *target = m_target ? m_target.data() : QApplication::focusWidget();
    if (!target || text.isEmpty())
        return;
    m_replaying = true;
    for (QChar c : text) {
        const int key = c.isLetter() ? c.toUpper().unicode() : c.unicode();
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(target, &press);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(target, &release);
    }
    m_replaying = false;
}

} // namespace huike::ui
