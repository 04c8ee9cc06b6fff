#include "app/appcontext.h"
#include "catalog/barcode.h"
#include "commands.h"
#include "members/countcards.h"
#include "core/uuid.h"
#include "demo/demo.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <algorithm>
#include <random>

namespace huike::cli {

namespace {

SystemClock g_benchClock;

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return v.at(i);
}

QJsonObject stats(const QString &name, const std::vector<double> &ms)
{
    return QJsonObject{{QStringLiteral("bench"), name},
                       {QStringLiteral("n"), static_cast<qint64>(ms.size())},
                       {QStringLiteral("p50_ms"), percentile(ms, 0.50)},
                       {QStringLiteral("p99_ms"), percentile(ms, 0.99)},
                       {QStringLiteral("max_ms"), percentile(ms, 1.0)}};
}

std::unique_ptr<AppContext> openBenchStore(const QString &path, int months)
{
    // Configured as the till is: WAL checkpoints in idle time, not inside a commit.
    auto ctx = AppContext::open(path, g_benchClock, QStringLiteral("BENCH"), true);
    if (!ctx) {
        err() << "error: " << ctx.error().message << "\n";
        return nullptr;
    }
    if ((*ctx)->isEmpty()) {
        DemoOptions o;
        o.members = 200;
        o.months = months;
        if (auto r = createDemoStore((*ctx)->db(), o, g_benchClock.nowMs()); !r) {
            err() << "error: " << r.error().message << "\n";
            return nullptr;
        }
        if (auto st = (*ctx)->reloadStore(); !st) {
            err() << "error: " << st.error().message << "\n";
            return nullptr;
        }
    }
    return std::move(*ctx);
}

std::vector<double> bareCommits(Database &db, int n)
{
    QSqlQuery q(db.db());
    q.exec(
        QStringLiteral("CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, a INTEGER, b TEXT)"));
    QSqlQuery ins(db.db());
    ins.prepare(QStringLiteral("INSERT INTO bench_bare(a, b) VALUES (?, ?)"));
    std::vector<double> ms;
    ms.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n + 20; ++i) {
        QElapsedTimer t;
        t.start();
        {
            WriteTransaction tx(db);
            for (int r = 0; r < 10; ++r) {
                ins.addBindValue(i * 10 + r);
                ins.addBindValue(QStringLiteral("row"));
                ins.exec();
            }
            if (!tx.commit())
                return ms;
        }
        if (i >= 20)
            ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    q.exec(QStringLiteral("DROP TABLE bench_bare"));
    return ms;
}

int benchCheckout(const QCommandLineParser &p, const QString &path)
{
    const auto count = numberOption(p, QStringLiteral("n"), 2000, 1, 1'000'000);
    if (!count)
        return 2;
    auto ctx = openBenchStore(path, 0);
    if (!ctx)
        return 1;
    ProductQuery q;
    q.limit = 1000;
    QList<Product> products = ctx->catalog().search(q);
    // Ten goods per cart, no member: a count card (sold only to a member) is not one of them.
    if (auto cards = countCardProductIds(ctx->db()))
        products.removeIf([&](const Product &pr) { return cards->contains(pr.id); });
    const QList<Operator> ops = ctx->operators().list();
    auto shift = ctx->shifts().currentOrOpen(ops.first().id, Money::fromYuan(100));
    if (!shift) {
        err() << "error: " << shift.error().message << "\n";
        return 1;
    }
    const int n = static_cast<int>(*count);
    std::mt19937 rng(7);
    std::vector<double> ms;
    ms.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n + 20; ++i) {
        CheckoutRequest req;
        req.uuid = newUuid();
        req.operatorId = ops.first().id;
        req.shiftId = shift->id;
        for (int l = 0; l < 10; ++l) {
            const Product &pr = products.at(static_cast<int>(rng() % static_cast<quint32>(products.size())));
            req.lines.append(cartLineFor(pr));
        }
        const Money total = ctx->checkout().quote(req.lines, req.orderDiscount, req.member).total;
        const Money cash = Money::fromFen(total.fen() / 2);
        req.tenders = {{Tender::WeChat, total - cash, QStringLiteral("134567890123456789")},
                       {Tender::Cash, cash + Money::fromYuan(5), {}}};
        QElapsedTimer t;
        t.start();
        auto r = ctx->checkout().commit(req);
        const double elapsed = static_cast<double>(t.nsecsElapsed()) / 1e6;
        if (!r) {
            err() << "error: " << r.error().message << "\n";
            return 1;
        }
        if (i >= 20) // the first commits warm the statement cache and the page cache
            ms.push_back(elapsed);
        // The till's idle checkpoint, between customers (not timed, as no customer waits for it).
        if (i % 50 == 49) {
            if (auto st = ctx->db().checkpoint(); !st) {
                err() << "error: " << st.error().message << "\n";
                return 1;
            }
        }
    }
    QJsonObject o = stats(QStringLiteral("checkout"), ms);
    o.insert(QStringLiteral("checkpoint"), QStringLiteral("idle, every 50 sales"));
    o.insert(QStringLiteral("lines"), 10);
    o.insert(QStringLiteral("payments"), 2);
    // The floor on this disk, measured in the same run: a bare commit of 10 rows with WAL and
    // synchronous=FULL. A checkout is that fsync plus our work.
    const std::vector<double> bare = bareCommits(ctx->db(), n);
    o.insert(QStringLiteral("bare_commit_p50_ms"), percentile(bare, 0.50));
    o.insert(QStringLiteral("bare_commit_p99_ms"), percentile(bare, 0.99));
    out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}

int benchLookup(const QCommandLineParser &p, const QString &path)
{
    const auto products = numberOption(p, QStringLiteral("products"), 100000, 1, 10'000'000);
    const auto count = numberOption(p, QStringLiteral("n"), 20000, 1, 10'000'000);
    if (!products || !count)
        return 2;
    const int target = static_cast<int>(*products);
    auto ctx = openBenchStore(path, 0);
    if (!ctx)
        return 1;
    int have = 0;
    {
        QSqlQuery q(ctx->db().db());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM products"));
        q.next();
        have = q.value(0).toInt();
    }
    if (have < target) {
        // Bulk products for the benchmark: one transaction, plain statements.
        WriteTransaction tx(ctx->db());
        QSqlQuery ins(ctx->db().db());
        ins.prepare(QStringLiteral("INSERT INTO products(code, name, pinyin, unit, price_fen, cost_fen, "
                                   "created_at_ms, updated_at_ms) "
                                   "VALUES (?, ?, 'bench', '件', ?, ?, 0, 0)"));
        QSqlQuery bc(ctx->db().db());
        bc.prepare(QStringLiteral("INSERT INTO product_barcodes(barcode, product_id) VALUES (?, ?)"));
        for (int i = have; i < target; ++i) {
            const QString first12 = QStringLiteral("68%1").arg(i, 10, 10, QLatin1Char('0'));
            ins.addBindValue(QStringLiteral("B%1").arg(i));
            ins.addBindValue(QStringLiteral("测试商品%1").arg(i));
            ins.addBindValue(100 + i % 5000);
            ins.addBindValue(80 + i % 4000);
            ins.exec();
            bc.addBindValue(first12 + ean13CheckDigit(first12));
            bc.addBindValue(ins.lastInsertId());
            bc.exec();
        }
        if (auto st = tx.commit(); !st) {
            err() << "error: " << st.error().message << "\n";
            return 1;
        }
    }
    QStringList codes;
    {
        QSqlQuery q(ctx->db().db());
        q.exec(QStringLiteral("SELECT barcode FROM product_barcodes"));
        while (q.next())
            codes << q.value(0).toString();
    }
    const int n = static_cast<int>(*count);
    std::mt19937 rng(11);
    std::vector<double> ms;
    ms.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n + 100; ++i) {
        const QString &code = codes.at(static_cast<int>(rng() % static_cast<quint32>(codes.size())));
        QElapsedTimer t;
        t.start();
        auto m = ctx->catalog().lookupScan(code);
        const double elapsed = static_cast<double>(t.nsecsElapsed()) / 1e6;
        if (!m) {
            err() << "error: " << m.error().message << "\n";
            return 1;
        }
        if (i >= 100)
            ms.push_back(elapsed);
    }
    QJsonObject o = stats(QStringLiteral("lookup"), ms);
    o.insert(QStringLiteral("products"), static_cast<qint64>(codes.size()));
    out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}

} // namespace

int cmdBench(const QStringList &args)
{
    if (args.isEmpty()) {
        err() << "usage: huike-cli bench checkout|lookup --db PATH --json\n";
        return 2;
    }
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
    p.addOption({QStringLiteral("n"), QStringLiteral("iterations"), QStringLiteral("N")});
    p.addOption({QStringLiteral("products"), QStringLiteral("catalog size"), QStringLiteral("N")});
    if (!p.parse(QStringList{QStringLiteral("huike-cli")} + args.mid(1))) {
        err() << p.errorText() << "\n";
        return 2;
    }
    if (!p.isSet(QStringLiteral("db"))) {
        err() << "error: benchmarks write to a database of their own: give --db PATH\n";
        return 2;
    }
    const QString path = p.value(QStringLiteral("db"));
    if (args.first() == QLatin1String("checkout"))
        return benchCheckout(p, path);
    if (args.first() == QLatin1String("lookup"))
        return benchLookup(p, path);
    err() << "unknown benchmark: " << args.first() << "\n";
    return 2;
}

} // namespace huike::cli
