#include "analysiswidget.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "core/money.h"
#include "members/memberdetaildialog.h"
#include "members/memberlistmodel.h"
#include "segmentsettingsdialog.h"
#include "segments/classexport.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLabel>
#include <QListWidget>
#include <QPieSeries>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>
#include <cmath>

namespace huike::ui {

using namespace segments;

namespace {

QString percent(std::size_t part, std::size_t whole)
{
    return whole == 0 ? QStringLiteral("—")
                      : QStringLiteral("%1%").arg(100.0 * static_cast<double>(part) / static_cast<double>(whole), 0,
                                                  'f', 1);
}

} // namespace

AnalysisWidget::AnalysisWidget(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_pages(new QListWidget), m_overview(new QLabel),
      m_classes(new QTableWidget(0, 3)), m_chart(new QChartView), m_charts(new QTabWidget),
      m_trendChart(new QChartView), m_trendBusy(new QProgressBar), m_listTitle(new QLabel),
      m_members(new QTableView), m_model(std::make_unique<MemberListModel>(session.ctx().db(), session.ctx().time())),
      m_export(new QPushButton(tr("Export CSV…"))), m_status(new QLabel), m_busy(new QProgressBar),
      m_settings(new QPushButton(tr("Settings…")))
{
    setObjectName(QStringLiteral("analysis"));
    auto *layout = new QHBoxLayout(this);
    m_pages->setObjectName(QStringLiteral("analysisPages"));
    m_pages->addItem(tr("Overview"));
    for (segments::Category c : kCategories)
        m_pages->addItem(QString::fromUtf8(categoryLabel(c)));
    m_pages->setFixedWidth(150);
    m_pages->setStyleSheet(QStringLiteral("font-size: 16px;"));
    layout->addWidget(m_pages);

    auto *right = new QVBoxLayout;
    auto *statusRow = new QHBoxLayout;
    m_status->setObjectName(QStringLiteral("analysisStatus"));
    statusRow->addWidget(m_status, 1);
    m_busy->setRange(0, 0); // busy, with no telling how long: a load, a rebuild, a refresh
    m_busy->setFixedWidth(160);
    m_busy->setVisible(false);
    statusRow->addWidget(m_busy);
    m_settings->setObjectName(QStringLiteral("analysisSettings"));
    statusRow->addWidget(m_settings);
    right->addLayout(statusRow);

    m_overview->setObjectName(QStringLiteral("analysisOverview"));
    m_overview->setTextFormat(Qt::RichText);
    m_overview->setStyleSheet(QStringLiteral("font-size: 16px;"));
    m_overview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *top = new QHBoxLayout;
    top->addWidget(m_overview, 1);
    m_classes->setObjectName(QStringLiteral("analysisClasses"));
    m_classes->setHorizontalHeaderLabels({tr("Class"), tr("Members"), tr("Share")});
    m_classes->verticalHeader()->hide();
    m_classes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_classes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_classes->setSelectionMode(QAbstractItemView::SingleSelection);
    m_classes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_classes->setFixedWidth(330);
    top->addWidget(m_classes);
    m_chart->setObjectName(QStringLiteral("analysisChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(300);
    m_charts->setObjectName(QStringLiteral("analysisChartTabs"));
    m_charts->addTab(m_chart, tr("Now"));
    auto *trendPage = new QWidget;
    auto *trendLayout = new QVBoxLayout(trendPage);
    trendLayout->setContentsMargins(0, 0, 0, 0);
    m_trendChart->setObjectName(QStringLiteral("analysisTrend"));
    m_trendChart->setRenderHint(QPainter::Antialiasing);
    trendLayout->addWidget(m_trendChart, 1);
    m_trendBusy->setObjectName(QStringLiteral("analysisTrendProgress"));
    m_trendBusy->setFormat(tr("Counting the last 12 months… %v of %m"));
    m_trendBusy->setVisible(false);
    trendLayout->addWidget(m_trendBusy);
    m_charts->addTab(trendPage, tr("Last 12 months"));
    top->addWidget(m_charts, 2);
    right->addLayout(top, 3);

    auto *listRow = new QHBoxLayout;
    m_listTitle->setObjectName(QStringLiteral("analysisListTitle"));
    m_listTitle->setStyleSheet(QStringLiteral("font-weight: bold;"));
    listRow->addWidget(m_listTitle, 1);
    m_export->setObjectName(QStringLiteral("analysisExport"));
    listRow->addWidget(m_export);
    right->addLayout(listRow);
    m_members->setObjectName(QStringLiteral("analysisMembers"));
    m_members->setModel(m_model.get());
    m_members->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_members->setSelectionMode(QAbstractItemView::SingleSelection);
    m_members->verticalHeader()->setDefaultSectionSize(28);
    m_members->horizontalHeader()->setStretchLastSection(true);
    right->addWidget(m_members, 2);
    layout->addLayout(right, 1);

    connect(m_pages, &QListWidget::currentRowChanged, this, &AnalysisWidget::showPage);
    connect(m_classes, &QTableWidget::currentCellChanged, this, [this](int row) { showClass(row); });
    connect(m_members, &QTableView::doubleClicked, this, &AnalysisWidget::openSelected);
    connect(new QShortcut(QKeySequence(Qt::Key_Return), m_members, nullptr, nullptr, Qt::WidgetShortcut),
            &QShortcut::activated, this, &AnalysisWidget::openSelected);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export members"), tr("members.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportClass(path);
    });
    connect(m_settings, &QPushButton::clicked, this, [this] {
        if (!m_session.op().isManager())
            return; // the button is off for others; a login may have changed since it was drawn
        SegmentSettingsDialog d(m_session, this);
        execDialog(d);
    });
    connect(this, &AnalysisWidget::exported, this, [this](const QString &message) {
        if (m_exporting.joinable())
            m_exporting.join(); // it has said its last word
        m_status->setText(message);
        showClass(m_class);
    });
    SegmentService &service = session.segments();
    // The trend is counted when it is first looked at (a year of rebuilds at a chain's size takes
    // a while, once), and asked for again with each snapshot while it is shown: the month ends
    // already counted come back at once, and today's point is the snapshot's.
    connect(m_charts, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 1 && m_snapshot)
            m_session.segments().requestTrend();
        render();
    });
    connect(&service, &SegmentService::trendProgress, this, [this](int done, int total) {
        m_trendBusy->setRange(0, total);
        m_trendBusy->setValue(done);
        m_trendBusy->setVisible(done < total);
    });
    connect(&service, &SegmentService::trendReady, this, [this](std::shared_ptr<const SegmentTrend> trend) {
        m_trend = std::move(trend);
        m_trendBusy->setVisible(false);
        if (m_charts->currentIndex() == 1)
            renderTrend();
    });
    // Who may change the settings and export follows who is logged in.
    connect(&session, &AppSession::operatorChanged, this, &AnalysisWidget::render);
    connect(&service, &SegmentService::working, this, [this] { m_busy->setVisible(true); });
    connect(&service, &SegmentService::updated, this, &AnalysisWidget::snapshotArrived);
    connect(&service, &SegmentService::failed, this, [this](const QString &message) {
        m_busy->setVisible(false);
        m_status->setText(tr("Customer analysis could not be brought up to date: %1").arg(message));
    });
    m_snapshot = service.latest();
    m_pages->setCurrentRow(0);
    render();
}

AnalysisWidget::~AnalysisWidget()
{
    if (m_exporting.joinable())
        m_exporting.join(); // the file is written whole before the screen goes
}

void AnalysisWidget::snapshotArrived(std::shared_ptr<const SegmentSnapshot> snapshot)
{
    m_busy->setVisible(false);
    m_snapshot = std::move(snapshot);
    if (m_charts->currentIndex() == 1)
        m_session.segments().requestTrend(); // an import may have changed the past months
    render();
}

segments::Category AnalysisWidget::pageCategory() const
{
    return m_page == 0 ? segments::Category::Lifecycle : kCategories[m_page - 1];
}

void AnalysisWidget::showPage(int page)
{
    m_page = std::max(0, page);
    m_class = -1;
    render();
}

void AnalysisWidget::render()
{
    const bool ready = m_snapshot != nullptr;
    m_status->setText(ready ? tr("As of %1 · %2 members · updated after each sale")
                                  .arg(m_snapshot->asOf.toString(Qt::ISODate))
                                  .arg(m_snapshot->memberIds.size())
                            : tr("Customer analysis is being worked out…"));
    m_busy->setVisible(!ready || m_busy->isVisible());
    m_settings->setEnabled(m_session.op().isManager());
    m_settings->setToolTip(m_settings->isEnabled() ? QString() : tr("A manager changes how members are classed."));
    if (!ready) {
        m_current.clear();
        m_overview->setText(QString());
        m_classes->setRowCount(0);
        m_export->setEnabled(false);
        return;
    }
    m_overview->setVisible(m_page == 0);
    m_classes->setVisible(m_page > 0);
    if (m_page == 0) {
        renderOverview();
        m_current = classesOf(segments::Category::Lifecycle, m_snapshot->classes);
        renderChart(m_current, true);
    } else {
        const segments::Category category = kCategories[m_page - 1];
        m_current = classesOf(category, m_snapshot->classes);
        const std::size_t all = m_snapshot->memberIds.size();
        m_classes->blockSignals(true);
        m_classes->setRowCount(static_cast<int>(m_current.size()));
        for (int r = 0; r < static_cast<int>(m_current.size()); ++r) {
            const SegmentClass &s = m_current[static_cast<std::size_t>(r)];
            auto *label = new QTableWidgetItem(QString::fromUtf8(s.label));
            auto *count = new QTableWidgetItem(QString::number(s.members.size()));
            count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto *share = new QTableWidgetItem(percent(s.members.size(), all));
            share->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_classes->setItem(r, 0, label);
            m_classes->setItem(r, 1, count);
            m_classes->setItem(r, 2, share);
        }
        if (m_class >= 0 && m_class < m_classes->rowCount()) {
            m_classes->selectRow(m_class); // the class shown stays marked
        } else {
            m_classes->setCurrentCell(-1, -1); // a page opens with no class chosen, and shows none
            m_classes->clearSelection();
        }
        m_classes->blockSignals(false);
        renderChart(m_current, category == segments::Category::Lifecycle || category == segments::Category::Rfm);
    }
    if (m_charts->currentIndex() == 1)
        renderTrend();
    // The class shown stays shown after a refresh (its members as they are now).
    showClass(m_class);
}

void AnalysisWidget::renderOverview()
{
    const SegmentSnapshot &s = *m_snapshot;
    const Classes &c = s.classes;
    const auto life = classesOf(segments::Category::Lifecycle, c);
    const auto high = classesOf(segments::Category::HighValue, c);
    std::size_t highValue = 0;
    for (const SegmentClass &h : high)
        highValue += h.members.size();
    const std::size_t slipping = high[2].members.size() + high[3].members.size(); // 15天未购买, 30天未购买
    const std::size_t all = s.memberIds.size();
    const auto buyers = static_cast<std::size_t>(c.buyers);
    QStringList lines;
    lines << tr("<b>Members</b> %1 · <b>bought</b> %2 (%3)").arg(all).arg(buyers).arg(percent(buyers, all))
          << tr("<b>Active</b> (bought in the last %3 days) %1 (%2 of buyers)")
                 .arg(life[0].members.size())
                 .arg(percent(life[0].members.size(), buyers))
                 .arg(s.settings.activeDays)
          << tr("<b>High value</b> (the top %4 by net spend) %1 (from ¥%2) · <b>slipping</b> (no purchase in 15 "
                "days) %3")
                 .arg(highValue)
                 .arg(Money::fromFen(c.highValueCutFen).toString())
                 .arg(slipping)
                 .arg(QStringLiteral("%1%").arg(s.settings.highValuePermille / 10.0, 0, 'g', 4))
          << tr("<b>Lifecycle</b> %1").arg([&] {
                 QStringList parts;
                 for (const SegmentClass &l : life)
                     parts << QStringLiteral("%1 %2").arg(QString::fromUtf8(l.label)).arg(l.members.size());
                 return parts.join(QStringLiteral(" · "));
             }())
          << tr("<b>RFM means</b> %1 days since the last purchase · %2 orders · ¥%3 net spend")
                 .arg(c.meanD, 0, 'f', 1)
                 .arg(c.meanF, 0, 'f', 1)
                 .arg(c.meanM / 100.0, 0, 'f', 2);
    m_overview->setText(lines.join(QStringLiteral("<br><br>")));
}

void AnalysisWidget::renderChart(const std::vector<SegmentClass> &classes, bool pie)
{
    auto *chart = new QChart;
    chart->legend()->setVisible(pie);
    chart->legend()->setAlignment(Qt::AlignRight);
    QFont font = chart->font();
    font.setPointSize(11);
    if (pie) {
        auto *series = new QPieSeries;
        for (const SegmentClass &s : classes)
            if (!s.members.empty())
                series->append(QStringLiteral("%1 %2").arg(QString::fromUtf8(s.label)).arg(s.members.size()),
                               static_cast<qreal>(s.members.size()));
        connect(series, &QPieSeries::clicked, this, [this](QPieSlice *slice) {
            const auto label = slice->label().section(QLatin1Char(' '), 0, 0);
            for (int r = 0; r < static_cast<int>(m_current.size()); ++r)
                if (QString::fromUtf8(m_current[static_cast<std::size_t>(r)].label) == label)
                    m_page == 0 ? showClass(r) : m_classes->selectRow(r);
        });
        chart->addSeries(series);
    } else {
        auto *set = new QBarSet(tr("Members"));
        QStringList labels;
        qreal top = 0;
        for (const SegmentClass &s : classes) {
            *set << static_cast<qreal>(s.members.size());
            labels << QString::fromUtf8(s.label);
            top = std::max(top, static_cast<qreal>(s.members.size()));
        }
        auto *series = new QBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        connect(set, &QBarSet::clicked, this, [this](int index) { m_classes->selectRow(index); });
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(labels);
        x->setLabelsFont(font);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        auto *y = new QValueAxis;
        y->setRange(0, top > 0 ? top * 1.15 : 1);
        y->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    }
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void AnalysisWidget::renderTrend()
{
    auto *chart = new QChart;
    QFont font = chart->font();
    font.setPointSize(9);
    chart->legend()->setAlignment(Qt::AlignRight);
    if (m_trend && m_snapshot) {
        const segments::Category category = pageCategory();
        const auto k = static_cast<std::size_t>(category);
        // The past months' ends, then today: the classes the page shows (m_current) as they are now.
        const std::vector<ClassSizes> &months = m_trend->months;
        const std::size_t count = months.size() + 1;
        const auto sizeAt = [&](std::size_t p, std::size_t c) -> qreal {
            if (p == months.size())
                return static_cast<qreal>(m_current[c].members.size());
            const std::vector<std::uint32_t> &sizes = months[p].sizes[k];
            return c < sizes.size() ? static_cast<qreal>(sizes[c]) : 0;
        };
        QStringList labels;
        for (const ClassSizes &m : months)
            labels << m.asOf.toString(tr("MMM", "a month on the trend's axis"));
        labels << tr("Today");
        qreal top = 0;
        auto *x = new QBarCategoryAxis;
        x->append(labels);
        x->setLabelsFont(font);
        // The months say only their names (a year of them fits no other way); the years are here.
        x->setTitleText(tr("%1 to %2, each month's last day")
                            .arg((months.empty() ? m_snapshot->asOf : months.front().asOf)
                                     .toString(tr("MMMM yyyy", "the trend's first month")),
                                 m_snapshot->asOf.toString(Qt::ISODate)));
        x->setTitleFont(font);
        chart->addAxis(x, Qt::AlignBottom);
        auto *y = new QValueAxis;
        y->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(y, Qt::AlignLeft);
        for (std::size_t c = 0; c < m_current.size(); ++c) {
            auto *series = new QLineSeries;
            series->setName(QString::fromUtf8(m_current[c].label));
            series->setPointsVisible(true);
            for (std::size_t p = 0; p < count; ++p) {
                const qreal n = sizeAt(p, c);
                series->append(static_cast<qreal>(p), n);
                top = std::max(top, n);
            }
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
            // A line clicked lists that class's members, as a bar or a slice does.
            connect(series, &QLineSeries::clicked, this, [this, c] {
                m_page == 0 ? showClass(static_cast<int>(c)) : m_classes->selectRow(static_cast<int>(c));
            });
        }
        // Whole members on every tick: a small shop's lines move by ones.
        const int high = std::max(1, static_cast<int>(std::ceil(top * 1.1)));
        y->setRange(0, high);
        if (high <= 10)
            y->setTickCount(high + 1);
        else
            y->applyNiceNumbers();
        chart->setTitle(tr("%1 · members in each class, month by month")
                            .arg(m_page == 0 ? tr("Lifecycle") : QString::fromUtf8(categoryLabel(category))));
    }
    QChart *old = m_trendChart->chart();
    m_trendChart->setChart(chart);
    delete old;
}

void AnalysisWidget::showClass(int row)
{
    m_class = row;
    if (!m_snapshot || row < 0 || row >= static_cast<int>(m_current.size())) {
        m_model->showMembers({});
        m_listTitle->setText(m_snapshot ? tr("Click a class to list its members.") : QString());
        m_export->setEnabled(false);
        return;
    }
    const SegmentClass &s = m_current[static_cast<std::size_t>(row)];
    std::vector<qint64> ids;
    ids.reserve(s.members.size());
    // Newest members first, as the member screen lists them.
    for (auto it = s.members.rbegin(); it != s.members.rend(); ++it)
        ids.push_back(m_snapshot->memberIds[*it]);
    m_model->setFullPhones(m_session.op().isManager());
    m_model->showMembers(std::move(ids));
    const QString category = m_page == 0 ? tr("Lifecycle") : QString::fromUtf8(categoryLabel(kCategories[m_page - 1]));
    m_listTitle->setText(tr("%1 · %2: %3 members").arg(category, QString::fromUtf8(s.label)).arg(s.members.size()));
    m_export->setEnabled(m_session.op().isManager() && !s.members.empty() && !m_exporting.joinable());
}

void AnalysisWidget::openSelected()
{
    const QModelIndex index = m_members->currentIndex();
    if (!index.isValid())
        return;
    MemberDetailDialog d(m_session, m_model->memberIdAt(index.row()), this);
    execDialog(d);
}

void AnalysisWidget::exportClass(const QString &path)
{
    if (!m_snapshot || m_class < 0 || m_class >= static_cast<int>(m_current.size()))
        return;
    if (m_exporting.joinable())
        m_exporting.join();
    m_export->setEnabled(false);
    m_status->setText(tr("Exporting…"));
    // The snapshot and the class's members are the thread's own copies: the screen may move on.
    auto snapshot = m_snapshot;
    std::vector<std::uint32_t> members = m_current[static_cast<std::size_t>(m_class)].members;
    const QString db = m_session.ctx().db().path();
    QPointer<AnalysisWidget> self(this);
    m_exporting = std::thread([self, snapshot, members = std::move(members), db, path] {
        auto written = exportClassCsv(db, *snapshot, members, path, [self](int done) {
            QMetaObject::invokeMethod(
                self, [self, done] {
                    if (self)
                        self->m_status->setText(tr("Exporting… %1%").arg(done));
                },
                Qt::QueuedConnection);
        });
        const QString message = written ? tr("%1 members exported to %2.").arg(*written).arg(path)
                                        : written.error().message;
        QMetaObject::invokeMethod(
            self, [self, message] {
                if (self)
                    Q_EMIT self->exported(message);
            },
            Qt::QueuedConnection);
    });
}

} // namespace huike::ui
