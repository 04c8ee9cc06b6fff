// huike-cli member add / show / lost / lock / unlock / replace-card / transfer / set-pin, points
// adjust, import-members and export-members: the same member services as the till, for
// back-office scripts.

#include "members/members.h"

#include "app/appcontext.h"
#include "commands.h"
#include "core/phone.h"
#include "members/countcards.h"
#include "members/coupons.h"
#include "members/gifts.h"
#include "members/levels.h"
#include "members/rfmgrowth.h"
#include "members/membercsv.h"
#include "members/earnings.h"
#include "members/points.h"
#include "members/pointscsv.h"
#include "members/profile.h"
#include "members/storedvalue.h"
#include "sales/counterinput.h"
#include "store/statement.h"

#include <QJsonArray>
#include <QSaveFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace huike::cli {

namespace {

// The member's count cards: id, plan, service, uses_left, uses_total, expires (YYYY-MM-DD, the
// last valid day; empty: no end yet), state (active, used_up, expired, refunded).
QJsonArray countCardsJson(AppContext &ctx, qint64 memberId)
{
    QJsonArray out;
    auto cards = memberCountCards(ctx.db(), memberId);
    if (!cards)
        return out;
    const qint64 now = g_clock.nowMs();
    for (const CountCard &c : *cards) {
        QString state = c.state;
        if (state == QLatin1String("active") && c.usesLeft == 0)
            state = QStringLiteral("used_up");
        else if (state == QLatin1String("active") && c.expiresAtMs > 0 && now >= c.expiresAtMs)
            state = QStringLiteral("expired");
        out.append(QJsonObject{
            {QStringLiteral("id"), c.id},
            {QStringLiteral("plan"), c.planName},
            {QStringLiteral("service"), c.serviceName},
            {QStringLiteral("uses_left"), c.usesLeft},
            {QStringLiteral("uses_total"), c.usesTotal},
            {QStringLiteral("expires"),
             c.expiresAtMs > 0 ? ctx.time().localDate(c.expiresAtMs - 1).toString(Qt::ISODate) : QString()},
            {QStringLiteral("state"), state}});
    }
    return out;
}

QJsonObject couponJson(AppContext &ctx, const Coupon &c)
{
    return QJsonObject{{QStringLiteral("code"), c.code},
                       {QStringLiteral("type"), c.typeName},
                       {QStringLiteral("kind"), c.kind},
                       {QStringLiteral("value_fen"), c.value.fen()},
                       {QStringLiteral("permille"), c.permille},
                       {QStringLiteral("min_spend_fen"), c.minSpend.fen()},
                       {QStringLiteral("state"), couponState(c, g_clock.nowMs())},
                       {QStringLiteral("expires"), c.expiresAtMs > 0
                                                       ? ctx.time().localDate(c.expiresAtMs - 1).toString(Qt::ISODate)
                                                       : QString()}};
}

// The member's coupons: code, type, kind, value_fen, permille, min_spend_fen, state (unused, used,
// expired, voided), expires (the last valid day; empty: never).
QJsonArray couponsJson(AppContext &ctx, qint64 memberId)
{
    QJsonArray out;
    if (auto coupons = memberCoupons(ctx.db(), memberId))
        for (const Coupon &c : *coupons)
            out.append(couponJson(ctx, c));
    return out;
}

// What `member show --json` prints: the member as stored (the full phone: a script needs it),
// keys in English, money in fen.
QJsonObject toJson(AppContext &ctx, const Member &m)
{
    // Points as the member can use them now: lots expired since are not counted.
    const auto usable = usablePoints(ctx.db(), m.id, g_clock.nowMs());
    const qint64 points = usable ? *usable : m.points;
    const auto tags = memberTags(ctx.db(), m.id);
    QJsonObject fields; // custom fields by their name (members/profile.h)
    if (auto defined = memberFields(ctx.db(), true); defined)
        if (auto values = memberFieldValues(ctx.db(), m.id); values)
            for (const MemberField &f : std::as_const(*defined))
                if (values->contains(f.id))
                    fields.insert(f.label, values->value(f.id));
    return QJsonObject{{QStringLiteral("id"), m.id},
                       {QStringLiteral("phone"), m.phone},
                       {QStringLiteral("card"), m.cardNo},
                       {QStringLiteral("name"), m.name},
                       {QStringLiteral("gender"), m.gender},
                       {QStringLiteral("birthday"), m.birthday},
                       {QStringLiteral("address"), m.address},
                       {QStringLiteral("notes"), m.notes},
                       {QStringLiteral("consent"), m.consent},
                       {QStringLiteral("card_state"), cardStateKey(m.cardState)},
                       {QStringLiteral("level"), m.levelName},
                       // The last day the level is held (YYYY-MM-DD); empty: for good.
                       {QStringLiteral("level_valid_until"),
                        m.levelExpiresMs > 0 ? ctx.time().localDate(m.levelExpiresMs - 1).toString(Qt::ISODate) : QString()},
                       {QStringLiteral("growth"), m.growth},
                       {QStringLiteral("net_spend_fen"), m.netSpend.fen()},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("principal_fen"), m.principal.fen()},
                       {QStringLiteral("bonus_fen"), m.bonus.fen()},
                       {QStringLiteral("has_pin"), m.hasPin},
                       {QStringLiteral("count_cards"), countCardsJson(ctx, m.id)},
                       {QStringLiteral("coupons"), couponsJson(ctx, m.id)},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(tags ? *tags : QStringList{})},
                       {QStringLiteral("fields"), fields},
                       {QStringLiteral("created_at_ms"), m.createdAtMs}};
}

// The member a command names by phone or card; nullopt: the problem is printed.
std::optional<Member> memberNamed(AppContext &ctx, const QString &phoneOrCard)
{
    auto m = ctx.members().byPhoneOrCard(phoneOrCard);
    if (!m) {
        err() << "error: " << m.error().message << "\n";
        return std::nullopt;
    }
    return *m;
}

int memberAdd(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("phone", "the member's 11-digit mainland mobile number (required)", "N"),
                option("name", "name", "TEXT"), option("card", "card number", "TEXT"),
                option("birthday", "1990-05-20, or 05-20 without the year", "DATE"),
                option("gender", "男/女 (or F/M)", "G"),
                option("consent", "may be sent marketing: yes or no", "yes|no"),
                option("tags", "tags, apart by commas (VIP,团购)", "TEXT"),
                option("json", "print the member as JSON")}))
        return 2;
    if (!p.isSet(QStringLiteral("phone"))) {
        err() << "error: --phone is required\n";
        return 2;
    }
    MemberInput in;
    in.phone = p.value(QStringLiteral("phone"));
    in.name = p.value(QStringLiteral("name"));
    in.cardNo = p.value(QStringLiteral("card"));
    in.birthday = p.value(QStringLiteral("birthday"));
    in.gender = p.value(QStringLiteral("gender"));
    if (p.isSet(QStringLiteral("tags")))
        in.tags = QStringList{p.value(QStringLiteral("tags"))};
    if (p.isSet(QStringLiteral("consent"))) {
        const QString c = p.value(QStringLiteral("consent"));
        if (c != QLatin1String("yes") && c != QLatin1String("no")) {
            err() << "error: --consent is yes or no\n";
            return 2;
        }
        in.consent = c == QLatin1String("yes");
        in.consentHow = QStringLiteral("cli");
    }
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    auto m = ctx->members().registerMember(in, backOfficeOperator(*ctx));
    if (!m) {
        err() << "error: " << m.error().message << "\n";
        return 1;
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(QJsonDocument(toJson(*ctx, *m)).toJson(QJsonDocument::Compact)) << "\n";
    else
        out() << "member " << m->id << " " << maskPhone(m->phone) << " " << m->name << "\n";
    return 0;
}

int memberShow(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {option("json", "print the member as JSON")}))
        return 2;
    if (p.positionalArguments().size() != 1) {
        err() << "error: give the member's phone or card number\n";
        return 2;
    }
    auto ctx = openContext(p, {}, true);
    if (!ctx)
        return 1;
    const auto m = memberNamed(*ctx, p.positionalArguments().first());
    if (!m)
        return 1;
    if (p.isSet(QStringLiteral("json"))) {
        out() << QString::fromUtf8(QJsonDocument(toJson(*ctx, *m)).toJson(QJsonDocument::Compact)) << "\n";
        return 0;
    }
    out() << m->phone << "  " << m->name << "  " << (m->cardNo.isEmpty() ? QStringLiteral("-") : m->cardNo)
          << "  " << cardStateKey(m->cardState) << "  " << m->levelName << "  growth " << m->growth
          << "  points " << m->points << "  stored " << (m->principal + m->bonus).toString() << " (bonus "
          << m->bonus.toString() << ")\n";
    if (auto cards = memberCountCards(ctx->db(), m->id))
        for (const CountCard &c : *cards)
            out() << "  count card " << c.id << "  " << c.planName << "  " << countCardSummary(c, ctx->time())
                  << "\n";
    return 0;
}

// lost / lock / unlock / replace-card: PHONE|CARD, a reason, who does it; a manager for unlock and
// replace-card (the card carries the member's money).
int memberCard(const QString &verb, const QStringList &args)
{
    QCommandLineParser p;
    QList<QCommandLineOption> options = {
        option("reason", "why (kept in the audit log; required)", "TEXT"),
        option("operator", "who does it (default: the back office)", "CODE:PIN")};
    const bool needsManager = verb == QLatin1String("unlock") || verb == QLatin1String("replace-card");
    if (needsManager)
        options << option("manager", "the approving manager's code and PIN (required)", "CODE:PIN");
    if (verb == QLatin1String("replace-card"))
        options << option("card", "the new card number (required)", "TEXT");
    if (!parse(p, args, options))
        return 2;
    if (p.positionalArguments().size() != 1 || p.value(QStringLiteral("reason")).trimmed().isEmpty() ||
        (verb == QLatin1String("replace-card") && p.value(QStringLiteral("card")).trimmed().isEmpty())) {
        err() << "error: give the member's phone or card and --reason"
              << (verb == QLatin1String("replace-card") ? " and --card NEW" : "") << "\n";
        return 2;
    }
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    const auto m = memberNamed(*ctx, p.positionalArguments().first());
    if (!m)
        return 1;
    const auto op = actingOperator(p, *ctx);
    if (!op)
        return 1;
    const QString reason = p.value(QStringLiteral("reason"));
    const QString card = p.value(QStringLiteral("card")).trimmed();
    Status st = Ok{};
    if (verb == QLatin1String("lost")) {
        st = ctx->members().reportLost(m->id, reason, *op);
    } else if (verb == QLatin1String("lock")) {
        st = ctx->members().lock(m->id, reason, *op);
    } else {
        const auto token = managerApproval(p, *ctx, MemberService::cardApprovalScope(m->id, card), *op);
        if (!token)
            return 1;
        st = verb == QLatin1String("unlock") ? ctx->members().unlock(m->id, reason, *op, *token)
                                             : ctx->members().replaceCard(m->id, card, reason, *op, *token);
    }
    if (!st) {
        err() << "error: " << st.error().message << "\n";
        return 1;
    }
    auto now = ctx->members().byId(m->id);
    out() << maskPhone(m->phone) << " " << (now ? now->cardNo : QString()) << " "
          << (now ? cardStateKey(now->cardState) : QString()) << "\n";
    return 0;
}

// 转赠: stored value from one member to another, approved by a manager.
int memberTransfer(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("to", "the member receiving it: phone or card (required)", "PHONE|CARD"),
                option("amount",
                       "how much, in yuan (required); principal and bonus move in the ratio they are "
                       "held, oldest recharge first",
                       "YUAN"),
                option("reason", "why (kept in the audit log; required)", "TEXT"),
                option("manager", "the approving manager's code and PIN (required)", "CODE:PIN"),
                option("operator", "who does it (default: the back office)", "CODE:PIN"),
                option("json", "print what moved as JSON: principal_fen, bonus_fen")}))
        return 2;
    const auto amount = Money::parse(p.value(QStringLiteral("amount")).trimmed());
    if (p.positionalArguments().size() != 1 || p.value(QStringLiteral("to")).isEmpty() || !amount ||
        amount->fen() <= 0 || p.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        err() << "error: give the member's phone or card, --to, --amount YUAN and --reason\n";
        return 2;
    }
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    const auto from = memberNamed(*ctx, p.positionalArguments().first());
    const auto to = from ? memberNamed(*ctx, p.value(QStringLiteral("to"))) : std::nullopt;
    if (!from || !to)
        return 1;
    const auto op = actingOperator(p, *ctx);
    if (!op)
        return 1;
    const auto token =
        managerApproval(p, *ctx, StoredValueService::transferScope(from->id, to->id, *amount), *op);
    if (!token)
        return 1;
    auto moved = ctx->storedValue().transfer(from->id, to->id, *amount, p.value(QStringLiteral("reason")),
                                             *op, *token);
    if (!moved) {
        err() << "error: " << moved.error().message << "\n";
        return 1;
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(
                     QJsonDocument(QJsonObject{{QStringLiteral("principal_fen"), moved->principal.fen()},
                                               {QStringLiteral("bonus_fen"), moved->bonus.fen()}})
                         .toJson(QJsonDocument::Compact))
              << "\n";
    else
        out() << maskPhone(from->phone) << " -> " << maskPhone(to->phone) << " " << moved->total().toString()
              << " (bonus " << moved->bonus.toString() << ")\n";
    return 0;
}

// The member's payment PIN: set, changed with the old one, or reset (forgotten) by a manager.
int memberSetPin(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("pin", "the new PIN, 4 to 6 digits; an empty one removes the PIN", "PIN"),
                option("old-pin", "the current PIN, when the member has one", "PIN"),
                option("manager", "instead of the old PIN: a manager resets a forgotten one", "CODE:PIN"),
                option("operator", "who does it (default: the back office)", "CODE:PIN")}))
        return 2;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("pin"))) {
        err() << "error: give the member's phone or card and --pin NEW\n";
        return 2;
    }
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    const auto m = memberNamed(*ctx, p.positionalArguments().first());
    if (!m)
        return 1;
    const auto op = actingOperator(p, *ctx);
    if (!op)
        return 1;
    QString token;
    if (p.isSet(QStringLiteral("manager"))) {
        const auto t = managerApproval(p, *ctx, memberPinScope(m->id), *op);
        if (!t)
            return 1;
        token = *t;
    }
    if (auto st = setMemberPin(ctx->db(), g_clock, m->id, p.value(QStringLiteral("pin")),
                               p.value(QStringLiteral("old-pin")), *op, token);
        !st) {
        err() << "error: " << st.error().message << "\n";
        return 1;
    }
    out() << maskPhone(m->phone)
          << (p.value(QStringLiteral("pin")).isEmpty() ? " PIN removed\n" : " PIN set\n");
    return 0;
}

} // namespace

// member levels: assesses every member whose level lapsed (members/levels.h), and applies growth
// from RFM for each period that ended since (members/rfmgrowth.h), as the till does when it
// starts and through the day; for a back office without a till running, run daily.
int memberLevels(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {option("json", "print the assessment as JSON: assessed, changed")}))
        return 2;
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    const LedgerContext where{ctx->checkout().store().storeId, 0, backOfficeOperator(*ctx), g_clock.nowMs(), &ctx->time()};
    auto changed = reassessLevels(ctx->db(), where);
    if (!changed) {
        err() << "error: " << changed.error().message << "\n";
        return 1;
    }
    // Growth from RFM for each period that ended and was not applied yet, as the till does.
    auto runs = applyDueRfmGrowth(ctx->db(), where);
    if (!runs) {
        err() << "error: " << runs.error().message << "\n";
        return 1;
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray periods;
        for (const RfmGrowthRun &r : *runs)
            periods.append(QJsonObject{{QStringLiteral("period_end"), r.periodEnd.toString(Qt::ISODate)},
                                       {QStringLiteral("scored"), r.scored},
                                       {QStringLiteral("raised"), r.raised},
                                       {QStringLiteral("lowered"), r.lowered},
                                       {QStringLiteral("level_changes"), r.levelChanges}});
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("assessed"), changed->assessed},
                                                             {QStringLiteral("changed"), changed->changed},
                                                             {QStringLiteral("rfm_periods"), periods}})
                                       .toJson(QJsonDocument::Compact))
              << "\n";
    } else {
        out() << changed->assessed << " lapsed level(s) assessed, " << changed->changed << " changed\n";
        for (const RfmGrowthRun &r : *runs)
            out() << "growth from RFM, period ending " << r.periodEnd.toString(Qt::ISODate) << ": " << r.scored
                  << " scored, " << r.raised << " up, " << r.lowered << " down, " << r.levelChanges
                  << " level(s) moved\n";
    }
    return 0;
}

int cmdMember(const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == QLatin1String("add"))
        return memberAdd(args.mid(1));
    if (verb == QLatin1String("show"))
        return memberShow(args.mid(1));
    if (verb == QLatin1String("lost") || verb == QLatin1String("lock") || verb == QLatin1String("unlock") ||
        verb == QLatin1String("replace-card"))
        return memberCard(verb, args.mid(1));
    if (verb == QLatin1String("transfer"))
        return memberTransfer(args.mid(1));
    if (verb == QLatin1String("set-pin"))
        return memberSetPin(args.mid(1));
    if (verb == QLatin1String("levels"))
        return memberLevels(args.mid(1));
    err() << "error: member add, show, lost, lock, unlock, replace-card, transfer, set-pin or levels\n";
    return 2;
}

namespace {

int countCardPlanAdd(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("name", "the card's name, as the till shows it (required)", "TEXT"),
                option("card", "code or barcode of the product sold as the card (required)", "CODE"),
                option("service", "code or barcode of the service one use covers (required)", "CODE"),
                option("uses", "uses on each card (required)", "N"),
                option("days", "valid this many days, the first day counted (default 0: never expires)", "N"),
                option("from", "the validity runs from the sale (default) or from the first use",
                       "sale|first-use"),
                option("on", "usable on any day (default), on weekdays (Mon-Fri) or at weekends",
                       "any|weekdays|weekends"),
                option("json", "print the plan as JSON: id")}))
        return 2;
    const auto uses = numberOption(p, QStringLiteral("uses"), 0, 1, 10000);
    const auto days = numberOption(p, QStringLiteral("days"), 0, 0, 36600);
    if (!uses || !days)
        return 2;
    const QString from =
        p.isSet(QStringLiteral("from")) ? p.value(QStringLiteral("from")) : QStringLiteral("sale");
    const QString on = p.isSet(QStringLiteral("on")) ? p.value(QStringLiteral("on")) : QStringLiteral("any");
    if (p.value(QStringLiteral("name")).trimmed().isEmpty() || *uses <= 0 ||
        (from != QLatin1String("sale") && from != QLatin1String("first-use"))) {
        err() << "error: give --name, --card, --service and --uses N; --from is sale or first-use\n";
        return 2;
    }
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    auto card = ctx->catalog().byBarcode(p.value(QStringLiteral("card")));
    auto service = ctx->catalog().byBarcode(p.value(QStringLiteral("service")));
    if (!card || !service) {
        err() << "error: " << (!card ? card.error().message : service.error().message) << "\n";
        return 1;
    }
    CountCardPlan plan;
    plan.name = p.value(QStringLiteral("name"));
    plan.cardProductId = card->id;
    plan.serviceProductId = service->id;
    plan.uses = static_cast<int>(*uses);
    plan.validityDays = static_cast<int>(*days);
    plan.fromFirstUse = from == QLatin1String("first-use");
    plan.days = on;
    auto id = addCountCardPlan(ctx->db(), plan);
    if (!id) {
        err() << "error: " << id.error().message << "\n";
        return id.error().code == ErrorCode::Invalid ? 2 : 1;
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(
                     QJsonDocument(QJsonObject{{QStringLiteral("id"), *id}}).toJson(QJsonDocument::Compact))
              << "\n";
    else
        out() << "count card plan " << *id << " " << plan.name << ": sell " << card->code << " to a member\n";
    return 0;
}

int countCardPlansList(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(
            p, args,
            {option("json",
                    "print the plans as JSON lines: id, name, card, service, uses, days, from, on, active")}))
        return 2;
    auto ctx = openContext(p, {}, true);
    if (!ctx)
        return 1;
    auto plans = countCardPlans(ctx->db());
    if (!plans) {
        err() << "error: " << plans.error().message << "\n";
        return 1;
    }
    for (const CountCardPlan &plan : *plans) {
        const auto card = ctx->catalog().byId(plan.cardProductId);
        const QString code = card ? card->code : QString();
        if (p.isSet(QStringLiteral("json")))
            out() << QString::fromUtf8(
                         QJsonDocument(QJsonObject{{QStringLiteral("id"), plan.id},
                                                   {QStringLiteral("name"), plan.name},
                                                   {QStringLiteral("card"), code},
                                                   {QStringLiteral("service"), plan.serviceName},
                                                   {QStringLiteral("uses"), plan.uses},
                                                   {QStringLiteral("days"), plan.validityDays},
                                                   {QStringLiteral("from"), plan.fromFirstUse
                                                                                ? QStringLiteral("first-use")
                                                                                : QStringLiteral("sale")},
                                                   {QStringLiteral("on"), plan.days},
                                                   {QStringLiteral("active"), plan.active}})
                             .toJson(QJsonDocument::Compact))
                  << "\n";
        else
            out() << plan.id << "  " << plan.name << "  card " << code << "  " << plan.uses << " x "
                  << plan.serviceName << "  "
                  << (plan.validityDays > 0 ? QString::number(plan.validityDays) + " days"
                                            : QStringLiteral("no expiry"))
                  << "  " << plan.days << "\n";
    }
    return 0;
}

} // namespace

int cmdCountCard(const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == QLatin1String("add-plan"))
        return countCardPlanAdd(args.mid(1));
    if (verb == QLatin1String("plans"))
        return countCardPlansList(args.mid(1));
    err() << "error: countcard add-plan or plans\n";
    return 2;
}

namespace {

std::optional<Money> yuanOption(const QCommandLineParser &p, const QString &name)
{
    if (!p.isSet(name))
        return Money();
    const auto m = Money::parse(p.value(name));
    if (!m || m->isNegative()) {
        err() << "error: --" << name << " is an amount in yuan, not " << p.value(name) << "\n";
        return std::nullopt;
    }
    return m;
}

int couponAddType(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("name", "the type's name, as the receipt shows it (required)", "TEXT"),
                option("kind", "cash (an amount off), discount (a 折) or gift (one unit of a product)",
                       "cash|discount|gift"),
                option("value", "cash: the amount off in yuan", "YUAN"),
                option("discount", "discount: 8.5 for 8.5折", "ZHE"),
                option("gift", "gift: code or barcode of the product given", "CODE"),
                option("min-spend", "the goods it is for must come to at least this (yuan)", "YUAN"),
                option("categories", "only for these product categories (names, comma-separated)", "NAME,..."),
                option("stackable", "may go with other coupons on one order (default: one per order)"),
                option("days", "valid this many days from issue, the day of issue the first (default 30)", "N"),
                option("issue-on", "manual (default), registration, birthday or purchase", "WHEN"),
                option("purchase-min", "issue-on purchase: after a sale of at least this (yuan)", "YUAN"),
                option("json", "print the type as JSON: id")}))
        return 2;
    CouponType t;
    t.name = p.value(QStringLiteral("name"));
    t.kind = p.isSet(QStringLiteral("kind")) ? p.value(QStringLiteral("kind")) : QStringLiteral("cash");
    const auto value = yuanOption(p, QStringLiteral("value"));
    const auto minSpend = yuanOption(p, QStringLiteral("min-spend"));
    const auto purchaseMin = yuanOption(p, QStringLiteral("purchase-min"));
    const auto days = numberOption(p, QStringLiteral("days"), 30, 0, 36600);
    if (!value || !minSpend || !purchaseMin || !days)
        return 2;
    t.value = *value;
    t.minSpend = *minSpend;
    t.purchaseMin = *purchaseMin;
    t.validDays = static_cast<int>(*days);
    t.stackable = p.isSet(QStringLiteral("stackable"));
    t.issueOn = p.isSet(QStringLiteral("issue-on")) ? p.value(QStringLiteral("issue-on")) : QStringLiteral("manual");
    if (p.isSet(QStringLiteral("discount"))) {
        const auto zhe = parseZhe(p.value(QStringLiteral("discount")));
        if (!zhe) {
            err() << "error: --discount is a 折 such as 8.5, not " << p.value(QStringLiteral("discount")) << "\n";
            return 2;
        }
        t.permille = *zhe;
    }
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    if (p.isSet(QStringLiteral("gift"))) {
        auto gift = ctx->catalog().byBarcode(p.value(QStringLiteral("gift")));
        if (!gift) {
            err() << "error: " << gift.error().message << "\n";
            return 1;
        }
        t.giftProductId = gift->id;
    }
    for (const QString &name : p.value(QStringLiteral("categories")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto rows = ctx->db().statement(QStringLiteral("SELECT id FROM categories WHERE name = ?")).select({name.trimmed()});
        if (!rows || rows->isEmpty()) {
            err() << "error: there is no product category " << name.trimmed() << "\n";
            return 1;
        }
        t.categoryIds.append(rows->first().at(0).toLongLong());
    }
    auto id = addCouponType(ctx->db(), t);
    if (!id) {
        err() << "error: " << id.error().message << "\n";
        return id.error().code == ErrorCode::Invalid ? 2 : 1;
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), *id}}).toJson(QJsonDocument::Compact))
              << "\n";
    else
        out() << "coupon type " << *id << " " << t.name << "\n";
    return 0;
}

int couponIssue(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("type", "the coupon type's name (required)", "NAME"),
                option("member", "the member it is for (default: anyone may use it)", "PHONE|CARD"),
                option("reason", "why it is given (kept with it)", "TEXT"),
                option("operator", "who gives it (default: the back office)", "CODE:PIN"),
                option("json", "print the coupon as JSON: code, type, kind, value_fen, permille, min_spend_fen, "
                               "state, expires")}))
        return 2;
    if (p.value(QStringLiteral("type")).trimmed().isEmpty()) {
        err() << "error: give the coupon type as --type NAME\n";
        return 2;
    }
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    qint64 memberId = 0;
    if (p.isSet(QStringLiteral("member"))) {
        const auto m = memberNamed(*ctx, p.value(QStringLiteral("member")));
        if (!m)
            return 1;
        memberId = m->id;
    }
    const auto op = actingOperator(p, *ctx);
    if (!op)
        return 1;
    const LedgerContext where{ctx->checkout().store().storeId, 0, *op, g_clock.nowMs(), &ctx->time()};
    auto c = issueCouponNow(ctx->db(), where, p.value(QStringLiteral("type")), memberId, p.value(QStringLiteral("reason")));
    if (!c) {
        err() << "error: " << c.error().message << "\n";
        return 1;
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(QJsonDocument(couponJson(*ctx, *c)).toJson(QJsonDocument::Compact)) << "\n";
    else
        out() << c->code << "  " << c->typeName << "\n";
    return 0;
}

int couponShow(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {option("json", "print the coupon as JSON (as coupon issue does)")}))
        return 2;
    if (p.positionalArguments().size() != 1) {
        err() << "error: give the coupon's code\n";
        return 2;
    }
    auto ctx = openContext(p, {}, true);
    if (!ctx)
        return 1;
    auto c = couponByCode(ctx->db(), p.positionalArguments().first());
    if (!c) {
        err() << "error: " << c.error().message << "\n";
        return 1;
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(QJsonDocument(couponJson(*ctx, *c)).toJson(QJsonDocument::Compact)) << "\n";
    else
        out() << c->code << "  " << c->typeName << "  " << couponState(*c, g_clock.nowMs()) << "\n";
    return 0;
}

int couponVoid(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("reason", "why (required)", "TEXT"),
                option("operator", "who does it (default: the back office)", "CODE:PIN")}))
        return 2;
    if (p.positionalArguments().size() != 1 || p.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        err() << "error: give the coupon's code and --reason\n";
        return 2;
    }
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    const auto op = actingOperator(p, *ctx);
    if (!op)
        return 1;
    const LedgerContext where{ctx->checkout().store().storeId, 0, *op, g_clock.nowMs(), &ctx->time()};
    if (auto st = voidCoupon(ctx->db(), where, p.positionalArguments().first(), p.value(QStringLiteral("reason"))); !st) {
        err() << "error: " << st.error().message << "\n";
        return 1;
    }
    out() << p.positionalArguments().first() << " voided\n";
    return 0;
}

int couponBirthday(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {option("json", "print how many were issued as JSON: issued")}))
        return 2;
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    const LedgerContext where{ctx->checkout().store().storeId, 0, backOfficeOperator(*ctx), g_clock.nowMs(), &ctx->time()};
    auto n = issueBirthdayCoupons(ctx->db(), where);
    if (!n) {
        err() << "error: " << n.error().message << "\n";
        return 1;
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("issued"), *n}}).toJson(QJsonDocument::Compact))
              << "\n";
    else
        out() << *n << " birthday coupons issued\n";
    return 0;
}

} // namespace

int cmdCoupon(const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == QLatin1String("add-type"))
        return couponAddType(args.mid(1));
    if (verb == QLatin1String("issue"))
        return couponIssue(args.mid(1));
    if (verb == QLatin1String("show"))
        return couponShow(args.mid(1));
    if (verb == QLatin1String("void"))
        return couponVoid(args.mid(1));
    if (verb == QLatin1String("birthday"))
        return couponBirthday(args.mid(1));
    err() << "error: coupon add-type, issue, show, void or birthday\n";
    return 2;
}

namespace {

// points gifts: the catalogue; points redeem: a gift for a member's points.
int pointsGifts(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {option("json", "print the gifts as JSON: gifts (id, name, points, stock, active)")}))
        return 2;
    auto ctx = openContext(p, QStringLiteral("CLI"), true);
    if (!ctx)
        return 1;
    auto list = gifts(ctx->db());
    if (!list) {
        err() << "error: " << list.error().message << "\n";
        return 1;
    }
    QJsonArray json;
    for (const Gift &g : *list) {
        json.append(QJsonObject{{QStringLiteral("id"), g.id}, {QStringLiteral("name"), g.name},
                                {QStringLiteral("points"), g.points}, {QStringLiteral("stock"), g.stock},
                                {QStringLiteral("active"), g.active}});
        if (!p.isSet(QStringLiteral("json")))
            out() << g.id << "  " << g.name << "  " << g.points << " points  stock " << g.stock
                  << (g.active ? "" : "  (not offered)") << "\n";
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("gifts"), json}}).toJson(QJsonDocument::Compact))
              << "\n";
    return 0;
}

int pointsRedeem(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("member", "the member's phone or card (required)", "PHONE|CARD"),
                option("gift", "the gift's name or id, as points gifts lists them (required)", "NAME|ID"),
                option("qty", "how many (default 1)", "N"),
                option("operator", "who hands it over (default: the back office)", "CODE:PIN"),
                option("json", "print the redemption as JSON: id, gift, quantity, points, points_after, stock_after")}))
        return 2;
    bool ok = true;
    const qint64 qty = p.isSet(QStringLiteral("qty")) ? p.value(QStringLiteral("qty")).toLongLong(&ok) : 1;
    if (!ok || p.value(QStringLiteral("member")).isEmpty() || p.value(QStringLiteral("gift")).isEmpty()) {
        err() << "error: give --member, --gift and (optionally) --qty N\n";
        return 2;
    }
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    const auto m = memberNamed(*ctx, p.value(QStringLiteral("member")));
    if (!m)
        return 1;
    const auto op = actingOperator(p, *ctx);
    if (!op)
        return 1;
    auto list = gifts(ctx->db());
    if (!list) {
        err() << "error: " << list.error().message << "\n";
        return 1;
    }
    const QString named = p.value(QStringLiteral("gift")).trimmed();
    const auto gift = std::find_if(list->cbegin(), list->cend(), [&](const Gift &g) {
        return g.name == named || QString::number(g.id) == named;
    });
    if (gift == list->cend()) {
        err() << "error: there is no gift " << named << " (huike-cli points gifts lists them)\n";
        return 1;
    }
    const LedgerContext where{ctx->checkout().store().storeId, 0, *op, g_clock.nowMs(), &ctx->time()};
    auto r = redeemGift(ctx->db(), where, m->id, gift->id, qty);
    if (!r) {
        err() << "error: " << r.error().message << "\n";
        return 1;
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), r->id},
                                                             {QStringLiteral("gift"), r->giftName},
                                                             {QStringLiteral("quantity"), r->quantity},
                                                             {QStringLiteral("points"), r->points},
                                                             {QStringLiteral("points_after"), r->pointsAfter},
                                                             {QStringLiteral("stock_after"), r->stockAfter}})
                                       .toJson(QJsonDocument::Compact))
              << "\n";
    else
        out() << maskPhone(m->phone) << ": " << r->giftName << " x" << r->quantity << " for " << r->points
              << " points; points now " << r->pointsAfter << "\n";
    return 0;
}

} // namespace

// points import: a CSV of 手机号/phone or 卡号/card, 积分/points (minus takes off) and optionally
// 原因/reason, applied as manual adjustments under one approval of exactly this file
// (members/pointscsv.h). A file is imported once; bad rows are listed by line and left out.
int pointsImport(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("manager", "the approving manager's code and PIN (required)", "CODE:PIN"),
                option("reason", "the reason for rows that give none (e.g. 老会员回馈)", "TEXT"),
                option("encoding", "auto (default), utf-8 or gbk", "NAME"),
                option("operator", "who does it (default: the back office)", "CODE:PIN"),
                option("json", "print the report as JSON: encoding, rows, applied, added, taken, rejected, "
                               "errors (line, error), error (the file as a whole)")}))
        return 2;
    QByteArray bytes;
    TextEncoding encoding = TextEncoding::Auto;
    if (const int rc = readImportFile(p, &bytes, &encoding); rc != 0)
        return rc;
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    const auto op = actingOperator(p, *ctx);
    if (!op)
        return 1;
    const auto token = managerApproval(p, *ctx, pointsImportScope(bytes), *op);
    if (!token)
        return 1;
    const LedgerContext where{ctx->checkout().store().storeId, 0, *op, g_clock.nowMs(), &ctx->time()};
    const PointsImportReport r = importPointsCsv(ctx->db(), where, bytes, p.value(QStringLiteral("reason")), *token, encoding);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray errors;
        for (const MemberImportError &e : r.errors)
            errors.append(QJsonObject{{QStringLiteral("line"), e.line}, {QStringLiteral("error"), e.message}});
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("encoding"), r.encoding},
                                                             {QStringLiteral("rows"), r.rows},
                                                             {QStringLiteral("applied"), r.applied},
                                                             {QStringLiteral("added"), r.added},
                                                             {QStringLiteral("taken"), r.taken},
                                                             {QStringLiteral("rejected"), r.errors.size()},
                                                             {QStringLiteral("errors"), errors},
                                                             {QStringLiteral("error"), r.error}})
                                       .toJson(QJsonDocument::Compact))
              << "\n";
    } else {
        if (r.error.isEmpty())
            out() << "encoding " << r.encoding << ": " << r.applied << " rows applied (+" << r.added << " -" << r.taken
                  << " points), " << r.errors.size() << " rejected\n";
        for (const MemberImportError &e : r.errors)
            out() << "line " << e.line << ": " << e.message << "\n";
        if (!r.error.isEmpty())
            err() << "error: " << r.error << "\n";
    }
    return r.error.isEmpty() && r.errors.isEmpty() ? 0 : 1;
}

int cmdPoints(const QStringList &args)
{
    if (args.value(0) == QLatin1String("gifts"))
        return pointsGifts(args.mid(1));
    if (args.value(0) == QLatin1String("redeem"))
        return pointsRedeem(args.mid(1));
    if (args.value(0) == QLatin1String("import"))
        return pointsImport(args.mid(1));
    if (args.value(0) != QLatin1String("adjust")) {
        err() << "error: points adjust --db PATH --member PHONE|CARD --points N --reason TEXT --manager "
                 "CODE:PIN\n"
                 "       points import --db PATH --manager CODE:PIN [--reason TEXT] [--json] FILE.csv\n"
                 "       points gifts --db PATH [--json]\n"
                 "       points redeem --db PATH --member PHONE|CARD --gift NAME|ID [--qty N] [--json]\n";
        return 2;
    }
    QCommandLineParser p;
    if (!parse(p, args.mid(1),
               {option("member", "the member's phone or card (required)", "PHONE|CARD"),
                option("points", "points to add (or, negative, take off the oldest lots first)", "N"),
                option("reason", "why (kept with the ledger row; required)", "TEXT"),
                option("manager", "the approving manager's code and PIN (required)", "CODE:PIN"),
                option("operator", "who does it (default: the back office)", "CODE:PIN"),
                option("json", "print the member's points after it as JSON: points")}))
        return 2;
    bool ok = false;
    const qint64 points = p.value(QStringLiteral("points")).toLongLong(&ok);
    if (!ok || points == 0 || p.value(QStringLiteral("member")).isEmpty() ||
        p.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        err() << "error: give --member, --points N (not 0) and --reason\n";
        return 2;
    }
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    const auto m = memberNamed(*ctx, p.value(QStringLiteral("member")));
    if (!m)
        return 1;
    const auto op = actingOperator(p, *ctx);
    if (!op)
        return 1;
    const auto token = managerApproval(p, *ctx, pointsAdjustScope(m->id, points), *op);
    if (!token)
        return 1;
    const LedgerContext where{ctx->checkout().store().storeId, 0, *op, g_clock.nowMs(), &ctx->time()};
    if (auto st = adjustPoints(ctx->db(), where, m->id, points, p.value(QStringLiteral("reason")), *token);
        !st) {
        err() << "error: " << st.error().message << "\n";
        return 1;
    }
    const auto usable = usablePoints(ctx->db(), m->id, g_clock.nowMs());
    const qint64 now = usable ? *usable : 0;
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("points"), now}})
                                       .toJson(QJsonDocument::Compact))
              << "\n";
    else
        out() << maskPhone(m->phone) << " points " << now << "\n";
    return 0;
}

} // namespace huike::cli

namespace huike::cli {

int cmdImportMembers(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("encoding", "auto (default), utf-8 or gbk", "NAME"),
                option("operator", "who imports (default: the back office)", "CODE:PIN"),
                option("json", "print the report as JSON: encoding, rows, added, rejected, duplicates, "
                               "errors (line, error, duplicate), error (the file as a whole)")}))
        return 2;
    QByteArray bytes;
    TextEncoding encoding = TextEncoding::Auto;
    if (const int rc = readImportFile(p, &bytes, &encoding); rc != 0)
        return rc;
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    const auto op = actingOperator(p, *ctx);
    if (!op)
        return 1;
    const MemberImportReport r =
        importMembersCsv(ctx->db(), g_clock, ctx->time(), ctx->store().storeId, *op, bytes, encoding);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray errors;
        for (const MemberImportError &e : r.errors)
            errors.append(QJsonObject{{QStringLiteral("line"), e.line},
                                      {QStringLiteral("error"), e.message},
                                      {QStringLiteral("duplicate"), e.duplicate}});
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("encoding"), r.encoding},
                                                             {QStringLiteral("rows"), r.rows},
                                                             {QStringLiteral("added"), r.added},
                                                             {QStringLiteral("rejected"), r.errors.size()},
                                                             {QStringLiteral("duplicates"), r.duplicates()},
                                                             {QStringLiteral("errors"), errors},
                                                             {QStringLiteral("error"), r.error}})
                                       .toJson(QJsonDocument::Compact))
              << "\n";
    } else {
        if (!r.encoding.isEmpty())
            out() << "encoding " << r.encoding << ": " << r.added << " added, " << r.errors.size() << " rejected ("
                  << r.duplicates() << " of them duplicates)\n";
        for (const MemberImportError &e : r.errors)
            out() << "line " << e.line << ": " << e.message << "\n";
        if (!r.error.isEmpty())
            err() << "error: " << r.error << "\n";
    }
    return r.error.isEmpty() && r.errors.isEmpty() ? 0 : 1;
}

int cmdExportMembers(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("headers", "column names: zh (手机号, 姓名, ...; the default) or en (phone, name, ...)",
                       "zh|en"),
                option("json", "print what was written as JSON: file, members")}))
        return 2;
    if (p.positionalArguments().size() != 1) {
        err() << "error: give the CSV file to write\n";
        return 2;
    }
    const QString headers = p.value(QStringLiteral("headers"));
    if (!headers.isEmpty() && headers != QLatin1String("zh") && headers != QLatin1String("en")) {
        err() << "error: --headers is zh or en\n";
        return 2;
    }
    auto ctx = openContext(p, {}, true);
    if (!ctx)
        return 1;
    // Written to a temporary file and renamed over the old one only when complete: a full disk
    // never leaves half a member list where the last good one was.
    QSaveFile f(p.positionalArguments().first());
    if (!f.open(QIODevice::WriteOnly)) {
        err() << "error: cannot write " << f.fileName() << "\n";
        return 1;
    }
    auto n = exportMembersCsv(ctx->db(), ctx->time(), f,
                              headers == QLatin1String("en") ? CsvHeaders::English : CsvHeaders::Chinese);
    if (!n) {
        err() << "error: " << n.error().message << "\n";
        return 1;
    }
    if (!f.commit()) {
        err() << "error: cannot write " << f.fileName() << ": " << f.errorString() << "\n";
        return 1;
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("file"), f.fileName()},
                                                             {QStringLiteral("members"), *n}})
                                       .toJson(QJsonDocument::Compact))
              << "\n";
    else
        out() << *n << " members written to " << f.fileName() << "\n";
    return 0;
}

} // namespace huike::cli
