#pragma once

#include "barcode.h"
#include "core/clock.h"
#include "core/csv.h"
#include "core/money.h"
#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace huike {

class Database;
class Settings;

// What a scale label may say: its layout (Settings: scale.weight_flags) and the most a store's
// scales weigh (scale.max_weight_g, 30 kg unless set). A label beyond that is a misread or a forgery.
struct ScaleRules {
    ScaleLabelFormat format;
    qint64 maxWeightMilli = 30'000;
};
ScaleRules scaleRules(const Settings &settings);

struct Product {
    qint64 id = 0;
    QString code; // the shop's own product code (货号), unique
    QString name;
    QString pinyin; // initials for search; computed from the name when left empty
    qint64 categoryId = 0;
    QString categoryName;
    QString unit;
    Money price; // retail, per unit (per kg for weighed goods)
    Money cost;
    qint64 stockMilli = 0;
    bool weighed = false;
    bool active = true;
    QString plu; // the product's number on the scale, for price-embedded labels
    QStringList barcodes;
};

struct Category {
    qint64 id = 0;
    QString name;
};

// What a scan turned into: a product and, for scale labels, the quantity and fixed amount.
struct ScanMatch {
    Product product;
    qint64 quantityMilli = 1000;
    std::optional<Money> fixedAmount; // a price-embedded label's amount is what the customer pays
    bool scaleLabel = false;          // the quantity came from a scale label, not a default of 1
};

struct ProductQuery {
    QString text;          // code, barcode, name or pinyin initials
    qint64 categoryId = 0; // 0: all
    bool includeInactive = false;
    int limit = 200;
    int offset = 0;
};

// What a CSV file will import as, before anything is written: the encoding it was read in, its
// columns and first rows as decoded (so that a wrong encoding shows as garbled names on screen),
// and what is wrong with it as a whole.
struct ImportPreview {
    QString encoding;
    QStringList header;
    QList<QStringList> rows; // the first rows after the header
    int rowCount = 0;        // data rows the file has (the header not counted)
    int problemCount = 0;    // rows the CSV reader had to leave out
    QString error;           // the file cannot be imported at all (and why), or empty
};

struct ImportReport {
    int added = 0;
    int updated = 0;
    QStringList errors; // "line 7: ..." per rejected row
    QString encoding;
};

// Products, barcodes, categories and the stock ledger.
class Catalog {
public:
    Catalog(Database &db, const Clock &clock);

    Result<Product> byId(qint64 id);
    Result<Product> byBarcode(const QString &barcode); // barcodes first, then product codes
    // A scale label must name an active product by its PLU: a weight label a product sold by
    // weight, with a weight above zero and within rules.maxWeightMilli; a price label a positive
    // amount whose implied weight (for goods sold by weight) is within the same bound.
    Result<ScanMatch> lookupScan(const QString &raw, const ScaleRules &rules = {});
    QList<Product> search(const ProductQuery &query);
    int count(const ProductQuery &query);

    // Inserts (id == 0) or updates; barcodes are replaced; a new product's stock is an 'initial'
    // stock move. Returns the id.
    Result<qint64> save(Product product, qint64 operatorId);
    Status setActive(qint64 productId, bool active, qint64 operatorId);
    Status adjustStock(qint64 productId, qint64 deltaMilli, const QString &reason, qint64 operatorId);
    // A stocktake: the stock becomes `countedMilli`, by a stock move of the difference found
    // inside the transaction (other tills may have sold since the count was typed).
    Status setCountedStock(qint64 productId, qint64 countedMilli, const QString &reason, qint64 operatorId);

    QList<Category> categories();
    Result<qint64> ensureCategory(const QString &name);

    // CSV with a header; columns by name (English or Chinese): code/货号, barcode/条码 (several
    // separated by '|' or ';'), name/名称, pinyin/拼音码, category/分类, unit/单位, price/售价,
    // cost/进价, stock/库存, weighed/称重, plu. Rows with a known code update that product.
    // `encoding`: Auto decides on the whole file (core/csv.h); the report says which was used.
    //
    // The rows go in in short chunks, each its own transaction, so that tills keep selling while a
    // big file is imported; what the run changed is recorded until it is done, and a run that
    // stops half-way (the program killed, the disk full) is undone as a whole: by this call when a
    // later chunk fails, or by recoverInterruptedImports() when the process died.
    ImportReport importCsv(const QByteArray &bytes, qint64 operatorId, TextEncoding encoding = TextEncoding::Auto);
    static ImportPreview previewCsv(const QByteArray &bytes, TextEncoding encoding = TextEncoding::Auto,
                                    int maxRows = 20);
    // Undoes every import run whose process is gone (same machine: its pid no longer runs; another
    // machine: no sign of life for kImportStaleMs). Returns how many runs were undone.
    Result<int> recoverInterruptedImports();
    static constexpr qint64 kImportStaleMs = 2 * 60 * 1000;
    static constexpr int kImportChunkRows = 400;
    QByteArray exportCsv(); // every column, cost prices too (huike-cli, run by the owner)
    // What `operatorId` may take out of the shop: without the cost column for a cashier.
    QByteArray exportCsvFor(qint64 operatorId);

private:
    QByteArray exportCsv(bool withCost);
    Result<Product> loadOne(const QString &whereSql, const QVariant &value);
    QStringList barcodesOf(qint64 productId);
    Status insertStockMove(qint64 productId, qint64 qtyMilli, const QString &reason, qint64 operatorId);
    // catalog/importruns.cpp
    Result<qint64> beginImportRun(qint64 operatorId);
    Status undoImportRun(qint64 runId, qint64 operatorId);
    Status endImportChunk(qint64 runId, const ImportReport &report, bool done);

    Database &m_db;
    const Clock &m_clock;
};

} // namespace huike
