#pragma once

#include "segments/classify.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace huike::ui {

class AppSession;

// 分析设置 (managers, from 会员分析): how the shop's members are classed. The high-value share, what
// R, F and M are called near or high against for the eight RFM classes (the means of the values,
// the means of the 1-5 scores, or fixed thresholds the shop chooses), and where the lifecycle
// stages begin. Saved for every till (segments/segmentsettings.h); the screens class everyone
// again at once and the 12-month trend is counted again under them.
class SegmentSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SegmentSettingsDialog(AppSession &session, QWidget *parent = nullptr);

    // Checks and saves what the form says; false (and the reason shown) when refused.
    bool save();

    QDoubleSpinBox *highValueShare() const { return m_share; }
    QComboBox *basis() const { return m_basis; }
    QSpinBox *activeDays() const { return m_active; }
    QSpinBox *silentDays() const { return m_silent; }
    QSpinBox *sleepingDays() const { return m_sleeping; }
    QLabel *message() const { return m_message; }

private:
    void load(const segments::SegmentSettings &s);
    void basisChanged();

    AppSession &m_session;
    QDoubleSpinBox *m_share;
    QComboBox *m_basis;
    QSpinBox *m_nearDays, *m_highOrders;
    QLineEdit *m_highSpend;
    QSpinBox *m_active, *m_silent, *m_sleeping;
    QLabel *m_message;
};

} // namespace huike::ui
