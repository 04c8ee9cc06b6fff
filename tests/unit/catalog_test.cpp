// The catalog: finding goods at the counter, scale labels, stock as a ledger, CSV in and out.

#include "catalog/catalog.h"
#include "core/csv.h"
#include "reports/integrity.h"
#include "store/settings.h"
#include "testsupport.h"

using namespace huike;
using huike::test::fen;
using huike::test::TestShop;
using huike::test::why;

namespace {
QString label(const char *first12)
{
    const QString s = QString::fromLatin1(first12);
    return s + ean13CheckDigit(s);
}
} // namespace

TEST_CASE("products are found by pinyin initials, name, code and barcode", "[catalog]")
{
    TestShop shop;
    Catalog &c = shop.ctx().catalog();
    CHECK(shop.p.water.pinyin == QStringLiteral("nfsqyytrs550hs"));
    CHECK(shop.p.water.stockMilli == 100'000);

    auto names = [&](const QString &text) {
        ProductQuery q;
        q.text = text;
        QStringList out;
        for (const Product &p : c.search(q))
            out << p.name;
        return out;
    };
    CHECK(names(QStringLiteral("nfsq")).contains(shop.p.water.name));
    CHECK(names(QStringLiteral("NFSQ")).contains(shop.p.water.name)); // caps lock on
    CHECK(names(QStringLiteral("牛肉")).contains(QStringLiteral("卤牛肉")));
    CHECK(names(QStringLiteral("牛肉")).contains(shop.p.noodles.name));
    CHECK(names(QStringLiteral("6901028075831")) == QStringList{shop.p.oil.name});
    CHECK(names(QStringLiteral("T03")) == QStringList{shop.p.oil.name});
    CHECK(
        names(QStringLiteral("kkkl")).contains(QStringLiteral("可口可乐 330毫升"))); // from the demo catalog
    CHECK(names(QStringLiteral("%")).isEmpty()); // LIKE wildcards are searched as text
    CHECK(names(QStringLiteral("_")).isEmpty());

    ProductQuery all;
    CHECK(c.count(all) ==
          5 + static_cast<int>(c.search(ProductQuery{QString(), 0, false, 100000, 5}).size()));
}

TEST_CASE("byBarcode finds by barcode, then by product code", "[catalog]")
{
    TestShop shop;
    Catalog &c = shop.ctx().catalog();
    auto byBarcode = c.byBarcode(QStringLiteral("6921168509256"));
    REQUIRE(byBarcode.ok());
    CHECK(byBarcode->id == shop.p.water.id);
    CHECK(byBarcode->price == fen(200));
    CHECK(byBarcode->barcodes == QStringList{QStringLiteral("6921168509256")});
    auto byCode = c.byBarcode(QStringLiteral("T02"));
    REQUIRE(byCode.ok());
    CHECK(byCode->name == QStringLiteral("康师傅红烧牛肉面 五连包"));
    auto unknown = c.byBarcode(QStringLiteral("6902538004045"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::NotFound);
    CHECK(unknown.error().message.contains(QStringLiteral("6902538004045")));
}

TEST_CASE("the first barcode of a product stays its main one", "[catalog]")
{
    // Goods often carry an old and a new barcode; the one entered first is printed and exported
    // first, and lists show it.
    TestShop shop;
    Catalog &c = shop.ctx().catalog();
    Product p;
    p.code = QStringLiteral("T10");
    p.name = QStringLiteral("可口可乐 零度 330毫升");
    p.price = fen(250);
    p.barcodes = {QStringLiteral("6954767410388"), QStringLiteral("6902538004045")}; // not in sorted order
    auto id = c.save(p, shop.admin);
    REQUIRE(id.ok());
    auto loaded = c.byId(*id);
    REQUIRE(loaded.ok());
    CHECK(loaded->barcodes == p.barcodes);
    ProductQuery q;
    q.text = QStringLiteral("T10");
    const QList<Product> found = c.search(q);
    REQUIRE(found.size() == 1);
    CHECK(found.first().barcodes.value(0) == QStringLiteral("6954767410388"));
    CHECK(c.byBarcode(QStringLiteral("6902538004045"))->id == *id); // the second one still sells it
}

TEST_CASE("lookupScan turns scale labels into quantity and amount", "[catalog][barcode]")
{
    TestShop shop;
    Catalog &c = shop.ctx().catalog();

    SECTION("a plain EAN-13")
    {
        auto m = c.lookupScan(QStringLiteral("6901028075831\r\n"));
        REQUIRE(m.ok());
        CHECK(m->product.id == shop.p.oil.id);
        CHECK(m->quantityMilli == 1000);
        CHECK_FALSE(m->fixedAmount.has_value());
    }
    SECTION("a price label for 卤牛肉 (PLU 09002): ¥15.67 is charged, the weight is implied")
    {
        auto m = c.lookupScan(label("210900201567"));
        INFO(why(m));
        REQUIRE(m.ok());
        CHECK(m->product.id == shop.p.beef.id);
        REQUIRE(m->fixedAmount.has_value());
        CHECK(*m->fixedAmount == fen(1567));
        CHECK(m->quantityMilli == 270); // 15.67 / 58.00 = 0.2702 kg
    }
    SECTION("a weight label for apples (PLU 09001): 1.235 kg at the catalog price")
    {
        auto m = c.lookupScan(label("220900101235"));
        INFO(why(m));
        REQUIRE(m.ok());
        CHECK(m->product.id == shop.p.apples.id);
        CHECK(m->quantityMilli == 1235);
        CHECK_FALSE(m->fixedAmount.has_value());
    }
    SECTION("a label whose PLU no product has")
    {
        auto m = c.lookupScan(label("210999901567"));
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().code == ErrorCode::NotFound);
        CHECK(m.error().message.contains(QStringLiteral("09999")));
    }
    SECTION("labels without an amount or weight are refused")
    {
        CHECK(c.lookupScan(label("210900200000")).error().code == ErrorCode::Invalid);
        CHECK(c.lookupScan(label("220900100000")).error().code == ErrorCode::Invalid);
    }
    SECTION("a misread check digit is refused before any look-up")
    {
        auto m = c.lookupScan(QStringLiteral("6901028075832"));
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().code == ErrorCode::Invalid);
    }
    SECTION("a deactivated product is no longer sold")
    {
        REQUIRE(c.setActive(shop.p.oil.id, false, shop.manager).ok());
        auto m = c.lookupScan(QStringLiteral("6901028075831"));
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().code == ErrorCode::Conflict);
        REQUIRE(c.setActive(shop.p.beef.id, false, shop.manager).ok());
        CHECK(c.lookupScan(label("210900201567")).error().code == ErrorCode::Conflict);
        CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'product.deactivate'")) == 2);
    }
}

TEST_CASE("a scale label must fit the product it names and what a scale can weigh", "[catalog][barcode]")
{
    TestShop shop;
    Catalog &c = shop.ctx().catalog();
    Settings &settings = shop.ctx().settings();

    SECTION("a weight label for goods sold by the piece is refused; a price label for them sells")
    {
        // 鲜肉月饼 has a PLU (the scale prints its price labels) but is sold by the piece.
        Product cakes;
        cakes.code = QStringLiteral("T90");
        cakes.name = QStringLiteral("鲜肉月饼");
        cakes.unit = QStringLiteral("个");
        cakes.price = fen(350);
        cakes.plu = QStringLiteral("09100");
        REQUIRE(c.save(cakes, shop.manager).ok());
        auto byWeight = c.lookupScan(label("220910001000"), scaleRules(settings));
        REQUIRE_FALSE(byWeight.ok());
        CHECK(byWeight.error().message.contains(QStringLiteral("鲜肉月饼")));
        auto byPrice = c.lookupScan(label("210910000700"), scaleRules(settings));
        INFO(why(byPrice));
        REQUIRE(byPrice.ok());
        CHECK(*byPrice->fixedAmount == fen(700));
        CHECK(byPrice->quantityMilli == 2000);
    }
    SECTION("a weight beyond the store's maximum is refused, at the default 30 kg and at a set one")
    {
        CHECK(c.lookupScan(label("220900130000"), scaleRules(settings)).ok()); // 30.000 kg: the limit itself
        auto heavy = c.lookupScan(label("220900130001"), scaleRules(settings));
        REQUIRE_FALSE(heavy.ok());
        CHECK(heavy.error().code == ErrorCode::Invalid);
        CHECK(heavy.error().message.contains(QStringLiteral("30")));
        REQUIRE(settings.set(Settings::kScaleMaxWeightGrams, QStringLiteral("5000")).ok());
        CHECK(c.lookupScan(label("220900105000"), scaleRules(settings)).ok());
        CHECK_FALSE(c.lookupScan(label("220900105001"), scaleRules(settings)).ok());
        // A price label implies its weight: ¥99.99 of 卤牛肉 at ¥58.00/kg is 1.724 kg, fine; the
        // same amount of apples at ¥12.98/kg would be 7.7 kg, more than these scales weigh.
        CHECK(c.lookupScan(label("210900209999"), scaleRules(settings)).ok());
        CHECK_FALSE(c.lookupScan(label("210900109999"), scaleRules(settings)).ok());
    }
    SECTION("the store's weight flags decide which labels carry a weight")
    {
        REQUIRE(settings.set(Settings::kScaleWeightFlags, QStringLiteral("3")).ok());
        auto m = c.lookupScan(label("230900101235"), scaleRules(settings));
        INFO(why(m));
        REQUIRE(m.ok());
        CHECK(m->quantityMilli == 1235);
        CHECK_FALSE(m->fixedAmount.has_value());
        auto priced = c.lookupScan(label("220900201567"), scaleRules(settings)); // "2" is now a price label
        REQUIRE(priced.ok());
        CHECK(priced->fixedAmount == fen(1567));
    }
}

TEST_CASE("saving a product checks its barcodes and keeps stock as a ledger", "[catalog]")
{
    TestShop shop;
    Catalog &c = shop.ctx().catalog();
    const qint64 productsBefore = shop.count(QStringLiteral("products"));
    const qint64 movesBefore = shop.count(QStringLiteral("stock_moves"));

    Product p;
    p.name = QStringLiteral("伊利纯牛奶 250毫升");
    p.price = fen(350);
    p.stockMilli = 24'000;

    SECTION("a misread barcode is refused")
    {
        p.barcodes = {QStringLiteral("6902538004046")}; // the check digit is 5
        auto id = c.save(p, shop.admin);
        REQUIRE_FALSE(id.ok());
        CHECK(id.error().code == ErrorCode::Invalid);
        CHECK(shop.count(QStringLiteral("products")) == productsBefore);
    }
    SECTION("a barcode that belongs to another product is a conflict, and nothing is saved")
    {
        p.barcodes = {QStringLiteral("6921168509256")};
        auto id = c.save(p, shop.admin);
        REQUIRE_FALSE(id.ok());
        CHECK(id.error().code == ErrorCode::Conflict);
        CHECK(id.error().message.contains(QStringLiteral("6921168509256")));
        CHECK(shop.count(QStringLiteral("products")) == productsBefore);
        CHECK(shop.count(QStringLiteral("stock_moves")) ==
              movesBefore); // the initial stock move was rolled back
    }
    SECTION("a new product: code made up, pinyin computed, initial stock as a stock move")
    {
        auto id = c.save(p, shop.admin);
        INFO(why(id));
        REQUIRE(id.ok());
        auto saved = c.byId(*id);
        REQUIRE(saved.ok());
        CHECK_FALSE(saved->code.isEmpty());
        CHECK(saved->pinyin == QStringLiteral("ylcnn250hs"));
        CHECK(saved->stockMilli == 24'000);
        CHECK(
            shop.scalar(QStringLiteral("SELECT SUM(qty_milli) FROM stock_moves WHERE product_id = ?"), {*id})
                .toLongLong() == 24'000);

        // Editing the product never edits its stock; adjusting stock adds a row.
        saved->price = fen(380);
        saved->stockMilli = 999'000;
        REQUIRE(c.save(*saved, shop.manager).ok());
        CHECK(shop.stockOf(*id) == 24'000);
        REQUIRE(c.adjustStock(*id, -2'000, QStringLiteral("破损"), shop.manager).ok());
        CHECK(shop.stockOf(*id) == 22'000);
        CHECK(shop.count(QStringLiteral("stock_moves"), QStringLiteral("product_id = ?"), {*id}) == 2);
        CHECK(shop.count(QStringLiteral("audit_log"),
                         QStringLiteral("action = 'stock.adjust' AND reason = '破损'")) == 1);
        CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
    }
    SECTION("a name is required and a price cannot be negative")
    {
        Product blank = p;
        blank.name = QStringLiteral("   ");
        CHECK(c.save(blank, shop.admin).error().code == ErrorCode::Invalid);
        Product negative = p;
        negative.price = fen(-1);
        CHECK(c.save(negative, shop.admin).error().code == ErrorCode::Invalid);
    }
    SECTION("two products cannot share a PLU")
    {
        p.weighed = true;
        p.plu = QStringLiteral("09001");
        CHECK(c.save(p, shop.admin).error().code == ErrorCode::Conflict);
    }
}

TEST_CASE("importing a GBK product list from Excel", "[catalog][csv]")
{
    TestShop shop;
    Catalog &c = shop.ctx().catalog();
    const QString csv = QStringLiteral(
        "货号,条码,商品名称,分类,单位,零售价,进价,库存\r\n"
        "8801,6902538004045,脉动 青柠味 600毫升,饮料,瓶,4.50,3.10,48\r\n"
        "8802,,白象汤好喝 老母鸡汤面,方便食品,袋,五元,3.00,10\r\n" // a price in words: rejected
        "8803,6954767410388|6954767410396,可口可乐 零度 330毫升,饮料,听,2.50,1.60,120\r\n"
        "T01,6921168509256,农夫山泉饮用天然水 550毫升,饮料,瓶,2.20,1.40,90\r\n"); // an update of T01
    const ImportReport r = c.importCsv(encodeGb18030(csv), shop.admin);
    INFO(r.errors.join(QLatin1Char('\n')).toStdString());
    CHECK(r.encoding == QStringLiteral("GB18030"));
    CHECK(r.added == 1); // 6954767410396 has a wrong check digit, so 8803 is rejected too
    CHECK(r.updated == 1);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors.at(0).contains(QStringLiteral("line 3")));
    CHECK(r.errors.at(1).contains(QStringLiteral("line 4")));

    auto maidong = c.byBarcode(QStringLiteral("6902538004045"));
    REQUIRE(maidong.ok());
    CHECK(maidong->name == QStringLiteral("脉动 青柠味 600毫升"));
    CHECK(maidong->price == fen(450));
    CHECK(maidong->cost == fen(310));
    CHECK(maidong->stockMilli == 48'000);
    CHECK(maidong->categoryName == QStringLiteral("饮料"));
    CHECK(maidong->pinyin == QStringLiteral("mdqnw600hs"));

    auto water = c.byId(shop.p.water.id);
    REQUIRE(water.ok());
    CHECK(water->price == fen(220));
    CHECK(water->stockMilli == 90'000); // the difference is a stock move, so the ledger still adds up
    CHECK(c.byBarcode(QStringLiteral("6954767410388")).error().code ==
          ErrorCode::NotFound); // the rejected row left nothing
    CHECK(verifyDatabase(shop.ctx().db()).isEmpty());
}

TEST_CASE("a product list exported to Excel imports back unchanged", "[catalog][csv]")
{
    TestShop shop;
    Catalog &c = shop.ctx().catalog();
    REQUIRE(c.setActive(shop.p.noodles.id, false, shop.manager).ok());
    const QByteArray exported = c.exportCsv();
    CHECK(exported.startsWith("\xEF\xBB\xBF"));
    const qint64 products = shop.count(QStringLiteral("products"));
    const qint64 barcodes = shop.count(QStringLiteral("product_barcodes"));
    CHECK(exported.contains("6921168509256"));
    auto table = parseCsv(decodeExternalText(exported)->text);
    REQUIRE(table.ok());
    CHECK(table->rows.size() == products + 1);

    const ImportReport r = c.importCsv(exported, shop.admin);
    INFO(r.errors.join(QLatin1Char('\n')).toStdString());
    CHECK(r.errors.isEmpty());
    CHECK(r.added == 0);
    CHECK(r.updated == products);
    CHECK(shop.count(QStringLiteral("products")) == products);
    auto noodles = c.byId(shop.p.noodles.id);
    REQUIRE(noodles.ok());
    CHECK_FALSE(noodles->active);
    auto beef = c.byId(shop.p.beef.id);
    REQUIRE(beef.ok());
    CHECK(beef->plu == QStringLiteral("09002"));
    CHECK(beef->weighed);
    CHECK(beef->stockMilli == 10'000);
    // Barcodes survive the round trip: the till still finds the goods.
    auto water = c.byBarcode(QStringLiteral("6921168509256"));
    REQUIRE(water.ok());
    CHECK(water->id == shop.p.water.id);
    CHECK(shop.count(QStringLiteral("product_barcodes")) == barcodes);
    CHECK(c.exportCsv() == exported);
}

TEST_CASE("a cashier may not change products, prices, stock or settings, whatever screen asks", "[catalog][roles]")
{
    TestShop shop;
    Catalog &c = shop.ctx().catalog();
    const qint64 auditsBefore = shop.count(QStringLiteral("audit_log"));
    Product dearer = shop.p.oil;
    dearer.price = fen(5990);
    for (const qint64 who : {shop.cashier, qint64(0), qint64(999999)}) {
        INFO("operator " << who);
        CHECK(c.save(dearer, who).error().code == ErrorCode::Denied);
        CHECK(c.setActive(shop.p.oil.id, false, who).error().code == ErrorCode::Denied);
        CHECK(c.adjustStock(shop.p.oil.id, -1000, QStringLiteral("破损"), who).error().code == ErrorCode::Denied);
        CHECK(c.setCountedStock(shop.p.oil.id, 0, QStringLiteral("盘点"), who).error().code == ErrorCode::Denied);
        const ImportReport r = c.importCsv(QByteArrayLiteral("barcode,name,price\n6901028075831,金龙鱼,1.00\n"), who);
        CHECK(r.errors.size() == 1);
        CHECK(shop.ctx().settings().change({{Settings::kRoundingMode, QStringLiteral("2")}}, who, 0).error().code ==
              ErrorCode::Denied);
    }
    CHECK(c.byId(shop.p.oil.id)->price == fen(6990));
    CHECK(shop.stockOf(shop.p.oil.id) == 20'000);
    CHECK(shop.count(QStringLiteral("audit_log")) == auditsBefore);
    // A manager may, and the audit row names the manager.
    REQUIRE(c.save(dearer, shop.manager).ok());
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'product.update' AND operator_id = ?"),
                     {shop.manager}) == 1);
    REQUIRE(shop.ctx().settings().change({{Settings::kRoundingMode, QStringLiteral("2")}}, shop.manager, 0).ok());
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'setting.change' AND operator_id = ?"),
                     {shop.manager}) == 1);
}

TEST_CASE("a cashier's export leaves out cost prices, a manager's keeps them", "[catalog][csv]")
{
    TestShop shop;
    const auto header = [](const QByteArray &csv) {
        auto table = parseCsv(decodeExternalText(csv)->text);
        REQUIRE(table.ok());
        REQUIRE_FALSE(table->rows.isEmpty());
        return table->rows;
    };
    const QList<QStringList> manager = header(shop.ctx().catalog().exportCsvFor(shop.manager));
    const QList<QStringList> cashier = header(shop.ctx().catalog().exportCsvFor(shop.cashier));
    CHECK(manager.first().contains(QStringLiteral("cost")));
    CHECK_FALSE(cashier.first().contains(QStringLiteral("cost")));
    REQUIRE(cashier.size() == manager.size());
    const int costColumn = static_cast<int>(manager.first().indexOf(QStringLiteral("cost")));
    const QString oilCost = shop.p.oil.cost.toString();
    REQUIRE(oilCost != QStringLiteral("0.00"));
    for (qsizetype r = 1; r < cashier.size(); ++r) {
        CHECK(cashier.at(r).size() == manager.at(r).size() - 1);
        if (manager.at(r).first() == shop.p.oil.code) {
            CHECK(manager.at(r).at(costColumn) == oilCost);
            CHECK_FALSE(cashier.at(r).contains(oilCost));
        }
    }
}
