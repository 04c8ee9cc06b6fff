#include "catalog.h"

#include "productwrite.h"

#include "pinyin.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/settings.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <functional>
#include <spdlog/spdlog.h>

namespace huike {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT p.id, p.code, p.name, p.pinyin, p.category_id, COALESCE(c.name, ''), p.unit, p.price_fen, "
    "p.cost_fen, p.stock_milli, p.weighed, p.active, COALESCE(p.plu, ''), "
    "(SELECT b.barcode FROM product_barcodes b WHERE b.product_id = p.id ORDER BY b.rowid LIMIT 1) FROM "
    "products p "
    "LEFT JOIN categories c ON c.id = p.category_id ");

Product readProduct(const QSqlQuery &q)
{
    Product p;
    p.id = q.value(0).toLongLong();
    p.code = q.value(1).toString();
    p.name = q.value(2).toString();
    p.pinyin = q.value(3).toString();
    p.categoryId = q.value(4).toLongLong();
    p.categoryName = q.value(5).toString();
    p.unit = q.value(6).toString();
    p.price = Money::fromFen(q.value(7).toLongLong());
    p.cost = Money::fromFen(q.value(8).toLongLong());
    p.stockMilli = q.value(9).toLongLong();
    p.weighed = q.value(10).toBool();
    p.active = q.value(11).toBool();
    p.plu = q.value(12).toString();
    // Lists carry the main barcode; a single product loads all of them (barcodesOf).
    if (!q.value(13).isNull())
        p.barcodes = QStringList{q.value(13).toString()};
    return p;
}

QString escapeLike(QString s)
{
    s.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    s.replace(QLatin1String("%"), QLatin1String("\\%"));
    s.replace(QLatin1String("_"), QLatin1String("\\_"));
    return s;
}

} // namespace

Catalog::Catalog(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

Result<Product> Catalog::loadOne(const QString &whereSql, const QVariant &value)
{
    QSqlQuery &q = m_db.prepared(kSelect + whereSql);
    q.bindValue(0, value);
    if (!q.exec())
        return storageError(q);
    if (!q.next()) {
        q.finish();
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Catalog", "No such product."));
    }
    Product p = readProduct(q);
    q.finish();
    p.barcodes = barcodesOf(p.id);
    return p;
}

QStringList Catalog::barcodesOf(qint64 productId)
{
    QStringList out;
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("SELECT barcode FROM product_barcodes WHERE product_id = ? ORDER BY rowid"));
    q.bindValue(0, productId);
    if (!q.exec())
        spdlog::error("barcodes of product {} failed: {}", productId, q.lastError().text().toStdString());
    while (q.next())
        out.append(q.value(0).toString());
    q.finish();
    return out;
}

Result<Product> Catalog::byId(qint64 id)
{
    return loadOne(QStringLiteral("WHERE p.id = ?"), id);
}

Result<Product> Catalog::byBarcode(const QString &barcode)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT product_id FROM product_barcodes WHERE barcode = ?"));
    q.bindValue(0, barcode);
    if (!q.exec())
        return storageError(q);
    if (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        return byId(id);
    }
    q.finish();
    auto byCode = loadOne(QStringLiteral("WHERE p.code = ?"), barcode);
    if (!byCode && byCode.error().code == ErrorCode::NotFound)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Catalog", "Unknown barcode %1.").arg(barcode));
    return byCode;
}

ScaleRules scaleRules(const Settings &settings)
{
    ScaleRules rules;
    const QString flags = settings.value(Settings::kScaleWeightFlags).trimmed();
    if (!flags.isEmpty())
        rules.format.weightFlags = flags;
    rules.maxWeightMilli = settings.integer(Settings::kScaleMaxWeightGrams, rules.maxWeightMilli);
    return rules;
}

Result<ScanMatch> Catalog::lookupScan(const QString &raw, const ScaleRules &rules)
{
    const ScannedCode sc = parseScannedCode(raw, rules.format);
    if (sc.kind == ScannedCode::Kind::Invalid)
        return makeError(ErrorCode::Invalid, sc.problem);
    if (sc.kind == ScannedCode::Kind::Plain) {
        auto p = byBarcode(sc.code);
        if (!p)
            return p.error();
        if (!p->active)
            return makeError(
                ErrorCode::Conflict,
                QCoreApplication::translate("Catalog", "%1 is no longer sold (deactivated).").arg(p->name));
        return ScanMatch{*p, 1000, std::nullopt, false};
    }
    // A scale label: the whole label may also be registered as a plain barcode; that wins.
    if (auto p = byBarcode(sc.code); p && p->active)
        return ScanMatch{*p, 1000, std::nullopt, false};
    auto p = loadOne(QStringLiteral("WHERE p.plu = ?"), sc.plu);
    if (!p)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Catalog", "Scale label %1: no product has PLU %2.")
                             .arg(sc.code, sc.plu));
    if (!p->active)
        return makeError(
            ErrorCode::Conflict,
            QCoreApplication::translate("Catalog", "%1 is no longer sold (deactivated).").arg(p->name));
    const auto tooHeavy = [&](qint64 weightMilli) {
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Catalog",
                                                     "Scale label %1 says %2 kg of %3: more than the scales "
                                                     "weigh (at most %4 kg). Weigh it again.")
                             .arg(sc.code, formatQuantity(weightMilli), p->name,
                                  formatQuantity(rules.maxWeightMilli)));
    };
    ScanMatch m{*p, 1000, std::nullopt, true};
    if (sc.kind == ScannedCode::Kind::WeightEmbedded) {
        if (!p->weighed)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Catalog",
                                                         "Scale label %1 gives a weight, but %2 is sold by the "
                                                         "piece, not by weight.")
                                 .arg(sc.code, p->name));
        if (sc.weightGrams <= 0)
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate("Catalog", "Scale label %1 has no weight.").arg(sc.code));
        if (sc.weightGrams > rules.maxWeightMilli)
            return tooHeavy(sc.weightGrams);
        m.quantityMilli = sc.weightGrams; // grams are thousandths of a kilogram
    } else {
        if (sc.amount.fen() <= 0)
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate("Catalog", "Scale label %1 has no amount.").arg(sc.code));
        // The weight is implied by amount / price; the label's amount is what is charged.
        m.quantityMilli =
            p->price.fen() > 0 ? divRoundHalfUp(Int128(sc.amount.fen()) * 1000, p->price.fen()) : 1000;
        if (m.quantityMilli <= 0)
            m.quantityMilli = 1;
        if (p->weighed && m.quantityMilli > rules.maxWeightMilli)
            return tooHeavy(m.quantityMilli);
        m.fixedAmount = sc.amount;
    }
    return m;
}

static QString whereFor(const ProductQuery &query, QVariantList &binds)
{
    QStringList conds;
    if (!query.includeInactive)
        conds << QStringLiteral("p.active = 1");
    if (query.categoryId > 0) {
        conds << QStringLiteral("p.category_id = ?");
        binds << query.categoryId;
    }
    const QString t = query.text.trimmed();
    if (!t.isEmpty()) {
        const QString like = QLatin1Char('%') + escapeLike(t) + QLatin1Char('%');
        const QString prefix = escapeLike(t.toLower()) + QLatin1Char('%');
        conds << QStringLiteral(
            "(p.code = ? OR p.id IN (SELECT product_id FROM product_barcodes WHERE barcode = ?) "
            "OR p.pinyin LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\' OR p.code LIKE ? ESCAPE '\\')");
        binds << t << t << prefix << like << (escapeLike(t) + QLatin1Char('%'));
    }
    return conds.isEmpty() ? QString() : QStringLiteral("WHERE ") + conds.join(QStringLiteral(" AND "));
}

QList<Product> Catalog::search(const ProductQuery &query)
{
    QVariantList binds;
    const QString sql =
        kSelect + whereFor(query, binds) + QStringLiteral(" ORDER BY p.pinyin, p.id LIMIT ? OFFSET ?");
    binds << query.limit << query.offset;
    QSqlQuery q(m_db.db());
    q.prepare(sql);
    bindAll(q, binds);
    QList<Product> out;
    if (!q.exec()) {
        spdlog::error("product search failed: {}", q.lastError().text().toStdString());
        return out;
    }
    while (q.next())
        out.append(readProduct(q));
    return out;
}

int Catalog::count(const ProductQuery &query)
{
    QVariantList binds;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM products p ") + whereFor(query, binds));
    bindAll(q, binds);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toInt();
}

Status Catalog::insertStockMove(qint64 productId, qint64 qtyMilli, const QString &reason, qint64 operatorId)
{
    if (auto st = m_db.exec(
            QStringLiteral("INSERT INTO stock_moves(product_id, qty_milli, reason, operator_id, at_ms) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {productId, qtyMilli, reason, operatorId > 0 ? QVariant(operatorId) : QVariant(),
             m_clock.nowMs()});
        !st)
        return st;
    return m_db.exec(QStringLiteral("UPDATE products SET stock_milli = stock_milli + ? WHERE id = ?"),
                     {qtyMilli, productId});
}

// Validation and the writes of save(), inside the caller's transaction.
Result<qint64> saveProductInTransaction(Database &db, const Clock &clock, Product p, qint64 operatorId,
                                        const std::function<Status(qint64, qint64)> &stockMove)
{
    p.name = p.name.trimmed();
    p.code = p.code.trimmed();
    if (p.name.isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Catalog", "The product needs a name."));
    if (p.price.isNegative())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Catalog", "The price cannot be negative."));
    if (p.cost.isNegative())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Catalog", "The cost price cannot be negative."));
    if (p.price.fen() > kMaxUnitPriceFen || p.cost.fen() > kMaxUnitPriceFen)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Catalog", "%1: a price above %2 is not taken (a slip of the "
                                                                "keyboard or scanner?).")
                             .arg(p.name, Money::fromFen(kMaxUnitPriceFen).display()));
    for (const QString &b : std::as_const(p.barcodes)) {
        const ScannedCode sc = parseScannedCode(b);
        if (sc.kind == ScannedCode::Kind::Invalid)
            return makeError(ErrorCode::Invalid, sc.problem);
    }
    if (p.pinyin.trimmed().isEmpty())
        p.pinyin = pinyinInitials(p.name);
    p.pinyin = p.pinyin.trimmed().toLower();
    if (p.code.isEmpty())
        p.code = p.barcodes.isEmpty() ? QString() : p.barcodes.first();
    const qint64 now = clock.nowMs();
    const QVariant category = p.categoryId > 0 ? QVariant(p.categoryId) : QVariant();
    const QVariant plu = p.plu.trimmed().isEmpty() ? QVariant() : QVariant(p.plu.trimmed());
    // The columns insert and update share, in the order both statements name them.
    const QVariantList fields = {p.name,          nonNull(p.pinyin), category,
                                 nonNull(p.unit), p.price.fen(),     p.cost.fen(),
                                 p.weighed,       p.active,          plu};
    qint64 id = p.id;
    if (id == 0) {
        QSqlQuery &q = db.prepared(QStringLiteral(
            "INSERT INTO products(code, name, pinyin, category_id, unit, price_fen, cost_fen, stock_milli, "
            "weighed, "
            "active, plu, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)"));
        bindAll(q, QVariantList{p.code.isEmpty() ? QVariant(QStringLiteral("tmp-%1").arg(now))
                                                 : QVariant(p.code)} +
                       fields + QVariantList{now, now});
        if (!q.exec()) {
            if (q.lastError().nativeErrorCode() == QLatin1String("2067") ||
                q.lastError().text().contains(QLatin1String("UNIQUE")))
                return makeError(
                    ErrorCode::Conflict,
                    QCoreApplication::translate("Catalog", "Product code %1 or PLU is already used.")
                        .arg(p.code));
            return storageError(q);
        }
        id = q.lastInsertId().toLongLong();
        if (p.code.isEmpty()) {
            if (auto st = db.exec(QStringLiteral("UPDATE products SET code = ? WHERE id = ?"),
                                  {QStringLiteral("P%1").arg(id, 6, 10, QLatin1Char('0')), id});
                !st)
                return st.error();
        }
        if (p.stockMilli != 0)
            if (auto st = stockMove(id, p.stockMilli); !st)
                return st.error();
        if (auto st =
                writeAudit(db, now, operatorId, 0, QStringLiteral("product.create"), QString::number(id), {},
                           QStringLiteral("%1 %2").arg(p.name, p.price.toString()));
            !st)
            return st.error();
    } else {
        // What changes is audited: a price or a barcode changed at a till is how money leaks.
        QString before;
        {
            QSqlQuery &old =
                db.prepared(QStringLiteral("SELECT price_fen, name, (SELECT GROUP_CONCAT(barcode, '|') FROM "
                                           "product_barcodes WHERE product_id = "
                                           "products.id) FROM products WHERE id = ?"));
            old.bindValue(0, id);
            if (!old.exec())
                return storageError(old);
            if (old.next())
                before =
                    QStringLiteral("%1 %2 [%3]")
                        .arg(old.value(1).toString(), Money::fromFen(old.value(0).toLongLong()).toString(),
                             old.value(2).toString());
            old.finish();
        }
        if (auto st =
                writeAudit(db, now, operatorId, 0, QStringLiteral("product.update"), QString::number(id), {},
                           QStringLiteral("%1 -> %2 %3 [%4]")
                               .arg(before, p.name, p.price.toString(), p.barcodes.join(QLatin1Char('|'))));
            !st)
            return st.error();
        QSqlQuery &q = db.prepared(QStringLiteral(
            "UPDATE products SET code = ?, name = ?, pinyin = ?, category_id = ?, unit = ?, price_fen = ?, "
            "cost_fen = ?, weighed = ?, active = ?, plu = ?, updated_at_ms = ? WHERE id = ?"));
        bindAll(q, QVariantList{p.code} + fields + QVariantList{now, id});
        if (!q.exec()) {
            if (q.lastError().text().contains(QLatin1String("UNIQUE")))
                return makeError(
                    ErrorCode::Conflict,
                    QCoreApplication::translate("Catalog", "Product code %1 or PLU is already used.")
                        .arg(p.code));
            return storageError(q);
        }
        if (q.numRowsAffected() != 1)
            return makeError(ErrorCode::NotFound, QCoreApplication::translate("Catalog", "No such product."));
        if (auto st = db.exec(QStringLiteral("DELETE FROM product_barcodes WHERE product_id = ?"), {id}); !st)
            return st.error();
    }
    for (const QString &b : std::as_const(p.barcodes)) {
        const QString code = b.trimmed();
        if (code.isEmpty())
            continue;
        QSqlQuery &q =
            db.prepared(QStringLiteral("INSERT INTO product_barcodes(barcode, product_id) VALUES (?, ?)"));
        q.bindValue(0, code);
        q.bindValue(1, id);
        if (!q.exec()) {
            if (q.lastError().text().contains(QLatin1String("UNIQUE")))
                return makeError(
                    ErrorCode::Conflict,
                    QCoreApplication::translate("Catalog", "Barcode %1 already belongs to another product.")
                        .arg(code));
            return storageError(q);
        }
    }
    return id;
}

Result<qint64> Catalog::save(Product product, qint64 operatorId)
{
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(m_db, operatorId, product.id ? Permission::Prices : Permission::Products); !st)
        return st.error();
    auto id = saveProductInTransaction(m_db, m_clock, std::move(product), operatorId, [&](qint64 pid, qint64 qty) {
        return insertStockMove(pid, qty, QStringLiteral("initial"), operatorId);
    });
    if (!id)
        return id;
    if (auto st = tx.commit(); !st)
        return st.error();
    return id;
}

Status Catalog::setActive(qint64 productId, bool active, qint64 operatorId)
{
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(m_db, operatorId, Permission::Products); !st)
        return st;
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("UPDATE products SET active = ?, updated_at_ms = ? WHERE id = ?"));
    q.bindValue(0, active);
    q.bindValue(1, m_clock.nowMs());
    q.bindValue(2, productId);
    if (!q.exec())
        return storageError(q);
    if (q.numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Catalog", "No such product."));
    if (auto st =
            writeAudit(m_db, m_clock.nowMs(), operatorId, 0,
                       active ? QStringLiteral("product.activate") : QStringLiteral("product.deactivate"),
                       QString::number(productId));
        !st)
        return st;
    return tx.commit();
}

Status Catalog::adjustStock(qint64 productId, qint64 deltaMilli, const QString &reason, qint64 operatorId)
{
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(m_db, operatorId, Permission::Stock); !st)
        return st;
    if (auto st = insertStockMove(productId, deltaMilli, QStringLiteral("adjust"), operatorId); !st)
        return st;
    if (auto st = writeAudit(m_db, m_clock.nowMs(), operatorId, 0, QStringLiteral("stock.adjust"),
                             QString::number(productId), reason, formatQuantity(deltaMilli));
        !st)
        return st;
    return tx.commit();
}

Status Catalog::setCountedStock(qint64 productId, qint64 countedMilli, const QString &reason,
                                qint64 operatorId)
{
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(m_db, operatorId, Permission::Stock); !st)
        return st;
    // Read inside the write lock: other tills may have sold since the list was shown.
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT stock_milli FROM products WHERE id = ?"));
    q.bindValue(0, productId);
    if (!q.exec())
        return storageError(q);
    if (!q.next()) {
        q.finish();
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Catalog", "No such product."));
    }
    const qint64 delta = countedMilli - q.value(0).toLongLong();
    q.finish();
    if (delta != 0)
        if (auto st = insertStockMove(productId, delta, QStringLiteral("adjust"), operatorId); !st)
            return st;
    if (auto st = writeAudit(
            m_db, m_clock.nowMs(), operatorId, 0, QStringLiteral("stock.count"), QString::number(productId),
            reason,
            QStringLiteral("counted %1, moved %2").arg(formatQuantity(countedMilli), formatQuantity(delta)));
        !st)
        return st;
    return tx.commit();
}

QList<Category> Catalog::categories()
{
    QList<Category> out;
    QSqlQuery q(m_db.db());
    if (q.exec(QStringLiteral("SELECT id, name FROM categories ORDER BY sort_order, id")))
        while (q.next())
            out.append(Category{q.value(0).toLongLong(), q.value(1).toString()});
    return out;
}

Result<qint64> Catalog::ensureCategory(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return qint64(0);
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT id FROM categories WHERE name = ?"));
    q.bindValue(0, n);
    if (!q.exec())
        return storageError(q);
    if (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        return id;
    }
    q.finish();
    QSqlQuery &ins =
        m_db.prepared(QStringLiteral("INSERT INTO categories(name, sort_order) VALUES (?, (SELECT "
                                     "COALESCE(MAX(sort_order), 0) + 1 FROM categories))"));
    ins.bindValue(0, n);
    if (!ins.exec())
        return storageError(ins);
    return ins.lastInsertId().toLongLong();
}

} // namespace huike
