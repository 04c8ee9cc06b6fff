#pragma once

namespace huike {

// The pinyin initial ('a'..'z') of a CJK character by Unihan's readings, or 0 when Unihan gives
// none (not a Han character, or one without a Mandarin reading). Generated: pinyintable.cpp.
char pinyinInitialOf(char32_t c);

} // namespace huike
