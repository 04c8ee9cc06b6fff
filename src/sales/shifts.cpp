#include "shifts.h"

#include "operators/approvals.h"
#include "receipt.h"
#include "store/database.h"
#include "store/settings.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace huike {

namespace {
const QString kSelect = QStringLiteral("SELECT s.id, s.operator_id, o.name, s.terminal, s.opened_at_ms, "
                                       "s.float_fen, s.closed_at_ms, s.counted_fen "
                                       "FROM shifts s JOIN operators o ON o.id = s.operator_id ");

Shift readShift(const QSqlQuery &q)
{
    Shift s;
    s.id = q.value(0).toLongLong();
    s.operatorId = q.value(1).toLongLong();
    s.operatorName = q.value(2).toString();
    s.terminal = q.value(3).toString();
    s.openedAtMs = q.value(4).toLongLong();
    s.cashFloat = Money::fromFen(q.value(5).toLongLong());
    if (!q.value(6).isNull())
        s.closedAtMs = q.value(6).toLongLong();
    if (!q.value(7).isNull())
        s.counted = Money::fromFen(q.value(7).toLongLong());
    return s;
}
} // namespace

ShiftService::ShiftService(Database &db, const Clock &clock, const ShopTime &time, StoreContext store)
    : m_db(db), m_clock(clock), m_time(time), m_store(std::move(store))
{
}

std::optional<Shift> ShiftService::current()
{
    QSqlQuery &q = m_db.prepared(
        kSelect +
        QStringLiteral(
            "WHERE s.store_id = ? AND s.terminal = ? AND s.closed_at_ms IS NULL ORDER BY s.id DESC LIMIT 1"));
    q.bindValue(0, m_store.storeId);
    q.bindValue(1, m_store.terminal);
    std::optional<Shift> out;
    if (q.exec() && q.next())
        out = readShift(q);
    q.finish();
    return out;
}

Result<Shift> ShiftService::load(qint64 shiftId)
{
    QSqlQuery &q = m_db.prepared(kSelect + QStringLiteral("WHERE s.id = ?"));
    q.bindValue(0, shiftId);
    if (!q.exec())
        return storageError(q);
    if (!q.next()) {
        q.finish();
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Shifts", "No such shift."));
    }
    Shift s = readShift(q);
    q.finish();
    return s;
}

Result<Shift> ShiftService::open(qint64 operatorId, Money cashFloat)
{
    if (cashFloat.isNegative())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Shifts", "The cash float cannot be negative."));
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto cur = current())
        return makeError(
            ErrorCode::Conflict,
            QCoreApplication::translate("Shifts", "A shift is already open on this till (opened by %1).")
                .arg(cur->operatorName));
    const qint64 now = m_clock.nowMs();
    QSqlQuery &q = m_db.prepared(QStringLiteral("INSERT INTO shifts(store_id, terminal, operator_id, "
                                                "opened_at_ms, float_fen) VALUES (?, ?, ?, ?, ?)"));
    q.bindValue(0, m_store.storeId);
    q.bindValue(1, m_store.terminal);
    q.bindValue(2, operatorId);
    q.bindValue(3, now);
    q.bindValue(4, cashFloat.fen());
    if (!q.exec())
        return storageError(q);
    const qint64 id = q.lastInsertId().toLongLong();
    if (auto st = writeAudit(m_db, now, operatorId, 0, QStringLiteral("shift.open"), QString::number(id), {},
                             cashFloat.toString());
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return load(id);
}

Result<Shift> ShiftService::currentOrOpen(qint64 operatorId, Money cashFloat, bool *opened)
{
    if (opened)
        *opened = false;
    if (auto cur = current())
        return *cur;
    auto made = open(operatorId, cashFloat);
    if (!made && made.error().code == ErrorCode::Conflict) {
        // Another program opened it between our look and our write lock: use that one.
        if (auto cur = current())
            return *cur;
    }
    if (made && opened)
        *opened = true;
    return made;
}

Result<Shift> ShiftService::handOver(qint64 shiftId, qint64 toOperatorId, const QString &approvalToken)
{
    if (approvalToken.isEmpty())
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Shifts", "Handing a shift over needs a manager's approval."));
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requireOpenShift(m_db, m_store, shiftId); !st)
        return st.error();
    auto shift = load(shiftId);
    if (!shift)
        return shift.error();
    if (shift->operatorId == toOperatorId)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Shifts", "The shift is already %1's.").arg(shift->operatorName));
    const qint64 now = m_clock.nowMs();
    auto used = consumeApproval(m_db, now, approvalToken,
                                ApprovalScope{kApproveHandover, QString::number(shiftId), Money()});
    if (!used)
        return used.error();
    QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE shifts SET operator_id = ? WHERE id = ? AND closed_at_ms IS NULL"));
    q.bindValue(0, toOperatorId);
    q.bindValue(1, shiftId);
    if (!q.exec())
        return storageError(q);
    if (auto st = writeAudit(m_db, now, toOperatorId, used->managerId, QStringLiteral("shift.handover"),
                             QString::number(shiftId), {},
                             QStringLiteral("from %1 (%2)").arg(shift->operatorId).arg(shift->operatorName));
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return load(shiftId);
}

Result<ShiftReport> ShiftService::report(qint64 shiftId)
{
    auto shift = load(shiftId);
    if (!shift)
        return shift.error();
    ShiftReport r;
    r.shift = *shift;
    r.counted = shift->counted;
    {
        QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT kind, COUNT(*), COALESCE(SUM(total_fen), 0), "
                                                    "COALESCE(SUM(discount_fen + rounding_fen), 0) "
                                                    "FROM sales WHERE shift_id = ? GROUP BY kind"));
        q.bindValue(0, shiftId);
        if (!q.exec())
            return storageError(q);
        while (q.next()) {
            const QString kind = q.value(0).toString();
            const int n = q.value(1).toInt();
            const Money total = Money::fromFen(q.value(2).toLongLong());
            if (kind == QLatin1String("sale")) {
                r.saleCount = n;
                r.salesTotal = total;
                r.discounts = Money::fromFen(q.value(3).toLongLong());
            } else if (kind == QLatin1String("refund")) {
                r.refundCount = n;
                r.refundsTotal = total;
            } else if (kind == QLatin1String("recharge")) {
                r.rechargeCount = n;
                r.rechargesTotal = total;
            } else if (kind == QLatin1String("recharge_refund")) {
                r.rechargeRefundCount = n;
                r.rechargeRefundsTotal = total;
            } else {
                r.voidCount = n;
                r.voidsTotal = total;
            }
        }
        q.finish();
    }
    // Every kind this till offers, and any other kind that was taken in the shift.
    for (const TenderKind &k : tenderKinds())
        r.byTender.append(TenderTotal{k.tender, Money(), Money()});
    {
        QSqlQuery &q = m_db.prepared(QStringLiteral(
            "SELECT p.tender, k.sign > 0, COALESCE(SUM(p.amount_fen), 0) FROM payments p "
            "JOIN sales s ON s.id = p.sale_id JOIN document_kinds k ON k.key = s.kind WHERE s.shift_id = ? "
            "GROUP BY p.tender, k.sign > 0"));
        q.bindValue(0, shiftId);
        if (!q.exec())
            return storageError(q);
        while (q.next()) {
            const Tender t = Tender::fromKey(q.value(0).toString());
            auto it = std::find_if(r.byTender.begin(), r.byTender.end(),
                                   [&](const TenderTotal &tt) { return tt.tender == t; });
            if (it == r.byTender.end())
                it = r.byTender.insert(r.byTender.end(), TenderTotal{t, Money(), Money()});
            (q.value(1).toBool() ? it->sales : it->refunds) += Money::fromFen(q.value(2).toLongLong());
        }
        q.finish();
    }
    r.expectedCash = shift->cashFloat;
    for (const TenderTotal &tt : r.byTender)
        if (tt.tender == Tender::Cash)
            r.expectedCash += tt.net();
    return r;
}

Result<ShiftReport> ShiftService::close(qint64 shiftId, Money counted, qint64 operatorId)
{
    if (counted.isNegative())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Shifts", "The counted cash cannot be negative."));
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    auto r = report(shiftId);
    if (!r)
        return r;
    if (r->shift.closedAtMs)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Shifts", "This shift is already closed."));
    const qint64 now = m_clock.nowMs();
    if (auto st =
            m_db.exec(QStringLiteral("UPDATE shifts SET closed_at_ms = ?, closed_by = ?, counted_fen = ?, "
                                     "expected_fen = ? WHERE id = ? AND closed_at_ms IS NULL"),
                      {now, operatorId, counted.fen(), r->expectedCash.fen(), shiftId});
        !st)
        return st.error();
    if (auto st = writeAudit(
            m_db, now, operatorId, 0, QStringLiteral("shift.close"), QString::number(shiftId), {},
            QStringLiteral("expected %1 counted %2").arg(r->expectedCash.toString(), counted.toString()));
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    r->counted = counted;
    r->shift.closedAtMs = now;
    r->shift.counted = counted;
    return r;
}

QString ShiftService::renderReport(const ShiftReport &r, int columns) const
{
    PrintLayout t(columns);
    t.center(QCoreApplication::translate("Shifts", "Shift report"));
    t.rule();
    t.pair(QCoreApplication::translate("Shifts", "Till"), r.shift.terminal);
    t.pair(QCoreApplication::translate("Shifts", "Cashier"), r.shift.operatorName);
    t.pair(QCoreApplication::translate("Shifts", "Opened"), m_time.format(r.shift.openedAtMs));
    if (r.shift.closedAtMs)
        t.pair(QCoreApplication::translate("Shifts", "Closed"), m_time.format(*r.shift.closedAtMs));
    t.rule();
    t.pair(QCoreApplication::translate("Shifts", "Sales (%1)").arg(r.saleCount), r.salesTotal.toString());
    t.pair(QCoreApplication::translate("Shifts", "Discounts given"), r.discounts.toString());
    t.pair(QCoreApplication::translate("Shifts", "Refunds (%1)").arg(r.refundCount),
           r.refundsTotal.toString());
    t.pair(QCoreApplication::translate("Shifts", "Voids (%1)").arg(r.voidCount), r.voidsTotal.toString());
    t.pair(QCoreApplication::translate("Shifts", "Net takings"),
           (r.salesTotal + r.refundsTotal + r.voidsTotal).toString());
    if (r.rechargeCount > 0 || r.rechargeRefundCount > 0) {
        t.pair(QCoreApplication::translate("Shifts", "Recharges (%1)").arg(r.rechargeCount), r.rechargesTotal.toString());
        t.pair(QCoreApplication::translate("Shifts", "Recharge refunds (%1)").arg(r.rechargeRefundCount),
               r.rechargeRefundsTotal.toString());
    }
    t.rule();
    for (const TenderTotal &tt : r.byTender) {
        t.pair(tenderLabel(tt.tender), tt.net().toString());
        if (tt.refunds.fen() != 0)
            t.pair(QStringLiteral("  ") + QCoreApplication::translate("Shifts", "of which refunded"),
                   tt.refunds.toString());
    }
    t.rule();
    t.pair(QCoreApplication::translate("Shifts", "Cash float"), r.shift.cashFloat.toString());
    t.pair(QCoreApplication::translate("Shifts", "Expected cash"), r.expectedCash.toString());
    if (r.counted) {
        t.pair(QCoreApplication::translate("Shifts", "Counted cash"), r.counted->toString());
        const Money d = r.difference();
        t.pair(d.isNegative() ? QCoreApplication::translate("Shifts", "Short")
                              : QCoreApplication::translate("Shifts", "Over"),
               d.toString());
    }
    return t.text();
}

} // namespace huike
