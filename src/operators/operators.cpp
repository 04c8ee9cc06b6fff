#include "operators.h"

#include "store/database.h"
#include "store/settings.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <sodium.h>

namespace huike {

namespace {

// A new PIN checked and hashed, for create, update and changePin alike. Never an empty hash:
// the operator could not log in again.
Result<QString> newPinHash(const QString &pin)
{
    if (pin.size() < 4 || pin.size() > 12)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Operators", "A PIN has 4 to 12 characters."));
    QString hash = OperatorService::hashPin(pin);
    if (hash.isEmpty())
        return makeError(ErrorCode::Storage,
                         QCoreApplication::translate("Operators", "Cannot hash the PIN (out of memory)."));
    return hash;
}

Role roleFromKey(const QString &k)
{
    if (k == QLatin1String("admin"))
        return Role::Admin;
    if (k == QLatin1String("manager"))
        return Role::Manager;
    return Role::Cashier;
}

const QString kSelect =
    QStringLiteral("SELECT id, code, name, role, locked, active, failed_attempts FROM operators ");

Operator readOperator(const QSqlQuery &q)
{
    Operator o;
    o.id = q.value(0).toLongLong();
    o.code = q.value(1).toString();
    o.name = q.value(2).toString();
    o.role = roleFromKey(q.value(3).toString());
    o.locked = q.value(4).toBool();
    o.active = q.value(5).toBool();
    o.failedAttempts = q.value(6).toInt();
    return o;
}
} // namespace

QString roleKey(Role r)
{
    switch (r) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Manager:
        return QStringLiteral("manager");
    case Role::Cashier:
        break;
    }
    return QStringLiteral("cashier");
}

QString roleLabel(Role r)
{
    switch (r) {
    case Role::Admin:
        return QCoreApplication::translate("Operators", "Administrator");
    case Role::Manager:
        return QCoreApplication::translate("Operators", "Manager");
    case Role::Cashier:
        break;
    }
    return QCoreApplication::translate("Operators", "Cashier");
}

OperatorService::OperatorService(Database &db, const Clock &clock) : m_db(db), m_clock(clock)
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialise");
}

QString OperatorService::hashPin(const QString &pin)
{
    const QByteArray p = pin.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, p.constData(), static_cast<unsigned long long>(p.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return QString::fromLatin1(out);
}

bool OperatorService::verifyPin(const QString &hash, const QString &pin)
{
    const QByteArray h = hash.toLatin1();
    const QByteArray p = pin.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), p.constData(),
                                    static_cast<unsigned long long>(p.size())) == 0;
}

Result<Operator> OperatorService::byCode(const QString &code)
{
    QSqlQuery &q = m_db.prepared(kSelect + QStringLiteral("WHERE code = ?"));
    q.bindValue(0, code.trimmed());
    if (!q.exec())
        return storageError(q);
    if (!q.next()) {
        q.finish();
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Operators", "Wrong operator code or PIN."));
    }
    Operator o = readOperator(q);
    q.finish();
    return o;
}

Result<Operator> OperatorService::byId(qint64 id)
{
    QSqlQuery &q = m_db.prepared(kSelect + QStringLiteral("WHERE id = ?"));
    q.bindValue(0, id);
    if (!q.exec())
        return storageError(q);
    if (!q.next()) {
        q.finish();
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Operators", "No such operator."));
    }
    Operator o = readOperator(q);
    q.finish();
    return o;
}

QList<Operator> OperatorService::list()
{
    QList<Operator> out;
    QSqlQuery q(m_db.db());
    if (q.exec(kSelect + QStringLiteral("ORDER BY code")))
        while (q.next())
            out.append(readOperator(q));
    return out;
}

Result<Operator> OperatorService::check(const QString &code, const QString &pin, const QString &action)
{
    auto op = byCode(code);
    if (!op)
        return op;
    if (!op->active)
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Operators", "Operator %1 is disabled.").arg(op->code));
    if (op->locked)
        return makeError(
            ErrorCode::Denied,
            QCoreApplication::translate(
                "Operators", "Operator %1 is locked after %2 wrong PINs. A manager must unlock it.")
                .arg(op->code)
                .arg(kMaxAttempts));
    QString hash;
    {
        QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT pin_hash FROM operators WHERE id = ?"));
        q.bindValue(0, op->id);
        if (!q.exec() || !q.next())
            return storageError(q);
        hash = q.value(0).toString();
        q.finish();
    }
    const bool good = verifyPin(hash, pin);
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    const qint64 now = m_clock.nowMs();
    // Re-read inside the write lock: another till may have locked this operator while the PIN
    // was being hashed here, and concurrent wrong PINs must all count.
    bool lockedNow = false;
    int attempts = 0;
    if (!good) {
        if (auto st = m_db.exec(QStringLiteral("UPDATE operators SET failed_attempts = failed_attempts + 1, "
                                               "locked = (locked OR failed_attempts + 1 >= ?) WHERE id = ?"),
                                {kMaxAttempts, op->id});
            !st)
            return st.error();
    }
    {
        QSqlQuery &q =
            m_db.prepared(QStringLiteral("SELECT locked, failed_attempts FROM operators WHERE id = ?"));
        q.bindValue(0, op->id);
        if (!q.exec() || !q.next())
            return storageError(q);
        lockedNow = q.value(0).toBool();
        attempts = q.value(1).toInt();
        q.finish();
    }
    if (good && !lockedNow) {
        if (auto st =
                m_db.exec(QStringLiteral("UPDATE operators SET failed_attempts = 0 WHERE id = ?"), {op->id});
            !st)
            return st.error();
        if (auto st = writeAudit(m_db, now, op->id, 0, action, op->code); !st)
            return st.error();
        if (auto st = tx.commit(); !st)
            return st.error();
        op->failedAttempts = 0;
        return op;
    }
    if (good) // right PIN, but locked by another till in the meantime
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Operators",
                                                     "Operator %1 is locked after %2 wrong PINs. A manager "
                                                     "must unlock it.")
                             .arg(op->code)
                             .arg(kMaxAttempts));
    const bool lock = lockedNow;
    if (auto st = writeAudit(m_db, now, op->id, 0,
                             lock ? QStringLiteral("operator.locked") : action + QStringLiteral(".failed"),
                             op->code, {}, QStringLiteral("attempt %1").arg(attempts));
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    if (lock)
        return makeError(
            ErrorCode::Denied,
            QCoreApplication::translate(
                "Operators", "Wrong PIN %1 times: operator %2 is now locked. A manager must unlock it.")
                .arg(attempts)
                .arg(op->code));
    return makeError(ErrorCode::Denied,
                     QCoreApplication::translate("Operators", "Wrong operator code or PIN (%1 tries left).")
                         .arg(kMaxAttempts - attempts));
}

Result<Operator> OperatorService::login(const QString &code, const QString &pin)
{
    return check(code, pin, QStringLiteral("login"));
}

Result<Operator> OperatorService::authorizeManager(const QString &code, const QString &pin)
{
    // A cashier's code is refused before its PIN is tried: approving is not logging in, and must
    // not reset that cashier's count of wrong PINs.
    if (auto who = byCode(code); who && !who->isManager())
        return makeError(
            ErrorCode::Denied,
            QCoreApplication::translate("Operators", "%1 is not a manager: a manager's PIN is needed.")
                .arg(who->name));
    auto op = check(code, pin, QStringLiteral("authorize"));
    if (!op)
        return op;
    if (!op->isManager())
        return makeError(
            ErrorCode::Denied,
            QCoreApplication::translate("Operators", "%1 is not a manager: a manager's PIN is needed.")
                .arg(op->name));
    return op;
}

Result<qint64> OperatorService::create(const QString &code, const QString &name, Role role,
                                       const QString &pin, qint64 createdBy)
{
    if (code.trimmed().isEmpty() || name.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Operators", "An operator needs a code and a name."));
    const auto pinHash = newPinHash(pin);
    if (!pinHash)
        return pinHash.error();
    const QString &hash = *pinHash;
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    // Checked under the write lock: who creates, and whether the store has operators yet.
    if (createdBy <= 0) {
        QSqlQuery &n = m_db.prepared(QStringLiteral("SELECT COUNT(*) FROM operators"));
        if (!n.exec() || !n.next())
            return storageError(n);
        const bool empty = n.value(0).toLongLong() == 0;
        n.finish();
        if (!empty || role != Role::Admin)
            return makeError(ErrorCode::Denied, QCoreApplication::translate(
                                                    "Operators", "Only a manager or the admin can add operators."));
    } else {
        auto creator = byId(createdBy);
        const bool allowed = creator && creator->active && !creator->locked &&
                             (creator->role == Role::Admin || (creator->role == Role::Manager && role == Role::Cashier));
        if (!allowed)
            return makeError(ErrorCode::Denied,
                             role == Role::Cashier
                                 ? QCoreApplication::translate("Operators", "Only a manager or the admin can add operators.")
                                 : QCoreApplication::translate("Operators", "Only the admin can add managers and admins."));
    }
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "INSERT INTO operators(code, name, role, pin_hash, created_at_ms) VALUES (?, ?, ?, ?, ?)"));
    q.bindValue(0, code.trimmed());
    q.bindValue(1, name.trimmed());
    q.bindValue(2, roleKey(role));
    q.bindValue(3, hash);
    q.bindValue(4, m_clock.nowMs());
    if (!q.exec()) {
        if (q.lastError().text().contains(QLatin1String("UNIQUE")))
            return makeError(
                ErrorCode::Conflict,
                QCoreApplication::translate("Operators", "Operator code %1 is already used.").arg(code));
        return storageError(q);
    }
    const qint64 id = q.lastInsertId().toLongLong();
    if (auto st = writeAudit(m_db, m_clock.nowMs(), createdBy, 0, QStringLiteral("operator.create"), code.trimmed(),
                             {}, roleKey(role));
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return id;
}

Status OperatorService::update(qint64 operatorId, const Change &change, qint64 editorId)
{
    if (change.name.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Operators", "An operator needs a name."));
    QString hash;
    if (!change.newPin.isEmpty()) {
        auto pinHash = newPinHash(change.newPin);
        if (!pinHash)
            return pinHash.error();
        hash = *pinHash;
    }
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    auto editor = byId(editorId);
    auto target = byId(operatorId);
    if (!target)
        return target.error();
    const bool elevated = target->role != Role::Cashier || change.role != Role::Cashier;
    if (!editor || !editor->active || editor->locked || !editor->isManager() ||
        (elevated && editor->role != Role::Admin))
        return makeError(ErrorCode::Denied,
                         elevated ? QCoreApplication::translate("Operators", "Only the admin can edit managers and admins.")
                                  : QCoreApplication::translate("Operators", "Only a manager or the admin can edit operators."));
    if (operatorId == editorId && (!change.active || change.role != target->role))
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Operators", "Nobody deactivates or demotes himself: ask another "
                                                                  "admin."));
    if (target->role == Role::Admin && target->active && (change.role != Role::Admin || !change.active)) {
        auto rows = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM operators WHERE role = 'admin' AND active = 1"))
                        .select();
        if (!rows)
            return rows.error();
        if (rows->first().first().toLongLong() <= 1)
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Operators", "%1 is the store's only admin: make another "
                                                                      "admin first.")
                                 .arg(target->name));
    }
    if (auto st = m_db.exec(QStringLiteral("UPDATE operators SET name = ?, role = ?, active = ? WHERE id = ?"),
                            {change.name.trimmed(), roleKey(change.role), change.active ? 1 : 0, operatorId});
        !st)
        return st;
    if (!hash.isEmpty())
        if (auto st = m_db.exec(QStringLiteral("UPDATE operators SET pin_hash = ?, failed_attempts = 0 WHERE id = ?"),
                                {hash, operatorId});
            !st)
            return st;
    const QString details = QStringLiteral("%1 %2 %3 -> %4 %5 %6%7")
                                .arg(target->name, roleKey(target->role),
                                     target->active ? QStringLiteral("active") : QStringLiteral("inactive"),
                                     change.name.trimmed(), roleKey(change.role),
                                     change.active ? QStringLiteral("active") : QStringLiteral("inactive"),
                                     hash.isEmpty() ? QString() : QStringLiteral(", new PIN"));
    if (auto st = writeAudit(m_db, m_clock.nowMs(), editorId, 0, QStringLiteral("operator.update"), target->code, {},
                             details);
        !st)
        return st;
    return tx.commit();
}

Status OperatorService::unlock(qint64 operatorId, qint64 byManagerId)
{
    auto mgr = byId(byManagerId);
    if (!mgr || !mgr->isManager() || !mgr->active || mgr->locked)
        return makeError(ErrorCode::Denied,
                         QCoreApplication::translate("Operators", "Only a manager can unlock an operator."));
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st =
            m_db.exec(QStringLiteral("UPDATE operators SET locked = 0, failed_attempts = 0 WHERE id = ?"),
                      {operatorId});
        !st)
        return st;
    if (auto st = writeAudit(m_db, m_clock.nowMs(), operatorId, byManagerId,
                             QStringLiteral("operator.unlock"), QString::number(operatorId));
        !st)
        return st;
    return tx.commit();
}

Status OperatorService::changePin(qint64 operatorId, const QString &newPin)
{
    const auto pinHash = newPinHash(newPin);
    if (!pinHash)
        return pinHash.error();
    const QString &hash = *pinHash;
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st =
            m_db.exec(QStringLiteral("UPDATE operators SET pin_hash = ? WHERE id = ?"), {hash, operatorId});
        !st)
        return st;
    if (auto st = writeAudit(m_db, m_clock.nowMs(), operatorId, 0, QStringLiteral("operator.pin"),
                             QString::number(operatorId));
        !st)
        return st;
    return tx.commit();
}

} // namespace huike
