#pragma once

#include "classify.h"
#include "core/result.h"

#include <QDate>
#include <cstdint>
#include <limits>
#include <vector>

class QTimeZone;

namespace huike {

class Database;
class RowScan;
class ShopTime;

namespace segments {

// The local calendar day of `date` as the aggregates count days (days since 1970-01-01).
int dayNumber(const QDate &date);

// The shop's local day, weekday and hour of an instant. The zone's offset is looked up once per
// stretch between two of its transitions (for Asia/Shanghai: one stretch since 1991), not once
// per sale: converting ten million instants through QTimeZone one by one takes seconds, and a
// scan in member order jumps back and forth in time.
class LocalClock {
public:
    explicit LocalClock(const ShopTime &time);

    struct Split {
        int day = 0;     // local days since 1970-01-01
        int weekday = 0; // 0 = Monday
        int hour = 0;
    };
    Split split(std::int64_t utcMs);

private:
    struct Stretch {
        std::int64_t from, to, offsetMs; // [from, to) in UTC ms
    };
    std::int64_t offsetAt(std::int64_t utcMs);

    const QTimeZone &m_zone;
    std::vector<Stretch> m_stretches; // sorted, disjoint
    std::size_t m_last = 0;
};

// What a row of the sales table undoes, read from its kind and original_sale_id columns: 0 for a
// sale, the receipt a refund or void takes back, or -1 when that receipt is not recorded.
std::int64_t undoneReceipt(const RowScan &row, int kindColumn, int originalColumn);

// One more order placed at that local time: counted, dated, and in its weekday and slot. (Its
// money is the caller's to add: a receipt's net spend counts even when it is no order.)
void addOrder(MemberAggregate &m, const LocalClock::Split &at);

// Sales and history rows counted up to, and not including, `endMs` (UTC); with the marks, only
// sales whose id is at most the mark and history of imports finished up to the mark's sequence
// number (what an engine has folded so far). History of an import still running never counts.
struct Cutoff {
    std::int64_t endMs = std::numeric_limits<std::int64_t>::max();
    std::int64_t maxSaleId = std::numeric_limits<std::int64_t>::max();
    std::int64_t maxImportSeq = std::numeric_limits<std::int64_t>::max();
};

// One receipt imported from another system (history_sales): already net of its refund lines, so
// a total above zero is an order and any other only money.
void addHistory(MemberAggregate &m, std::int64_t totalFen, const LocalClock::Split &at);

// Every member's aggregate rebuilt from the raw sales in the store: sales with a member are
// orders; refunds and voids lower the spend of the receipt they undo, and a receipt undone whole
// (nothing of it left) is no order. Indexed by member id (ids with no member stay empty).
// Recharges are not sales. One pass over the sales in member order on the covering index
// sales_member, each member's receipts and their refunds side by side; then one over the
// imported history on history_sales_member.
Result<std::vector<MemberAggregate>> rebuildAggregates(Database &db, const ShopTime &time,
                                                       const Cutoff &cutoff);
// The same, counting what happened on or before `asOf` (the shop's local date).
Result<std::vector<MemberAggregate>> rebuildAggregates(Database &db, const ShopTime &time, const QDate &asOf);
// Aggregates indexed by member id as classify() takes them: one per member in id order (a member
// with none: empty). With `joinedBeforeMs`, only members registered before then or who had bought
// (a past day's classes: who joined later was no member yet).
Result<std::vector<MemberAggregate>> inMemberOrder(Database &db, const std::vector<MemberAggregate> &byId,
                                                   std::int64_t joinedBeforeMs = std::numeric_limits<std::int64_t>::max());
// One member's, the same way (a receipt undone whole takes its order back exactly).
Result<MemberAggregate> memberAggregate(Database &db, const ShopTime &time, std::int64_t memberId,
                                        const Cutoff &cutoff);

} // namespace segments

} // namespace huike
