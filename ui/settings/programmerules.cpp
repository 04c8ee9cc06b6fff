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

// 等级: one row per level, lowest first; the thresholds decide the order on Save.
class LevelsPage : public QWidget {
    Q_OBJECT
public:
    explicit LevelsPage(AppSession &s) : m_s(s), m_table(ruleTable({tr("Level"), tr("Growth needed"), tr("Spend needed"), tr("Level price (折)"), tr("Points rate (%)"), tr("Valid days (0: for good)")}, "levels")),
          m_basis(new QComboBox), m_perYuan(new QSpinBox), m_rfm(new QComboBox), m_weightR(new QSpinBox),
          m_weightF(new QSpinBox), m_weightM(new QSpinBox), m_message(messageLabel())
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
        // 成长值 from RFM: at each period's end, growth rises or falls by the member's scores.
        m_rfm->setObjectName(QStringLiteral("rfmGrowth"));
        m_rfm->addItem(tr("off"), QStringLiteral("off"));
        m_rfm->addItem(tr("at the end of each month"), QStringLiteral("month"));
        m_rfm->addItem(tr("at the end of each quarter"), QStringLiteral("quarter"));
        auto *weights = new QHBoxLayout;
        const std::pair<QSpinBox *, QString> spins[] = {
            {m_weightR, tr("R (recency)")}, {m_weightF, tr("F (frequency)")}, {m_weightM, tr("M (net spend)")}};
        for (const auto &[spin, label] : spins) {
            spin->setRange(0, 10000);
            weights->addWidget(new QLabel(label));
            weights->addWidget(spin);
        }
        m_weightR->setObjectName(QStringLiteral("rfmWeightR"));
        m_weightF->setObjectName(QStringLiteral("rfmWeightF"));
        m_weightM->setObjectName(QStringLiteral("rfmWeightM"));
        weights->addStretch();
        form->addRow(tr("Growth value from RFM"), m_rfm);
        form->addRow(tr("Growth a score point above or below 3"), weights);
        auto *explain = new QLabel(tr("At each period's end every member who has bought is scored 1 to 5 on R, F and "
                                      "M as 会员分析 scores them; their growth value changes by each weight times "
                                      "(score − 3), so it can fall (never below 0), and their level follows it up or "
                                      "down. Each change is in the member's growth and level history."));
        explain->setWordWrap(true);
        explain->setStyleSheet(QStringLiteral("color: #555;"));
        form->addRow(QString(), explain);
        const auto rfmShown = [this] {
            const bool on = m_rfm->currentData().toString() != QLatin1String("off");
            for (QSpinBox *w : {m_weightR, m_weightF, m_weightM})
                w->setEnabled(on);
        };
        connect(m_rfm, &QComboBox::currentIndexChanged, this, rfmShown);
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
            const int row = appendRow(m_table, {tr("New level"), QStringLiteral("0"), QStringLiteral("0.00"),
                                                QStringLiteral("10"), QStringLiteral("100"), QStringLiteral("0")},
                                      true, qint64(0));
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
        m_rfm->setCurrentIndex(static_cast<int>(rules->rfm.period)); // off, month, quarter: the combo's order
        m_weightR->setValue(rules->rfm.weightR);
        m_weightF->setValue(rules->rfm.weightF);
        m_weightM->setValue(rules->rfm.weightM);
        Q_EMIT m_rfm->currentIndexChanged(m_rfm->currentIndex());
        m_table->setRowCount(0);
        for (const MemberLevel &l : rules->levels)
            // 10折 is no discount (formatZhe says nothing for it): shown, so the column reads whole.
            appendRow(m_table,
                      {l.name, QString::number(l.growthThreshold), l.spendThreshold.toString(),
                       l.discountPermille >= 1000 ? QStringLiteral("10") : formatZhe(l.discountPermille),
                       QString::number(static_cast<double>(l.pointsPermille) / 10.0, 'g', 6),
                       QString::number(l.validityDays)},
                      true, l.id);
    }

    void save()
    {
        LevelRules rules;
        rules.upgradeBy = m_basis->currentData().toString() == QLatin1String("spend") ? UpgradeBy::Spend : UpgradeBy::Growth;
        rules.growthPerYuan = m_perYuan->value();
        const QString rfm = m_rfm->currentData().toString();
        rules.rfm.period = rfm == QLatin1String("month")     ? RfmGrowth::Period::Month
                           : rfm == QLatin1String("quarter") ? RfmGrowth::Period::Quarter
                                                             : RfmGrowth::Period::Off;
        rules.rfm.weightR = m_weightR->value();
        rules.rfm.weightF = m_weightF->value();
        rules.rfm.weightM = m_weightM->value();
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
            bool daysOk = false;
            l.validityDays = text(m_table, row, 5).isEmpty() ? 0 : text(m_table, row, 5).toInt(&daysOk);
            daysOk = daysOk || text(m_table, row, 5).isEmpty();
            if (!growthOk || !spend || !zhe || !pointsOk || !daysOk) {
                say(m_message,
                    tr("Row %1 (%2): growth is a whole number, spend an amount, the level price a 折 such as 9.5, "
                       "the points rate a percentage such as 100, the valid days a whole number.")
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
        if (auto st = saveLevelRules(m_s.ctx().db(), rules, m_s.op().id, m_s.ctx().clock().nowMs(), m_s.ctx().time()); !st) {
            say(m_message, st.error().message, true);
            return;
        }
        load();
        say(m_message, tr("Levels saved. Members move to their new level with their next sale or refund; a level "
                          "with valid days is held that long from when it is reached, then kept only if the "
                          "member earned it again in that time."),
            false);
    }

private:
    AppSession &m_s;
    QTableWidget *m_table;
    QComboBox *m_basis;
    QSpinBox *m_perYuan;
    QComboBox *m_rfm;
    QSpinBox *m_weightR, *m_weightF, *m_weightM;
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
        QList<QCheckBox *> days;
        for (const QString &d : dayNames()) {
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
        auto hhmm = [](int minute) {
            return QStringLiteral("%1:%2").arg(minute / 60, 2, 10, QLatin1Char('0')).arg(minute % 60, 2, 10, QLatin1Char('0'));
        };
        const QStringList names = dayNames();
        if (auto list = pointsWindows(db))
            for (const PointsWindow &w : *list) {
                QStringList on;
                for (int i = 0; i < 7; ++i)
                    if (w.weekdays & (1 << i))
                        on << names.at(i);
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
    // Monday first, as the weekday bits count them.
    static QStringList dayNames()
    {
        return {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")};
    }

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
            const int row = appendRow(m_table, {QStringLiteral("0.00"), QStringLiteral("0.00")}, true);
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
            for (const RechargeTier &t : rules->tiers)
                appendRow(m_table, {t.minimum.toString(), t.bonus.toString()}, true);
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
QWidget *programme::levelsPage(AppSession &s)
{
    return new LevelsPage(s);
}

QWidget *programme::pointsPage(AppSession &s)
{
    return new PointsPage(s);
}

QWidget *programme::rechargePage(AppSession &s)
{
    return new RechargePage(s);
}

} // namespace huike::ui

#include "programmerules.moc"
