#pragma once

// A 会员分析 class to a CSV file for Excel (the screens' 导出): one row per member, the member as
// registered or imported (phone, else card or code), the name, and every class, as of the
// snapshot. Written on the caller's thread from a read connection of its own, so a screen runs it
// off the GUI thread; the file appears whole or not at all.

#include "core/result.h"

#include <QString>
#include <cstdint>
#include <functional>
#include <vector>

namespace huike::segments {

struct SegmentSnapshot;

// The header: member,name,orders,spend,... (segmentColumns()).
// `members`: indices into the snapshot, ascending. `progress` (percent done) is called now and then.
// Returns the rows written.
Result<std::int64_t> exportClassCsv(const QString &databasePath, const SegmentSnapshot &snapshot,
                                    const std::vector<std::uint32_t> &members, const QString &file,
                                    const std::function<void(int percent)> &progress = {});

} // namespace huike::segments
