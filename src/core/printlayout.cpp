#include "printlayout.h"

#include <algorithm>

namespace huike {

namespace {

int charWidth(char32_t u)
{
    // East Asian wide and full-width ranges take two columns on a receipt printer.
    if ((u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3) ||
        (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60) ||
        (u >= 0xFFE0 && u <= 0xFFE6) || (u >= 0x20000 && u <= 0x3FFFD))
        return 2;
    if (u < 0x20)
        return 0;
    return 1;
}

} // namespace

int PrintLayout::width(const QString &s)
{
    int w = 0;
    for (char32_t u : s.toUcs4())
        w += charWidth(u);
    return w;
}

QString PrintLayout::fit(const QString &s, int columns)
{
    QString out;
    int w = 0;
    for (char32_t u : s.toUcs4()) {
        const int cw = charWidth(u);
        if (w + cw > columns)
            break;
        w += cw;
        out += QString::fromUcs4(&u, 1);
    }
    return out;
}

QString PrintLayout::pairLine(const QString &left, const QString &right, int columns)
{
    const int rw = width(right);
    const QString l = fit(left, std::max(0, columns - rw - 1));
    return l + QString(std::max(1, columns - width(l) - rw), QLatin1Char(' ')) + right;
}

void PrintLayout::text(const QString &laidOut, PrintItem::Align align)
{
    PrintItem item;
    item.text = laidOut;
    item.align = align;
    item.bold = m_bold;
    m_items << item;
}

void PrintLayout::line(const QString &s)
{
    // Long text wraps at character boundaries.
    QString rest = s;
    do {
        QString part = fit(rest, m_columns);
        if (part.isEmpty()) // a character wider than the paper: print it alone rather than loop
            part = rest.left(rest.at(0).isHighSurrogate() ? 2 : 1);
        text(part);
        rest = rest.mid(part.size());
    } while (!rest.isEmpty());
}

void PrintLayout::center(const QString &s)
{
    const QString f = fit(s, m_columns);
    text(QString((m_columns - width(f)) / 2, QLatin1Char(' ')) + f);
}

void PrintLayout::pair(const QString &left, const QString &right)
{
    text(pairLine(left, right, m_columns));
}

void PrintLayout::columns(const QStringList &cells, const QList<int> &widths)
{
    QString out;
    for (int i = 0; i < cells.size() && i < widths.size(); ++i) {
        const QString c = fit(cells.at(i), widths.at(i));
        const QString pad(widths.at(i) - width(c), QLatin1Char(' '));
        out += i == 0 ? c + pad : pad + c;
    }
    text(out);
}

void PrintLayout::rule(QChar c)
{
    text(QString(m_columns, c));
}

void PrintLayout::largePair(const QString &left, const QString &right)
{
    PrintItem item;
    item.kind = PrintItem::Kind::Pair;
    item.text = left;
    item.right = right;
    item.large = true;
    item.bold = true;
    m_items << item;
}

void PrintLayout::barcode(const QString &data)
{
    PrintItem item;
    item.kind = PrintItem::Kind::Barcode;
    item.text = data;
    item.align = PrintItem::Align::Center;
    m_items << item;
}

void PrintLayout::qrCode(const QString &data)
{
    PrintItem item;
    item.kind = PrintItem::Kind::QrCode;
    item.text = data;
    item.align = PrintItem::Align::Center;
    m_items << item;
}

void PrintLayout::image(int widthDots, int heightDots, const QByteArray &bits)
{
    PrintItem item;
    item.kind = PrintItem::Kind::Image;
    item.widthDots = widthDots;
    item.heightDots = heightDots;
    item.bits = bits;
    item.align = PrintItem::Align::Center;
    m_items << item;
}

void PrintLayout::feed(int lines)
{
    PrintItem item;
    item.kind = PrintItem::Kind::Feed;
    item.lines = lines;
    m_items << item;
}

void PrintLayout::cut()
{
    PrintItem item;
    item.kind = PrintItem::Kind::Cut;
    m_items << item;
}

QString PrintLayout::text() const
{
    QStringList lines;
    for (const PrintItem &i : m_items) {
        if (i.kind == PrintItem::Kind::Text)
            lines << i.text;
        else if (i.kind == PrintItem::Kind::Pair)
            lines << pairLine(i.text, i.right, m_columns); // a screen has no large type
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace huike
