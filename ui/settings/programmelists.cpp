#include "programmepages.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "members/countcards.h"
#include "members/coupons.h"
#include "members/gifts.h"
#include "members/levels.h"
#include "members/points.h"
#include "members/storedvalue.h"
#include "sales/counterinput.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace huike::ui {

using namespace programme;

class PlanDialog : public QDialog {
    Q_OBJECT
public:
    PlanDialog(AppSession &s, const CountCardPlan &plan, QWidget *parent)
        : QDialog(parent), m_s(s), m_plan(plan), m_name(new QLineEdit(plan.name)), m_card(new QLineEdit),
          m_service(new QLineEdit), m_uses(new QSpinBox), m_days(new QSpinBox), m_from(new QComboBox),
          m_when(new QComboBox), m_active(new QCheckBox(tr("On sale"))), m_message(messageLabel())
    {
        setWindowTitle(plan.id > 0 ? tr("Count card %1").arg(plan.name) : tr("New count card"));
        auto *form = new QFormLayout(this);
        m_uses->setObjectName(QStringLiteral("uses"));
        m_days->setObjectName(QStringLiteral("validDays"));
        auto codeOf = [&](qint64 productId) {
            auto p = s.ctx().catalog().byId(productId);
            return p ? p->code : QString();
        };
        m_card->setText(plan.cardProductId > 0 ? codeOf(plan.cardProductId) : QString());
        m_service->setText(plan.serviceProductId > 0 ? codeOf(plan.serviceProductId) : QString());
        m_uses->setRange(1, 10000);
        m_uses->setValue(std::max(1, plan.uses));
        m_days->setRange(0, 36600);
        m_days->setSpecialValueText(tr("never expires"));
        m_days->setValue(plan.validityDays);
        m_from->addItem(tr("from the sale"), false);
        m_from->addItem(tr("from the first use"), true);
        m_from->setCurrentIndex(plan.fromFirstUse ? 1 : 0);
        for (const auto &[key, label] : {std::pair{QStringLiteral("any"), tr("any day")},
                                         std::pair{QStringLiteral("weekdays"), tr("weekdays (Mon-Fri)")},
                                         std::pair{QStringLiteral("weekends"), tr("weekends")}})
            m_when->addItem(label, key);
        m_when->setCurrentIndex(std::max(0, m_when->findData(plan.days)));
        m_active->setChecked(plan.active);
        form->addRow(tr("Name"), m_name);
        form->addRow(tr("Card product (code)"), m_card);
        form->addRow(tr("Service a use covers (code)"), m_service);
        form->addRow(tr("Uses"), m_uses);
        form->addRow(tr("Valid for (days)"), m_days);
        form->addRow(tr("Validity runs"), m_from);
        form->addRow(tr("Usable on"), m_when);
        form->addRow(QString(), m_active);
        form->addRow(m_message);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, this, &PlanDialog::save);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    }

private:
    void save()
    {
        CountCardPlan p = m_plan;
        p.name = m_name->text().trimmed();
        auto card = m_s.ctx().catalog().byBarcode(m_card->text().trimmed());
        auto service = m_s.ctx().catalog().byBarcode(m_service->text().trimmed());
        if (!card || !service) {
            say(m_message, tr("No product has the code %1.").arg(!card ? m_card->text() : m_service->text()), true);
            return;
        }
        p.cardProductId = card->id;
        p.serviceProductId = service->id;
        p.uses = m_uses->value();
        p.validityDays = m_days->value();
        p.fromFirstUse = m_from->currentData().toBool();
        p.days = m_when->currentData().toString();
        p.active = m_active->isChecked();
        if (auto id = saveCountCardPlan(m_s.ctx().db(), p, m_s.op().id, m_s.ctx().clock().nowMs()); !id) {
            say(m_message, id.error().message, true);
            return;
        }
        accept();
    }

    AppSession &m_s;
    CountCardPlan m_plan;
    QLineEdit *m_name;
    QLineEdit *m_card;
    QLineEdit *m_service;
    QSpinBox *m_uses;
    QSpinBox *m_days;
    QComboBox *m_from;
    QComboBox *m_when;
    QCheckBox *m_active;
    QLabel *m_message;
};

// One coupon type, new or edited.
class CouponTypeDialog : public QDialog {
    Q_OBJECT
public:
    CouponTypeDialog(AppSession &s, const CouponType &type, QWidget *parent)
        : QDialog(parent), m_s(s), m_type(type), m_name(new QLineEdit(type.name)), m_kind(new QComboBox),
          m_value(new QLineEdit(type.value.toString())), m_zhe(new QLineEdit(formatZhe(type.permille))),
          m_gift(new QLineEdit), m_minSpend(new QLineEdit(type.minSpend.toString())), m_categories(new QListWidget),
          m_stackable(new QCheckBox(tr("May go with other coupons on one order"))), m_days(new QSpinBox),
          m_issueOn(new QComboBox), m_purchaseMin(new QLineEdit(type.purchaseMin.toString())),
          m_active(new QCheckBox(tr("Being issued"))), m_message(messageLabel())
    {
        setWindowTitle(type.id > 0 ? tr("Coupon type %1").arg(type.name) : tr("New coupon type"));
        auto *form = new QFormLayout(this);
        m_name->setObjectName(QStringLiteral("name"));
        m_kind->setObjectName(QStringLiteral("kind"));
        m_value->setObjectName(QStringLiteral("value"));
        m_minSpend->setObjectName(QStringLiteral("minSpend"));
        m_days->setObjectName(QStringLiteral("validDays"));
        for (const auto &[key, label] : {std::pair{QStringLiteral("cash"), tr("cash voucher (满100减20)")},
                                         std::pair{QStringLiteral("discount"), tr("discount (8.5折)")},
                                         std::pair{QStringLiteral("gift"), tr("gift (one unit of a product)")}})
            m_kind->addItem(label, key);
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(type.kind)));
        if (type.giftProductId > 0)
            if (auto p = s.ctx().catalog().byId(type.giftProductId))
                m_gift->setText(p->code);
        for (const Category &c : s.ctx().catalog().categories()) {
            auto *item = new QListWidgetItem(c.name, m_categories);
            item->setData(Qt::UserRole, c.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(type.categoryIds.contains(c.id) ? Qt::Checked : Qt::Unchecked);
        }
        m_categories->setMaximumHeight(110);
        m_stackable->setChecked(type.stackable);
        m_days->setRange(0, 36600);
        m_days->setSpecialValueText(tr("no end"));
        m_days->setValue(type.validDays);
        for (const auto &[key, label] : {std::pair{QStringLiteral("manual"), tr("by hand")},
                                         std::pair{QStringLiteral("registration"), tr("on registration")},
                                         std::pair{QStringLiteral("birthday"), tr("on the birthday")},
                                         std::pair{QStringLiteral("purchase"), tr("after a purchase of at least")}})
            m_issueOn->addItem(label, key);
        m_issueOn->setCurrentIndex(std::max(0, m_issueOn->findData(type.issueOn)));
        m_active->setChecked(type.active);
        // Only the fields of the kind chosen, and the purchase amount only for a purchase coupon.
        const auto fit = [this] {
            const QString kind = m_kind->currentData().toString();
            m_value->setEnabled(kind == QLatin1String("cash"));
            m_zhe->setEnabled(kind == QLatin1String("discount"));
            m_gift->setEnabled(kind == QLatin1String("gift"));
            m_purchaseMin->setEnabled(m_issueOn->currentData().toString() == QLatin1String("purchase"));
        };
        connect(m_kind, &QComboBox::currentIndexChanged, this, fit);
        connect(m_issueOn, &QComboBox::currentIndexChanged, this, fit);
        fit();
        form->addRow(tr("Name"), m_name);
        form->addRow(tr("Kind"), m_kind);
        form->addRow(tr("Amount off (¥)"), m_value);
        form->addRow(tr("Discount (折)"), m_zhe);
        form->addRow(tr("Gift product (code)"), m_gift);
        form->addRow(tr("Minimum spend (¥)"), m_minSpend);
        form->addRow(tr("Only on these categories (none ticked: all goods)"), m_categories);
        form->addRow(QString(), m_stackable);
        form->addRow(tr("Valid for (days from issue)"), m_days);
        form->addRow(tr("Issued when"), m_issueOn);
        form->addRow(tr("Purchase amount (¥)"), m_purchaseMin);
        form->addRow(QString(), m_active);
        form->addRow(m_message);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, this, &CouponTypeDialog::save);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    }

private:
    void save()
    {
        CouponType t = m_type;
        t.name = m_name->text().trimmed();
        t.kind = m_kind->currentData().toString();
        const auto value = Money::parse(m_value->text().trimmed());
        const auto minSpend = Money::parse(m_minSpend->text().trimmed());
        const auto purchaseMin = Money::parse(m_purchaseMin->text().trimmed());
        if (!value || !minSpend || !purchaseMin) {
            say(m_message, tr("Give the amounts in yuan, such as 20 or 99.50."), true);
            return;
        }
        t.value = t.kind == QLatin1String("cash") ? *value : Money();
        t.permille = 1000;
        if (t.kind == QLatin1String("discount")) {
            auto zhe = parseZhe(m_zhe->text().trimmed());
            if (!zhe) {
                say(m_message, zhe.error().message, true);
                return;
            }
            t.permille = *zhe;
        }
        t.giftProductId = 0;
        if (t.kind == QLatin1String("gift")) {
            auto p = m_s.ctx().catalog().byBarcode(m_gift->text().trimmed());
            if (!p) {
                say(m_message, tr("No product has the code %1.").arg(m_gift->text().trimmed()), true);
                return;
            }
            t.giftProductId = p->id;
        }
        t.minSpend = *minSpend;
        t.categoryIds.clear();
        for (int i = 0; i < m_categories->count(); ++i)
            if (m_categories->item(i)->checkState() == Qt::Checked)
                t.categoryIds << m_categories->item(i)->data(Qt::UserRole).toLongLong();
        t.stackable = m_stackable->isChecked();
        t.validDays = m_days->value();
        t.issueOn = m_issueOn->currentData().toString();
        t.purchaseMin = t.issueOn == QLatin1String("purchase") ? *purchaseMin : Money();
        t.active = m_active->isChecked();
        if (auto id = saveCouponType(m_s.ctx().db(), t, m_s.op().id, m_s.ctx().clock().nowMs()); !id) {
            say(m_message, id.error().message, true);
            return;
        }
        accept();
    }

    AppSession &m_s;
    CouponType m_type;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_value;
    QLineEdit *m_zhe;
    QLineEdit *m_gift;
    QLineEdit *m_minSpend;
    QListWidget *m_categories;
    QCheckBox *m_stackable;
    QSpinBox *m_days;
    QComboBox *m_issueOn;
    QLineEdit *m_purchaseMin;
    QCheckBox *m_active;
    QLabel *m_message;
};

// 计次卡 and 优惠券: a list of plans or types, each edited in its own form.
class CountCardsPage : public QWidget {
    Q_OBJECT
public:
    explicit CountCardsPage(AppSession &s)
        : m_s(s), m_table(ruleTable({tr("Count card"), tr("Service"), tr("Uses"), tr("Valid"), tr("On sale")}, "plans"))
    {
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_table, 1);
        auto *buttons = new QHBoxLayout;
        auto *add = new QPushButton(tr("New count card"));
        auto *edit = new QPushButton(tr("Edit"));
        edit->setObjectName(QStringLiteral("editPlan"));
        buttons->addWidget(add);
        buttons->addWidget(edit);
        buttons->addStretch();
        layout->addLayout(buttons);
        connect(add, &QPushButton::clicked, this, [this] { open(CountCardPlan{}); });
        connect(edit, &QPushButton::clicked, this, [this] {
            const int row = m_table->currentRow();
            if (row >= 0 && row < m_plans.size())
                open(m_plans.at(row));
        });
        connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) { open(m_plans.at(row)); });
        load();
    }

    void load()
    {
        m_table->setRowCount(0);
        auto plans = countCardPlans(m_s.ctx().db());
        m_plans = plans ? *plans : QList<CountCardPlan>{};
        for (const CountCardPlan &p : m_plans) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, cell(p.name));
            m_table->setItem(row, 1, cell(p.serviceName));
            m_table->setItem(row, 2, cell(QString::number(p.uses)));
            m_table->setItem(row, 3, cell(p.validityDays == 0 ? tr("never expires")
                                          : p.fromFirstUse ? tr("%1 days from the first use").arg(p.validityDays)
                                                           : tr("%1 days from the sale").arg(p.validityDays)));
            m_table->setItem(row, 4, cell(p.active ? tr("yes") : tr("no")));
        }
    }

private:
    void open(const CountCardPlan &plan)
    {
        PlanDialog d(m_s, plan, this);
        if (execDialog(d) == QDialog::Accepted)
            load();
    }

    AppSession &m_s;
    QTableWidget *m_table;
    QList<CountCardPlan> m_plans;
};

class CouponsPage : public QWidget {
    Q_OBJECT
public:
    explicit CouponsPage(AppSession &s)
        : m_s(s), m_table(ruleTable({tr("Coupon type"), tr("Terms"), tr("Valid"), tr("Issued"), tr("Active")}, "couponTypes"))
    {
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_table, 1);
        auto *buttons = new QHBoxLayout;
        auto *add = new QPushButton(tr("New coupon type"));
        auto *edit = new QPushButton(tr("Edit"));
        edit->setObjectName(QStringLiteral("editCouponType"));
        buttons->addWidget(add);
        buttons->addWidget(edit);
        buttons->addStretch();
        layout->addLayout(buttons);
        connect(add, &QPushButton::clicked, this, [this] { open(CouponType{}); });
        connect(edit, &QPushButton::clicked, this, [this] {
            const int row = m_table->currentRow();
            if (row >= 0 && row < m_types.size())
                open(m_types.at(row));
        });
        connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) { open(m_types.at(row)); });
        load();
    }

    void load()
    {
        m_table->setRowCount(0);
        auto types = couponTypes(m_s.ctx().db());
        m_types = types ? *types : QList<CouponType>{};
        for (const CouponType &t : m_types) {
            Coupon terms;
            terms.kind = t.kind;
            terms.value = t.value;
            terms.permille = t.permille;
            terms.minSpend = t.minSpend;
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, cell(t.name));
            m_table->setItem(row, 1, cell(couponTerms(terms)));
            m_table->setItem(row, 2, cell(t.validDays > 0 ? tr("%1 days").arg(t.validDays) : tr("no end")));
            const QString issued = t.issueOn == QLatin1String("registration") ? tr("on registration")
                                   : t.issueOn == QLatin1String("birthday") ? tr("on the birthday")
                                   : t.issueOn == QLatin1String("purchase") ? tr("after %1").arg(t.purchaseMin.display())
                                                                            : tr("by hand");
            m_table->setItem(row, 3, cell(issued));
            m_table->setItem(row, 4, cell(t.active ? tr("yes") : tr("no")));
        }
    }

private:
    void open(const CouponType &type)
    {
        CouponTypeDialog d(m_s, type, this);
        if (execDialog(d) == QDialog::Accepted)
            load();
    }

    AppSession &m_s;
    QTableWidget *m_table;
    QList<CouponType> m_types;
};

// 积分礼品: the gifts members take for points, each with its stock.
class GiftsPage : public QWidget {
    Q_OBJECT
public:
    explicit GiftsPage(AppSession &s)
        : m_s(s), m_table(ruleTable({tr("Gift"), tr("Points"), tr("In stock"), tr("Offered")}, "giftList")),
          m_message(messageLabel())
    {
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_table, 1);
        auto *add = new QHBoxLayout;
        auto *name = new QLineEdit;
        name->setObjectName(QStringLiteral("giftName"));
        name->setPlaceholderText(tr("Gift, e.g. 不锈钢保温杯"));
        auto *points = new QSpinBox;
        points->setObjectName(QStringLiteral("giftPoints"));
        points->setRange(1, 100'000'000);
        points->setValue(500);
        points->setSuffix(tr(" points"));
        auto *stock = new QSpinBox;
        stock->setObjectName(QStringLiteral("giftStock"));
        stock->setRange(0, 1'000'000);
        stock->setPrefix(tr("stock "));
        auto *addButton = new QPushButton(tr("Add gift"));
        addButton->setObjectName(QStringLiteral("addGift"));
        add->addWidget(name, 1);
        add->addWidget(points);
        add->addWidget(stock);
        add->addWidget(addButton);
        layout->addLayout(add);
        auto *change = new QHBoxLayout;
        auto *units = new QSpinBox;
        units->setObjectName(QStringLiteral("restockUnits"));
        units->setRange(-1'000'000, 1'000'000);
        units->setValue(10);
        auto *reason = new QLineEdit;
        reason->setObjectName(QStringLiteral("restockReason"));
        reason->setPlaceholderText(tr("Why (到货, 损坏 ...)"));
        auto *restock = new QPushButton(tr("Change stock"));
        restock->setObjectName(QStringLiteral("restock"));
        auto *offer = new QPushButton(tr("Offer / withdraw"));
        change->addWidget(units);
        change->addWidget(reason, 1);
        change->addWidget(restock);
        change->addWidget(offer);
        layout->addLayout(change);
        layout->addWidget(m_message);
        connect(addButton, &QPushButton::clicked, this, [this, name, points, stock] {
            auto id = saveGift(m_s.ctx().db(), Gift{0, name->text().trimmed(), points->value(), stock->value(), true},
                               m_s.op().id, m_s.ctx().clock().nowMs());
            if (report(id ? Status(Ok{}) : Status(id.error()), tr("%1 added.").arg(name->text().trimmed())))
                name->clear();
        });
        connect(restock, &QPushButton::clicked, this, [this, units, reason] {
            const Gift *g = selected();
            if (!g)
                return;
            const QString what = g->name;
            if (report(restockGift(m_s.ctx().db(), g->id, units->value(), reason->text(), m_s.op().id,
                                   m_s.ctx().clock().nowMs()),
                       tr("Stock of %1 changed by %2.").arg(what).arg(units->value())))
                reason->clear();
        });
        connect(offer, &QPushButton::clicked, this, [this] {
            const Gift *g = selected();
            if (!g)
                return;
            Gift changed = *g;
            changed.active = !changed.active;
            auto id = saveGift(m_s.ctx().db(), changed, m_s.op().id, m_s.ctx().clock().nowMs());
            report(id ? Status(Ok{}) : Status(id.error()),
                   changed.active ? tr("%1 is offered again.").arg(changed.name) : tr("%1 is withdrawn.").arg(changed.name));
        });
        load();
    }

    void load()
    {
        const int current = m_table->currentRow();
        m_table->setRowCount(0);
        auto list = gifts(m_s.ctx().db());
        m_gifts = list ? *list : QList<Gift>{};
        for (const Gift &g : m_gifts) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, cell(g.name));
            m_table->setItem(row, 1, cell(QString::number(g.points)));
            m_table->setItem(row, 2, cell(QString::number(g.stock)));
            m_table->setItem(row, 3, cell(g.active ? tr("yes") : tr("no")));
        }
        if (current >= 0 && current < m_table->rowCount())
            m_table->selectRow(current);
    }

private:
    const Gift *selected()
    {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_gifts.size()) {
            say(m_message, tr("Choose a gift in the list first."), true);
            return nullptr;
        }
        return &m_gifts.at(row);
    }

    bool report(const Status &st, const QString &done)
    {
        return reportChange(m_message, st, done, [this] { load(); });
    }

    AppSession &m_s;
    QTableWidget *m_table;
    QList<Gift> m_gifts;
    QLabel *m_message;
};

QWidget *programme::countCardsPage(AppSession &s)
{
    return new CountCardsPage(s);
}

QWidget *programme::couponsPage(AppSession &s)
{
    return new CouponsPage(s);
}

QWidget *programme::giftsPage(AppSession &s)
{
    return new GiftsPage(s);
}

} // namespace huike::ui

#include "programmelists.moc"
