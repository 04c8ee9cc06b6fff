#include "appcontext.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlQuery>
#include <QStandardPaths>
#include <spdlog/spdlog.h>
#include <QSysInfo>
#include <QVariant>

namespace huike {

AppContext::AppContext(std::unique_ptr<Database> db, const Clock &clock, QString terminal)
    : m_db(std::move(db)), m_clock(clock), m_settings(*m_db)
{
    m_store.terminal = terminal.isEmpty() ? defaultTerminal() : terminal;
}

Result<std::unique_ptr<AppContext>> AppContext::open(const QString &dbPath, const Clock &clock,
                                                     const QString &terminal, bool interactive)
{
    Database::Options options;
    options.manualCheckpoints = interactive;
    auto db = Database::open(dbPath, options);
    if (!db)
        return db.error();
    std::unique_ptr<AppContext> ctx(new AppContext(std::move(*db), clock, terminal));
    if (auto st = ctx->reloadStore(); !st)
        return st.error();
    // A product import whose process died half-way is undone before anything reads the catalog.
    if (!ctx->isEmpty()) {
        auto undone = ctx->catalog().recoverInterruptedImports();
        if (!undone)
            spdlog::warn("an interrupted product import could not be undone yet: {}",
                         undone.error().message.toStdString());
        else if (*undone > 0)
            spdlog::warn("{} interrupted product import(s) undone", *undone);
    }
    // The till starting again: a recalled cart it lost (a crash, a power cut) is held again.
    if (interactive && !ctx->isEmpty()) {
        if (auto back = ctx->heldOrders().recoverRecalled(); back && *back > 0)
            spdlog::warn("{} recalled order(s) of this till were not sold: held again", *back);
    }
    return ctx;
}

Result<std::unique_ptr<AppContext>> AppContext::openForReading(const QString &dbPath, const Clock &clock,
                                                               const QString &terminal)
{
    auto writable = open(dbPath, clock, terminal);
    if (writable || writable.error().code != ErrorCode::ReadOnly)
        return writable;
    Database::Options options;
    options.create = false;
    options.readOnly = true;
    auto db = Database::open(dbPath, options);
    if (!db)
        return db.error();
    if ((*db)->schemaVersion() != Database::latestSchemaVersion())
        return makeError(ErrorCode::ReadOnly,
                         QCoreApplication::translate("AppContext",
                                                     "%1 is read-only and was written by an older Huike: open it "
                                                     "once where it can be written, so that it is brought up to date.")
                             .arg(dbPath));
    spdlog::info("{} is read-only: opened for reading", dbPath.toStdString());
    std::unique_ptr<AppContext> ctx(new AppContext(std::move(*db), clock, terminal));
    if (auto st = ctx->reloadStore(); !st)
        return st.error();
    return ctx;
}

QString AppContext::defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("huike.db"));
}

QString AppContext::defaultTerminal()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? QStringLiteral("POS1") : host.left(24);
}

bool AppContext::isEmpty()
{
    QSqlQuery q(m_db->db());
    return !(q.exec(QStringLiteral("SELECT 1 FROM stores LIMIT 1")) && q.next());
}

Status AppContext::reloadStore()
{
    const QString code = m_settings.value(Settings::kCurrentStore);
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral(
        "SELECT id, code FROM stores WHERE code = ? OR ? = '' ORDER BY code = ? DESC, id LIMIT 1"));
    q.addBindValue(code);
    q.addBindValue(code);
    q.addBindValue(code);
    if (!q.exec())
        return storageError(q);
    if (q.next()) {
        m_store.storeId = q.value(0).toLongLong();
        m_store.storeCode = q.value(1).toString();
    }
    wire();
    return Ok{};
}

void AppContext::wire()
{
    m_catalog = std::make_unique<Catalog>(*m_db, m_clock);
    m_operators = std::make_unique<OperatorService>(*m_db, m_clock);
    m_approvals = std::make_unique<ApprovalService>(*m_db, m_clock, *m_operators);
    m_checkout = std::make_unique<CheckoutService>(*m_db, m_clock, m_time, m_store, m_settings);
    m_returns = std::make_unique<ReturnService>(*m_db, m_clock, m_time, m_store);
    m_shifts = std::make_unique<ShiftService>(*m_db, m_clock, m_time, m_store);
    m_held = std::make_unique<HeldOrderService>(*m_db, m_clock, m_store);
    m_payments = std::make_unique<PaymentService>(*m_db, m_clock, m_store);
    m_members = std::make_unique<MemberService>(*m_db, m_clock, m_time, m_store.storeId);
    m_storedValue = std::make_unique<StoredValueService>(*m_db, m_clock, m_time, m_store, m_settings);
    m_receipts = std::make_unique<ReceiptService>(*m_db, m_clock, m_time, m_store);
}

} // namespace huike
