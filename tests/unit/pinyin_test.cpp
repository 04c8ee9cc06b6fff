// Pinyin initials: how a cashier finds 可口可乐 by typing "kkkl".

#include "catalog/pinyin.h"
#include "testsupport.h"

using huike::pinyinInitials;

TEST_CASE("pinyin initials of everyday goods", "[pinyin]")
{
    CHECK(pinyinInitials(QStringLiteral("可口可乐")) == QStringLiteral("kkkl"));
    CHECK(pinyinInitials(QStringLiteral("农夫山泉")) == QStringLiteral("nfsq"));
    CHECK(pinyinInitials(QStringLiteral("康师傅红烧牛肉面")) == QStringLiteral("ksfhsnrm"));
    CHECK(pinyinInitials(QStringLiteral("百事可乐")) == QStringLiteral("bskl"));
    CHECK(pinyinInitials(QStringLiteral("王老吉凉茶")) == QStringLiteral("wljlc"));
    CHECK(pinyinInitials(QStringLiteral("金龙鱼花生油")) == QStringLiteral("jlyhsy"));
    CHECK(pinyinInitials(QStringLiteral("散装红富士苹果")) == QStringLiteral("szhfspg"));
}

TEST_CASE("pinyin initials keep letters and digits, lower-cased", "[pinyin]")
{
    CHECK(pinyinInitials(QStringLiteral("农夫山泉 550毫升")) == QStringLiteral("nfsq550hs"));
    CHECK(pinyinInitials(QStringLiteral("Coca-Cola 可乐")) == QStringLiteral("cocacolakl"));
    CHECK(pinyinInitials(QStringLiteral("维达抽纸 3层×100抽")) == QStringLiteral("wdcz3c100c"));
    CHECK(pinyinInitials(QStringLiteral("OREO")) == QStringLiteral("oreo"));
    CHECK(pinyinInitials(QString()).isEmpty());
    CHECK(pinyinInitials(QStringLiteral("（）【】，。")).isEmpty()); // Chinese punctuation has no initial
}

TEST_CASE("pinyin initials at the edges of the GB2312 level-1 table", "[pinyin]")
{
    CHECK(pinyinInitials(QStringLiteral("啊")) == QStringLiteral("a")); // B0A1, the first
    CHECK(pinyinInitials(QStringLiteral("簿")) == QStringLiteral("b")); // B2BE, the last b
    CHECK(pinyinInitials(QStringLiteral("擦")) == QStringLiteral("c")); // B2C1, the first c
    CHECK(pinyinInitials(QStringLiteral("哦欧")) == QStringLiteral("oo"));
    CHECK(pinyinInitials(QStringLiteral("座")) == QStringLiteral("z")); // D7F9, the last of level 1
}

TEST_CASE("rare characters are skipped, not guessed", "[pinyin]")
{
    CHECK(pinyinInitials(QStringLiteral("亍")).isEmpty());                   // GB2312 level 2
    CHECK(pinyinInitials(QStringLiteral("燚")).isEmpty());                   // GBK only
    CHECK(pinyinInitials(QStringLiteral("𠮷野家")) == QStringLiteral("yj")); // four-byte GB18030
    CHECK(pinyinInitials(QStringLiteral("西瓜🍉")) == QStringLiteral("xg"));
}
