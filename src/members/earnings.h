#pragma once

#include "core/clock.h"
#include "core/money.h"
#include "core/result.h"
#include "sales/pricing.h"

#include <QHash>
#include <QString>

namespace huike {

class Database;

// What a committed sale or refund did to its member, for the receipt and the screen.
struct MemberEffect {
    qint64 memberId = 0;
    qint64 growth = 0;     // growth value earned (a refund: negative, taken back)
    Money spend;           // the earning base added to the member's net spend (a refund: negative)
    qint64 growthAfter = 0;
    qint64 pointsEarned = 0; // a refund: negative, taken back
    qint64 pointsPaid = 0;   // points the sale paid with (a refund: negative, given back)
    qint64 pointsAfter = 0;
    Money storedPaid;          // stored value the sale paid with (a refund: negative, given back)
    Money principalAfter;      // the member's stored value after it, principal and bonus
    Money bonusAfter;
    Money recharged;           // a recharge: the principal put in and the bonus given (its refund:
    Money rechargeBonus;       // negative, what was paid back and taken back)
    QString levelBefore;
    QString levelAfter;    // differs from levelBefore when the document moved the member's level
    bool levelChanged() const { return levelBefore != levelAfter; }
};

// Where a ledger row is written from: the store, the document, who, when.
struct LedgerContext {
    qint64 storeId = 0;
    qint64 documentId = 0; // sales.id of the sale or refund
    qint64 operatorId = 0;
    qint64 nowMs = 0;
    const ShopTime *time = nullptr; // the shop's calendar: points' expiry and time windows
};

// The member a cart is rung up for, priced at their level. Denied when their card is reported
// lost, locked or replaced (the cashier hears which); NotFound when there is no such member.
Result<MemberPrice> memberPrice(Database &db, qint64 memberId);

// Inside the sale's BEGIN IMMEDIATE, after its document is written: what the member pays with
// points and stored value, and earns. Stored value paid (the 'stored' payments) comes off the
// oldest recharge first (members/storedvalue.h). Points paid (the 'points' payments, reference = how many) come off their lots,
// at most the programme's cap of the total. The earning base of each line is its amount (after every
// discount, coupon and 抹零) less its share of what points paid: stored value earns, change never
// counts. Growth and points are each floored per receipt and spread over the lines in proportion to
// what they earned, and each line's share is kept with it (line_earnings) so a refund can take back
// exactly what its lines earned. Points earn at the product's (or category's) multiplier, the
// member's level's and the time window's. The sale that reaches a level's threshold moves the
// member up, recorded with the sale.
Result<MemberEffect> recordSaleEarnings(Database &db, const LedgerContext &ctx, qint64 memberId);

// Inside the refund's (or void's) BEGIN IMMEDIATE, after its document is written: takes back what
// the returned units earned, each line by the share of its units returned so far (the last units
// take back exactly what is left), and gives back the points and stored value the refund's
// payments return.
// InsufficientFunds when the member has already spent the points to be taken back. A level the original sale reached is given up again when the
// member falls below its threshold, never below the level they had before that sale's upgrades
// (a level a manager set stays).
Result<MemberEffect> reverseEarnings(Database &db, const LedgerContext &ctx, qint64 memberId, qint64 originalSaleId);

// What each line of a member's sale paid with points (its amount less its earning base), by sale
// line id: a refund gives points back in proportion to the lines it returns. Empty for a sale that
// earned nothing (no member).
Result<QHash<qint64, Money>> pointsPaidByLine(Database &db, qint64 saleId);

// A receipt's member part: what the document with this id did to its member (nullopt when it has
// no member or did nothing to them).
Result<std::optional<MemberEffect>> memberEffectOf(Database &db, qint64 documentId);

} // namespace huike
