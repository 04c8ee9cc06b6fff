#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <cstdint>

namespace huike {

// One thing a receipt printer prints, as the till laid it out.
struct PrintItem {
    enum class Kind : std::uint8_t { Text, Pair, Barcode, QrCode, Image, Feed, Cut };
    enum class Align : std::uint8_t { Left, Center };
    Kind kind = Kind::Text;
    QString text;  // Text: the line, laid out to the paper's columns; Pair: its left side; Barcode, QrCode: the data
    QString right; // Pair: its right side
    Align align = Align::Left;
    bool bold = false;
    bool large = false; // a Pair printed double width and height (the total): over half the columns
    int lines = 0;      // Feed
    int widthDots = 0;  // Image: a 1-bit raster, rows of (widthDots + 7) / 8 bytes, the leftmost dot
    int heightDots = 0; // in the high bit, 1 = black
    QByteArray bits;
};

// What a receipt printer prints, laid out as the till lays it out: lines of monospace text in
// columns, where a Chinese character takes two columns (as on the printer) and a line never splits
// one; the total in large type; and what only a printer has: a CODE128 barcode, a QR code, a logo,
// the paper cut. text() is the paper as a screen or a text file shows it (the words only); the
// ESC/POS encoder (drivers/printer/escpos.h) prints items() as they are.
class PrintLayout {
public:
    explicit PrintLayout(int columns) : m_columns(columns) {}
    int columns() const { return m_columns; }

    static int width(const QString &s);
    static QString fit(const QString &s, int columns); // cut to at most `columns`, whole characters
    // A left-aligned label and a right-aligned value across `columns`.
    static QString pairLine(const QString &left, const QString &right, int columns);

    void line(const QString &s); // wraps at character boundaries
    void center(const QString &s);
    void pair(const QString &left, const QString &right);
    void columns(const QStringList &cells, const QList<int> &widths); // first cell left, rest right
    void rule(QChar c = QLatin1Char('-'));
    void largePair(const QString &left, const QString &right); // double size where the printer can
    void setBold(bool bold) { m_bold = bold; }                 // for the text that follows

    void barcode(const QString &data); // CODE128, centred, its digits printed under it
    void qrCode(const QString &data);  // centred
    void image(int widthDots, int heightDots, const QByteArray &bits); // centred
    void feed(int lines);
    void cut();

    const QList<PrintItem> &items() const { return m_items; }
    QString text() const;

private:
    void text(const QString &laidOut, PrintItem::Align align = PrintItem::Align::Left);

    int m_columns;
    bool m_bold = false;
    QList<PrintItem> m_items;
};

} // namespace huike
