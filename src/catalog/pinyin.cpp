#include "pinyin.h"

#include "pinyintable.h"

#include <QList>

namespace huike {

QString pinyinInitials(const QString &text)
{
    QString out;
    for (char32_t c : text.toUcs4()) {
        // Fullwidth letters and digits (Ａ１, typed with a Chinese input method) count as ASCII.
        if (c >= 0xFF10 && c <= 0xFF5A)
            c -= 0xFEE0;
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
            out.append(QChar(c));
        } else if (c >= 'A' && c <= 'Z') {
            out.append(QChar(c - 'A' + 'a'));
        } else if (const char initial = pinyinInitialOf(c)) {
            out.append(QLatin1Char(initial));
        }
    }
    return out;
}

} // namespace huike
