#pragma once

// Shared helpers: printing Qt and money types in Catch2 messages, and a small real shop on a
// temporary database file (the demo store's operators and catalog, plus a few products whose
// prices the tests know by heart).

#include "app/appcontext.h"
#include "core/clock.h"
#include "core/money.h"
#include "core/result.h"
#include "sales/checkout.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>
#include "common/catchqt.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>

namespace Catch {
template <> struct StringMaker<huike::Money> {
    static std::string convert(const huike::Money &m)
    {
        return m.display().toStdString() + " (" + std::to_string(m.fen()) + " fen)";
    }
};
template <> struct StringMaker<huike::ErrorCode> {
    static std::string convert(huike::ErrorCode c)
    {
        switch (c) {
        case huike::ErrorCode::Invalid:
            return "Invalid";
        case huike::ErrorCode::NotFound:
            return "NotFound";
        case huike::ErrorCode::Conflict:
            return "Conflict";
        case huike::ErrorCode::Denied:
            return "Denied";
        case huike::ErrorCode::InsufficientFunds:
            return "InsufficientFunds";
        case huike::ErrorCode::Storage:
            return "Storage";
        case huike::ErrorCode::ReadOnly:
            return "ReadOnly";
        case huike::ErrorCode::TooNew:
            return "TooNew";
        case huike::ErrorCode::Unavailable:
            return "Unavailable";
        }
        return "?";
    }
};
} // namespace Catch

namespace huike::test {

inline huike::Money fen(qint64 f)
{
    return huike::Money::fromFen(f);
}

// A UTC instant given as Shanghai wall-clock time (UTC+8, no DST since 1991).
qint64 shanghaiMs(int y, int m, int d, int hh, int mm, int ss = 0, int ms = 0);

// Prints the error of a failed Result so that a failing REQUIRE says why.
template <class T> std::string why(const huike::Result<T> &r)
{
    return r.ok() ? std::string("ok") : r.error().message.toStdString();
}

// The products every shop test can count on (codes T01..T05), with known prices and stock.
struct KnownProducts {
    huike::Product water;   // 农夫山泉饮用天然水 550毫升, ¥2.00, 100 in stock
    huike::Product noodles; // 康师傅红烧牛肉面 五连包, ¥14.50, 50 in stock
    huike::Product oil;     // 金龙鱼调和油 5升, ¥69.90, 20 in stock
    huike::Product apples;  // 散装红富士苹果, weighed, ¥12.98/kg, 30 kg, PLU 09001
    huike::Product beef;    // 卤牛肉, weighed, ¥58.00/kg, 10 kg, PLU 09002
};

// A demo store (operators 1001/1234 cashier, 1002/1234 cashier, 8001/8888 manager, 9001/9999
// admin; ~300 products; no sales) on a file in a temporary folder, with a ManualClock at
// 2026-11-25 10:00 in Shanghai and the till "POS1".
class TestShop {
public:
    explicit TestShop(qint64 nowMs = shanghaiMs(2026, 11, 25, 10, 0),
                      const QString &terminal = QStringLiteral("POS1"));
    ~TestShop();

    huike::AppContext &ctx() { return *m_ctx; }
    huike::ManualClock clock;
    QString path() const { return m_path; }
    // Closes and reopens the database, as a restart of the program would.
    void reopen(const QString &terminal = QStringLiteral("POS1"));

    qint64 cashier = 0;  // 1001 王芳
    qint64 cashier2 = 0; // 1002 李强
    qint64 manager = 0;  // 8001 张经理
    qint64 admin = 0;    // 9001 系统管理员
    KnownProducts p;

    huike::CartLine line(const huike::Product &product, qint64 quantityMilli = 1000) const;
    // The open shift of this till, opened for the cashier (no float) if none is: every document
    // belongs to one.
    qint64 shift();
    // Manager 8001 types the PIN: a single-use approval of exactly this scope.
    QString approve(const huike::ApprovalScope &scope);
    // The same without hashing the PIN, for property tests that ring up hundreds of documents.
    QString approveQuickly(const huike::ApprovalScope &scope);
    QString approveRefund(const QString &receiptNo, const QList<huike::RefundLineRequest> &lines = {});
    QString approveVoid(const QString &receiptNo);
    // A refund by the cashier in the till's shift, with the manager's approval of exactly it (none when
    // it cannot be made: it is then refused for its own reason).
    huike::RefundRequest refundRequest(const QString &receiptNo, const QList<huike::RefundLineRequest> &lines = {},
                                       const QString &reason = QStringLiteral("顾客不想要了"));
    // The approval of a cart's price changes and big discounts, as the till asks for it.
    QString approveCart(const huike::CheckoutRequest &request);
    // A request from the cashier with a fresh uuid in the till's shift, paid as given (no tenders:
    // exact cash).
    huike::CheckoutRequest request(const QList<huike::CartLine> &lines,
                                   const QList<huike::TenderInput> &tenders = {});
    // Rings up a sale that must succeed.
    huike::SaleResult sell(const QList<huike::CartLine> &lines,
                           const QList<huike::TenderInput> &tenders = {});

    // Registers a member at the counter (by the cashier); their id.
    qint64 addMember(const QString &phone, const QString &name = {});
    // The member priced at their level as the till attaches them, in a request.
    huike::CheckoutRequest memberRequest(qint64 memberId, const QList<huike::CartLine> &lines,
                                         const QList<huike::TenderInput> &tenders = {});

    // A recharge of `amount` onto the member's stored value at this till, paid in cash unless
    // `tenders` say otherwise, approved by the manager when it is above the shop's limit.
    huike::Result<huike::RechargeResult> recharge(qint64 memberId, huike::Money amount,
                                                  const QList<huike::TenderInput> &tenders = {});

    qint64 stockOf(qint64 productId);
    // One value from raw SQL, for checking what was really written.
    QVariant scalar(const QString &sql, const QVariantList &binds = {});
    // Runs raw SQL that must succeed (tampering in integrity tests).
    void execRaw(const QString &sql, const QVariantList &binds = {});
    qint64 count(const QString &table, const QString &where = QString(), const QVariantList &binds = {});

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<huike::AppContext> m_ctx;
};

// verify finds nothing wrong with the shop's books (each problem printed when it does).
void requireClean(TestShop &shop);

} // namespace huike::test
