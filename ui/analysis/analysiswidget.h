#pragma once

#include "segments/categories.h"
#include "segments/service.h"

#include <QWidget>
#include <memory>
#include <thread>
#include <vector>

class QChartView;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace huike::ui {

class AppSession;
class MemberListModel;

// 会员分析 (Ctrl+4): who the shop's customers are. On the left the overview and the eight
// categories (最近, 频次, 金额, 周期, 时段, 高价值, RFM, 生命周期); for a category, the size of each
// class as a table and a chart (Qt Charts); a class clicked in either lists its members (the
// member screen's model, opened in 会员详情 with Enter) and a manager exports them to CSV; beside
// the chart, each class's size at the end of each of the last twelve months. Every
// number comes from the SegmentService's latest snapshot and follows each sale without a
// restart; the work runs on the service's thread, the screen only shows that it is busy.
class AnalysisWidget : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisWidget(AppSession &session, QWidget *parent = nullptr);
    ~AnalysisWidget() override;

    // 0: the overview; 1..8: kCategories.
    void showPage(int page);
    void showClass(int row);
    // 导出 CSV (managers): the class shown, to `path`, off the GUI thread.
    void exportClass(const QString &path);

    QListWidget *pages() const { return m_pages; }
    QTableWidget *classTable() const { return m_classes; }
    QChartView *chart() const { return m_chart; }
    // 分布 (the classes now) and 近12个月 (the trend), over the chart.
    QTabWidget *chartTabs() const { return m_charts; }
    QChartView *trendChart() const { return m_trendChart; }
    QProgressBar *trendProgress() const { return m_trendBusy; }
    QLabel *overview() const { return m_overview; }
    QLabel *status() const { return m_status; }
    MemberListModel &members() { return *m_model; }
    QTableView *memberTable() const { return m_members; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *settingsButton() const { return m_settings; }

Q_SIGNALS:
    void exported(const QString &message);

private:
    void snapshotArrived(std::shared_ptr<const segments::SegmentSnapshot> snapshot);
    void render();
    void renderOverview();
    void renderChart(const std::vector<segments::SegmentClass> &classes, bool pie);
    void renderTrend();
    segments::Category pageCategory() const; // the overview charts the lifecycle
    void openSelected();

    AppSession &m_session;
    std::shared_ptr<const segments::SegmentSnapshot> m_snapshot;
    std::vector<segments::SegmentClass> m_current; // the classes of the page shown
    int m_page = 0;
    int m_class = -1;
    QListWidget *m_pages;
    QLabel *m_overview;
    QTableWidget *m_classes;
    QChartView *m_chart;
    QTabWidget *m_charts;
    QChartView *m_trendChart;
    QProgressBar *m_trendBusy;
    std::shared_ptr<const segments::SegmentTrend> m_trend;
    QLabel *m_listTitle;
    QTableView *m_members;
    std::unique_ptr<MemberListModel> m_model;
    QPushButton *m_export;
    QLabel *m_status;
    QProgressBar *m_busy;
    QPushButton *m_settings; // 分析设置 (managers)
    std::thread m_exporting;
};

} // namespace huike::ui
