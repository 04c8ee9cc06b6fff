#include "customerdisplay.h"

#include <QStringDecoder>
#include <QStringEncoder>

namespace huike {

namespace {

constexpr int kVfdColumns = 20;

constexpr char kEsc = 0x1b;
constexpr char kClear = 0x0c;

int columnsOf(QChar c)
{
    return c.unicode() >= 0x1100 ? 2 : 1; // CJK and full-width forms take two columns
}

QByteArray gb18030(const QString &text)
{
    QStringEncoder encode("GB18030");
    return encode(text);
}

int lampOf(DisplayShow::What what)
{
    switch (what) {
    case DisplayShow::What::Welcome:
        return 0;
    case DisplayShow::What::Price:
        return 1;
    case DisplayShow::What::Total:
        return 2;
    case DisplayShow::What::Paid:
        return 3;
    case DisplayShow::What::Change:
        return 4;
    }
    return 0;
}

} // namespace

QByteArray ledDigits(Money amount)
{
    const QByteArray text = amount.toString().toLatin1(); // "12.50", "-3.00"
    int digits = 0;
    for (char c : text)
        digits += (c >= '0' && c <= '9') || c == '-';
    if (digits > 8)
        return QByteArray(8, '-');
    return text;
}

QString vfdLine(const QString &text, int columns)
{
    QString out;
    int used = 0;
    for (QChar c : text) {
        const int w = columnsOf(c);
        if (used + w > columns)
            break;
        out += c;
        used += w;
    }
    return out + QString(columns - used, QLatin1Char(' '));
}

QList<DisplayShow> displayTestSteps()
{
    using W = DisplayShow::What;
    return {
        {W::Welcome, {}, QStringLiteral("汇客收银 欢迎光临"), {}},
        {W::Price, Money::fromFen(6990), QStringLiteral("金龙鱼调和油 5升"), Money::fromFen(6990)},
        {W::Total, Money::fromFen(8880), {}, {}},
        {W::Paid, Money::fromFen(10000), {}, {}},
        {W::Change, Money::fromFen(1120), {}, {}},
    };
}

QByteArray encodeDisplay(DisplayKind kind, const DisplayShow &show)
{
    if (kind == DisplayKind::Led) {
        QByteArray out("\x1b@");
        out += QByteArray("\x1bs") + static_cast<char>('0' + lampOf(show.what));
        if (show.what == DisplayShow::What::Welcome)
            return out + kClear;
        return out + "\x1bQA" + ledDigits(show.amount) + '\r';
    }
    QString first, second;
    switch (show.what) {
    case DisplayShow::What::Welcome:
        first = show.label;
        break;
    case DisplayShow::What::Price:
        first = show.label;
        second = QStringLiteral("单价%1 合计%2").arg(show.amount.toString(), show.total.toString());
        break;
    case DisplayShow::What::Total:
        first = QStringLiteral("合计 TOTAL");
        second = QStringLiteral("¥%1").arg(show.amount.toString());
        break;
    case DisplayShow::What::Paid:
        first = QStringLiteral("收款 PAID");
        second = QStringLiteral("¥%1").arg(show.amount.toString());
        break;
    case DisplayShow::What::Change:
        first = QStringLiteral("找零 CHANGE");
        second = QStringLiteral("¥%1").arg(show.amount.toString());
        break;
    }
    // ¥ is not in every VFD's font; its full-width form is in GB18030's two-byte range.
    second.replace(QChar(0xA5), QChar(0xFFE5));
    // A character beyond the two-byte range (four GB18030 bytes) has no cell on the display.
    for (QString *line : {&first, &second})
        for (QChar &ch : *line)
            if (ch.isSurrogate() || gb18030(QString(ch)).size() > 2)
                ch = QLatin1Char('?');
    return QByteArray(1, kClear) + gb18030(vfdLine(first, kVfdColumns) + vfdLine(second, kVfdColumns));
}

QList<DisplayState> CustomerDisplayDecoder::feed(const QByteArray &bytes)
{
    QList<DisplayState> out;
    for (char c : bytes) {
        switch (m_esc) {
        case Esc::Esc:
            m_esc = c == 's' ? Esc::EscS : c == 'Q' ? Esc::EscQ : Esc::None; // ESC @ and others: done
            continue;
        case Esc::EscS:
            if (c >= '0' && c <= '4')
                m_state.lamp = c - '0';
            m_esc = Esc::None;
            continue;
        case Esc::EscQ:
            m_esc = c == 'A' ? Esc::EscQA : Esc::None;
            m_number.clear();
            continue;
        case Esc::EscQA:
            if (c == '\r') {
                m_state.number = QString::fromLatin1(m_number);
                m_esc = Esc::None;
                if (m_kind == DisplayKind::Led)
                    out.append(m_state);
            } else if (((c >= '0' && c <= '9') || c == '.' || c == '-' || c == ' ') && m_number.size() < 16) {
                m_number.append(c);
            } else {
                m_esc = Esc::None; // not a number: dropped
            }
            continue;
        case Esc::None:
            break;
        }
        if (c == kEsc) {
            m_esc = Esc::Esc;
        } else if (c == kClear) {
            m_text.clear();
            if (m_kind == DisplayKind::Led) {
                m_state.number.clear();
                out.append(m_state);
            }
        } else if (m_kind == DisplayKind::Vfd) {
            textByte(c, out);
        }
    }
    return out;
}

void CustomerDisplayDecoder::textByte(char c, QList<DisplayState> &out)
{
    if (static_cast<unsigned char>(c) < 0x20)
        return; // other control codes: not text
    // A VFD's cells are bytes: a Chinese character (two GB18030 bytes) takes two of them.
    m_text.append(c);
    if (m_text.size() < 2 * kVfdColumns)
        return;
    QStringDecoder line1("GB18030"), line2("GB18030");
    m_state.line1 = QString(line1(m_text.left(kVfdColumns))).trimmed();
    m_state.line2 = QString(line2(m_text.mid(kVfdColumns))).trimmed();
    m_text.clear();
    out.append(m_state);
}

} // namespace huike
