// Scanned codes: check digits of real Chinese goods, scale labels, and hostile scanner input.

#include "catalog/barcode.h"
#include "testsupport.h"

using huike::parseScannedCode;
using huike::ScaleLabelFormat;
using huike::ScannedCode;
using huike::test::fen;
using Kind = huike::ScannedCode::Kind;

TEST_CASE("EAN-13 check digits of real goods", "[barcode]")
{
    // Check digits worked out by hand with the GS1 weights 1,3,1,3... from the left.
    CHECK(huike::ean13CheckDigit(u"690102807583") == QLatin1Char('1'));
    CHECK(huike::ean13CheckDigit(u"692020288888") == QLatin1Char('3'));
    CHECK(huike::ean13CheckDigit(u"692116850925") == QLatin1Char('6'));
    CHECK(huike::ean13CheckDigit(u"695476741038") == QLatin1Char('8'));
    CHECK(huike::ean13CheckDigit(u"200000000000") == QLatin1Char('8'));
    for (const char16_t *good : {u"6901028075831", u"6920202888883", u"6921168509256", u"6954767410388",
                                 u"6902538004045", u"6901939621608"})
        CHECK(huike::ean13CheckOk(good));
    for (const char16_t *bad : {u"6901028075832", u"6901028075830", u"6920202888884", u"690102807583",
                                u"69010280758311", u"690102807583X", u""})
        CHECK_FALSE(huike::ean13CheckOk(bad));
}

TEST_CASE("EAN-8 and UPC-A check digits", "[barcode]")
{
    CHECK(huike::ean8CheckOk(u"96385074"));
    CHECK(huike::ean8CheckOk(u"72000014"));
    CHECK_FALSE(huike::ean8CheckOk(u"96385075"));
    CHECK_FALSE(huike::ean8CheckOk(u"9638507"));
    CHECK_FALSE(huike::ean8CheckOk(u"9638507a"));

    CHECK(parseScannedCode(u"036000291452").kind == Kind::Plain); // UPC-A, imported goods
    const ScannedCode bad = parseScannedCode(u"036000291453");
    CHECK(bad.kind == Kind::Invalid);
    CHECK(bad.problem.contains(QStringLiteral("UPC-A")));
}

TEST_CASE("plain codes as a scanner sends them", "[barcode]")
{
    SECTION("EAN-13 with the scanner's CR LF suffix")
    {
        const ScannedCode c = parseScannedCode(u" 6901028075831\r\n");
        CHECK(c.kind == Kind::Plain);
        CHECK(c.code == QStringLiteral("6901028075831"));
        CHECK(c.plu.isEmpty());
    }
    SECTION("EAN-8")
    {
        CHECK(parseScannedCode(u"96385074").kind == Kind::Plain);
    }
    SECTION("a wrong EAN-13 check digit asks for a rescan")
    {
        const ScannedCode c = parseScannedCode(u"6901028075832");
        CHECK(c.kind == Kind::Invalid);
        CHECK(c.problem.contains(QStringLiteral("6901028075832")));
    }
    SECTION("a wrong EAN-8 check digit")
    {
        CHECK(parseScannedCode(u"96385075").kind == Kind::Invalid);
    }
    SECTION("the shop's own codes and Code 128 text are looked up as they are")
    {
        CHECK(parseScannedCode(u"T01").kind == Kind::Plain);
        CHECK(parseScannedCode(u"ABC-123/x").kind == Kind::Plain);
        CHECK(parseScannedCode(u"12345").kind == Kind::Plain);          // 5 digits: no check digit rule
        CHECK(parseScannedCode(u"69010280758310").kind == Kind::Plain); // 14 digits (ITF-14 style)
    }
}

TEST_CASE("price-embedded scale labels: 2 + flag + PLU + fen + check", "[barcode]")
{
    const ScannedCode c = parseScannedCode(u"2100012015677");
    REQUIRE(c.kind == Kind::PriceEmbedded);
    CHECK(c.plu == QStringLiteral("00012"));
    CHECK(c.amount == fen(1567));
    CHECK(c.weightGrams == 0);
    CHECK(c.code == QStringLiteral("2100012015677"));

    const ScannedCode zero = parseScannedCode(u"2000000000008");
    REQUIRE(zero.kind == Kind::PriceEmbedded);
    CHECK(zero.amount == fen(0)); // the catalog refuses a label without an amount

    SECTION("a label with a wrong check digit is not charged")
    {
        CHECK(parseScannedCode(u"2100012015678").kind == Kind::Invalid);
        CHECK(parseScannedCode(u"2100012015670").kind == Kind::Invalid);
    }
}

TEST_CASE("weight-embedded scale labels", "[barcode]")
{
    const ScannedCode w = parseScannedCode(u"2200003012354");
    REQUIRE(w.kind == Kind::WeightEmbedded);
    CHECK(w.plu == QStringLiteral("00003"));
    CHECK(w.weightGrams == 1235);
    CHECK(w.amount == fen(0));

    SECTION("the shop's scale decides which flags mean weight")
    {
        ScaleLabelFormat f;
        CHECK(parseScannedCode(u"2700003012359", f).kind == Kind::PriceEmbedded);
        f.weightFlags = QStringLiteral("27");
        const ScannedCode seven = parseScannedCode(u"2700003012359", f);
        CHECK(seven.kind == Kind::WeightEmbedded);
        CHECK(seven.weightGrams == 1235);
        CHECK(parseScannedCode(u"2200003012354", f).kind == Kind::WeightEmbedded);
    }
    SECTION("a 4-digit PLU with a 6-digit value")
    {
        ScaleLabelFormat f;
        f.pluDigits = 4;
        f.valueDigits = 6;
        const ScannedCode c = parseScannedCode(u"2100012015677", f);
        REQUIRE(c.kind == Kind::PriceEmbedded);
        CHECK(c.plu == QStringLiteral("0001"));
        CHECK(c.amount == fen(201567));
    }
    SECTION("a format that cannot fit EAN-13 reads the label as a plain code")
    {
        ScaleLabelFormat f;
        f.pluDigits = 4;
        f.valueDigits = 5;
        CHECK(parseScannedCode(u"2100012015677", f).kind == Kind::Plain);
    }
}

TEST_CASE("hostile scanner input is refused with a reason, never crashes", "[barcode]")
{
    const auto invalid = [](const QString &raw) {
        const ScannedCode c = parseScannedCode(raw);
        INFO("input: " << raw.toStdString());
        CHECK(c.kind == Kind::Invalid);
        CHECK_FALSE(c.problem.isEmpty());
        return c;
    };
    invalid(QString());
    invalid(QStringLiteral("   \t "));
    invalid(QStringLiteral("6901\x01"
                           "028075831"));          // a control character in the middle
    invalid(QStringLiteral("ABC\x1B[2J"));         // an escape sequence
    invalid(QStringLiteral("69010280\t75831"));    // a tab inside
    invalid(QStringLiteral("可口可乐"));           // not something a barcode holds
    invalid(QStringLiteral("690102\u00A0807583")); // a no-break space inside
    invalid(QStringLiteral("6901028075831\x7F"));  // DEL
    invalid(QString(49, QLatin1Char('7')));        // too long
    CHECK(parseScannedCode(QString(48, QLatin1Char('A'))).kind == Kind::Plain); // 48 is the limit
    const ScannedCode huge = invalid(QString(100000, QLatin1Char('9')));
    CHECK(huge.problem.contains(QStringLiteral("100000")));
}
