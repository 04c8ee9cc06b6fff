// 会员方案: a manager edits the programme's levels, points, recharge tiers, count cards and coupon
// types on their pages; each Save goes through the engine (checked, audited), a refusal is shown
// on the page and changes nothing.
#include "common/appsession.h"
#include "common/catchqt.h"
#include "guisupport.h"
#include "members/countcards.h"
#include "counter/cashierwidget.h"
#include "counter/giftdialog.h"
#include "mainwindow.h"
#include "members/coupons.h"
#include "members/earnings.h"
#include "members/gifts.h"
#include "members/levels.h"
#include "members/points.h"
#include "members/profile.h"
#include "members/rfmgrowth.h"
#include "reports/integrity.h"
#include "members/storedvalue.h"
#include "settings/programmedialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

namespace {

QPushButton *button(QWidget *page, const QString &text)
{
    for (QPushButton *b : page->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    FAIL("no button " << text.toStdString());
    return nullptr;
}

QString pageMessage(QWidget *page)
{
    return page->findChild<QLabel *>(QStringLiteral("message"))->text();
}

} // namespace

TEST_CASE("a manager edits the member programme page by page, a refused level set changes nothing",
          "[gui][members][programme]")
{
    Store store;
    AppContext &ctx = *store.ctx;
    AppSession session(ctx);
    auto manager = ctx.operators().login(QStringLiteral("8001"), QStringLiteral("8888"));
    REQUIRE(manager.ok());
    session.setOperator(*manager);
    ProgrammeDialog d(session);
    d.show();
    QTabWidget *pages = d.pages();
    REQUIRE(pages->count() == 7);

    // 等级: 钻石卡 at 20,000 growth, 8.5折, 150% points.
    QWidget *levels = pages->widget(0);
    auto *table = levels->findChild<QTableWidget *>(QStringLiteral("levels"));
    REQUIRE(table->rowCount() == 3);
    QTest::mouseClick(button(levels, QStringLiteral("添加等级")), Qt::LeftButton);
    REQUIRE(table->rowCount() == 4);
    const QStringList diamond = {QStringLiteral("钻石卡"), QStringLiteral("20000"), QStringLiteral("0"),
                                 QStringLiteral("8.5"), QStringLiteral("150")};
    for (int c = 0; c < diamond.size(); ++c)
        table->item(3, c)->setText(diamond.at(c));
    // Growth value from RFM at each month's end, weighted 20/30/50.
    auto *rfm = levels->findChild<QComboBox *>(QStringLiteral("rfmGrowth"));
    REQUIRE(rfm);
    CHECK_FALSE(levels->findChild<QSpinBox *>(QStringLiteral("rfmWeightR"))->isEnabled()); // off: no weights to give
    rfm->setCurrentIndex(1);
    CHECK(levels->findChild<QSpinBox *>(QStringLiteral("rfmWeightR"))->isEnabled());
    levels->findChild<QSpinBox *>(QStringLiteral("rfmWeightF"))->setValue(40);
    QTest::mouseClick(levels->findChild<QPushButton *>(QStringLiteral("saveLevels")), Qt::LeftButton);
    INFO(pageMessage(levels).toStdString());
    auto rules = loadLevelRules(ctx.db());
    REQUIRE(rules.ok());
    CHECK(rules->rfm.period == RfmGrowth::Period::Month);
    CHECK(rules->rfm.weightR == 20);
    CHECK(rules->rfm.weightF == 40);
    CHECK(rules->rfm.weightM == 50);
    REQUIRE(rules->levels.size() == 4);
    CHECK(rules->levels.last().name == QStringLiteral("钻石卡"));
    CHECK(rules->levels.last().discountPermille == 850);
    CHECK(rules->levels.last().pointsPermille == 1500);
    pages->setCurrentIndex(0);
    screenshot(&d, QStringLiteral("programme-levels"));

    // The lowest level given a threshold: refused in words, nothing saved.
    table->item(0, 1)->setText(QStringLiteral("10"));
    QTest::mouseClick(levels->findChild<QPushButton *>(QStringLiteral("saveLevels")), Qt::LeftButton);
    CHECK(pageMessage(levels).contains(QStringLiteral("普通会员")));
    CHECK(loadLevelRules(ctx.db())->levels.first().growthThreshold == 0);

    // 积分: one point per ¥5; a product earns triple.
    QWidget *points = pages->widget(1);
    auto *perPoint = points->findChild<QLineEdit *>(QStringLiteral("yuanPerPoint"));
    perPoint->setText(QStringLiteral("5"));
    QTest::mouseClick(points->findChild<QPushButton *>(QStringLiteral("savePoints")), Qt::LeftButton);
    CHECK(loadPointsRules(ctx.db())->fenPerPoint == 500);
    const QString code = store.barcodes(1).first();
    points->findChild<QLineEdit *>(QStringLiteral("multiplierFor"))->setText(code);
    points->findChild<QDoubleSpinBox *>(QStringLiteral("multiplierTimes"))->setValue(3);
    QTest::mouseClick(points->findChild<QPushButton *>(QStringLiteral("addMultiplier")), Qt::LeftButton);
    auto multipliers = pointsMultipliers(ctx.db());
    REQUIRE(multipliers.ok());
    REQUIRE(multipliers->size() == 1);
    CHECK(multipliers->first().permille == 3000);
    CHECK(points->findChild<QTableWidget *>(QStringLiteral("multipliers"))->rowCount() == 1);
    pages->setCurrentIndex(1);
    screenshot(&d, QStringLiteral("programme-points"));

    // 储值: 充500送60 instead of 送50.
    QWidget *recharge = pages->widget(2);
    auto *tiers = recharge->findChild<QTableWidget *>(QStringLiteral("tiers"));
    REQUIRE(tiers->rowCount() == 2);
    tiers->item(0, 1)->setText(QStringLiteral("60"));
    QTest::mouseClick(recharge->findChild<QPushButton *>(QStringLiteral("saveRecharge")), Qt::LeftButton);
    CHECK(loadRechargeBonusRules(ctx.db())->bonusFor(Money::fromYuan(500)) == Money::fromYuan(60));

    // 优惠券: a new type, 满200减30, in its form.
    QWidget *coupons = pages->widget(4);
    DialogScript::pushAction("huike::ui::CouponTypeDialog", [](QDialog *form) {
        form->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("满200减30"));
        form->findChild<QLineEdit *>(QStringLiteral("value"))->setText(QStringLiteral("30"));
        form->findChild<QLineEdit *>(QStringLiteral("minSpend"))->setText(QStringLiteral("200"));
        form->findChild<QSpinBox *>(QStringLiteral("validDays"))->setValue(30);
        screenshot(form, QStringLiteral("programme-coupon-type"));
        QTest::keyClick(form, Qt::Key_Return);
    });
    QTest::mouseClick(button(coupons, QStringLiteral("新建券种")), Qt::LeftButton);
    checkDialogs();
    auto type = couponTypeNamed(ctx.db(), QStringLiteral("满200减30"));
    REQUIRE(type.ok());
    CHECK(type->value == Money::fromYuan(30));
    CHECK(type->minSpend == Money::fromYuan(200));
    pages->setCurrentIndex(4);
    screenshot(&d, QStringLiteral("programme-coupons"));

    // 计次卡: the demo's first plan edited to 12 uses.
    QWidget *cards = pages->widget(3);
    auto *plans = cards->findChild<QTableWidget *>(QStringLiteral("plans"));
    REQUIRE(plans->rowCount() > 0);
    plans->selectRow(0);
    DialogScript::pushAction("huike::ui::PlanDialog", [](QDialog *form) {
        form->findChild<QSpinBox *>(QStringLiteral("uses"))->setValue(12);
        QTest::keyClick(form, Qt::Key_Return);
    });
    QTest::mouseClick(cards->findChild<QPushButton *>(QStringLiteral("editPlan")), Qt::LeftButton);
    checkDialogs();
    CHECK(countCardPlans(ctx.db())->first().uses == 12);
    CHECK(plans->item(0, 2)->text() == QStringLiteral("12"));
    // 积分礼品: a new gift with 5 in stock, then 10 more received.
    QWidget *giftsPage = pages->widget(5);
    giftsPage->findChild<QLineEdit *>(QStringLiteral("giftName"))->setText(QStringLiteral("品牌雨伞"));
    giftsPage->findChild<QSpinBox *>(QStringLiteral("giftPoints"))->setValue(1200);
    giftsPage->findChild<QSpinBox *>(QStringLiteral("giftStock"))->setValue(5);
    QTest::mouseClick(giftsPage->findChild<QPushButton *>(QStringLiteral("addGift")), Qt::LeftButton);
    auto *giftList = giftsPage->findChild<QTableWidget *>(QStringLiteral("giftList"));
    int umbrella = -1;
    for (int r = 0; r < giftList->rowCount(); ++r)
        if (giftList->item(r, 0)->text() == QStringLiteral("品牌雨伞"))
            umbrella = r;
    REQUIRE(umbrella >= 0);
    giftList->selectRow(umbrella);
    giftsPage->findChild<QSpinBox *>(QStringLiteral("restockUnits"))->setValue(10);
    giftsPage->findChild<QLineEdit *>(QStringLiteral("restockReason"))->setText(QStringLiteral("到货"));
    QTest::mouseClick(giftsPage->findChild<QPushButton *>(QStringLiteral("restock")), Qt::LeftButton);
    INFO(pageMessage(giftsPage).toStdString());
    auto all = gifts(ctx.db());
    REQUIRE(all.ok());
    const auto it = std::find_if(all->cbegin(), all->cend(), [](const Gift &g) { return g.name == QStringLiteral("品牌雨伞"); });
    REQUIRE(it != all->cend());
    CHECK(it->stock == 15);
    pages->setCurrentIndex(5);
    screenshot(&d, QStringLiteral("programme-gifts"));

    // 自定义字段: a beauty salon's 肤质, a single choice, on the member form from now on.
    QWidget *fieldsPage = pages->widget(6);
    fieldsPage->findChild<QLineEdit *>(QStringLiteral("fieldLabel"))->insert(QStringLiteral("肤质"));
    auto *kind = fieldsPage->findChild<QComboBox *>(QStringLiteral("fieldKind"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("choice")));
    fieldsPage->findChild<QLineEdit *>(QStringLiteral("fieldChoices"))->insert(QStringLiteral("干性，油性，混合性"));
    QTest::mouseClick(fieldsPage->findChild<QPushButton *>(QStringLiteral("addField")), Qt::LeftButton);
    INFO(pageMessage(fieldsPage).toStdString());
    auto fields = memberFields(ctx.db());
    REQUIRE(fields.ok());
    REQUIRE(fields->size() == 1);
    CHECK(fields->first().choices == QStringList{QStringLiteral("干性"), QStringLiteral("油性"), QStringLiteral("混合性")});
    pages->setCurrentIndex(6);
    screenshot(&d, QStringLiteral("programme-fields"));
    CHECK(store.ctx->db().statement(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'programme.%'"))
              .select()
              ->first()
              .at(0)
              .toLongLong() == 6);
}

TEST_CASE("Ctrl+G at the till gives the attached member a gift for points", "[gui][members][gifts]")
{
    Store store; // the demo store offers 环保购物袋 for 200 points
    AppContext &ctx = *store.ctx;
    MemberInput in;
    in.phone = QStringLiteral("13712345670");
    in.name = QStringLiteral("冯娟");
    auto member = ctx.members().registerMember(in, 0);
    REQUIRE(member.ok());
    {
        const LedgerContext where{ctx.checkout().store().storeId, 0, 0, g_clock.nowMs(), &ctx.time()};
        WriteTransaction tx(ctx.db());
        REQUIRE(tx.began());
        REQUIRE(earnPoints(ctx.db(), where, member->id, 500, QStringLiteral("import")).ok());
        REQUIRE(tx.commit().ok());
    }
    AppSession session(ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    CashierWidget *cashier = w.cashier();
    auto price = memberPrice(ctx.db(), member->id);
    REQUIRE(price.ok());
    cashier->cart().setMember(*price);
    CHECK(cashier->findChild<QLabel *>(QStringLiteral("memberInfo"))->text().contains(QStringLiteral("Ctrl+G")));
    onNextDialog<GiftDialog>([](GiftDialog *d) {
        QTableWidget *t = d->table();
        REQUIRE(t->rowCount() >= 1);
        CHECK(t->item(0, 0)->text() == QStringLiteral("环保购物袋"));
        t->selectRow(0);
        d->quantity()->setValue(2);
        screenshot(d, QStringLiteral("gifts"));
        QTest::keyClick(d, Qt::Key_Return);
    });
    QTest::keyClick(cashier->searchField(), Qt::Key_G, Qt::ControlModifier);
    checkDialogs();
    CHECK(ctx.db().statement(QStringLiteral("SELECT points FROM members WHERE id = ?")).select({member->id})->first().at(0).toLongLong() == 100);
    CHECK(cashier->message().contains(QStringLiteral("环保购物袋")));
}

TEST_CASE("growth value from RFM, once turned on, is applied by the program off the till's thread for each "
          "month that ended",
          "[gui][members][programme][rfm]")
{
    Store store(120, 3); // three months of sales to members, up to today
    AppContext &ctx = *store.ctx;
    auto rules = loadLevelRules(ctx.db());
    REQUIRE(rules.ok());
    rules->rfm.period = RfmGrowth::Period::Month;
    auto manager = ctx.operators().login(QStringLiteral("8001"), QStringLiteral("8888"));
    REQUIRE(manager.ok());
    REQUIRE(saveLevelRules(ctx.db(), *rules, manager->id, g_clock.nowMs(), ctx.time()).ok());
    // As if the shop had turned it on 70 days ago: two or three months have ended since.
    REQUIRE(ctx.db()
                .exec(QStringLiteral("UPDATE settings SET value = ? WHERE key = ?"),
                      {g_clock.nowMs() - 70LL * 86'400'000, LevelRules::kRfmSince})
                .ok());
    auto due = rfmPeriodsDue(ctx.db(), ctx.time(), g_clock.nowMs());
    REQUIRE(due.ok());
    REQUIRE(due->size() >= 2);

    // The program starts: its segment thread applies each of them, oldest first.
    AppSession session(ctx);
    const auto finished = [&] {
        return ctx.db()
            .statement(QStringLiteral("SELECT COUNT(*) FROM rfm_growth_runs WHERE finished_at_ms IS NOT NULL"))
            .select()
            ->first()
            .at(0)
            .toLongLong();
    };
    REQUIRE(QTest::qWaitFor([&] { return finished() == due->size(); }, 60000));
    auto rows = ctx.db()
                    .statement(QStringLiteral("SELECT period_end, scored, raised + lowered FROM rfm_growth_runs ORDER BY "
                                              "period_end"))
                    .select();
    REQUIRE(rows.ok());
    for (qsizetype i = 0; i < due->size(); ++i)
        CHECK(rows->at(i).at(0).toString() == due->at(i).toString(Qt::ISODate));
    CHECK(rows->last().at(1).toLongLong() > 0); // by the last month's end the demo's members had bought
    CHECK(rows->last().at(2).toLongLong() > 0);
    auto changes = ctx.db().statement(QStringLiteral("SELECT COUNT(*) FROM growth_ledger WHERE kind = 'rfm'")).select();
    REQUIRE(changes.ok());
    CHECK(changes->first().at(0).toLongLong() > 0);
    CHECK(verifyDatabase(ctx.db()).isEmpty());
    // Nothing is due any more.
    CHECK(rfmPeriodsDue(ctx.db(), ctx.time(), g_clock.nowMs())->isEmpty());
}
