#include "commands.h"

#include "app/appcontext.h"
#include "app/storesetup.h"
#include "core/uuid.h"
#include "demo/demo.h"
#include "members/earnings.h"
#include "members/countcards.h"
#include "members/coupons.h"
#include "members/points.h"
#include "members/storedvalue.h"
#include "reports/integrity.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlQuery>
#include <QCoreApplication>
#include <cstdio>
#include <random>
#include <unistd.h>

namespace huike::cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

SystemClock g_clock;

// Parses `args` with the given options; prints the problem and returns false when they do not fit.
bool parse(QCommandLineParser &p, const QStringList &args, const QList<QCommandLineOption> &options)
{
    p.addOptions(options);
    p.addOption(
        QCommandLineOption(QStringLiteral("db"), QStringLiteral("database file"), QStringLiteral("PATH")));
    if (!p.parse(QStringList{QStringLiteral("huike-cli")} + args)) {
        err() << p.errorText() << "\n";
        err().flush();
        return false;
    }
    return true;
}

QString dbPath(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")) : AppContext::defaultDatabasePath();
}

std::unique_ptr<AppContext> openContext(const QCommandLineParser &p, const QString &terminal, bool reading)
{
    // Only init makes a store: a mistyped --db must not become a new, empty one that "exports" an
    // empty catalogue with exit 0.
    auto holds = holdsStore(dbPath(p));
    if (!holds || !*holds) {
        err() << "error: " << (holds ? QStringLiteral("no store at %1 (make one with huike-cli init)").arg(dbPath(p))
                                     : holds.error().message)
              << "\n";
        err().flush();
        return nullptr;
    }
    auto ctx = reading ? AppContext::openForReading(dbPath(p), g_clock, terminal)
                       : AppContext::open(dbPath(p), g_clock, terminal);
    if (!ctx) {
        err() << "error: " << ctx.error().message << "\n";
        err().flush();
        return nullptr;
    }
    return std::move(*ctx);
}

QCommandLineOption option(const char *name, const char *description, const char *value)
{
    return value ? QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description),
                                      QString::fromLatin1(value))
                 : QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description));
}

qint64 backOfficeOperator(AppContext &ctx)
{
    qint64 id = 0;
    for (const Operator &op : ctx.operators().list())
        if (op.active && op.isManager() && (id == 0 || op.role == Role::Admin))
            id = op.id;
    return id;
}

std::optional<Credentials> splitCredentials(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == text.size() - 1)
        return std::nullopt;
    return Credentials{text.left(colon), text.mid(colon + 1)};
}

std::optional<qint64> actingOperator(const QCommandLineParser &p, AppContext &ctx)
{
    if (!p.isSet(QStringLiteral("operator")))
        return backOfficeOperator(ctx);
    const auto who = splitCredentials(p.value(QStringLiteral("operator")));
    if (!who) {
        err() << "error: give the operator as --operator CODE:PIN\n";
        return std::nullopt;
    }
    auto op = ctx.operators().login(who->code, who->pin);
    if (!op) {
        err() << "error: " << op.error().message << "\n";
        return std::nullopt;
    }
    return op->id;
}

std::optional<QString> managerApproval(const QCommandLineParser &p, AppContext &ctx, const ApprovalScope &scope,
                                       qint64 requestedBy)
{
    const auto manager = splitCredentials(p.value(QStringLiteral("manager")));
    if (!manager) {
        err() << "error: this needs a manager's approval: --manager CODE:PIN\n";
        return std::nullopt;
    }
    auto approval = ctx.approvals().grant(manager->code, manager->pin, scope, requestedBy);
    if (!approval) {
        err() << "error: " << approval.error().message << "\n";
        return std::nullopt;
    }
    return approval->token;
}

std::optional<qint64> numberOption(const QCommandLineParser &p, const QString &name, qint64 fallback, qint64 min,
                                   qint64 max)
{
    if (!p.isSet(name))
        return fallback;
    bool ok = false;
    const qint64 v = p.value(name).trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max) {
        err() << "error: --" << name << " " << p.value(name) << ": give a whole number from " << min << " to "
              << max << "\n";
        err().flush();
        return std::nullopt;
    }
    return v;
}

int cmdInit(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(
            p, args,
            {{QStringLiteral("demo"), QStringLiteral("fill a demo store")},
             {QStringLiteral("members"), QStringLiteral("demo members"), QStringLiteral("N")},
             {QStringLiteral("months"), QStringLiteral("months of demo sales"), QStringLiteral("M")},
             {QStringLiteral("seed"), QStringLiteral("demo seed"), QStringLiteral("S")},
             {QStringLiteral("store-name"), QStringLiteral("store name"), QStringLiteral("NAME")},
             {QStringLiteral("address"), QStringLiteral("store address"), QStringLiteral("TEXT")},
             {QStringLiteral("phone"), QStringLiteral("store telephone"), QStringLiteral("TEXT")},
             {QStringLiteral("admin-code"), QStringLiteral("the administrator's login code (default 9001)"),
              QStringLiteral("CODE")},
             {QStringLiteral("admin-pin"),
              QStringLiteral("the administrator's PIN (required without --demo; with --demo it replaces 9999)"),
              QStringLiteral("PIN")}}))
        return 2;
    const QString path = QFileInfo(dbPath(p)).absoluteFilePath();
    StoreSetup setup;
    setup.demo = p.isSet(QStringLiteral("demo"));
    setup.name = p.value(QStringLiteral("store-name"));
    setup.address = p.value(QStringLiteral("address"));
    setup.phone = p.value(QStringLiteral("phone"));
    if (p.isSet(QStringLiteral("admin-code")))
        setup.adminCode = p.value(QStringLiteral("admin-code"));
    setup.adminPin = p.value(QStringLiteral("admin-pin"));
    if (!setup.demo && setup.adminPin.isEmpty()) {
        err() << "error: give --admin-pin for the administrator (or --demo for a demo store)\n";
        return 2;
    }
    if (!setup.demo && setup.name.isEmpty())
        setup.name = QStringLiteral("我的店");
    const auto members = numberOption(p, QStringLiteral("members"), setup.demoOptions.members, 0, 1'000'000);
    const auto months = numberOption(p, QStringLiteral("months"), setup.demoOptions.months, 0, 60);
    const auto seed = numberOption(p, QStringLiteral("seed"), setup.demoOptions.seed, 0, 4'294'967'295);
    if (!members || !months || !seed)
        return 2;
    setup.demoOptions.members = static_cast<int>(*members);
    setup.demoOptions.months = static_cast<int>(*months);
    setup.demoOptions.seed = static_cast<quint32>(*seed);
    auto made = createStoreFile(path, setup, g_clock);
    if (!made) {
        err() << "error: " << made.error().message << "\n";
        return 1;
    }
    out() << *made << " in " << path << "\n";
    return 0;
}

int cmdVerify(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {}))
        return 2;
    if (!QFileInfo::exists(dbPath(p))) {
        err() << "error: no store at " << dbPath(p) << " (make one with huike-cli init)\n";
        return 1;
    }
    // Read-only: verify proves the books as they are, and never migrates or writes them.
    Database::Options options;
    options.readOnly = true;
    auto db = Database::open(dbPath(p), options);
    if (!db) {
        err() << "error: " << db.error().message << "\n";
        return 1;
    }
    const QStringList problems = verifyDatabase(**db);
    for (const QString &line : problems)
        out() << line << "\n";
    if (!problems.isEmpty()) {
        out() << problems.size() << " problem(s) found\n";
        return 1;
    }
    QSqlQuery q((*db)->db());
    q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM sales), (SELECT COUNT(*) FROM products)"));
    q.next();
    out() << "ok: " << q.value(0).toLongLong() << " documents, " << q.value(1).toLongLong()
          << " products verified\n";
    return 0;
}

int cmdSimulate(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {{QStringLiteral("sales"), QStringLiteral("how many documents"), QStringLiteral("N")},
                {QStringLiteral("seed"), QStringLiteral("random seed"), QStringLiteral("S")},
                option("manager", "a manager's code and PIN: then about one document in 15 is a refund of an "
                                  "earlier sale of the run, approved by them as at the till", "CODE:PIN")}))
        return 2;
    if (!p.isSet(QStringLiteral("sales"))) {
        err() << "error: give --sales N\n";
        return 2;
    }
    const auto sales = numberOption(p, QStringLiteral("sales"), 0, 0, 10'000'000);
    const auto seedOption = numberOption(p, QStringLiteral("seed"), 1, 0, 4'294'967'295);
    if (!sales || !seedOption)
        return 2;
    const int n = static_cast<int>(*sales);
    auto ctx = openContext(p, QStringLiteral("SIM"));
    if (!ctx)
        return 1;
    ProductQuery pq;
    pq.limit = 5000;
    const QList<Product> products = ctx->catalog().search(pq);
    const QList<Operator> ops = ctx->operators().list();
    if (products.isEmpty() || ops.isEmpty()) {
        err() << "error: the store has no products or operators (run init --demo first)\n";
        return 1;
    }
    const qint64 operatorId = ops.first().id;
    // Two simulations started at once on one till share its shift (currentOrOpen decides under
    // the write lock).
    auto shift = ctx->shifts().currentOrOpen(operatorId, Money::fromYuan(200));
    if (!shift) {
        err() << "error: " << shift.error().message << "\n";
        return 1;
    }
    // Members, as at a real counter: more than half the sales are a member's, some paid partly
    // with points, so a SIGKILL lands inside every ledger's writes too.
    QList<qint64> memberIds;
    {
        auto rows = ctx->db().statement(QStringLiteral("SELECT id FROM members ORDER BY id LIMIT 5000")).select();
        if (!rows) {
            err() << "error: " << rows.error().message << "\n";
            return 1;
        }
        for (const QVariantList &r : *rows)
            memberIds.append(r.at(0).toLongLong());
    }
    auto pointsRules = loadPointsRules(ctx->db());
    if (!pointsRules) {
        err() << "error: " << pointsRules.error().message << "\n";
        return 1;
    }
    // Count cards: members buy the cards the shop sells and come back to use them.
    QList<CountCardPlan> plans;
    if (auto loaded = countCardPlans(ctx->db()))
        plans = *loaded;
    QList<Product> goods = products; // drawn at random: a card only ever goes to a member, below
    const auto cardProducts = countCardProductIds(ctx->db());
    if (!cardProducts) {
        err() << "error: " << cardProducts.error().message << "\n";
        return 1;
    }
    goods.removeIf([&](const Product &pr) { return cardProducts->contains(pr.id); });
    if (goods.isEmpty()) {
        err() << "error: the store sells only count cards: nothing to simulate\n";
        return 1;
    }
    std::optional<Credentials> manager;
    if (p.isSet(QStringLiteral("manager"))) {
        manager = splitCredentials(p.value(QStringLiteral("manager")));
        if (!manager) {
            err() << "error: give the manager as --manager CODE:PIN\n";
            return 2;
        }
    }
    const auto emit = [](const QString &receiptNo) {
        // Printed only after COMMIT returned, and flushed at once: whoever reads this line may rely
        // on the document being on disk.
        const QByteArray line = receiptNo.toUtf8() + '\n';
        return ::write(STDOUT_FILENO, line.constData(), static_cast<size_t>(line.size())) >= 0;
    };
    QStringList sold; // this run's sales, for refunds
    std::mt19937 rng(static_cast<quint32>(*seedOption));
    for (int i = 0; i < n; ++i) {
        // A refund of everything left on an earlier sale; one that cannot be made (the member has
        // spent the points it earned, nothing is left) is simply not made, as at a till.
        if (manager && !sold.isEmpty() && rng() % 15 == 0) {
            const QString receiptNo = sold.at(static_cast<int>(rng() % static_cast<quint32>(sold.size())));
            if (auto scope = ctx->returns().approvalScope(QStringLiteral("refund"), receiptNo)) {
                auto approval = ctx->approvals().grant(manager->code, manager->pin, *scope, operatorId);
                if (!approval) {
                    err() << "error: " << approval.error().message << "\n";
                    return 1;
                }
                auto back = ctx->returns().refund(RefundRequest{newUuid(), receiptNo, {}, QStringLiteral("模拟退货"),
                                                                operatorId, approval->token, shift->id, Payout::Original});
                if (back) {
                    if (!emit(back->receiptNo))
                        return 1;
                    continue;
                }
                if (back.error().code != ErrorCode::InsufficientFunds && back.error().code != ErrorCode::Conflict) {
                    err() << "error: " << back.error().message << "\n";
                    return 1;
                }
            } // not refundable: a sale instead
        }
        CheckoutRequest req;
        req.uuid = newUuid();
        req.operatorId = operatorId;
        req.shiftId = shift->id;
        if (!memberIds.isEmpty() && rng() % 10 < 6) {
            const qint64 id = memberIds.at(static_cast<int>(rng() % static_cast<quint32>(memberIds.size())));
            if (auto member = memberPrice(ctx->db(), id))
                req.member = *member; // a lost or locked card: the sale goes on without the member
        }
        // Now and then the member recharges instead (充100 / 充500送50 / 充1000送120), in cash.
        if (req.member.memberId > 0 && rng() % 12 == 0) {
            static const qint64 kYuan[] = {100, 500, 1000};
            RechargeRequest r;
            r.uuid = newUuid();
            r.memberId = req.member.memberId;
            r.amount = Money::fromYuan(kYuan[rng() % 3]);
            r.tenders = {{Tender::Cash, r.amount, {}}};
            r.operatorId = operatorId;
            r.shiftId = shift->id;
            auto done = ctx->storedValue().recharge(r);
            if (!done) {
                err() << "error: " << done.error().message << "\n";
                return 1;
            }
            if (!emit(done->document.receiptNo))
                return 1;
            continue;
        }
        const int lines = 1 + static_cast<int>(rng() % 8);
        for (int l = 0; l < lines; ++l) {
            const Product &pr = goods.at(static_cast<int>(rng() % static_cast<quint32>(goods.size())));
            CartLine c = cartLineFor(pr, pr.weighed ? 100 + rng() % 3000 : 1000 * (1 + rng() % 3));
            if (rng() % 10 == 0)
                c.discountPermille = 900 + rng() % 100;
            req.lines.append(c);
        }
        // A member holding a card uses it one visit in three; one in forty without one buys one.
        if (req.member.memberId > 0 && !plans.isEmpty()) {
            const CountCardPlan &plan = plans.at(static_cast<int>(rng() % static_cast<quint32>(plans.size())));
            const auto draw = rng() % 120;
            auto usable = usableCountCards(ctx->db(), req.member.memberId, g_clock.nowMs(), ctx->time());
            if (usable && !usable->isEmpty()) {
                const CountCard &card = usable->first();
                auto service = ctx->catalog().byId(card.serviceProductId);
                if (draw < 40 && service) {
                    req.lines.append(cartLineFor(*service, 1000 * (1 + rng() % 2)));
                    (void)applyCountCard(req.lines, card, g_clock.nowMs(), ctx->time());
                }
            } else if (draw < 3) {
                if (auto card = ctx->catalog().byId(plan.cardProductId))
                    req.lines.append(cartLineFor(*card));
            }
        }
        // A member's coupon that fits this cart is used half the time (earned by earlier sales).
        QList<CouponSpec> couponSpecs;
        if (req.member.memberId > 0 && rng() % 2 == 0)
            if (auto held = memberCoupons(ctx->db(), req.member.memberId))
                for (const Coupon &c : *held) {
                    if (couponState(c, g_clock.nowMs()) != QLatin1String("unused"))
                        continue;
                    if (auto specs = ctx->checkout().coupons({c.code}, req.lines, req.orderDiscount, req.member)) {
                        req.coupons = {c.code};
                        couponSpecs = *specs;
                        break;
                    }
                }
        const PricedOrder priced = ctx->checkout().quote(req.lines, req.orderDiscount, req.member, couponSpecs);
        switch (rng() % 4) {
        case 0:
            req.tenders = {{Tender::Cash, priced.total + Money::fromFen(rng() % 5000), {}}};
            break;
        case 1:
            req.tenders = {{Tender::WeChat, priced.total, QStringLiteral("420000000020261202%1").arg(i, 10, 10, QLatin1Char('0'))}};
            break;
        case 2: {
            const Money part = Money::fromFen(priced.total.fen() / 2);
            req.tenders = {{Tender::Alipay, part, QStringLiteral("202612022200140%1").arg(i, 10, 10, QLatin1Char('0'))},
                           {Tender::Cash, priced.total - part + Money::fromFen(rng() % 1000), {}}};
            break;
        }
        default:
            req.tenders = {{Tender::Card, priced.total, QStringLiteral("sim-%1").arg(i)}};
        }
        if (req.tenders.first().amount.fen() == 0)
            req.tenders = {{Tender::Cash, priced.total + Money::fromYuan(1), {}}};
        if (req.member.memberId > 0 && rng() % 3 == 0) {
            auto usable = usablePoints(ctx->db(), req.member.memberId, g_clock.nowMs());
            const Money cap = priced.total.timesPermille(pointsRules->redeemCapPermille);
            for (qint64 count = usable ? *usable / 100 * 100 : 0; count > 0; count -= 100)
                if (const auto value = pointsRules->valueOf(count); value && *value <= cap) {
                    req.tenders = {{Tender::Points, *value, QString::number(count)},
                                   {Tender::Cash, priced.total - *value, {}}};
                    break;
                }
        }
        // A member with stored value (and no PIN: the simulation cannot ask them) pays with it, all
        // of it or what it covers, the rest as drawn above.
        if (req.member.memberId > 0 && rng() % 3 == 0) {
            auto held = storedBalance(ctx->db(), req.member.memberId);
            auto pin = memberHasPin(ctx->db(), req.member.memberId);
            if (held && pin && !*pin && held->total().fen() > 0 && priced.total.fen() > 0) {
                const Money stored = std::min(held->total(), priced.total);
                QList<TenderInput> rest;
                Money due = priced.total - stored;
                for (const TenderInput &t : req.tenders)
                    if (t.tender == Tender::Points && t.amount <= due) {
                        rest.append(t);
                        due -= t.amount;
                    }
                if (due.fen() > 0)
                    rest.append({Tender::Cash, due, {}});
                req.tenders = rest;
                req.tenders.prepend({Tender::Stored, stored, {}});
            }
        }
        if (priced.total.isZero()) // a count card covered everything: nothing to pay
            req.tenders.clear();
        auto sale = ctx->checkout().commit(req);
        if (!sale) {
            err() << "error: " << sale.error().message << "\n";
            return 1;
        }
        sold.append(sale->receiptNo);
        if (!emit(sale->receiptNo))
            return 1;
    }
    return 0;
}

int cmdReceipt(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {{QStringLiteral("width"), QStringLiteral("32 or 48 columns"), QStringLiteral("N")},
                option("print", "print it on the printer at SPEC (serial:, tcp:, usb: or file:)", "SPEC")}))
        return 2;
    if (p.positionalArguments().size() != 1) {
        err() << "error: give one receipt number\n";
        return 2;
    }
    const auto width = paperWidth(p);
    if (!width)
        return 2;
    auto ctx = openContext(p, {}, true);
    if (!ctx)
        return 1;
    if (p.isSet(QStringLiteral("print")))
        return printReceipt(*ctx, p.positionalArguments().first(), p.value(QStringLiteral("print")), *width);
    auto r = ctx->receipts().load(p.positionalArguments().first());
    if (!r) {
        err() << "error: " << r.error().message << "\n";
        return 1;
    }
    out() << ctx->receipts().render(*r, *width);
    return 0;
}

std::optional<int> paperWidth(const QCommandLineParser &p)
{
    const auto width = numberOption(p, QStringLiteral("width"), 32, 32, 48);
    if (!width)
        return std::nullopt;
    if (*width != 32 && *width != 48) {
        err() << "error: --width is 32 (58 mm paper) or 48 (80 mm paper)\n";
        return std::nullopt;
    }
    return static_cast<int>(*width);
}

int importFileArguments(const QCommandLineParser &p, QString *path, TextEncoding *encoding)
{
    if (p.positionalArguments().size() != 1) {
        err() << "error: give one CSV file\n";
        return 2;
    }
    const auto chosen = parseTextEncoding(p.value(QStringLiteral("encoding")));
    if (!chosen) {
        err() << "error: --encoding is auto, utf-8 or gbk\n";
        return 2;
    }
    *path = p.positionalArguments().first();
    *encoding = *chosen;
    return 0;
}

int readImportFile(const QCommandLineParser &p, QByteArray *bytes, TextEncoding *encoding)
{
    QString path;
    if (const int rc = importFileArguments(p, &path, encoding); rc != 0)
        return rc;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        err() << "error: cannot read " << f.fileName() << "\n";
        return 1;
    }
    *bytes = f.readAll();
    return 0;
}

int cmdImportProducts(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {{QStringLiteral("encoding"), QStringLiteral("auto (default), utf-8 or gbk"), QStringLiteral("NAME")}}))
        return 2;
    QByteArray bytes;
    TextEncoding encoding = TextEncoding::Auto;
    if (const int rc = readImportFile(p, &bytes, &encoding); rc != 0)
        return rc;
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    // The store's admin (or a manager) is who imports: a cashier may not change products.
    const ImportReport r = ctx->catalog().importCsv(bytes, backOfficeOperator(*ctx), encoding);
    out() << "encoding " << r.encoding << ": " << r.added << " added, " << r.updated << " updated, "
          << r.errors.size() << " rejected\n";
    for (const QString &e : r.errors)
        out() << e << "\n";
    return r.errors.isEmpty() ? 0 : 1;
}

int cmdExportProducts(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {}))
        return 2;
    if (p.positionalArguments().size() != 1) {
        err() << "error: give the CSV file to write\n";
        return 2;
    }
    auto ctx = openContext(p, {}, true);
    if (!ctx)
        return 1;
    QSaveFile f(p.positionalArguments().first());
    if (!f.open(QIODevice::WriteOnly) || f.write(ctx->catalog().exportCsv()) < 0 || !f.commit()) {
        err() << "error: cannot write " << f.fileName() << "\n";
        return 1;
    }
    return 0;
}

} // namespace huike::cli
