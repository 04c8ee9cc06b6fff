#pragma once

#include <QString>

namespace huike {

// Pinyin initials for search at the counter ("可口可乐" -> "kkkl"). ASCII letters and digits are kept
// (lower-cased, fullwidth ones too); every Han character Unihan gives a Mandarin reading maps to
// its initial (pinyintable.h: a polyphonic character takes its most common reading, so 重庆
// gives "zq" and the product form lets the manager correct it); anything else is skipped.
QString pinyinInitials(const QString &text);

} // namespace huike
