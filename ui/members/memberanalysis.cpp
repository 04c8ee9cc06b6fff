#include "memberanalysis.h"

#include "core/money.h"
#include "segments/aggregates.h"
#include "segments/classify.h"
#include "segments/service.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>

namespace huike::ui {

QString memberAnalysisText(const segments::SegmentSnapshot *snapshot, qint64 memberId)
{
    using namespace segments;
    const std::ptrdiff_t at = snapshot ? snapshot->indexOf(memberId) : -1;
    if (at < 0)
        return QCoreApplication::translate("MemberAnalysis", "<b>Customer analysis</b> being worked out…");
    const auto i = static_cast<std::size_t>(at);
    const Classes &c = snapshot->classes;
    const MemberAggregate &m = snapshot->aggregates[i];
    const QString asOf = snapshot->asOf.toString(Qt::ISODate);
    if (!m.bought()) {
        return QCoreApplication::translate("MemberAnalysis", "<b>Customer analysis</b> (as of %1) no purchase yet · %2")
            .arg(asOf, QString::fromUtf8(lifecycleLabel(c.lifecycle[i])));
    }
    // The labels are the definitions' own words (classify.h), as the 会员分析 screens show them.
    auto label = [](const char *text) { return QString::fromUtf8(text); };
    QStringList in;
    QStringList recency;
    for (const char *r : recencyLabels(c.recency[i]))
        recency << label(r);
    in << recency.join(QStringLiteral("、")) << label(frequencyLabel(c.frequency[i]))
       << label(monetaryLabel(c.monetary[i]));
    if (c.weekday[i] >= 0)
        in << QCoreApplication::translate("MemberAnalysis", "weekday habit %1").arg(label(weekdayLabel(c.weekday[i])));
    if (c.slot[i] >= 0)
        in << QCoreApplication::translate("MemberAnalysis", "time-of-day habit %1").arg(label(slotLabel(c.slot[i])));
    if (c.highValue[i] != HighValue::No)
        in << QCoreApplication::translate("MemberAnalysis", "high value (%1)").arg(label(highValueLabel(c.highValue[i])));
    in << QCoreApplication::translate("MemberAnalysis", "RFM %1-%2-%3 %4").arg(c.rScore[i]).arg(c.fScore[i]).arg(c.mScore[i]).arg(label(rfmLabel(c.rfm[i])))
       << label(lifecycleLabel(c.lifecycle[i]));
    const QDate last = QDate(1970, 1, 1).addDays(m.lastDay);
    return QCoreApplication::translate("MemberAnalysis", "<b>Customer analysis</b> (as of %1) %2<br>%3 orders, net spend %4, last purchase %5 (%6 days ago)")
        .arg(asOf, in.join(QStringLiteral(" · ")).toHtmlEscaped())
        .arg(m.orders)
        .arg(Money::fromFen(m.spendFen).display(), last.toString(Qt::ISODate))
        .arg(daysSince(m, dayNumber(snapshot->asOf)));
}

} // namespace huike::ui
