// Products in and out of CSV files (Excel's UTF-8 with BOM, or GBK/GB18030 from older tools):
// the import writes through the same product writer as the form.

#include "catalog.h"
#include "productwrite.h"

#include "core/csv.h"
#include "pinyin.h"
#include "store/database.h"
#include "store/permissions.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <spdlog/spdlog.h>

namespace huike {

namespace {

// Header names a shop's spreadsheet may use for each column.
const QHash<QString, QString> &headerAliases()
{
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("code"), QStringLiteral("code")},
        {QStringLiteral("货号"), QStringLiteral("code")},
        {QStringLiteral("编码"), QStringLiteral("code")},
        {QStringLiteral("barcode"), QStringLiteral("barcode")},
        {QStringLiteral("条码"), QStringLiteral("barcode")},
        {QStringLiteral("条形码"), QStringLiteral("barcode")},
        {QStringLiteral("name"), QStringLiteral("name")},
        {QStringLiteral("名称"), QStringLiteral("name")},
        {QStringLiteral("商品名称"), QStringLiteral("name")},
        {QStringLiteral("品名"), QStringLiteral("name")},
        {QStringLiteral("pinyin"), QStringLiteral("pinyin")},
        {QStringLiteral("拼音码"), QStringLiteral("pinyin")},
        {QStringLiteral("助记码"), QStringLiteral("pinyin")},
        {QStringLiteral("category"), QStringLiteral("category")},
        {QStringLiteral("分类"), QStringLiteral("category")},
        {QStringLiteral("类别"), QStringLiteral("category")},
        {QStringLiteral("unit"), QStringLiteral("unit")},
        {QStringLiteral("单位"), QStringLiteral("unit")},
        {QStringLiteral("price"), QStringLiteral("price")},
        {QStringLiteral("售价"), QStringLiteral("price")},
        {QStringLiteral("零售价"), QStringLiteral("price")},
        {QStringLiteral("cost"), QStringLiteral("cost")},
        {QStringLiteral("进价"), QStringLiteral("cost")},
        {QStringLiteral("成本"), QStringLiteral("cost")},
        {QStringLiteral("stock"), QStringLiteral("stock")},
        {QStringLiteral("库存"), QStringLiteral("stock")},
        {QStringLiteral("weighed"), QStringLiteral("weighed")},
        {QStringLiteral("称重"), QStringLiteral("weighed")},
        {QStringLiteral("plu"), QStringLiteral("plu")},
        {QStringLiteral("active"), QStringLiteral("active")},
        {QStringLiteral("启用"), QStringLiteral("active")},
    };
    return aliases;
}

bool parseFlag(const QString &s)
{
    const QString t = s.trimmed().toLower();
    return t == QLatin1String("1") || t == QLatin1String("yes") || t == QLatin1String("true") ||
           t == QStringLiteral("是") || t == QLatin1String("y");
}

} // namespace

ImportReport Catalog::importCsv(const QByteArray &bytes, qint64 operatorId, TextEncoding encoding)
{
    ImportReport report;
    auto decoded = decodeExternalText(bytes, encoding);
    if (!decoded) {
        report.errors << decoded.error().message;
        return report;
    }
    report.encoding = decoded->encoding;
    auto table = parseCsv(decoded->text);
    if (!table) {
        report.errors << table.error().message;
        return report;
    }
    if (table->rows.isEmpty()) {
        report.errors << QCoreApplication::translate("Catalog", "The file is empty.");
        return report;
    }
    QHash<QString, int> col;
    const QStringList header = table->rows.first();
    for (int i = 0; i < header.size(); ++i) {
        const QString key = headerAliases().value(header.at(i).trimmed().toLower());
        if (!key.isEmpty() && !col.contains(key))
            col.insert(key, i);
    }
    if (!col.contains(QStringLiteral("name")) || !col.contains(QStringLiteral("price"))) {
        report.errors << QCoreApplication::translate(
            "Catalog", "The header must name at least the columns name/名称 and price/售价.");
        return report;
    }
    auto cell = [&](const QStringList &row, const QString &key) {
        const int i = col.value(key, -1);
        return i >= 0 && i < row.size() ? row.at(i).trimmed() : QString();
    };

    WriteTransaction tx(m_db);
    if (!tx.began()) {
        report.errors << tx.beginError().message;
        return report;
    }
    if (auto st = requirePermission(m_db, operatorId, Permission::Products); !st) {
        report.errors << st.error().message;
        return report;
    }
    // Rows the CSV reader had to leave out (a stray quote, too many columns) are rejected rows.
    report.errors << table->problems;
    auto has = [&](const QString &key) { return col.contains(key); };
    static const QRegularExpression barcodeSeparators(QStringLiteral("[|;/ ]"));
    // The line each code and barcode was imported from: a second row with the same one would find
    // the first row's product and silently overwrite it.
    QHash<QString, int> codeLine;
    QHash<QString, int> barcodeLine;
    QHash<qint64, int> productLine;
    for (qsizetype r = 1; r < table->rows.size(); ++r) {
        const QStringList &row = table->rows.at(r);
        const int line = table->lineNumbers.at(r);
        auto reject = [&](const QString &why) {
            report.errors << QCoreApplication::translate("Catalog", "line %1: %2").arg(line).arg(why);
        };
        // Parse the row first: nothing is written for a row with a bad cell.
        const QString code = cell(row, QStringLiteral("code"));
        QStringList barcodes;
        for (const QString &b :
             cell(row, QStringLiteral("barcode")).split(barcodeSeparators, Qt::SkipEmptyParts))
            barcodes << b.trimmed();
        const auto price = Money::parse(cell(row, QStringLiteral("price")));
        if (!price || price->isNegative()) {
            reject(QCoreApplication::translate("Catalog", "price \"%1\" is not an amount in yuan.")
                       .arg(cell(row, QStringLiteral("price"))));
            continue;
        }
        const QString costText = cell(row, QStringLiteral("cost"));
        const auto cost = costText.isEmpty() ? std::optional<Money>(Money()) : Money::parse(costText);
        if (!cost || cost->isNegative()) {
            reject(QCoreApplication::translate("Catalog", "cost \"%1\" is not an amount in yuan.")
                       .arg(costText));
            continue;
        }
        const QString stockText = cell(row, QStringLiteral("stock"));
        const auto stock = stockText.isEmpty() ? std::optional<qint64>(0) : parseQuantity(stockText);
        if (!stock) {
            reject(QCoreApplication::translate("Catalog", "stock \"%1\" is not a quantity.").arg(stockText));
            continue;
        }

        if (const int first = codeLine.value(code); !code.isEmpty() && first > 0) {
            reject(QCoreApplication::translate("Catalog", "code %1 is already on line %2 of this file.")
                       .arg(code)
                       .arg(first));
            continue;
        }
        const auto repeated = std::find_if(barcodes.cbegin(), barcodes.cend(),
                                           [&](const QString &b) { return barcodeLine.contains(b); });
        if (repeated != barcodes.cend()) {
            reject(QCoreApplication::translate("Catalog", "barcode %1 is already on line %2 of this file.")
                       .arg(*repeated)
                       .arg(barcodeLine.value(*repeated)));
            continue;
        }

        // An existing product is found by its code, or else by one of its barcodes. Only the
        // columns the file has are changed: a price list (code, name, price) keeps the product's
        // barcodes, category, unit, scale PLU and state as they were.
        std::optional<Product> existing;
        if (!code.isEmpty())
            if (auto e = loadOne(QStringLiteral("WHERE p.code = ?"), code))
                existing = *e;
        for (qsizetype b = 0; !existing && b < barcodes.size(); ++b)
            if (auto e = byBarcode(barcodes.at(b)))
                existing = *e;
        if (existing && productLine.contains(existing->id)) {
            reject(QCoreApplication::translate("Catalog", "this is product %1 again, already imported on line %2.")
                       .arg(existing->code)
                       .arg(productLine.value(existing->id)));
            continue;
        }
        Product p = existing.value_or(Product{});
        const bool isNew = !existing;
        if (has(QStringLiteral("code")) && !code.isEmpty())
            p.code = code;
        p.name = cell(row, QStringLiteral("name"));
        p.price = *price;
        if (has(QStringLiteral("pinyin")) || isNew)
            p.pinyin = cell(row, QStringLiteral("pinyin"));
        if (has(QStringLiteral("unit")))
            p.unit = cell(row, QStringLiteral("unit"));
        if (has(QStringLiteral("plu")))
            p.plu = cell(row, QStringLiteral("plu"));
        if (has(QStringLiteral("weighed")))
            p.weighed = parseFlag(cell(row, QStringLiteral("weighed")));
        if (has(QStringLiteral("active")))
            p.active = cell(row, QStringLiteral("active")).isEmpty() ||
                       parseFlag(cell(row, QStringLiteral("active")));
        if (has(QStringLiteral("cost")) && !costText.isEmpty())
            p.cost = *cost;
        if (has(QStringLiteral("barcode")) && !barcodes.isEmpty())
            p.barcodes = barcodes;

        // Savepoint per row: one bad row must not undo the good rows before it (nor leave a
        // category it created behind).
        if (auto st = m_db.exec(QStringLiteral("SAVEPOINT import_row")); !st) {
            report.errors << st.error().message;
            break;
        }
        Result<qint64> id = qint64(0);
        if (has(QStringLiteral("category"))) {
            auto cat = ensureCategory(cell(row, QStringLiteral("category")));
            if (cat)
                p.categoryId = *cat;
            else
                id = cat.error();
        }
        if (id) {
            p.stockMilli = isNew ? *stock : 0;
            id = saveProductInTransaction(m_db, m_clock, p, operatorId, [&](qint64 pid, qint64 qty) {
                return insertStockMove(pid, qty, QStringLiteral("import"), operatorId);
            });
        }
        // An existing product's stock moves to the file's figure by a ledger row.
        if (id && !isNew && !stockText.isEmpty() && *stock != existing->stockMilli) {
            if (auto st = insertStockMove(p.id, *stock - existing->stockMilli, QStringLiteral("import"),
                                          operatorId);
                !st)
                id = st.error();
        }
        if (!id) {
            const bool undone = m_db.exec(QStringLiteral("ROLLBACK TO import_row")).ok() &&
                                m_db.exec(QStringLiteral("RELEASE import_row")).ok();
            reject(id.error().message);
            if (!undone)
                break;
            continue;
        }
        if (auto st = m_db.exec(QStringLiteral("RELEASE import_row")); !st) {
            report.errors << st.error().message;
            break;
        }
        isNew ? ++report.added : ++report.updated;
        productLine.insert(*id, line);
        if (!code.isEmpty())
            codeLine.insert(code, line);
        for (const QString &b : std::as_const(barcodes))
            barcodeLine.insert(b, line);
    }
    if (auto st = tx.commit(); !st) {
        report.errors << st.error().message;
        report.added = report.updated = 0;
    }
    return report;
}

QByteArray Catalog::exportCsv()
{
    return exportCsv(true);
}

QByteArray Catalog::exportCsvFor(qint64 operatorId)
{
    return exportCsv(hasPermission(m_db, operatorId, Permission::CostPrices));
}

QByteArray Catalog::exportCsv(bool withCost)
{
    QList<QStringList> rows;
    rows << QStringList{QStringLiteral("code"),    QStringLiteral("barcode"),  QStringLiteral("name"),
                        QStringLiteral("pinyin"),  QStringLiteral("category"), QStringLiteral("unit"),
                        QStringLiteral("price"),   QStringLiteral("cost"),     QStringLiteral("stock"),
                        QStringLiteral("weighed"), QStringLiteral("plu"),      QStringLiteral("active")};
    ProductQuery all;
    all.includeInactive = true;
    all.limit = 1000;
    for (;;) {
        const QList<Product> page = search(all);
        for (const Product &p : page) {
            rows << QStringList{p.code,
                                barcodesOf(p.id).join(QLatin1Char('|')),
                                p.name,
                                p.pinyin,
                                p.categoryName,
                                p.unit,
                                p.price.toString(),
                                p.cost.toString(),
                                formatQuantity(p.stockMilli),
                                p.weighed ? QStringLiteral("1") : QStringLiteral("0"),
                                p.plu,
                                p.active ? QStringLiteral("1") : QStringLiteral("0")};
        }
        if (page.size() < all.limit)
            break;
        all.offset += all.limit;
    }
    if (!withCost) {
        const qsizetype cost = rows.first().indexOf(QStringLiteral("cost"));
        for (QStringList &row : rows)
            row.removeAt(cost); // the header, and each product's cost price
    }
    return csvFile(rows);
}

} // namespace huike
