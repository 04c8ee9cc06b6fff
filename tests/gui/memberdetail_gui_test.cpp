// 会员详情 from the member list: the account and each ledger, the profile edited with tags, a
// custom field and a photo, card operations with a reason and a manager; the member screen's
// whole-form registration, its tag and field filters, and a manager's CSV import and export.
#include "common/appsession.h"
#include "common/catchqt.h"
#include "common/managerauthdialog.h"
#include "core/csv.h"
#include "core/uuid.h"
#include "guisupport.h"
#include "mainwindow.h"
#include "members/memberdetaildialog.h"
#include "members/memberform.h"
#include "members/memberswidget.h"
#include "members/earnings.h"
#include "members/profile.h"
#include "members/storedvalue.h"
#include "sales/checkout.h"
#include "segments/service.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <catch2/catch.hpp>

using namespace huike;
using namespace huike::ui;
using namespace guitest;

namespace {

void answerText(const QString &text)
{
    onNextDialog<QInputDialog>([text](QInputDialog *in) {
        auto *edit = in->findChild<QLineEdit *>();
        edit->selectAll();
        edit->insert(text); // Chinese arrives as an input method's commit
        QTest::keyClick(edit, Qt::Key_Return);
    });
}

qint64 addField(AppContext &ctx, const QString &label, const QString &kind, const QStringList &choices = {})
{
    MemberField f;
    f.label = label;
    f.kind = kind;
    f.choices = choices;
    auto id = saveMemberField(ctx.db(), f, 0, g_clock.nowMs());
    REQUIRE(id.ok());
    return *id;
}

// Selects the member with this phone in the list (searching for it first).
void selectMember(MembersWidget *members, const QString &phone)
{
    members->searchField()->setText(phone);
    QTest::keyClick(members->searchField(), Qt::Key_Return);
    REQUIRE(members->model().rowCount() == 1);
    members->table()->setCurrentIndex(members->model().index(0, 0));
}

} // namespace

TEST_CASE("会员详情: the account and its ledgers, the profile edited with tags, a custom field and a photo, the "
          "card reported lost and unlocked with a manager",
          "[gui][members][detail]")
{
    Store store;
    AppContext &ctx = *store.ctx;
    const qint64 skin = addField(ctx, QStringLiteral("肤质"), QStringLiteral("choice"),
                                 {QStringLiteral("干性"), QStringLiteral("油性"), QStringLiteral("混合性")});
    const qint64 care = addField(ctx, QStringLiteral("护理项目"), QStringLiteral("multi"),
                                 {QStringLiteral("补水"), QStringLiteral("美白")});
    AppSession session(ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    MemberInput in;
    in.phone = QStringLiteral("13912345678");
    in.name = QStringLiteral("林小雨");
    auto lin = ctx.members().registerMember(in, session.op().id);
    REQUIRE(lin.ok());
    RechargeRequest r;
    r.uuid = newUuid();
    r.memberId = lin->id;
    r.amount = Money::fromYuan(500);
    r.tenders = {{Tender::Cash, r.amount, {}}};
    r.operatorId = session.op().id;
    r.shiftId = session.shift()->id;
    REQUIRE(ctx.storedValue().recharge(r).ok());

    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    MembersWidget *members = w.members();
    selectMember(members, QStringLiteral("13912345678"));
    const QString photoPath = store.dir.filePath(QStringLiteral("photo.png"));
    QImage picture(1200, 900, QImage::Format_RGB32);
    picture.fill(QColor(200, 120, 90));
    REQUIRE(picture.save(photoPath));

    onNextDialog<MemberDetailDialog>([&](MemberDetailDialog *d) {
        CHECK(d->account()->text().contains(QStringLiteral("¥550.00"))); // 充500送50
        CHECK(d->account()->text().contains(QStringLiteral("成长值")));
        QTableWidget *stored = d->history(MemberLedger::Stored);
        REQUIRE(stored->rowCount() == 1);
        CHECK(stored->item(0, 1)->text() == QStringLiteral("充值"));
        CHECK(stored->item(0, 2)->text() == QStringLiteral("+¥500.00"));
        CHECK(stored->item(0, 3)->text() == QStringLiteral("+¥50.00"));
        CHECK(d->history(MemberLedger::Purchases)->rowCount() == 1);

        // The profile: tags, the shop's own fields, a photo scaled down.
        d->tabs()->setCurrentIndex(1);
        MemberForm *form = d->form();
        form->tagsField()->setText(QStringLiteral("VIP，敏感肌"));
        auto *skinBox = qobject_cast<QComboBox *>(form->fieldEditor(skin));
        REQUIRE(skinBox);
        skinBox->setCurrentIndex(skinBox->findText(QStringLiteral("干性")));
        for (QCheckBox *c : form->fieldEditor(care)->findChildren<QCheckBox *>())
            c->setChecked(c->text() == QStringLiteral("补水"));
        QString problem;
        REQUIRE(form->choosePhoto(photoPath, &problem));
        screenshot(d, QStringLiteral("member-profile"));
        QTest::keyClick(d, Qt::Key_S, Qt::ControlModifier);
        CHECK(d->findChild<QLabel *>(QStringLiteral("memberMessage"))->text() == QStringLiteral("资料已保存。"));

        // 挂失, then 解挂 with a manager's approval.
        answerText(QStringLiteral("顾客来电挂失"));
        d->reportLost();
        CHECK(d->member().cardState == CardState::Lost);
        answerText(QStringLiteral("卡找到了"));
        approveAsManager();
        d->unlock();
        CHECK(d->member().cardState == CardState::Active);
        CHECK(d->history(MemberLedger::CardEvents)->item(0, 1)->text() == QStringLiteral("解锁"));
        CHECK(d->history(MemberLedger::CardEvents)->item(1, 1)->text() == QStringLiteral("挂失"));
        CHECK(d->history(MemberLedger::CardEvents)->item(1, 4)->text() == QStringLiteral("顾客来电挂失")); // 原因
        CHECK(d->changed());
        d->tabs()->setCurrentIndex(0);
        CHECK(d->account()->text().contains(QStringLiteral("VIP、敏感肌")));
        CHECK(d->account()->text().contains(QStringLiteral("<b>肤质</b> 干性")));
        screenshot(d, QStringLiteral("member-detail"));
        d->accept();
    });
    QTest::keyClick(members->table(), Qt::Key_Return);
    checkDialogs();

    CHECK(memberTags(ctx.db(), lin->id).value() == QStringList{QStringLiteral("VIP"), QStringLiteral("敏感肌")});
    CHECK(memberFieldValues(ctx.db(), lin->id)->value(skin) == QStringLiteral("干性"));
    CHECK(memberFieldValues(ctx.db(), lin->id)->value(care) == QStringLiteral("补水"));
    auto photo = memberPhoto(ctx.db(), lin->id);
    REQUIRE(photo.ok());
    const QImage kept = QImage::fromData(*photo, "JPEG");
    CHECK(kept.width() == 480); // 1200 × 900 scaled to fit 480
    CHECK(kept.height() == 360);

    // The list finds her by the tag and by the field.
    members->searchField()->clear();
    QTest::qWait(300);
    members->reloadChoices();
    QComboBox *tag = members->tagFilter();
    tag->setCurrentIndex(tag->findData(QStringLiteral("敏感肌")));
    CHECK(members->model().rowCount() == 1);
    tag->setCurrentIndex(0);
    QComboBox *field = members->fieldFilter();
    field->setCurrentIndex(field->findData(care));
    members->fieldValue()->setText(QStringLiteral("补水"));
    QTest::keyClick(members->fieldValue(), Qt::Key_Return);
    CHECK(members->model().rowCount() == 1);
    CHECK(members->model().memberIdAt(0) == lin->id);
}

TEST_CASE("the member screen registers with the whole form, a manager imports and exports CSV",
          "[gui][members][csv]")
{
    Store store;
    AppContext &ctx = *store.ctx;
    addField(ctx, QStringLiteral("保险到期"), QStringLiteral("date"));
    AppSession session(ctx);
    MainWindow w(session);
    logInAs(w, QStringLiteral("8001"), QStringLiteral("8888"), QStringLiteral("0"));
    w.show();
    QApplication::setActiveWindow(&w);
    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    MembersWidget *members = w.members();
    const int before = members->model().rowCount();

    onNextDialog<QDialog>([](QDialog *d) {
        auto *form = d->findChild<MemberForm *>();
        REQUIRE(form);
        form->phoneField()->setText(QStringLiteral("13700001234"));
        d->findChild<QLineEdit *>(QStringLiteral("formName"))->insert(QStringLiteral("赵敏"));
        form->tagsField()->setText(QStringLiteral("团购"));
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("registerButton")), Qt::LeftButton);
    });
    QTest::keyClick(members->table(), Qt::Key_F2);
    checkDialogs();
    CHECK(members->model().rowCount() == before + 1);
    auto zhao = ctx.members().byPhoneOrCard(QStringLiteral("13700001234"));
    REQUIRE(zhao.ok());
    CHECK(zhao->name == QStringLiteral("赵敏"));
    CHECK(memberTags(ctx.db(), zhao->id).value() == QStringList{QStringLiteral("团购")});

    // A file from Excel in GBK with one bad row: the good ones in, the bad one said by its line.
    const QString in = store.dir.filePath(QStringLiteral("members.csv"));
    {
        QFile f(in);
        REQUIRE(f.open(QIODevice::WriteOnly));
        const QString text = QStringLiteral("手机号,姓名,标签,保险到期\r\n13600000001,陈静,VIP,2027/5/1\r\n"
                                            "12345,刘洋,,\r\n13600000003,周杰,,2027-06-30\r\n");
        f.write(encodeGb18030(text));
    }
    QString said;
    onNextDialog<QMessageBox>([&said](QMessageBox *box) {
        said = box->text();
        box->accept();
    });
    members->importFile(in);
    checkDialogs();
    CHECK(said.contains(QStringLiteral("第 3 行")));
    CHECK(members->model().rowCount() == before + 3);

    const QString out = store.dir.filePath(QStringLiteral("export.csv"));
    onNextDialog<QMessageBox>([&said](QMessageBox *box) {
        said = box->text();
        box->accept();
    });
    members->exportFile(out);
    checkDialogs();
    QFile exported(out);
    REQUIRE(exported.open(QIODevice::ReadOnly));
    const QByteArray bytes = exported.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF")); // the BOM Excel needs to read UTF-8
    const QString text = QString::fromUtf8(bytes);
    CHECK(text.section(QStringLiteral("\r\n"), 0, 0).endsWith(QStringLiteral(",标签,保险到期")));
    CHECK(text.contains(QStringLiteral("13600000001,陈静")));
    CHECK(text.contains(QStringLiteral(",VIP,2027-05-01")));
    CHECK(said.contains(QString::number(before + 3)));

    // 积分批量调整: the reason, the manager's approval of this file, the report.
    const QString points = store.dir.filePath(QStringLiteral("points.csv"));
    {
        QFile f(points);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("手机号,积分\r\n13600000001,300\r\n13600000003,-10\r\n").toUtf8());
    }
    answerText(QStringLiteral("老会员回馈"));
    onNextDialog<ManagerAuthDialog>([](ManagerAuthDialog *m) {
        // The manager at the screen: the code is filled in, the PIN is typed again.
        CHECK(m->findChild<QLineEdit *>(QStringLiteral("managerCode"))->text() == QStringLiteral("8001"));
        auto *pin = m->findChild<QLineEdit *>(QStringLiteral("managerPin"));
        QTest::keyClicks(pin, QStringLiteral("8888"));
        QTest::keyClick(pin, Qt::Key_Return);
    });
    onNextDialog<QMessageBox>([&said](QMessageBox *box) {
        said = box->text();
        box->accept();
    });
    members->importPointsFile(points);
    checkDialogs();
    CHECK(said.contains(QStringLiteral("第 3 行"))); // 周杰 has no points to take
    CHECK(ctx.members().byPhoneOrCard(QStringLiteral("13600000001"))->points == 300);
}

TEST_CASE("会员详情 shows the classes 会员分析 puts the member in, and follows a sale rung up meanwhile",
          "[gui][members][detail][segments]")
{
    Store store;
    AppContext &ctx = *store.ctx;
    MemberInput in;
    in.phone = QStringLiteral("13912340001");
    in.name = QStringLiteral("周晓梅");
    auto zhou = ctx.members().registerMember(in, 0);
    REQUIRE(zhou.ok());
    auto product = ctx.catalog().byBarcode(store.barcodes(1).first());
    REQUIRE(product.ok());
    auto sell = [&](qint64 shiftId, qint64 operatorId) {
        auto price = memberPrice(ctx.db(), zhou->id);
        REQUIRE(price.ok());
        CheckoutRequest r;
        r.uuid = newUuid();
        r.operatorId = operatorId;
        r.shiftId = shiftId;
        r.member = *price;
        r.lines = {cartLineFor(*product)};
        r.tenders = {{Tender::Cash, Money::fromYuan(1000), {}}};
        auto sold = ctx.checkout().commit(r);
        if (!sold)
            FAIL(sold.error().message.toStdString());
        return sold->receiptNo;
    };
    {
        // An earlier shift, closed: the till opens its own below.
        auto shift = ctx.shifts().currentOrOpen(1, Money());
        REQUIRE(shift.ok());
        sell(shift->id, shift->operatorId);
        REQUIRE(ctx.shifts().close(shift->id, product->price, shift->operatorId).ok());
    }

    AppSession session(ctx);
    MainWindow w(session);
    openTillAsCashier(w);
    REQUIRE(QTest::qWaitFor([&] { return session.segments().latest() != nullptr; }, 20000));
    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    selectMember(w.members(), in.phone);
    onNextDialog<MemberDetailDialog>([&](MemberDetailDialog *d) {
        const QString first = d->analysis()->text();
        CHECK(first.contains(QStringLiteral("3天购买过、7天购买过")));
        CHECK(first.contains(QStringLiteral("1次")));
        CHECK(first.contains(QStringLiteral("活跃")));
        CHECK(first.contains(QStringLiteral("1 单")));
        // Another sale while the dialog is open: the line follows once the service has it.
        session.notifyDocumentCommitted(sell(session.shift()->id, session.op().id));
        REQUIRE(QTest::qWaitFor([&] { return d->analysis()->text().contains(QStringLiteral("2–4次")); }, 20000));
        CHECK(d->analysis()->text().contains(QStringLiteral("2 单")));
        screenshot(d, QStringLiteral("member-analysis"));
        d->accept();
    });
    QTest::keyClick(w.members()->table(), Qt::Key_Return);
    checkDialogs();
}
