// huike-cli sell / refund / void: the same documents the till writes, with a manager's PIN as the proof.

#include "app/appcontext.h"
#include "commands.h"
#include "core/uuid.h"
#include "members/earnings.h"
#include "members/countcards.h"
#include "store/statement.h"
#include "members/points.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace huike::cli {

namespace {

// As the GUI does at login: a document goes into the till's open shift of `operatorId`, opened
// (with no float) if there is none. nullopt: the problem is printed.
std::optional<qint64> openShift(AppContext &ctx, qint64 operatorId, const QString &till)
{
    bool fresh = false;
    auto shift = ctx.shifts().currentOrOpen(operatorId, Money(), &fresh);
    if (!shift) {
        err() << "error: " << shift.error().message << "\n";
        return std::nullopt;
    }
    if (fresh)
        err() << "opened shift " << shift->id << " on till " << till << "\n";
    return shift->id;
}

// What refund and void share: the store, the manager's credentials, the operator and the shift.
struct DocumentContext {
    std::unique_ptr<AppContext> ctx;
    Credentials manager;
    qint64 operatorId = 0;
    qint64 shiftId = 0;
    QString receiptNo;
    QString reason;
    QString till;

    // The manager's approval of this refund or void (`kind`), then the shift it goes into.
    std::optional<QString> approve(const QString &kind, const QList<RefundLineRequest> &lines = {},
                                   Payout payout = Payout::Original)
    {
        return approve(ctx->returns().approvalScope(kind, receiptNo, lines, payout));
    }

    // The manager's approval of `scope` (worked out by the caller), then the shift it goes into.
    std::optional<QString> approve(const Result<ApprovalScope> &scope)
    {
        if (!scope) {
            err() << "error: " << scope.error().message << "\n";
            return std::nullopt;
        }
        auto approval = ctx->approvals().grant(manager.code, manager.pin, *scope, operatorId);
        if (!approval) {
            err() << "error: " << approval.error().message << "\n";
            return std::nullopt;
        }
        if (!ensureShift())
            return std::nullopt;
        return approval->token;
    }

    // Only once the manager approved: a refused refund leaves nothing behind.
    bool ensureShift()
    {
        const auto shift = openShift(*ctx, operatorId, till);
        shiftId = shift.value_or(0);
        return shift.has_value();
    }
};

// On failure `exitCode` is 2 for a command line that does not fit, 1 for a store that refuses.
std::optional<DocumentContext> prepare(QCommandLineParser &p, const QStringList &args,
                                       const QList<QCommandLineOption> &extra, int &exitCode)
{
    exitCode = 2;
    QList<QCommandLineOption> options = {
        option("manager", "the approving manager's code and PIN", "CODE:PIN"),
        option("reason", "why (printed on the document)", "TEXT"),
        option("operator", "who does it (default: the manager); CODE:PIN checks the PIN", "CODE[:PIN]"),
        option("till", "the till it is rung on (default CLI)", "NAME")};
    options += extra;
    if (!parse(p, args, options))
        return std::nullopt;
    if (p.positionalArguments().size() != 1) {
        err() << "error: give one receipt number\n";
        return std::nullopt;
    }
    const auto manager = splitCredentials(p.value(QStringLiteral("manager")));
    if (!manager) {
        err() << "error: give the manager's code and PIN as --manager CODE:PIN\n";
        return std::nullopt;
    }
    if (p.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        err() << "error: give a --reason\n";
        return std::nullopt;
    }
    exitCode = 1;
    const QString till = p.isSet(QStringLiteral("till")) ? p.value(QStringLiteral("till")) : QStringLiteral("CLI");
    DocumentContext d;
    d.ctx = openContext(p, till);
    if (!d.ctx)
        return std::nullopt;
    d.manager = *manager;
    d.receiptNo = p.positionalArguments().first().trimmed();
    d.reason = p.value(QStringLiteral("reason")).trimmed();
    // --operator CODE:PIN is checked as at login; a bare CODE (older scripts) is taken on the
    // manager's word, whose PIN approves the document anyway.
    const QString given = p.value(QStringLiteral("operator"));
    if (given.contains(QLatin1Char(':'))) {
        const auto op = actingOperator(p, *d.ctx);
        if (!op)
            return std::nullopt;
        d.operatorId = *op;
    } else {
        const QString opCode = p.isSet(QStringLiteral("operator")) ? given : manager->code;
        auto op = d.ctx->operators().byCode(opCode);
        if (!op || !op->active) {
            err() << "error: no active operator " << opCode << "\n";
            return std::nullopt;
        }
        d.operatorId = op->id;
    }
    d.till = till;
    return d;
}

int report(AppContext &ctx, const Result<SaleResult> &r)
{
    if (!r) {
        err() << "error: " << r.error().message << "\n";
        return 1;
    }
    out() << r->receiptNo << " " << r->total.toString() << "\n";
    if (auto payments = loadPayments(ctx.db(), r->saleId))
        for (const DocumentPayment &pay : *payments)
            out() << "  " << pay.tender.key() << " " << pay.amount.toString() << "\n";
    return 0;
}

} // namespace

int cmdRefund(const QStringList &args)
{
    QCommandLineParser p;
    int failed = 0;
    auto d = prepare(p, args,
                     {option("line", "refund QTY of receipt line N (may be given again)", "N:QTY"),
                      option("lines", "the same for several lines, comma-separated", "N:QTY,..."),
                      option("payout",
                             "how the money goes back: original (the tenders the customer paid with, wallets "
                             "and cards first; the default) or cash (all from the drawer)",
                             "original|cash")},
                     failed);
    if (!d)
        return failed;
    Payout payout = Payout::Original;
    if (const QString how = p.value(QStringLiteral("payout")); how == QLatin1String("cash"))
        payout = Payout::Cash;
    else if (!how.isEmpty() && how != QLatin1String("original")) {
        err() << "error: --payout is original or cash, not " << how << "\n";
        return 2;
    }
    // A recharge's refund pays back the principal left and takes back its bonus: no lines.
    auto recharge = d->ctx->storedValue().isRecharge(d->receiptNo);
    if (recharge && *recharge) {
        if (p.isSet(QStringLiteral("line")) || p.isSet(QStringLiteral("lines"))) {
            err() << "error: " << d->receiptNo << " is a recharge: it is refunded whole (what is left of it)\n";
            return 2;
        }
        const auto token = d->approve(d->ctx->storedValue().refundScope(d->receiptNo, payout));
        if (!token)
            return 1;
        return report(*d->ctx, d->ctx->storedValue().refundRecharge(newUuid(), d->receiptNo, d->reason, d->operatorId,
                                                                     *token, d->shiftId, payout));
    }
    auto sale = d->ctx->returns().refundable(d->receiptNo);
    if (!sale) {
        err() << "error: " << sale.error().message << "\n";
        return 1;
    }
    QList<RefundLineRequest> lines;
    QStringList specs = p.values(QStringLiteral("line"));
    for (const QString &list : p.values(QStringLiteral("lines")))
        specs += list.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &spec : specs) {
        const QStringList parts = spec.split(QLatin1Char(':'));
        bool ok = false;
        const int lineNo = parts.value(0).toInt(&ok);
        std::optional<qint64> qty;
        if (parts.size() == 2)
            qty = parseQuantity(parts.at(1));
        auto it = std::find_if(sale->lines.begin(), sale->lines.end(),
                               [&](const RefundableLine &l) { return l.lineNo == lineNo; });
        if (!ok || !qty || *qty <= 0 || it == sale->lines.end()) {
            err() << "error: --line " << spec << " is not N:QTY of a line on " << sale->receiptNo << "\n";
            return 2;
        }
        lines.append(RefundLineRequest{it->lineId, *qty});
    }
    const auto token = d->approve(QStringLiteral("refund"), lines, payout);
    if (!token)
        return 1;
    return report(*d->ctx, d->ctx->returns().refund(RefundRequest{newUuid(), d->receiptNo, lines, d->reason,
                                                                  d->operatorId, *token, d->shiftId, payout}));
}

int cmdSell(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("operator", "the cashier's code and PIN (required)", "CODE:PIN"),
                option("member", "the member's phone or card number: the sale is priced at their level "
                                 "and earns them growth value", "PHONE|CARD"),
                option("items", "what is sold (required): a product code or barcode, optionally times a "
                                "quantity (kg for weighed goods, which need one), comma-separated", "CODE[*QTY],..."),
                option("pay", "how it is paid (required), comma-separated: cash, card, wechat or alipay, and "
                              "the amount in yuan; wechat and alipay need the wallet's transaction number "
                              "(KIND:AMOUNT:REF), a card its slip number optionally; cash may be more than due "
                              "(change is given); points:COUNT pays with the member's points (100 = ¥10 by "
                              "default, at most half the sale); stored:AMOUNT with the member's stored value "
                              "(oldest recharge first); countcard:ID puts the member's count card ID on the "
                              "lines of its service, one use per unit, as many as it has uses left (those lines "
                              "are then charged nothing, so pay the rest with the other kinds)",
               "KIND:AMOUNT[:REF],..."),
                option("member-pin", "the member's payment PIN, when stored value pays and they set one", "PIN"),
                option("coupon", "coupon codes to use on the sale, comma-separated (typed or scanned; each is "
                                 "used once: a coupon already used, expired, another member's or below its "
                                 "minimum spend is refused, exit 1); pay what is left after them", "CODE[,CODE]"),
                option("till", "the till it is rung on (default CLI)", "NAME"),
                option("json", "print the committed sale as JSON: receipt, total_fen, change_fen, payments "
                               "(kind, amount_fen), member (id, level, growth, growth_after, level_after, "
                               "points_earned, points_used, points_after, stored_used_fen, principal_after_fen, "
                               "bonus_after_fen, count_cards: id, uses, uses_left), coupons_used, coupons_issued")}))
        return 2;
    const auto cashier = splitCredentials(p.value(QStringLiteral("operator")));
    if (!cashier) {
        err() << "error: give the cashier's code and PIN as --operator CODE:PIN\n";
        return 2;
    }
    struct Item {
        QString code;
        std::optional<qint64> quantityMilli;
    };
    QList<Item> items;
    for (const QString &spec : p.value(QStringLiteral("items")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = spec.trimmed().split(QLatin1Char('*'));
        Item item{parts.value(0).trimmed(), std::nullopt};
        if (parts.size() == 2)
            item.quantityMilli = parseQuantity(parts.at(1).trimmed());
        if (item.code.isEmpty() || parts.size() > 2 || (parts.size() == 2 && (!item.quantityMilli || *item.quantityMilli <= 0))) {
            err() << "error: --items " << spec << " is not CODE or CODE*QTY\n";
            return 2;
        }
        items.append(item);
    }
    if (items.isEmpty()) {
        err() << "error: give what is sold as --items CODE[*QTY],...\n";
        return 2;
    }
    struct Pay {
        Tender tender;
        QString amount; // yuan, or for points how many
        QString reference;
    };
    QList<Pay> pays;
    QList<qint64> countCards;
    for (const QString &spec : p.value(QStringLiteral("pay")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = spec.trimmed().split(QLatin1Char(':'));
        if (parts.value(0).trimmed().toLower() == QLatin1String("countcard")) {
            // Not money: the card covers units of its service (applied once the cart is built).
            bool ok = false;
            const qint64 id = parts.value(1).trimmed().toLongLong(&ok);
            if (parts.size() != 2 || !ok || id <= 0) {
                err() << "error: --pay " << spec << " is not countcard:ID (the card's id, as member show lists it)\n";
                return 2;
            }
            countCards.append(id);
            continue;
        }
        const Tender tender = Tender::fromKey(parts.value(0).trimmed().toLower());
        const TenderKind *kind = tenderKind(tender);
        const bool counted = kind && kind->reference == ReferenceRule::Count;
        const bool amountOk = parts.size() >= 2 && (counted ? parts.at(1).trimmed().toLongLong() > 0
                                                            : Money::parse(parts.at(1).trimmed()).has_value());
        if (!kind || !amountOk || parts.size() > (counted ? 2 : 3)) {
            err() << "error: --pay " << spec
                  << " is not KIND:AMOUNT[:REF] (cash, card, wechat, alipay, stored) or points:COUNT\n";
            return 2;
        }
        pays.append(Pay{tender, parts.at(1).trimmed(), parts.value(2).trimmed()});
    }
    if (pays.isEmpty() && countCards.isEmpty()) {
        err() << "error: give how it is paid as --pay KIND:AMOUNT,...\n";
        return 2;
    }
    const QString till = p.isSet(QStringLiteral("till")) ? p.value(QStringLiteral("till")) : QStringLiteral("CLI");
    auto ctx = openContext(p, till);
    if (!ctx)
        return 1;
    auto op = ctx->operators().login(cashier->code, cashier->pin);
    if (!op) {
        err() << "error: " << op.error().message << "\n";
        return 1;
    }
    CheckoutRequest req;
    req.uuid = newUuid();
    req.operatorId = op->id;
    req.memberPin = p.value(QStringLiteral("member-pin"));
    for (const Pay &pay : pays) {
        if (tenderKind(pay.tender)->reference != ReferenceRule::Count) {
            req.tenders.append(TenderInput{pay.tender, *Money::parse(pay.amount), pay.reference});
            continue;
        }
        // Points by how many: their money at the programme's rate.
        auto rules = loadPointsRules(ctx->db());
        if (!rules) {
            err() << "error: " << rules.error().message << "\n";
            return 1;
        }
        const auto value = rules->valueOf(pay.amount.toLongLong());
        if (!value) {
            err() << "error: " << pay.amount << " points do not come to whole fen (" << rules->redeemPoints
                  << " points = " << rules->redeemValue.display() << ")\n";
            return 2;
        }
        req.tenders.append(TenderInput{pay.tender, *value, pay.amount});
    }
    for (const Item &item : items) {
        auto product = ctx->catalog().byBarcode(item.code);
        if (!product) {
            err() << "error: " << item.code << ": " << product.error().message << "\n";
            return 1;
        }
        if (product->weighed && !item.quantityMilli) {
            err() << "error: " << product->name << " is sold by weight: give it as " << item.code << "*KG\n";
            return 2;
        }
        req.lines.append(cartLineFor(*product, item.quantityMilli.value_or(1000), item.code));
    }
    if (p.isSet(QStringLiteral("member"))) {
        auto member = ctx->members().byPhoneOrCard(p.value(QStringLiteral("member")));
        if (!member) {
            err() << "error: " << member.error().message << "\n";
            return 1;
        }
        auto priced = memberPrice(ctx->db(), member->id);
        if (!priced) {
            err() << "error: " << priced.error().message << "\n";
            return 1;
        }
        req.member = *priced;
    }
    for (const qint64 id : countCards) {
        auto card = countCard(ctx->db(), id);
        auto covered = card ? applyCountCard(req.lines, *card, ctx->clock().nowMs(), ctx->time()) : Result<int>(card.error());
        if (!covered) {
            err() << "error: " << covered.error().message << "\n";
            return 1;
        }
    }
    req.coupons = p.value(QStringLiteral("coupon")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const auto shift = openShift(*ctx, op->id, till);
    if (!shift)
        return 1;
    req.shiftId = *shift;
    auto sale = ctx->checkout().commit(req);
    if (!sale || !p.isSet(QStringLiteral("json")))
        return report(*ctx, sale);
    QJsonArray payments;
    if (auto paid = loadPayments(ctx->db(), sale->saleId))
        for (const DocumentPayment &pay : *paid)
            payments.append(QJsonObject{{QStringLiteral("kind"), pay.tender.key()},
                                        {QStringLiteral("amount_fen"), pay.amount.fen()}});
    QJsonObject json{{QStringLiteral("receipt"), sale->receiptNo},
                     {QStringLiteral("total_fen"), sale->total.fen()},
                     {QStringLiteral("change_fen"), sale->change.fen()},
                     {QStringLiteral("payments"), payments}};
    if (req.member.memberId > 0) {
        QJsonObject member{{QStringLiteral("id"), req.member.memberId}, {QStringLiteral("level"), req.member.levelName}};
        if (auto effect = memberEffectOf(ctx->db(), sale->saleId); effect && effect->has_value()) {
            member.insert(QStringLiteral("growth"), (*effect)->growth);
            member.insert(QStringLiteral("growth_after"), (*effect)->growthAfter);
            member.insert(QStringLiteral("points_earned"), (*effect)->pointsEarned);
            member.insert(QStringLiteral("points_used"), (*effect)->pointsPaid);
            member.insert(QStringLiteral("points_after"), (*effect)->pointsAfter);
            member.insert(QStringLiteral("stored_used_fen"), (*effect)->storedPaid.fen());
            member.insert(QStringLiteral("principal_after_fen"), (*effect)->principalAfter.fen());
            member.insert(QStringLiteral("bonus_after_fen"), (*effect)->bonusAfter.fen());
            member.insert(QStringLiteral("level_after"),
                          (*effect)->levelChanged() ? (*effect)->levelAfter : req.member.levelName);
        }
        QJsonArray cards;
        auto used = ctx->db()
                        .statement(QStringLiteral("SELECT g.card_id, SUM(g.uses), c.uses_left FROM count_card_ledger g "
                                                  "JOIN count_cards c ON c.id = g.card_id WHERE g.sale_id = ? "
                                                  "GROUP BY g.card_id ORDER BY g.card_id"))
                        .select({sale->saleId});
        if (used)
            for (const QVariantList &r : *used) // uses: taken off (negative) or, for a card sold, its uses
                cards.append(QJsonObject{{QStringLiteral("id"), r.at(0).toLongLong()},
                                         {QStringLiteral("uses"), r.at(1).toLongLong()},
                                         {QStringLiteral("uses_left"), r.at(2).toLongLong()}});
        member.insert(QStringLiteral("count_cards"), cards);
        json.insert(QStringLiteral("member"), member);
    }
    QJsonArray used;
    QJsonArray issued;
    if (auto rows = ctx->db()
                        .statement(QStringLiteral("SELECT code, used_sale_id = ?1 FROM coupons WHERE used_sale_id = ?1 "
                                                  "OR issued_by_sale_id = ?1 ORDER BY id"))
                        .select({sale->saleId}))
        for (const QVariantList &r : *rows)
            (r.at(1).toLongLong() == 1 ? used : issued).append(r.at(0).toString());
    json.insert(QStringLiteral("coupons_used"), used);
    json.insert(QStringLiteral("coupons_issued"), issued);
    out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) << "\n";
    return 0;
}

int cmdRecharge(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("member", "the member's phone or card number (required)", "PHONE|CARD"),
                option("amount", "the principal recharged, in yuan (required); the bonus of the highest tier "
                                 "reached is added (充500送50, 充1000送120 by default)", "YUAN"),
                option("pay", "how it is paid (required): one of cash, card, wechat, alipay for the whole "
                              "amount (wechat:REF and alipay:REF with the wallet's transaction number), or "
                              "several as KIND:AMOUNT[:REF],... as for sell; cash may be more (change is given)",
                       "KIND[:REF] | KIND:AMOUNT[:REF],..."),
                option("operator", "the cashier's code and PIN (default: the back office)", "CODE:PIN"),
                option("manager", "a manager's code and PIN: needed above the shop's limit (大额充值授权, ¥5,000 "
                                  "by default)", "CODE:PIN"),
                option("till", "the till it is rung on (default CLI)", "NAME"),
                option("json", "print the committed recharge as JSON: receipt, amount_fen, bonus_fen, change_fen, "
                               "payments (kind, amount_fen), member (id, principal_fen, bonus_fen: after it)")}))
        return 2;
    const auto amount = Money::parse(p.value(QStringLiteral("amount")).trimmed());
    if (!amount || amount->fen() <= 0 || p.value(QStringLiteral("member")).isEmpty()) {
        err() << "error: give --member PHONE|CARD and --amount YUAN (more than zero)\n";
        return 2;
    }
    QList<TenderInput> tenders;
    const QStringList specs = p.value(QStringLiteral("pay")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &spec : specs) {
        const QStringList parts = spec.trimmed().split(QLatin1Char(':'));
        const Tender tender = Tender::fromKey(parts.value(0).trimmed().toLower());
        const TenderKind *kind = tenderKind(tender);
        // One kind alone pays the whole amount; its reference may follow (wechat:REF).
        const bool whole = specs.size() == 1 &&
                           (parts.size() == 1 ||
                            (parts.size() == 2 && kind && kind->reference == ReferenceRule::WalletCode));
        const auto paid = whole ? amount : Money::parse(parts.value(1).trimmed());
        if (!kind || kind->needsMember || !paid || parts.size() > 3) {
            err() << "error: --pay " << spec << " is not cash, card, wechat or alipay (KIND[:REF] or KIND:AMOUNT[:REF])\n";
            return 2;
        }
        tenders.append(TenderInput{tender, *paid, whole ? parts.value(1).trimmed() : parts.value(2).trimmed()});
    }
    if (tenders.isEmpty()) {
        err() << "error: give how it is paid as --pay KIND\n";
        return 2;
    }
    const QString till = p.isSet(QStringLiteral("till")) ? p.value(QStringLiteral("till")) : QStringLiteral("CLI");
    auto ctx = openContext(p, till);
    if (!ctx)
        return 1;
    auto member = ctx->members().byPhoneOrCard(p.value(QStringLiteral("member")));
    if (!member) {
        err() << "error: " << member.error().message << "\n";
        return 1;
    }
    const auto op = actingOperator(p, *ctx);
    if (!op)
        return 1;
    RechargeRequest req;
    req.uuid = newUuid();
    req.memberId = member->id;
    req.amount = *amount;
    req.tenders = tenders;
    req.operatorId = *op;
    if (ctx->storedValue().needsManager(*amount)) {
        if (!p.isSet(QStringLiteral("manager"))) {
            err() << "error: a recharge above " << ctx->storedValue().approvalLimit().display()
                  << " needs a manager: --manager CODE:PIN\n";
            return 1;
        }
        const auto token = managerApproval(p, *ctx, StoredValueService::rechargeScope(member->id, *amount), *op);
        if (!token)
            return 1;
        req.approvalToken = *token;
    }
    const auto shift = openShift(*ctx, *op, till);
    if (!shift)
        return 1;
    req.shiftId = *shift;
    auto done = ctx->storedValue().recharge(req);
    if (!done) {
        err() << "error: " << done.error().message << "\n";
        return 1;
    }
    if (!p.isSet(QStringLiteral("json"))) {
        out() << done->document.receiptNo << " " << amount->toString() << " bonus " << done->credited.bonus.toString()
              << " balance " << done->after.total().toString() << "\n";
        return 0;
    }
    QJsonArray payments;
    if (auto paid = loadPayments(ctx->db(), done->document.saleId))
        for (const DocumentPayment &pay : *paid)
            payments.append(QJsonObject{{QStringLiteral("kind"), pay.tender.key()},
                                        {QStringLiteral("amount_fen"), pay.amount.fen()}});
    const QJsonObject json{{QStringLiteral("receipt"), done->document.receiptNo},
                           {QStringLiteral("amount_fen"), done->credited.principal.fen()},
                           {QStringLiteral("bonus_fen"), done->credited.bonus.fen()},
                           {QStringLiteral("change_fen"), done->document.change.fen()},
                           {QStringLiteral("payments"), payments},
                           {QStringLiteral("member"),
                            QJsonObject{{QStringLiteral("id"), member->id},
                                        {QStringLiteral("principal_fen"), done->after.principal.fen()},
                                        {QStringLiteral("bonus_fen"), done->after.bonus.fen()}}}};
    out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) << "\n";
    return 0;
}

int cmdVoid(const QStringList &args)
{
    QCommandLineParser p;
    int failed = 0;
    auto d = prepare(p, args, {}, failed);
    if (!d)
        return failed;
    const auto token = d->approve(QStringLiteral("void"));
    if (!token)
        return 1;
    return report(*d->ctx, d->ctx->returns().voidSale(newUuid(), d->receiptNo, d->reason, d->operatorId, *token,
                                                      d->shiftId));
}

} // namespace huike::cli
