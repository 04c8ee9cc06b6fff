#pragma once

#include "catalog/catalog.h"
#include "members/members.h"
#include "members/storedvalue.h"
#include "core/clock.h"
#include "operators/approvals.h"
#include "operators/operators.h"
#include "sales/checkout.h"
#include "sales/heldorders.h"
#include "sales/payments.h"
#include "sales/receipt.h"
#include "sales/returns.h"
#include "sales/shifts.h"
#include "store/database.h"
#include "store/settings.h"

#include <memory>

namespace huike {

// The composition root: one open database and the services on it, wired once. The GUI and
// huike-cli both start here, so they share every rule.
class AppContext {
public:
    // Opens (and, if absent, creates) the database; fails with a user-facing message.
    // `interactive`: the till. SQLite's automatic WAL checkpoints are off; the screen calls
    // db().checkpoint() when the cashier is idle.
    static Result<std::unique_ptr<AppContext>> open(const QString &dbPath, const Clock &clock,
                                                    const QString &terminal = {}, bool interactive = false);
    // For commands that only read (export, a receipt): as open(), but a store that cannot be
    // written (a read-only file, folder or medium) is opened read-only instead of refused, as long
    // as its schema is this program's (nothing can be migrated in it).
    static Result<std::unique_ptr<AppContext>> openForReading(const QString &dbPath, const Clock &clock,
                                                              const QString &terminal = {});
    static QString defaultDatabasePath(); // QStandardPaths AppDataLocation/huike.db
    static QString defaultTerminal();     // the machine's host name

    // True when the database has no store yet (a fresh file): the caller seeds it.
    bool isEmpty();
    // Re-reads the current store (after the demo generator or set-up created one).
    Status reloadStore();

    Database &db() { return *m_db; }
    const Clock &clock() const { return m_clock; }
    const ShopTime &time() const { return m_time; }
    Settings &settings() { return m_settings; }
    const StoreContext &store() const { return m_store; }
    Catalog &catalog() { return *m_catalog; }
    OperatorService &operators() { return *m_operators; }
    ApprovalService &approvals() { return *m_approvals; }
    CheckoutService &checkout() { return *m_checkout; }
    ReturnService &returns() { return *m_returns; }
    ShiftService &shifts() { return *m_shifts; }
    HeldOrderService &heldOrders() { return *m_held; }
    PaymentService &payments() { return *m_payments; }
    MemberService &members() { return *m_members; }
    StoredValueService &storedValue() { return *m_storedValue; }
    ReceiptService &receipts() { return *m_receipts; }

private:
    AppContext(std::unique_ptr<Database> db, const Clock &clock, QString terminal);
    void wire();

    std::unique_ptr<Database> m_db;
    const Clock &m_clock;
    ShopTime m_time;
    Settings m_settings;
    StoreContext m_store;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<OperatorService> m_operators;
    std::unique_ptr<ApprovalService> m_approvals;
    std::unique_ptr<CheckoutService> m_checkout;
    std::unique_ptr<ReturnService> m_returns;
    std::unique_ptr<ShiftService> m_shifts;
    std::unique_ptr<HeldOrderService> m_held;
    std::unique_ptr<PaymentService> m_payments;
    std::unique_ptr<MemberService> m_members;
    std::unique_ptr<StoredValueService> m_storedValue;
    std::unique_ptr<ReceiptService> m_receipts;
};

} // namespace huike
