#include "storedvalue.h"

#include "core/uuid.h"
#include "earnings.h"
#include "members.h"
#include "operators/operators.h"
#include "sales/checkout.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>

namespace huike {

namespace {

Status appendStored(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 lotId, const QString &kind,
                    StoredBalance amount, const QString &reason, qint64 authorizedBy)
{
    return db
        .statement(QStringLiteral("INSERT INTO stored_ledger(uuid, store_id, member_id, sale_id, lot_id, kind, "
                                  "principal_fen, bonus_fen, operator_id, authorized_by, reason, created_at_ms) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .exec({newUuid(), idOrNull(ctx.storeId), memberId, idOrNull(ctx.documentId), lotId, kind,
               amount.principal.fen(), amount.bonus.fen(), idOrNull(ctx.operatorId), idOrNull(authorizedBy),
               nonNull(reason), ctx.nowMs});
}

// The member row caches the ledger's sums; both are CHECKed >= 0 on the row.
Status addToBalance(Database &db, qint64 memberId, StoredBalance delta)
{
    Statement &u = db.statement(
        QStringLiteral("UPDATE members SET principal_fen = principal_fen + ?, bonus_fen = bonus_fen + ? WHERE id = ?"));
    if (auto st = u.exec({delta.principal.fen(), delta.bonus.fen(), memberId}); !st)
        return st;
    if (u.changes() != 1)
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    return Ok{};
}

// Moves `delta` into (positive) or out of (negative) one lot: the guarded update, exactly one row.
Status moveLot(Database &db, qint64 lotId, StoredBalance delta)
{
    Statement &u = db.statement(QStringLiteral(
        "UPDATE stored_lots SET principal_left_fen = principal_left_fen + ?1, bonus_left_fen = bonus_left_fen + ?2 "
        "WHERE id = ?3 AND principal_left_fen + ?1 >= 0 AND bonus_left_fen + ?2 >= 0"));
    if (auto st = u.exec({delta.principal.fen(), delta.bonus.fen(), lotId}); !st)
        return st;
    if (u.changes() != 1)
        return makeError(ErrorCode::Conflict, QCoreApplication::translate(
                                                  "Members", "The member's stored value changed meanwhile: try again."));
    return Ok{};
}

StoredBalance negated(StoredBalance b)
{
    return StoredBalance{-b.principal, -b.bonus};
}

// A PIN as members choose them: 4 to 6 digits (the keypad at the counter has nothing else).
bool pinShapeOk(const QString &pin)
{
    return pin.size() >= 4 && pin.size() <= 6 &&
           std::all_of(pin.cbegin(), pin.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

Result<StoredBalance> storedBalance(Database &db, qint64 memberId)
{
    auto rows = db.statement(QStringLiteral("SELECT principal_fen, bonus_fen FROM members WHERE id = ?")).select({memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    return StoredBalance{Money::fromFen(rows->first().at(0).toLongLong()), Money::fromFen(rows->first().at(1).toLongLong())};
}

Money RechargeBonusRules::bonusFor(Money amount) const
{
    Money best;
    for (const RechargeTier &t : tiers)
        if (t.active && amount >= t.minimum)
            best = t.bonus; // lowest minimum first: the last one reached is the highest tier
    return best;
}

Result<RechargeBonusRules> loadRechargeBonusRules(Database &db)
{
    auto rows = db.statement(QStringLiteral("SELECT id, min_fen, bonus_fen, active FROM recharge_bonus_rules "
                                            "WHERE active <> 0 ORDER BY min_fen"))
                    .select();
    if (!rows)
        return rows.error();
    RechargeBonusRules r;
    for (const QVariantList &row : *rows)
        r.tiers.append(RechargeTier{row.at(0).toLongLong(), Money::fromFen(row.at(1).toLongLong()),
                                    Money::fromFen(row.at(2).toLongLong()), row.at(3).toBool()});
    return r;
}

Status saveRechargeBonusRules(Database &db, const QList<RechargeTier> &tiers, Money approvalAbove,
                              qint64 operatorId, qint64 nowMs)
{
    QSet<qint64> minimums;
    QStringList said;
    for (const RechargeTier &t : tiers) {
        if (t.minimum.fen() <= 0 || t.bonus.isNegative() || t.bonus >= t.minimum)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Members", "充%1送%2: a tier asks more than zero and gives less "
                                                                    "than it asks.")
                                 .arg(t.minimum.toString(), t.bonus.toString()));
        if (minimums.contains(t.minimum.fen()))
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Members", "Two tiers start at %1.").arg(t.minimum.display()));
        minimums.insert(t.minimum.fen());
        said << QStringLiteral("%1+%2").arg(t.minimum.fen()).arg(t.bonus.fen());
    }
    if (approvalAbove.isNegative())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "The approval limit cannot be negative."));
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(db, operatorId, Permission::Settings); !st)
        return st;
    if (auto st = Settings(db).set(StoredValueService::kApprovalAboveFen, QString::number(approvalAbove.fen())); !st)
        return st;
    if (auto st = db.exec(QStringLiteral("UPDATE recharge_bonus_rules SET active = 0")); !st)
        return st;
    for (const RechargeTier &t : tiers)
        if (auto st = db.exec(QStringLiteral("INSERT INTO recharge_bonus_rules(min_fen, bonus_fen, active) VALUES (?, ?, 1) "
                                             "ON CONFLICT(min_fen) DO UPDATE SET bonus_fen = excluded.bonus_fen, active = 1"),
                              {t.minimum.fen(), t.bonus.fen()});
            !st)
            return st;
    if (auto st = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("programme.recharge_bonus"), {}, {},
                             said.join(QLatin1Char(' ')) + QStringLiteral("; approval above %1").arg(approvalAbove.fen()));
        !st)
        return st;
    return tx.commit();
}

Result<qint64> creditStored(Database &db, const LedgerContext &ctx, qint64 memberId, StoredBalance amount,
                            const QString &kind, const QString &reason, qint64 authorizedBy)
{
    if (amount.principal.isNegative() || amount.bonus.isNegative() || amount.total().fen() <= 0)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "Stored value put in must be more than zero."));
    Statement &lot = db.statement(QStringLiteral(
        "INSERT INTO stored_lots(uuid, store_id, member_id, sale_id, kind, principal_fen, bonus_fen, "
        "principal_left_fen, bonus_left_fen, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (auto st = lot.exec({newUuid(), idOrNull(ctx.storeId), memberId, idOrNull(ctx.documentId), kind,
                            amount.principal.fen(), amount.bonus.fen(), amount.principal.fen(), amount.bonus.fen(),
                            ctx.nowMs});
        !st)
        return st.error();
    const qint64 lotId = lot.lastInsertId();
    if (auto st = appendStored(db, ctx, memberId, lotId, kind, amount, reason, authorizedBy); !st)
        return st.error();
    if (auto st = addToBalance(db, memberId, amount); !st)
        return st.error();
    return lotId;
}

Result<StoredBalance> spendStored(Database &db, const LedgerContext &ctx, qint64 memberId, Money amount,
                                  const QString &kind, const QString &reason, qint64 authorizedBy)
{
    StoredBalance taken;
    if (amount.fen() <= 0)
        return taken;
    auto lots = db.statement(QStringLiteral("SELECT id, principal_left_fen, bonus_left_fen FROM stored_lots "
                                            "WHERE member_id = ? AND principal_left_fen + bonus_left_fen > 0 ORDER BY id"))
                    .select({memberId});
    if (!lots)
        return lots.error();
    Money held;
    for (const QVariantList &l : *lots)
        held += Money::fromFen(l.at(1).toLongLong() + l.at(2).toLongLong());
    if (held < amount)
        return makeError(ErrorCode::InsufficientFunds,
                         QCoreApplication::translate("Members",
                                                     "Insufficient balance: the member's stored value is %1, %2 "
                                                     "is needed (%3 short).")
                             .arg(held.display(), amount.display(), (amount - held).display()));
    Money left = amount;
    for (const QVariantList &l : *lots) {
        if (left.fen() == 0)
            break;
        const qint64 p = l.at(1).toLongLong();
        const qint64 b = l.at(2).toLongLong();
        const qint64 take = std::min(left.fen(), p + b);
        // The lot's own ratio: what is left of it keeps the ratio it was recharged at, and its last
        // fen takes exactly what is left of each part.
        qint64 bonus = take == p + b ? b : divRoundHalfUp(Int128(take) * b, p + b);
        bonus = std::clamp<qint64>(bonus, std::max<qint64>(0, take - p), std::min(b, take));
        const StoredBalance part{Money::fromFen(take - bonus), Money::fromFen(bonus)};
        if (auto st = moveLot(db, l.at(0).toLongLong(), negated(part)); !st)
            return st.error();
        if (auto st = appendStored(db, ctx, memberId, l.at(0).toLongLong(), kind, negated(part), reason, authorizedBy);
            !st)
            return st.error();
        taken.principal += part.principal;
        taken.bonus += part.bonus;
        left -= Money::fromFen(take);
    }
    if (auto st = addToBalance(db, memberId, negated(taken)); !st)
        return st.error();
    return taken;
}

Status returnStored(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 originalSaleId, Money amount)
{
    if (amount.fen() <= 0)
        return Ok{};
    // What the sale took from each lot, and what refunds of it gave back so far; the last taken first.
    auto lots = db.statement(QStringLiteral(
                                 "SELECT g.lot_id, "
                                 "  -SUM(CASE WHEN g.sale_id = ?1 THEN g.principal_fen ELSE 0 END), "
                                 "  -SUM(CASE WHEN g.sale_id = ?1 THEN g.bonus_fen ELSE 0 END), "
                                 "  SUM(CASE WHEN g.sale_id <> ?1 THEN g.principal_fen ELSE 0 END), "
                                 "  SUM(CASE WHEN g.sale_id <> ?1 THEN g.bonus_fen ELSE 0 END) "
                                 "FROM stored_ledger g WHERE (g.sale_id = ?1 AND g.kind = 'spend') OR "
                                 "  (g.kind = 'refund_spend' AND g.sale_id IN (SELECT id FROM sales WHERE original_sale_id = ?1)) "
                                 "GROUP BY g.lot_id ORDER BY g.lot_id DESC"))
                    .select({originalSaleId});
    if (!lots)
        return lots.error();
    Money left = amount;
    StoredBalance given;
    for (const QVariantList &l : *lots) {
        if (left.fen() == 0)
            break;
        const qint64 takenP = l.at(1).toLongLong();
        const qint64 takenB = l.at(2).toLongLong();
        const qint64 backP = l.at(3).toLongLong();
        const qint64 backB = l.at(4).toLongLong();
        const qint64 open = takenP + takenB - backP - backB;
        const qint64 back = std::min(left.fen(), open);
        if (back <= 0)
            continue;
        // The cumulative share of the split it was taken in: several refunds add up to the sale.
        qint64 bonus = back == open ? takenB - backB
                                    : divRoundHalfUp(Int128(takenB) * (backP + backB + back), takenP + takenB) - backB;
        bonus = std::clamp<qint64>(bonus, 0, std::min(back, takenB - backB));
        const StoredBalance part{Money::fromFen(back - bonus), Money::fromFen(bonus)};
        if (auto st = moveLot(db, l.at(0).toLongLong(), part); !st)
            return st;
        if (auto st = appendStored(db, ctx, memberId, l.at(0).toLongLong(), QStringLiteral("refund_spend"), part, {}, 0);
            !st)
            return st;
        given.principal += part.principal;
        given.bonus += part.bonus;
        left -= Money::fromFen(back);
    }
    if (left.fen() != 0)
        return makeError(ErrorCode::Conflict, QCoreApplication::translate(
                                                  "Members", "The refund gives back more stored value than the sale took."));
    return addToBalance(db, memberId, given);
}

Result<bool> memberHasPin(Database &db, qint64 memberId)
{
    auto rows = db.statement(QStringLiteral("SELECT pin_hash IS NOT NULL AND pin_hash <> '' FROM members WHERE id = ?"))
                    .select({memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    return rows->first().at(0).toBool();
}

Status checkMemberPin(Database &db, qint64 memberId, const QString &pin)
{
    auto rows = db.statement(QStringLiteral("SELECT COALESCE(pin_hash, ''), pin_failures FROM members WHERE id = ?"))
                    .select({memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    const QString hash = rows->first().at(0).toString();
    const qint64 failures = rows->first().at(1).toLongLong();
    if (hash.isEmpty())
        return Ok{};
    if (failures >= kMemberPinFailureLimit)
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Members", "The member's PIN was entered wrong %1 times: stored "
                                                                "value is locked until a manager resets the PIN.")
                             .arg(failures));
    if (pin.isEmpty())
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Members", "The member set a PIN for stored value: ask them to type it."));
    const bool good = OperatorService::verifyPin(hash, pin);
    if (good && failures == 0)
        return Ok{};
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = db.statement(QStringLiteral("UPDATE members SET pin_failures = ? WHERE id = ?"))
                      .exec({good ? 0 : failures + 1, memberId});
        !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    if (good)
        return Ok{};
    const qint64 left = kMemberPinFailureLimit - failures - 1;
    return makeError(ErrorCode::Denied,
                     left > 0 ? QCoreApplication::translate("Members", "Wrong member PIN (%1 tries left).").arg(left)
                              : QCoreApplication::translate("Members", "Wrong member PIN: stored value is now locked "
                                                                       "until a manager resets the PIN."));
}

ApprovalScope memberPinScope(qint64 memberId)
{
    return ApprovalScope{kApproveMemberPin, QString::number(memberId), Money()};
}

Status setMemberPin(Database &db, const Clock &clock, qint64 memberId, const QString &newPin,
                    const QString &currentPin, qint64 operatorId, const QString &approvalToken)
{
    if (!newPin.isEmpty() && !pinShapeOk(newPin))
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "A member PIN is 4 to 6 digits."));
    auto has = memberHasPin(db, memberId);
    if (!has)
        return has.error();
    // Argon2 before the write lock: hashing takes a while, and the till next door is selling.
    QString hash;
    if (!newPin.isEmpty()) {
        hash = OperatorService::hashPin(newPin);
        if (hash.isEmpty())
            return makeError(ErrorCode::Storage,
                             QCoreApplication::translate("Operators", "Cannot hash the PIN (out of memory)."));
    }
    bool reset = false;
    if (*has && approvalToken.isEmpty()) {
        auto rows = db.statement(QStringLiteral("SELECT pin_hash, pin_failures FROM members WHERE id = ?")).select({memberId});
        if (!rows)
            return rows.error();
        if (rows->first().at(1).toLongLong() >= kMemberPinFailureLimit || currentPin.isEmpty() ||
            !OperatorService::verifyPin(rows->first().at(0).toString(), currentPin))
            return makeError(ErrorCode::Denied,
                             QCoreApplication::translate("Members", "The current member PIN is needed to change it (a "
                                                                    "forgotten PIN is reset by a manager)."));
    }
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    const qint64 now = clock.nowMs();
    qint64 managerId = 0;
    if (*has && !approvalToken.isEmpty()) {
        auto used = consumeApproval(db, now, approvalToken, memberPinScope(memberId));
        if (!used)
            return used.error();
        managerId = used->managerId;
        reset = true;
    }
    if (auto st = db.statement(QStringLiteral("UPDATE members SET pin_hash = ?, pin_failures = 0 WHERE id = ?"))
                      .exec({hash.isEmpty() ? QVariant() : QVariant(hash), memberId});
        !st)
        return st;
    const QString what = newPin.isEmpty() ? QStringLiteral("removed") : reset ? QStringLiteral("reset")
                         : *has                                        ? QStringLiteral("changed")
                                                                       : QStringLiteral("set");
    if (auto st = writeAudit(db, now, operatorId, managerId, QStringLiteral("member.pin"), QString::number(memberId), {},
                             what);
        !st)
        return st;
    return tx.commit();
}

StoredValueService::StoredValueService(Database &db, const Clock &clock, const ShopTime &time, StoreContext store,
                                       Settings &settings)
    : m_db(db), m_clock(clock), m_time(time), m_store(std::move(store)), m_settings(settings)
{
}

Money StoredValueService::approvalLimit() const
{
    return Money::fromFen(std::max<qint64>(0, m_settings.integer(kApprovalAboveFen, 500000)));
}

ApprovalScope StoredValueService::rechargeScope(qint64 memberId, Money amount)
{
    return ApprovalScope{kApproveRecharge, QString::number(memberId), amount};
}

Result<RechargeResult> StoredValueService::recharge(const RechargeRequest &request)
{
    if (request.uuid.isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Members", "A recharge needs its id."));
    if (request.amount.fen() <= 0 || request.amount.fen() > kMaxAmountFen)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "A recharge is more than zero and at most %1.")
                             .arg(Money::fromFen(kMaxAmountFen).display()));
    for (const TenderInput &t : request.tenders)
        if (const TenderKind *k = tenderKind(t.tender); k && k->needsMember)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Members", "A recharge is paid in money: not with %1.")
                                 .arg(tenderLabel(t.tender)));
    auto payments = settlePayments(request.amount, request.tenders);
    if (!payments)
        return payments.error();
    auto bonusRules = loadRechargeBonusRules(m_db);
    if (!bonusRules)
        return bonusRules.error();

    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    auto existing = findDocumentByUuid(m_db, request.uuid);
    if (!existing)
        return existing.error();
    if (existing->has_value()) {
        auto after = storedBalance(m_db, request.memberId);
        if (!after)
            return after.error();
        return RechargeResult{**existing, {}, *after};
    }
    if (auto st = requireOpenShift(m_db, m_store, request.shiftId, request.operatorId); !st)
        return st.error();
    // The card as it is now: a lost or locked card takes no money.
    if (auto member = memberPrice(m_db, request.memberId); !member)
        return member.error();
    const qint64 now = m_clock.nowMs();
    std::optional<UsedApproval> approval;
    if (needsManager(request.amount)) {
        if (request.approvalToken.isEmpty())
            return makeError(ErrorCode::Denied,
                             QCoreApplication::translate("Members", "A recharge above %1 needs a manager's PIN (大额充值授权).")
                                 .arg(approvalLimit().display()));
        auto used = consumeApproval(m_db, now, request.approvalToken, rechargeScope(request.memberId, request.amount));
        if (!used)
            return used.error();
        approval = *used;
    }
    const qint64 managerId = approval ? approval->managerId : 0;
    Document doc;
    doc.uuid = request.uuid;
    doc.kind = QStringLiteral("recharge");
    doc.shiftId = request.shiftId;
    doc.operatorId = request.operatorId;
    doc.authorizedBy = managerId;
    doc.memberId = request.memberId;
    doc.subtotal = request.amount;
    doc.total = request.amount;
    doc.payments = *payments;
    auto written = writeDocument(m_db, m_store, m_time, now, doc);
    if (!written)
        return written.error();
    const StoredBalance credited{request.amount, bonusRules->bonusFor(request.amount)};
    const LedgerContext ctx{m_store.storeId, written->saleId, request.operatorId, now, &m_time};
    if (auto lot = creditStored(m_db, ctx, request.memberId, credited, QStringLiteral("recharge"), {}, managerId); !lot)
        return lot.error();
    if (approval) {
        if (auto st = linkApproval(m_db, *approval, written->saleId); !st)
            return st.error();
        if (auto st = writeAudit(m_db, now, request.operatorId, managerId, QStringLiteral("stored.recharge"),
                                 written->receiptNo, {}, request.amount.toString());
            !st)
            return st.error();
    }
    auto after = storedBalance(m_db, request.memberId);
    if (!after)
        return after.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return RechargeResult{*written, credited, *after};
}

Result<bool> StoredValueService::isRecharge(const QString &typed)
{
    auto no = resolveReceiptNo(m_db, m_store, m_time.businessDay(m_clock.nowMs()), typed);
    if (!no)
        return no.error();
    auto rows = m_db.statement(QStringLiteral("SELECT kind FROM sales WHERE receipt_no = ?")).select({*no});
    if (!rows)
        return rows.error();
    return !rows->isEmpty() && rows->first().at(0).toString() == QLatin1String("recharge");
}

Result<StoredValueService::RechargeRefund> StoredValueService::planRefund(const QString &typed, Payout payout)
{
    auto no = resolveReceiptNo(m_db, m_store, m_time.businessDay(m_clock.nowMs()), typed);
    if (!no)
        return no.error();
    auto rows = m_db.statement(QStringLiteral("SELECT s.id, s.kind, COALESCE(s.member_id, 0), l.id, "
                                              "l.principal_left_fen, l.bonus_left_fen FROM sales s "
                                              "LEFT JOIN stored_lots l ON l.sale_id = s.id WHERE s.receipt_no = ?"))
                    .select({*no});
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().at(1).toString() != QLatin1String("recharge") ||
        rows->first().at(3).isNull())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "%1 is not a recharge.").arg(*no));
    const QVariantList &r = rows->first();
    RechargeRefund plan;
    plan.receiptNo = *no;
    plan.lotId = r.at(3).toLongLong();
    plan.left = StoredBalance{Money::fromFen(r.at(4).toLongLong()), Money::fromFen(r.at(5).toLongLong())};
    if (plan.left.principal.fen() <= 0)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Members", "Nothing of recharge %1 is left to pay back: it was "
                                                                "spent or refunded.")
                             .arg(*no));
    Document &doc = plan.doc;
    doc.kind = QStringLiteral("recharge_refund");
    doc.originalSaleId = r.at(0).toLongLong();
    doc.memberId = r.at(2).toLongLong();
    doc.subtotal = -plan.left.principal;
    doc.total = -plan.left.principal;
    auto original = loadPayments(m_db, doc.originalSaleId);
    if (!original)
        return original.error();
    auto paid = paidBackByTender(m_db, doc.originalSaleId);
    if (!paid)
        return paid.error();
    Money left = plan.left.principal;
    doc.payments = payBackThrough(*original, left, *paid);
    if (left.fen() != 0) // the principal left is never more than what the recharge took
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Returns", "The refund exceeds what was paid on %1.").arg(*no));
    if (payout == Payout::Cash) {
        plan.cashInstead = std::any_of(doc.payments.cbegin(), doc.payments.cend(),
                                       [](const DocumentPayment &p) { return !(p.tender == Tender::Cash); });
        doc.payments = {DocumentPayment{Tender::Cash, doc.total, doc.total, Money(), QString()}};
    }
    return plan;
}

Result<StoredValueService::RefundPreview> StoredValueService::refundPreview(const QString &receiptNo, Payout payout)
{
    auto plan = planRefund(receiptNo, payout);
    if (!plan)
        return plan.error();
    auto recharged = m_db.statement(QStringLiteral("SELECT total_fen FROM sales WHERE id = ?"))
                         .select({plan->doc.originalSaleId});
    if (!recharged)
        return recharged.error();
    return RefundPreview{plan->receiptNo,
                         plan->doc.memberId,
                         Money::fromFen(recharged->isEmpty() ? 0 : recharged->first().at(0).toLongLong()),
                         plan->left,
                         plan->doc.payments,
                         ApprovalScope{plan->cashInstead ? kApproveRefundCash : kApproveRefund, plan->receiptNo,
                                       plan->left.principal}};
}

Result<ApprovalScope> StoredValueService::refundScope(const QString &receiptNo, Payout payout)
{
    auto preview = refundPreview(receiptNo, payout);
    if (!preview)
        return preview.error();
    return preview->scope;
}

Result<SaleResult> StoredValueService::refundRecharge(const QString &uuid, const QString &receiptNo,
                                                      const QString &reason, qint64 operatorId,
                                                      const QString &approvalToken, qint64 shiftId, Payout payout)
{
    if (uuid.isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Returns", "A refund needs its id."));
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Returns", "Give a reason for the refund or void."));
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    auto existing = findDocumentByUuid(m_db, uuid);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;
    if (auto st = requireOpenShift(m_db, m_store, shiftId); !st)
        return st.error();
    // Read inside the write lock: a sale spending the same lot cannot slip in between.
    auto plan = planRefund(receiptNo, payout);
    if (!plan)
        return plan.error();
    const qint64 now = m_clock.nowMs();
    if (approvalToken.isEmpty())
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Returns", "Refunds and voids need a manager's PIN."));
    auto approval = consumeApproval(m_db, now, approvalToken,
                                    ApprovalScope{plan->cashInstead ? kApproveRefundCash : kApproveRefund,
                                                  plan->receiptNo, plan->left.principal});
    if (!approval)
        return approval.error();
    Document doc = plan->doc;
    doc.uuid = uuid;
    doc.shiftId = shiftId;
    doc.operatorId = operatorId;
    doc.authorizedBy = approval->managerId;
    doc.reason = reason.trimmed();
    auto written = writeDocument(m_db, m_store, m_time, now, doc);
    if (!written)
        return written;
    if (auto st = linkApproval(m_db, *approval, written->saleId); !st)
        return st.error();
    // The principal left goes back to the customer; the bonus left goes back to the shop.
    const LedgerContext ctx{m_store.storeId, written->saleId, operatorId, now, &m_time};
    if (auto st = moveLot(m_db, plan->lotId, negated(plan->left)); !st)
        return st.error();
    if (auto st = appendStored(m_db, ctx, doc.memberId, plan->lotId, QStringLiteral("recharge_refund"),
                               negated(plan->left), doc.reason, approval->managerId);
        !st)
        return st.error();
    if (auto st = addToBalance(m_db, doc.memberId, negated(plan->left)); !st)
        return st.error();
    if (auto st = writeAudit(m_db, now, operatorId, approval->managerId, QStringLiteral("stored.recharge_refund"),
                             plan->receiptNo, doc.reason,
                             QStringLiteral("%1 principal %2 bonus %3")
                                 .arg(written->receiptNo, plan->left.principal.toString(), plan->left.bonus.toString()));
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return written;
}

ApprovalScope StoredValueService::transferScope(qint64 fromMemberId, qint64 toMemberId, Money amount)
{
    return ApprovalScope{kApproveStoredTransfer, QStringLiteral("%1:%2").arg(fromMemberId).arg(toMemberId), amount};
}

Result<StoredBalance> StoredValueService::transfer(qint64 fromMemberId, qint64 toMemberId, Money amount,
                                                   const QString &reason, qint64 operatorId,
                                                   const QString &approvalToken)
{
    if (fromMemberId == toMemberId)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "Stored value is transferred to another member."));
    if (amount.fen() <= 0)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "Give the amount to transfer."));
    if (auto st = requireReason(reason); !st)
        return st.error();
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    // Both cards as they are now: money leaves a lost card only by 补卡 first, and goes onto a usable one.
    for (qint64 id : {fromMemberId, toMemberId})
        if (auto member = memberPrice(m_db, id); !member)
            return member.error();
    const qint64 now = m_clock.nowMs();
    auto used = consumeApproval(m_db, now, approvalToken, transferScope(fromMemberId, toMemberId, amount));
    if (!used)
        return used.error();
    const LedgerContext ctx{m_store.storeId, 0, operatorId, now, &m_time};
    auto moved = spendStored(m_db, ctx, fromMemberId, amount, QStringLiteral("transfer_out"), reason.trimmed(),
                             used->managerId);
    if (!moved)
        return moved.error();
    if (auto lot = creditStored(m_db, ctx, toMemberId, *moved, QStringLiteral("transfer_in"), reason.trimmed(),
                                used->managerId);
        !lot)
        return lot.error();
    if (auto st = writeAudit(m_db, now, operatorId, used->managerId, QStringLiteral("stored.transfer"),
                             QStringLiteral("%1:%2").arg(fromMemberId).arg(toMemberId), reason.trimmed(),
                             QStringLiteral("principal %1 bonus %2")
                                 .arg(moved->principal.toString(), moved->bonus.toString()));
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return *moved;
}

} // namespace huike
