#include "history.h"

#include "store/database.h"
#include "store/statement.h"

namespace huike {

Result<QList<HistoryEntry>> memberHistory(Database &db, qint64 memberId, MemberLedger ledger, int limit)
{
    // Each ledger's rows as (at, kind, amount, amount2, receipt, reason, operator, what), read by
    // its (member_id, id) index: the newest first without sorting a member's whole history.
    const QString who = QStringLiteral("COALESCE((SELECT o.name FROM operators o WHERE o.id = x.operator_id), '')");
    const QString receipt = QStringLiteral("COALESCE((SELECT s.receipt_no FROM sales s WHERE s.id = x.sale_id), '')");
    QString sql;
    switch (ledger) {
    case MemberLedger::Points:
        sql = QStringLiteral("SELECT x.created_at_ms, x.kind, x.points, COALESCE((SELECT l.expires_at_ms FROM "
                             "points_lots l WHERE l.id = x.lot_id), 0), {receipt}, x.reason, {who}, '' FROM points_ledger x "
                             "WHERE x.member_id = ? ORDER BY x.id DESC LIMIT ?");
        break;
    case MemberLedger::Stored:
        sql = QStringLiteral("SELECT x.created_at_ms, x.kind, x.principal_fen, x.bonus_fen, {receipt}, x.reason, {who}, '' "
                             "FROM stored_ledger x WHERE x.member_id = ? ORDER BY x.id DESC LIMIT ?");
        break;
    case MemberLedger::Growth:
        sql = QStringLiteral("SELECT x.created_at_ms, x.kind, x.growth, x.spend_fen, {receipt}, x.reason, {who}, '' FROM "
                             "growth_ledger x WHERE x.member_id = ? ORDER BY x.id DESC LIMIT ?");
        break;
    case MemberLedger::Levels:
        sql = QStringLiteral("SELECT x.created_at_ms, x.cause, 0, 0, {receipt}, x.reason, {who}, COALESCE((SELECT name FROM "
                             "member_levels WHERE id = x.from_level_id), '') || ' → ' || COALESCE((SELECT name FROM "
                             "member_levels WHERE id = x.to_level_id), '') FROM level_changes x WHERE x.member_id = ? "
                             "ORDER BY x.id DESC LIMIT ?");
        break;
    case MemberLedger::CountCards:
        sql = QStringLiteral("SELECT x.created_at_ms, x.kind, x.uses, COALESCE(x.expires_at_ms, 0), {receipt}, x.reason, "
                             "{who}, COALESCE((SELECT p.name FROM count_cards c JOIN count_card_plans p ON p.id = "
                             "c.plan_id WHERE c.id = x.card_id), '') FROM count_card_ledger x WHERE x.member_id = ? "
                             "ORDER BY x.id DESC LIMIT ?");
        break;
    case MemberLedger::CardEvents:
        sql = QStringLiteral("SELECT x.at_ms, x.action, 0, 0, '', x.reason, {who}, x.details FROM audit_log x WHERE "
                             "x.target = CAST(? AS TEXT) AND substr(x.action, 1, 7) = 'member.' ORDER BY x.id DESC LIMIT ?");
        break;
    case MemberLedger::Purchases:
        sql = QStringLiteral("SELECT x.created_at_ms, x.kind, x.total_fen, (SELECT count(*) FROM sale_lines l "
                             "WHERE l.sale_id = x.id), x.receipt_no, x.reason, {who}, '' FROM sales x WHERE "
                             "x.member_id = ? ORDER BY x.created_at_ms DESC, x.id DESC LIMIT ?");
        break;
    }
    sql.replace(QStringLiteral("{receipt}"), receipt).replace(QStringLiteral("{who}"), who);
    auto rows = db.statement(sql).select({memberId, limit});
    if (!rows)
        return rows.error();
    QList<HistoryEntry> out;
    out.reserve(rows->size());
    for (const QVariantList &r : *rows)
        out.append(HistoryEntry{r.at(0).toLongLong(), r.at(1).toString(), r.at(2).toLongLong(), r.at(3).toLongLong(),
                                r.at(4).toString(), r.at(5).toString(), r.at(6).toString(), r.at(7).toString()});
    return out;
}

} // namespace huike
