#pragma once

#include "core/clock.h"
#include "core/money.h"
#include "core/result.h"
#include "operators/approvals.h"
#include "sales/document.h"
#include "sales/returns.h"

#include <QList>
#include <QString>

namespace huike {

class Database;
class Settings;
struct LedgerContext;

// A member's stored value (储值), in two parts that are never mixed up: the principal the customer
// paid in, and the bonus the shop gave on top (充500送50). Both are real money to the customer at
// the till; only the principal is ever paid back out.
struct StoredBalance {
    Money principal;
    Money bonus;
    Money total() const { return principal + bonus; }
    friend bool operator==(const StoredBalance &, const StoredBalance &) = default;
};

// The member's stored value as booked (the member row, the sum of its ledger).
Result<StoredBalance> storedBalance(Database &db, qint64 memberId);

// 充值赠送: a recharge of at least `minimum` gets `bonus`; the highest tier reached applies, once
// (充1000 gets 送120, not 送50 twice and not 送170).
struct RechargeTier {
    qint64 id = 0;
    Money minimum;
    Money bonus;
    bool active = true;
};
struct RechargeBonusRules {
    QList<RechargeTier> tiers; // active ones, lowest minimum first
    Money bonusFor(Money amount) const;
};
Result<RechargeBonusRules> loadRechargeBonusRules(Database &db);
// The manager's tiers in Settings, replacing the active ones (a tier left out is retired), and the
// amount above which a recharge needs a manager; audited. Invalid for a tier whose bonus is not
// less than what it asks, or two tiers at the same amount.
Status saveRechargeBonusRules(Database &db, const QList<RechargeTier> &tiers, Money approvalAbove,
                              qint64 operatorId, qint64 nowMs);

// Inside the caller's transaction. Each writes the ledger rows and keeps the member's cached
// balances their sum.
//
// A new lot of `principal` + `bonus` (a recharge: ctx.documentId is its document; a transfer in).
Result<qint64> creditStored(Database &db, const LedgerContext &ctx, qint64 memberId, StoredBalance amount,
                            const QString &kind, const QString &reason = {}, qint64 authorizedBy = 0);
// Takes `amount` off the member's lots, the oldest first, each lot's principal and bonus in the
// ratio the lot holds them (the last fen of a lot takes exactly what is left). InsufficientFunds
// ("insufficient balance", with the numbers) when the member has less; nothing is then taken.
// Each lot's update is guarded: it must change exactly one row. Returns the split taken.
Result<StoredBalance> spendStored(Database &db, const LedgerContext &ctx, qint64 memberId, Money amount,
                                  const QString &kind, const QString &reason = {}, qint64 authorizedBy = 0);
// Stored value a refund gives back that its sale paid with: into the lots it came from, the last
// taken first, principal and bonus in the split they were taken in.
Status returnStored(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 originalSaleId, Money amount);

// The member's payment PIN (会员支付密码), asked before stored value pays when the member set one.
// 4 to 6 digits, kept as an Argon2id hash; five wrong PINs in a row lock paying by stored value until
// a manager resets the PIN.
inline constexpr int kMemberPinFailureLimit = 5;
Result<bool> memberHasPin(Database &db, qint64 memberId);
// Ok when the member has no PIN or `pin` is it. Denied (and the failure counted) when it is not.
// Runs its own small transaction: call it before the sale's BEGIN, never inside it.
Status checkMemberPin(Database &db, qint64 memberId, const QString &pin);
// Sets or changes the PIN: with the current one, or when the member has none; a forgotten PIN is
// reset with a manager's approval (memberPinScope) and the member's new one. An empty `newPin`
// removes the PIN (the same rules).
ApprovalScope memberPinScope(qint64 memberId);
Status setMemberPin(Database &db, const Clock &clock, qint64 memberId, const QString &newPin,
                    const QString &currentPin, qint64 operatorId, const QString &approvalToken = {});

struct RechargeRequest {
    QString uuid; // made when the recharge was started: a retry records one recharge
    qint64 memberId = 0;
    Money amount; // the principal: what the customer pays
    QList<TenderInput> tenders; // cash, card, WeChat or Alipay: never the member's own balances
    qint64 operatorId = 0;
    qint64 shiftId = 0;
    QString approvalToken; // 大额充值授权, above the shop's limit (rechargeScope)
};

struct RechargeResult {
    SaleResult document;
    StoredBalance credited;
    StoredBalance after;
};

// Recharges (充值) and their refunds, and stored value moved between members. A recharge is a
// document of its own (kind 'recharge', no lines): its receipt number, its payments in the drawer
// and the shift report; it earns neither growth nor points.
class StoredValueService {
public:
    StoredValueService(Database &db, const Clock &clock, const ShopTime &time, StoreContext store, Settings &settings);

    // Recharges above this need a manager (setting kApprovalAboveFen, default ¥5,000).
    Money approvalLimit() const;
    bool needsManager(Money amount) const { return amount > approvalLimit(); }
    static ApprovalScope rechargeScope(qint64 memberId, Money amount);
    Result<RechargeResult> recharge(const RechargeRequest &request);

    // 退充值: pays back the principal still left of the recharge `receiptNo` (through its tenders,
    // or all in cash) and takes back the bonus still left with it. A refund like any other: a reason
    // and a manager's approval of refundScope() (the receipt and the amount paid back).
    Result<ApprovalScope> refundScope(const QString &receiptNo, Payout payout = Payout::Original);
    // What refunding the recharge would do, for the cashier to see before a manager approves.
    struct RefundPreview {
        QString receiptNo;
        qint64 memberId = 0;
        Money recharged; // the recharge's principal, as paid in
        StoredBalance left; // what is still unspent: the principal goes back, the bonus is taken back
        QList<DocumentPayment> payments; // the tenders the principal goes back through (negative)
        ApprovalScope scope;
    };
    Result<RefundPreview> refundPreview(const QString &receiptNo, Payout payout = Payout::Original);
    Result<SaleResult> refundRecharge(const QString &uuid, const QString &receiptNo, const QString &reason,
                                      qint64 operatorId, const QString &approvalToken, qint64 shiftId,
                                      Payout payout = Payout::Original);
    // Whether `receiptNo` (as typed) is a recharge: refunds of it go through refundRecharge.
    Result<bool> isRecharge(const QString &receiptNo);

    // 转赠: `amount` of one member's stored value to another, principal and bonus as they were,
    // with a reason and a manager's approval (transferScope).
    static ApprovalScope transferScope(qint64 fromMemberId, qint64 toMemberId, Money amount);
    Result<StoredBalance> transfer(qint64 fromMemberId, qint64 toMemberId, Money amount, const QString &reason,
                                   qint64 operatorId, const QString &approvalToken);

    static inline const QString kApprovalAboveFen = QStringLiteral("stored.recharge_approval_above_fen");

private:
    struct RechargeRefund {
        Document doc;
        QString receiptNo;
        qint64 lotId = 0;
        StoredBalance left;
        bool cashInstead = false;
    };
    Result<RechargeRefund> planRefund(const QString &receiptNo, Payout payout);

    Database &m_db;
    const Clock &m_clock;
    const ShopTime &m_time;
    StoreContext m_store;
    Settings &m_settings;
};

} // namespace huike
