// CSV from shops' spreadsheets: RFC 4180 quoting, Excel's encodings, and Excel-safe exports.

#include "core/csv.h"
#include "testsupport.h"

#include <random>

using huike::csvFile;
using huike::CsvLimits;
using huike::csvLine;
using huike::decodeExternalText;
using huike::parseCsv;

namespace {
QList<QStringList> rowsOf(const QString &text, const CsvLimits &limits = {})
{
    auto t = parseCsv(text, limits);
    INFO(huike::test::why(t));
    REQUIRE(t.ok());
    return t->rows;
}
QString errorOf(const QString &text, const CsvLimits &limits = {})
{
    auto t = parseCsv(text, limits);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().code == huike::ErrorCode::Invalid);
    return t.error().message;
}
} // namespace

TEST_CASE("parseCsv reads a product list", "[csv]")
{
    const auto t = parseCsv(QStringLiteral(
        "条码,名称,售价\n6901028075831,金龙鱼调和油 5升,69.90\n6921168509256,农夫山泉 550毫升,2.00\n"));
    REQUIRE(t.ok());
    REQUIRE(t->rows.size() == 3);
    CHECK(t->rows[0] == QStringList{QStringLiteral("条码"), QStringLiteral("名称"), QStringLiteral("售价")});
    CHECK(t->rows[1] == QStringList{QStringLiteral("6901028075831"), QStringLiteral("金龙鱼调和油 5升"),
                                    QStringLiteral("69.90")});
    CHECK(t->lineNumbers == QList<int>{1, 2, 3});
}

TEST_CASE("parseCsv: quotes, doubled quotes and commas inside fields", "[csv]")
{
    CHECK(rowsOf(QStringLiteral("\"可乐,雪碧\",3.50")) ==
          QList<QStringList>{{QStringLiteral("可乐,雪碧"), QStringLiteral("3.50")}});
    CHECK(rowsOf(QStringLiteral("\"他说\"\"好\"\"\",x")) ==
          QList<QStringList>{{QStringLiteral("他说\"好\""), QStringLiteral("x")}});
    CHECK(rowsOf(QStringLiteral("\"\",b")) == QList<QStringList>{{QString(), QStringLiteral("b")}});
    // Unquoted fields are trimmed; quoted ones keep their spaces.
    CHECK(rowsOf(QStringLiteral("  a  ,\" b \"")) ==
          QList<QStringList>{{QStringLiteral("a"), QStringLiteral(" b ")}});
    // Spaces before an opening quote are not part of the field.
    CHECK(rowsOf(QStringLiteral("a,  \"b\"")) ==
          QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")}});
}

TEST_CASE("parseCsv: empty fields and a trailing comma", "[csv]")
{
    CHECK(rowsOf(QStringLiteral("a,,c\n")) ==
          QList<QStringList>{{QStringLiteral("a"), QString(), QStringLiteral("c")}});
    CHECK(rowsOf(QStringLiteral("a,b,\n")) ==
          QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b"), QString()}});
    CHECK(rowsOf(QStringLiteral(",\n")) == QList<QStringList>{{QString(), QString()}});
}

TEST_CASE("parseCsv: CR LF, a missing final newline, blank lines", "[csv]")
{
    CHECK(rowsOf(QStringLiteral("a,b\r\nc,d\r\n")) ==
          QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")},
                             {QStringLiteral("c"), QStringLiteral("d")}});
    CHECK(rowsOf(QStringLiteral("a,b\r\nc,d")) ==
          QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")},
                             {QStringLiteral("c"), QStringLiteral("d")}});
    CHECK(rowsOf(QStringLiteral("a\rb\r")) ==
          QList<QStringList>{{QStringLiteral("a")}, {QStringLiteral("b")}}); // old Mac line ends

    const auto t = parseCsv(QStringLiteral("名称,售价\n\n\r\n雪碧,3.00\n   \n\n"));
    REQUIRE(t.ok());
    REQUIRE(t->rows.size() == 2); // blank (and blank-looking) lines are not rows
    CHECK(t->lineNumbers == QList<int>{1, 4});
    CHECK(parseCsv(QString())->rows.isEmpty());
    CHECK(parseCsv(QStringLiteral("\n\n\n"))->rows.isEmpty());
}

TEST_CASE("parseCsv: a newline inside quotes stays in the field and lines are still counted", "[csv]")
{
    const auto t = parseCsv(QStringLiteral("名称,备注\n\"礼盒\",\"第一行\n第二行\r\n第三行\"\n雪碧,x\n"));
    REQUIRE(t.ok());
    REQUIRE(t->rows.size() == 3);
    CHECK(t->rows[1][1] == QStringLiteral("第一行\n第二行\r\n第三行"));
    CHECK(t->lineNumbers == QList<int>{1, 2, 5});
}

TEST_CASE("parseCsv: a malformed row is left out with its line number, and the rows after it are read",
          "[csv]")
{
    SECTION("a quote never closed: reading starts again on the next line")
    {
        const auto t = parseCsv(QStringLiteral("a,b\nc,d\n\"e,f\ng,h\n"));
        REQUIRE(t.ok());
        CHECK(t->rows == QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")},
                                            {QStringLiteral("c"), QStringLiteral("d")},
                                            {QStringLiteral("g"), QStringLiteral("h")}});
        CHECK(t->lineNumbers == QList<int>{1, 2, 4});
        REQUIRE(t->problems.size() == 1);
        CHECK(t->problems.first().contains(QStringLiteral("Line 3")));
        CHECK(t->problemLines == QList<int>{3});
    }
    SECTION("a quote in the middle of an unquoted field")
    {
        const auto t = parseCsv(QStringLiteral("ok,ok\n12\"寸,x\n卤鸭,12.80\n"));
        REQUIRE(t.ok());
        CHECK(t->rows.size() == 2);
        CHECK(t->rows.at(1).first() == QStringLiteral("卤鸭"));
        CHECK(t->lineNumbers == QList<int>{1, 3});
        REQUIRE(t->problems.size() == 1);
        CHECK(t->problems.first().contains(QStringLiteral("Line 2")));
    }
    SECTION("text after a closing quote, after a row that spans two lines")
    {
        const auto t = parseCsv(QStringLiteral("\"多行\n备注\",1\n\n\"ab\"c,d\r\ne,f"));
        REQUIRE(t.ok());
        CHECK(t->rows == QList<QStringList>{{QStringLiteral("多行\n备注"), QStringLiteral("1")},
                                            {QStringLiteral("e"), QStringLiteral("f")}});
        CHECK(t->lineNumbers == QList<int>{1, 5});
        CHECK(t->problemLines == QList<int>{4});
    }
}

TEST_CASE("parseCsv: spaces after a closing quote are not part of the field", "[csv]")
{
    // Regression (this once happened): spaces between a closing quote and the comma are appended to the quoted
    // value, although spaces before an opening quote are dropped: "可口可乐" , 3.50 (as typed by
    // hand) gives "可口可乐 " with a trailing space.
    CHECK(rowsOf(QStringLiteral("\"可口可乐\" ,3.50")) ==
          QList<QStringList>{{QStringLiteral("可口可乐"), QStringLiteral("3.50")}});
}

TEST_CASE("parseCsv: limits turn hostile files into errors", "[csv]")
{
    CsvLimits small;
    small.maxFields = 3;
    small.maxRows = 2;
    small.maxFieldChars = 10;
    CHECK(rowsOf(QStringLiteral("a,b,c\nd,e,f\n"), small).size() == 2);
    // More rows than the limit: the whole file is refused.
    CHECK(errorOf(QStringLiteral("a\nb\nc\n"), small).contains(QStringLiteral("2")));
    CHECK(rowsOf(QStringLiteral("0123456789"), small).size() == 1);
    // A row too wide or a field too long is left out with its line; the others are read.
    const auto problemsOf = [&](const QString &text) {
        auto t = parseCsv(text, small);
        REQUIRE(t.ok());
        return t->problems;
    };
    CHECK(problemsOf(QStringLiteral("a,b,c,d\nx,y\n")).value(0).contains(QStringLiteral("Line 1")));
    CHECK(rowsOf(QStringLiteral("a,b,c,d\nx,y\n"), small) == QList<QStringList>{{QStringLiteral("x"), QStringLiteral("y")}});
    CHECK(problemsOf(QStringLiteral("ok\n01234567890")).value(0).contains(QStringLiteral("Line 2")));
    CHECK(problemsOf(QStringLiteral("\"") + QString(11, QLatin1Char('x')) + QStringLiteral("\""))
              .value(0)
              .contains(QStringLiteral("10")));

    // A 10 MB single field with default limits is left out quickly, not buffered forever.
    const QString huge = QString(10'000'000, QLatin1Char('x'));
    auto t = parseCsv(huge);
    REQUIRE(t.ok());
    CHECK(t->rows.isEmpty());
    CHECK(t->problems.value(0).contains(QStringLiteral("4096")));
}

TEST_CASE("decodeExternalText: UTF-8, UTF-8 with BOM, and GBK from Excel", "[csv]")
{
    SECTION("UTF-8")
    {
        auto d = decodeExternalText(QByteArray("\xE6\x9D\xA1\xE7\xA0\x81,price\n")); // 条码
        REQUIRE(d.ok());
        CHECK(d->encoding == QStringLiteral("UTF-8"));
        CHECK(d->text == QStringLiteral("条码,price\n"));
    }
    SECTION("UTF-8 with a BOM: the BOM is not part of the first header")
    {
        auto d = decodeExternalText(QByteArray("\xEF\xBB\xBF\xE6\x9D\xA1\xE7\xA0\x81,x"));
        REQUIRE(d.ok());
        CHECK(d->encoding == QStringLiteral("UTF-8 BOM"));
        CHECK(d->text == QStringLiteral("条码,x"));
    }
    SECTION("GBK bytes as Excel saves them on a Chinese Windows")
    {
        auto d = decodeExternalText(QByteArray("\xCC\xF5\xC2\xEB,\xC3\xFB\xB3\xC6\r\n")); // 条码,名称
        REQUIRE(d.ok());
        CHECK(d->encoding == QStringLiteral("GB18030"));
        CHECK(d->text == QStringLiteral("条码,名称\r\n"));
    }
    SECTION("encodeGb18030 writes the same bytes, and they decode back")
    {
        CHECK(huike::encodeGb18030(QStringLiteral("条码")) == QByteArray("\xCC\xF5\xC2\xEB"));
        CHECK(huike::encodeGb18030(QStringLiteral("可口可乐")) ==
              QByteArray("\xBF\xC9\xBF\xDA\xBF\xC9\xC0\xD6"));
        const QString list =
            QStringLiteral("货号,名称,售价\n0101,康师傅冰红茶 500毫升,3.00\n0102,王老吉凉茶 310毫升,4.50\n");
        auto d = decodeExternalText(huike::encodeGb18030(list));
        REQUIRE(d.ok());
        CHECK(d->encoding == QStringLiteral("GB18030"));
        CHECK(d->text == list);
        // Characters outside GBK (four-byte GB18030) survive too.
        const QString rare = QStringLiteral("𠮷野家 €");
        auto r = decodeExternalText(huike::encodeGb18030(rare));
        REQUIRE(r.ok());
        CHECK(r->text == rare);
    }
    SECTION("plain ASCII and an empty file are UTF-8")
    {
        CHECK(decodeExternalText(QByteArray("code,price\n"))->encoding == QStringLiteral("UTF-8"));
        auto e = decodeExternalText(QByteArray());
        REQUIRE(e.ok());
        CHECK(e->text.isEmpty());
    }
}

TEST_CASE("decodeExternalText: bytes that are no text give a clear error", "[csv]")
{
    // A UTF-16 file ("Unicode text" in Excel) is neither UTF-8 nor GB18030.
    auto utf16 = decodeExternalText(QByteArray("\xFF\xFE\x61\x67\x01\x78", 6));
    REQUIRE_FALSE(utf16.ok());
    CHECK(utf16.error().code == huike::ErrorCode::Invalid);
    CHECK(utf16.error().message.contains(QStringLiteral("offset")));
    // A BOM followed by bytes that are not UTF-8.
    CHECK_FALSE(decodeExternalText(QByteArray("\xEF\xBB\xBF\xCC\xF5\xC2\xEB")).ok());
    // GBK cut in the middle of a character.
    CHECK_FALSE(decodeExternalText(QByteArray("\xCC\xF5\xC2")).ok());
    // A PNG file picked by mistake.
    CHECK_FALSE(decodeExternalText(QByteArray("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\xFF\xFF", 18)).ok());
}

TEST_CASE("csvLine neutralises formulas for Excel but keeps negative amounts", "[csv]")
{
    CHECK(csvLine({QStringLiteral("=1+1")}) == QStringLiteral("'=1+1"));
    CHECK(csvLine({QStringLiteral("+8613800138000")}) == QStringLiteral("'+8613800138000"));
    CHECK(csvLine({QStringLiteral("@SUM(A1:A9)")}) == QStringLiteral("'@SUM(A1:A9)"));
    CHECK(csvLine({QStringLiteral("-1+cmd|' /C calc'!A0")}) == QStringLiteral("'-1+cmd|' /C calc'!A0"));
    CHECK(csvLine({QStringLiteral("\tx")}) == QStringLiteral("'\tx"));
    CHECK(csvLine({QStringLiteral("-")}) == QStringLiteral("'-"));
    CHECK(csvLine({QStringLiteral("-12.50")}) == QStringLiteral("-12.50"));
    CHECK(csvLine({QStringLiteral("-0.05"), QStringLiteral("-3")}) == QStringLiteral("-0.05,-3"));
    CHECK(csvLine({QStringLiteral("12.50"), QStringLiteral("可口可乐")}) == QStringLiteral("12.50,可口可乐"));
    // A formula that also needs quotes gets both.
    CHECK(csvLine({QStringLiteral("=HYPERLINK(\"http://x\",\"点我\")")}) ==
          QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""));
}

TEST_CASE("csvLine quotes commas, quotes and newlines", "[csv]")
{
    CHECK(csvLine({QStringLiteral("可乐,雪碧"), QStringLiteral("3.50")}) ==
          QStringLiteral("\"可乐,雪碧\",3.50"));
    CHECK(csvLine({QStringLiteral("12\"寸")}) == QStringLiteral("\"12\"\"寸\""));
    CHECK(csvLine({QStringLiteral("a\nb")}) == QStringLiteral("\"a\nb\""));
    CHECK(csvLine({QString(), QStringLiteral("x")}) == QStringLiteral(",x"));
}

TEST_CASE("csvFile is UTF-8 with a BOM and CR LF, as Excel expects", "[csv]")
{
    const QByteArray bytes = csvFile(
        {{QStringLiteral("名称"), QStringLiteral("售价")}, {QStringLiteral("雪碧"), QStringLiteral("3.00")}});
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(bytes == QByteArray("\xEF\xBB\xBF") + QStringLiteral("名称,售价\r\n雪碧,3.00\r\n").toUtf8());
    CHECK(csvFile({}) == QByteArray("\xEF\xBB\xBF"));
}

TEST_CASE("what csvFile writes, decodeExternalText and parseCsv read back", "[csv][property]")
{
    std::mt19937 rng(2026);
    const QStringList alphabet = {QStringLiteral("a"),  QStringLiteral("Z"),    QStringLiteral("7"),
                                  QStringLiteral("."),  QStringLiteral(","),    QStringLiteral("\""),
                                  QStringLiteral("\n"), QStringLiteral("\r\n"), QStringLiteral(" "),
                                  QStringLiteral("可"), QStringLiteral("乐"),   QStringLiteral("¥"),
                                  QStringLiteral("'"),  QStringLiteral("𠮷"),   QStringLiteral("|")};
    for (int iteration = 0; iteration < 500; ++iteration) {
        QList<QStringList> rows;
        const int nRows = std::uniform_int_distribution<int>(1, 8)(rng);
        const int nCols = std::uniform_int_distribution<int>(1, 6)(rng);
        for (int r = 0; r < nRows; ++r) {
            QStringList row;
            for (int c = 0; c < nCols; ++c) {
                QString f;
                const int len = std::uniform_int_distribution<int>(0, 12)(rng);
                for (int i = 0; i < len; ++i)
                    f += alphabet.at(
                        std::uniform_int_distribution<int>(0, static_cast<int>(alphabet.size()) - 1)(rng));
                // Unquoted fields are trimmed on reading, and a leading '-', '+', '=', '@' gains an
                // apostrophe: keep to fields that survive unchanged.
                f = f.trimmed();
                if (!f.isEmpty() && QStringLiteral("-+=@'").contains(f.at(0)))
                    f.prepend(QLatin1Char('x'));
                row << f;
            }
            if (row.join(QString()).trimmed().isEmpty())
                row[0] = QStringLiteral("x"); // an all-empty row would be a blank line
            rows << row;
        }
        auto decoded = decodeExternalText(csvFile(rows));
        REQUIRE(decoded.ok());
        CHECK(decoded->encoding == QStringLiteral("UTF-8 BOM"));
        auto parsed = parseCsv(decoded->text);
        INFO(huike::test::why(parsed));
        REQUIRE(parsed.ok());
        REQUIRE(parsed->rows == rows);
    }
}
