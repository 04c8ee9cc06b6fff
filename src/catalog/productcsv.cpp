// Products in and out of CSV files (Excel's UTF-8 with BOM, or GBK/GB18030 from older tools):
// the import writes through the same product writer as the form.

#include "catalog.h"
#include "productwrite.h"

#include "core/csv.h"
#include "pinyin.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <chrono>
#include <thread>
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

// Which column holds what, from the header row; "" when the file lacks the two it must have.
QHash<QString, int> columnsOf(const QStringList &header, QString *missing)
{
    QHash<QString, int> col;
    for (int i = 0; i < header.size(); ++i) {
        const QString key = headerAliases().value(header.at(i).trimmed().toLower());
        if (!key.isEmpty() && !col.contains(key))
            col.insert(key, i);
    }
    if (!col.contains(QStringLiteral("name")) || !col.contains(QStringLiteral("price")))
        *missing = QCoreApplication::translate("Catalog",
                                               "The header must name at least the columns name/名称 and price/售价.");
    return col;
}

} // namespace

ImportPreview Catalog::previewCsv(const QByteArray &bytes, TextEncoding encoding, int maxRows)
{
    ImportPreview preview;
    auto table = readExternalCsv(bytes, encoding, &preview.encoding);
    if (!table) {
        preview.error = table.error().message;
        return preview;
    }
    preview.header = table->rows.first();
    (void)columnsOf(preview.header, &preview.error);
    preview.rowCount = static_cast<int>(table->rows.size()) - 1;
    preview.rows = table->rows.mid(1, maxRows);
    preview.problemCount = static_cast<int>(table->problems.size());
    return preview;
}

ImportReport Catalog::importCsv(const QByteArray &bytes, qint64 operatorId, TextEncoding encoding)
{
    ImportReport report;
    auto table = readExternalCsv(bytes, encoding, &report.encoding);
    if (!table) {
        report.errors << table.error().message;
        return report;
    }
    QString missing;
    const QHash<QString, int> col = columnsOf(table->rows.first(), &missing);
    if (!missing.isEmpty()) {
        report.errors << missing;
        return report;
    }
    auto cell = [&](const QStringList &row, const QString &key) {
        const int i = col.value(key, -1);
        return i >= 0 && i < row.size() ? row.at(i).trimmed() : QString();
    };

    auto run = beginImportRun(operatorId);
    if (!run) {
        report.errors << run.error().message;
        return report;
    }
    // The run stops (and is undone) at the first chunk that cannot be written.
    std::optional<Error> failed;
    auto writeFailed = [&](const Error &e) {
        failed = e;
        report.errors << e.message;
    };
    // Rows the CSV reader had to leave out (a stray quote, too many columns) are rejected rows.
    report.errors << table->problems;
    auto has = [&](const QString &key) { return col.contains(key); };
    static const QRegularExpression barcodeSeparators(QStringLiteral("[|;/ ]"));
    // The line each code and barcode was imported from: a second row with the same one would find
    // the first row's product and silently overwrite it.
    QHash<QString, int> codeLine;
    QHash<QString, int> barcodeLine;
    QHash<qint64, int> productLine;
    std::optional<WriteTransaction> tx;
    int inChunk = 0;
    for (qsizetype r = 1; r < table->rows.size() && !failed; ++r) {
        // A chunk is one short transaction: between chunks the write lock is free for the tills.
        if (!tx) {
            tx.emplace(m_db);
            if (!tx->began()) {
                writeFailed(tx->beginError());
                break;
            }
            // Still ours: a run found dead (this process stopped for minutes) was undone meanwhile.
            auto state = m_db.statement(QStringLiteral("SELECT state FROM import_runs WHERE id = ?")).select({*run});
            if (!state || state->isEmpty() || state->first().at(0).toString() != QLatin1String("running")) {
                writeFailed(state ? Error{ErrorCode::Conflict,
                                          QCoreApplication::translate(
                                              "Catalog", "This import was stopped for too long and was undone.")}
                                  : state.error());
                break;
            }
        }
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
            writeFailed(st.error());
            break;
        }
        // What this row changes, recorded first: the product as it is now.
        if (!isNew) {
            if (auto st = m_db.exec(
                    QStringLiteral(
                        "INSERT INTO import_changes(run_id, product_id, before) SELECT ?, p.id, json_object('code', "
                        "p.code, 'name', p.name, 'pinyin', p.pinyin, 'category_id', p.category_id, 'unit', p.unit, "
                        "'price_fen', p.price_fen, 'cost_fen', p.cost_fen, 'weighed', p.weighed, 'active', p.active, "
                        "'plu', p.plu, 'updated_at_ms', p.updated_at_ms, 'barcodes', (SELECT json_group_array(barcode) "
                        "FROM (SELECT barcode FROM product_barcodes WHERE product_id = p.id ORDER BY rowid))) FROM "
                        "products p WHERE p.id = ?"),
                    {*run, existing->id});
                !st) {
                (void)m_db.exec(QStringLiteral("ROLLBACK TO import_row"));
                (void)m_db.exec(QStringLiteral("RELEASE import_row"));
                writeFailed(st.error());
                break;
            }
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
            const qint64 delta = *stock - existing->stockMilli;
            if (auto st = insertStockMove(p.id, delta, QStringLiteral("import"), operatorId); !st)
                id = st.error();
            else if (auto rec = m_db.exec(QStringLiteral("UPDATE import_changes SET stock_delta_milli = ? WHERE "
                                                         "run_id = ? AND product_id = ?"),
                                          {delta, *run, p.id});
                     !rec)
                id = rec.error();
        }
        if (id && isNew) {
            if (auto st = m_db.exec(QStringLiteral("INSERT INTO import_changes(run_id, product_id) VALUES (?, ?)"),
                                    {*run, *id});
                !st)
                id = st.error();
        }
        if (!id) {
            const bool undone = m_db.exec(QStringLiteral("ROLLBACK TO import_row")).ok() &&
                                m_db.exec(QStringLiteral("RELEASE import_row")).ok();
            if (!undone || id.error().code == ErrorCode::Storage) {
                writeFailed(id.error()); // the disk, not the row: stop and undo
                break;
            }
            reject(id.error().message);
            continue;
        }
        if (auto st = m_db.exec(QStringLiteral("RELEASE import_row")); !st) {
            writeFailed(st.error());
            break;
        }
        isNew ? ++report.added : ++report.updated;
        productLine.insert(*id, line);
        if (!code.isEmpty())
            codeLine.insert(code, line);
        for (const QString &b : std::as_const(barcodes))
            barcodeLine.insert(b, line);
        if (++inChunk >= kImportChunkRows && r + 1 < table->rows.size()) {
            if (auto st = endImportChunk(*run, report, false); !st) {
                writeFailed(st.error());
                break;
            }
            if (auto st = tx->commit(); !st) {
                writeFailed(st.error());
                break;
            }
            tx.reset();
            inChunk = 0;
            // A moment with the lock free: a till waiting to commit a sale gets in here (it tries
            // every millisecond, store/database.cpp), then the import goes on.
            std::this_thread::sleep_for(std::chrono::milliseconds(3));
        }
    }
    if (!failed) {
        if (!tx) { // a file of rejected rows only, or nothing after the last chunk
            tx.emplace(m_db);
            if (!tx->began())
                writeFailed(tx->beginError());
        }
        if (!failed) {
            if (auto st = endImportChunk(*run, report, true); !st)
                writeFailed(st.error());
            else if (auto c = tx->commit(); !c)
                writeFailed(c.error());
        }
    }
    tx.reset(); // rolls back what was not committed
    if (failed) {
        // No half-state: the chunks already committed are undone. If even that cannot be written
        // now (a full disk), the run stays recorded and is undone when the store is next opened.
        if (auto st = undoImportRun(*run, operatorId); !st)
            report.errors << QCoreApplication::translate(
                                 "Catalog", "The rows already imported will be undone when Huike next opens this store.");
        report.added = report.updated = 0;
    }
    return report;
}

Status Catalog::endImportChunk(qint64 runId, const ImportReport &report, bool done)
{
    if (auto st = m_db.exec(QStringLiteral("UPDATE import_runs SET heartbeat_ms = ?, added = ?, updated = ? WHERE id = ?"),
                            {m_clock.nowMs(), report.added, report.updated, runId});
        !st)
        return st;
    if (!done)
        return Ok{};
    // Done: the record of what was changed is no longer needed.
    if (auto st = m_db.exec(QStringLiteral("UPDATE import_runs SET state = 'done', finished_at_ms = ? WHERE id = ?"),
                            {m_clock.nowMs(), runId});
        !st)
        return st;
    return m_db.exec(QStringLiteral("DELETE FROM import_changes WHERE run_id = ?"), {runId});
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
