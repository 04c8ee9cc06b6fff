#include "pinyin.h"

#include "core/csv.h"

#include <algorithm>
#include <array>
#include <iterator>
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
// Level 2 is ordered by radical, not by sound: the characters of it that shops and their customers
// use most (goods, dishes, given names), sorted by code.
constexpr std::pair<int, char> kLevel2[] = {
    {0xDCBD, 'f'} /* 芙 */, {0xDCBF, 'y'} /* 芸 */, {0xDCD4, 'm'} /* 茉 */, {0xDCE7, 'q'} /* 茜 */,
    {0xDCEE, 'h'} /* 茴 */, {0xDDAE, 'm'} /* 莓 */, {0xDDE6, 'x'} /* 萱 */, {0xDEB1, 'w'} /* 薇 */,
    {0xDEB2, 'y'} /* 薏 */, {0xDEBC, 'l'} /* 藜 */, {0xDEC4, 'y'} /* 弈 */, {0xE2A8, 'm'} /* 猕 */,
    {0xE2BD, 't'} /* 饨 */, {0xE2C2, 'y'} /* 饴 */, {0xE2C6, 'h'} /* 馄 */, {0xE2C9, 'm'} /* 馍 */,
    {0xE2F9, 'y'} /* 怡 */, {0xE3FC, 'h'} /* 泓 */, {0xE5AB, 'h'} /* 瀚 */, {0xE5FB, 'y'} /* 妍 */,
    {0xE6AB, 'y'} /* 娅 */, {0xE6BC, 'j'} /* 婕 */, {0xE6C3, 't'} /* 婷 */, {0xE6FA, 'y'} /* 纡 */,
    {0xE7BE, 't'} /* 缇 */, {0xE7E6, 'k'} /* 珂 */, {0xE7F7, 'q'} /* 琪 */, {0xE7F9, 'q'} /* 琦 */,
    {0xE8B4, 'l'} /* 璐 */, {0xE8BD, 'q'} /* 杞 */, {0xE8DB, 'g'} /* 枸 */, {0xE8F7, 'z'} /* 梓 */,
    {0xE9AD, 'l'} /* 榄 */, {0xE9BB, 'z'} /* 榛 */, {0xE9CF, 'g'} /* 橄 */, {0xEABB, 'h'} /* 昊 */,
    {0xEACF, 'h'} /* 晗 */, {0xEBEC, 'j'} /* 腱 */, {0xEBEE, 'n'} /* 腩 */, {0xECC0, 'd'} /* 炖 */,
    {0xECCB, 'm'} /* 焖 */, {0xECCF, 'y'} /* 煜 */, {0xEEA3, 'r'} /* 睿 */, {0xF0A9, 'h'} /* 皓 */,
    {0xF1B4, 'y'} /* 翊 */, {0xF2B9, 'x'} /* 蚬 */, {0xF2BA, 'h'} /* 蚝 */, {0xF2CF, 's'} /* 蛳 */,
    {0xF4CE, 'b'} /* 粑 */, {0xF4D5, 'z'} /* 粽 */, {0xF4D9, 'c'} /* 糍 */, {0xF5A4, 'm'} /* 酩 */,
    {0xF6D4, 'l'} /* 鲈 */, {0xF7A8, 'x'} /* 鳕 */, {0xF7A9, 'm'} /* 鳗 */
};
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
        } else if (code > kLevel1End) {
            const auto *it =
                std::lower_bound(std::begin(kLevel2), std::end(kLevel2), std::pair<int, char>{code, 0});
            if (it != std::end(kLevel2) && it->first == code)
                out.append(QLatin1Char(it->second));
        }
        i += 2;
    }
    return out;
}

} // namespace huike
