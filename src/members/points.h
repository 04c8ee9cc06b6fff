#pragma once

#include "core/clock.h"
#include "core/money.h"
#include "core/result.h"
#include "operators/approvals.h"

#include <QList>
#include <QString>

namespace huike {

class Database;
struct LedgerContext;

// The points programme as the shop set it (settings keys below; multipliers in points_rules and
// points_windows). The default: 1 point per ¥10 of the earning base; 100 points = ¥10 off, at most
// half a sale; points expire at the end of the year after the one they were earned in.
struct PointsRules {
    qint64 fenPerPoint = 1000;       // earning base per point
    qint64 redeemPoints = 100;       // this many points ...
    Money redeemValue = Money::fromFen(1000); // ... pay this much
    qint64 redeemCapPermille = 500;  // of a sale's total, at most
    bool expires = true;             // at the end of the year after earning

    // What `points` pay, or nullopt when they do not come to whole fen (150 points at 100 = ¥10
    // is ¥15.00: fine; 7 points at 3 = ¥1 is not).
    std::optional<Money> valueOf(qint64 points) const;
    // The cap as the cashier reads it: "50%", "12.5%".
    QString capText() const;
    // When points earned at `earnedMs` expire (UTC ms), or 0 for never.
    qint64 expiryFor(qint64 earnedMs, const ShopTime &time) const;

    static inline const QString kFenPerPoint = QStringLiteral("points.fen_per_point");           // 1000
    static inline const QString kRedeemPoints = QStringLiteral("points.redeem_points");          // 100
    static inline const QString kRedeemFen = QStringLiteral("points.redeem_fen");                // 1000
    static inline const QString kRedeemCapPermille = QStringLiteral("points.redeem_cap_permille"); // 500
    static inline const QString kExpires = QStringLiteral("points.expires");                    // "1" | "0"
};

Result<PointsRules> loadPointsRules(Database &db);

// The multiplier (per mille) for a product: its own rule, else its category's, else 1000. 0 means
// the product earns no points (tobacco, a special offer).
Result<qint64> productPointsPermille(Database &db, qint64 productId);
// The multiplier of the time windows in force at `utcMs` (double points on Tuesdays 14:00-17:00),
// the highest if several are; 1000 outside every window.
Result<qint64> windowPointsPermille(Database &db, const ShopTime &time, qint64 utcMs);

// Inside the caller's transaction. Points that expired by `ctx.nowMs` are booked out first
// (oldest lot first), so a balance never pays with points already gone. Returns points expired.
Result<qint64> expirePoints(Database &db, const LedgerContext &ctx, qint64 memberId);

// Adds `points` earned (a sale, a manual adjustment) as a new lot; the ledger row names `kind`.
Status earnPoints(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 points, const QString &kind,
                  const QString &reason = {}, qint64 authorizedBy = 0);
// Takes `points` off the member's lots, the lot that expires first first (a refund taking back what
// a sale earned starts with that sale's own lot). InsufficientFunds when the member has fewer; then
// nothing is taken. Each lot's guarded update must change exactly one row.
Status spendPoints(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 points, const QString &kind,
                   qint64 preferLotOfSale = 0, const QString &reason = {}, qint64 authorizedBy = 0);
// Points a refund gives back that its sale paid with: into the lots they came from, the last taken
// first; a lot expired since has them expired again at once.
Status returnPoints(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 originalSaleId, qint64 points);

// 积分调整: points added (a new lot, expiring as if earned now) or taken off (oldest lot first) by
// hand, with the reason, approved by a manager (pointsAdjustScope), in a transaction of its own.
ApprovalScope pointsAdjustScope(qint64 memberId, qint64 points);
Status adjustPoints(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 points, const QString &reason,
                    const QString &approvalToken);

// The programme's points rules as the manager edits them in Settings, each change audited (Settings::change):
// Invalid for a rate that earns or pays nothing sensible.
Status savePointsRules(Database &db, const PointsRules &rules, qint64 operatorId, qint64 nowMs);

// 积分倍数 of a product or a category (one of the ids; the other 0): permille of the base rate
// (2000 = double, 0 = earns nothing). nullopt takes the rule away (the product earns as its
// category, the category at the base rate). Audited.
struct PointsMultiplier {
    qint64 productId = 0;
    qint64 categoryId = 0;
    QString name; // the product's or the category's, for the list
    qint64 permille = 1000;
};
Result<QList<PointsMultiplier>> pointsMultipliers(Database &db);
Status setPointsMultiplier(Database &db, qint64 productId, qint64 categoryId, std::optional<qint64> permille,
                           qint64 operatorId, qint64 nowMs);

// 倍数时段: double points on Tuesdays 14:00-17:00. Weekdays as bits, Monday 1 ... Sunday 64;
// minutes of the shop's day, the end not included.
struct PointsWindow {
    qint64 id = 0;
    int weekdays = 0;
    int startMinute = 0;
    int endMinute = 0;
    qint64 permille = 2000;
};
Result<QList<PointsWindow>> pointsWindows(Database &db);
Result<qint64> addPointsWindow(Database &db, const PointsWindow &window, qint64 operatorId, qint64 nowMs);
Status removePointsWindow(Database &db, qint64 windowId, qint64 operatorId, qint64 nowMs);

// The member's points that can be used now (lots not yet expired), without writing anything.
Result<qint64> usablePoints(Database &db, qint64 memberId, qint64 nowMs);

} // namespace huike
