#pragma once

#include "core/money.h"
#include "core/result.h"

#include <QList>
#include <QString>
#include <optional>

namespace huike {

class Database;
class ShopTime;
struct LedgerContext;

// A member level (普通会员, 银卡, 金卡): what it takes to reach it and what it gives.
struct MemberLevel {
    qint64 id = 0;
    QString name;
    int rank = 0;               // higher is better; the lowest is where every member starts
    qint64 growthThreshold = 0; // 成长值 needed, when levels are reached by growth value
    Money spendThreshold;       // cumulative net spend needed, when they are reached by spend
    qint64 discountPermille = 1000; // the level price: 950 = 95折
    qint64 pointsPermille = 1000;   // points earned at this level, per mille of the base rate
    bool active = true;
    // 等级有效期: held this many days from when it is reached, then kept only if what the member
    // earned in those days still reaches it (reassessLevels). 0: held for good. Never on the lowest.
    int validityDays = 0;
};

// How members move up: by growth value (its own ledger, never spent by redeeming points) or by
// what they have spent, net of refunds.
enum class UpgradeBy { Growth, Spend };

// 成长值 from RFM (the 云扶客 way): at the end of each period, every member who had bought by
// then gains or loses growth value by their R, F and M scores (1-5, 会员分析's definitions as of
// the period's last day): weight x (score - 3) for each, summed, so a 3/3/3 member stays put, a
// 5/5/5 one rises and a 1/1/1 one falls (never below 0). Levels follow, up or down
// (members/rfmgrowth.h). Growth from sales goes on as growthPerYuan says (0: RFM alone).
struct RfmGrowth {
    enum class Period { Off, Month, Quarter } period = Period::Off;
    int weightR = 20; // growth value per score point above or below 3
    int weightF = 30;
    int weightM = 50;
    qint64 sinceMs = 0; // when it was turned on: the first period applied is the first to end after

    bool on() const { return period != Period::Off; }
    // The growth a member's scores give at a period's end.
    qint64 change(int r, int f, int m) const
    {
        return static_cast<qint64>(weightR) * (r - 3) + static_cast<qint64>(weightF) * (f - 3) +
               static_cast<qint64>(weightM) * (m - 3);
    }
};

// The programme's level rules as the shop set them (Settings keys below, levels in member_levels).
struct LevelRules {
    QList<MemberLevel> levels; // active ones, lowest rank first; never empty once loaded
    UpgradeBy upgradeBy = UpgradeBy::Growth;
    qint64 growthPerYuan = 1; // growth value per whole yuan of the earning base
    RfmGrowth rfm;

    const MemberLevel *byId(qint64 id) const;
    // The highest level that `growth` / `spend` qualify for under upgradeBy.
    const MemberLevel &qualifyingLevel(qint64 growth, Money spend) const;
    // Growth a receipt's earning base gives: whole yuan only, floored per receipt (¥57.80 gives 57).
    qint64 growthFor(Money earningBase) const;

    static inline const QString kUpgradeBy = QStringLiteral("members.upgrade_by");        // "growth" | "spend"
    static inline const QString kGrowthPerYuan = QStringLiteral("members.growth_per_yuan"); // 1
    static inline const QString kRfmPeriod = QStringLiteral("members.rfm_growth");          // off | month | quarter
    static inline const QString kRfmWeights = QStringLiteral("members.rfm_growth_weights"); // "20,30,50": R,F,M
    static inline const QString kRfmSince = QStringLiteral("members.rfm_growth_since_ms");
};

// Inside or outside a transaction: the rules as stored. Fails only on a storage error, or when the
// shop has no active level (the migration makes three; the settings screen keeps one).
Result<LevelRules> loadLevelRules(Database &db);

// The manager's edit in Settings: `rules.levels` lowest first (their ranks are their order), each
// new one with id 0; an active level left out is retired, refused while members hold it. The
// lowest needs nothing (every member starts there) and each next level more than the one below
// on the rule members move up by. Audited, in a transaction of its own. Members keep their level
// until their next sale or refund moves them.
// A level given a validity starts its holders' first period now (`time`: the shop's calendar);
// one made valid for good clears theirs.
Status saveLevelRules(Database &db, const LevelRules &rules, qint64 operatorId, qint64 nowMs, const ShopTime &time);

// When a level reached at `nowMs` with `validityDays` lapses: the start of the shop's day after
// the last valid one (reached 2026-12-07 for 365 days: valid through 2027-12-07). 0 when the
// level is held for good.
qint64 levelExpiryMs(const ShopTime &time, qint64 nowMs, int validityDays);

// Inside the caller's transaction: the member moves from level `from` to `to` for `cause`
// (upgrade, refund, manual, import, expire, renew), a level_changes row with the document of
// `ctx`, and the new level's validity starts now (or ends at `expiresMs` when given: 0 for good).
// The row keeps what the level was valid until before.
Status changeLevel(Database &db, const LedgerContext &ctx, const LevelRules &rules, qint64 memberId, qint64 from,
                   qint64 to, const QString &cause, std::optional<qint64> expiresMs = std::nullopt);

// 等级到期: every member whose level lapsed by ctx.nowMs is assessed on what they earned while
// they held it — the growth (or net spend, as the programme upgrades by) from when they reached
// or renewed it (that sale itself not counted) to when it lapsed. Still reaching their level: it
// is renewed for another period ('renew'). Short of it: down to the level that period reaches
// ('expire'), and from then on only what they earned from the period's start counts towards
// levels (the cumulative totals stay as their ledgers say). A shop closed for longer than a
// period is assessed period by period. Written in chunks of 500 members, each its own transaction; at
// most `maxMembers` (0: all) are assessed, `more` saying others are due. Run by the till at start
// and every few minutes (AppSession), and by `huike-cli member levels`.
struct LevelAssessment {
    int assessed = 0; // members whose lapsed level was assessed
    int changed = 0;  // of them, how many changed level
    bool more = false;
};
Result<LevelAssessment> reassessLevels(Database &db, const LedgerContext &ctx, int maxMembers = 0);

} // namespace huike
