#pragma once

// The customer display (客显) on a serial line, as a pure codec: what the customer should see in,
// bytes out, and the display's side (its simulator) bytes in, what it shows out. No I/O. Two kinds:
//   Led  the 8-digit LED price displays: ESC @ to start, ESC s n lights the lamp under the number
//        (1 单价 price, 2 总计 total, 3 收款 paid, 4 找零 change; 0 none), ESC Q A <digits> CR shows
//        the number (digits, one point, a minus), CLR (0x0C) blanks it
//   Vfd  the 2 x 20 character displays: CLR (0x0C) homes and blanks, then the two lines' text,
//        twenty columns each (GB18030; a CJK character takes two columns and is never split)

#include "core/money.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace huike {

enum class DisplayKind { Led, Vfd };

// What the customer sees: a line's price, the total, what was paid and the change, or the shop's
// welcome (an idle till).
struct DisplayShow {
    enum class What { Welcome, Price, Total, Paid, Change };
    What what = What::Welcome;
    Money amount;
    QString label;   // Vfd: the first line (the item's name); the welcome text for Welcome
    Money total;     // Vfd, Price: the total so far, beside the line's price
};

QByteArray encodeDisplay(DisplayKind kind, const DisplayShow &show);
// A display's test, shown one after another: the welcome, a line's price, the total, what was paid
// and the change (huike-cli device test display, the 设备 page).
QList<DisplayShow> displayTestSteps();
// The number as an 8-digit LED shows it: "12.50", "-3.00"; "--------" when it does not fit.
QByteArray ledDigits(Money amount);
// A line of the VFD: `text` cut or padded to `columns` display columns.
QString vfdLine(const QString &text, int columns = 20);

// What the display shows after a whole update.
struct DisplayState {
    int lamp = 0;   // Led: 0 none, 1 price, 2 total, 3 paid, 4 change
    QString number; // Led
    QString line1, line2; // Vfd
    bool operator==(const DisplayState &) const = default;
};

// The display's side: bytes as they arrive, any piece at a time; one state each time a number is
// shown (Led) or both lines are written (Vfd). Garbage is skipped, never a hang or a growing buffer.
class CustomerDisplayDecoder {
public:
    explicit CustomerDisplayDecoder(DisplayKind kind) : m_kind(kind) {}
    QList<DisplayState> feed(const QByteArray &bytes);

private:
    void textByte(char c, QList<DisplayState> &out);

    DisplayKind m_kind;
    enum class Esc { None, Esc, EscS, EscQ, EscQA } m_esc = Esc::None;
    DisplayState m_state;
    QByteArray m_number; // Led: ESC Q A ... CR
    QByteArray m_text;   // Vfd: since CLR
};

} // namespace huike
