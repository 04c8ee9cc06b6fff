#pragma once

#include "scanner/wedgedecoder.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class QWidget;

namespace huike::ui {

// Catches a keyboard-wedge scanner anywhere in the window: fast keystrokes ending in Enter become
// `scanned(code)`, whatever widget has focus. Keys that turn out to be typing are handed on to the
// focused widget unchanged, so the cashier can still type a quantity or a search.
class ScannerFilter : public QObject {
    Q_OBJECT
public:
    ScannerFilter(QWidget *window, std::function<bool()> active, WedgeDecoder::Config config,
                  QObject *parent = nullptr);
    void setConfig(WedgeDecoder::Config config) { m_decoder = WedgeDecoder(config); }

Q_SIGNALS:
    void scanned(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void replay(const QString &text);
    void flushPending();

    QWidget *m_window;
    std::function<bool()> m_active;
    WedgeDecoder m_decoder;
    QElapsedTimer m_clock;
    QTimer m_idle;
    bool m_replaying = false;
    QPointer<QWidget> m_target;
};

} // namespace huike::ui
