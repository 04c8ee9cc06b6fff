#include "programmedialog.h"

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

namespace {

QTableWidget *ruleTable(const QStringList &headers, const char *name)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()));
    t->setObjectName(QString::fromLatin1(name));
    t->setHorizontalHeaderLabels(headers);
    // The name takes the room left; every other column is as wide as what it shows.
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    return t;
}

QTableWidgetItem *cell(const QString &text, const QVariant &id = {}, bool editable = false)
{
    auto *item = new QTableWidgetItem(text);
    if (id.isValid())
        item->setData(Qt::UserRole, id);
    if (!editable)
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QString text(const QTableWidget *t, int row, int col)
{
    const QTableWidgetItem *item = t->item(row, col);
    return item ? item->text().trimmed() : QString();
}

// A page's message line: what was saved, or why not (in red).
QLabel *messageLabel()
{
    auto *m = new QLabel;
    m->setObjectName(QStringLiteral("message"));
    m->setWordWrap(true);
    return m;
}

void say(QLabel *label, const QString &what, bool error)
{
    label->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
    label->setText(what);
}

// A product by its code or barcode, or a category by its name: what a multiplier or a plan names.
struct Named {
    qint64 productId = 0;
    qint64 categoryId = 0;
    QString name;
};
std::optional<Named> productOrCategory(AppSession &s, const QString &typed, bool categories)
{
    if (categories)
        for (const Category &c : s.ctx().catalog().categories())
            if (c.name == typed)
                return Named{0, c.id, c.name};
    if (auto p = s.ctx().catalog().byBarcode(typed))
        return Named{p->id, 0, p->name};
    return std::nullopt;
}

} // namespace

// 等级: one row per level, lowest first; the thresholds decide the order on Save.
class LevelsPage : public QWidget {
    Q_OBJECT
public:
    explicit LevelsPage(AppSession &s) : m_s(s), m_table(ruleTable({tr("Level"), tr("Growth needed"), tr("Spend needed"), tr("Level price (折)"), tr("Points rate (%)")}, "levels")),
          m_basis(new QComboBox), m_perYuan(new QSpinBox), m_message(messageLabel())
    {
        auto *layout = new QVBoxLayout(this);
        auto *form = new QFormLayout;
        m_basis->setObjectName(QStringLiteral("upgradeBy"));
        m_basis->addItem(tr("growth value (成长值)"), QStringLiteral("growth"));
        m_basis->addItem(tr("cumulative net spend"), QStringLiteral("spend"));
        form->addRow(tr("Members move up by"), m_basis);
        m_perYuan->setRange(0, 1000);
        m_perYuan->setObjectName(QStringLiteral("growthPerYuan"));
        form->addRow(tr("Growth value per yuan spent"), m_perYuan);
        layout->addLayout(form);
        layout->addWidget(m_table, 1);
        auto *buttons = new QHBoxLayout;
        auto *add = new QPushButton(tr("Add level"));
        auto *remove = new QPushButton(tr("Remove level"));
        auto *save = new QPushButton(tr("Save levels"));
        save->setObjectName(QStringLiteral("saveLevels"));
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch();
        buttons->addWidget(save);
        layout->addLayout(buttons);
        layout->addWidget(m_message);
        connect(add, &QPushButton::clicked, this, [this] {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            const QStringList blank = {tr("New level"), QStringLiteral("0"), QStringLiteral("0.00"), QStringLiteral("10"), QStringLiteral("100")};
            for (int c = 0; c < blank.size(); ++c)
                m_table->setItem(row, c, cell(blank.at(c), c == 0 ? QVariant(qint64(0)) : QVariant(), true));
            m_table->editItem(m_table->item(row, 0));
        });
        connect(remove, &QPushButton::clicked, this, [this] {
            if (m_table->currentRow() >= 0)
                m_table->removeRow(m_table->currentRow());
        });
        connect(save, &QPushButton::clicked, this, &LevelsPage::save);
        load();
    }

    void load()
    {
        auto rules = loadLevelRules(m_s.ctx().db());
        if (!rules) {
            say(m_message, rules.error().message, true);
            return;
        }
        m_basis->setCurrentIndex(rules->upgradeBy == UpgradeBy::Spend ? 1 : 0);
        m_perYuan->setValue(static_cast<int>(rules->growthPerYuan));
        m_table->setRowCount(0);
        for (const MemberLevel &l : rules->levels) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, cell(l.name, l.id, true));
            m_table->setItem(row, 1, cell(QString::number(l.growthThreshold), {}, true));
            m_table->setItem(row, 2, cell(l.spendThreshold.toString(), {}, true));
            // 10折 is no discount (formatZhe says nothing for it): shown, so the column reads whole.
            m_table->setItem(row, 3, cell(l.discountPermille >= 1000 ? QStringLiteral("10") : formatZhe(l.discountPermille), {}, true));
            m_table->setItem(row, 4, cell(QString::number(static_cast<double>(l.pointsPermille) / 10.0, 'g', 6), {}, true));
        }
    }

    void save()
    {
        LevelRules rules;
        rules.upgradeBy = m_basis->currentData().toString() == QLatin1String("spend") ? UpgradeBy::Spend : UpgradeBy::Growth;
        rules.growthPerYuan = m_perYuan->value();
        for (int row = 0; row < m_table->rowCount(); ++row) {
            MemberLevel l;
            l.id = m_table->item(row, 0)->data(Qt::UserRole).toLongLong();
            l.name = text(m_table, row, 0);
            bool growthOk = false;
            l.growthThreshold = text(m_table, row, 1).toLongLong(&growthOk);
            const auto spend = Money::parse(text(m_table, row, 2));
            auto zhe = parseZhe(text(m_table, row, 3));
            bool pointsOk = false;
            const double points = text(m_table, row, 4).toDouble(&pointsOk);
            if (!growthOk || !spend || !zhe || !pointsOk) {
                say(m_message,
                    tr("Row %1 (%2): growth is a whole number, spend an amount, the level price a 折 such as 9.5, "
                       "the points rate a percentage such as 100.")
                        .arg(row + 1)
                        .arg(l.name),
                    true);
                return;
            }
            l.spendThreshold = *spend;
            l.discountPermille = *zhe;
            l.pointsPermille = qRound64(points * 10);
            rules.levels.append(l);
        }
        // Lowest first: the order the thresholds give on the rule members move up by.
        std::stable_sort(rules.levels.begin(), rules.levels.end(), [&](const MemberLevel &a, const MemberLevel &b) {
            return rules.upgradeBy == UpgradeBy::Growth ? a.growthThreshold < b.growthThreshold
                                                        : a.spendThreshold < b.spendThreshold;
        });
        if (auto st = saveLevelRules(m_s.ctx().db(), rules, m_s.op().id, m_s.ctx().clock().nowMs()); !st) {
            say(m_message, st.error().message, true);
            return;
        }
        load();
        say(m_message, tr("Levels saved. Members move to their new level with their next sale or refund."), false);
    }

private:
    AppSession &m_s;
    QTableWidget *m_table;
    QComboBox *m_basis;
    QSpinBox *m_perYuan;
    QLabel *m_message;
};

// 积分: the rates (saved with Save), and the multipliers and time windows (each saved as added or removed).
class PointsPage : public QWidget {
    Q_OBJECT
public:
    explicit PointsPage(AppSession &s)
        : m_s(s), m_perPoint(new QLineEdit), m_redeemPoints(new QSpinBox), m_redeemValue(new QLineEdit), m_cap(new QSpinBox),
          m_expires(new QCheckBox(tr("Points expire at the end of the year after they were earned"))),
          m_multipliers(ruleTable({tr("Product or category"), tr("Points multiplier")}, "multipliers")),
          m_windows(ruleTable({tr("Days"), tr("From"), tr("To"), tr("Points multiplier")}, "windows")),
          m_message(messageLabel())
    {
        auto *layout = new QVBoxLayout(this);
        auto *form = new QFormLayout;
        m_perPoint->setObjectName(QStringLiteral("yuanPerPoint"));
        form->addRow(tr("One point per (yuan of the earning base)"), m_perPoint);
        auto *redeem = new QHBoxLayout;
        m_redeemPoints->setRange(1, 1000000);
        redeem->addWidget(m_redeemPoints);
        redeem->addWidget(new QLabel(tr("points pay ¥")));
        redeem->addWidget(m_redeemValue);
        form->addRow(tr("Points as cash"), redeem);
        m_cap->setRange(0, 100);
        m_cap->setSuffix(QStringLiteral("%"));
        form->addRow(tr("Points pay at most, of a sale"), m_cap);
        form->addRow(QString(), m_expires);
        layout->addLayout(form);
        auto *save = new QPushButton(tr("Save points rules"));
        save->setObjectName(QStringLiteral("savePoints"));
        auto *saveRow = new QHBoxLayout;
        saveRow->addStretch();
        saveRow->addWidget(save);
        layout->addLayout(saveRow);

        layout->addWidget(new QLabel(tr("Multipliers by product or category (0 = earns no points)")));
        layout->addWidget(m_multipliers, 1);
        auto *addMultiplier = new QHBoxLayout;
        auto *what = new QLineEdit;
        what->setObjectName(QStringLiteral("multiplierFor"));
        what->setPlaceholderText(tr("Product code or barcode, or a category's name"));
        auto *times = new QDoubleSpinBox;
        times->setObjectName(QStringLiteral("multiplierTimes"));
        times->setRange(0, 100);
        times->setSingleStep(0.5);
        times->setValue(2);
        times->setSuffix(tr(" ×"));
        auto *add = new QPushButton(tr("Add multiplier"));
        add->setObjectName(QStringLiteral("addMultiplier"));
        auto *remove = new QPushButton(tr("Remove"));
        addMultiplier->addWidget(what, 1);
        addMultiplier->addWidget(times);
        addMultiplier->addWidget(add);
        addMultiplier->addWidget(remove);
        layout->addLayout(addMultiplier);

        layout->addWidget(new QLabel(tr("Time windows (double points on Tuesdays 14:00-17:00)")));
        layout->addWidget(m_windows, 1);
        auto *addWindow = new QHBoxLayout;
        const QStringList dayNames = {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")};
        QList<QCheckBox *> days;
        for (const QString &d : dayNames) {
            days << new QCheckBox(d);
            addWindow->addWidget(days.last());
        }
        auto *from = new QTimeEdit(QTime(14, 0));
        auto *to = new QTimeEdit(QTime(17, 0));
        from->setDisplayFormat(QStringLiteral("HH:mm"));
        to->setDisplayFormat(QStringLiteral("HH:mm"));
        auto *windowTimes = new QDoubleSpinBox;
        windowTimes->setRange(0, 100);
        windowTimes->setSingleStep(0.5);
        windowTimes->setValue(2);
        windowTimes->setSuffix(tr(" ×"));
        auto *addW = new QPushButton(tr("Add window"));
        auto *removeW = new QPushButton(tr("Remove"));
        addWindow->addWidget(from);
        addWindow->addWidget(new QLabel(QStringLiteral("-")));
        addWindow->addWidget(to);
        addWindow->addWidget(windowTimes);
        addWindow->addWidget(addW);
        addWindow->addWidget(removeW);
        layout->addLayout(addWindow);
        layout->addWidget(m_message);

        connect(save, &QPushButton::clicked, this, &PointsPage::save);
        connect(add, &QPushButton::clicked, this, [this, what, times] {
            const auto named = productOrCategory(m_s, what->text().trimmed(), true);
            if (!named) {
                say(m_message, tr("No product or category is \"%1\".").arg(what->text().trimmed()), true);
                return;
            }
            report(setPointsMultiplier(m_s.ctx().db(), named->productId, named->categoryId,
                                       qRound64(times->value() * 1000), m_s.op().id, m_s.ctx().clock().nowMs()),
                   tr("%1 earns %2 × points.").arg(named->name).arg(times->value()));
            what->clear();
        });
        connect(remove, &QPushButton::clicked, this, [this] {
            const int row = m_multipliers->currentRow();
            if (row < 0)
                return;
            const QVariantList ids = m_multipliers->item(row, 0)->data(Qt::UserRole).toList();
            report(setPointsMultiplier(m_s.ctx().db(), ids.value(0).toLongLong(), ids.value(1).toLongLong(),
                                       std::nullopt, m_s.op().id, m_s.ctx().clock().nowMs()),
                   tr("Multiplier removed."));
        });
        connect(addW, &QPushButton::clicked, this, [this, days, from, to, windowTimes] {
            PointsWindow w;
            for (int i = 0; i < days.size(); ++i)
                if (days.at(i)->isChecked())
                    w.weekdays |= 1 << i;
            w.startMinute = from->time().hour() * 60 + from->time().minute();
            w.endMinute = to->time().hour() * 60 + to->time().minute();
            if (w.endMinute == 0)
                w.endMinute = 1440; // "until 00:00": the end of the day
            w.permille = qRound64(windowTimes->value() * 1000);
            auto id = addPointsWindow(m_s.ctx().db(), w, m_s.op().id, m_s.ctx().clock().nowMs());
            report(id ? Status(Ok{}) : Status(id.error()), tr("Time window added."));
        });
        connect(removeW, &QPushButton::clicked, this, [this] {
            const int row = m_windows->currentRow();
            if (row < 0)
                return;
            report(removePointsWindow(m_s.ctx().db(), m_windows->item(row, 0)->data(Qt::UserRole).toLongLong(),
                                      m_s.op().id, m_s.ctx().clock().nowMs()),
                   tr("Time window removed."));
        });
        load();
    }

    void load()
    {
        Database &db = m_s.ctx().db();
        if (auto r = loadPointsRules(db)) {
            m_perPoint->setText(Money::fromFen(r->fenPerPoint).toString());
            m_redeemPoints->setValue(static_cast<int>(r->redeemPoints));
            m_redeemValue->setText(r->redeemValue.toString());
            m_cap->setValue(static_cast<int>(r->redeemCapPermille / 10));
            m_expires->setChecked(r->expires);
        }
        m_multipliers->setRowCount(0);
        if (auto list = pointsMultipliers(db))
            for (const PointsMultiplier &m : *list) {
                const int row = m_multipliers->rowCount();
                m_multipliers->insertRow(row);
                const QString what = m.categoryId > 0 ? tr("Category %1").arg(m.name) : m.name;
                m_multipliers->setItem(row, 0, cell(what, QVariantList{m.productId, m.categoryId}));
                m_multipliers->setItem(row, 1, cell(tr("%1 ×").arg(static_cast<double>(m.permille) / 1000.0)));
            }
        m_windows->setRowCount(0);
        const QStringList dayNames = {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")};
        auto hhmm = [](int minute) {
            return QStringLiteral("%1:%2").arg(minute / 60, 2, 10, QLatin1Char('0')).arg(minute % 60, 2, 10, QLatin1Char('0'));
        };
        if (auto list = pointsWindows(db))
            for (const PointsWindow &w : *list) {
                QStringList on;
                for (int i = 0; i < 7; ++i)
                    if (w.weekdays & (1 << i))
                        on << dayNames.at(i);
                const int row = m_windows->rowCount();
                m_windows->insertRow(row);
                m_windows->setItem(row, 0, cell(w.weekdays == 127 ? tr("every day") : on.join(QStringLiteral(" ")), w.id));
                m_windows->setItem(row, 1, cell(hhmm(w.startMinute)));
                m_windows->setItem(row, 2, cell(hhmm(w.endMinute)));
                m_windows->setItem(row, 3, cell(tr("%1 ×").arg(static_cast<double>(w.permille) / 1000.0)));
            }
    }

    void save()
    {
        const auto perPoint = Money::parse(m_perPoint->text().trimmed());
        const auto value = Money::parse(m_redeemValue->text().trimmed());
        if (!perPoint || !value) {
            say(m_message, tr("Give the amounts in yuan, such as 10 or 0.50."), true);
            return;
        }
        PointsRules r;
        r.fenPerPoint = perPoint->fen();
        r.redeemPoints = m_redeemPoints->value();
        r.redeemValue = *value;
        r.redeemCapPermille = m_cap->value() * 10;
        r.expires = m_expires->isChecked();
        report(savePointsRules(m_s.ctx().db(), r, m_s.op().id, m_s.ctx().clock().nowMs()), tr("Points rules saved."));
    }

private:
    void report(const Status &st, const QString &done)
    {
        if (!st) {
            say(m_message, st.error().message, true);
            return;
        }
        load();
        say(m_message, done, false);
    }

    AppSession &m_s;
    QLineEdit *m_perPoint;
    QSpinBox *m_redeemPoints;
    QLineEdit *m_redeemValue;
    QSpinBox *m_cap;
    QCheckBox *m_expires;
    QTableWidget *m_multipliers;
    QTableWidget *m_windows;
    QLabel *m_message;
};

// 储值: 充500送50 tiers and the amount above which a recharge needs a manager.
class RechargePage : public QWidget {
    Q_OBJECT
public:
    explicit RechargePage(AppSession &s)
        : m_s(s), m_table(ruleTable({tr("Recharge at least (¥)"), tr("Bonus (¥)")}, "tiers")), m_limit(new QLineEdit),
          m_message(messageLabel())
    {
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(new QLabel(tr("The highest tier a recharge reaches gives its bonus, once (充1000 gets 送120, "
                                        "not 送50 twice).")));
        layout->addWidget(m_table, 1);
        auto *form = new QFormLayout;
        m_limit->setObjectName(QStringLiteral("approvalAbove"));
        form->addRow(tr("A recharge above this needs a manager (¥)"), m_limit);
        layout->addLayout(form);
        auto *buttons = new QHBoxLayout;
        auto *add = new QPushButton(tr("Add tier"));
        auto *remove = new QPushButton(tr("Remove tier"));
        auto *save = new QPushButton(tr("Save recharge rules"));
        save->setObjectName(QStringLiteral("saveRecharge"));
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch();
        buttons->addWidget(save);
        layout->addLayout(buttons);
        layout->addWidget(m_message);
        connect(add, &QPushButton::clicked, this, [this] {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, cell(QStringLiteral("0.00"), {}, true));
            m_table->setItem(row, 1, cell(QStringLiteral("0.00"), {}, true));
            m_table->editItem(m_table->item(row, 0));
        });
        connect(remove, &QPushButton::clicked, this, [this] {
            if (m_table->currentRow() >= 0)
                m_table->removeRow(m_table->currentRow());
        });
        connect(save, &QPushButton::clicked, this, &RechargePage::save);
        load();
    }

    void load()
    {
        m_table->setRowCount(0);
        if (auto rules = loadRechargeBonusRules(m_s.ctx().db()))
            for (const RechargeTier &t : rules->tiers) {
                const int row = m_table->rowCount();
                m_table->insertRow(row);
                m_table->setItem(row, 0, cell(t.minimum.toString(), {}, true));
                m_table->setItem(row, 1, cell(t.bonus.toString(), {}, true));
            }
        m_limit->setText(m_s.ctx().storedValue().approvalLimit().toString());
    }

    void save()
    {
        QList<RechargeTier> tiers;
        for (int row = 0; row < m_table->rowCount(); ++row) {
            const auto min = Money::parse(text(m_table, row, 0));
            const auto bonus = Money::parse(text(m_table, row, 1));
            if (!min || !bonus) {
                say(m_message, tr("Row %1: give both amounts in yuan, such as 500 and 50.").arg(row + 1), true);
                return;
            }
            tiers.append(RechargeTier{0, *min, *bonus, true});
        }
        const auto limit = Money::parse(m_limit->text().trimmed());
        if (!limit) {
            say(m_message, tr("Give the approval limit in yuan, such as 5000."), true);
            return;
        }
        if (auto st = saveRechargeBonusRules(m_s.ctx().db(), tiers, *limit, m_s.op().id, m_s.ctx().clock().nowMs()); !st) {
            say(m_message, st.error().message, true);
            return;
        }
        load();
        say(m_message, tr("Recharge rules saved."), false);
    }

private:
    AppSession &m_s;
    QTableWidget *m_table;
    QLineEdit *m_limit;
    QLabel *m_message;
};

// One count-card plan, new or edited.
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
        if (!st) {
            say(m_message, st.error().message, true);
            return false;
        }
        load();
        say(m_message, done, false);
        return true;
    }

    AppSession &m_s;
    QTableWidget *m_table;
    QList<Gift> m_gifts;
    QLabel *m_message;
};

ProgrammeDialog::ProgrammeDialog(AppSession &session, QWidget *parent) : QDialog(parent), m_pages(new QTabWidget)
{
    setWindowTitle(tr("Member programme"));
    resize(860, 600);
    auto *layout = new QVBoxLayout(this);
    m_pages->addTab(new LevelsPage(session), tr("Levels"));
    m_pages->addTab(new PointsPage(session), tr("Points"));
    m_pages->addTab(new RechargePage(session), tr("Stored value"));
    m_pages->addTab(new CountCardsPage(session), tr("Count cards"));
    m_pages->addTab(new CouponsPage(session), tr("Coupons"));
    m_pages->addTab(new GiftsPage(session), tr("Gifts for points"));
    layout->addWidget(m_pages);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

} // namespace huike::ui

#include "programmedialog.moc"
