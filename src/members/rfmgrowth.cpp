#include "rfmgrowth.h"

#include "earnings.h"

#include "core/clock.h"
#include "segments/aggregates.h"
#include "segments/classify.h"
#include "store/database.h"
#include "store/statement.h"

#include <QDateTime>
#include <algorithm>
#include <vector>

namespace huike {

namespace {

constexpr int kChunk = 500;      // members a transaction
constexpr int kMostPeriods = 24; // looked back at most: two years of months

// A period's name in its members' reasons: 2026-11, or 2026-Q4.
QString periodName(RfmGrowth::Period period, const QDate &end)
{
    return period == RfmGrowth::Period::Quarter ? QStringLiteral("%1-Q%2").arg(end.year()).arg((end.month() + 2) / 3)
                                                : end.toString(QStringLiteral("yyyy-MM"));
}

// The uuid of a member's row for a period is this and the member's id: the same on every
// attempt, so a row already written is found, never written twice.
QString rowPrefix(const QDate &periodEnd)
{
    return QStringLiteral("rfm:%1:").arg(periodEnd.toString(Qt::ISODate));
}

} // namespace

QDate lastPeriodEnd(RfmGrowth::Period period, const QDate &today)
{
    const int monthsBack = period == RfmGrowth::Period::Quarter ? (today.month() - 1) % 3 : 0;
    return QDate(today.year(), today.month(), 1).addMonths(-monthsBack).addDays(-1);
}

Result<QList<QDate>> rfmPeriodsDue(Database &db, const ShopTime &time, qint64 nowMs)
{
    auto rules = loadLevelRules(db);
    if (!rules)
        return rules.error();
    QList<QDate> due;
    if (!rules->rfm.on())
        return due;
    const int step = rules->rfm.period == RfmGrowth::Period::Quarter ? 3 : 1;
    Statement &done = db.statement(
        QStringLiteral("SELECT 1 FROM rfm_growth_runs WHERE period_end = ? AND finished_at_ms IS NOT NULL"));
    QDate end = lastPeriodEnd(rules->rfm.period, time.localDate(nowMs));
    for (int i = 0; i < kMostPeriods; ++i) {
        // A period counts when it ended after the shop turned growth from RFM on.
        if (time.toUtcMs(QDateTime(end.addDays(1), QTime(0, 0))) <= rules->rfm.sinceMs)
            break;
        auto applied = done.select({end.toString(Qt::ISODate)});
        if (!applied)
            return applied.error();
        if (applied->isEmpty())
            due.prepend(end);
        end = QDate(end.year(), end.month(), 1).addMonths(-(step - 1)).addDays(-1);
    }
    return due;
}

Result<RfmGrowthRun> applyRfmGrowth(Database &db, const LedgerContext &ctx, const QDate &periodEnd,
                                    const std::function<void(int, int)> &progress)
{
    if (!ctx.time)
        return makeError(ErrorCode::Invalid, QStringLiteral("applyRfmGrowth needs the shop's calendar"));
    auto rules = loadLevelRules(db);
    if (!rules)
        return rules.error();
    // The scores as 会员分析 gives them on the period's last day, from the raw sales as they
    // stood then: the same on every attempt.
    auto byId = segments::rebuildAggregates(db, *ctx.time, periodEnd);
    if (!byId)
        return byId.error();
    const segments::Classes scores = segments::classify(*byId, segments::dayNumber(periodEnd));
    std::vector<qint64> members; // who had bought, in id order
    for (std::size_t id = 0; id < scores.rScore.size(); ++id)
        if (scores.rScore[id] > 0)
            members.push_back(static_cast<qint64>(id));
    std::vector<segments::MemberAggregate>().swap(*byId);

    const QString day = periodEnd.toString(Qt::ISODate);
    const QString name = periodName(rules->rfm.period, periodEnd);
    const QString prefix = rowPrefix(periodEnd);
    if (auto st = db.exec(QStringLiteral("INSERT INTO rfm_growth_runs(period_end, started_at_ms) VALUES (?, ?) "
                                         "ON CONFLICT(period_end) DO NOTHING"),
                          {day, ctx.nowMs});
        !st)
        return st.error();
    const int total = static_cast<int>(members.size());
    for (int start = 0; start < total; start += kChunk) {
        WriteTransaction tx(db);
        if (!tx.began())
            return tx.beginError();
        Statement &written = db.statement(QStringLiteral("SELECT 1 FROM growth_ledger WHERE uuid = ?"));
        Statement &member = db.statement(QStringLiteral("SELECT growth, level_id, level_base_growth, net_spend_fen, "
                                                        "level_base_spend_fen FROM members WHERE id = ?"));
        Statement &row = db.statement(QStringLiteral(
            "INSERT INTO growth_ledger(uuid, store_id, member_id, kind, growth, spend_fen, reason, created_at_ms) "
            "VALUES (?, ?, ?, 'rfm', ?, 0, ?, ?)"));
        Statement &grow = db.statement(QStringLiteral("UPDATE members SET growth = growth + ? WHERE id = ?"));
        int raised = 0, lowered = 0, moved = 0;
        for (int i = start; i < std::min(total, start + kChunk); ++i) {
            const qint64 id = members[static_cast<std::size_t>(i)];
            const auto k = static_cast<std::size_t>(id);
            const int r = scores.rScore[k], f = scores.fScore[k], m = scores.mScore[k];
            const qint64 change = rules->rfm.change(r, f, m);
            if (change == 0)
                continue;
            const QString uuid = prefix + QString::number(id);
            auto seen = written.select({uuid});
            if (!seen)
                return seen.error();
            if (!seen->isEmpty())
                continue; // applied by an earlier attempt
            auto now = member.select({id});
            if (!now)
                return now.error();
            if (now->isEmpty())
                continue; // history of a member since gone: no one to change
            const QVariantList &v = now->first();
            const qint64 growth = v.at(0).toLongLong(), levelId = v.at(1).toLongLong();
            const qint64 applied = std::max(change, -growth); // growth never falls below 0
            if (applied == 0)
                continue;
            if (auto st = row.exec({uuid, idOrNull(ctx.storeId), id, applied,
                                    QStringLiteral("RFM %1/%2/%3 · %4").arg(r).arg(f).arg(m).arg(name), ctx.nowMs});
                !st)
                return st.error();
            if (auto st = grow.exec({applied, id}); !st)
                return st.error();
            (applied > 0 ? raised : lowered) += 1;
            // The level follows the growth that counts towards levels (members/levels.h).
            const qint64 counts = std::max<qint64>(0, growth + applied - v.at(2).toLongLong());
            const MemberLevel &level =
                rules->qualifyingLevel(counts, Money::fromFen(v.at(3).toLongLong() - v.at(4).toLongLong()));
            if (level.id != levelId) {
                LedgerContext at = ctx;
                at.documentId = 0;
                if (auto st = changeLevel(db, at, *rules, id, levelId, level.id, QStringLiteral("rfm")); !st)
                    return st.error();
                ++moved;
            }
        }
        // The run's tally moves with its members, in the same transaction: right after a restart too.
        if (auto st = db.exec(QStringLiteral("UPDATE rfm_growth_runs SET raised = raised + ?, lowered = lowered + ?, "
                                             "level_changes = level_changes + ? WHERE period_end = ?"),
                              {raised, lowered, moved, day});
            !st)
            return st.error();
        if (auto st = tx.commit(); !st)
            return st.error();
        if (progress)
            progress(std::min(total, start + kChunk), total);
    }
    if (auto st = db.exec(QStringLiteral("UPDATE rfm_growth_runs SET finished_at_ms = ?, scored = ? WHERE period_end = ?"),
                          {ctx.nowMs, total, day});
        !st)
        return st.error();
    auto tally = db.statement(QStringLiteral("SELECT scored, raised, lowered, level_changes FROM rfm_growth_runs WHERE "
                                             "period_end = ?"))
                     .select({day});
    if (!tally)
        return tally.error();
    const QVariantList &t = tally->first();
    return RfmGrowthRun{periodEnd, t.at(0).toInt(), t.at(1).toInt(), t.at(2).toInt(), t.at(3).toInt()};
}

Result<QList<RfmGrowthRun>> applyDueRfmGrowth(Database &db, const LedgerContext &ctx)
{
    if (!ctx.time)
        return makeError(ErrorCode::Invalid, QStringLiteral("applyDueRfmGrowth needs the shop's calendar"));
    auto due = rfmPeriodsDue(db, *ctx.time, ctx.nowMs);
    if (!due)
        return due.error();
    QList<RfmGrowthRun> runs;
    for (const QDate &end : *due) {
        auto run = applyRfmGrowth(db, ctx, end);
        if (!run)
            return run.error();
        runs.append(*run);
    }
    return runs;
}

} // namespace huike
