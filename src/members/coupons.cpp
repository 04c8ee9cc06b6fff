#include "coupons.h"

#include "core/uuid.h"
#include "earnings.h"
#include "sales/counterinput.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSet>

namespace huike {

namespace {

const QString kCouponColumns = QStringLiteral(
    "c.id, c.code, c.type_id, t.name, c.kind, c.value_fen, c.permille, COALESCE(c.gift_product_id, 0), "
    "c.min_spend_fen, c.category_ids, c.stackable, COALESCE(c.member_id, 0), c.issued_at_ms, "
    "c.valid_from_ms, "
    "COALESCE(c.expires_at_ms, 0), c.state, COALESCE(c.used_sale_id, 0) FROM coupons c JOIN coupon_types t "
    "ON "
    "t.id = c.type_id ");

QList<qint64> idList(const QString &text)
{
    QList<qint64> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const qint64 id = part.trimmed().toLongLong(); id > 0)
            out.append(id);
    return out;
}

QString idText(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

Coupon couponFrom(const QVariantList &r)
{
    Coupon c;
    c.id = r.at(0).toLongLong();
    c.code = r.at(1).toString();
    c.typeId = r.at(2).toLongLong();
    c.typeName = r.at(3).toString();
    c.kind = r.at(4).toString();
    c.value = Money::fromFen(r.at(5).toLongLong());
    c.permille = r.at(6).toLongLong();
    c.giftProductId = r.at(7).toLongLong();
    c.minSpend = Money::fromFen(r.at(8).toLongLong());
    c.categoryIds = idList(r.at(9).toString());
    c.stackable = r.at(10).toBool();
    c.memberId = r.at(11).toLongLong();
    c.issuedAtMs = r.at(12).toLongLong();
    c.validFromMs = r.at(13).toLongLong();
    c.expiresAtMs = r.at(14).toLongLong();
    c.state = r.at(15).toString();
    c.usedSaleId = r.at(16).toLongLong();
    return c;
}

int luhnDigit(const QString &digits)
{
    int sum = 0;
    bool twice = true; // from the right, the digit next to the check digit is doubled
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).digitValue();
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return (10 - sum % 10) % 10;
}

// 12 digits: 9, ten random, a check digit. A scanner reads it from a printed barcode; a person
// typing it makes a slip the check digit catches.
QString newCouponCode()
{
    QString body = QStringLiteral("9");
    for (int i = 0; i < 10; ++i)
        body += QChar(u'0' + QRandomGenerator::system()->bounded(10));
    return body + QChar(u'0' + luhnDigit(body));
}

Status appendEvent(Database &db, const LedgerContext &ctx, qint64 couponId, const QString &kind,
                   const QString &reason = {})
{
    return db
        .statement(
            QStringLiteral("INSERT INTO coupon_events(uuid, store_id, coupon_id, sale_id, kind, operator_id, "
                           "reason, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        .exec({newUuid(), idOrNull(ctx.storeId), couponId, idOrNull(ctx.documentId), kind,
               idOrNull(ctx.operatorId), reason, ctx.nowMs});
}

CouponType typeFrom(const QVariantList &r)
{
    CouponType t;
    t.id = r.at(0).toLongLong();
    t.name = r.at(1).toString();
    t.kind = r.at(2).toString();
    t.value = Money::fromFen(r.at(3).toLongLong());
    t.permille = r.at(4).toLongLong();
    t.giftProductId = r.at(5).toLongLong();
    t.minSpend = Money::fromFen(r.at(6).toLongLong());
    t.categoryIds = idList(r.at(7).toString());
    t.stackable = r.at(8).toBool();
    t.validDays = r.at(9).toInt();
    t.validFromMs = r.at(10).toLongLong();
    t.validUntilMs = r.at(11).toLongLong();
    t.issueOn = r.at(12).toString();
    t.purchaseMin = Money::fromFen(r.at(13).toLongLong());
    t.active = r.at(14).toBool();
    return t;
}

const QString kTypeColumns = QStringLiteral(
    "SELECT id, name, kind, value_fen, permille, COALESCE(gift_product_id, 0), min_spend_fen, category_ids, "
    "stackable, "
    "valid_days, COALESCE(valid_from_ms, 0), COALESCE(valid_until_ms, 0), issue_on, purchase_min_fen, active "
    "FROM coupon_types ");

Status issueAll(Database &db, const LedgerContext &ctx, const QString &issueOn, qint64 memberId,
                qint64 bySaleId, Money total = {})
{
    auto rows = db.statement(kTypeColumns +
                             QStringLiteral("WHERE active = 1 AND issue_on = ? AND purchase_min_fen <= ? "
                                            "ORDER BY id"))
                    .select({issueOn, total.fen()});
    if (!rows)
        return rows.error();
    for (const QVariantList &r : *rows)
        if (auto c = issueCoupon(db, ctx, typeFrom(r), memberId, bySaleId); !c)
            return c.error();
    return Ok{};
}

} // namespace

QString couponState(const Coupon &coupon, qint64 nowMs)
{
    if (coupon.state == QLatin1String("unused") && coupon.expiresAtMs > 0 && nowMs >= coupon.expiresAtMs)
        return QStringLiteral("expired");
    return coupon.state;
}

QString couponTerms(const Coupon &c, const QString &giftName)
{
    if (c.kind == QLatin1String("discount"))
        return QCoreApplication::translate("Coupons", "%1折").arg(formatZhe(c.permille));
    if (c.kind == QLatin1String("gift"))
        return QCoreApplication::translate("Coupons", "free %1").arg(giftName);
    if (c.minSpend.fen() > 0)
        return QCoreApplication::translate("Coupons", "%1 off %2")
            .arg(c.value.toString(), c.minSpend.toString());
    return QCoreApplication::translate("Coupons", "%1 off").arg(c.value.toString());
}

bool looksLikeCouponCode(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() != 12 || !t.startsWith(QLatin1Char('9')))
        return false;
    for (QChar ch : t)
        if (!ch.isDigit())
            return false;
    return luhnDigit(t.left(11)) == t.at(11).digitValue();
}

namespace {

// What a coupon type must be to be saved, new or edited (its name unique among the others).
Status checkCouponType(Database &db, const CouponType &t)
{
    const auto invalid = [](const char *text) {
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Coupons", text));
    };
    if (t.name.trimmed().isEmpty())
        return invalid(QT_TRANSLATE_NOOP("Coupons", "A coupon type needs a name."));
    if (t.kind == QLatin1String("cash")) {
        if (t.value.fen() <= 0)
            return invalid(QT_TRANSLATE_NOOP("Coupons", "A cash coupon takes an amount off: give it."));
    } else if (t.kind == QLatin1String("discount")) {
        if (t.permille <= 0 || t.permille >= 1000)
            return invalid(
                QT_TRANSLATE_NOOP("Coupons", "A discount coupon is between 0 and 10折 (8.5折 = 850)."));
    } else if (t.kind == QLatin1String("gift")) {
        if (t.giftProductId <= 0)
            return invalid(QT_TRANSLATE_NOOP("Coupons", "A gift coupon names the product it gives."));
    } else {
        return invalid(QT_TRANSLATE_NOOP("Coupons", "A coupon is a cash voucher, a discount or a gift."));
    }
    if (t.minSpend.isNegative() || t.purchaseMin.isNegative() || t.validDays < 0 || t.validDays > 36600)
        return invalid(QT_TRANSLATE_NOOP("Coupons", "Amounts and days of a coupon type cannot be negative."));
    static const QStringList kIssueOn = {QStringLiteral("manual"), QStringLiteral("registration"),
                                         QStringLiteral("birthday"), QStringLiteral("purchase")};
    if (!kIssueOn.contains(t.issueOn))
        return invalid(QT_TRANSLATE_NOOP(
            "Coupons", "A coupon is issued by hand, on registration, on the birthday or after a purchase."));
    if (t.validDays == 0 && t.validUntilMs > 0 && t.validFromMs > 0 && t.validUntilMs <= t.validFromMs)
        return invalid(QT_TRANSLATE_NOOP("Coupons", "A coupon's validity must end after it starts."));
    auto taken = db.statement(QStringLiteral("SELECT 1 FROM coupon_types WHERE name = ? AND id <> ?"))
                     .select({t.name.trimmed(), t.id});
    if (!taken)
        return taken.error();
    if (!taken->isEmpty())
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Coupons", "There is already a coupon type %1.")
                             .arg(t.name.trimmed()));
    return Ok{};
}

QVariantList couponTypeValues(const CouponType &t)
{
    return {t.name.trimmed(), t.kind, t.value.fen(), t.permille, idOrNull(t.giftProductId),
            t.minSpend.fen(), idText(t.categoryIds), t.stackable, t.validDays,
            t.validFromMs > 0 ? QVariant(t.validFromMs) : QVariant(),
            t.validUntilMs > 0 ? QVariant(t.validUntilMs) : QVariant(), t.issueOn,
            t.purchaseMin.fen(), t.active};
}

} // namespace

Result<qint64> addCouponType(Database &db, const CouponType &t)
{
    CouponType fresh = t;
    fresh.id = 0;
    if (auto st = checkCouponType(db, fresh); !st)
        return st.error();
    Statement &ins = db.statement(QStringLiteral(
        "INSERT INTO coupon_types(name, kind, value_fen, permille, gift_product_id, min_spend_fen, "
        "category_ids, "
        "stackable, valid_days, valid_from_ms, valid_until_ms, issue_on, purchase_min_fen, active) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (auto st = ins.exec(couponTypeValues(fresh)); !st)
        return st.error();
    return ins.lastInsertId();
}

Result<qint64> saveCouponType(Database &db, const CouponType &type, qint64 operatorId, qint64 nowMs)
{
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(db, operatorId, Permission::Settings); !st)
        return st.error();
    qint64 id = type.id;
    if (id <= 0) {
        auto added = addCouponType(db, type);
        if (!added)
            return added.error();
        id = *added;
    } else {
        if (auto st = checkCouponType(db, type); !st)
            return st.error();
        Statement &up = db.statement(QStringLiteral(
            "UPDATE coupon_types SET name = ?, kind = ?, value_fen = ?, permille = ?, gift_product_id = ?, "
            "min_spend_fen = ?, category_ids = ?, stackable = ?, valid_days = ?, valid_from_ms = ?, "
            "valid_until_ms = ?, issue_on = ?, purchase_min_fen = ?, active = ? WHERE id = ?"));
        if (auto st = up.exec(couponTypeValues(type) + QVariantList{id}); !st)
            return st.error();
        if (up.changes() != 1)
            return makeError(ErrorCode::NotFound, QCoreApplication::translate("Coupons", "No such coupon type."));
    }
    if (auto st = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("programme.coupon_type"), QString::number(id),
                             {}, type.name.trimmed());
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return id;
}

Result<QList<CouponType>> couponTypes(Database &db)
{
    auto rows = db.statement(kTypeColumns + QStringLiteral("ORDER BY id")).select();
    if (!rows)
        return rows.error();
    QList<CouponType> out;
    for (const QVariantList &r : *rows)
        out.append(typeFrom(r));
    return out;
}

Result<CouponType> couponTypeNamed(Database &db, const QString &name)
{
    auto rows = db.statement(kTypeColumns + QStringLiteral("WHERE name = ?")).select({name.trimmed()});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("Coupons", "There is no coupon type %1.").arg(name.trimmed()));
    return typeFrom(rows->first());
}

Result<Coupon> couponByCode(Database &db, const QString &code)
{
    auto rows = db.statement(QStringLiteral("SELECT ") + kCouponColumns + QStringLiteral("WHERE c.code = ?"))
                    .select({code.trimmed()});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("Coupons", "There is no coupon %1.").arg(code.trimmed()));
    return couponFrom(rows->first());
}

Result<QList<Coupon>> memberCoupons(Database &db, qint64 memberId)
{
    auto rows =
        db.statement(QStringLiteral("SELECT ") + kCouponColumns +
                     QStringLiteral("WHERE c.member_id = ? ORDER BY c.state = 'unused' DESC, c.id DESC"))
            .select({memberId});
    if (!rows)
        return rows.error();
    QList<Coupon> out;
    for (const QVariantList &r : *rows)
        out.append(couponFrom(r));
    return out;
}

Result<Coupon> issueCoupon(Database &db, const LedgerContext &ctx, const CouponType &t, qint64 memberId,
                           qint64 issuedBySaleId, const QString &reason)
{
    const qint64 from = t.validDays == 0 && t.validFromMs > 0 ? t.validFromMs : ctx.nowMs;
    qint64 expires = t.validDays == 0 ? t.validUntilMs : 0;
    if (t.validDays > 0)
        expires =
            ctx.time->toUtcMs(QDateTime(ctx.time->localDate(ctx.nowMs).addDays(t.validDays), QTime(0, 0)));
    for (int attempt = 0; attempt < 8; ++attempt) {
        const QString code = newCouponCode();
        auto clash = db.statement(QStringLiteral("SELECT 1 FROM coupons WHERE code = ?")).select({code});
        if (!clash)
            return clash.error();
        if (!clash->isEmpty())
            continue; // one in ten billion: draw again
        Statement &ins =
            db.statement(QStringLiteral("INSERT INTO coupons(uuid, code, type_id, store_id, member_id, kind, "
                                        "value_fen, permille, gift_product_id, "
                                        "min_spend_fen, category_ids, stackable, issued_at_ms, "
                                        "valid_from_ms, expires_at_ms, issued_by_sale_id) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (auto st = ins.exec({newUuid(), code, t.id, idOrNull(ctx.storeId), idOrNull(memberId), t.kind,
                                t.value.fen(), t.permille, idOrNull(t.giftProductId), t.minSpend.fen(),
                                idText(t.categoryIds), t.stackable, ctx.nowMs, from,
                                expires > 0 ? QVariant(expires) : QVariant(), idOrNull(issuedBySaleId)});
            !st)
            return st.error();
        const qint64 id = ins.lastInsertId();
        if (auto st = appendEvent(db, ctx, id, QStringLiteral("issue"), reason); !st)
            return st.error();
        return couponByCode(db, code);
    }
    return makeError(ErrorCode::Storage, QStringLiteral("no free coupon code"));
}

Result<Coupon> issueCouponNow(Database &db, const LedgerContext &ctx, const QString &typeName,
                              qint64 memberId, const QString &reason)
{
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    auto type = couponTypeNamed(db, typeName);
    if (!type)
        return type.error();
    if (!type->active)
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate("Coupons", "Coupon type %1 is switched off.").arg(type->name));
    auto c = issueCoupon(db, ctx, *type, memberId, 0, reason);
    if (!c)
        return c.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return c;
}

Status issueRegistrationCoupons(Database &db, const LedgerContext &ctx, qint64 memberId)
{
    return issueAll(db, ctx, QStringLiteral("registration"), memberId, 0);
}

Result<int> issueBirthdayCoupons(Database &db, const LedgerContext &ctx)
{
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    const QDate today = ctx.time->localDate(ctx.nowMs);
    const qint64 yearStart = ctx.time->toUtcMs(QDateTime(QDate(today.year(), 1, 1), QTime(0, 0)));
    auto types =
        db.statement(kTypeColumns + QStringLiteral("WHERE active = 1 AND issue_on = 'birthday' ORDER BY id"))
            .select();
    if (!types)
        return types.error();
    int issued = 0;
    for (const QVariantList &r : *types) {
        const CouponType t = typeFrom(r);
        // A birthday stored as 1990-05-20 or as 05-20: the last five characters say the day.
        auto members =
            db.statement(
                  QStringLiteral("SELECT m.id FROM members m WHERE m.card_state = 'active' AND "
                                 "substr(m.birthday, -5) = ? AND NOT EXISTS (SELECT 1 FROM coupons c "
                                 "WHERE c.member_id = m.id AND c.type_id = ? AND c.issued_at_ms >= ?)"))
                .select({today.toString(QStringLiteral("MM-dd")), t.id, yearStart});
        if (!members)
            return members.error();
        for (const QVariantList &m : *members) {
            if (auto c = issueCoupon(db, ctx, t, m.at(0).toLongLong(), 0,
                                     QCoreApplication::translate("Coupons", "birthday"));
                !c)
                return c.error();
            ++issued;
        }
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return issued;
}

Result<QList<CouponSpec>> couponsForCart(Database &db, const QStringList &codes, const QList<CartLine> &lines,
                                         const PricingInput &pricing, qint64 nowMs)
{
    QList<CouponSpec> specs;
    QList<Coupon> coupons;
    QSet<QString> seen;
    for (const QString &typed : codes) {
        const QString code = typed.trimmed();
        if (code.isEmpty())
            continue;
        if (seen.contains(code))
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate("Coupons", "Coupon %1 is on this sale twice.").arg(code));
        seen.insert(code);
        auto c = couponByCode(db, code);
        if (!c)
            return c.error();
        const QString state = couponState(*c, nowMs);
        if (state == QLatin1String("used"))
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Coupons", "Coupon %1 was already used.").arg(code));
        if (state == QLatin1String("voided"))
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Coupons", "Coupon %1 was voided.").arg(code));
        if (state == QLatin1String("expired"))
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Coupons", "Coupon %1 expired.").arg(code));
        if (nowMs < c->validFromMs)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("Coupons", "Coupon %1 is not valid yet.").arg(code));
        if (c->memberId > 0 && c->memberId != pricing.member.memberId)
            return makeError(
                ErrorCode::Denied,
                QCoreApplication::translate("Coupons", "Coupon %1 is a member's own: attach that member.")
                    .arg(code));
        coupons.append(*c);
    }
    if (coupons.size() > 1)
        for (const Coupon &c : coupons)
            if (!c.stackable)
                return makeError(ErrorCode::Invalid,
                                 QCoreApplication::translate("Coupons",
                                                             "Coupon %1 (%2) is one per order: it cannot go "
                                                             "with other coupons.")
                                     .arg(c.code, c.typeName));
    for (const Coupon &c : coupons) {
        CouponSpec s{c.code, c.kind, c.value, c.permille, c.giftProductId, c.minSpend, {}, c.memberId, c.typeName};
        if (!c.categoryIds.isEmpty())
            for (const CartLine &l : lines) {
                auto cat =
                    db.statement(QStringLiteral("SELECT COALESCE(category_id, 0) FROM products WHERE id = ?"))
                        .select({l.productId});
                if (!cat)
                    return cat.error();
                if (!cat->isEmpty() && c.categoryIds.contains(cat->first().at(0).toLongLong()))
                    s.eligibleProducts.insert(l.productId);
            }
        if (!c.categoryIds.isEmpty() && s.eligibleProducts.isEmpty())
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate("Coupons", "Coupon %1 (%2) is for other goods than these.")
                    .arg(c.code, c.typeName));
        if (s.kind == QLatin1String("gift") &&
            std::none_of(lines.cbegin(), lines.cend(),
                         [&](const CartLine &l) { return l.productId == s.giftProductId; }))
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate("Coupons", "Coupon %1 (%2) gives a product: put it in the cart.")
                    .arg(c.code, c.typeName));
        specs.append(s);
    }
    // Priced with them: each must take something off (its minimum spend reached on its goods).
    PricingInput in = pricing;
    in.coupons = specs;
    const PricedOrder priced = price(lines, in);
    PricingInput before = pricing;
    before.coupons.clear();
    const PricedOrder plain = price(lines, before);
    for (const CouponSpec &s : specs) {
        if (adjustedBy(priced, kAdjustCoupon, s.code).fen() > 0)
            continue;
        Money base;
        for (int i = 0; i < lines.size(); ++i)
            if (lines.at(i).countCardId == 0 &&
                (s.eligibleProducts.isEmpty() || s.eligibleProducts.contains(lines.at(i).productId)))
                base += plain.lines.at(i).amount;
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate("Coupons", "Coupon %1 needs %2 of eligible goods; these come to %3.")
                .arg(s.code, s.minSpend.display(), base.display()));
    }
    return specs;
}

Status useCoupons(Database &db, const LedgerContext &ctx, qint64 memberId, const QStringList &codes,
                  Money saleTotal)
{
    for (const QString &typed : codes) {
        const QString code = typed.trimmed();
        if (code.isEmpty())
            continue;
        Statement &u = db.statement(QStringLiteral(
            "UPDATE coupons SET state = 'used', used_sale_id = ?1 WHERE code = ?2 AND state = 'unused' AND "
            "(member_id IS NULL OR member_id = ?3) AND valid_from_ms <= ?4 AND (expires_at_ms IS NULL OR "
            "expires_at_ms > ?4)"));
        if (auto st = u.exec({ctx.documentId, code, memberId, ctx.nowMs}); !st)
            return st;
        if (u.changes() != 1) {
            // Say why: almost always another till was first.
            auto c = couponByCode(db, code);
            if (!c)
                return c.error();
            if (c->state == QLatin1String("used"))
                return makeError(
                    ErrorCode::Conflict,
                    QCoreApplication::translate("Coupons", "Coupon %1 was already used.").arg(code));
            return makeError(ErrorCode::Invalid, QCoreApplication::translate(
                                                     "Coupons", "Coupon %1 cannot be used on this sale (%2).")
                                                     .arg(code, couponState(*c, ctx.nowMs)));
        }
        auto c = couponByCode(db, code);
        if (!c)
            return c.error();
        if (auto st = appendEvent(db, ctx, c->id, QStringLiteral("use")); !st)
            return st;
    }
    if (memberId > 0)
        return issueAll(db, ctx, QStringLiteral("purchase"), memberId, ctx.documentId, saleTotal);
    return Ok{};
}

Status reverseCoupons(Database &db, const LedgerContext &ctx, qint64 originalSaleId)
{
    auto used =
        db.statement(QStringLiteral(
                         "SELECT id, code, COALESCE(expires_at_ms, 0) FROM coupons WHERE used_sale_id = ?"))
            .select({originalSaleId});
    if (!used)
        return used.error();
    for (const QVariantList &r : *used) {
        // What of its discount is still with the customer: the sale's share less every refund's.
        auto left =
            db.statement(
                  QStringLiteral("SELECT COALESCE(SUM(a.amount_fen), 0) FROM sale_adjustments a JOIN sales s "
                                 "ON s.id = a.sale_id WHERE a.source = ?1 AND a.reference = ?2 AND "
                                 "(s.id = ?3 OR s.original_sale_id = ?3)"))
                .select({kAdjustCoupon, r.at(1).toString(), originalSaleId});
        if (!left)
            return left.error();
        if (left->first().at(0).toLongLong() != 0)
            continue; // some goods it was on are kept: the coupon stays used
        const qint64 expires = r.at(2).toLongLong();
        if (expires > 0 && ctx.nowMs >= expires)
            continue; // expired meanwhile: it stays used, as spent
        Statement &u = db.statement(QStringLiteral("UPDATE coupons SET state = 'unused', used_sale_id = NULL "
                                                   "WHERE id = ? AND state = 'used' AND used_sale_id = ?"));
        if (auto st = u.exec({r.at(0).toLongLong(), originalSaleId}); !st)
            return st;
        if (u.changes() != 1)
            return makeError(ErrorCode::Conflict, QCoreApplication::translate(
                                                      "Coupons", "The coupon changed meanwhile: try again."));
        if (auto st = appendEvent(db, ctx, r.at(0).toLongLong(), QStringLiteral("unuse")); !st)
            return st;
    }
    return Ok{};
}

Status voidCoupon(Database &db, const LedgerContext &ctx, const QString &code, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Coupons", "Give a reason for voiding the coupon."));
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    auto c = couponByCode(db, code);
    if (!c)
        return c.error();
    Statement &u =
        db.statement(QStringLiteral("UPDATE coupons SET state = 'voided' WHERE id = ? AND state = 'unused'"));
    if (auto st = u.exec({c->id}); !st)
        return st;
    if (u.changes() != 1)
        return makeError(ErrorCode::Conflict, QCoreApplication::translate(
                                                  "Coupons", "Coupon %1 is %2: only an unused one is voided.")
                                                  .arg(c->code, c->state));
    if (auto st = appendEvent(db, ctx, c->id, QStringLiteral("void"), reason.trimmed()); !st)
        return st;
    return tx.commit();
}

} // namespace huike
