#pragma once

#include <QString>
#include <QtGlobal>

namespace huike::segments {
struct SegmentSnapshot;
}

namespace huike::ui {

// A member's 会员分析 classes in one paragraph (rich text), from a snapshot: for 会员详情 and the
// incoming call's card. "Being worked out" while the snapshot has not the member yet.
QString memberAnalysisText(const segments::SegmentSnapshot *snapshot, qint64 memberId);

} // namespace huike::ui
