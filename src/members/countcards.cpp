#include "countcards.h"

#include "core/uuid.h"
#include "earnings.h"
#include "store/database.h"
#include "members/members.h"
#include "store/permissions.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>

#include <algorithm>
#include <limits>

namespace huike {

namespace {

const QString kCardColumns = QStringLiteral("c.id, c.member_id, c.plan_id, p.name, p.service_product_id, "
                                            "s.name, c.uses_total, c.uses_left, c.sold_at_ms, "
                                            "COALESCE(c.first_use_ms, 0), COALESCE(c.expires_at_ms, 0), "
                                            "p.validity_days, p.validity_from, p.days, c.state "
                                            "FROM count_cards c JOIN count_card_plans p ON p.id = c.plan_id "
                                            "JOIN products s ON s.id = p.service_product_id ");

CountCard cardFrom(const QVariantList &r)
{
    CountCard c;
    c.id = r.at(0).toLongLong();
    c.memberId = r.at(1).toLongLong();
    c.planId = r.at(2).toLongLong();
    c.planName = r.at(3).toString();
    c.serviceProductId = r.at(4).toLongLong();
    c.serviceName = r.at(5).toString();
    c.usesTotal = r.at(6).toInt();
    c.usesLeft = r.at(7).toInt();
    c.soldAtMs = r.at(8).toLongLong();
    c.firstUseMs = r.at(9).toLongLong();
    c.expiresAtMs = r.at(10).toLongLong();
    c.validityDays = r.at(11).toInt();
    c.fromFirstUse = r.at(12).toString() == QLatin1String("first_use");
    c.days = r.at(13).toString();
    c.state = r.at(14).toString();
    return c;
}

// Valid through the last of `days` calendar days, the starting day the first: expires at the
// start of the day after, shop time.
qint64 expiryAfter(qint64 startMs, int days, const ShopTime &time)
{
    return time.toUtcMs(QDateTime(time.localDate(startMs).addDays(days), QTime(0, 0)));
}

Status appendLedger(Database &db, const LedgerContext &ctx, qint64 cardId, qint64 memberId,
                    const QString &kind, int uses)
{
    return db
        .statement(
            QStringLiteral("INSERT INTO count_card_ledger(uuid, store_id, card_id, member_id, sale_id, kind, "
                           "uses, operator_id, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .exec({newUuid(), idOrNull(ctx.storeId), cardId, memberId, idOrNull(ctx.documentId), kind, uses,
               idOrNull(ctx.operatorId), ctx.nowMs});
}

Status changedMeanwhile()
{
    return makeError(
        ErrorCode::Conflict,
        QCoreApplication::translate("CountCards",
                                    "The count card changed meanwhile (another till used it): try again."));
}

// The count-card adjustments of a document's lines: card id -> (line product, units), per line.
struct CoveredLine {
    qint64 cardId = 0;
    qint64 productId = 0;
    QString name;
    qint64 quantityMilli = 0;
};

Result<QList<CoveredLine>> coveredLines(Database &db, qint64 saleId)
{
    auto rows =
        db.statement(
              QStringLiteral("SELECT a.reference, l.product_id, l.name, l.qty_milli FROM sale_adjustments a "
                             "JOIN sale_lines l ON l.sale_id = a.sale_id AND l.line_no = a.line_no "
                             "WHERE a.sale_id = ? AND a.source = ? ORDER BY a.line_no"))
            .select({saleId, kAdjustCountCard});
    if (!rows)
        return rows.error();
    QList<CoveredLine> out;
    for (const QVariantList &r : *rows)
        out.append(CoveredLine{r.at(0).toString().toLongLong(), r.at(1).toLongLong(), r.at(2).toString(),
                               r.at(3).toLongLong()});
    return out;
}

} // namespace

Result<QList<CountCardPlan>> countCardPlans(Database &db)
{
    auto rows =
        db.statement(
              QStringLiteral("SELECT p.id, p.name, p.card_product_id, p.service_product_id, s.name, p.uses, "
                             "p.validity_days, p.validity_from, p.days, p.active FROM count_card_plans p "
                             "JOIN products s ON s.id = p.service_product_id ORDER BY p.id"))
            .select();
    if (!rows)
        return rows.error();
    QList<CountCardPlan> out;
    for (const QVariantList &r : *rows)
        out.append(CountCardPlan{r.at(0).toLongLong(), r.at(1).toString(), r.at(2).toLongLong(),
                                 r.at(3).toLongLong(), r.at(4).toString(), r.at(5).toInt(), r.at(6).toInt(),
                                 r.at(7).toString() == QLatin1String("first_use"), r.at(8).toString(),
                                 r.at(9).toBool()});
    return out;
}

Result<QSet<qint64>> countCardProductIds(Database &db)
{
    auto rows = db.statement(QStringLiteral("SELECT card_product_id FROM count_card_plans")).select();
    if (!rows)
        return rows.error();
    QSet<qint64> out;
    for (const QVariantList &r : *rows)
        out.insert(r.at(0).toLongLong());
    return out;
}

namespace {

// What a plan must be to be saved, new or edited (its name and card product not another plan's).
Status checkPlan(Database &db, const CountCardPlan &plan)
{
    if (plan.name.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("CountCards", "A count card needs a name."));
    if (plan.uses <= 0 || plan.uses > 10000)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("CountCards", "A count card holds 1 to 10,000 uses."));
    if (plan.validityDays < 0 || plan.validityDays > 36600)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate(
                             "CountCards", "A count card's validity is 0 (never expires) to 36,600 days."));
    if (plan.cardProductId <= 0 || plan.serviceProductId <= 0 || plan.cardProductId == plan.serviceProductId)
        return makeError(
            ErrorCode::Invalid,
            QCoreApplication::translate(
                "CountCards",
                "A count card needs two different products: the card that is sold and the service a "
                "use covers."));
    if (plan.days != QLatin1String("any") && plan.days != QLatin1String("weekdays") &&
        plan.days != QLatin1String("weekends"))
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate(
                             "CountCards", "A count card is valid on any day, on weekdays or on weekends."));
    auto taken = db.statement(QStringLiteral("SELECT name FROM count_card_plans WHERE (name = ? OR card_product_id "
                                             "= ?) AND id <> ?"))
                     .select({plan.name.trimmed(), plan.cardProductId, plan.id});
    if (!taken)
        return taken.error();
    if (!taken->isEmpty())
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate(
                             "CountCards", "The count card %1 already has this name or this card product.")
                             .arg(taken->first().at(0).toString()));
    return Ok{};
}

QVariantList planValues(const CountCardPlan &plan)
{
    return {plan.name.trimmed(), plan.cardProductId, plan.serviceProductId, plan.uses, plan.validityDays,
            plan.fromFirstUse ? QStringLiteral("first_use") : QStringLiteral("sale"), plan.days, plan.active};
}

} // namespace

Result<qint64> addCountCardPlan(Database &db, const CountCardPlan &plan)
{
    CountCardPlan fresh = plan;
    fresh.id = 0;
    if (auto st = checkPlan(db, fresh); !st)
        return st.error();
    Statement &ins = db.statement(QStringLiteral("INSERT INTO count_card_plans(name, card_product_id, "
                                                 "service_product_id, uses, validity_days, validity_from, "
                                                 "days, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (auto st = ins.exec(planValues(fresh)); !st)
        return st.error();
    return ins.lastInsertId();
}

Result<qint64> saveCountCardPlan(Database &db, const CountCardPlan &plan, qint64 operatorId, qint64 nowMs)
{
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = requirePermission(db, operatorId, Permission::Settings); !st)
        return st.error();
    qint64 id = plan.id;
    if (id <= 0) {
        auto added = addCountCardPlan(db, plan);
        if (!added)
            return added.error();
        id = *added;
    } else {
        if (auto st = checkPlan(db, plan); !st)
            return st.error();
        Statement &up = db.statement(QStringLiteral(
            "UPDATE count_card_plans SET name = ?, card_product_id = ?, service_product_id = ?, uses = ?, "
            "validity_days = ?, validity_from = ?, days = ?, active = ? WHERE id = ?"));
        if (auto st = up.exec(planValues(plan) + QVariantList{id}); !st)
            return st.error();
        if (up.changes() != 1)
            return makeError(ErrorCode::NotFound, QCoreApplication::translate("CountCards", "No such count card plan."));
    }
    if (auto st = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("programme.count_card_plan"),
                             QString::number(id), {}, plan.name.trimmed());
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return id;
}

ApprovalScope countCardExtendScope(qint64 cardId, int days)
{
    return ApprovalScope{kApproveCountCardExtend, QStringLiteral("%1:%2").arg(cardId).arg(days), Money()};
}

Result<CountCard> extendCountCard(Database &db, const LedgerContext &ctx, qint64 cardId, int days,
                                  const QString &reason, const QString &approvalToken)
{
    if (days <= 0 || days > 3660)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("CountCards", "A card is extended by 1 to 3,660 days."));
    if (auto st = requireReason(reason); !st)
        return st.error();
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    auto card = countCard(db, cardId);
    if (!card)
        return card.error();
    if (card->state != QLatin1String("active"))
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("CountCards", "Count card %1 was refunded.").arg(cardId));
    if (card->expiresAtMs <= 0)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("CountCards", "Count card %1 has no end date to extend "
                                                                   "(it never expires, or its validity starts "
                                                                   "at the first use).")
                             .arg(cardId));
    auto used = consumeApproval(db, ctx.nowMs, approvalToken, countCardExtendScope(cardId, days));
    if (!used)
        return used.error();
    // From its end, or from today if it has ended: an expired card gets `days` from now.
    const qint64 from = std::max(card->expiresAtMs, expiryAfter(ctx.nowMs, 0, *ctx.time));
    const qint64 until = ctx.time->toUtcMs(QDateTime(ctx.time->localDate(from).addDays(days), QTime(0, 0)));
    Statement &up = db.statement(QStringLiteral("UPDATE count_cards SET expires_at_ms = ? WHERE id = ? AND "
                                                "expires_at_ms = ?"));
    if (auto st = up.exec({until, cardId, card->expiresAtMs}); !st)
        return st.error();
    if (up.changes() != 1)
        return changedMeanwhile().error();
    if (auto st = db.statement(QStringLiteral("INSERT INTO count_card_ledger(uuid, store_id, card_id, member_id, "
                                              "sale_id, kind, uses, expires_at_ms, operator_id, authorized_by, reason, "
                                              "created_at_ms) VALUES (?, ?, ?, ?, NULL, 'extend', 0, ?, ?, ?, ?, ?)"))
                      .exec({newUuid(), idOrNull(ctx.storeId), cardId, card->memberId, until,
                             idOrNull(ctx.operatorId), used->managerId, reason.trimmed(), ctx.nowMs});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return countCard(db, cardId);
}

Result<CountCard> countCard(Database &db, qint64 cardId)
{
    auto rows = db.statement(QStringLiteral("SELECT ") + kCardColumns + QStringLiteral("WHERE c.id = ?"))
                    .select({cardId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("CountCards", "There is no count card %1.").arg(cardId));
    return cardFrom(rows->first());
}

Result<QList<CountCard>> memberCountCards(Database &db, qint64 memberId)
{
    auto rows =
        db.statement(
              QStringLiteral("SELECT ") + kCardColumns +
              QStringLiteral("WHERE c.member_id = ? ORDER BY c.state = 'active' AND c.uses_left > 0 DESC, "
                             "c.id DESC"))
            .select({memberId});
    if (!rows)
        return rows.error();
    QList<CountCard> out;
    for (const QVariantList &r : *rows)
        out.append(cardFrom(r));
    return out;
}

Result<QList<CountCard>> usableCountCards(Database &db, qint64 memberId, qint64 nowMs, const ShopTime &time)
{
    auto cards = memberCountCards(db, memberId);
    if (!cards)
        return cards.error();
    QList<CountCard> usable;
    for (const CountCard &c : *cards)
        if (countCardProblem(c, nowMs, time).isEmpty())
            usable.append(c);
    std::stable_sort(usable.begin(), usable.end(), [](const CountCard &a, const CountCard &b) {
        const qint64 ea = a.expiresAtMs > 0 ? a.expiresAtMs : std::numeric_limits<qint64>::max();
        const qint64 eb = b.expiresAtMs > 0 ? b.expiresAtMs : std::numeric_limits<qint64>::max();
        return ea < eb;
    });
    return usable;
}

QString countCardProblem(const CountCard &card, qint64 nowMs, const ShopTime &time)
{
    if (card.state != QLatin1String("active"))
        return QCoreApplication::translate("CountCards", "Count card %1 (%2) was refunded.")
            .arg(card.id)
            .arg(card.planName);
    if (card.usesLeft <= 0)
        return QCoreApplication::translate("CountCards", "Count card %1 (%2) is used up.")
            .arg(card.id)
            .arg(card.planName);
    if (card.expiresAtMs > 0 && nowMs >= card.expiresAtMs)
        return QCoreApplication::translate("CountCards", "Count card %1 (%2) expired on %3.")
            .arg(card.id)
            .arg(card.planName, time.localDate(card.expiresAtMs - 1).toString(Qt::ISODate));
    const int weekday = time.weekday(nowMs);
    if (card.days == QLatin1String("weekdays") && weekday >= 6)
        return QCoreApplication::translate("CountCards", "Count card %1 (%2) is valid on weekdays only.")
            .arg(card.id)
            .arg(card.planName);
    if (card.days == QLatin1String("weekends") && weekday <= 5)
        return QCoreApplication::translate("CountCards", "Count card %1 (%2) is valid at weekends only.")
            .arg(card.id)
            .arg(card.planName);
    return {};
}

QString countCardSummary(const CountCard &card, const ShopTime &time)
{
    QString s =
        QCoreApplication::translate("CountCards", "%1 left of %2").arg(card.usesLeft).arg(card.usesTotal);
    if (card.state != QLatin1String("active"))
        return QCoreApplication::translate("CountCards", "refunded");
    if (card.expiresAtMs > 0)
        s += QCoreApplication::translate("CountCards", ", until %1")
                 .arg(time.localDate(card.expiresAtMs - 1).toString(Qt::ISODate));
    else if (card.fromFirstUse && card.validityDays > 0)
        s += QCoreApplication::translate("CountCards", ", %1 days from the first use").arg(card.validityDays);
    return s;
}

Result<int> applyCountCard(QList<CartLine> &lines, const CountCard &card, qint64 nowMs, const ShopTime &time)
{
    if (const QString problem = countCardProblem(card, nowMs, time); !problem.isEmpty())
        return makeError(ErrorCode::Invalid, problem);
    int inUse = 0; // uses this cart already takes off the card
    for (const CartLine &l : lines)
        if (l.countCardId == card.id)
            inUse += static_cast<int>(l.quantityMilli / 1000);
    int left = card.usesLeft - inUse;
    int covered = 0;
    for (int i = 0; i < lines.size() && left > 0; ++i) {
        CartLine &l = lines[i];
        if (l.productId != card.serviceProductId || l.countCardId > 0 || l.weighed || l.fixedAmount)
            continue;
        const qint64 units = l.quantityMilli / 1000;
        if (units <= 0 || l.quantityMilli % 1000 != 0)
            continue; // a card pays whole uses
        const int take = static_cast<int>(std::min<qint64>(units, left));
        if (take < units) { // the rest of the line stays to be paid
            CartLine rest = l;
            rest.quantityMilli = (units - take) * 1000;
            l.quantityMilli = qint64(take) * 1000;
            lines.insert(i + 1, rest);
        }
        CartLine &c = lines[i];
        c.countCardId = card.id;
        c.priceOverride.reset();
        c.discountPermille = 1000;
        covered += take;
        left -= take;
    }
    if (covered == 0)
        return makeError(
            ErrorCode::Invalid,
            left <= 0 ? QCoreApplication::translate(
                            "CountCards", "Count card %1 (%2): all its uses left are on this sale already.")
                            .arg(card.id)
                            .arg(card.planName)
                      : QCoreApplication::translate(
                            "CountCards",
                            "Count card %1 (%2) covers %3, and there is none of it to pay for in the cart.")
                            .arg(card.id)
                            .arg(card.planName, card.serviceName));
    return covered;
}

Status recordCountCards(Database &db, const LedgerContext &ctx, qint64 memberId)
{
    // Uses first: a card sold on this receipt is for the next visit, not this one.
    auto covered = coveredLines(db, ctx.documentId);
    if (!covered)
        return covered.error();
    QMap<qint64, int> usesByCard;
    QMap<qint64, CountCard> cards; // as read under the write lock, once each
    for (const CoveredLine &l : *covered) {
        if (l.quantityMilli <= 0 || l.quantityMilli % 1000 != 0)
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate("CountCards", "%1: a count card pays whole uses, not %2.")
                    .arg(l.name, formatQuantity(l.quantityMilli)));
        auto card = countCard(db, l.cardId);
        if (!card)
            return card.error();
        if (memberId <= 0 || card->memberId != memberId)
            return makeError(
                ErrorCode::Denied,
                QCoreApplication::translate("CountCards", "Count card %1 is not the attached member's.")
                    .arg(l.cardId));
        if (card->serviceProductId != l.productId)
            return makeError(ErrorCode::Invalid, QCoreApplication::translate(
                                                     "CountCards", "Count card %1 (%2) covers %3, not %4.")
                                                     .arg(card->id)
                                                     .arg(card->planName, card->serviceName, l.name));
        usesByCard[l.cardId] += static_cast<int>(l.quantityMilli / 1000);
        cards.insert(l.cardId, *card);
    }
    for (auto it = usesByCard.cbegin(); it != usesByCard.cend(); ++it) {
        const CountCard *card = &cards[it.key()];
        if (const QString problem = countCardProblem(*card, ctx.nowMs, *ctx.time); !problem.isEmpty())
            return makeError(ErrorCode::Invalid, problem);
        if (card->usesLeft < it.value())
            return makeError(
                ErrorCode::InsufficientFunds,
                QCoreApplication::translate("CountCards", "Count card %1 (%2) has %3 uses left, not %4.")
                    .arg(card->id)
                    .arg(card->planName)
                    .arg(card->usesLeft)
                    .arg(it.value()));
        const bool firstUse = card->firstUseMs == 0;
        const qint64 firstUseMs = firstUse ? ctx.nowMs : card->firstUseMs;
        qint64 expires = card->expiresAtMs;
        if (firstUse && card->fromFirstUse && card->validityDays > 0)
            expires = expiryAfter(ctx.nowMs, card->validityDays, *ctx.time);
        Statement &u = db.statement(QStringLiteral(
            "UPDATE count_cards SET uses_left = uses_left - ?1, first_use_ms = ?2, expires_at_ms = ?3 "
            "WHERE id = ?4 AND state = 'active' AND uses_left = ?5"));
        if (auto st = u.exec({it.value(), firstUseMs, expires > 0 ? QVariant(expires) : QVariant(), card->id,
                              card->usesLeft});
            !st)
            return st;
        if (u.changes() != 1)
            return changedMeanwhile();
        if (auto st = appendLedger(db, ctx, card->id, card->memberId, QStringLiteral("use"), -it.value());
            !st)
            return st;
    }

    auto sold =
        db.statement(
              QStringLiteral("SELECT l.id, l.name, l.qty_milli, p.id, p.uses, p.validity_days, "
                             "p.validity_from, p.active FROM sale_lines l JOIN count_card_plans p "
                             "ON p.card_product_id = l.product_id WHERE l.sale_id = ? ORDER BY l.line_no"))
            .select({ctx.documentId});
    if (!sold)
        return sold.error();
    for (const QVariantList &r : *sold) {
        const QString name = r.at(1).toString();
        const qint64 qty = r.at(2).toLongLong();
        if (memberId <= 0)
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate(
                    "CountCards", "%1 is a count card: it is sold to a member. Attach the member first.")
                    .arg(name));
        if (r.at(7).toLongLong() == 0)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("CountCards", "%1 is no longer sold as a count card.")
                                 .arg(name));
        if (qty <= 0 || qty % 1000 != 0)
            return makeError(ErrorCode::Invalid, QCoreApplication::translate(
                                                     "CountCards", "%1: count cards are sold whole, not %2.")
                                                     .arg(name, formatQuantity(qty)));
        const int uses = r.at(4).toInt();
        const int days = r.at(5).toInt();
        const bool fromSale = r.at(6).toString() == QLatin1String("sale");
        const QVariant expires =
            fromSale && days > 0 ? QVariant(expiryAfter(ctx.nowMs, days, *ctx.time)) : QVariant();
        for (qint64 k = 0; k < qty / 1000; ++k) {
            Statement &ins = db.statement(QStringLiteral(
                "INSERT INTO count_cards(uuid, store_id, member_id, plan_id, sale_id, sale_line_id, "
                "uses_total, "
                "uses_left, sold_at_ms, expires_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            if (auto st = ins.exec({newUuid(), idOrNull(ctx.storeId), memberId, r.at(3).toLongLong(),
                                    ctx.documentId, r.at(0).toLongLong(), uses, uses, ctx.nowMs, expires});
                !st)
                return st;
            if (auto st = appendLedger(db, ctx, ins.lastInsertId(), memberId, QStringLiteral("sold"), uses);
                !st)
                return st;
        }
    }
    return Ok{};
}

Status reverseCountCards(Database &db, const LedgerContext &ctx, qint64 originalSaleId)
{
    // Uses back: the refund's lines carry the reversed count-card adjustment, units negative.
    auto covered = coveredLines(db, ctx.documentId);
    if (!covered)
        return covered.error();
    for (const CoveredLine &l : *covered) {
        const qint64 back = -l.quantityMilli;
        if (back <= 0 || back % 1000 != 0)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate(
                                 "CountCards", "%1 was paid with a count card: refund it in whole uses.")
                                 .arg(l.name));
        auto card = countCard(db, l.cardId);
        if (!card)
            return card.error();
        const int uses = static_cast<int>(back / 1000);
        Statement &u = db.statement(QStringLiteral("UPDATE count_cards SET uses_left = uses_left + ?1 WHERE "
                                                   "id = ?2 AND uses_left + ?1 <= uses_total"));
        if (auto st = u.exec({uses, card->id}); !st)
            return st;
        if (u.changes() != 1)
            return changedMeanwhile();
        if (auto st = appendLedger(db, ctx, card->id, card->memberId, QStringLiteral("refund_use"), uses);
            !st)
            return st;
    }

    // Cards returned: the refund's lines of a card product, against the cards their original line made.
    auto returned =
        db.statement(QStringLiteral("SELECT l.name, l.qty_milli, l.original_line_id FROM sale_lines l "
                                    "JOIN count_card_plans p ON p.card_product_id = l.product_id "
                                    "WHERE l.sale_id = ? AND l.original_line_id IS NOT NULL"))
            .select({ctx.documentId});
    if (!returned)
        return returned.error();
    for (const QVariantList &r : *returned) {
        const QString name = r.at(0).toString();
        const qint64 qty = -r.at(1).toLongLong();
        if (qty <= 0 || qty % 1000 != 0)
            return makeError(
                ErrorCode::Invalid,
                QCoreApplication::translate("CountCards", "%1: count cards are refunded whole.").arg(name));
        const qint64 wanted = qty / 1000;
        auto unused = db.statement(QStringLiteral(
                                       "SELECT id, member_id, uses_total FROM count_cards WHERE sale_id = ? "
                                       "AND sale_line_id = ? AND state = 'active' AND uses_left = uses_total "
                                       "ORDER BY id DESC LIMIT ?"))
                          .select({originalSaleId, r.at(2).toLongLong(), wanted});
        if (!unused)
            return unused.error();
        if (unused->size() < wanted)
            return makeError(
                ErrorCode::Conflict,
                QCoreApplication::translate(
                    "CountCards",
                    "%1: only %2 of these count cards are unused. A card already used is not refunded "
                    "as a new one.")
                    .arg(name)
                    .arg(unused->size()));
        for (const QVariantList &c : *unused) {
            Statement &u =
                db.statement(QStringLiteral("UPDATE count_cards SET state = 'refunded', uses_left = 0 "
                                            "WHERE id = ? AND state = 'active' AND uses_left = uses_total"));
            if (auto st = u.exec({c.at(0).toLongLong()}); !st)
                return st;
            if (u.changes() != 1)
                return changedMeanwhile();
            if (auto st = appendLedger(db, ctx, c.at(0).toLongLong(), c.at(1).toLongLong(),
                                       QStringLiteral("refund_card"), -c.at(2).toInt());
                !st)
                return st;
        }
    }
    return Ok{};
}

} // namespace huike
