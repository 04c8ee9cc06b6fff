#include "demo.h"

#include "members/countcards.h"
#include "members/coupons.h"
#include "members/gifts.h"

#include "catalog/pinyin.h"

#include "catalog/barcode.h"
#include "catalog/catalog.h"
#include "core/uuid.h"
#include "members/earnings.h"
#include "members/points.h"
#include "members/storedvalue.h"
#include "operators/operators.h"
#include "sales/checkout.h"
#include "sales/returns.h"
#include "sales/shifts.h"
#include "store/database.h"
#include "store/settings.h"

#include <QDateTime>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>
#include <cmath>
#include <random>

namespace huike {

namespace {

// A small deterministic generator: the same seed gives the same store on every machine.
class Rng {
public:
    explicit Rng(quint32 seed) : m_gen(seed) {}
    int below(int n) { return n <= 1 ? 0 : static_cast<int>(m_gen() % static_cast<quint32>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T> const T &pick(const QList<T> &v) { return v.at(below(static_cast<int>(v.size()))); }
    // Skewed toward small indexes: a few products and members account for most sales.
    int skewed(int n, double power = 2.2)
    {
        const double u = static_cast<double>(m_gen() % 1000000) / 1000000.0;
        return std::min(n - 1, static_cast<int>(std::pow(u, power) * n));
    }

private:
    std::mt19937 m_gen;
};

struct CategorySpec {
    const char *name;
    const char *unit;
    int priceLo, priceHi; // fen
    bool weighed;
    QList<const char *> items;
    QList<const char *> variants;
};

QList<CategorySpec> catalogSpec()
{
    return {
        {"饮料",
         "瓶",
         250,
         800,
         false,
         {"可口可乐", "百事可乐", "雪碧", "芬达橙味", "农夫山泉", "怡宝纯净水", "康师傅冰红茶", "统一绿茶",
          "王老吉凉茶", "加多宝", "东方树叶", "元气森林苏打气泡水", "红牛维生素饮料", "脉动", "美汁源果粒橙"},
         {"330毫升", "500毫升", "1.25升"}},
        {"零食",
         "袋",
         350,
         1800,
         false,
         {"乐事薯片原味", "乐事薯片黄瓜味", "旺旺雪饼", "旺旺仙贝", "奥利奥饼干", "好丽友派", "三只松鼠坚果",
          "卫龙辣条", "徐福记糖果", "德芙巧克力", "上好佳虾条", "洽洽瓜子"},
         {"小包", "大包", "家庭装"}},
        {"方便食品",
         "包",
         300,
         1500,
         false,
         {"康师傅红烧牛肉面", "统一老坛酸菜面", "白象汤好喝", "今麦郎一菜一面", "自热火锅", "螺蛳粉",
          "八宝粥", "火腿肠", "午餐肉罐头", "海苔", "紫菜汤", "乌江榨菜"},
         {"单包", "五连包"}},
        {"乳制品",
         "盒",
         300,
         2800,
         false,
         {"伊利纯牛奶", "蒙牛纯牛奶", "光明鲜牛奶", "安慕希酸奶", "纯甄酸奶", "养乐多", "旺仔牛奶",
          "蒙牛真果粒", "君乐宝酸奶", "特仑苏", "豆奶"},
         {"单盒", "整提"}},
        {"粮油",
         "袋",
         1500,
         8900,
         false,
         {"金龙鱼调和油", "鲁花花生油", "福临门大米", "五常大米", "香满园面粉", "金沙河挂面"},
         {"1千克", "5千克"}},
        {"调味品",
         "瓶",
         350,
         2500,
         false,
         {"海天酱油", "李锦记生抽", "老干妈辣椒酱", "镇江香醋", "太太乐鸡精", "王守义十三香", "海天蚝油",
          "厨邦料酒", "白砂糖", "加碘食盐", "花椒粉"},
         {"小瓶", "大瓶"}},
        {"酒水",
         "瓶",
         500,
         16800,
         false,
         {"青岛啤酒", "雪花啤酒", "百威啤酒", "燕京啤酒", "红星二锅头", "牛栏山二锅头", "长城干红",
          "哈尔滨啤酒", "江小白", "劲酒"},
         {"听装", "瓶装"}},
        {"日用品",
         "件",
         290,
         4500,
         false,
         {"维达抽纸", "清风卷纸", "心相印湿巾", "蓝月亮洗衣液", "立白洗洁精", "舒肤佳香皂", "高露洁牙膏",
          "佳洁士牙刷", "垃圾袋", "一次性纸杯", "电池五号", "雨伞"},
         {"", "家庭装"}},
        {"个人护理",
         "瓶",
         990,
         5900,
         false,
         {"海飞丝洗发水", "飘柔洗发水", "潘婷护发素", "六神花露水", "大宝护肤霜", "曼秀雷敦润唇膏",
          "清扬洗发水", "玉兰油面霜", "云南白药牙膏", "妮维雅男士洁面"},
         {"", "大瓶"}},
        {"冷冻食品",
         "袋",
         890,
         3900,
         false,
         {"思念水饺", "湾仔码头水饺", "三全汤圆", "速冻馄饨", "奥尔良鸡翅", "手抓饼", "速冻包子", "鱼丸",
          "牛肉丸"},
         {"", "家庭装"}},
        {"烘焙面包",
         "个",
         300,
         1800,
         false,
         {"桃李面包", "全麦吐司", "肉松面包", "蛋黄酥", "牛角包", "奶油蛋糕"},
         {"", "两个装"}},
        {"文具",
         "个",
         150,
         1500,
         false,
         {"晨光中性笔", "得力笔记本", "胶带", "订书机", "铅笔", "橡皮", "固体胶", "修正带", "马克笔",
          "文件袋", "计算器", "剪刀"},
         {""}},
        {"水果蔬菜",
         "千克",
         260,
         3600,
         true,
         {"苹果", "香蕉", "橙子", "葡萄", "西瓜", "梨", "猕猴桃", "火龙果", "西红柿", "黄瓜", "土豆", "白菜",
          "青椒", "胡萝卜", "菠菜", "洋葱", "芒果", "草莓"},
         {""}},
        {"熟食",
         "千克",
         2800,
         9800,
         true,
         {"卤牛肉", "烤鸭", "酱猪蹄", "盐水鸭", "凉拌菜", "卤鸡爪", "烧鸡", "夫妻肺片"},
         {""}},
    };
}

const QList<const char *> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴",
                                       "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
                                       "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩",
                                       "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁"};
const QList<const char *> kGiven = {"伟",   "芳",   "娜",   "秀英", "敏",   "静",   "丽",   "强",
                                    "磊",   "军",   "洋",   "勇",   "艳",   "杰",   "娟",   "涛",
                                    "明",   "超",   "秀兰", "霞",   "平",   "刚",   "桂英", "文",
                                    "华",   "红",   "建国", "晓燕", "子涵", "欣怡", "浩然", "梓轩",
                                    "雨桐", "一诺", "思远", "佳怡", "宇航", "嘉欣", "俊杰", "婷婷"};
const QList<const char *> kMobilePrefixes = {"138", "139", "137", "136", "135", "150", "151", "152",
                                             "158", "159", "186", "187", "188", "130", "131", "132",
                                             "155", "156", "133", "153", "180", "189", "177", "199"};

QString eanFromSeed(int company, int item)
{
    const QString first12 = QStringLiteral("69%1%2")
                                .arg(company % 100000, 5, 10, QLatin1Char('0'))
                                .arg(item % 100000, 5, 10, QLatin1Char('0'));
    return first12 + ean13CheckDigit(first12);
}

// Relative weight of the hours 0..23 at a neighbourhood convenience store.
constexpr int kHourWeight[24] = {0,  0,  0, 0, 0, 0,  0,  6,  14, 9, 7, 9,
                                 14, 11, 7, 6, 8, 13, 18, 16, 11, 7, 3, 0};
// Monday .. Sunday
constexpr int kWeekdaySales[7] = {62, 58, 60, 64, 78, 96, 90};

} // namespace

// Ten digits, as an RFID or EM4100 card prints them, so the demo's card reader has cards to swipe.
QString demoMemberCard(int index)
{
    return index % 3 == 0 ? QStringLiteral("2026%1").arg(index + 1, 6, 10, QLatin1Char('0')) : QString();
}

Result<DemoReport> createDemoStore(Database &db, const DemoOptions &options, qint64 nowMs,
                                   const std::function<void(int)> &progress)
{
    DemoReport report;
    Rng rng(options.seed);
    ManualClock clock(nowMs);
    ShopTime time;
    Settings settings(db);
    // Bulk-loading history: fsync per sale would take minutes. The history is made again from the
    // seed if power fails, so durability returns to FULL before anything real is rung up.
    db.setSynchronousFull(false);
    struct RestoreSync {
        Database &db;
        ~RestoreSync() { db.setSynchronousFull(true); }
    } restore{db};

    const QDate today = time.localDate(nowMs);
    const QDate firstDay = today.addMonths(-options.months);
    clock.set(time.toUtcMs(QDateTime(firstDay.addDays(-1), QTime(9, 0))));

    if (auto st = db.exec(
            QStringLiteral(
                "INSERT INTO stores(code, name, address, phone, receipt_footer) VALUES (?, ?, ?, ?, ?)"),
            {QStringLiteral("S01"), QStringLiteral("汇客便利店（演示店）"),
             QStringLiteral("上海市浦东新区张杨路1588号"), QStringLiteral("021-58886688"),
             QStringLiteral("谢谢惠顾，欢迎再次光临！")});
        !st)
        return st.error();
    for (const auto &[key, value] : {std::pair{Settings::kCurrentStore, QStringLiteral("S01")},
                                     std::pair{Settings::kRoundingMode, QStringLiteral("0")},
                                     std::pair{Settings::kCashierDiscountLimit, QStringLiteral("900")},
                                     std::pair{QStringLiteral("demo"), QStringLiteral("1")}})
        if (auto st = settings.set(key, value); !st)
            return st.error();
    StoreContext store;
    {
        QSqlQuery q(db.db());
        q.exec(QStringLiteral("SELECT id FROM stores WHERE code = 'S01'"));
        q.next();
        store.storeId = q.value(0).toLongLong();
    }
    store.storeCode = QStringLiteral("S01");
    store.terminal = QStringLiteral("POS1");

    OperatorService operators(db, clock);
    // The admin first (the store's first operator), who adds the others.
    auto admin = operators.create(QStringLiteral("9001"), QStringLiteral("系统管理员"), Role::Admin,
                                  QStringLiteral("9999"), 0);
    if (!admin)
        return admin.error();
    auto cashier1 = operators.create(QStringLiteral("1001"), QStringLiteral("王芳"), Role::Cashier,
                                     QStringLiteral("1234"), *admin);
    auto cashier2 = operators.create(QStringLiteral("1002"), QStringLiteral("李强"), Role::Cashier,
                                     QStringLiteral("1234"), *admin);
    auto manager = operators.create(QStringLiteral("8001"), QStringLiteral("张经理"), Role::Manager,
                                    QStringLiteral("8888"), *admin);
    if (!cashier1 || !cashier2 || !manager)
        return makeError(ErrorCode::Storage, QStringLiteral("cannot create the demo operators"));
    if (progress)
        progress(2);

    // Products
    Catalog catalog(db, clock);
    QList<Product> products;
    int itemNo = 0;
    int plu = 1;
    const auto spec = catalogSpec();
    for (int c = 0; c < spec.size(); ++c) {
        const CategorySpec &cs = spec.at(c);
        auto catId = catalog.ensureCategory(QString::fromUtf8(cs.name));
        if (!catId)
            return catId.error();
        for (const char *item : cs.items) {
            // One base price per item; each larger variant of it costs more (330 ml < 500 ml < 1.25 l).
            const int base = rng.between(cs.priceLo, std::max(cs.priceLo, cs.priceHi * 2 / 3));
            int variantIndex = 0;
            for (const char *variant : cs.variants) {
                Product p;
                const QString v = QString::fromUtf8(variant);
                p.name = QString::fromUtf8(item) + (v.isEmpty() ? QString() : QLatin1Char(' ') + v);
                p.categoryId = *catId;
                p.unit = QString::fromUtf8(cs.unit);
                p.weighed = cs.weighed;
                const int scaled = base * (10 + 6 * variantIndex++) / 10;
                // Shop prices end in 0, 5, 8 or 9 jiao.
                static const int endings[] = {0, 50, 80, 90};
                p.price = Money::fromFen(std::max(100, scaled / 100 * 100 + endings[rng.below(4)]));
                if (v.contains(QStringLiteral("五连")) || v.contains(QStringLiteral("整提")) ||
                    v.contains(QStringLiteral("5千克")))
                    p.price = Money::fromFen(p.price.fen() * 3);
                p.cost = p.price.timesPermille(rng.between(580, 780));
                ++itemNo;
                p.code = QStringLiteral("%1%2")
                             .arg(c + 1, 2, 10, QLatin1Char('0'))
                             .arg(itemNo, 4, 10, QLatin1Char('0'));
                if (cs.weighed) {
                    p.plu = QStringLiteral("%1").arg(plu++, 5, 10, QLatin1Char('0'));
                    p.stockMilli = rng.between(20, 80) * 1000;
                } else {
                    p.barcodes << eanFromSeed(10000 + c * 37, itemNo);
                    if (rng.chance(8)) // some goods carry a second (old packaging) barcode
                        p.barcodes << eanFromSeed(20000 + c * 41, itemNo);
                    p.stockMilli = rng.between(60, 400) * 1000;
                }
                auto id = catalog.save(p, *admin);
                if (!id)
                    return id.error();
                p.id = *id;
                products.append(p);
            }
        }
    }
    // 计次卡: fresh coffee by the cup, and a card of ten cups that regulars buy and then use.
    Product coffee;
    Product coffeeCard;
    {
        auto catId = catalog.ensureCategory(QStringLiteral("现制饮品"));
        if (!catId)
            return catId.error();
        const auto add = [&](const QString &code, const QString &name, const QString &unit, int fen,
                             Product &out) -> Status {
            Product p;
            p.code = code;
            p.name = name;
            p.categoryId = *catId;
            p.unit = unit;
            p.price = Money::fromFen(fen);
            p.cost = p.price.timesPermille(350);
            p.stockMilli = 100'000'000; // made to order: stock is not counted
            p.barcodes << eanFromSeed(30001, code.right(2).toInt());
            auto id = catalog.save(p, *admin);
            if (!id)
                return id.error();
            p.id = *id;
            out = p;
            return Ok{};
        };
        if (auto st = add(QStringLiteral("990001"), QStringLiteral("现磨美式咖啡 中杯"), QStringLiteral("杯"), 1200, coffee); !st)
            return st.error();
        if (auto st = add(QStringLiteral("990002"), QStringLiteral("美式咖啡10杯卡"), QStringLiteral("张"), 10000, coffeeCard);
            !st)
            return st.error();
        CountCardPlan plan;
        plan.name = QStringLiteral("美式咖啡10杯卡");
        plan.cardProductId = coffeeCard.id;
        plan.serviceProductId = coffee.id;
        plan.uses = 10;
        plan.validityDays = 180;
        if (auto id = addCountCardPlan(db, plan); !id)
            return id.error();
    }
    report.products = static_cast<int>(products.size()) + 2;
    // Coupons: a sale of ¥80 or more earns a member 满50减5 for next time (30 days); birthdays get
    // ¥10 off with no minimum (生日券, by `coupon birthday`).
    {
        CouponType back;
        back.name = QStringLiteral("满50减5");
        back.kind = QStringLiteral("cash");
        back.value = Money::fromYuan(5);
        back.minSpend = Money::fromYuan(50);
        back.validDays = 30;
        back.issueOn = QStringLiteral("purchase");
        back.purchaseMin = Money::fromYuan(80);
        CouponType birthday;
        birthday.name = QStringLiteral("生日券 无门槛10元");
        birthday.kind = QStringLiteral("cash");
        birthday.value = Money::fromYuan(10);
        birthday.validDays = 7;
        birthday.issueOn = QStringLiteral("birthday");
        for (const CouponType &t : {back, birthday})
            if (auto id = addCouponType(db, t); !id)
                return id.error();
        // 积分兑换: a few gifts with their stock.
        for (const Gift &g : {Gift{0, QStringLiteral("环保购物袋"), 200, 100, true},
                              Gift{0, QStringLiteral("不锈钢保温杯"), 800, 20, true},
                              Gift{0, QStringLiteral("5升装食用油"), 2500, 6, true}})
            if (auto id = addGift(db, g, 0, nowMs); !id)
                return id.error();
    }
    // Popularity: a shuffled order, so the best sellers are spread over the categories.
    for (int i = static_cast<int>(products.size()) - 1; i > 0; --i)
        products.swapItemsAt(i, rng.below(i + 1));
    if (progress)
        progress(5);

    // Members
    auto pointsRules = loadPointsRules(db);
    if (!pointsRules)
        return pointsRules.error();
    QList<qint64> memberIds;
    {
        WriteTransaction tx(db);
        if (!tx.began())
            return tx.beginError();
        QSet<QString> phones;
        const qint64 historyStart = time.toUtcMs(QDateTime(firstDay.addMonths(-18), QTime(10, 0)));
        for (int i = 0; i < options.members; ++i) {
            QString phone;
            do {
                phone = QString::fromLatin1(
                            kMobilePrefixes.at(rng.below(static_cast<int>(kMobilePrefixes.size())))) +
                        QStringLiteral("%1").arg(rng.below(100000000), 8, 10, QLatin1Char('0'));
            } while (phones.contains(phone));
            phones.insert(phone);
            const QString name = QString::fromUtf8(rng.pick(kSurnames)) + QString::fromUtf8(rng.pick(kGiven));
            const QDate birthday(rng.between(1955, 2006), rng.between(1, 12), rng.between(1, 28));
            const qint64 joined =
                historyStart + static_cast<qint64>(rng.below(1000000)) * (nowMs - historyStart) / 1000000;
            QSqlQuery &q = db.prepared(QStringLiteral("INSERT INTO members(phone, name, gender, birthday, "
                                                      "store_id, created_at_ms, pinyin, card_no) "
                                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
            q.bindValue(0, phone);
            q.bindValue(1, name);
            q.bindValue(2, rng.chance(58) ? QStringLiteral("F") : QStringLiteral("M"));
            q.bindValue(3, birthday.toString(Qt::ISODate));
            q.bindValue(4, store.storeId);
            q.bindValue(5, std::min(joined, nowMs));
            q.bindValue(6, pinyinInitials(name));
            const QString card = demoMemberCard(i);
            q.bindValue(7, card.isEmpty() ? QVariant() : QVariant(card));
            if (!q.exec())
                return storageError(q);
            memberIds.append(q.lastInsertId().toLongLong());
        }
        if (auto st = tx.commit(); !st)
            return st.error();
    }
    report.members = static_cast<int>(memberIds.size());
    if (progress)
        progress(8);

    // Sales, day by day, through the real services.
    CheckoutService checkout(db, clock, time, store, settings);
    ReturnService returns(db, clock, time, store);
    ShiftService shifts(db, clock, time, store);
    StoredValueService storedValue(db, clock, time, store, settings);
    struct PendingRefund {
        QDate day;
        QString receiptNo;
        bool whole;
    };
    QList<PendingRefund> pending;
    const int totalDays = static_cast<int>(firstDay.daysTo(today));
    int hourTotal = 0;
    for (int w : kHourWeight)
        hourTotal += w;

    for (QDate day = firstDay; day < today; day = day.addDays(1)) {
        const qint64 cashierId = (day.day() % 2) ? *cashier1 : *cashier2;
        clock.set(time.toUtcMs(QDateTime(day, QTime(6, 50))));
        auto shift = shifts.open(cashierId, Money::fromYuan(500));
        if (!shift)
            return shift.error();
        ++report.shifts;

        // The number of sales: weekday pattern, a slow rise over the months, and noise.
        const int dayIndex = static_cast<int>(firstDay.daysTo(day));
        const int base = kWeekdaySales[day.dayOfWeek() - 1];
        const int count =
            std::max(10, base * (90 + dayIndex * 20 / std::max(1, totalDays)) / 100 + rng.between(-12, 12));
        QList<qint64> times;
        for (int i = 0; i < count; ++i) {
            int pickHour = rng.below(hourTotal);
            int hour = 0;
            while (pickHour >= kHourWeight[hour])
                pickHour -= kHourWeight[hour++];
            times.append(time.toUtcMs(QDateTime(day, QTime(hour, rng.below(60), rng.below(60)))));
        }
        std::sort(times.begin(), times.end());

        for (qint64 at : times) {
            clock.set(at);
            CheckoutRequest req;
            req.uuid = newUuid();
            req.operatorId = cashierId;
            req.shiftId = shift->id;
            if (rng.chance(58) && !memberIds.isEmpty()) { // a demo may have no members (--members 0)
                // Attached as at the till: priced at the level their earlier visits reached.
                auto member = memberPrice(db, memberIds.at(rng.skewed(static_cast<int>(memberIds.size()), 1.8)));
                if (!member)
                    return member.error();
                req.member = *member;
            }
            const int nLines = 1 + rng.skewed(7, 1.6);
            for (int l = 0; l < nLines; ++l) {
                const Product &p = products.at(rng.skewed(static_cast<int>(products.size())));
                CartLine line =
                    cartLineFor(p, p.weighed ? rng.between(150, 2400) : 1000 * (1 + rng.skewed(3, 3.0)));
                if (rng.chance(3))
                    line.discountPermille = 950; // 9.5折 on a dented box: within the cashier's limit
                req.lines.append(line);
            }
            // Now and then a member buys a coffee card; members who hold one often come for a cup.
            if (req.member.memberId > 0 && rng.chance(1)) {
                req.lines.append(cartLineFor(coffeeCard));
                ++report.countCardsSold;
            } else if (req.member.memberId > 0 && rng.chance(20)) {
                auto cards = usableCountCards(db, req.member.memberId, clock.nowMs(), time);
                if (!cards)
                    return cards.error();
                if (!cards->isEmpty()) {
                    req.lines.append(cartLineFor(coffee, 1000 * (1 + rng.skewed(2, 3.0))));
                    if (applyCountCard(req.lines, cards->first(), clock.nowMs(), time))
                        ++report.countCardUses;
                }
            }
            // A member who holds a coupon that fits this sale mostly uses it.
            QList<CouponSpec> couponSpecs;
            if (req.member.memberId > 0 && rng.chance(70)) {
                auto held = memberCoupons(db, req.member.memberId);
                if (!held)
                    return held.error();
                for (const Coupon &c : *held) {
                    if (couponState(c, clock.nowMs()) != QLatin1String("unused"))
                        continue;
                    auto specs = checkout.coupons({c.code}, req.lines, req.orderDiscount, req.member);
                    if (!specs)
                        continue; // below its minimum, another's goods: kept for another day
                    req.coupons = {c.code};
                    couponSpecs = *specs;
                    ++report.couponsUsed;
                    break;
                }
            }
            const PricedOrder priced = checkout.quote(req.lines, req.orderDiscount, req.member, couponSpecs);
            // A member now and then pays part with points: whole hundreds, within the cap.
            std::optional<TenderInput> points;
            if (req.member.memberId > 0 && rng.chance(15)) {
                auto usable = usablePoints(db, req.member.memberId, clock.nowMs());
                if (!usable)
                    return usable.error();
                const Money cap = priced.total.timesPermille(pointsRules->redeemCapPermille);
                for (qint64 n = *usable / 100 * 100; n > 0 && !points; n -= 100)
                    if (const auto value = pointsRules->valueOf(n); value && *value <= cap)
                        points = TenderInput{Tender::Points, *value, QString::number(n)};
            }
            // A regular now and then recharges at the counter first (充500送50 and 充1000送120 draw
            // most), and members with stored value mostly pay with it.
            if (req.member.memberId > 0 && rng.chance(3)) {
                static const int kYuan[] = {200, 500, 500, 1000};
                RechargeRequest rr;
                rr.uuid = newUuid();
                rr.memberId = req.member.memberId;
                rr.amount = Money::fromYuan(kYuan[rng.below(4)]);
                rr.tenders = {rng.chance(50) ? TenderInput{Tender::Cash, rr.amount, {}}
                                             : TenderInput{Tender::WeChat, rr.amount,
                                                           QStringLiteral("4200000%1%2")
                                                               .arg(day.toString(QStringLiteral("yyyyMMdd")))
                                                               .arg(rng.below(1000000000), 13, 10, QLatin1Char('0'))}};
                rr.operatorId = cashierId;
                rr.shiftId = shift->id;
                auto done = storedValue.recharge(rr);
                if (!done)
                    return done.error();
                ++report.recharges;
            }
            std::optional<TenderInput> stored;
            if (req.member.memberId > 0 && rng.chance(70)) {
                auto held = storedBalance(db, req.member.memberId);
                if (!held)
                    return held.error();
                const Money due = priced.total - (points ? points->amount : Money());
                if (held->total() >= due && due.fen() > 0)
                    stored = TenderInput{Tender::Stored, due, {}};
            }
            const Money rest = priced.total - (points ? points->amount : Money());
            const int r = rng.below(100);
            if (stored) {
                req.tenders = {*stored};
            } else if (r < 44) {
                req.tenders = {
                    {Tender::WeChat, rest, QStringLiteral("4200000%1%2").arg(day.toString(QStringLiteral("yyyyMMdd"))).arg(rng.below(1000000000), 13, 10, QLatin1Char('0'))}};
            } else if (r < 72) {
                req.tenders = {
                    {Tender::Alipay, rest, QStringLiteral("%1220014%2").arg(day.toString(QStringLiteral("yyyyMMdd"))).arg(rng.below(1000000000), 14, 10, QLatin1Char('0'))}};
            } else if (r < 88) {
                // Cash: the customer hands over a round note.
                const qint64 due = rest.fen();
                const qint64 note = due <= 1000   ? 1000
                                    : due <= 2000 ? 2000
                                    : due <= 5000 ? 5000
                                                  : ((due + 9999) / 10000) * 10000;
                req.tenders = {{Tender::Cash, Money::fromFen(rng.chance(30) ? due : note), QString()}};
            } else if (r < 95 || rest.fen() < 200) {
                req.tenders = {
                    {Tender::Card, rest, QStringLiteral("6222****%1").arg(rng.between(1000, 9999))}};
            } else {
                const Money cash = Money::fromFen(rest.fen() / 200 * 100);
                req.tenders = {{Tender::Cash, cash, QString()},
                               {Tender::WeChat, rest - cash,
                                QStringLiteral("4200000%1%2").arg(day.toString(QStringLiteral("yyyyMMdd"))).arg(rng.below(1000000000), 13, 10, QLatin1Char('0'))}};
            }
            if (points)
                req.tenders.prepend(*points);
            if (priced.total.isZero()) // a count card covered it all: nothing is paid
                req.tenders.clear();
            auto sale = checkout.commit(req);
            if (!sale)
                return sale.error();
            ++report.sales;
            if (rng.chance(2))
                pending.append(PendingRefund{day.addDays(rng.below(3)), sale->receiptNo, rng.chance(50)});
        }

        // Refunds due today, in the afternoon.
        for (qsizetype i = 0; i < pending.size();) {
            if (pending.at(i).day != day) {
                ++i;
                continue;
            }
            const PendingRefund pr = pending.takeAt(i);
            clock.set(time.toUtcMs(QDateTime(day, QTime(rng.between(15, 20), rng.below(60)))));
            auto orig = returns.refundable(pr.receiptNo);
            if (!orig)
                continue;
            QList<RefundLineRequest> lines;
            if (!pr.whole) {
                const RefundableLine &l = orig->lines.at(rng.below(static_cast<int>(orig->lines.size())));
                lines.append(
                    RefundLineRequest{l.lineId, l.soldMilli >= 2000 && !rng.chance(30) ? 1000 : l.soldMilli});
            }
            static const QList<const char *> reasons = {"顾客不想要了", "商品质量问题", "临期商品",
                                                        "买错了规格", "包装破损"};
            // The demo manager approves by a recorded approval, not by hashing the demo PIN each time.
            auto scope = returns.approvalScope(QStringLiteral("refund"), pr.receiptNo, lines);
            if (!scope)
                continue;
            auto approval = recordApprovalForDemo(db, clock.nowMs(), *manager, *scope, cashierId);
            if (!approval)
                return approval.error();
            RefundRequest rr{newUuid(), pr.receiptNo, lines, QString::fromUtf8(rng.pick(reasons)),
                             cashierId, approval->token, shift->id};
            if (returns.refund(rr))
                ++report.refunds;
        }

        clock.set(time.toUtcMs(QDateTime(day, QTime(22, 40))));
        auto rep = shifts.report(shift->id);
        if (!rep)
            return rep.error();
        // Now and then the drawer is a few yuan short or over, as in real life.
        Money counted = rep->expectedCash;
        if (rng.chance(6))
            counted += Money::fromFen(rng.between(-2000, 1000));
        if (auto closed = shifts.close(shift->id, counted, cashierId); !closed)
            return closed.error();
        if (progress)
            progress(8 + 92 * (dayIndex + 1) / std::max(1, totalDays));
    }
    return report;
}

} // namespace huike
