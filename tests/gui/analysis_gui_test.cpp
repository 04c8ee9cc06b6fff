// 会员分析 (Ctrl+4): the overview and each category's classes as a table and a chart, a class's
// members listed and exported by a manager, a category's last twelve months, all following a sale
// rung up meanwhile.
#include "analysis/analysiswidget.h"
#include "analysis/segmentsettingsdialog.h"
#include "common/appsession.h"
#include "common/catchqt.h"
#include "core/uuid.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "members/earnings.h"
#include "members/members.h"
#include "members/memberlistmodel.h"
#include "sales/checkout.h"
#include "segments/service.h"
#include "store/statement.h"

#include <QApplication>
#include <QChartView>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QTest>
#include <algorithm>
#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

TEST_CASE("会员分析: the overview, a category's classes as a table and a chart, a class's members listed and "
          "exported, following the sales",
          "[gui][segments][analysis]")
{
    Store store(160, 3); // three months of the demo shop's sales: every category has classes with members
    AppContext &ctx = *store.ctx;
    QTemporaryDir &dir = store.dir;

    AppSession session(ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("8001"), QStringLiteral("8888"), QStringLiteral("300")); // a manager: may export
    w.show();
    QApplication::setActiveWindow(&w);
    QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
    AnalysisWidget *a = w.analysis();
    REQUIRE(w.tabs()->currentWidget() == a);
    REQUIRE(QTest::qWaitFor([&] { return session.segments().latest() != nullptr; }, 30000));
    QTest::qWait(50); // the snapshot's signal reaches the screen
    const auto snapshot = session.segments().latest();
    CHECK(a->overview()->text().contains(QStringLiteral("会员")));
    CHECK(a->overview()->text().contains(QString::number(snapshot->classes.buyers)));
    CHECK(a->status()->text().contains(snapshot->asOf.toString(Qt::ISODate)));
    screenshot(a, QStringLiteral("analysis-overview"));

    // 频次: five classes whose sizes add up to every member.
    a->pages()->setCurrentRow(2);
    QTableWidget *classes = a->classTable();
    REQUIRE(classes->rowCount() == 5);
    CHECK(classes->item(0, 0)->text() == QStringLiteral("没下过单"));
    int total = 0;
    for (int r = 0; r < 5; ++r)
        total += classes->item(r, 1)->text().toInt();
    CHECK(total == static_cast<int>(snapshot->memberIds.size()));
    REQUIRE(a->chart()->chart() != nullptr);
    CHECK(a->chart()->chart()->series().size() == 1);
    // The largest class: its members listed, as many as the table says.
    int largest = 0;
    for (int r = 1; r < 5; ++r)
        if (classes->item(r, 1)->text().toInt() > classes->item(largest, 1)->text().toInt())
            largest = r;
    classes->selectRow(largest);
    const int once = classes->item(largest, 1)->text().toInt();
    REQUIRE(once > 0);
    CHECK(a->members().rowCount() == once);
    screenshot(a, QStringLiteral("analysis-frequency"));

    // Exported by the manager, off the GUI thread: a header and one row per member.
    REQUIRE(a->exportButton()->isEnabled());
    const QString file = dir.filePath(QStringLiteral("频次.csv"));
    a->exportClass(file);
    REQUIRE(QTest::qWaitFor([&] { return a->status()->text().contains(QStringLiteral("导出")) && QFile::exists(file); },
                            20000));
    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll().count('\n') == once + 1);

    // RFM: the eight classes, as a pie.
    a->pages()->setCurrentRow(7);
    CHECK(classes->rowCount() == 8);
    screenshot(a, QStringLiteral("analysis-rfm"));

    // 生命周期 over the last twelve months: a line for each stage, counted off the GUI thread the
    // first time it is shown, ending today at the sizes the table has.
    a->pages()->setCurrentRow(8);
    REQUIRE(classes->rowCount() == 5);
    a->chartTabs()->setCurrentIndex(1);
    REQUIRE(QTest::qWaitFor([&] {
        return a->trendChart()->chart() && a->trendChart()->chart()->series().size() == 5;
    }, 60000));
    CHECK_FALSE(a->trendProgress()->isVisible());
    const QList<QAbstractSeries *> lines = a->trendChart()->chart()->series();
    for (int k = 0; k < 5; ++k) {
        auto *line = qobject_cast<QLineSeries *>(lines[k]);
        REQUIRE(line);
        CHECK(line->name() == classes->item(k, 0)->text());
        REQUIRE(line->count() == 12);
        CHECK(line->at(11).y() == classes->item(k, 1)->text().toDouble());
    }
    CHECK(QFile::exists(dir.filePath(QStringLiteral("gui.db.trend")))); // the past months, kept
    screenshot(a, QStringLiteral("analysis-trend"));
    a->chartTabs()->setCurrentIndex(0);

    // 分析设置 (a manager): the top 10% are high value from now on, for every till.
    REQUIRE(a->settingsButton()->isEnabled());
    const int highBefore = snapshot->classes.buyers > 0 ? static_cast<int>(std::count_if(
                                                              snapshot->classes.highValue.begin(),
                                                              snapshot->classes.highValue.end(),
                                                              [](segments::HighValue h) { return h != segments::HighValue::No; }))
                                                        : 0;
    onNextDialog<SegmentSettingsDialog>([](SegmentSettingsDialog *d) {
        CHECK(d->highValueShare()->value() == 20.0);
        d->silentDays()->setValue(60); // 沉默 before 活跃 ends: refused in words, the dialog stays
        CHECK_FALSE(d->save());
        CHECK(d->message()->text().contains(QStringLiteral("活跃")));
        d->silentDays()->setValue(180);
        d->highValueShare()->setValue(10.0);
        screenshot(d, QStringLiteral("analysis-settings"));
        CHECK(d->save());
        d->accept();
    });
    QTest::mouseClick(a->settingsButton(), Qt::LeftButton);
    checkDialogs();
    REQUIRE(QTest::qWaitFor([&] { return session.segments().latest()->settings.highValuePermille == 100; }, 20000));
    QTest::qWait(50);
    const auto tenth = session.segments().latest();
    const auto highAfter = std::count_if(tenth->classes.highValue.begin(), tenth->classes.highValue.end(),
                                         [](segments::HighValue h) { return h != segments::HighValue::No; });
    CHECK(highAfter < highBefore);
    CHECK(highAfter >= (tenth->classes.buyers + 9) / 10); // at least the top tenth (ties count in)
    a->pages()->setCurrentRow(0);
    CHECK(a->overview()->text().contains(QStringLiteral("10%")));

    // A member registered now is in 没下过单 after the next refresh; once they buy, in 1次. No
    // restart: each commit refreshes the service, and the screen follows its snapshot.
    a->pages()->setCurrentRow(2);
    const int never = classes->item(0, 1)->text().toInt();
    const int onceBefore = classes->item(1, 1)->text().toInt();
    MemberInput in;
    in.phone = QStringLiteral("13700007777");
    in.name = QStringLiteral("新顾客");
    auto added = ctx.members().registerMember(in, session.op().id);
    REQUIRE(added.ok());
    session.segments().refresh();
    REQUIRE(QTest::qWaitFor([&] { return classes->item(0, 1)->text().toInt() == never + 1; }, 20000));
    auto price = memberPrice(ctx.db(), added->id);
    REQUIRE(price.ok());
    auto code = ctx.db()
                    .statement(QStringLiteral("SELECT b.barcode FROM product_barcodes b JOIN products p ON p.id = "
                                              "b.product_id WHERE p.weighed = 0 AND p.price_fen >= 1000 ORDER BY p.id "
                                              "LIMIT 1"))
                    .select();
    REQUIRE(code.ok());
    auto product = ctx.catalog().byBarcode(code->first().at(0).toString());
    REQUIRE(product.ok());
    CheckoutRequest r;
    r.uuid = newUuid();
    r.operatorId = session.op().id;
    r.shiftId = session.shift()->id;
    r.member = *price;
    r.lines = {cartLineFor(*product)};
    r.tenders = {{Tender::Cash, Money::fromYuan(1000), {}}};
    auto sold = ctx.checkout().commit(r);
    REQUIRE(sold.ok());
    session.notifyDocumentCommitted(sold->receiptNo);
    REQUIRE(QTest::qWaitFor([&] { return classes->item(1, 1)->text().toInt() == onceBefore + 1; }, 20000));
    CHECK(classes->item(0, 1)->text().toInt() == never);
}
