#pragma once

#include "core/clock.h"
#include "core/money.h"
#include "core/result.h"
#include "tender.h"

#include <QList>
#include <QString>
#include <optional>

namespace huike {

class Database;

struct Shift {
    qint64 id = 0;
    qint64 operatorId = 0;
    QString operatorName;
    QString terminal;
    qint64 openedAtMs = 0;
    Money cashFloat;
    std::optional<qint64> closedAtMs;
    std::optional<Money> counted;
};

struct TenderTotal {
    Tender tender = Tender::Cash;
    Money sales;   // taken on sales and recharges
    Money refunds; // paid back on refunds, voids and recharge refunds (negative)
    Money net() const { return sales + refunds; }
};

// 交班: what the till took during one shift, by tender, and the cash that should be in the drawer.
struct ShiftReport {
    Shift shift;
    int saleCount = 0;
    Money salesTotal;
    Money discounts;
    int refundCount = 0;
    Money refundsTotal; // negative
    int voidCount = 0;
    Money voidsTotal; // negative
    // Stored value recharged (充值) and paid back: money in the drawer, not takings.
    int rechargeCount = 0;
    Money rechargesTotal;
    int rechargeRefundCount = 0;
    Money rechargeRefundsTotal; // negative
    QList<TenderTotal> byTender;
    Money expectedCash; // float + net cash
    std::optional<Money> counted;
    Money difference() const { return counted ? *counted - expectedCash : Money(); }
};

class ShiftService {
public:
    ShiftService(Database &db, const Clock &clock, const ShopTime &time, StoreContext store);

    std::optional<Shift> current(); // the open shift of this till
    Result<Shift> open(qint64 operatorId, Money cashFloat);
    // The till's open shift, or one opened for `operatorId` if there is none; decided under the
    // write lock, so two programs starting at once on one till share a shift instead of one failing.
    // `opened` says which it was.
    Result<Shift> currentOrOpen(qint64 operatorId, Money cashFloat, bool *opened = nullptr);
    Result<ShiftReport> report(qint64 shiftId);
    Result<ShiftReport> close(qint64 shiftId, Money counted, qint64 operatorId);
    // Another cashier takes over the open shift and its drawer uncounted, with a manager's approval
    // (kApproveHandover of this shift): from then on the shift, and any cash difference at its
    // close, is theirs. The audit row names both cashiers and the manager.
    Result<Shift> handOver(qint64 shiftId, qint64 toOperatorId, const QString &approvalToken);
    QString renderReport(const ShiftReport &r, int columns = 32) const;

private:
    Result<Shift> load(qint64 shiftId);

    Database &m_db;
    const Clock &m_clock;
    const ShopTime &m_time;
    StoreContext m_store;
};

} // namespace huike
