// huike-cli refund / void: the same documents the till writes, with a manager's PIN as the proof.

#include "app/appcontext.h"
#include "commands.h"
#include "core/uuid.h"

#include <QFileInfo>

namespace huike::cli {

namespace {

struct Credentials {
    QString code;
    QString pin;
};

// "8001:8888" -> code and PIN.
std::optional<Credentials> splitCredentials(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == text.size() - 1)
        return std::nullopt;
    return Credentials{text.left(colon), text.mid(colon + 1)};
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
        auto scope = ctx->returns().approvalScope(kind, receiptNo, lines, payout);
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

    // As the GUI does at login: a document goes into the till's open shift, opened if there is
    // none (only once the manager approved: a refused refund leaves nothing behind).
    bool ensureShift()
    {
        bool fresh = false;
        auto shift = ctx->shifts().currentOrOpen(operatorId, Money(), &fresh);
        if (!shift) {
            err() << "error: " << shift.error().message << "\n";
            return false;
        }
        shiftId = shift->id;
        if (fresh)
            err() << "opened shift " << shift->id << " on till " << till << "\n";
        return true;
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
        option("operator", "who does it (default: the manager)", "CODE"),
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
    const QString opCode = p.isSet(QStringLiteral("operator")) ? p.value(QStringLiteral("operator")) : manager->code;
    auto op = d.ctx->operators().byCode(opCode);
    if (!op || !op->active) {
        err() << "error: no active operator " << opCode << "\n";
        return std::nullopt;
    }
    d.operatorId = op->id;
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
                     {option("line", "refund QTY of receipt line N", "N:QTY"),
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
    auto sale = d->ctx->returns().refundable(d->receiptNo);
    if (!sale) {
        err() << "error: " << sale.error().message << "\n";
        return 1;
    }
    QList<RefundLineRequest> lines;
    for (const QString &spec : p.values(QStringLiteral("line"))) {
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
