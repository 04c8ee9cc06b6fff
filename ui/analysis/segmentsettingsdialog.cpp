#include "segmentsettingsdialog.h"

#include "common/appsession.h"
#include "core/money.h"
#include "segments/segmentsettings.h"
#include "segments/service.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace huike::ui {

using segments::SegmentSettings;

SegmentSettingsDialog::SegmentSettingsDialog(AppSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_share(new QDoubleSpinBox), m_basis(new QComboBox),
      m_nearDays(new QSpinBox), m_highOrders(new QSpinBox), m_highSpend(new QLineEdit), m_active(new QSpinBox),
      m_silent(new QSpinBox), m_sleeping(new QSpinBox), m_message(new QLabel)
{
    setObjectName(QStringLiteral("segmentSettings"));
    setWindowTitle(tr("Customer analysis settings"));
    auto *layout = new QVBoxLayout(this);

    auto *high = new QGroupBox(tr("High-value customers"));
    auto *highForm = new QFormLayout(high);
    m_share->setRange(0.1, 100);
    m_share->setDecimals(1);
    m_share->setSuffix(QStringLiteral(" %"));
    highForm->addRow(tr("The top share of buyers by net spend"), m_share);
    layout->addWidget(high);

    auto *rfm = new QGroupBox(tr("RFM classes"));
    auto *rfmForm = new QFormLayout(rfm);
    m_basis->addItem(tr("the means of the values (days, orders, net spend)"),
                     static_cast<int>(SegmentSettings::RfmBasis::MeanOfValues));
    m_basis->addItem(tr("the means of the 1-5 scores"), static_cast<int>(SegmentSettings::RfmBasis::MeanOfScores));
    m_basis->addItem(tr("fixed thresholds"), static_cast<int>(SegmentSettings::RfmBasis::Fixed));
    rfmForm->addRow(tr("Near and high are judged against"), m_basis);
    m_nearDays->setRange(0, 3650);
    m_nearDays->setSuffix(tr(" days"));
    rfmForm->addRow(tr("Recent: last purchase within"), m_nearDays);
    m_highOrders->setRange(1, 100000);
    m_highOrders->setSuffix(tr(" orders"));
    rfmForm->addRow(tr("Frequent: at least"), m_highOrders);
    rfmForm->addRow(tr("Big spender: net spend of at least ¥"), m_highSpend);
    layout->addWidget(rfm);

    auto *life = new QGroupBox(tr("Lifecycle (days since the last purchase)"));
    auto *lifeForm = new QFormLayout(life);
    for (QSpinBox *s : {m_active, m_silent, m_sleeping}) {
        s->setRange(1, 3650);
        s->setSuffix(tr(" days"));
    }
    lifeForm->addRow(tr("活跃 up to"), m_active);
    lifeForm->addRow(tr("沉默 up to"), m_silent);
    lifeForm->addRow(tr("睡眠 up to (beyond: 流失)"), m_sleeping);
    layout->addWidget(life);

    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("segmentSettingsMessage"));
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    auto *defaults = buttons->addButton(tr("Defaults"), QDialogButtonBox::ResetRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(defaults, &QPushButton::clicked, this, [this] { load(SegmentSettings{}); });
    connect(m_basis, &QComboBox::currentIndexChanged, this, &SegmentSettingsDialog::basisChanged);

    auto now = segments::loadSegmentSettings(session.ctx().db());
    load(now ? *now : SegmentSettings{});
}

void SegmentSettingsDialog::load(const SegmentSettings &s)
{
    m_share->setValue(s.highValuePermille / 10.0);
    m_basis->setCurrentIndex(m_basis->findData(static_cast<int>(s.rfmBasis)));
    m_nearDays->setValue(s.fixedNearDays);
    m_highOrders->setValue(s.fixedHighOrders);
    m_highSpend->setText(Money::fromFen(s.fixedHighSpendFen).toString());
    m_active->setValue(s.activeDays);
    m_silent->setValue(s.silentDays);
    m_sleeping->setValue(s.sleepingDays);
    basisChanged();
}

void SegmentSettingsDialog::basisChanged()
{
    const bool fixed = m_basis->currentData().toInt() == static_cast<int>(SegmentSettings::RfmBasis::Fixed);
    m_nearDays->setEnabled(fixed);
    m_highOrders->setEnabled(fixed);
    m_highSpend->setEnabled(fixed);
}

bool SegmentSettingsDialog::save()
{
    SegmentSettings s;
    s.highValuePermille = static_cast<int>(qRound(m_share->value() * 10));
    s.rfmBasis = static_cast<SegmentSettings::RfmBasis>(m_basis->currentData().toInt());
    s.fixedNearDays = m_nearDays->value();
    s.fixedHighOrders = m_highOrders->value();
    const auto spend = Money::parse(m_highSpend->text());
    if (!spend || spend->isNegative()) {
        m_message->setText(tr("The big spender's net spend is an amount in yuan, such as 500."));
        return false;
    }
    s.fixedHighSpendFen = spend->fen();
    s.activeDays = m_active->value();
    s.silentDays = m_silent->value();
    s.sleepingDays = m_sleeping->value();
    if (auto st = segments::saveSegmentSettings(m_session.ctx().db(), s, m_session.op().id,
                                                m_session.ctx().clock().nowMs());
        !st) {
        m_message->setText(st.error().message);
        return false;
    }
    m_session.segments().refresh(); // everyone classed again under them, at once
    return true;
}

} // namespace huike::ui
