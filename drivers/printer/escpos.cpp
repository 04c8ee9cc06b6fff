#include "escpos.h"

#include "core/csv.h"

#include <QStringDecoder>
#include <algorithm>

namespace huike {

namespace {

constexpr char ESC = 0x1B, GS = 0x1D, FS = 0x1C, DLE = 0x10, EOT = 0x04, LF = 0x0A;
constexpr qsizetype kMaxLine = 4096;
constexpr qsizetype kMaxImage = 1 << 20;

QByteArray cmd(std::initializer_list<int> bytes)
{
    QByteArray out;
    for (int b : bytes)
        out += static_cast<char>(b);
    return out;
}

// GB18030 as a printer's Chinese mode takes it: one or two bytes a character. A character that
// needs four bytes (outside GBK: rare names, emoji) is printed as '?', never as four bytes the
// printer would take for two wrong characters.
QByteArray printerText(const QString &s)
{
    QByteArray out;
    for (char32_t u : s.toUcs4()) {
        if (u < 0x80) {
            out += u >= 0x20 ? static_cast<char>(u) : ' ';
            continue;
        }
        const QByteArray b = encodeGb18030(QString::fromUcs4(&u, 1));
        out += b.size() <= 2 ? b : QByteArray("?");
    }
    return out;
}

// ¥ (U+00A5) is not in GBK and would print as '?'; its full-width form ￥ is, but takes two
// columns: a space before it (the padding of a right-aligned amount) makes the room, so the line
// keeps its width.
QString withFullWidthYuan(QString line)
{
    for (qsizetype i = line.indexOf(QChar(0xA5)); i >= 0; i = line.indexOf(QChar(0xA5), i + 1)) {
        line[i] = QChar(0xFFE5);
        if (i > 0 && line.at(i - 1) == QLatin1Char(' ')) {
            line.remove(i - 1, 1);
            --i;
        }
    }
    return line;
}

QByteArray align(bool center)
{
    return cmd({ESC, 'a', center ? 1 : 0});
}

} // namespace

EscPosProfile escPosProfile(int columns, bool chineseMode)
{
    EscPosProfile profile;
    profile.columns = columns;
    profile.chineseMode = chineseMode;
    return profile;
}

QByteArray encodeEscPos(const PrintLayout &layout, const EscPosProfile &profile)
{
    QByteArray out = cmd({ESC, '@'}); // initialise: whatever the last job left set
    if (profile.chineseMode)
        out += cmd({FS, '&'});
    bool bold = false;
    const auto setBold = [&](bool b) {
        if (b != bold)
            out += cmd({ESC, 'E', b ? 1 : 0});
        bold = b;
    };
    for (const PrintItem &i : layout.items()) {
        switch (i.kind) {
        case PrintItem::Kind::Text:
            setBold(i.bold);
            out += printerText(withFullWidthYuan(i.text)) + LF;
            break;
        case PrintItem::Kind::Pair:
            setBold(i.bold);
            if (i.large) {
                // Double width and height, for the ASCII (GS !) and the Chinese (FS !) characters.
                out += cmd({GS, '!', 0x11}) + cmd({FS, '!', 0x0C});
                out += printerText(PrintLayout::pairLine(withFullWidthYuan(i.text), withFullWidthYuan(i.right),
                                                         layout.columns() / 2)) +
                       LF;
                out += cmd({GS, '!', 0}) + cmd({FS, '!', 0});
            } else {
                out += printerText(PrintLayout::pairLine(withFullWidthYuan(i.text), withFullWidthYuan(i.right),
                                                         layout.columns())) +
                       LF;
            }
            break;
        case PrintItem::Kind::Barcode: {
            // CODE128 in code set B: printable ASCII only (a receipt number is).
            QByteArray data = "{B";
            for (QChar c : i.text)
                if (c.unicode() >= 0x20 && c.unicode() < 0x7F)
                    data += static_cast<char>(c.unicode());
            if (data.size() <= 2 || data.size() > 255)
                break;
            out += align(true) + cmd({GS, 'h', std::clamp(profile.barcodeHeightDots, 1, 255)}) + cmd({GS, 'w', 2}) +
                   cmd({GS, 'H', 2}) + cmd({GS, 'k', 73, static_cast<int>(data.size())}) + data + align(false); // printed at once, its digits under it
            break;
        }
        case PrintItem::Kind::QrCode: {
            const QByteArray data = i.text.toUtf8().left(7000);
            if (data.isEmpty())
                break;
            const int n = static_cast<int>(data.size()) + 3;
            out += align(true);
            out += cmd({GS, '(', 'k', 4, 0, '1', 'A', '2', 0});                                     // model 2
            out += cmd({GS, '(', 'k', 3, 0, '1', 'C', std::clamp(profile.qrModuleDots, 1, 16)}); // module size
            out += cmd({GS, '(', 'k', 3, 0, '1', 'E', '1'});                                       // error level M
            out += cmd({GS, '(', 'k', n & 0xFF, n >> 8, '1', 'P', '0'}) + data;                    // store
            out += cmd({GS, '(', 'k', 3, 0, '1', 'Q', '0'});                                       // print
            out += align(false);
            break;
        }
        case PrintItem::Kind::Image: {
            const int bytesWide = (i.widthDots + 7) / 8;
            if (bytesWide <= 0 || i.heightDots <= 0 || i.bits.size() != qsizetype(bytesWide) * i.heightDots ||
                bytesWide > 0xFFFF || i.heightDots > 0xFFFF)
                break;
            out += align(true) +
                   cmd({GS, 'v', '0', 0, bytesWide & 0xFF, bytesWide >> 8, i.heightDots & 0xFF, i.heightDots >> 8}) +
                   i.bits + align(false);
            break;
        }
        case PrintItem::Kind::Feed:
            out += cmd({ESC, 'd', std::clamp(i.lines, 0, 255)});
            break;
        case PrintItem::Kind::Cut:
            out += cmd({GS, 'V', 66, 0}); // feed to the cutter, then a partial cut
            break;
        }
    }
    setBold(false);
    return out;
}

QByteArray escPosDrawerKick()
{
    return cmd({ESC, 'p', 0, 25, 250}); // pin 2, 25 x 2 ms on, 250 x 2 ms off
}

QByteArray escPosStatusQuery(int n)
{
    return cmd({DLE, EOT, n});
}

std::optional<PrinterStatus> decodeEscPosStatus(std::uint8_t printer, std::uint8_t offline, std::uint8_t paper)
{
    // Every answer has bit 1 and bit 4 set, bits 0 and 7 clear.
    for (std::uint8_t b : {printer, offline, paper})
        if ((b & 0x93) != 0x12)
            return std::nullopt;
    PrinterStatus s;
    s.online = (printer & 0x08) == 0;
    s.coverOpen = (offline & 0x04) != 0;
    s.error = (offline & 0x40) != 0;
    s.paperOut = (paper & 0x60) != 0 || (offline & 0x20) != 0;
    s.paperLow = (paper & 0x0C) != 0;
    return s;
}

std::uint8_t escPosStatusByte(int n, const PrinterStatus &s)
{
    std::uint8_t b = 0x12;
    if (n == 1 && !s.online)
        b |= 0x08;
    if (n == 2) {
        if (s.coverOpen)
            b |= 0x04;
        if (s.paperOut)
            b |= 0x20;
        if (s.error)
            b |= 0x40;
    }
    if (n == 4) {
        if (s.paperLow)
            b |= 0x0C;
        if (s.paperOut)
            b |= 0x60;
    }
    return b;
}

void EscPosDecoder::endLine(QList<EscPosEvent> &out)
{
    EscPosEvent e;
    auto decode = QStringDecoder("GB18030");
    e.text = decode(m_line);
    e.large = m_large;
    e.bold = m_bold;
    e.centered = m_center;
    out << e;
    m_line.clear();
}

qsizetype EscPosDecoder::command(QByteArrayView b, QList<EscPosEvent> &out)
{
    const auto at = [&](qsizetype i) { return static_cast<std::uint8_t>(b.at(i)); };
    const qsizetype have = b.size();
    const std::uint8_t c = at(0);
    if (c == LF) {
        endLine(out);
        return 1;
    }
    if (c == DLE) {
        if (have < 3)
            return 0;
        if (at(1) == EOT) {
            EscPosEvent e;
            e.kind = EscPosEvent::Kind::StatusQuery;
            e.n = at(2);
            out << e;
            return 3;
        }
        return 1;
    }
    if (c != ESC && c != GS && c != FS) {
        if (c >= 0x20 && m_line.size() < kMaxLine)
            m_line += static_cast<char>(c);
        return 1; // other control bytes: nothing a receipt needs
    }
    if (have < 2)
        return 0;
    const std::uint8_t f = at(1);
    const auto need = [&](qsizetype n) { return have >= n; };
    if (c == ESC) {
        switch (f) {
        case '@':
            m_large = m_bold = m_center = false;
            return 2;
        case 'a':
            if (!need(3))
                return 0;
            m_center = (at(2) & 0x0F) == 1; // 1 or '1'
            return 3;
        case 'E':
            if (!need(3))
                return 0;
            m_bold = (at(2) & 1) != 0;
            return 3;
        case 'd':
            return need(3) ? 3 : 0;
        case '!':
            return need(3) ? 3 : 0;
        case 'p': {
            if (!need(5))
                return 0;
            EscPosEvent e;
            e.kind = EscPosEvent::Kind::Kick;
            e.n = at(2) & 1;
            out << e;
            return 5;
        }
        default:
            return 2; // a command a receipt does not use: its code skipped, what follows read as bytes
        }
    }
    if (c == FS) {
        if (f == '&' || f == '.')
            return 2;
        if (f == '!')
            return need(3) ? 3 : 0;
        return 2;
    }
    // GS
    switch (f) {
    case '!':
        if (!need(3))
            return 0;
        m_large = (at(2) & 0x11) != 0;
        return 3;
    case 'h':
    case 'w':
    case 'H':
    case 'f':
        return need(3) ? 3 : 0;
    case 'V': {
        if (!need(3))
            return 0;
        const std::uint8_t m = at(2);
        const qsizetype len = (m == 65 || m == 66) ? 4 : 3;
        if (!need(len))
            return 0;
        EscPosEvent e;
        e.kind = EscPosEvent::Kind::Cut;
        out << e;
        return len;
    }
    case 'k': {
        if (!need(3))
            return 0;
        const std::uint8_t m = at(2);
        EscPosEvent e;
        e.kind = EscPosEvent::Kind::Barcode;
        e.centered = m_center;
        if (m >= 65) { // GS k m n d1..dn
            if (!need(4))
                return 0;
            const qsizetype n = at(3);
            if (!need(4 + n))
                return 0;
            QByteArray data = b.sliced(4, n).toByteArray();
            if (m == 73 && data.size() >= 2 && data.at(0) == '{')
                data = data.mid(2); // the code set
            e.text = QString::fromLatin1(data);
            out << e;
            return 4 + n;
        }
        // GS k m d1..dk NUL
        // Its end within 255 bytes, as a printer takes it; looked for no further, so that how the
        // bytes arrive never changes what they mean.
        const auto limit = b.begin() + std::min<qsizetype>(have, 3 + 255);
        const auto nul = std::find(b.begin() + 3, limit, '\0');
        if (nul == limit)
            return have >= 3 + 255 ? 3 : 0; // no end in sight: the command dropped
        const qsizetype end = nul - b.begin();
        e.text = QString::fromLatin1(b.sliced(3, end - 3).toByteArray());
        out << e;
        return end + 1;
    }
    case '(': {
        if (!need(5))
            return 0;
        const qsizetype n = at(3) | (qsizetype(at(4)) << 8);
        if (!need(5 + n))
            return 0;
        if (at(2) == 'k' && n >= 3 && at(5) == '1') {
            const std::uint8_t fn = at(6);
            if (fn == 'P')
                m_qr = b.sliced(8, n - 3).toByteArray();
            if (fn == 'Q') {
                EscPosEvent e;
                e.kind = EscPosEvent::Kind::QrCode;
                e.text = QString::fromUtf8(m_qr);
                e.centered = m_center;
                out << e;
            }
        }
        return 5 + n;
    }
    case 'v': {
        if (!need(8))
            return 0;
        const qsizetype w = at(4) | (qsizetype(at(5)) << 8), h = at(6) | (qsizetype(at(7)) << 8);
        const qsizetype size = w * h;
        if (size > kMaxImage)
            return 8; // no printer has such a logo: the header skipped, the rest read as bytes
        if (!need(8 + size))
            return 0;
        EscPosEvent e;
        e.kind = EscPosEvent::Kind::Image;
        e.n = static_cast<int>(w * 8);
        e.height = static_cast<int>(h);
        e.centered = m_center;
        out << e;
        return 8 + size;
    }
    default:
        return 2;
    }
}

QList<EscPosEvent> EscPosDecoder::feed(const QByteArray &bytes)
{
    QList<EscPosEvent> out;
    m_buf += bytes;
    qsizetype pos = 0;
    while (pos < m_buf.size()) {
        const qsizetype n = command(QByteArrayView(m_buf).sliced(pos), out);
        if (n == 0)
            break; // the rest of a command still to come
        pos += n;
    }
    m_buf.remove(0, pos);
    return out;
}

} // namespace huike
