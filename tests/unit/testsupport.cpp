#include "testsupport.h"

#include "reports/integrity.h"

#include "core/uuid.h"
#include "demo/demo.h"
#include "members/earnings.h"
#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace huike::test {

qint64 shanghaiMs(int y, int m, int d, int hh, int mm, int ss, int ms)
{
    return QDateTime(QDate(y, m, d), QTime(hh, mm, ss, ms), QTimeZone::utc()).toMSecsSinceEpoch() -
           8LL * 3600 * 1000;
}

namespace {
Product makeProduct(const char *code, const char *name, const char *unit, qint64 priceFen, qint64 stockMilli,
                    const QStringList &barcodes, bool weighed = false, const QString &plu = {})
{
    Product p;
    p.code = QString::fromUtf8(code);
    p.name = QString::fromUtf8(name);
    p.unit = QString::fromUtf8(unit);
    p.price = Money::fromFen(priceFen);
    p.cost = p.price.timesPermille(700);
    p.stockMilli = stockMilli;
    p.barcodes = barcodes;
    p.weighed = weighed;
    p.plu = plu;
    return p;
}
} // namespace

TestShop::TestShop(qint64 nowMs, const QString &terminal) : clock(nowMs)
{
    REQUIRE(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("huike.db"));
    auto ctx = AppContext::open(m_path, clock, terminal);
    REQUIRE(ctx.ok());
    m_ctx = std::move(*ctx);
    REQUIRE(m_ctx->isEmpty());
    DemoOptions o;
    o.members = 20;
    o.months = 0; // products and operators only: every sale in a test is the test's own
    auto demo = createDemoStore(m_ctx->db(), o, nowMs);
    INFO(why(demo));
    REQUIRE(demo.ok());
    REQUIRE(demo->sales == 0);
    REQUIRE(m_ctx->reloadStore().ok());
    REQUIRE(m_ctx->store().storeCode == QStringLiteral("S01"));

    const auto idOf = [this](const char *code) {
        return scalar(QStringLiteral("SELECT id FROM operators WHERE code = ?"), {QString::fromLatin1(code)})
            .toLongLong();
    };
    cashier = idOf("1001");
    cashier2 = idOf("1002");
    manager = idOf("8001");
    admin = idOf("9001");
    REQUIRE(cashier > 0);
    REQUIRE(manager > 0);

    const QList<Product> known = {
        makeProduct("T01", "农夫山泉饮用天然水 550毫升", "瓶", 200, 100'000,
                    {QStringLiteral("6921168509256")}),
        makeProduct("T02", "康师傅红烧牛肉面 五连包", "包", 1450, 50'000, {QStringLiteral("6920202888883")}),
        makeProduct("T03", "金龙鱼调和油 5升", "桶", 6990, 20'000, {QStringLiteral("6901028075831")}),
        makeProduct("T04", "散装红富士苹果", "千克", 1298, 30'000, {}, true, QStringLiteral("09001")),
        makeProduct("T05", "卤牛肉", "千克", 5800, 10'000, {}, true, QStringLiteral("09002")),
    };
    QList<Product> saved;
    for (const Product &k : known) {
        auto id = m_ctx->catalog().save(k, admin);
        INFO(k.name.toStdString() << ": " << why(id));
        REQUIRE(id.ok());
        auto loaded = m_ctx->catalog().byId(*id);
        REQUIRE(loaded.ok());
        saved.append(*loaded);
    }
    p = KnownProducts{saved.at(0), saved.at(1), saved.at(2), saved.at(3), saved.at(4)};
}

TestShop::~TestShop() = default;

void TestShop::reopen(const QString &terminal)
{
    m_ctx.reset();
    auto ctx = AppContext::open(m_path, clock, terminal);
    REQUIRE(ctx.ok());
    m_ctx = std::move(*ctx);
}

CartLine TestShop::line(const Product &product, qint64 quantityMilli) const
{
    return cartLineFor(product, quantityMilli);
}

qint64 TestShop::shift()
{
    if (auto open = m_ctx->shifts().current())
        return open->id;
    auto opened = m_ctx->shifts().open(cashier, Money());
    INFO(why(opened));
    REQUIRE(opened.ok());
    return opened->id;
}

QString TestShop::approve(const ApprovalScope &scope)
{
    auto a = m_ctx->approvals().grant(QStringLiteral("8001"), QStringLiteral("8888"), scope, cashier);
    INFO(why(a));
    REQUIRE(a.ok());
    return a->token;
}

QString TestShop::approveQuickly(const ApprovalScope &scope)
{
    auto a = recordApprovalForDemo(m_ctx->db(), clock.nowMs(), manager, scope, cashier);
    INFO(why(a));
    REQUIRE(a.ok());
    return a->token;
}

QString TestShop::approveRefund(const QString &receiptNo, const QList<RefundLineRequest> &lines)
{
    auto scope = m_ctx->returns().approvalScope(QStringLiteral("refund"), receiptNo, lines);
    INFO(why(scope));
    REQUIRE(scope.ok());
    return approve(*scope);
}

QString TestShop::approveVoid(const QString &receiptNo)
{
    auto scope = m_ctx->returns().approvalScope(QStringLiteral("void"), receiptNo);
    INFO(why(scope));
    REQUIRE(scope.ok());
    return approve(*scope);
}

QString TestShop::approveCart(const CheckoutRequest &request)
{
    return approve(discountApprovalScope(request.uuid, request.lines, request.orderDiscount, request.member));
}

CheckoutRequest TestShop::request(const QList<CartLine> &lines, const QList<TenderInput> &tenders)
{
    CheckoutRequest r;
    r.uuid = newUuid();
    r.operatorId = cashier;
    r.shiftId = shift();
    r.lines = lines;
    r.tenders = tenders;
    if (r.tenders.isEmpty()) {
        const Money total = m_ctx->checkout().quote(lines, r.orderDiscount, r.member).total;
        r.tenders = {TenderInput{Tender::Cash, total.isZero() ? Money::fromFen(1) : total, {}}};
    }
    return r;
}

SaleResult TestShop::sell(const QList<CartLine> &lines, const QList<TenderInput> &tenders)
{
    auto r = m_ctx->checkout().commit(request(lines, tenders));
    INFO(why(r));
    REQUIRE(r.ok());
    return *r;
}

RefundRequest TestShop::refundRequest(const QString &receiptNo, const QList<RefundLineRequest> &lines,
                                     const QString &reason)
{
    RefundRequest r;
    r.uuid = newUuid();
    r.receiptNo = receiptNo;
    r.lines = lines;
    r.reason = reason;
    r.operatorId = cashier;
    if (auto scope = m_ctx->returns().approvalScope(QStringLiteral("refund"), receiptNo, lines))
        r.approvalToken = approveQuickly(*scope);
    r.shiftId = shift();
    return r;
}

qint64 TestShop::addMember(const QString &phone, const QString &name)
{
    huike::MemberInput in;
    in.phone = phone;
    in.name = name;
    auto m = m_ctx->members().registerMember(in, cashier);
    REQUIRE(m.ok());
    return m->id;
}

huike::CheckoutRequest TestShop::memberRequest(qint64 memberId, const QList<huike::CartLine> &lines,
                                               const QList<huike::TenderInput> &tenders)
{
    auto member = huike::memberPrice(m_ctx->db(), memberId);
    REQUIRE(member.ok());
    huike::CheckoutRequest r = request(lines, tenders);
    r.member = *member;
    if (tenders.isEmpty()) { // exact cash; nothing at all when nothing is due (a count card covers it all)
        const Money total = m_ctx->checkout().quote(lines, r.orderDiscount, r.member).total;
        r.tenders.clear();
        if (!total.isZero())
            r.tenders = {{huike::Tender::Cash, total, {}}};
    }
    return r;
}

Result<RechargeResult> TestShop::recharge(qint64 memberId, Money amount, const QList<TenderInput> &tenders)
{
    RechargeRequest r;
    r.uuid = newUuid();
    r.memberId = memberId;
    r.amount = amount;
    r.tenders = tenders.isEmpty() ? QList<TenderInput>{{Tender::Cash, amount, {}}} : tenders;
    r.operatorId = cashier;
    r.shiftId = shift();
    if (m_ctx->storedValue().needsManager(amount))
        r.approvalToken = approveQuickly(StoredValueService::rechargeScope(memberId, amount));
    return m_ctx->storedValue().recharge(r);
}

qint64 TestShop::stockOf(qint64 productId)
{
    return scalar(QStringLiteral("SELECT stock_milli FROM products WHERE id = ?"), {productId}).toLongLong();
}

static void runRaw(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    REQUIRE(q.prepare(sql));
    huike::bindAll(q, binds);
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(q.exec());
}

QVariant TestShop::scalar(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_ctx->db().db());
    runRaw(q, sql, binds);
    if (!q.next())
        return {};
    return q.value(0);
}

void TestShop::execRaw(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_ctx->db().db());
    runRaw(q, sql, binds);
}

qint64 TestShop::count(const QString &table, const QString &where, const QVariantList &binds)
{
    return scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table +
                      (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
                  binds)
        .toLongLong();
}

void requireClean(TestShop &shop)
{
    const QStringList problems = verifyDatabase(shop.ctx().db());
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    CHECK(problems.isEmpty());
}

} // namespace huike::test
