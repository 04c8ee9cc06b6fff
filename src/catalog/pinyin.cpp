#include "pinyin.h"

#include "core/csv.h"

#include <array>
#include <utility>

namespace huike {

namespace {
// First GB2312 code of each initial in level 1 (sorted by pinyin); level 1 ends at 0xD7F9.
constexpr std::array<std::pair<int, char>, 23> kBounds = {{
    {0xB0A1, 'a'}, {0xB0C5, 'b'}, {0xB2C1, 'c'}, {0xB4EE, 'd'}, {0xB6EA, 'e'}, {0xB7A2, 'f'},
    {0xB8C1, 'g'}, {0xB9FE, 'h'}, {0xBBF7, 'j'}, {0xBFA6, 'k'}, {0xC0AC, 'l'}, {0xC2E8, 'm'},
    {0xC4C3, 'n'}, {0xC5B6, 'o'}, {0xC5BE, 'p'}, {0xC6DA, 'q'}, {0xC8BB, 'r'}, {0xC8F6, 's'},
    {0xCBFA, 't'}, {0xCDDA, 'w'}, {0xCEF4, 'x'}, {0xD1B9, 'y'}, {0xD4D1, 'z'},
}};
constexpr int kLevel1End = 0xD7F9;
} // namespace

QString pinyinInitials(const QString &text)
{
    QString out;
    const QByteArray gb = encodeGb18030(text);
    for (qsizetype i = 0; i < gb.size();) {
        const auto b = static_cast<unsigned char>(gb.at(i));
        if (b < 0x80) {
            const QChar c = QLatin1Char(static_cast<char>(b));
            if (c.isLetterOrNumber())
                out.append(c.toLower());
            ++i;
            continue;
        }
        if (i + 1 >= gb.size())
            break;
        const auto b2 = static_cast<unsigned char>(gb.at(i + 1));
        // GB18030 four-byte sequences have a digit as their second byte.
        if (b2 >= 0x30 && b2 <= 0x39) {
            i += 4;
            continue;
        }
        const int code = b * 256 + b2;
        if (code >= kBounds.front().first && code <= kLevel1End) {
            char initial = 'a';
            for (const auto &[start, letter] : kBounds) {
                if (code >= start)
                    initial = letter;
                else
                    break;
            }
            out.append(QLatin1Char(initial));
        }
        i += 2;
    }
    return out;
}

} // namespace huike
