#pragma once

// 成长值 from RFM (LevelRules::rfm, the 云扶客 way). At the end of each period (a month or a
// quarter) every member who had bought by then is scored as 会员分析 scores them on the period's
// last day (R, F and M 1-5, segments/classify.h), and their growth value changes by
// weight x (score - 3) summed over R, F and M: it can fall, never below 0. Their level follows it
// up or down. Each change is a growth_ledger row of kind 'rfm' whose reason says the scores and
// the period ("RFM 5/4/3 · 2026-11"), and each level move a level_changes row of cause 'rfm'.
//
// A period is applied once (rfm_growth_runs), in chunks of members each its own transaction, so
// the tills wait a chunk at most; a run cut off halfway is finished by the next one without
// changing any member twice (a member's row names the period). Periods that ended before the
// shop turned it on are never applied after the fact.

#include "core/result.h"
#include "members/levels.h"

#include <QDate>
#include <QList>
#include <functional>

namespace huike {

class Database;
class ShopTime;
struct LedgerContext;

// The last day of the latest period of this kind that ended before `today`.
QDate lastPeriodEnd(RfmGrowth::Period period, const QDate &today);

// The period ends due, oldest first: ended after growth from RFM was turned on, before today,
// and not applied yet (or applied halfway). Empty when it is off.
Result<QList<QDate>> rfmPeriodsDue(Database &db, const ShopTime &time, qint64 nowMs);

struct RfmGrowthRun {
    QDate periodEnd;
    int scored = 0;       // members with scores: those who had bought by the period's end
    int raised = 0;       // of them, whose growth rose
    int lowered = 0;      // and fell
    int levelChanges = 0; // members whose level moved with it
};

// One period's end, with ctx.nowMs as the rows' time. `progress` hears (members done, of all
// scored) after each chunk.
Result<RfmGrowthRun> applyRfmGrowth(Database &db, const LedgerContext &ctx, const QDate &periodEnd,
                                    const std::function<void(int, int)> &progress = {});

// Every period due (the program's segment thread, now and then; `huike-cli member levels`).
Result<QList<RfmGrowthRun>> applyDueRfmGrowth(Database &db, const LedgerContext &ctx);

} // namespace huike
