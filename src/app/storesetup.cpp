#include "storesetup.h"

#include "appcontext.h"
#include "store/database.h"
#include "store/settings.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <algorithm>
#include <cstdio>

namespace huike {

namespace {

void removeFiles(const QString &base)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(base + suffix);
}

Status checkSetup(const StoreSetup &s)
{
    if (!s.demo && s.name.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("StoreSetup", "The store needs a name."));
    if (!s.demo && s.adminPin.isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("StoreSetup", "The administrator needs a PIN."));
    const QString code = s.adminCode.trimmed();
    if (code.isEmpty() || code.size() > 12 || !std::all_of(code.begin(), code.end(), [](QChar c) { return c.isDigit(); }))
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("StoreSetup",
                                                     "The administrator's code is 1 to 12 digits, typed at login."));
    return Ok{};
}

// The store and its administrator, in the new file (still beside the target).
Result<QString> fill(AppContext &ctx, const StoreSetup &s, const Clock &clock,
                     const std::function<void(int)> &progress)
{
    const QString adminName = s.adminName.trimmed().isEmpty() ? QStringLiteral("管理员") : s.adminName.trimmed();
    if (s.demo) {
        QElapsedTimer t;
        t.start();
        auto r = createDemoStore(ctx.db(), s.demoOptions, clock.nowMs(), progress);
        if (!r)
            return r.error();
        // The shop's own name and administrator over the demo's, when given.
        if (!s.name.trimmed().isEmpty()) {
            if (auto st = ctx.db().exec(QStringLiteral("UPDATE stores SET name = ?, address = ?, phone = ? WHERE code = 'S01'"),
                                        {nonNull(s.name.trimmed()), nonNull(s.address.trimmed()), nonNull(s.phone.trimmed())});
                !st)
                return st.error();
        }
        if (!s.adminPin.isEmpty()) {
            auto admin = ctx.operators().byCode(QStringLiteral("9001"));
            if (!admin)
                return admin.error();
            if (auto st = ctx.db().exec(QStringLiteral("UPDATE operators SET code = ?, name = ? WHERE id = ?"),
                                        {s.adminCode.trimmed(), adminName, admin->id});
                !st)
                return st.error();
            if (auto st = ctx.operators().changePin(admin->id, s.adminPin); !st)
                return st.error();
        }
        return QStringLiteral("demo store: %1 products, %2 members, %3 sales, %4 refunds, %5 recharges, "
                              "%6 count cards sold and %7 used, %8 coupons used, %9 shifts (%10 ms)")
            .arg(r->products)
            .arg(r->members)
            .arg(r->sales)
            .arg(r->refunds)
            .arg(r->recharges)
            .arg(r->countCardsSold)
            .arg(r->countCardUses)
            .arg(r->couponsUsed)
            .arg(r->shifts)
            .arg(t.elapsed());
    }
    // An empty shop: one store and the administrator, who sets up the rest.
    if (auto st = ctx.db().exec(QStringLiteral("INSERT INTO stores(code, name, address, phone) VALUES ('S01', ?, ?, ?)"),
                                {nonNull(s.name.trimmed()), nonNull(s.address.trimmed()), nonNull(s.phone.trimmed())});
        !st)
        return st.error();
    if (auto st = ctx.settings().set(Settings::kCurrentStore, QStringLiteral("S01")); !st)
        return st.error();
    if (auto id = ctx.operators().create(s.adminCode.trimmed(), adminName, Role::Admin, s.adminPin, 0); !id)
        return id.error();
    if (progress)
        progress(100);
    return QStringLiteral("empty store; log in as %1").arg(s.adminCode.trimmed());
}

} // namespace

Result<bool> holdsStore(const QString &path)
{
    if (!QFileInfo::exists(path))
        return false;
    Database::Options ro;
    ro.readOnly = true;
    auto existing = Database::open(path, ro);
    if (!existing)
        return existing.error();
    if ((*existing)->schemaVersion() == 0)
        return false;
    QSqlQuery q((*existing)->db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM stores")) || !q.next())
        return storageError(q);
    return q.value(0).toLongLong() > 0;
}

Result<QString> createStoreFile(const QString &target, const StoreSetup &setup, const Clock &clock,
                                const std::function<void(int)> &progress)
{
    if (auto st = checkSetup(setup); !st)
        return st.error();
    const QString path = QFileInfo(target).absoluteFilePath();
    auto holds = holdsStore(path);
    if (!holds)
        return holds.error();
    if (*holds)
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("StoreSetup", "%1 already holds a store; nothing was changed.")
                             .arg(path));
    const QString tmp = QStringLiteral("%1.init-%2.tmp").arg(path).arg(QCoreApplication::applicationPid());
    removeFiles(tmp);
    QString summary;
    {
        auto opened = AppContext::open(tmp, clock);
        if (!opened) {
            removeFiles(tmp);
            return opened.error();
        }
        std::unique_ptr<AppContext> ctx = std::move(*opened);
        auto filled = fill(*ctx, setup, clock, progress);
        // One file to move: the WAL folded back in before the rename (the store returns to WAL on
        // its next open).
        Status folded = filled ? ctx->db().exec(QStringLiteral("PRAGMA journal_mode=DELETE")) : Status(Ok{});
        ctx.reset();
        if (!filled || !folded) {
            removeFiles(tmp);
            return filled ? folded.error() : filled.error();
        }
        summary = *filled;
    }
    removeFiles(path); // an empty file that held no store (checked above)
    if (std::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(path).constData()) != 0) {
        removeFiles(tmp);
        return makeError(ErrorCode::Storage,
                         QCoreApplication::translate("StoreSetup", "Cannot move the new store into place at %1.")
                             .arg(path));
    }
    return summary;
}

} // namespace huike
