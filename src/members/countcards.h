#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "operators/approvals.h"
#include "sales/pricing.h"

#include <QList>
#include <QSet>
#include <QString>

namespace huike {

class Database;
struct LedgerContext;

// 计次卡: a card of N uses of one service (洗车10次, 美式咖啡10杯), sold at the till as a product of
// its own and then used one unit of the service at a time, instead of money. The card is paid for
// when it is sold (that sale earns points and growth like any other); a use charges nothing and so
// earns nothing.
struct CountCardPlan {
    qint64 id = 0;
    QString name;
    qint64 cardProductId = 0;    // the product sold: each unit of it sold is one card
    qint64 serviceProductId = 0; // the product one use covers
    QString serviceName;
    int uses = 0;
    int validityDays = 0;                 // 0: never expires
    bool fromFirstUse = false;            // validity runs from the first use, not from the sale
    QString days = QStringLiteral("any"); // "any", "weekdays" (Mon-Fri) or "weekends"
    bool active = true;
};

// A member's card, as stored.
struct CountCard {
    qint64 id = 0;
    qint64 memberId = 0;
    qint64 planId = 0;
    QString planName;
    qint64 serviceProductId = 0;
    QString serviceName;
    int usesTotal = 0;
    int usesLeft = 0;
    qint64 soldAtMs = 0;
    qint64 firstUseMs = 0;  // 0: not used yet
    qint64 expiresAtMs = 0; // 0: never (or, valid from first use, not started yet)
    int validityDays = 0;
    bool fromFirstUse = false;
    QString days;
    QString state; // "active" or "refunded"
};

Result<QList<CountCardPlan>> countCardPlans(Database &db);
// The products sold as count cards (only ever to a member): what a random cart of goods leaves out.
Result<QSet<qint64>> countCardProductIds(Database &db);
// Checks the plan (a name, two different products, at least one use) and adds it. Conflict when
// the name or the card product is already a plan's.
Result<qint64> addCountCardPlan(Database &db, const CountCardPlan &plan);
// The manager's edit in Settings: a new plan (id 0) or changes to one, audited, in a transaction of
// its own. Cards already sold keep their uses and validity; `active` false stops new ones being
// sold (the card product is refused at the till). Returns the plan's id.
Result<qint64> saveCountCardPlan(Database &db, const CountCardPlan &plan, qint64 operatorId, qint64 nowMs);

// 延期: `days` more on a card with an end date (from its end, or from today when it has ended),
// with the reason and a manager's approval of countCardExtendScope; an 'extend' row in the
// card's ledger says the new end. Its own transaction.
ApprovalScope countCardExtendScope(qint64 cardId, int days);
Result<CountCard> extendCountCard(Database &db, const LedgerContext &ctx, qint64 cardId, int days,
                                  const QString &reason, const QString &approvalToken);

Result<CountCard> countCard(Database &db, qint64 cardId);
// The member's cards, usable ones first, then the newest.
Result<QList<CountCard>> memberCountCards(Database &db, qint64 memberId);
// The member's cards that can be used at `nowMs`, the one that runs out soonest first (so no card
// expires unused while another is used).
Result<QList<CountCard>> usableCountCards(Database &db, qint64 memberId, qint64 nowMs, const ShopTime &time);
// Why `card` cannot be used at `nowMs` (translated: refunded, used up, expired, weekdays only ...),
// or an empty string when it can.
QString countCardProblem(const CountCard &card, qint64 nowMs, const ShopTime &time);
// The card's state in words for a list: "剩 7/10 次，至 2027-12-02" (translated).
QString countCardSummary(const CountCard &card, const ShopTime &time);

// Puts `card` on the cart's lines of its service, whole units, at most the uses left: a line with
// more units than that is split, the covered units on a line of their own. Returns the uses
// covered; Invalid when the cart has no unit of the service left to cover, or the card cannot be
// used (countCardProblem). The sale's commit checks all of it again.
Result<int> applyCountCard(QList<CartLine> &lines, const CountCard &card, qint64 nowMs, const ShopTime &time);

// Inside the sale's transaction, after its document is written (ctx.documentId): every unit of a
// card product sold becomes a card of the member's (Invalid without a member); every line a card
// covers takes its uses off the card, checked again here (the member's card, its service, whole
// units, enough uses, valid today) with a guarded update, so two tills cannot use the last use twice.
Status recordCountCards(Database &db, const LedgerContext &ctx, qint64 memberId);

// Inside the refund's transaction, after its document is written: uses of the lines it returns go
// back on their cards; cards it returns are refunded, only ones never used (Conflict otherwise:
// a used card is not taken back as if new).
Status reverseCountCards(Database &db, const LedgerContext &ctx, qint64 originalSaleId);

} // namespace huike
