#pragma once

#include "core/clock.h"
#include "core/money.h"
#include "core/result.h"

#include <QString>

namespace huike {

class Database;
class OperatorService;

// What one approval allows: an action, the thing it is on and the amount. The engine accepts a
// refund, a void, a changed price or a discount beyond the cashier's limit only with an approval
// whose scope is exactly the one it is about to write.
struct ApprovalScope {
    QString action; // one of the kApprove* keys below
    QString target; // the receipt number refunded or voided, or the uuid of the cart discounted
    Money amount;   // the refund's or void's total, or the cart's manual adjustments (see checkout)

    friend bool operator==(const ApprovalScope &, const ApprovalScope &) = default;
};

inline const QString kApproveRefund = QStringLiteral("refund");
// A refund paid back in cash where the customer paid by wallet or card (Payout::Cash).
inline const QString kApproveRefundCash = QStringLiteral("refund.cash");
inline const QString kApproveVoid = QStringLiteral("void");
inline const QString kApproveDiscount = QStringLiteral("discount"); // price changes and big discounts
inline const QString kApproveHandover = QStringLiteral("shift.handover"); // target: the shift's id
// A payment taken for a cart, given back before the sale (target: the taken payment's id).
inline const QString kApprovePaymentReversal = QStringLiteral("payment.reverse");
// A member's card unlocked, found again after 挂失, or replaced (补卡): it carries their money.
// Target: "unlock:<member id>" or "replace:<member id>:<new card>".
inline const QString kApproveMemberCard = QStringLiteral("member.card");
// Points added or taken by hand. Target: "<member id>:<points, signed>"; the amount is zero.
inline const QString kApprovePointsAdjust = QStringLiteral("points.adjust");
// 大额充值授权: a recharge above the shop's limit. Target: "<member id>"; the amount recharged.
inline const QString kApproveRecharge = QStringLiteral("stored.recharge");
// Stored value moved to another member. Target: "<from id>:<to id>"; the amount.
inline const QString kApproveStoredTransfer = QStringLiteral("stored.transfer");
// A count card's validity extended (延期). Target: "<card id>:<days>".
inline const QString kApproveCountCardExtend = QStringLiteral("countcard.extend");
// A member's forgotten payment PIN reset. Target: "<member id>".
inline const QString kApproveMemberPin = QStringLiteral("member.pin");
// The cash drawer opened with no sale (开钱箱). Target: the till's terminal code; the amount is zero.
inline const QString kApproveDrawer = QStringLiteral("drawer.open");

// A manager's PIN entered on the spot, turned into proof: a single-use token bound to one scope,
// valid for a few minutes. Passing a manager's id gets nothing done.
struct Approval {
    QString token;
    qint64 managerId = 0;
    QString managerName;
    ApprovalScope scope;
    qint64 expiresAtMs = 0;
};

class ApprovalService {
public:
    static constexpr qint64 kValidityMs = 5 * 60 * 1000;
    // A discount is approved when it is given, and the cart may then take a while longer to ring
    // up and pay (the scope still binds it to this cart and these adjustments).
    static constexpr qint64 kCartValidityMs = 2 * 60 * 60 * 1000;

    ApprovalService(Database &db, const Clock &clock, OperatorService &operators);

    // Checks the manager's code and PIN (wrong PINs count towards the lock-out, as at login) and
    // records the approval for `scope`, asked for by `requestedBy` (the cashier at the till).
    Result<Approval> grant(const QString &managerCode, const QString &pin, const ApprovalScope &scope,
                           qint64 requestedBy);

private:
    Database &m_db;
    const Clock &m_clock;
    OperatorService &m_operators;
};

QString approvalActionLabel(const QString &action); // "a refund", translated

struct UsedApproval {
    qint64 approvalId = 0;
    qint64 managerId = 0;
};
// Inside the caller's BEGIN IMMEDIATE: uses up the approval `token` for `scope` and says who gave
// it. Refuses a token that is unknown, already used, expired, of a manager since disabled or
// locked, or given for another action, target or amount.
Result<UsedApproval> consumeApproval(Database &db, qint64 nowMs, const QString &token, const ApprovalScope &scope);
// Inside the same transaction: records the document the approval was used on.
Status linkApproval(Database &db, const UsedApproval &approval, qint64 saleId);

// Records an approval without a PIN. Only for the demo generator, which rings up months of history
// as the demo manager; a screen or a command line never calls this.
Result<Approval> recordApprovalForDemo(Database &db, qint64 nowMs, qint64 managerId, const ApprovalScope &scope,
                                       qint64 requestedBy);

} // namespace huike
