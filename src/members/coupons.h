#pragma once

#include "core/clock.h"
#include "core/money.h"
#include "core/result.h"
#include "sales/pricing.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace huike {

class Database;
struct LedgerContext;

// 优惠券: cash vouchers (满100减20), discounts (8.5折) and gifts (one unit of a product free), each
// with a unique code the till takes typed or scanned. A coupon type says what its coupons are
// worth and when they are issued: by hand, on registration, on the birthday, or after a purchase
// of at least an amount. Each coupon keeps the terms it was issued with.
struct CouponType {
    qint64 id = 0;
    QString name;
    QString kind = QStringLiteral("cash"); // cash, discount, gift
    Money value;                           // cash: off
    qint64 permille = 1000;                // discount: 850 = 8.5折
    qint64 giftProductId = 0;              // gift: this product, one unit
    Money minSpend;                        // the eligible goods must come to at least this
    QList<qint64> categoryIds;             // eligible categories; empty: every product
    bool stackable = false;                // may go with other coupons on one order
    int validDays = 0;                     // valid N days from issue (the day of issue the first)
    qint64 validFromMs = 0;                // or a fixed window (0: open)
    qint64 validUntilMs = 0;
    QString issueOn = QStringLiteral("manual"); // manual, registration, birthday, purchase
    Money purchaseMin;                          // purchase: issued after a sale of at least this
    bool active = true;
};

struct Coupon {
    qint64 id = 0;
    QString code;
    qint64 typeId = 0;
    QString typeName;
    QString kind;
    Money value;
    qint64 permille = 1000;
    qint64 giftProductId = 0;
    Money minSpend;
    QList<qint64> categoryIds;
    bool stackable = false;
    qint64 memberId = 0; // 0: anyone may use it
    qint64 issuedAtMs = 0;
    qint64 validFromMs = 0;
    qint64 expiresAtMs = 0; // 0: never
    QString state;          // unused, used, voided
    qint64 usedSaleId = 0;
};

// The state a person reads: unused, used, expired or voided.
QString couponState(const Coupon &coupon, qint64 nowMs);
// "满100减20", "8.5折", "赠 可口可乐" (translated).
QString couponTerms(const Coupon &coupon, const QString &giftName = {});

Result<qint64> addCouponType(Database &db, const CouponType &type);
// The manager's edit in Settings: a new type (id 0) or changes to one, audited, in a transaction
// of its own. Coupons already issued keep the terms they were issued with; `active` false stops
// new ones. Returns the type's id.
Result<qint64> saveCouponType(Database &db, const CouponType &type, qint64 operatorId, qint64 nowMs);
Result<QList<CouponType>> couponTypes(Database &db);
Result<CouponType> couponTypeNamed(Database &db, const QString &name);

Result<Coupon> couponByCode(Database &db, const QString &code);
// The member's coupons, usable ones first, then the newest.
Result<QList<Coupon>> memberCoupons(Database &db, qint64 memberId);
// Whether the text typed or scanned is shaped like one of our coupon codes (12 digits from 9,
// check digit right): the till then looks it up as a coupon, not as a product.
bool looksLikeCouponCode(const QString &text);

// Inside the caller's transaction: a new coupon of `type` for `memberId` (0: anyone), with the
// type's terms and validity from ctx.nowMs; `issuedBySaleId` when a purchase earned it.
Result<Coupon> issueCoupon(Database &db, const LedgerContext &ctx, const CouponType &type, qint64 memberId,
                           qint64 issuedBySaleId = 0, const QString &reason = {});
// Its own transaction: `huike-cli coupon issue`, the member screen.
Result<Coupon> issueCouponNow(Database &db, const LedgerContext &ctx, const QString &typeName,
                              qint64 memberId, const QString &reason = {});
// Coupons given on registration (inside the registration's transaction).
Status issueRegistrationCoupons(Database &db, const LedgerContext &ctx, qint64 memberId);
// 生日券: every member whose birthday is today (shop time) gets each birthday type once a year.
// Its own transaction; returns how many were issued. Safe to run as often as wanted.
Result<int> issueBirthdayCoupons(Database &db, const LedgerContext &ctx);

// Before a sale: the coupons `codes` on this cart, checked (they exist, are unused and valid now,
// are the member's or anyone's, stack, and their minimum spend is reached on their goods), as
// pricing takes them. Invalid / Conflict with the reason otherwise.
Result<QList<CouponSpec>> couponsForCart(Database &db, const QStringList &codes, const QList<CartLine> &lines,
                                         const PricingInput &pricing, qint64 nowMs);

// Inside the sale's transaction, after its document is written: each coupon of the cart goes from
// unused to used by this sale in one guarded update (Conflict "already used" when another till was
// first), then the purchase coupons the sale earned are issued to the member.
Status useCoupons(Database &db, const LedgerContext &ctx, qint64 memberId, const QStringList &codes,
                  Money saleTotal);
// Inside a refund's transaction: a coupon of the original sale whose every fen of discount has now
// been given back (every line it was on returned) is unused again if it is still valid.
Status reverseCoupons(Database &db, const LedgerContext &ctx, qint64 originalSaleId);
// Voids an unused coupon (a mistaken issue), with a reason.
Status voidCoupon(Database &db, const LedgerContext &ctx, const QString &code, const QString &reason);

} // namespace huike
