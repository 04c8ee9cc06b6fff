// Property: random sequences of what a shop does with its members' money — sales paid with points,
// stored value, coupons and count cards in any mix; refunds of some lines or all; recharges and
// their refunds; points adjusted by hand or redeemed for gifts; stored value moved between members; cards lost, found
// and replaced; time passing so that points expire — keep every invariant `verify` proves (each
// cached balance is its ledger, no balance or lot negative, no coupon used twice, every refund
// reversed exactly what its lines earned), and each step does exactly what it says or nothing.
//
// 10,000 sequences by default; HUIKE_PROPERTY_SEQUENCES and HUIKE_PROPERTY_SEED change them (the
// seed of a failing run is printed with the failure, to run it again).

#include "members/countcards.h"
#include "members/coupons.h"
#include "members/earnings.h"
#include "members/gifts.h"
#include "members/points.h"
#include "members/storedvalue.h"
#include "reports/integrity.h"
#include "sales/returns.h"
#include "core/uuid.h"
#include "testsupport.h"

#include <QHash>
#include <algorithm>
#include <random>

using namespace huike;
using huike::test::fen;
using huike::test::TestShop;
using huike::test::why;

namespace {

Product saveProduct(TestShop &shop, const char *code, const char *name, qint64 priceFen)
{
    Product p;
    p.code = QString::fromLatin1(code);
    p.name = QString::fromUtf8(name);
    p.unit = QStringLiteral("次");
    p.price = fen(priceFen);
    p.stockMilli = 100'000'000;
    auto id = shop.ctx().catalog().save(p, shop.admin);
    INFO(why(id));
    REQUIRE(id.ok());
    return *shop.ctx().catalog().byId(*id);
}

// What the random walk keeps, to pick from.
struct Walk {
    std::mt19937 rng;
    QList<qint64> members;
    QHash<qint64, QString> cards; // each member's card as it is now
    QStringList sales;            // receipts of sales that may still be refunded
    QStringList recharges;        // receipts of recharges that may still be refunded
    int cardSerial = 0;
    QHash<QString, int> refusals; // why a step the shop may refuse was refused, and how often
    QHash<QString, QString> example; // one message of each kind of refusal
    int committed = 0;

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
    bool chance(int percent) { return pick(100) < percent; }
    qint64 member() { return members.at(pick(static_cast<int>(members.size()))); }
};

qint64 documents(TestShop &shop)
{
    return shop.count(QStringLiteral("sales"));
}

// A refusal the shop's rules allow (not enough points to take back, a card lost meanwhile): counted,
// and nothing may have been written.
void refused(TestShop &shop, Walk &w, const Error &e, qint64 documentsBefore, const char *step)
{
    INFO(step << ": " << e.message.toStdString());
    CHECK((e.code == ErrorCode::InsufficientFunds || e.code == ErrorCode::Denied || e.code == ErrorCode::Conflict ||
           e.code == ErrorCode::Invalid || e.code == ErrorCode::NotFound));
    CHECK(documents(shop) == documentsBefore);
    const QString key = QString::fromLatin1(step) + QStringLiteral(": ") + QString::number(static_cast<int>(e.code));
    ++w.refusals[key];
    if (!w.example.contains(key))
        w.example.insert(key, e.message);
}

void sale(TestShop &shop, Walk &w, const QList<Product> &goods, const CountCardPlan &plan, const Product &service)
{
    Database &db = shop.ctx().db();
    const qint64 now = shop.clock.nowMs();
    QList<CartLine> lines;
    for (int n = 1 + w.pick(4); n > 0; --n)
        lines.append(shop.line(goods.at(w.pick(static_cast<int>(goods.size()))), 1000 * (1 + w.pick(3))));
    const qint64 m = w.chance(80) ? w.member() : 0;
    CheckoutRequest req = shop.request(lines);
    req.tenders.clear(); // paid below, as this cart comes to
    if (m > 0) {
        auto priced = memberPrice(db, m);
        if (!priced) { // a lost or locked card: the till refuses the member, and so the sale
            CHECK(priced.error().code == ErrorCode::Denied);
            ++w.refusals[QStringLiteral("sale: member's card blocked")];
            return;
        }
        req.member = *priced;
        // Now and then a count card: the member's, on a wash, or the card itself bought.
        if (w.chance(25)) {
            req.lines.append(shop.line(service, 1000 * (1 + w.pick(2))));
            auto usable = usableCountCards(db, m, now, shop.ctx().time());
            REQUIRE(usable.ok());
            for (const CountCard &c : *usable)
                if (c.planId == plan.id && applyCountCard(req.lines, c, now, shop.ctx().time()))
                    break;
        } else if (w.chance(5)) {
            req.lines.append(shop.line(*shop.ctx().catalog().byId(plan.cardProductId)));
        }
    }
    // A coupon: the member's own or one for anyone, if it is usable on this cart.
    if (w.chance(30)) {
        auto own = memberCoupons(db, m);
        REQUIRE(own.ok());
        QStringList usable;
        for (const Coupon &c : *own)
            if (couponState(c, now) == QLatin1String("unused"))
                usable << c.code;
        if (!usable.isEmpty()) {
            const QStringList codes{usable.at(w.pick(static_cast<int>(usable.size())))};
            if (shop.ctx().checkout().coupons(codes, req.lines, req.orderDiscount, req.member))
                req.coupons = codes;
        }
    }
    auto specs = shop.ctx().checkout().coupons(req.coupons, req.lines, req.orderDiscount, req.member);
    REQUIRE(specs.ok());
    const Money total = shop.ctx().checkout().quote(req.lines, req.orderDiscount, req.member, *specs).total;
    Money due = total;
    qint64 pointsPaid = 0;
    Money storedPaid;
    auto rules = loadPointsRules(db);
    REQUIRE(rules.ok());
    if (m > 0 && w.chance(40)) {
        auto usable = usablePoints(db, m, now);
        REQUIRE(usable.ok());
        const Money cap = total.timesPermille(rules->redeemCapPermille);
        for (qint64 n = (*usable / 100) * 100; n > 0; n -= 100)
            if (const auto value = rules->valueOf(n); value && *value <= cap && *value <= due) {
                pointsPaid = n;
                req.tenders.append({Tender::Points, *value, QString::number(n)});
                due -= *value;
                break;
            }
    }
    bool overspend = false;
    if (m > 0 && w.chance(50) && due.fen() > 0) {
        auto held = storedBalance(db, m);
        REQUIRE(held.ok());
        if (w.chance(3) && held->total() < due) {
            storedPaid = due; // more than the member holds: refused, nothing written
            overspend = true;
        } else {
            storedPaid = std::min(held->total(), w.chance(50) ? due : Money::fromFen(due.fen() / 2));
        }
        if (storedPaid.fen() > 0) {
            req.tenders.append({Tender::Stored, storedPaid, {}});
            due -= storedPaid;
        }
    }
    if (due.fen() > 0) {
        if (w.chance(50))
            req.tenders.append({Tender::Cash, due + fen(w.pick(2) * 5000), {}});
        else
            req.tenders.append({Tender::WeChat, due, QStringLiteral("4200%1").arg(w.committed + 1000000, 16, 10, QLatin1Char('0'))});
    }
    const qint64 before = documents(shop);
    auto r = shop.ctx().checkout().commit(req);
    if (overspend) {
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::InsufficientFunds);
        CHECK(documents(shop) == before);
        ++w.refusals[QStringLiteral("sale: more stored value than held (as intended)")];
        return;
    }
    if (!r) {
        QStringList what;
        for (const CartLine &l : req.lines)
            what << QStringLiteral("%1 x%2 @%3 card%4").arg(l.name).arg(l.quantityMilli).arg(l.listPrice.fen()).arg(l.countCardId);
        for (const TenderInput &t : req.tenders)
            what << QStringLiteral("%1 %2").arg(t.tender.key()).arg(t.amount.fen());
        what << QStringLiteral("quoted %1, coupons %2, level %3").arg(total.fen()).arg(req.coupons.join(QLatin1Char(','))).arg(req.member.levelName);
        INFO(what.join(QStringLiteral("; ")).toStdString());
        INFO(why(r));
        REQUIRE(r.ok());
    }
    ++w.committed;
    w.sales << r->receiptNo;
    if (m > 0) {
        // Exactly what it paid came off, and what the member has now is what the receipt says.
        auto effect = memberEffectOf(db, r->saleId);
        REQUIRE(effect.ok());
        REQUIRE(effect->has_value());
        CHECK((*effect)->pointsPaid == pointsPaid);
        CHECK((*effect)->storedPaid == storedPaid);
        CHECK((*effect)->pointsAfter ==
              shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {m}).toLongLong());
        auto held = storedBalance(db, m);
        REQUIRE(held.ok());
        CHECK(held->principal == (*effect)->principalAfter);
        CHECK(held->bonus == (*effect)->bonusAfter);
    }
}

void refund(TestShop &shop, Walk &w)
{
    if (w.sales.isEmpty())
        return;
    const QString receipt = w.sales.at(w.pick(static_cast<int>(w.sales.size())));
    auto sold = shop.ctx().returns().refundable(receipt);
    REQUIRE(sold.ok());
    if (std::none_of(sold->lines.cbegin(), sold->lines.cend(),
                     [](const RefundableLine &l) { return l.soldMilli > l.returnedMilli; })) {
        w.sales.removeAll(receipt); // all given back
        return;
    }
    QList<RefundLineRequest> lines;
    if (w.chance(60)) { // some lines, some units
        for (const RefundableLine &l : sold->lines) {
            const qint64 left = (l.soldMilli - l.returnedMilli) / 1000;
            if (left > 0 && w.chance(60))
                lines.append({l.lineId, 1000 * (1 + w.pick(static_cast<int>(left)))});
        }
        if (lines.isEmpty())
            return;
    }
    const qint64 before = documents(shop);
    auto r = shop.ctx().returns().refund(shop.refundRequest(receipt, lines));
    if (!r) {
        refused(shop, w, r.error(), before, "refund");
        return;
    }
    ++w.committed;
}

void recharge(TestShop &shop, Walk &w)
{
    static const qint64 kYuan[] = {100, 500, 500, 1000, 2000};
    auto r = shop.recharge(w.member(), Money::fromYuan(kYuan[w.pick(5)]));
    if (!r) {
        refused(shop, w, r.error(), documents(shop), "recharge");
        return;
    }
    ++w.committed;
    w.recharges << r->document.receiptNo;
}

void refundRecharge(TestShop &shop, Walk &w)
{
    if (w.recharges.isEmpty())
        return;
    const QString receipt = w.recharges.takeAt(w.pick(static_cast<int>(w.recharges.size())));
    StoredValueService &sv = shop.ctx().storedValue();
    auto scope = sv.refundScope(receipt);
    const qint64 before = documents(shop);
    if (!scope) {
        refused(shop, w, scope.error(), before, "recharge refund");
        return;
    }
    auto r = sv.refundRecharge(newUuid(), receipt, QStringLiteral("不想充了"), shop.cashier, shop.approveQuickly(*scope),
                               shop.shift());
    if (!r) {
        refused(shop, w, r.error(), before, "recharge refund");
        return;
    }
    ++w.committed;
}

void issue(TestShop &shop, Walk &w, const QStringList &types)
{
    const LedgerContext where{shop.ctx().checkout().store().storeId, 0, shop.manager, shop.clock.nowMs(),
                              &shop.ctx().time()};
    auto c = issueCouponNow(shop.ctx().db(), where, types.at(w.pick(static_cast<int>(types.size()))),
                            w.chance(80) ? w.member() : 0);
    INFO(why(c));
    REQUIRE(c.ok());
}

void adjust(TestShop &shop, Walk &w)
{
    const qint64 m = w.member();
    const qint64 points = w.chance(60) ? 50 + w.pick(500) : -(1 + w.pick(400));
    const LedgerContext where{shop.ctx().checkout().store().storeId, 0, shop.cashier, shop.clock.nowMs(),
                              &shop.ctx().time()};
    const qint64 before = shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {m}).toLongLong();
    auto st = adjustPoints(shop.ctx().db(), where, m, points, QStringLiteral("活动补积分"),
                           shop.approveQuickly(pointsAdjustScope(m, points)));
    if (!st) {
        refused(shop, w, st.error(), documents(shop), "points adjust");
        return;
    }
    // Expired lots are booked out first: the balance moved by the adjustment at most that.
    const qint64 after = shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {m}).toLongLong();
    CHECK(after <= before + std::max<qint64>(points, 0));
    CHECK(after >= 0);
}

void gift(TestShop &shop, Walk &w, const QList<Gift> &catalogue)
{
    const qint64 m = w.member();
    const Gift &g = catalogue.at(w.pick(static_cast<int>(catalogue.size())));
    const LedgerContext where{shop.ctx().checkout().store().storeId, 0, shop.cashier, shop.clock.nowMs(),
                              &shop.ctx().time()};
    auto r = redeemGift(shop.ctx().db(), where, m, g.id, 1 + w.pick(2));
    if (!r) {
        refused(shop, w, r.error(), documents(shop), "gift");
        return;
    }
    CHECK(r->pointsAfter == shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {m}).toLongLong());
}

void transfer(TestShop &shop, Walk &w)
{
    const qint64 from = w.member();
    const qint64 to = w.member();
    if (from == to)
        return;
    auto held = storedBalance(shop.ctx().db(), from);
    REQUIRE(held.ok());
    const Money amount = Money::fromFen(1 + w.pick(static_cast<int>(std::max<qint64>(held->total().fen(), 100))));
    auto moved = shop.ctx().storedValue().transfer(from, to, amount, QStringLiteral("家人转赠"), shop.cashier,
                                                   shop.approveQuickly(StoredValueService::transferScope(from, to, amount)));
    if (!moved) {
        CHECK((moved.error().code == ErrorCode::InsufficientFunds || moved.error().code == ErrorCode::Denied));
        ++w.refusals[QStringLiteral("transfer: ") + QString::number(static_cast<int>(moved.error().code))];
        return;
    }
    CHECK(moved->total() == amount);
}

void cardEvent(TestShop &shop, Walk &w)
{
    MemberService &members = shop.ctx().members();
    const qint64 m = w.member();
    auto member = members.byId(m);
    REQUIRE(member.ok());
    if (member->cardState != CardState::Active) { // found again: a manager unlocks it
        REQUIRE(members.unlock(m, QStringLiteral("找到了"), shop.cashier,
                               shop.approveQuickly(MemberService::cardApprovalScope(m)))
                    .ok());
        return;
    }
    if (w.chance(25)) {
        REQUIRE((w.chance(50) ? members.reportLost(m, QStringLiteral("卡丢了"), shop.cashier)
                              : members.lock(m, QStringLiteral("可疑消费"), shop.cashier))
                    .ok());
        return;
    }
    // 补卡: a new card; the old one is refused from then on, the member's money goes with them.
    const QString old = member->cardNo;
    const QString card = QStringLiteral("HK%1").arg(++w.cardSerial, 8, 10, QLatin1Char('0'));
    REQUIRE(members.replaceCard(m, card, QStringLiteral("卡片损坏"), shop.cashier,
                                shop.approveQuickly(MemberService::cardApprovalScope(m, card)))
                .ok());
    auto byNew = members.byPhoneOrCard(card);
    REQUIRE(byNew.ok());
    CHECK(byNew->id == m);
    CHECK(byNew->points == member->points);
    CHECK(byNew->principal + byNew->bonus == member->principal + member->bonus);
    if (!old.isEmpty()) {
        auto byOld = members.byPhoneOrCard(old);
        REQUIRE_FALSE(byOld.ok());
        CHECK(byOld.error().code == ErrorCode::Denied);
    }
    w.cards[m] = card;
}

void expire(TestShop &shop, Walk &w)
{
    // Weeks or months go by (over a year-end, the points earned the year before last expire).
    shop.clock.advance(static_cast<qint64>(1 + w.pick(60)) * 86'400'000LL);
    const qint64 m = w.member();
    const LedgerContext where{shop.ctx().checkout().store().storeId, 0, 0, shop.clock.nowMs(), &shop.ctx().time()};
    WriteTransaction tx(shop.ctx().db());
    REQUIRE(tx.began());
    auto gone = expirePoints(shop.ctx().db(), where, m);
    REQUIRE(gone.ok());
    REQUIRE(tx.commit().ok());
    auto usable = usablePoints(shop.ctx().db(), m, shop.clock.nowMs());
    REQUIRE(usable.ok());
    CHECK(*usable == shop.scalar(QStringLiteral("SELECT points FROM members WHERE id = ?"), {m}).toLongLong());
}

} // namespace

TEST_CASE("property: random sequences of sales, refunds, recharges, redemptions, expiries and card "
          "replacements keep every ledger invariant",
          "[members][property]")
{
    TestShop shop;
    // The books are proved by verify, not by the disk: no fsync for 10,000 sequences.
    shop.ctx().db().setSynchronousFull(false);
    const int sequences = qEnvironmentVariableIsSet("HUIKE_PROPERTY_SEQUENCES")
                              ? qEnvironmentVariableIntValue("HUIKE_PROPERTY_SEQUENCES")
                              : 10000;
    const unsigned seed = qEnvironmentVariableIsSet("HUIKE_PROPERTY_SEED")
                              ? static_cast<unsigned>(qEnvironmentVariableIntValue("HUIKE_PROPERTY_SEED"))
                              : 20261206u;
    INFO("seed " << seed << " (HUIKE_PROPERTY_SEED), " << sequences << " sequences");
    Walk w{std::mt19937(seed), {}, {}, {}, {}, 0, {}, {}, 0};

    ProductQuery all;
    all.limit = 1000;
    QList<Product> goods = shop.ctx().catalog().search(all);
    auto cardProducts = countCardProductIds(shop.ctx().db());
    REQUIRE(cardProducts.ok());
    goods.removeIf([&](const Product &p) { return p.weighed || cardProducts->contains(p.id) || p.price.fen() <= 0; });
    REQUIRE(goods.size() > 50);
    const Product card = saveProduct(shop, "PC10", "洗车10次卡", 30000);
    const Product wash = saveProduct(shop, "PS01", "普通洗车", 4000);
    CountCardPlan plan;
    plan.name = QStringLiteral("洗车10次卡");
    plan.cardProductId = card.id;
    plan.serviceProductId = wash.id;
    plan.uses = 10;
    plan.validityDays = 120;
    auto planId = addCountCardPlan(shop.ctx().db(), plan);
    REQUIRE(planId.ok());
    plan.id = *planId;
    auto coupon = [&](const char *name, const char *kind, qint64 valueFen, qint64 permille, qint64 minFen, bool stackable) {
        CouponType t;
        t.name = QString::fromUtf8(name);
        t.kind = QString::fromLatin1(kind);
        t.value = fen(valueFen);
        t.permille = permille;
        t.minSpend = fen(minFen);
        t.stackable = stackable;
        t.validDays = 45;
        REQUIRE(addCouponType(shop.ctx().db(), t).ok());
        return t.name;
    };
    const QStringList types = {coupon("无门槛3元", "cash", 300, 1000, 0, true),
                               coupon("满50减8", "cash", 800, 1000, 5000, false),
                               coupon("9折券", "discount", 0, 900, 2000, false)};
    auto offered = gifts(shop.ctx().db(), true); // the demo store's 积分兑换 catalogue
    REQUIRE(offered.ok());
    REQUIRE_FALSE(offered->isEmpty());
    const QList<Gift> catalogue = *offered;
    for (int i = 0; i < 8; ++i) {
        const qint64 m = shop.addMember(QStringLiteral("1391234%1").arg(i, 4, 10, QLatin1Char('0')),
                                        QStringLiteral("会员%1").arg(i));
        w.members << m;
        REQUIRE(shop.recharge(m, Money::fromYuan(500)).ok());
    }

    for (int s = 0; s < sequences; ++s) {
        INFO("sequence " << s);
        for (int step = 1 + w.pick(3); step > 0; --step) {
            shop.clock.advance(60'000 + w.pick(3'600'000));
            switch (w.pick(20)) {
            case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7:
                sale(shop, w, goods, plan, wash);
                break;
            case 8: case 9: case 10:
                refund(shop, w);
                break;
            case 11: case 12:
                recharge(shop, w);
                break;
            case 13:
                refundRecharge(shop, w);
                break;
            case 14: case 15:
                issue(shop, w, types);
                break;
            case 16:
                if (w.chance(50))
                    adjust(shop, w);
                else
                    gift(shop, w, catalogue);
                break;
            case 17:
                transfer(shop, w);
                break;
            case 18:
                cardEvent(shop, w);
                break;
            default:
                expire(shop, w);
                break;
            }
        }
        if (s % 500 == 499) {
            const QStringList problems = verifyDatabase(shop.ctx().db());
            INFO(problems.join(QLatin1Char('\n')).toStdString());
            REQUIRE(problems.isEmpty());
        }
    }
    const QStringList problems = verifyDatabase(shop.ctx().db());
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    REQUIRE(problems.isEmpty());
    // The walk went everywhere it should: money moved every way, and the refusals were the rules'.
    CHECK(w.committed > sequences);
    CHECK(shop.count(QStringLiteral("points_ledger"), QStringLiteral("kind = 'expire'")) > 0);
    CHECK(shop.count(QStringLiteral("stored_ledger"), QStringLiteral("kind = 'spend'")) > 0);
    CHECK(shop.count(QStringLiteral("coupons"), QStringLiteral("state = 'used'")) > 0);
    CHECK(shop.count(QStringLiteral("count_card_ledger")) > 0);
    CHECK(shop.count(QStringLiteral("member_cards")) > 0);
    CHECK(shop.count(QStringLiteral("gift_redemptions")) > 0);
    QStringList tally;
    for (auto it = w.refusals.cbegin(); it != w.refusals.cend(); ++it)
        tally << QStringLiteral("%1 x%2 (%3)").arg(it.key()).arg(it.value()).arg(w.example.value(it.key()));
    WARN("committed " << w.committed << "; refused: " << tally.join(QStringLiteral("; ")).toStdString());
}
