#include "migrations.h"

#include "documentchain.h"

namespace huike {

// Money columns are INTEGER fen; quantities INTEGER thousandths; instants INTEGER UTC ms.
static const std::vector<const char *> kVersion1 = {
    R"(CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL))",
    R"(CREATE TABLE stores (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        receipt_footer TEXT NOT NULL DEFAULT ''))",
    R"(CREATE TABLE operators (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('cashier','manager','admin')),
        pin_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        created_at_ms INTEGER NOT NULL))",
    R"(CREATE TABLE categories (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        sort_order INTEGER NOT NULL DEFAULT 0))",
    R"(CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        pinyin TEXT NOT NULL DEFAULT '',
        category_id INTEGER REFERENCES categories(id),
        unit TEXT NOT NULL DEFAULT '',
        price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
        cost_fen INTEGER NOT NULL DEFAULT 0,
        stock_milli INTEGER NOT NULL DEFAULT 0,
        weighed INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL))",
    R"(CREATE INDEX products_pinyin ON products(pinyin))",
    R"(CREATE INDEX products_name ON products(name))",
    // A rowid table on purpose: rowid keeps the order barcodes were added, the first being the main one.
    R"(CREATE TABLE product_barcodes (
        barcode TEXT PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products(id)))",
    R"(CREATE INDEX product_barcodes_product ON product_barcodes(product_id))",
    R"(CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        phone TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL DEFAULT '',
        gender TEXT NOT NULL DEFAULT '',
        birthday TEXT NOT NULL DEFAULT '',
        store_id INTEGER REFERENCES stores(id),
        created_at_ms INTEGER NOT NULL))",
    R"(CREATE TABLE shifts (
        id INTEGER PRIMARY KEY,
        store_id INTEGER NOT NULL REFERENCES stores(id),
        terminal TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        opened_at_ms INTEGER NOT NULL,
        float_fen INTEGER NOT NULL,
        closed_at_ms INTEGER,
        closed_by INTEGER REFERENCES operators(id),
        counted_fen INTEGER,
        expected_fen INTEGER))",
    // A sale, refund or void: every document has a receipt number from one gapless daily sequence.
    R"(CREATE TABLE sales (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER NOT NULL REFERENCES stores(id),
        business_day TEXT NOT NULL,
        seq INTEGER NOT NULL,
        receipt_no TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('sale','refund','void')),
        original_sale_id INTEGER REFERENCES sales(id),
        shift_id INTEGER REFERENCES shifts(id),
        terminal TEXT NOT NULL DEFAULT '',
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        authorized_by INTEGER REFERENCES operators(id),
        member_id INTEGER REFERENCES members(id),
        subtotal_fen INTEGER NOT NULL,
        discount_fen INTEGER NOT NULL,
        rounding_fen INTEGER NOT NULL,
        total_fen INTEGER NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL,
        UNIQUE (store_id, business_day, seq)))",
    R"(CREATE INDEX sales_created ON sales(created_at_ms))",
    R"(CREATE INDEX sales_member ON sales(member_id, created_at_ms))",
    R"(CREATE INDEX sales_original ON sales(original_sale_id))",
    R"(CREATE INDEX sales_shift ON sales(shift_id))",
    R"(CREATE TABLE sale_lines (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL REFERENCES sales(id),
        line_no INTEGER NOT NULL,
        product_id INTEGER NOT NULL REFERENCES products(id),
        barcode TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL,
        qty_milli INTEGER NOT NULL,
        list_price_fen INTEGER NOT NULL,
        unit_price_fen INTEGER NOT NULL,
        line_discount_fen INTEGER NOT NULL,
        order_discount_fen INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        original_line_id INTEGER REFERENCES sale_lines(id),
        UNIQUE (sale_id, line_no)))",
    R"(CREATE INDEX sale_lines_original ON sale_lines(original_line_id))",
    R"(CREATE INDEX sale_lines_product ON sale_lines(product_id))",
    R"(CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL REFERENCES sales(id),
        tender TEXT NOT NULL CHECK (tender IN ('cash','card','wechat','alipay')),
        amount_fen INTEGER NOT NULL,
        tendered_fen INTEGER NOT NULL,
        change_fen INTEGER NOT NULL,
        reference TEXT NOT NULL DEFAULT ''))",
    R"(CREATE INDEX payments_sale ON payments(sale_id))",
    // The stock ledger: products.stock_milli is a cache of the sum of these rows.
    R"(CREATE TABLE stock_moves (
        id INTEGER PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products(id),
        qty_milli INTEGER NOT NULL,
        reason TEXT NOT NULL,
        sale_id INTEGER REFERENCES sales(id),
        operator_id INTEGER REFERENCES operators(id),
        at_ms INTEGER NOT NULL))",
    R"(CREATE INDEX stock_moves_product ON stock_moves(product_id))",
    R"(CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at_ms INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operators(id),
        authorized_by INTEGER REFERENCES operators(id),
        action TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        details TEXT NOT NULL DEFAULT ''))",
    R"(CREATE INDEX audit_log_at ON audit_log(at_ms))",
};

// Version 2: held orders (挂单) survive a restart; scale PLU codes for price-embedded barcodes.
static const std::vector<const char *> kVersion2 = {
    R"(CREATE TABLE held_orders (
        id INTEGER PRIMARY KEY,
        store_id INTEGER NOT NULL REFERENCES stores(id),
        terminal TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        label TEXT NOT NULL DEFAULT '',
        total_fen INTEGER NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held','recalled','cancelled')),
        created_at_ms INTEGER NOT NULL,
        closed_at_ms INTEGER))",
    R"(CREATE INDEX held_orders_state ON held_orders(state, store_id))",
    R"(ALTER TABLE products ADD COLUMN plu TEXT)",
    R"(CREATE UNIQUE INDEX products_plu ON products(plu) WHERE plu IS NOT NULL)",
};

// Version 3: kinds of tender and of document are data, an approval is a record, and every fen a
// sale's price lost is an adjustment row. `sales` and `payments` lose their CHECK lists of kinds
// for references to the kinds tables, by SQLite's 12-step rebuild (foreign keys off around it).
static const std::vector<const char *> kVersion3 = {
    // What the tender code handles (sales/tender.cpp); a new kind is a row here and its handler there.
    R"(CREATE TABLE tender_kinds (
        key TEXT PRIMARY KEY,
        sort_order INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1))",
    R"(INSERT INTO tender_kinds(key, sort_order) VALUES ('cash', 1), ('card', 2), ('wechat', 3), ('alipay', 4))",
    // sign: +1 a document that takes money in (a sale), -1 one that gives it back.
    R"(CREATE TABLE document_kinds (
        key TEXT PRIMARY KEY,
        sign INTEGER NOT NULL CHECK (sign IN (-1, 1))))",
    R"(INSERT INTO document_kinds(key, sign) VALUES ('sale', 1), ('refund', -1), ('void', -1))",

    R"(CREATE TABLE new_sales (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER NOT NULL REFERENCES stores(id),
        business_day TEXT NOT NULL,
        seq INTEGER NOT NULL,
        receipt_no TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL REFERENCES document_kinds(key),
        original_sale_id INTEGER REFERENCES sales(id),
        shift_id INTEGER REFERENCES shifts(id),
        terminal TEXT NOT NULL DEFAULT '',
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        authorized_by INTEGER REFERENCES operators(id),
        member_id INTEGER REFERENCES members(id),
        subtotal_fen INTEGER NOT NULL,
        discount_fen INTEGER NOT NULL,
        rounding_fen INTEGER NOT NULL,
        total_fen INTEGER NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL,
        UNIQUE (store_id, business_day, seq)))",
    R"(INSERT INTO new_sales SELECT id, uuid, store_id, business_day, seq, receipt_no, kind, original_sale_id,
        shift_id, terminal, operator_id, authorized_by, member_id, subtotal_fen, discount_fen, rounding_fen,
        total_fen, reason, created_at_ms FROM sales)",
    R"(DROP TABLE sales)",
    R"(ALTER TABLE new_sales RENAME TO sales)",
    R"(CREATE INDEX sales_created ON sales(created_at_ms))",
    R"(CREATE INDEX sales_member ON sales(member_id, created_at_ms))",
    R"(CREATE INDEX sales_original ON sales(original_sale_id))",
    R"(CREATE INDEX sales_shift ON sales(shift_id))",
    // A refund or void belongs to the member of the sale it reverses (reports, per-member totals).
    R"(UPDATE sales SET member_id = (SELECT o.member_id FROM sales o WHERE o.id = sales.original_sale_id)
        WHERE original_sale_id IS NOT NULL AND member_id IS NULL)",

    R"(CREATE TABLE new_payments (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL REFERENCES sales(id),
        tender TEXT NOT NULL REFERENCES tender_kinds(key),
        amount_fen INTEGER NOT NULL,
        tendered_fen INTEGER NOT NULL,
        change_fen INTEGER NOT NULL,
        reference TEXT NOT NULL DEFAULT ''))",
    R"(INSERT INTO new_payments SELECT id, sale_id, tender, amount_fen, tendered_fen, change_fen, reference
        FROM payments)",
    R"(DROP TABLE payments)",
    R"(ALTER TABLE new_payments RENAME TO payments)",
    R"(CREATE INDEX payments_sale ON payments(sale_id))",

    // A manager's PIN on the spot yields one of these: single use, bound to an action, its target
    // (a receipt number, a cart's uuid, a product code) and an amount, valid until it expires. The
    // document that used it is recorded here.
    R"(CREATE TABLE approvals (
        id INTEGER PRIMARY KEY,
        token TEXT NOT NULL UNIQUE,
        manager_id INTEGER NOT NULL REFERENCES operators(id),
        requested_by INTEGER REFERENCES operators(id),
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        granted_at_ms INTEGER NOT NULL,
        expires_at_ms INTEGER NOT NULL,
        used_at_ms INTEGER,
        sale_id INTEGER REFERENCES sales(id)))",
    R"(CREATE INDEX approvals_sale ON approvals(sale_id))",
    // Approvals given before version 3 were a manager's PIN whose operator id the document kept.
    R"(INSERT INTO approvals(token, manager_id, requested_by, action, target, amount_fen, granted_at_ms,
        expires_at_ms, used_at_ms, sale_id)
        SELECT 'v2-' || s.id, s.authorized_by, s.operator_id, s.kind, COALESCE(o.receipt_no, s.uuid),
               CASE WHEN s.kind = 'sale' THEN s.discount_fen ELSE -s.total_fen END,
               s.created_at_ms, s.created_at_ms, s.created_at_ms, s.id
        FROM sales s LEFT JOIN sales o ON o.id = s.original_sale_id WHERE s.authorized_by IS NOT NULL)",
    R"(UPDATE approvals SET action = 'discount' WHERE action = 'sale')",

    // Where every fen between a line's gross (list price x quantity, or a scale label's amount) and
    // what the customer paid went, in pipeline order. Order-level adjustments (an order discount,
    // 抹零) are stored as each line's share under the same seq, so a refund can reverse exactly what
    // its lines got. amount_fen > 0 makes the sale cheaper; on refunds and voids the signs flip.
    R"(CREATE TABLE sale_adjustments (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL REFERENCES sales(id),
        line_no INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('line', 'order')),
        source TEXT NOT NULL,
        reference TEXT NOT NULL DEFAULT '',
        amount_fen INTEGER NOT NULL,
        manual INTEGER NOT NULL DEFAULT 0,
        UNIQUE (sale_id, line_no, seq)))",
    R"(CREATE INDEX sale_adjustments_sale ON sale_adjustments(sale_id))",
    // Documents from before version 3 kept two sums per line; they become one adjustment each.
    R"(INSERT INTO sale_adjustments(sale_id, line_no, seq, scope, source, amount_fen, manual)
        SELECT sale_id, line_no, 1, 'line', 'line_discount', line_discount_fen, 1 FROM sale_lines
        WHERE line_discount_fen <> 0)",
    R"(INSERT INTO sale_adjustments(sale_id, line_no, seq, scope, source, amount_fen, manual)
        SELECT sale_id, line_no, 2, 'order', 'order_discount', order_discount_fen, 1 FROM sale_lines
        WHERE order_discount_fen <> 0)",
    // Schema 2 folded 抹零 into each line's order discount; it becomes its own adjustment, on the
    // sale's last line (its order discount there is reduced by as much, so the line still adds up).
    R"(INSERT INTO sale_adjustments(sale_id, line_no, seq, scope, source, reference, amount_fen, manual)
        SELECT s.id, (SELECT MAX(line_no) FROM sale_lines l WHERE l.sale_id = s.id), 3, 'order', 'rounding', '',
               s.rounding_fen, 0 FROM sales s WHERE s.rounding_fen <> 0)",
    R"(INSERT OR IGNORE INTO sale_adjustments(sale_id, line_no, seq, scope, source, amount_fen, manual)
        SELECT s.id, (SELECT MAX(line_no) FROM sale_lines l WHERE l.sale_id = s.id), 2, 'order', 'order_discount',
               0, 1 FROM sales s WHERE s.rounding_fen <> 0)",
    R"(UPDATE sale_adjustments SET amount_fen = amount_fen - (SELECT s.rounding_fen FROM sales s WHERE
        s.id = sale_adjustments.sale_id) WHERE seq = 2 AND source = 'order_discount' AND sale_id IN (SELECT id
        FROM sales WHERE rounding_fen <> 0) AND line_no = (SELECT MAX(line_no) FROM sale_lines l WHERE
        l.sale_id = sale_adjustments.sale_id))",
    // Each line keeps its gross (list price x quantity, or a scale label's amount): gross less the
    // line's adjustments is what was paid, which `verify` checks.
    R"(ALTER TABLE sale_lines ADD COLUMN gross_fen INTEGER NOT NULL DEFAULT 0)",
    R"(UPDATE sale_lines SET gross_fen = amount_fen + line_discount_fen + order_discount_fen)",
    // The last receipt number issued per store and day, kept apart from the receipts: a number is
    // never issued twice, and deleting a day's last receipt behind Huike's back shows in verify.
    R"(CREATE TABLE receipt_sequences (
        store_id INTEGER NOT NULL REFERENCES stores(id),
        business_day TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (store_id, business_day)))",
    R"(INSERT INTO receipt_sequences(store_id, business_day, last_seq)
        SELECT store_id, business_day, MAX(seq) FROM sales GROUP BY store_id, business_day)",
    // A recalled order stays recoverable until its sale commits ('sold', in the sale's transaction):
    // a till that dies with a recalled cart finds it held again when it restarts.
    R"(CREATE TABLE new_held_orders (
        id INTEGER PRIMARY KEY,
        store_id INTEGER NOT NULL REFERENCES stores(id),
        terminal TEXT NOT NULL,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        label TEXT NOT NULL DEFAULT '',
        total_fen INTEGER NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held','recalled','sold','cancelled')),
        created_at_ms INTEGER NOT NULL,
        closed_at_ms INTEGER,
        uuid TEXT NOT NULL DEFAULT '',
        recalled_terminal TEXT NOT NULL DEFAULT ''))",
    R"(INSERT INTO new_held_orders(id, store_id, terminal, operator_id, label, total_fen, payload, state,
        created_at_ms, closed_at_ms, uuid)
        SELECT id, store_id, terminal, operator_id, label, total_fen, payload, state, created_at_ms, closed_at_ms,
               COALESCE(json_extract(payload, '$.uuid'), '') FROM held_orders)",
    R"(DROP TABLE held_orders)",
    R"(ALTER TABLE new_held_orders RENAME TO held_orders)",
    R"(CREATE INDEX held_orders_state ON held_orders(state, store_id))",
    R"(CREATE INDEX held_orders_uuid ON held_orders(uuid))",
    // The document chain (store/documentchain.h); the migration hashes what is there already.
    R"(ALTER TABLE sales ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '')",
    R"(ALTER TABLE sales ADD COLUMN hash TEXT NOT NULL DEFAULT '')",
};

// Version 4: fewer pages written per sale (each one is a WAL frame and its share of the fsync).
static const std::vector<const char *> kVersion4 = {
    // A document's stock movement is its lines: sale_lines already holds product and quantity, so
    // a stock_moves row per line was the same fact twice, and its product index one more randomly
    // placed page per line. stock_moves keeps what no document records (receiving, corrections,
    // stocktakes); stock_ledger reads both as the one ledger that products.stock_milli caches.
    R"(DELETE FROM stock_moves WHERE sale_id IS NOT NULL)",
    R"(CREATE VIEW stock_ledger AS
        SELECT product_id, qty_milli, reason, sale_id, operator_id, at_ms FROM stock_moves
        UNION ALL
        SELECT l.product_id, -l.qty_milli, s.kind, s.id, s.operator_id, s.created_at_ms
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id)",
    // Most sales have no member and no original: index only the rows that do. A lookup by
    // member_id = ? or original_sale_id = ? still uses the index (= implies IS NOT NULL).
    R"(DROP INDEX sales_member)",
    R"(CREATE INDEX sales_member ON sales(member_id, created_at_ms) WHERE member_id IS NOT NULL)",
    R"(DROP INDEX sales_original)",
    R"(CREATE INDEX sales_original ON sales(original_sale_id) WHERE original_sale_id IS NOT NULL)",
    R"(DROP INDEX sale_lines_original)",
    R"(CREATE INDEX sale_lines_original ON sale_lines(original_line_id) WHERE original_line_id IS NOT NULL)",
    // UNIQUE (sale_id, line_no, seq) already indexes sale_id first.
    R"(DROP INDEX sale_adjustments_sale)",
};

// Version 5: a payment is recorded when it is taken, not only when its sale commits. A WeChat
// payment taken with its reference is money the shop already has: it stays with the cart (whose
// copy is a held_orders row in state 'recalled' at this till) until the sale commits ('sold') or
// the customer gets it back by a recorded reversal ('reversed': who, why, and the manager's
// approval for money that left through a wallet or a bank card).
static const std::vector<const char *> kVersion5 = {
    R"(CREATE TABLE taken_payments (
        id INTEGER PRIMARY KEY,
        cart_uuid TEXT NOT NULL,
        store_id INTEGER NOT NULL REFERENCES stores(id),
        terminal TEXT NOT NULL,
        tender TEXT NOT NULL REFERENCES tender_kinds(key),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        reference TEXT NOT NULL DEFAULT '',
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        taken_at_ms INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'taken' CHECK (state IN ('taken','sold','reversed')),
        sale_id INTEGER REFERENCES sales(id),
        closed_at_ms INTEGER,
        closed_by INTEGER REFERENCES operators(id),
        approved_by INTEGER REFERENCES operators(id),
        reason TEXT NOT NULL DEFAULT ''))",
    R"(CREATE INDEX taken_payments_cart ON taken_payments(cart_uuid, state))",
    // A product import commits in short chunks, so that tills keep selling while a big file goes
    // in; what each chunk changed is kept (the product as it was, or NULL for one it created) until
    // the run is done, so that an interrupted run is undone as a whole (catalog/importruns.cpp).
    R"(CREATE TABLE import_runs (
        id INTEGER PRIMARY KEY,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started_at_ms INTEGER NOT NULL,
        heartbeat_ms INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running','done','undoing','undone')),
        added INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        finished_at_ms INTEGER))",
    R"(CREATE TABLE import_changes (
        run_id INTEGER NOT NULL REFERENCES import_runs(id),
        product_id INTEGER NOT NULL,
        before TEXT,
        stock_delta_milli INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, product_id)) WITHOUT ROWID)",
};

// Version 6: members as the shop registers them (members/members.h): a card number besides the
// phone, the name's pinyin initials, consent to marketing (when and how given), who referred and
// who registered them, and the card's state. A phone's last four digits are indexed: the till
// finds "8000" among a million members at once.
static const std::vector<const char *> kVersion6 = {
    R"(ALTER TABLE members ADD COLUMN card_no TEXT)",
    R"(ALTER TABLE members ADD COLUMN pinyin TEXT NOT NULL DEFAULT '')",
    R"(ALTER TABLE members ADD COLUMN address TEXT NOT NULL DEFAULT '')",
    R"(ALTER TABLE members ADD COLUMN notes TEXT NOT NULL DEFAULT '')",
    R"(ALTER TABLE members ADD COLUMN consent INTEGER NOT NULL DEFAULT 0)",
    R"(ALTER TABLE members ADD COLUMN consent_at_ms INTEGER)",
    R"(ALTER TABLE members ADD COLUMN consent_how TEXT NOT NULL DEFAULT '')",
    R"(ALTER TABLE members ADD COLUMN referrer_id INTEGER REFERENCES members(id))",
    R"(ALTER TABLE members ADD COLUMN operator_id INTEGER REFERENCES operators(id))",
    R"(ALTER TABLE members ADD COLUMN card_state TEXT NOT NULL DEFAULT 'active'
        CHECK (card_state IN ('active','lost','locked','replaced')))",
    R"(CREATE UNIQUE INDEX members_card ON members(card_no) WHERE card_no IS NOT NULL)",
    R"(CREATE INDEX members_last4 ON members(substr(phone, -4)))",
    R"(CREATE INDEX members_pinyin ON members(pinyin))",
};

// Version 7: member levels and growth value (members/levels.h). Levels are data, the default
// programme a new shop starts with inserted here (普通会员, 银卡 at 1,000 growth 95折, 金卡 at 5,000
// 9折); a member row caches its level, growth and net spend, each the sum of its ledger. Ledger rows
// are appended in the sale's transaction and never changed: the triggers refuse it. What each sale
// line earned is kept beside the line, so a refund reverses exactly what its lines earned.
static const std::vector<const char *> kVersion7 = {
    R"(CREATE TABLE member_levels (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        rank INTEGER NOT NULL UNIQUE,
        growth_threshold INTEGER NOT NULL DEFAULT 0 CHECK (growth_threshold >= 0),
        spend_threshold_fen INTEGER NOT NULL DEFAULT 0 CHECK (spend_threshold_fen >= 0),
        discount_permille INTEGER NOT NULL DEFAULT 1000 CHECK (discount_permille BETWEEN 1 AND 1000),
        points_permille INTEGER NOT NULL DEFAULT 1000 CHECK (points_permille BETWEEN 0 AND 100000),
        active INTEGER NOT NULL DEFAULT 1))",
    R"(INSERT INTO member_levels(id, name, rank, growth_threshold, spend_threshold_fen, discount_permille)
        VALUES (1, '普通会员', 0, 0, 0, 1000), (2, '银卡', 1, 1000, 100000, 950), (3, '金卡', 2, 5000, 500000, 900))",
    // No REFERENCES: SQLite cannot add a referencing column with a non-NULL default to a table that
    // has rows while foreign keys are on (a shop with members). verify checks every level exists.
    R"(ALTER TABLE members ADD COLUMN level_id INTEGER NOT NULL DEFAULT 1)",
    R"(ALTER TABLE members ADD COLUMN growth INTEGER NOT NULL DEFAULT 0 CHECK (growth >= 0))",
    R"(ALTER TABLE members ADD COLUMN net_spend_fen INTEGER NOT NULL DEFAULT 0)",
    R"(CREATE INDEX members_level ON members(level_id))",
    R"(CREATE TABLE growth_ledger (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER REFERENCES stores(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        sale_id INTEGER REFERENCES sales(id),
        kind TEXT NOT NULL,
        growth INTEGER NOT NULL,
        spend_fen INTEGER NOT NULL DEFAULT 0,
        operator_id INTEGER REFERENCES operators(id),
        reason TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL))",
    R"(CREATE INDEX growth_ledger_member ON growth_ledger(member_id, id))",
    R"(CREATE INDEX growth_ledger_sale ON growth_ledger(sale_id))",
    R"(CREATE TRIGGER growth_ledger_no_update BEFORE UPDATE ON growth_ledger
        BEGIN SELECT RAISE(ABORT, 'growth_ledger is append-only'); END)",
    R"(CREATE TRIGGER growth_ledger_no_delete BEFORE DELETE ON growth_ledger
        BEGIN SELECT RAISE(ABORT, 'growth_ledger is append-only'); END)",
    R"(CREATE TABLE level_changes (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER REFERENCES stores(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        sale_id INTEGER REFERENCES sales(id),
        from_level_id INTEGER NOT NULL REFERENCES member_levels(id),
        to_level_id INTEGER NOT NULL REFERENCES member_levels(id),
        cause TEXT NOT NULL CHECK (cause IN ('upgrade', 'refund', 'manual', 'import')),
        operator_id INTEGER REFERENCES operators(id),
        reason TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL))",
    R"(CREATE INDEX level_changes_member ON level_changes(member_id, id))",
    R"(CREATE INDEX level_changes_sale ON level_changes(sale_id))",
    R"(CREATE TABLE line_earnings (
        line_id INTEGER PRIMARY KEY REFERENCES sale_lines(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        base_fen INTEGER NOT NULL,
        growth INTEGER NOT NULL DEFAULT 0,
        points INTEGER NOT NULL DEFAULT 0))",
};

// Version 8: points (members/points.h). Points are kept as lots, each with what is left of it and
// when it expires; the ledger says every change to a lot (earned, paid, expired, taken back by a
// refund, given back, adjusted by hand) and is never edited. The member row caches the balance.
// Multipliers per product or category (0: earns nothing) and per time window; the tender 'points'.
static const std::vector<const char *> kVersion8 = {
    R"(INSERT INTO tender_kinds(key, sort_order) VALUES ('points', 5))",
    R"(ALTER TABLE members ADD COLUMN points INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0))",
    R"(CREATE TABLE points_lots (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER REFERENCES stores(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        sale_id INTEGER REFERENCES sales(id),
        earned INTEGER NOT NULL CHECK (earned > 0),
        remaining INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= earned),
        earned_at_ms INTEGER NOT NULL,
        expires_at_ms INTEGER NOT NULL DEFAULT 0))",
    R"(CREATE INDEX points_lots_member ON points_lots(member_id, expires_at_ms, id))",
    R"(CREATE INDEX points_lots_sale ON points_lots(sale_id))",
    R"(CREATE TABLE points_ledger (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER REFERENCES stores(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        sale_id INTEGER REFERENCES sales(id),
        lot_id INTEGER NOT NULL REFERENCES points_lots(id),
        kind TEXT NOT NULL, -- earn, redeem, refund_earn, refund_redeem, expire, adjust (members/points.cpp)
        points INTEGER NOT NULL CHECK (points <> 0),
        operator_id INTEGER REFERENCES operators(id),
        authorized_by INTEGER REFERENCES operators(id),
        reason TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL))",
    R"(CREATE INDEX points_ledger_member ON points_ledger(member_id, id))",
    R"(CREATE INDEX points_ledger_sale ON points_ledger(sale_id))",
    R"(CREATE INDEX points_ledger_lot ON points_ledger(lot_id))",
    R"(CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger
        BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END)",
    R"(CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger
        BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END)",
    R"(CREATE TABLE points_rules (
        id INTEGER PRIMARY KEY,
        product_id INTEGER UNIQUE REFERENCES products(id),
        category_id INTEGER UNIQUE REFERENCES categories(id),
        permille INTEGER NOT NULL CHECK (permille BETWEEN 0 AND 100000),
        CHECK ((product_id IS NULL) <> (category_id IS NULL))))",
    R"(CREATE TABLE points_windows (
        id INTEGER PRIMARY KEY,
        weekdays INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440 AND end_minute > start_minute),
        permille INTEGER NOT NULL CHECK (permille BETWEEN 0 AND 100000)))",
};

// Version 9: the cards a member had before 补卡. A replaced card number is refused from then on
// (and never given to another member); the member carries on with the new one.
static const std::vector<const char *> kVersion9 = {
    R"(CREATE TABLE member_cards (
        card_no TEXT PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        replaced_by TEXT NOT NULL,
        replaced_at_ms INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operators(id),
        authorized_by INTEGER REFERENCES operators(id),
        reason TEXT NOT NULL DEFAULT ''))",
    R"(CREATE INDEX member_cards_member ON member_cards(member_id))",
};

// Version 10: stored value (members/storedvalue.h). Every recharge is a lot with its principal (what
// the customer paid) and its bonus (what the shop gave) kept apart; a sale spends the oldest lot
// first, principal and bonus in the lot's ratio. The ledger says every change to a lot and is never
// edited; the member row caches both balances. Recharges and their refunds are documents (a
// receipt number, the drawer, the shift), with no lines. A member may set a PIN for paying.
static const std::vector<const char *> kVersion10 = {
    R"(INSERT INTO tender_kinds(key, sort_order) VALUES ('stored', 6))",
    R"(INSERT INTO document_kinds(key, sign) VALUES ('recharge', 1), ('recharge_refund', -1))",
    R"(ALTER TABLE members ADD COLUMN principal_fen INTEGER NOT NULL DEFAULT 0 CHECK (principal_fen >= 0))",
    R"(ALTER TABLE members ADD COLUMN bonus_fen INTEGER NOT NULL DEFAULT 0 CHECK (bonus_fen >= 0))",
    R"(ALTER TABLE members ADD COLUMN pin_hash TEXT)",
    R"(ALTER TABLE members ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0)",
    R"(CREATE TABLE stored_lots (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER REFERENCES stores(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        sale_id INTEGER REFERENCES sales(id), -- the recharge; NULL for a transfer in or an import
        kind TEXT NOT NULL,                   -- recharge, transfer_in, import, adjust
        principal_fen INTEGER NOT NULL CHECK (principal_fen >= 0),
        bonus_fen INTEGER NOT NULL CHECK (bonus_fen >= 0),
        principal_left_fen INTEGER NOT NULL CHECK (principal_left_fen >= 0),
        bonus_left_fen INTEGER NOT NULL CHECK (bonus_left_fen >= 0),
        created_at_ms INTEGER NOT NULL,
        CHECK (principal_fen + bonus_fen > 0)))",
    R"(CREATE INDEX stored_lots_member ON stored_lots(member_id, id))",
    R"(CREATE INDEX stored_lots_sale ON stored_lots(sale_id))",
    R"(CREATE TABLE stored_ledger (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER REFERENCES stores(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        sale_id INTEGER REFERENCES sales(id),
        lot_id INTEGER NOT NULL REFERENCES stored_lots(id),
        -- recharge, spend, refund_spend, recharge_refund, transfer_out, transfer_in, import, adjust
        kind TEXT NOT NULL,
        principal_fen INTEGER NOT NULL,
        bonus_fen INTEGER NOT NULL,
        operator_id INTEGER REFERENCES operators(id),
        authorized_by INTEGER REFERENCES operators(id),
        reason TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL,
        CHECK (principal_fen <> 0 OR bonus_fen <> 0)))",
    R"(CREATE INDEX stored_ledger_member ON stored_ledger(member_id, id))",
    R"(CREATE INDEX stored_ledger_sale ON stored_ledger(sale_id))",
    R"(CREATE INDEX stored_ledger_lot ON stored_ledger(lot_id))",
    R"(CREATE TRIGGER stored_ledger_no_update BEFORE UPDATE ON stored_ledger
        BEGIN SELECT RAISE(ABORT, 'stored_ledger is append-only'); END)",
    R"(CREATE TRIGGER stored_ledger_no_delete BEFORE DELETE ON stored_ledger
        BEGIN SELECT RAISE(ABORT, 'stored_ledger is append-only'); END)",
    // 充500送50: a recharge of at least min_fen gets bonus_fen; the highest tier reached applies.
    R"(CREATE TABLE recharge_bonus_rules (
        id INTEGER PRIMARY KEY,
        min_fen INTEGER NOT NULL UNIQUE CHECK (min_fen > 0),
        bonus_fen INTEGER NOT NULL CHECK (bonus_fen >= 0),
        active INTEGER NOT NULL DEFAULT 1))",
    R"(INSERT INTO recharge_bonus_rules(min_fen, bonus_fen) VALUES (50000, 5000), (100000, 12000))",
};

// Version 11: count cards (计次卡, members/countcards.h). A plan says what selling its card product
// gives: `uses` of one service product, valid `validity_days` from the sale or from the first use,
// on any day, weekdays only or weekends only. Each unit of the card product sold is a card of the
// member's. A use is an adjustment on the sale's line of the service ('countcard', reference the
// card id), one use per unit; the ledger says every change to a card's uses and is never edited.
static const std::vector<const char *> kVersion11 = {
    R"(CREATE TABLE count_card_plans (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        card_product_id INTEGER NOT NULL UNIQUE REFERENCES products(id),
        service_product_id INTEGER NOT NULL REFERENCES products(id),
        uses INTEGER NOT NULL CHECK (uses > 0),
        validity_days INTEGER NOT NULL DEFAULT 0 CHECK (validity_days >= 0), -- 0: never expires
        validity_from TEXT NOT NULL DEFAULT 'sale' CHECK (validity_from IN ('sale', 'first_use')),
        days TEXT NOT NULL DEFAULT 'any' CHECK (days IN ('any', 'weekdays', 'weekends')),
        active INTEGER NOT NULL DEFAULT 1,
        CHECK (card_product_id <> service_product_id)))",
    R"(CREATE TABLE count_cards (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER REFERENCES stores(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        plan_id INTEGER NOT NULL REFERENCES count_card_plans(id),
        sale_id INTEGER NOT NULL REFERENCES sales(id),
        sale_line_id INTEGER NOT NULL REFERENCES sale_lines(id), -- the line of the card product sold
        uses_total INTEGER NOT NULL CHECK (uses_total > 0),
        uses_left INTEGER NOT NULL CHECK (uses_left >= 0 AND uses_left <= uses_total),
        sold_at_ms INTEGER NOT NULL,
        first_use_ms INTEGER,
        expires_at_ms INTEGER, -- NULL: never, or (validity from first use) not yet started
        state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'refunded'))))",
    R"(CREATE INDEX count_cards_member ON count_cards(member_id, id))",
    R"(CREATE INDEX count_cards_sale ON count_cards(sale_id))",
    R"(CREATE TABLE count_card_ledger (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER REFERENCES stores(id),
        card_id INTEGER NOT NULL REFERENCES count_cards(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        sale_id INTEGER REFERENCES sales(id),
        kind TEXT NOT NULL, -- sold, use, refund_use, refund_card, extend
        uses INTEGER NOT NULL,
        expires_at_ms INTEGER, -- an extension: the new expiry
        operator_id INTEGER REFERENCES operators(id),
        authorized_by INTEGER REFERENCES operators(id),
        reason TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL))",
    R"(CREATE INDEX count_card_ledger_card ON count_card_ledger(card_id, id))",
    R"(CREATE INDEX count_card_ledger_sale ON count_card_ledger(sale_id))",
    R"(CREATE TRIGGER count_card_ledger_no_update BEFORE UPDATE ON count_card_ledger
        BEGIN SELECT RAISE(ABORT, 'count_card_ledger is append-only'); END)",
    R"(CREATE TRIGGER count_card_ledger_no_delete BEFORE DELETE ON count_card_ledger
        BEGIN SELECT RAISE(ABORT, 'count_card_ledger is append-only'); END)",
};

// Version 12: coupons (优惠券, members/coupons.h). A type says what its coupons are worth and when
// they are issued; each coupon carries its own copy of the terms as issued (a type edited later does
// not change a coupon in a customer's hand), a unique code the till takes typed or scanned, and its
// state. Using one is a guarded update from unused to used, so two tills cannot use it twice; the
// events are never edited.
static const std::vector<const char *> kVersion12 = {
    R"(CREATE TABLE coupon_types (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,                      -- cash, discount, gift
        value_fen INTEGER NOT NULL DEFAULT 0,    -- cash: amount off
        permille INTEGER NOT NULL DEFAULT 1000,  -- discount: 850 = 8.5折
        gift_product_id INTEGER REFERENCES products(id),
        min_spend_fen INTEGER NOT NULL DEFAULT 0,
        category_ids TEXT NOT NULL DEFAULT '',   -- eligible categories, comma-separated; '' = all
        stackable INTEGER NOT NULL DEFAULT 0,    -- may go with other coupons on one order
        valid_days INTEGER NOT NULL DEFAULT 0,   -- N days from issue; 0: the fixed dates below
        valid_from_ms INTEGER,
        valid_until_ms INTEGER,
        issue_on TEXT NOT NULL DEFAULT 'manual', -- manual, registration, birthday, purchase
        purchase_min_fen INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE TABLE coupons (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL UNIQUE,
        type_id INTEGER NOT NULL REFERENCES coupon_types(id),
        store_id INTEGER REFERENCES stores(id),
        member_id INTEGER REFERENCES members(id), -- NULL: anyone may use it
        kind TEXT NOT NULL,
        value_fen INTEGER NOT NULL,
        permille INTEGER NOT NULL,
        gift_product_id INTEGER REFERENCES products(id),
        min_spend_fen INTEGER NOT NULL,
        category_ids TEXT NOT NULL,
        stackable INTEGER NOT NULL,
        issued_at_ms INTEGER NOT NULL,
        valid_from_ms INTEGER NOT NULL,
        expires_at_ms INTEGER, -- NULL: never
        state TEXT NOT NULL DEFAULT 'unused', -- unused, used, voided; expired is read from expires_at_ms
        used_sale_id INTEGER REFERENCES sales(id),
        issued_by_sale_id INTEGER REFERENCES sales(id),
        CHECK ((state = 'used') = (used_sale_id IS NOT NULL))))",
    R"(CREATE INDEX coupons_member ON coupons(member_id, id))",
    R"(CREATE INDEX coupons_used_sale ON coupons(used_sale_id))",
    R"(CREATE TABLE coupon_events (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER REFERENCES stores(id),
        coupon_id INTEGER NOT NULL REFERENCES coupons(id),
        sale_id INTEGER REFERENCES sales(id),
        kind TEXT NOT NULL, -- issue, use, unuse (its sale refunded), void
        operator_id INTEGER REFERENCES operators(id),
        reason TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL))",
    R"(CREATE INDEX coupon_events_coupon ON coupon_events(coupon_id, id))",
    R"(CREATE INDEX coupon_events_sale ON coupon_events(sale_id))",
    R"(CREATE TRIGGER coupon_events_no_update BEFORE UPDATE ON coupon_events
        BEGIN SELECT RAISE(ABORT, 'coupon_events is append-only'); END)",
    R"(CREATE TRIGGER coupon_events_no_delete BEFORE DELETE ON coupon_events
        BEGIN SELECT RAISE(ABORT, 'coupon_events is append-only'); END)",
};

// Version 13: the day of the year a member was born, indexed (birthday coupons find today's
// members among a million at once, and the member list filters by birthday month), and coupons'
// used_sale_id indexed only where set (an unused coupon, such as the one a purchase earns, no
// longer writes an index page for its NULL).
static const std::vector<const char *> kVersion13 = {
    R"(CREATE INDEX members_birthday ON members(substr(birthday, -5)))",
    R"(DROP INDEX coupons_used_sale)",
    R"(CREATE INDEX coupons_used_sale ON coupons(used_sale_id) WHERE used_sale_id IS NOT NULL)",
};

// Version 14: the gift catalogue for points (积分兑换, members/gifts.h). A gift's stock is the sum
// of its stock ledger (received, written off, redeemed); a redemption's points are the 'gift'
// rows of the points ledger.
static const std::vector<const char *> kVersion14 = {
    R"(CREATE TABLE gifts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        points INTEGER NOT NULL CHECK (points > 0),
        stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
        active INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE TABLE gift_redemptions (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER REFERENCES stores(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        gift_id INTEGER NOT NULL REFERENCES gifts(id),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        points INTEGER NOT NULL CHECK (points > 0),
        operator_id INTEGER REFERENCES operators(id),
        created_at_ms INTEGER NOT NULL))",
    R"(CREATE INDEX gift_redemptions_member ON gift_redemptions(member_id, id))",
    R"(CREATE TABLE gift_stock (
        id INTEGER PRIMARY KEY,
        gift_id INTEGER NOT NULL REFERENCES gifts(id),
        change INTEGER NOT NULL CHECK (change <> 0),
        kind TEXT NOT NULL, -- opening, restock, write_off, redeem
        redemption_id INTEGER REFERENCES gift_redemptions(id),
        operator_id INTEGER REFERENCES operators(id),
        reason TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL))",
    R"(CREATE INDEX gift_stock_gift ON gift_stock(gift_id, id))",
    R"(CREATE TRIGGER gift_redemptions_no_update BEFORE UPDATE ON gift_redemptions
        BEGIN SELECT RAISE(ABORT, 'gift_redemptions is append-only'); END)",
    R"(CREATE TRIGGER gift_redemptions_no_delete BEFORE DELETE ON gift_redemptions
        BEGIN SELECT RAISE(ABORT, 'gift_redemptions is append-only'); END)",
    R"(CREATE TRIGGER gift_stock_no_update BEFORE UPDATE ON gift_stock
        BEGIN SELECT RAISE(ABORT, 'gift_stock is append-only'); END)",
    R"(CREATE TRIGGER gift_stock_no_delete BEFORE DELETE ON gift_stock
        BEGIN SELECT RAISE(ABORT, 'gift_stock is append-only'); END)",
};

// Version 15: what the shop knows of a member beyond the registration form (members/profile.h):
// tags (a member has any number; the list filters by one), custom fields the shop defines (a
// cosmetics shop's skin type, a car-care shop's insurance date) with one value per member and
// field, and a photo (a scaled JPEG, kept apart so the member row stays small).
static const std::vector<const char *> kVersion15 = {
    R"(CREATE TABLE member_tags (
        member_id INTEGER NOT NULL REFERENCES members(id),
        tag TEXT NOT NULL,
        PRIMARY KEY (member_id, tag)) WITHOUT ROWID)",
    R"(CREATE INDEX member_tags_tag ON member_tags(tag, member_id))",
    R"(CREATE TABLE member_fields (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL, -- text, number, date, choice, multi (members/profile.h)
        choices TEXT NOT NULL DEFAULT '', -- choice and multi: the choices, one per line
        sort_order INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1))",
    R"(CREATE TABLE member_field_values (
        member_id INTEGER NOT NULL REFERENCES members(id),
        field_id INTEGER NOT NULL REFERENCES member_fields(id),
        value TEXT NOT NULL,
        PRIMARY KEY (member_id, field_id)) WITHOUT ROWID)",
    R"(CREATE INDEX member_field_values_field ON member_field_values(field_id, value))",
    R"(CREATE TABLE member_photos (
        member_id INTEGER PRIMARY KEY REFERENCES members(id),
        image BLOB NOT NULL,
        updated_at_ms INTEGER NOT NULL))",
    // The member screen's card history (members/history.h): a member's audit rows by its id.
    // Partial: the audit rows of a sale or a login are not members' and pay nothing for it.
    R"(CREATE INDEX audit_log_member ON audit_log(target, id) WHERE substr(action, 1, 7) = 'member.')",
};

// Version 16: a level's validity (members/levels.h, 等级有效期). A level with validity_days is
// held that long from when it is reached; then the growth (or spend) of that period decides the
// level kept (reassessLevels). What counted before a step down no longer counts towards levels:
// level_base_* keep that part of the cumulative totals, which stay the sum of their ledger.
// level_changes is rebuilt without the CHECK on its cause, so that 'expire' and 'renew' can be
// said (a cause is a word the code owns, not a constraint to rebuild a table for each time).
static const std::vector<const char *> kVersion16 = {
    R"(ALTER TABLE member_levels ADD COLUMN validity_days INTEGER NOT NULL DEFAULT 0 CHECK (validity_days >= 0))",
    R"(ALTER TABLE members ADD COLUMN level_expires_ms INTEGER)",
    R"(ALTER TABLE members ADD COLUMN level_base_growth INTEGER NOT NULL DEFAULT 0)",
    R"(ALTER TABLE members ADD COLUMN level_base_spend_fen INTEGER NOT NULL DEFAULT 0)",
    R"(ALTER TABLE members ADD COLUMN level_base_before_ms INTEGER NOT NULL DEFAULT 0)", // the base: earned before then
    R"(CREATE INDEX members_level_expires ON members(level_expires_ms) WHERE level_expires_ms IS NOT NULL)",
    R"(CREATE TABLE new_level_changes (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        store_id INTEGER REFERENCES stores(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        sale_id INTEGER REFERENCES sales(id),
        from_level_id INTEGER NOT NULL REFERENCES member_levels(id),
        to_level_id INTEGER NOT NULL REFERENCES member_levels(id),
        cause TEXT NOT NULL, -- upgrade, refund, manual, import, expire, renew (members/levels.h)
        operator_id INTEGER REFERENCES operators(id),
        reason TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL,
        prev_expires_ms INTEGER -- what the member's level was valid until before the change
        ))",
    R"(INSERT INTO new_level_changes(id, uuid, store_id, member_id, sale_id, from_level_id, to_level_id, cause,
        operator_id, reason, created_at_ms) SELECT id, uuid, store_id, member_id, sale_id, from_level_id, to_level_id,
        cause, operator_id, reason, created_at_ms FROM level_changes)",
    R"(DROP TABLE level_changes)",
    R"(ALTER TABLE new_level_changes RENAME TO level_changes)",
    R"(CREATE INDEX level_changes_member ON level_changes(member_id, id))",
    R"(CREATE INDEX level_changes_sale ON level_changes(sale_id))",
    // The member screen's count-card history (members/history.h) by member.
    R"(CREATE INDEX count_card_ledger_member ON count_card_ledger(member_id, id))",
    // Tags in use and how many members carry each, kept as tags are written (members/profile.h):
    // the list's tag filter and the form's suggestions read this, not a million tag rows.
    R"(CREATE TABLE tag_counts (tag TEXT PRIMARY KEY, members INTEGER NOT NULL CHECK (members >= 0)) WITHOUT ROWID)",
    R"(INSERT INTO tag_counts(tag, members) SELECT tag, count(*) FROM member_tags GROUP BY tag)",
};

// Version 17: 会员分析 (segments/aggregates.h) rebuilds every member's aggregate in one pass over
// the sales in member order. sales_member grows to cover the columns that pass reads, so it never
// visits the wide sales rows (receipt numbers, hashes): an index entry is a tenth of a row, and
// ten million of them are read in about a second. Lookups by member_id, created_at_ms use it as
// before.
static const std::vector<const char *> kVersion17 = {
    R"(DROP INDEX sales_member)",
    R"(CREATE INDEX sales_member ON sales(member_id, created_at_ms, kind, total_fen, original_sale_id)
        WHERE member_id IS NOT NULL)",
};

// Version 18: sales from another system (huike-cli import-sales, segments/salesimport.h), kept
// as history beside the till's own documents: no shift, payment, stock move or receipt chain of
// this till is theirs to change, and 会员分析 counts them with the till's own. A row of the file
// is a line; rows sharing a receipt number are one receipt.
//
// A member that the other system knew by a card number or its own code rather than a phone is
// created by that code: members is rebuilt so that phone may be NULL (UNIQUE still holds for the
// phones there are), with external_code beside it.
static const std::vector<const char *> kVersion18 = {
    R"(CREATE TABLE new_members (
        id INTEGER PRIMARY KEY,
        phone TEXT UNIQUE,
        name TEXT NOT NULL DEFAULT '',
        gender TEXT NOT NULL DEFAULT '',
        birthday TEXT NOT NULL DEFAULT '',
        store_id INTEGER REFERENCES stores(id),
        created_at_ms INTEGER NOT NULL,
        card_no TEXT,
        pinyin TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        consent INTEGER NOT NULL DEFAULT 0,
        consent_at_ms INTEGER,
        consent_how TEXT NOT NULL DEFAULT '',
        referrer_id INTEGER REFERENCES members(id),
        operator_id INTEGER REFERENCES operators(id),
        card_state TEXT NOT NULL DEFAULT 'active' CHECK (card_state IN ('active','lost','locked','replaced')),
        level_id INTEGER NOT NULL DEFAULT 1,
        growth INTEGER NOT NULL DEFAULT 0 CHECK (growth >= 0),
        net_spend_fen INTEGER NOT NULL DEFAULT 0,
        points INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0),
        principal_fen INTEGER NOT NULL DEFAULT 0 CHECK (principal_fen >= 0),
        bonus_fen INTEGER NOT NULL DEFAULT 0 CHECK (bonus_fen >= 0),
        pin_hash TEXT,
        pin_failures INTEGER NOT NULL DEFAULT 0,
        level_expires_ms INTEGER,
        level_base_growth INTEGER NOT NULL DEFAULT 0,
        level_base_spend_fen INTEGER NOT NULL DEFAULT 0,
        level_base_before_ms INTEGER NOT NULL DEFAULT 0,
        external_code TEXT, -- the other system's member code (import-sales), when it gave no phone
        CHECK (phone IS NOT NULL OR card_no IS NOT NULL OR external_code IS NOT NULL)))",
    R"(INSERT INTO new_members(id, phone, name, gender, birthday, store_id, created_at_ms, card_no, pinyin, address, notes, consent, consent_at_ms, consent_how, referrer_id, operator_id, card_state, level_id, growth, net_spend_fen, points, principal_fen, bonus_fen, pin_hash, pin_failures, level_expires_ms, level_base_growth, level_base_spend_fen, level_base_before_ms) SELECT id, phone, name, gender, birthday, store_id, created_at_ms, card_no, pinyin, address, notes, consent, consent_at_ms, consent_how, referrer_id, operator_id, card_state, level_id, growth, net_spend_fen, points, principal_fen, bonus_fen, pin_hash, pin_failures, level_expires_ms, level_base_growth, level_base_spend_fen, level_base_before_ms FROM members)",
    R"(DROP TABLE members)",
    R"(ALTER TABLE new_members RENAME TO members)",
    R"(CREATE UNIQUE INDEX members_card ON members(card_no) WHERE card_no IS NOT NULL)",
    R"(CREATE INDEX members_last4 ON members(substr(phone, -4)))",
    R"(CREATE INDEX members_pinyin ON members(pinyin))",
    R"(CREATE INDEX members_level ON members(level_id))",
    R"(CREATE INDEX members_birthday ON members(substr(birthday, -5)))",
    R"(CREATE INDEX members_level_expires ON members(level_expires_ms) WHERE level_expires_ms IS NOT NULL)",
    R"(CREATE UNIQUE INDEX members_external ON members(external_code) WHERE external_code IS NOT NULL)",
    // One run of import-sales over one file; the file's digest refuses it a second time.
    R"(CREATE TABLE sales_imports (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        file_digest TEXT NOT NULL,
        started_at_ms INTEGER NOT NULL,
        -- NULL while it runs, or when it was interrupted: its receipts count in 会员分析 only once
        -- it is finished (a run of the same file again removes an interrupted run's rows first)
        finished_at_ms INTEGER,
        -- 1, 2, 3... in the order imports finished: the engine's file marks how far it has folded
        finished_seq INTEGER UNIQUE,
        rows_read INTEGER NOT NULL DEFAULT 0,
        receipts_added INTEGER NOT NULL DEFAULT 0,
        members_created INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL DEFAULT 0))",
    R"(CREATE INDEX sales_imports_digest ON sales_imports(file_digest))",
    R"(CREATE TABLE history_sales (
        id INTEGER PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE, -- as the other system numbered it
        member_id INTEGER NOT NULL REFERENCES members(id),
        sold_at_ms INTEGER NOT NULL,
        total_fen INTEGER NOT NULL, -- the lines' sum: negative for a receipt that is all refund
        import_id INTEGER NOT NULL REFERENCES sales_imports(id)))",
    // 会员分析's rebuild reads the history in member order from this index alone; the engine folds
    // in each import when it is finished, by import_id.
    R"(CREATE INDEX history_sales_member ON history_sales(member_id, sold_at_ms, total_fen, import_id))",
    R"(CREATE INDEX history_sales_import ON history_sales(import_id))",
    R"(CREATE TABLE history_sale_lines (
        history_sale_id INTEGER NOT NULL REFERENCES history_sales(id),
        line_no INTEGER NOT NULL, -- the row's line in the file
        barcode TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        qty_milli INTEGER,
        amount_fen INTEGER NOT NULL,
        PRIMARY KEY (history_sale_id, line_no)) WITHOUT ROWID)",
};

// Version 19: growth value from RFM (members/rfmgrowth.h). Each period's end is applied once: a
// run row per period, and each member's change a growth_ledger row (kind 'rfm') whose uuid names
// the period and the member, so that a run cut off halfway and started again changes no member
// twice.
static const std::vector<const char *> kVersion19 = {
    R"(CREATE TABLE rfm_growth_runs (
        period_end TEXT PRIMARY KEY, -- the period's last local day, YYYY-MM-DD
        started_at_ms INTEGER NOT NULL,
        finished_at_ms INTEGER, -- NULL until every member is done
        scored INTEGER NOT NULL DEFAULT 0, -- members with RFM scores (who had bought by then)
        raised INTEGER NOT NULL DEFAULT 0,
        lowered INTEGER NOT NULL DEFAULT 0,
        level_changes INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)",
};

// Version 20: the till's print queue (sales/printjobs.h). A job is the printer's bytes, kept until
// the printer took them, so a receipt waiting on a printer with no paper prints after a restart.
static const std::vector<const char *> kVersion20 = {
    R"(CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY,
        terminal TEXT NOT NULL, -- the till whose printer it is for
        kind TEXT NOT NULL, -- receipt, reprint, test (open: a label or a kitchen ticket may follow)
        reference TEXT NOT NULL DEFAULT '', -- the receipt number
        payload BLOB NOT NULL, -- ESC/POS, emptied a week after it printed
        state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'printed', 'cancelled')),
        created_at_ms INTEGER NOT NULL,
        queued_at_ms INTEGER NOT NULL, -- when it was (last) put in line: retried for a while after
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        finished_at_ms INTEGER))",
    R"(CREATE INDEX print_jobs_waiting ON print_jobs(terminal, id) WHERE state = 'waiting')",
    R"(CREATE INDEX print_jobs_reference ON print_jobs(reference, state))",
};

// Version 21: 来电记录, the calls the caller-ID box reported at each till (members/calls.h), with the
// member each number belonged to when it rang.
static const std::vector<const char *> kVersion21 = {
    R"(CREATE TABLE call_log (
        id INTEGER PRIMARY KEY,
        terminal TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        number TEXT NOT NULL DEFAULT '', -- as the line gave it; '' when withheld
        withheld TEXT NOT NULL DEFAULT '', -- '', 'private' (P) or 'unavailable' (O)
        name TEXT NOT NULL DEFAULT '', -- the exchange's name for the caller, when it sent one
        reported TEXT NOT NULL DEFAULT '', -- the box's MMDDHHMM
        member_id INTEGER REFERENCES members(id)))",
    R"(CREATE INDEX call_log_at ON call_log(at_ms))",
    R"(CREATE INDEX call_log_member ON call_log(member_id) WHERE member_id IS NOT NULL)",
};

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> all = {{kVersion1}, {kVersion2}, {kVersion3, true, chainAllDocuments}, {kVersion4}, {kVersion5}, {kVersion6}, {kVersion7}, {kVersion8}, {kVersion9}, {kVersion10}, {kVersion11}, {kVersion12}, {kVersion13}, {kVersion14}, {kVersion15}, {kVersion16, true}, {kVersion17}, {kVersion18, true}, {kVersion19}, {kVersion20}, {kVersion21}};
    return all;
}

} // namespace huike
