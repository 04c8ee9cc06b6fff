#pragma once

#include <QString>

namespace huike {

// Pinyin initials for search at the counter ("可口可乐" -> "kkkl"). Letters and digits are kept;
// Chinese characters of GB2312 level 1 (the 3,755 common ones, ordered by pinyin) map to their
// initial, as do the level-2 characters common on goods and in names; rarer ones are skipped, and
// the product form lets the manager correct the result.
QString pinyinInitials(const QString &text);

} // namespace huike
