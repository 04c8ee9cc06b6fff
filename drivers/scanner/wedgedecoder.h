#pragma once

#include <QString>
#include <QtGlobal>

namespace huike {

// A barcode scanner in keyboard-wedge mode types the code as fast keystrokes and ends with Enter.
// This codec tells a scan from a person typing by the time between keys, with no I/O: the window
// feeds it keys and acts on what it says. Buffered keys that turn out to be typing are handed back
// so they reach the widget that has focus.
class WedgeDecoder {
public:
    struct Config {
        qint64 maxInterKeyMs = 35; // scanners send a key every 1-10 ms; people every 80 ms or more
        int minLength = 4;         // shorter bursts are typing (a quantity, a PIN)
        int maxLength = 64;        // longer is garbage, not a code
    };

    enum class Action {
        Buffered,  // the key is held back: it may be part of a scan
        Replay,    // typing after all: deliver `text` to the focused widget (this key is held, or in `text`)
        Scanned,   // `text` is a whole scanned code; the Enter is consumed
        PassEnter, // an Enter with nothing buffered: let the widget have it
    };
    struct Result {
        Action action;
        QString text;
    };

    WedgeDecoder() = default;
    explicit WedgeDecoder(Config c) : m_config(c) {}

    // A printable character typed at `ms` (any monotonic clock).
    Result key(QChar c, qint64 ms);
    // Enter (or Return / Tab-as-suffix) at `ms`.
    Result enter(qint64 ms);
    // Called when no key came for a while: whatever is buffered was typing.
    QString flush();
    bool hasPending() const { return !m_buffer.isEmpty(); }
    const Config &config() const { return m_config; }

private:
    Config m_config;
    QString m_buffer;
    qint64 m_lastMs = 0;
    bool m_overflow = false; // inside a burst longer than maxLength
};

} // namespace huike
