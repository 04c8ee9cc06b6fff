#include "approvals.h"

#include "operators.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>
#include <sodium.h>

namespace huike {

namespace {

// Only a hash of the token is stored: reading the file does not hand out usable approvals.
QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString newToken()
{
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes).toHex()); // NOLINT: byte view
}

Result<Approval> insertApproval(Database &db, qint64 nowMs, qint64 managerId, const QString &managerName,
                                const ApprovalScope &scope, qint64 requestedBy)
{
    Approval a;
    a.token = newToken();
    a.managerId = managerId;
    a.managerName = managerName;
    a.scope = scope;
    a.expiresAtMs = nowMs + (scope.action == kApproveDiscount ? ApprovalService::kCartValidityMs
                                                               : ApprovalService::kValidityMs);
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = db.exec(QStringLiteral("INSERT INTO approvals(token, manager_id, requested_by, action, target, "
                                         "amount_fen, granted_at_ms, expires_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                          {tokenHash(a.token), managerId, requestedBy > 0 ? QVariant(requestedBy) : QVariant(),
                           scope.action, nonNull(scope.target), scope.amount.fen(), nowMs, a.expiresAtMs});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return a;
}

} // namespace

QString approvalActionLabel(const QString &action)
{
    if (action == kApproveRefund)
        return QCoreApplication::translate("Approvals", "a refund");
    if (action == kApproveVoid)
        return QCoreApplication::translate("Approvals", "a void");
    if (action == kApproveRefundCash)
        return QCoreApplication::translate("Approvals", "a refund paid back in cash");
    if (action == kApproveDiscount)
        return QCoreApplication::translate("Approvals", "a discount or price change");
    if (action == kApproveHandover)
        return QCoreApplication::translate("Approvals", "a shift handed over");
    if (action == kApprovePaymentReversal)
        return QCoreApplication::translate("Approvals", "a payment given back");
    if (action == kApproveMemberCard)
        return QCoreApplication::translate("Approvals", "a member card unlocked or replaced");
    if (action == kApprovePointsAdjust)
        return QCoreApplication::translate("Approvals", "a points adjustment");
    if (action == kApproveRecharge)
        return QCoreApplication::translate("Approvals", "a large recharge");
    if (action == kApproveStoredTransfer)
        return QCoreApplication::translate("Approvals", "a stored value transfer");
    if (action == kApproveCountCardExtend)
        return QCoreApplication::translate("Approvals", "a count card extended");
    if (action == kApproveMemberPin)
        return QCoreApplication::translate("Approvals", "a member PIN reset");
    if (action == kApproveDrawer)
        return QCoreApplication::translate("Approvals", "the cash drawer opened with no sale");
    return action;
}

ApprovalService::ApprovalService(Database &db, const Clock &clock, OperatorService &operators)
    : m_db(db), m_clock(clock), m_operators(operators)
{
}

Result<Approval> ApprovalService::grant(const QString &managerCode, const QString &pin,
                                        const ApprovalScope &scope, qint64 requestedBy)
{
    if (scope.action.isEmpty() || scope.target.isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Approvals", "An approval must name what it approves."));
    auto manager = m_operators.authorizeManager(managerCode, pin);
    if (!manager)
        return manager.error();
    return insertApproval(m_db, m_clock.nowMs(), manager->id, manager->name, scope, requestedBy);
}

Result<Approval> recordApprovalForDemo(Database &db, qint64 nowMs, qint64 managerId, const ApprovalScope &scope,
                                       qint64 requestedBy)
{
    return insertApproval(db, nowMs, managerId, QString(), scope, requestedBy);
}

Result<UsedApproval> consumeApproval(Database &db, qint64 nowMs, const QString &token, const ApprovalScope &scope)
{
    auto denied = [](const QString &why) { return makeError(ErrorCode::Denied, why); };
    if (token.isEmpty())
        return denied(QCoreApplication::translate("Approvals", "This needs a manager's PIN on the spot."));
    QSqlQuery &q = db.prepared(QStringLiteral(
        "SELECT a.id, a.manager_id, a.action, a.target, a.amount_fen, a.expires_at_ms, a.used_at_ms, "
        "o.active, o.locked, o.role FROM approvals a JOIN operators o ON o.id = a.manager_id WHERE a.token = ?"));
    q.bindValue(0, tokenHash(token));
    if (!q.exec())
        return storageError(q);
    if (!q.next()) {
        q.finish();
        return denied(QCoreApplication::translate("Approvals", "This approval is not known: ask the manager again."));
    }
    const qint64 id = q.value(0).toLongLong();
    const qint64 managerId = q.value(1).toLongLong();
    const ApprovalScope given{q.value(2).toString(), q.value(3).toString(), Money::fromFen(q.value(4).toLongLong())};
    const qint64 expires = q.value(5).toLongLong();
    const bool used = !q.value(6).isNull();
    const bool managerOk = q.value(7).toBool() && !q.value(8).toBool() && q.value(9).toString() != QLatin1String("cashier");
    q.finish();
    if (used)
        return denied(QCoreApplication::translate("Approvals", "This approval was already used: ask the manager again."));
    if (nowMs > expires)
        return denied(QCoreApplication::translate("Approvals", "This approval has expired: ask the manager again."));
    if (!managerOk)
        return denied(QCoreApplication::translate("Approvals", "The manager who approved this is disabled or locked."));
    if (!(given == scope))
        return denied(QCoreApplication::translate("Approvals",
                                                  "The manager approved %1 of %2 on %3, not %4 of %5 on %6: ask "
                                                  "the manager again.")
                          .arg(approvalActionLabel(given.action), given.amount.display(), given.target,
                               approvalActionLabel(scope.action), scope.amount.display(), scope.target));
    // Guarded: two tills racing with one token, only one row changes.
    QSqlQuery &u =
        db.prepared(QStringLiteral("UPDATE approvals SET used_at_ms = ? WHERE id = ? AND used_at_ms IS NULL"));
    bindAll(u, {nowMs, id});
    if (!u.exec())
        return storageError(u);
    if (u.numRowsAffected() != 1)
        return denied(QCoreApplication::translate("Approvals", "This approval was already used: ask the manager again."));
    return UsedApproval{id, managerId};
}

Status linkApproval(Database &db, const UsedApproval &approval, qint64 saleId)
{
    return db.exec(QStringLiteral("UPDATE approvals SET sale_id = ? WHERE id = ?"), {saleId, approval.approvalId});
}

} // namespace huike
