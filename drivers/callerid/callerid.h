#pragma once

// Incoming calls from a caller-ID box (来电宝) or a voice modem on a serial line, as a pure codec:
// bytes in as they arrive (any piece at a time), calls out. No I/O. The forms a box may send:
//   Formatted  the modem's AT+VCID=1 report: "DATE = 1122", "TIME = 1034", "NMBR = 13800138000",
//              an optional "NAME = ...", with or without spaces around "=", "RING" lines between
//   Hex        AT+VCID=2: the Bellcore message itself as hex digits on a line, MDMF (0x80) with its
//              date/time, number, reason-for-no-number and name parameters, or SDMF (0x04) with
//              the date/time and number; its checksum is verified
//   Bare       the number alone on a line (many Chinese boxes)
// A withheld number (P, private) and one not available (O, out of area) are reported as such.

#include <QByteArray>
#include <QList>
#include <QString>

namespace huike {

struct IncomingCall {
    enum class Withheld { No, Private, Unavailable };
    QString number;     // digits (and a leading +) as the line gave them; empty when withheld
    Withheld withheld = Withheld::No;
    QString name;       // the caller's name when the exchange sends one
    QString reportedAt; // "MMDDHHMM" as the box reported the call, when it did
    bool operator==(const IncomingCall &) const = default;
};

struct CallerIdConfig {
    enum class Form { Auto, Formatted, Hex, Bare };
    Form form = Form::Auto; // Auto: each line by its shape
};

class CallerIdDecoder {
public:
    static constexpr int kMaxLine = 512;

    explicit CallerIdDecoder(CallerIdConfig config = {}) : m_config(config) {}
    QList<IncomingCall> feed(const QByteArray &bytes);
    // The line went quiet: a formatted report with its number but no name yet is complete.
    QList<IncomingCall> flush();
    int rejected() const { return m_rejected; } // lines that were no call (bad checksum, garbage)
    QString lastProblem() const { return m_problem; }

private:
    void line(const QByteArray &text, QList<IncomingCall> &out);
    bool formattedField(const QByteArray &text, QList<IncomingCall> &out);
    bool hexMessage(const QByteArray &text, QList<IncomingCall> &out);
    bool bareNumber(const QByteArray &text, QList<IncomingCall> &out);
    void emitPending(QList<IncomingCall> &out);
    void reject(const QString &why);

    CallerIdConfig m_config;
    QByteArray m_line;
    bool m_overlong = false;
    bool m_afterCr = false;
    IncomingCall m_pending; // a formatted report being put together
    bool m_hasNumber = false;
    QString m_date, m_time;
    int m_rejected = 0;
    QString m_problem;
};

// What the simulator's box sends for `call`. MMDDHHMM in `call.reportedAt` (Bare sends none).
QByteArray encodeCall(CallerIdConfig::Form form, const IncomingCall &call, bool sdmf = false);

} // namespace huike
