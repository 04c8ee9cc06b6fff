#include "integrity.h"

#include "store/database.h"
#include "store/documentchain.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <functional>

namespace huike {

namespace {
void collect(Database &db, const QString &sql, QStringList &problems,
             const std::function<QString(const QSqlQuery &)> &describe)
{
    QSqlQuery q(db.db());
    if (!q.exec(sql)) {
        problems << QStringLiteral("query failed: %1").arg(q.lastError().text());
        return;
    }
    int shown = 0;
    int total = 0;
    while (q.next()) {
        ++total;
        if (shown++ < 50)
            problems << describe(q);
    }
    if (total > shown)
        problems << QStringLiteral("... and %1 more").arg(total - shown);
}


// Points: the balance is the ledger's sum, each lot holds what its ledger rows say, and each
// document's points rows match what its lines earned and its payments paid.
void verifyPoints(Database &db, QStringList &problems)
{
    collect(db,
            QStringLiteral("SELECT m.id, m.phone, m.points, COALESCE(SUM(g.points), 0) FROM members m LEFT JOIN "
                           "points_ledger g ON g.member_id = m.id GROUP BY m.id HAVING m.points <> COALESCE(SUM(g.points), 0)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("member %1 (%2): %3 points, but the points ledger sums to %4")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
            });
    collect(db,
            QStringLiteral("SELECT l.id, l.member_id, l.remaining, COALESCE(SUM(g.points), 0) FROM points_lots l "
                           "LEFT JOIN points_ledger g ON g.lot_id = l.id GROUP BY l.id "
                           "HAVING l.remaining <> COALESCE(SUM(g.points), 0) OR l.remaining < 0"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("points lot %1 of member %2: %3 left, but its ledger rows sum to %4")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
            });
    collect(db,
            QStringLiteral("SELECT s.receipt_no, "
                           "COALESCE((SELECT SUM(e.points) FROM sale_lines l JOIN line_earnings e ON e.line_id = l.id "
                           "WHERE l.sale_id = s.id), 0) AS lines, "
                           "COALESCE((SELECT SUM(g.points) FROM points_ledger g WHERE g.sale_id = s.id AND g.kind IN "
                           "('earn', 'refund_earn')), 0) AS booked, "
                           "COALESCE((SELECT SUM(CAST(p.reference AS INTEGER)) FROM payments p WHERE p.sale_id = s.id AND "
                           "p.tender = 'points'), 0) AS paid, "
                           "COALESCE((SELECT SUM(g.points) FROM points_ledger g WHERE g.sale_id = s.id AND g.kind IN "
                           "('redeem', 'refund_redeem')), 0) AS spent "
                           "FROM sales s WHERE s.member_id IS NOT NULL AND (lines <> booked OR "
                           "(s.original_sale_id IS NULL AND paid <> -spent) OR (s.original_sale_id IS NOT NULL AND paid <> spent))"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: its lines earned %2 points, the ledger booked %3; its payments say %4 "
                                      "points, the ledger %5")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString());
            });
    collect(db,
            QStringLiteral("SELECT s.receipt_no, o.line_no, e.points, -SUM(re.points), o.qty_milli, -SUM(r.qty_milli) "
                           "FROM sale_lines o JOIN sales s ON s.id = o.sale_id JOIN line_earnings e ON e.line_id = o.id "
                           "JOIN sale_lines r ON r.original_line_id = o.id JOIN line_earnings re ON re.line_id = r.id "
                           "GROUP BY o.id HAVING -SUM(re.points) > e.points OR SUM(re.points) > 0 OR "
                           "(-SUM(r.qty_milli) >= o.qty_milli AND -SUM(re.points) <> e.points)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1 line %2: earned %3 points, refunds took back %4 for %6 of %5 units (milli)")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString(), q.value(5).toString());
            });
}

// Stored value: both cached balances are the ledger's sums, each lot holds what its rows say and
// never less than zero, every document's stored payments are its ledger rows, and every recharge
// (and its refund) put in (took out) exactly its total as principal.
void verifyStoredValue(Database &db, QStringList &problems)
{
    collect(db,
            QStringLiteral("SELECT m.id, m.phone, m.principal_fen, m.bonus_fen, COALESCE(SUM(g.principal_fen), 0), "
                           "COALESCE(SUM(g.bonus_fen), 0) FROM members m LEFT JOIN stored_ledger g ON g.member_id = m.id "
                           "GROUP BY m.id HAVING m.principal_fen <> COALESCE(SUM(g.principal_fen), 0) OR m.bonus_fen <> "
                           "COALESCE(SUM(g.bonus_fen), 0) OR m.principal_fen < 0 OR m.bonus_fen < 0"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("member %1 (%2): stored value %3 + %4 bonus fen, but its ledger sums to %5 + %6")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString(), q.value(5).toString());
            });
    collect(db,
            QStringLiteral("SELECT l.id, l.member_id, l.principal_left_fen, l.bonus_left_fen, COALESCE(SUM(g.principal_fen), 0), "
                           "COALESCE(SUM(g.bonus_fen), 0) FROM stored_lots l LEFT JOIN stored_ledger g ON g.lot_id = l.id "
                           "GROUP BY l.id HAVING l.principal_left_fen <> COALESCE(SUM(g.principal_fen), 0) OR "
                           "l.bonus_left_fen <> COALESCE(SUM(g.bonus_fen), 0) OR l.principal_left_fen < 0 OR l.bonus_left_fen < 0"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("stored lot %1 of member %2: %3 + %4 bonus fen left, but its ledger rows sum to %5 + %6")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString(), q.value(5).toString());
            });
    collect(db,
            QStringLiteral("SELECT s.receipt_no, "
                           "COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.sale_id = s.id AND p.tender = 'stored'), 0) AS paid, "
                           "COALESCE((SELECT -SUM(g.principal_fen + g.bonus_fen) FROM stored_ledger g WHERE g.sale_id = s.id "
                           "AND g.kind IN ('spend', 'refund_spend')), 0) AS booked, "
                           "COALESCE((SELECT SUM(g.principal_fen) FROM stored_ledger g WHERE g.sale_id = s.id "
                           "AND g.kind IN ('recharge', 'recharge_refund')), 0) AS principal "
                           "FROM sales s WHERE paid <> booked OR (s.kind IN ('recharge', 'recharge_refund') AND "
                           "principal <> s.total_fen) OR (s.kind NOT IN ('recharge', 'recharge_refund') AND principal <> 0)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: stored value payments %2 fen, the ledger booked %3; recharged principal %4")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
            });
}

// Count cards: uses left are their ledger's sum; each document's count-card lines booked exactly
// their units as uses; every card came from a line of its plan's card product.
void verifyCountCards(Database &db, QStringList &problems)
{
    collect(db,
            QStringLiteral("SELECT c.id, c.member_id, c.uses_left, COALESCE(SUM(g.uses), 0) FROM count_cards c "
                           "LEFT JOIN count_card_ledger g ON g.card_id = c.id GROUP BY c.id "
                           "HAVING c.uses_left <> COALESCE(SUM(g.uses), 0)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("count card %1 of member %2: %3 uses left, but its ledger sums to %4")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
            });
    collect(db,
            QStringLiteral("SELECT s.receipt_no, "
                           "COALESCE((SELECT SUM(l.qty_milli) / 1000 FROM sale_adjustments a JOIN sale_lines l ON "
                           "l.sale_id = a.sale_id AND l.line_no = a.line_no WHERE a.sale_id = s.id AND a.source = "
                           "'countcard'), 0) AS lines, "
                           "COALESCE((SELECT -SUM(g.uses) FROM count_card_ledger g WHERE g.sale_id = s.id AND g.kind IN "
                           "('use', 'refund_use')), 0) AS booked FROM sales s WHERE lines <> booked"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: count cards paid %2 units, the ledger booked %3 uses")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
            });
    collect(db,
            QStringLiteral("SELECT c.id, s.receipt_no FROM count_cards c JOIN count_card_plans p ON p.id = c.plan_id "
                           "JOIN sales s ON s.id = c.sale_id LEFT JOIN sale_lines l ON l.id = c.sale_line_id "
                           "WHERE l.id IS NULL OR l.sale_id <> c.sale_id OR l.product_id <> p.card_product_id"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("count card %1: receipt %2 has no line of its card product")
                    .arg(q.value(0).toString(), q.value(1).toString());
            });
}

// Coupons: none used twice (uses less the unuses of its refunds is 0 or 1, and 1 exactly when it
// is used); every sale that took a coupon off recorded its use; a used coupon points at that sale.
void verifyCoupons(Database &db, QStringList &problems)
{
    collect(db,
            QStringLiteral("SELECT c.code, c.state, "
                           "(SELECT COUNT(*) FROM coupon_events e WHERE e.coupon_id = c.id AND e.kind = 'use') - "
                           "(SELECT COUNT(*) FROM coupon_events e WHERE e.coupon_id = c.id AND e.kind = 'unuse') AS net "
                           "FROM coupons c WHERE net NOT IN (0, 1) OR (net = 1) <> (c.state = 'used')"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("coupon %1 (%2): used %3 times net")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
            });
    collect(db,
            QStringLiteral("SELECT DISTINCT s.receipt_no, a.reference FROM sale_adjustments a JOIN sales s ON s.id = a.sale_id "
                           "WHERE a.source = 'coupon' AND s.kind = 'sale' AND NOT EXISTS (SELECT 1 FROM coupons c JOIN "
                           "coupon_events e ON e.coupon_id = c.id WHERE c.code = a.reference AND e.sale_id = s.id AND "
                           "e.kind = 'use')"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: took coupon %2 off without using it")
                    .arg(q.value(0).toString(), q.value(1).toString());
            });
    collect(db,
            QStringLiteral("SELECT c.code FROM coupons c WHERE c.state = 'used' AND NOT EXISTS (SELECT 1 FROM "
                           "sale_adjustments a WHERE a.sale_id = c.used_sale_id AND a.source = 'coupon' AND "
                           "a.reference = c.code)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("coupon %1: used by a sale that took nothing off for it").arg(q.value(0).toString());
            });
}

// Members' money and standing: each cache equals its ledger, nothing is negative, and every refund
// took back what its lines earned, never more.
// Gifts for points: each gift's stock is its stock ledger, each redemption took its units off the
// stock and its points off the member, and no more.
void verifyGifts(Database &db, QStringList &problems)
{
    collect(db,
            QStringLiteral("SELECT g.id, g.name, g.stock, COALESCE(SUM(s.change), 0) FROM gifts g LEFT JOIN gift_stock s "
                           "ON s.gift_id = g.id GROUP BY g.id HAVING g.stock <> COALESCE(SUM(s.change), 0) OR g.stock < 0"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("gift %1 (%2): %3 in stock, but its stock ledger sums to %4")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
            });
    collect(db,
            QStringLiteral("SELECT r.id, r.quantity, COALESCE((SELECT -SUM(s.change) FROM gift_stock s WHERE "
                           "s.redemption_id = r.id), 0) FROM gift_redemptions r WHERE r.quantity <> "
                           "COALESCE((SELECT -SUM(s.change) FROM gift_stock s WHERE s.redemption_id = r.id), 0)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("gift redemption %1: %2 given, but the stock moved by %3")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
            });
    collect(db,
            QStringLiteral("SELECT m.id, m.phone, COALESCE((SELECT SUM(points) FROM gift_redemptions r WHERE r.member_id = "
                           "m.id), 0) AS redeemed, COALESCE((SELECT -SUM(points) FROM points_ledger g WHERE g.member_id = "
                           "m.id AND g.kind = 'gift'), 0) AS booked FROM members m WHERE m.id IN (SELECT member_id FROM "
                           "gift_redemptions) AND redeemed <> booked"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("member %1 (%2): redeemed gifts for %3 points, but the points ledger took %4")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
            });    // Points taken for gifts with no redemption behind them (the members above have one).
    collect(db,
            QStringLiteral("SELECT (SELECT COALESCE(SUM(points), 0) FROM gift_redemptions), (SELECT COALESCE(-SUM(points), 0) "
                           "FROM points_ledger WHERE kind = 'gift') WHERE (SELECT COALESCE(SUM(points), 0) FROM "
                           "gift_redemptions) <> (SELECT COALESCE(-SUM(points), 0) FROM points_ledger WHERE kind = 'gift')"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("gifts redeemed for %1 points in all, but the points ledger took %2 for gifts")
                    .arg(q.value(0).toString(), q.value(1).toString());
            });
}

void verifyMemberLedgers(Database &db, QStringList &problems)
{
    collect(db,
            QStringLiteral("SELECT m.id, m.phone, m.growth, m.net_spend_fen, COALESCE(SUM(g.growth), 0), "
                           "COALESCE(SUM(g.spend_fen), 0) FROM members m LEFT JOIN growth_ledger g ON g.member_id = m.id "
                           "GROUP BY m.id HAVING m.growth <> COALESCE(SUM(g.growth), 0) OR m.net_spend_fen <> "
                           "COALESCE(SUM(g.spend_fen), 0)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("member %1 (%2): growth %3 / net spend %4 fen <> its ledger's %5 / %6 fen")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString(), q.value(5).toString());
            });
    // What the ledger says a document earned is what its lines earned. A refund takes back what
    // its lines earned, or less when growth from RFM had already taken the member lower
    // (members/rfmgrowth.h): never more, and never turned into a gain.
    collect(db,
            QStringLiteral("SELECT s.receipt_no, g.growth, g.spend_fen, COALESCE(SUM(e.growth), 0), "
                           "COALESCE(SUM(e.base_fen), 0) FROM growth_ledger g JOIN sales s ON s.id = g.sale_id "
                           "LEFT JOIN sale_lines l ON l.sale_id = s.id LEFT JOIN line_earnings e ON e.line_id = l.id "
                           "GROUP BY g.id HAVING (CASE WHEN COALESCE(SUM(e.growth), 0) < 0 THEN g.growth NOT BETWEEN "
                           "SUM(e.growth) AND 0 ELSE g.growth <> COALESCE(SUM(e.growth), 0) END) OR g.spend_fen <> "
                           "COALESCE(SUM(e.base_fen), 0)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: the growth ledger has %2 / %3 fen, its lines earned %4 / %5 fen")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString());
            });
    // A line's refunds take back at most what it earned, and all of it once every unit is back.
    collect(db,
            QStringLiteral("SELECT s.receipt_no, o.line_no, e.growth, e.base_fen, -SUM(re.growth), -SUM(re.base_fen), "
                           "o.qty_milli, -SUM(r.qty_milli) FROM sale_lines o JOIN sales s ON s.id = o.sale_id "
                           "JOIN line_earnings e ON e.line_id = o.id JOIN sale_lines r ON r.original_line_id = o.id "
                           "JOIN line_earnings re ON re.line_id = r.id GROUP BY o.id HAVING -SUM(re.growth) > e.growth "
                           "OR -SUM(re.base_fen) > e.base_fen OR SUM(re.growth) > 0 OR (-SUM(r.qty_milli) >= "
                           "o.qty_milli AND (-SUM(re.growth) <> e.growth OR -SUM(re.base_fen) <> e.base_fen))"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1 line %2: earned %3 growth / %4 fen, refunds took back %5 / %6 fen "
                                      "for %8 of %7 units (milli)")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString());
            });
    // A refund of a member's sale reverses its lines' earnings: every returned line has its row.
    collect(db,
            QStringLiteral("SELECT s.receipt_no, r.line_no FROM sale_lines r JOIN sales s ON s.id = r.sale_id "
                           "JOIN line_earnings e ON e.line_id = r.original_line_id "
                           "WHERE NOT EXISTS (SELECT 1 FROM line_earnings x WHERE x.line_id = r.id)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1 line %2: refunds a member's line but took back nothing it earned")
                    .arg(q.value(0).toString(), q.value(1).toString());
            });
    if (db.schemaVersion() >= 8)
        verifyPoints(db, problems);
    if (db.schemaVersion() >= 10)
        verifyStoredValue(db, problems);
    if (db.schemaVersion() >= 11)
        verifyCountCards(db, problems);
    if (db.schemaVersion() >= 12)
        verifyCoupons(db, problems);
    if (db.schemaVersion() >= 14)
        verifyGifts(db, problems);
    collect(db,
            QStringLiteral("SELECT id, phone, growth FROM members WHERE growth < 0 OR level_id NOT IN "
                           "(SELECT id FROM member_levels)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("member %1 (%2): growth %3 is negative or the level does not exist")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
            });
}

} // namespace

QStringList verifyDatabase(Database &db)
{
    QStringList problems;
    {
        QSqlQuery q(db.db());
        if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
            problems << QStringLiteral("integrity_check failed: %1").arg(q.lastError().text());
            return problems;
        }
        while (q.next()) {
            const QString r = q.value(0).toString();
            if (r != QLatin1String("ok"))
                problems << QStringLiteral("integrity: %1").arg(r);
        }
    }
    collect(db, QStringLiteral("PRAGMA foreign_key_check"), problems, [](const QSqlQuery &q) {
        return QStringLiteral("foreign key: %1 row %2 points to a missing %3")
            .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    });
    collect(db,
            QStringLiteral(
                "SELECT s.receipt_no, s.total_fen, COALESCE((SELECT SUM(amount_fen) FROM payments p WHERE "
                "p.sale_id = s.id), 0) AS paid FROM sales s WHERE paid <> s.total_fen"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: payments %2 fen <> total %3 fen")
                    .arg(q.value(0).toString(), q.value(2).toString(), q.value(1).toString());
            });
    collect(db,
            QStringLiteral(
                "SELECT s.receipt_no, s.total_fen, COALESCE((SELECT SUM(amount_fen) FROM sale_lines l WHERE "
                "l.sale_id = s.id), 0) AS lines FROM sales s WHERE (lines <> s.total_fen AND s.kind NOT IN "
                "('recharge', 'recharge_refund')) OR s.subtotal_fen - s.discount_fen - s.rounding_fen <> s.total_fen "
                "OR (lines <> 0 AND s.kind IN ('recharge', 'recharge_refund'))"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: line amounts %2 fen <> total %3 fen")
                    .arg(q.value(0).toString(), q.value(2).toString(), q.value(1).toString());
            });
    // From schema 4 on, a document's lines are its stock moves (the stock_ledger view).
    const QString ledger = db.schemaVersion() < 4 ? QStringLiteral("stock_moves") : QStringLiteral("stock_ledger");
    collect(db,
            QStringLiteral("SELECT p.code, p.stock_milli, COALESCE(m.total, 0) FROM products p LEFT JOIN (SELECT "
                           "product_id, SUM(qty_milli) AS total FROM %1 GROUP BY product_id) m ON m.product_id = "
                           "p.id WHERE p.stock_milli <> COALESCE(m.total, 0)")
                .arg(ledger),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("product %1: stock %2 <> stock moves %3 (thousandths)")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
            });
    collect(db,
            QStringLiteral(
                "SELECT store_id, business_day, COUNT(*), MIN(seq), MAX(seq) FROM sales GROUP BY store_id, "
                "business_day HAVING MIN(seq) <> 1 OR MAX(seq) <> COUNT(*)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral(
                           "store %1 day %2: receipt numbers have gaps (%3 receipts, numbered %4..%5)")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString(), q.value(4).toString());
            });
    collect(db,
            QStringLiteral(
                "SELECT o.id, o.name, o.qty_milli, -SUM(r.qty_milli) FROM sale_lines o JOIN sale_lines r ON "
                "r.original_line_id = o.id GROUP BY o.id HAVING -SUM(r.qty_milli) > o.qty_milli "
                "OR -SUM(r.amount_fen) > o.amount_fen"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("sale line %1 (%2): %3 sold but %4 returned")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString());
            });
    collect(db,
            QStringLiteral("SELECT s.receipt_no, p.tender, p.amount_fen, p.tendered_fen, p.change_fen FROM payments p "
                           "JOIN sales s ON s.id = p.sale_id WHERE p.amount_fen <> p.tendered_fen - p.change_fen "
                           "OR p.change_fen < 0"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: %2 paid %3 fen <> %4 tendered - %5 change")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString());
            });
    // A receipt number is the store's code, the business day and the sequence: "S01-20261125-0007".
    collect(db,
            QStringLiteral("SELECT s.receipt_no, st.code, s.business_day, s.seq FROM sales s JOIN stores st ON "
                           "st.id = s.store_id WHERE s.receipt_no <> st.code || '-' || s.business_day || '-' || "
                           "printf('%04d', s.seq)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: does not match its sequence %2-%3-%4")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         QStringLiteral("%1").arg(q.value(3).toLongLong(), 4, 10, QLatin1Char('0')));
            });
    // Refunds and voids pay back through each tender at most what the sale took in it, except a
    // refund a manager approved to be paid in cash (refund.cash, from schema 3 on, when approvals
    // became records); all refunds together never pay back more than the sale took.
    const QString cashInstead = db.schemaVersion() >= 3
                                    ? QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.sale_id = "
                                                     "s.id AND a.action = 'refund.cash')")
                                    : QString();
    collect(db,
            QStringLiteral("SELECT o.receipt_no, r.tender, r.back, COALESCE((SELECT SUM(p.amount_fen) FROM payments p "
                           "WHERE p.sale_id = o.id AND p.tender = r.tender), 0) AS took FROM (SELECT s.original_sale_id "
                           "AS sale_id, p.tender, -SUM(p.amount_fen) AS back FROM payments p JOIN sales s ON s.id = "
                           "p.sale_id WHERE s.original_sale_id IS NOT NULL") +
                cashInstead +
                QStringLiteral(" GROUP BY s.original_sale_id, p.tender) r "
                               "JOIN sales o ON o.id = r.sale_id WHERE r.back > took"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: refunds paid back %2 fen in %3, but the sale took %4 fen in it")
                    .arg(q.value(0).toString(), q.value(2).toString(), q.value(1).toString(), q.value(3).toString());
            });
    collect(db,
            QStringLiteral("SELECT o.receipt_no, -SUM(p.amount_fen), o.total_fen FROM payments p JOIN sales s ON s.id = "
                           "p.sale_id JOIN sales o ON o.id = s.original_sale_id GROUP BY o.id HAVING -SUM(p.amount_fen) "
                           "> o.total_fen"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: refunds paid back %2 fen, but the sale took %3 fen")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
            });
    if (db.schemaVersion() < 3)
        return problems; // what follows was written from schema 3 on

    collect(db,
            QStringLiteral("SELECT s.receipt_no, s.kind FROM sales s JOIN document_kinds k ON k.key = s.kind WHERE "
                           "k.sign < 0 AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.sale_id = s.id AND "
                           "a.manager_id = s.authorized_by AND a.used_at_ms IS NOT NULL)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: a %2 without a manager's approval")
                    .arg(q.value(0).toString(), q.value(1).toString());
            });
    // Every fen between a line's gross and its amount is an adjustment, and the header adds up.
    collect(db,
            QStringLiteral("SELECT s.receipt_no, l.line_no, l.gross_fen, l.amount_fen, COALESCE(SUM(a.amount_fen), 0) "
                           "FROM sale_lines l JOIN sales s ON s.id = l.sale_id LEFT JOIN sale_adjustments a ON "
                           "a.sale_id = l.sale_id AND a.line_no = l.line_no GROUP BY l.id HAVING l.gross_fen - "
                           "COALESCE(SUM(a.amount_fen), 0) <> l.amount_fen OR l.line_discount_fen <> "
                           "COALESCE(SUM(CASE WHEN a.scope = 'line' THEN a.amount_fen END), 0) OR "
                           "l.order_discount_fen <> COALESCE(SUM(CASE WHEN a.scope = 'order' THEN a.amount_fen END), 0)"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1 line %2: gross %3 fen less adjustments %5 fen <> amount %4 fen")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString());
            });
    collect(db,
            QStringLiteral("SELECT s.receipt_no, s.subtotal_fen, s.discount_fen, s.rounding_fen, "
                           "(SELECT COALESCE(SUM(gross_fen), 0) FROM sale_lines l WHERE l.sale_id = s.id) AS gross, "
                           "(SELECT COALESCE(SUM(amount_fen), 0) FROM sale_adjustments a WHERE a.sale_id = s.id AND "
                           "a.source <> 'rounding') AS off, "
                           "(SELECT COALESCE(SUM(amount_fen), 0) FROM sale_adjustments a WHERE a.sale_id = s.id AND "
                           "a.source = 'rounding') AS rounded "
                           "FROM sales s WHERE (s.subtotal_fen <> gross AND s.kind NOT IN ('recharge', 'recharge_refund')) "
                           "OR s.discount_fen <> off OR s.rounding_fen <> rounded"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1: subtotal %2 / discount %3 / rounding %4 fen <> its lines' gross %5 / "
                                      "adjustments %6 / 抹零 %7 fen")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString(), q.value(5).toString(), q.value(6).toString());
            });
    // The last number issued each day is kept apart from the receipts: a deleted last receipt shows.
    collect(db,
            QStringLiteral("SELECT st.code, q.business_day, q.last_seq, COALESCE((SELECT MAX(seq) FROM sales s WHERE "
                           "s.store_id = q.store_id AND s.business_day = q.business_day), 0) AS top FROM "
                           "receipt_sequences q JOIN stores st ON st.id = q.store_id WHERE top <> q.last_seq "
                           "UNION ALL SELECT st.code, s.business_day, 0, MAX(s.seq) FROM sales s JOIN stores st ON "
                           "st.id = s.store_id WHERE NOT EXISTS (SELECT 1 FROM receipt_sequences q WHERE q.store_id = "
                           "s.store_id AND q.business_day = s.business_day) GROUP BY s.store_id, s.business_day"),
            problems, [](const QSqlQuery &q) {
                return QStringLiteral("receipt %1-%2-%3: issued, but the day's receipts end at %4 (deleted?)")
                    .arg(q.value(0).toString(), q.value(1).toString(),
                         QStringLiteral("%1").arg(q.value(2).toLongLong(), 4, 10, QLatin1Char('0')),
                         q.value(3).toString());
            });
    // The document chain: each document's hash over its content and the one before it.
    {
        QSqlQuery q(db.db());
        if (!q.exec(QStringLiteral("SELECT id, receipt_no, prev_hash, hash FROM sales ORDER BY id"))) {
            problems << QStringLiteral("query failed: %1").arg(q.lastError().text());
            return problems;
        }
        QString previous;
        int shown = 0;
        while (q.next()) {
            const QString receiptNo = q.value(1).toString();
            const QString prev = q.value(2).toString();
            const QString stored = q.value(3).toString();
            QString problem;
            if (prev != previous)
                problem = QStringLiteral("receipt %1: not chained to the document before it (one was removed or "
                                         "edited)")
                              .arg(receiptNo);
            else if (auto hash = documentHash(db, q.value(0).toLongLong(), prev); !hash)
                problem = QStringLiteral("receipt %1: %2").arg(receiptNo, hash.error().message);
            else if (*hash != stored)
                problem = QStringLiteral("receipt %1: its content does not match its hash (changed behind "
                                         "Huike's back)")
                              .arg(receiptNo);
            if (!problem.isEmpty() && shown++ < 50)
                problems << problem;
            previous = stored;
        }
    }
    if (db.schemaVersion() >= 7)
        verifyMemberLedgers(db, problems);
    return problems;
}

} // namespace huike
