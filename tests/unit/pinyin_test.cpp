// Pinyin initials: how a cashier finds 可口可乐 by typing "kkkl".

#include "catalog/pinyin.h"
#include "core/csv.h"
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

TEST_CASE("pinyin initials cover every Han character Unihan reads, not a hand-picked subset", "[pinyin]")
{
    CHECK(pinyinInitials(QStringLiteral("豆豉鲮鱼")) == QStringLiteral("dcly")); // 豉 was missing
    CHECK(pinyinInitials(QStringLiteral("啊")) == QStringLiteral("a"));
    CHECK(pinyinInitials(QStringLiteral("座")) == QStringLiteral("z"));
    CHECK(pinyinInitials(QStringLiteral("亍")) == QStringLiteral("c"));        // GB2312 level 2
    CHECK(pinyinInitials(QStringLiteral("燚")) == QStringLiteral("y"));        // GBK only
    CHECK(pinyinInitials(QStringLiteral("饸饹面")) == QStringLiteral("hlm"));
    CHECK(pinyinInitials(QStringLiteral("螺蛳粉")) == QStringLiteral("lsf"));
    CHECK(pinyinInitials(QStringLiteral("𰻝𰻝面")) == QStringLiteral("bbm")); // biángbiáng, beyond the BMP
    CHECK(pinyinInitials(QStringLiteral("𠮷野家")) == QStringLiteral("yj"));  // 𠮷 has no Mandarin reading
    CHECK(pinyinInitials(QStringLiteral("西瓜🍉")) == QStringLiteral("xg"));
    CHECK(pinyinInitials(QStringLiteral("ＡＤ钙奶２瓶")) == QStringLiteral("adgn2p")); // fullwidth
    // Every character of GB2312 (the 6,763 a shop's goods are named with) has an initial.
    for (int hi = 0xB0; hi <= 0xF7; ++hi)
        for (int lo = 0xA1; lo <= 0xFE; ++lo) {
            if (hi == 0xD7 && lo > 0xF9)
                continue; // the end of level 1 is not filled
            const QByteArray gb = QByteArray().append(static_cast<char>(hi)).append(static_cast<char>(lo));
            auto text = huike::decodeExternalText(gb, huike::TextEncoding::Gb18030);
            REQUIRE(text.ok());
            INFO(text->text.toStdString());
            CHECK(pinyinInitials(text->text).size() == 1);
        }
}

TEST_CASE("a polyphonic character takes its most common reading", "[pinyin]")
{
    CHECK(pinyinInitials(QStringLiteral("快乐")) == QStringLiteral("kl"));   // 乐 lè, not yuè
    CHECK(pinyinInitials(QStringLiteral("行李箱")) == QStringLiteral("xlx")); // 行 xíng
    CHECK(pinyinInitials(QStringLiteral("重庆小面")) == QStringLiteral("zqxm")); // 重 zhòng: the form corrects it
}
