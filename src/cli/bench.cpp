#include "app/appcontext.h"
#include "app/storesetup.h"
#include "catalog/pinyin.h"
#include "catalog/barcode.h"
#include "bench.h"
#include "commands.h"
#include "members/countcards.h"
#include "members/coupons.h"
#include "members/earnings.h"
#include "members/membercsv.h"
#include "members/memberlist.h"
#include "members/members.h"
#include "members/points.h"
#include "members/storedvalue.h"
#include "core/uuid.h"
#include "demo/demo.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
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

} // namespace

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

namespace {

// The goods a benchmark cart is filled from: the catalog but the count cards (a count card is not
// bought ten at a time by anyone).
QList<Product> cartGoods(AppContext &ctx)
{
    ProductQuery q;
    q.limit = 1000;
    QList<Product> products = ctx.catalog().search(q);
    if (auto cards = countCardProductIds(ctx.db()))
        products.removeIf([&](const Product &pr) { return cards->contains(pr.id); });
    return products;
}

QList<CartLine> tenLines(const QList<Product> &products, std::mt19937 &rng)
{
    QList<CartLine> lines;
    for (int l = 0; l < 10; ++l)
        lines.append(cartLineFor(products.at(static_cast<int>(rng() % static_cast<quint32>(products.size())))));
    return lines;
}

// The floor on this disk: a bare commit of 10 rows with WAL and synchronous=FULL, into a table of
// its own with no index. A checkout is that fsync plus our work. Timed just before each checkout,
// so both see the same disk, page cache and WAL at the same moment of the run.
class BareCommit {
public:
    explicit BareCommit(Database &db) : m_db(db)
    {
        (void)m_db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, a INTEGER, b TEXT)"));
    }
    ~BareCommit() { (void)m_db.exec(QStringLiteral("DROP TABLE IF EXISTS bench_bare")); }
    BareCommit(const BareCommit &) = delete;
    BareCommit &operator=(const BareCommit &) = delete;

    Result<double> time()
    {
        QElapsedTimer t;
        t.start();
        WriteTransaction tx(m_db);
        if (!tx.began())
            return tx.beginError();
        Statement &ins = m_db.statement(QStringLiteral("INSERT INTO bench_bare(a, b) VALUES (?, ?)"));
        for (int r = 0; r < 10; ++r)
            if (auto st = ins.exec({++m_rows, QStringLiteral("row")}); !st)
                return st.error();
        if (auto st = tx.commit(); !st)
            return st.error();
        return static_cast<double>(t.nsecsElapsed()) / 1e6;
    }

private:
    Database &m_db;
    qint64 m_rows = 0;
};

// One checkout timed beside the bare commit just before it (the first 20 only warm the caches),
// and the till's idle checkpoint between customers every 50 sales (not timed: no customer waits
// for it). Prints the error and returns false when anything fails.
struct CommitTimes {
    std::vector<double> checkout;
    std::vector<double> bare;
};

bool timeCommit(AppContext &ctx, BareCommit &bare, const CheckoutRequest &req, int i, CommitTimes &times)
{
    auto floor = bare.time();
    if (!floor) {
        err() << "error: " << floor.error().message << "\n";
        return false;
    }
    QElapsedTimer t;
    t.start();
    auto r = ctx.checkout().commit(req);
    const double elapsed = static_cast<double>(t.nsecsElapsed()) / 1e6;
    if (!r) {
        err() << "error: " << r.error().message << "\n";
        return false;
    }
    if (i >= 20) {
        times.checkout.push_back(elapsed);
        times.bare.push_back(*floor);
    }
    if (i % 50 == 49)
        if (auto st = ctx.db().checkpoint(); !st) {
            err() << "error: " << st.error().message << "\n";
            return false;
        }
    return true;
}

int benchCheckout(const QCommandLineParser &p, const QString &path)
{
    const auto count = numberOption(p, QStringLiteral("n"), 2000, 1, 1'000'000);
    if (!count)
        return 2;
    auto ctx = openBenchStore(path, 0);
    if (!ctx)
        return 1;
    const QList<Product> products = cartGoods(*ctx);
    const QList<Operator> ops = ctx->operators().list();
    auto shift = ctx->shifts().currentOrOpen(ops.first().id, Money::fromYuan(100));
    if (!shift) {
        err() << "error: " << shift.error().message << "\n";
        return 1;
    }
    const int n = static_cast<int>(*count);
    std::mt19937 rng(7);
    CommitTimes times;
    BareCommit bare(ctx->db());
    for (int i = 0; i < n + 20; ++i) {
        CheckoutRequest req;
        req.uuid = newUuid();
        req.operatorId = ops.first().id;
        req.shiftId = shift->id;
        req.lines = tenLines(products, rng);
        const Money total = ctx->checkout().quote(req.lines, req.orderDiscount, req.member).total;
        const Money cash = Money::fromFen(total.fen() / 2);
        req.tenders = {{Tender::WeChat, total - cash, QStringLiteral("134567890123456789")},
                       {Tender::Cash, cash + Money::fromYuan(5), {}}};
        if (!timeCommit(*ctx, bare, req, i, times))
            return 1;
    }
    QJsonObject o = stats(QStringLiteral("checkout"), times.checkout);
    o.insert(QStringLiteral("checkpoint"), QStringLiteral("idle, every 50 sales"));
    o.insert(QStringLiteral("lines"), 10);
    o.insert(QStringLiteral("payments"), 2);
    o.insert(QStringLiteral("bare_commit_p50_ms"), percentile(times.bare, 0.50));
    o.insert(QStringLiteral("bare_commit_p99_ms"), percentile(times.bare, 0.99));
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


// The bench's own members: 147 numbers (no demo member has one), spread over the eight digits by
// a bijection (7919 is prime to 10^8) so their last four digits fall evenly, as real ones do.
QString benchPhone(qint64 i)
{
    return QStringLiteral("147%1").arg((i * 7919 + 1234567) % 100000000, 8, 10, QLatin1Char('0'));
}

QString benchCard(qint64 i)
{
    return QStringLiteral("HK%1").arg(i, 10, 10, QLatin1Char('0'));
}

const char *const kBenchSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
const char *const kBenchGiven[] = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"};

QString benchName(qint64 i)
{
    return QString::fromUtf8(kBenchSurnames[i % 16]) + QString::fromUtf8(kBenchGiven[(i / 16) % 20]);
}

} // namespace

// Brings the store to `target` members, the missing ones as bench members in chunks of 50,000 (one
// transaction each, as an import writes them). Returns how many bench members there are.
Result<qint64> fillMembers(AppContext &ctx, qint64 target)
{
    auto counts = ctx.db()
                      .statement(QStringLiteral("SELECT (SELECT COUNT(*) FROM members), (SELECT COUNT(*) FROM members "
                                                "WHERE phone >= '147' AND phone < '148')"))
                      .select({});
    if (!counts)
        return counts.error();
    qint64 bench = counts->first().at(1).toLongLong();
    const qint64 last = bench + std::max<qint64>(0, target - counts->first().at(0).toLongLong());
    const qint64 now = g_benchClock.nowMs();
    while (bench < last) {
        WriteTransaction tx(ctx.db());
        if (!tx.began())
            return tx.beginError();
        QSqlQuery ins(ctx.db().db());
        ins.prepare(QStringLiteral("INSERT INTO members(phone, card_no, name, pinyin, gender, birthday, store_id, "
                                   "created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        const qint64 end = std::min(bench + 50000, last);
        for (qint64 i = bench; i < end; ++i) {
            const QString name = benchName(i);
            ins.addBindValue(benchPhone(i));
            ins.addBindValue(benchCard(i));
            ins.addBindValue(name);
            ins.addBindValue(pinyinInitials(name));
            ins.addBindValue(i % 5 < 3 ? QStringLiteral("F") : QStringLiteral("M"));
            ins.addBindValue(QStringLiteral("%1-%2-%3")
                                 .arg(1960 + i % 45)
                                 .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                                 .arg(1 + i % 28, 2, 10, QLatin1Char('0')));
            ins.addBindValue(ctx.store().storeId);
            ins.addBindValue(now - (i % 1000) * 86400000LL);
            if (!ins.exec())
                return storageError(ins);
        }
        if (auto st = tx.commit(); !st)
            return st.error();
        bench = end;
    }
    return bench;
}

namespace {

template <typename F>
Result<std::vector<double>> timeLookups(int n, std::mt19937 &rng, F lookup)
{
    std::vector<double> ms;
    ms.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n + 100; ++i) {
        const quint32 pick = static_cast<quint32>(rng());
        QElapsedTimer t;
        t.start();
        const Status st = lookup(pick);
        const double elapsed = static_cast<double>(t.nsecsElapsed()) / 1e6;
        if (!st)
            return st.error();
        if (i >= 100) // the first look-ups prepare the statements
            ms.push_back(elapsed);
    }
    return ms;
}

// `rows` members as a shop brings them from another system: Chinese headers, levels, points and
// stored value, written as the CSV a user would import.
QByteArray importCsv(int rows)
{
    QByteArray csv = QByteArrayLiteral("\xEF\xBB\xBF手机号,姓名,性别,生日,卡号,等级,积分,余额,备注\r\n");
    csv.reserve(rows * 80);
    static const char *const kLevels[] = {"普通会员", "普通会员", "普通会员", "银卡", "金卡"};
    for (int i = 0; i < rows; ++i) {
        csv += QStringLiteral("139%1,%2,%3,%4-%5-%6,VIP%7,%8,%9,%10.%11,%12\r\n")
                   .arg((i * 7919LL + 555) % 100000000, 8, 10, QLatin1Char('0'))
                   .arg(benchName(i), i % 2 ? QStringLiteral("女") : QStringLiteral("男"))
                   .arg(1960 + i % 45)
                   .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                   .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                   .arg(i, 8, 10, QLatin1Char('0'))
                   .arg(QString::fromUtf8(kLevels[i % 5]))
                   .arg(i % 3 ? i % 5000 : 0)
                   .arg(i % 4 ? i % 2000 : 0)
                   .arg(i % 100, 2, 10, QLatin1Char('0'))
                   .arg(i % 10 ? QString() : QStringLiteral("老客户"))
                   .toUtf8();
    }
    return csv;
}

// Imports `rows` members into a new shop's store beside `path` (a shop moving to Huike), removed
// afterwards. Returns the import's wall time in ms, parsing and checking included.
Result<double> timeImport(const QString &path, int rows)
{
    const QString importPath = path + QStringLiteral(".import.db");
    const auto removeAll = [&] {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(importPath + QString::fromLatin1(suffix));
    };
    removeAll();
    StoreSetup setup;
    setup.name = QStringLiteral("导入测试店");
    setup.adminPin = QStringLiteral("8264");
    if (auto made = createStoreFile(importPath, setup, g_benchClock); !made)
        return made.error();
    auto ctx = AppContext::open(importPath, g_benchClock, QStringLiteral("BENCH"));
    if (!ctx)
        return ctx.error();
    const QByteArray csv = importCsv(rows);
    QElapsedTimer t;
    t.start();
    const MemberImportReport r = importMembersCsv((*ctx)->db(), g_benchClock, (*ctx)->time(),
                                                  (*ctx)->store().storeId, 0, csv);
    const double elapsed = static_cast<double>(t.nsecsElapsed()) / 1e6;
    ctx->reset();
    removeAll();
    if (!r.error.isEmpty() || r.added != rows)
        return makeError(ErrorCode::Invalid, QStringLiteral("the import added %1 of %2 members: %3")
                                                 .arg(r.added)
                                                 .arg(rows)
                                                 .arg(r.error.isEmpty() && !r.errors.isEmpty() ? r.errors.first().message
                                                                                                : r.error));
    return elapsed;
}

// Gets member `memberId` ready for a checkout paid with points, stored value and a coupon (not
// timed: at the counter this is the member's history): a coupon of `couponType`, and points and
// stored value topped up when short.
Result<QString> readyMember(AppContext &ctx, qint64 memberId, qint64 operatorId, qint64 shiftId, const QString &couponType)
{
    const LedgerContext where{ctx.store().storeId, 0, operatorId, g_benchClock.nowMs(), &ctx.time()};
    auto points = usablePoints(ctx.db(), memberId, where.nowMs);
    if (!points)
        return points.error();
    if (*points < 100) {
        WriteTransaction tx(ctx.db());
        if (!tx.began())
            return tx.beginError();
        if (auto st = earnPoints(ctx.db(), where, memberId, 2000, QStringLiteral("adjust"), QStringLiteral("bench"));
            !st)
            return st.error();
        if (auto st = tx.commit(); !st)
            return st.error();
    }
    auto held = storedBalance(ctx.db(), memberId);
    if (!held)
        return held.error();
    if (held->total() < Money::fromYuan(500)) {
        RechargeRequest rr;
        rr.uuid = newUuid();
        rr.memberId = memberId;
        rr.amount = Money::fromYuan(1000);
        rr.tenders = {TenderInput{Tender::Cash, rr.amount, {}}};
        rr.operatorId = operatorId;
        rr.shiftId = shiftId;
        if (auto done = ctx.storedValue().recharge(rr); !done)
            return done.error();
    }
    auto coupon = issueCouponNow(ctx.db(), where, couponType, memberId, QStringLiteral("bench"));
    if (!coupon)
        return coupon.error();
    return coupon->code;
}

int benchMembers(const QCommandLineParser &p, const QString &path)
{
    const auto members = numberOption(p, QStringLiteral("members"), 1000000, 1, 10'000'000);
    const auto lookups = numberOption(p, QStringLiteral("lookups"), 20000, 1, 10'000'000);
    const auto count = numberOption(p, QStringLiteral("n"), 2000, 1, 1'000'000);
    const auto imported = numberOption(p, QStringLiteral("import"), 100000, 0, 10'000'000);
    if (!members || !lookups || !count || !imported)
        return 2;
    auto ctx = openBenchStore(path, 0);
    if (!ctx)
        return 1;
    QElapsedTimer filling;
    filling.start();
    auto bench = fillMembers(*ctx, *members);
    if (!bench) {
        err() << "error: " << bench.error().message << "\n";
        return 1;
    }
    const double fillSeconds = static_cast<double>(filling.elapsed()) / 1000.0;
    auto total = ctx->db().statement(QStringLiteral("SELECT COUNT(*) FROM members")).select({});
    if (!total || *bench == 0) {
        err() << "error: " << (total ? QStringLiteral("no bench members") : total.error().message) << "\n";
        return 1;
    }
    QJsonObject o{{QStringLiteral("bench"), QStringLiteral("members")},
                  {QStringLiteral("members"), total->first().at(0).toLongLong()},
                  {QStringLiteral("fill_s"), fillSeconds}};

    // Look-ups as the till makes them: MemberService, statements prepared once.
    std::mt19937 rng(13);
    const int n = static_cast<int>(*lookups);
    MemberService &service = ctx->members();
    const qint64 benchCount = *bench;
    auto byPhone = timeLookups(n, rng, [&](quint32 pick) -> Status {
        auto m = service.byPhoneOrCard(benchPhone(pick % benchCount));
        return m ? Status(Ok{}) : Status(m.error());
    });
    auto byLastFour = timeLookups(n, rng, [&](quint32 pick) -> Status {
        auto m = service.find(QStringLiteral("%1").arg(pick % 10000, 4, 10, QLatin1Char('0')), 20);
        return m ? Status(Ok{}) : Status(m.error());
    });
    auto byCard = timeLookups(n, rng, [&](quint32 pick) -> Status {
        auto m = service.byPhoneOrCard(benchCard(pick % benchCount));
        return m ? Status(Ok{}) : Status(m.error());
    });
    for (const auto *r : {&byPhone, &byLastFour, &byCard})
        if (!*r) {
            err() << "error: " << r->error().message << "\n";
            return 1;
        }
    o.insert(QStringLiteral("lookup_phone_p50_ms"), percentile(*byPhone, 0.50));
    o.insert(QStringLiteral("lookup_phone_p99_ms"), percentile(*byPhone, 0.99));
    o.insert(QStringLiteral("lookup_last4_p50_ms"), percentile(*byLastFour, 0.50));
    o.insert(QStringLiteral("lookup_last4_p99_ms"), percentile(*byLastFour, 0.99));
    o.insert(QStringLiteral("lookup_card_p50_ms"), percentile(*byCard, 0.50));
    o.insert(QStringLiteral("lookup_card_p99_ms"), percentile(*byCard, 0.99));
    o.insert(QStringLiteral("lookups"), n);

    // The member screen's list (members/memberlist.h): every id read once, then pages as rows are
    // shown — scrolled from the first row to the last, and jumped about at random.
    {
        MemberList list(ctx->db());
        QElapsedTimer t;
        t.start();
        if (auto st = list.load({}); !st) {
            err() << "error: " << st.error().message << "\n";
            return 1;
        }
        o.insert(QStringLiteral("list_load_ms"), static_cast<double>(t.nsecsElapsed()) / 1e6);
        std::vector<double> pages;
        QElapsedTimer scroll;
        scroll.start();
        for (int row = 0; row < list.size(); row += MemberList::kPageSize) {
            QElapsedTimer one;
            one.start();
            if (auto m = list.at(row); !m) {
                err() << "error: " << m.error().message << "\n";
                return 1;
            }
            pages.push_back(static_cast<double>(one.nsecsElapsed()) / 1e6);
        }
        o.insert(QStringLiteral("list_scroll_s"), static_cast<double>(scroll.nsecsElapsed()) / 1e9);
        o.insert(QStringLiteral("list_page_p99_ms"), percentile(pages, 0.99));
        MemberFilter byMonth;
        byMonth.birthdayMonth = 5;
        t.restart();
        if (auto st = list.load(byMonth); !st) {
            err() << "error: " << st.error().message << "\n";
            return 1;
        }
        o.insert(QStringLiteral("list_birthday_month_ms"), static_cast<double>(t.nsecsElapsed()) / 1e6);
        o.insert(QStringLiteral("list_birthday_month_rows"), list.size());
    }

    // Member checkouts: ten goods, a coupon, 100 points, part stored value, the rest cash.
    const QList<Product> products = cartGoods(*ctx);
    const QList<Operator> ops = ctx->operators().list();
    auto shift = ctx->shifts().currentOrOpen(ops.first().id, Money::fromYuan(100));
    if (!shift) {
        err() << "error: " << shift.error().message << "\n";
        return 1;
    }
    CouponType couponType;
    couponType.name = QStringLiteral("测速券 无门槛5元");
    couponType.kind = QStringLiteral("cash");
    couponType.value = Money::fromYuan(5);
    couponType.validDays = 30;
    couponType.issueOn = QStringLiteral("manual");
    if (!couponTypeNamed(ctx->db(), couponType.name))
        if (auto id = addCouponType(ctx->db(), couponType); !id) {
            err() << "error: " << id.error().message << "\n";
            return 1;
        }
    auto rules = loadPointsRules(ctx->db());
    if (!rules) {
        err() << "error: " << rules.error().message << "\n";
        return 1;
    }
    const int sales = static_cast<int>(*count);
    CommitTimes times;
    BareCommit bare(ctx->db());
    for (int i = 0; i < sales + 20; ++i) {
        auto member = service.byPhoneOrCard(benchPhone(static_cast<qint64>(rng() % static_cast<quint32>(benchCount))));
        auto code = member ? readyMember(*ctx, member->id, ops.first().id, shift->id, couponType.name)
                           : Result<QString>(member.error());
        auto priced = code ? memberPrice(ctx->db(), member->id) : Result<MemberPrice>(code.error());
        if (!priced) {
            err() << "error: " << priced.error().message << "\n";
            return 1;
        }
        CheckoutRequest req;
        req.uuid = newUuid();
        req.operatorId = ops.first().id;
        req.shiftId = shift->id;
        req.member = *priced;
        req.lines = tenLines(products, rng);
        req.coupons = {*code};
        auto coupons = ctx->checkout().coupons(req.coupons, req.lines, req.orderDiscount, req.member);
        if (!coupons) {
            err() << "error: " << coupons.error().message << "\n";
            return 1;
        }
        const Money due = ctx->checkout().quote(req.lines, req.orderDiscount, req.member, *coupons).total;
        const Money points = *rules->valueOf(rules->redeemPoints);
        if (points > due.timesPermille(rules->redeemCapPermille))
            continue; // a cart too small for points (ten goods rarely are)
        const Money stored = Money::fromFen((due - points).fen() / 2);
        req.tenders = {{Tender::Points, points, QString::number(rules->redeemPoints)},
                       {Tender::Stored, stored, {}},
                       {Tender::Cash, due - points - stored + Money::fromYuan(5), {}}};
        if (!timeCommit(*ctx, bare, req, i, times))
            return 1;
    }
    if (auto st = ctx->db().checkpoint(); !st) {
        err() << "error: " << st.error().message << "\n";
        return 1;
    }
    const double checkoutP99 = percentile(times.checkout, 0.99);
    const double bareP99 = percentile(times.bare, 0.99);
    o.insert(QStringLiteral("checkouts"), static_cast<qint64>(times.checkout.size()));
    o.insert(QStringLiteral("checkout_p50_ms"), percentile(times.checkout, 0.50));
    o.insert(QStringLiteral("checkout_p99_ms"), checkoutP99);
    o.insert(QStringLiteral("bare_commit_p50_ms"), percentile(times.bare, 0.50));
    o.insert(QStringLiteral("bare_commit_p99_ms"), bareP99);
    o.insert(QStringLiteral("checkout_vs_bare_p99"), bareP99 > 0 ? checkoutP99 / bareP99 : 0.0);

    if (*imported > 0) {
        auto importMs = timeImport(path, static_cast<int>(*imported));
        if (!importMs) {
            err() << "error: " << importMs.error().message << "\n";
            return 1;
        }
        o.insert(QStringLiteral("import_rows"), static_cast<qint64>(*imported));
        o.insert(QStringLiteral("import_s"), *importMs / 1000.0);
    }
    out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}

} // namespace

int cmdBench(const QStringList &args)
{
    if (args.isEmpty()) {
        err() << "usage: huike-cli bench checkout|lookup|members|segments --db PATH --json\n"
                 "  checkout [--n N]: 10-line sales paid WeChat + cash; commit p50/p99 beside a bare 10-row WAL commit\n"
                 "  lookup [--products N] [--n N]: barcode look-ups in a catalog of N products\n"
                 "  members [--members N] [--lookups N] [--n N] [--import N]: with N members (default 1,000,000,\n"
                 "    added as 147 numbers once and kept), look-up p50/p99 by full phone, last four digits and\n"
                 "    card; member checkouts (a coupon, 100 points, stored value, cash) beside a bare 10-row\n"
                 "    WAL commit; and importing N members (default 100,000) from CSV into a new shop's store\n"
                 "    (PATH.import.db, removed afterwards). JSON keys: members, fill_s, lookup_phone_p99_ms,\n"
                 "    lookup_last4_p99_ms, lookup_card_p99_ms (and _p50_ms), checkouts, checkout_p50_ms,\n"
                 "    checkout_p99_ms, bare_commit_p50_ms, bare_commit_p99_ms, checkout_vs_bare_p99,\n"
                 "    import_rows, import_s; the member screen's list: list_load_ms (every id), list_page_p99_ms,\n"
                 "    list_scroll_s (first row to last), list_birthday_month_ms and _rows (born in May)\n"
                 "  segments [--members N] [--sales M] [--n N] [--db PATH]: 会员分析 over a generated store of N\n"
                 "    members (default 1,000,000) and M sales (default 10,000,000; over two years, one in fifty\n"
                 "    refunded), kept at --db PATH for the next run (else made in a temporary folder and\n"
                 "    removed). JSON keys: members, documents, buyers, generate_s, rebuild_ms (every aggregate\n"
                 "    from the raw sales), refresh_ms (every class again from the kept aggregates, median of\n"
                 "    5), cold_load_ms (the engine's file read back from disk, page cache dropped), file_mb,\n"
                 "    update_us and update_p99_us (one document folded in as the till hands it over; N of\n"
                 "    them, default 2000, one in twenty a whole refund), catchup_us and catchup_p99_us (the\n"
                 "    same read back from the store), trend_month_ms (one month end of 会员分析's 12-month\n"
                 "    trend: the sales as they stood at the end of last month, rebuilt and classed), sql_ms (the same definitions as SQL GROUP BY queries\n"
                 "    over the sales table), rebuild_vs_sql, sql_matches (every class the same size both\n"
                 "    ways; exit 1 if not), peak_rss_mb (the process's peak before the SQL baseline:\n"
                 "    generating, rebuilding, classing, loading, updating) and sql_peak_rss_mb (after it)\n";
        return 2;
    }
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
    p.addOption({QStringLiteral("n"), QStringLiteral("iterations"), QStringLiteral("N")});
    p.addOption({QStringLiteral("products"), QStringLiteral("catalog size"), QStringLiteral("N")});
    p.addOption({QStringLiteral("members"), QStringLiteral("members in the store"), QStringLiteral("N")});
    p.addOption({QStringLiteral("lookups"), QStringLiteral("look-ups of each kind"), QStringLiteral("N")});
    p.addOption({QStringLiteral("import"), QStringLiteral("members imported from CSV (0: none)"), QStringLiteral("N")});
    p.addOption({QStringLiteral("sales"), QStringLiteral("sales in the generated store"), QStringLiteral("M")});
    if (!p.parse(QStringList{QStringLiteral("huike-cli")} + args.mid(1))) {
        err() << p.errorText() << "\n";
        return 2;
    }
    if (args.first() == QLatin1String("segments"))
        return benchSegments(p); // --db optional: it makes its own store
    if (!p.isSet(QStringLiteral("db"))) {
        err() << "error: benchmarks write to a database of their own: give --db PATH\n";
        return 2;
    }
    const QString path = p.value(QStringLiteral("db"));
    if (args.first() == QLatin1String("checkout"))
        return benchCheckout(p, path);
    if (args.first() == QLatin1String("lookup"))
        return benchLookup(p, path);
    if (args.first() == QLatin1String("members"))
        return benchMembers(p, path);
    err() << "unknown benchmark: " << args.first() << "\n";
    return 2;
}

} // namespace huike::cli
