#pragma once

#include "core/clock.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace huike {

class Database;

enum class Role { Cashier, Manager, Admin };
QString roleKey(Role r);   // "cashier" as stored
QString roleLabel(Role r); // translated, for the screen

struct Operator {
    qint64 id = 0;
    QString code;
    QString name;
    Role role = Role::Cashier;
    bool locked = false;
    bool active = true;
    int failedAttempts = 0;

    bool isManager() const { return role == Role::Manager || role == Role::Admin; }
};

// PINs as Argon2id hashes (libsodium, interactive limits); five wrong PINs lock the operator
// until a manager unlocks. Every attempt that fails, locks or unlocks is audited.
class OperatorService {
public:
    static constexpr int kMaxAttempts = 5;

    OperatorService(Database &db, const Clock &clock);

    Result<Operator> login(const QString &code, const QString &pin);
    // A manager's PIN on the spot (refunds, voids, big discounts): the same lock-out applies.
    Result<Operator> authorizeManager(const QString &code, const QString &pin);
    // Made by `createdBy`, named in the audit row that commits with it: a manager may add cashiers,
    // only an admin managers and admins. The very first operator of an empty store (createdBy 0)
    // must be its admin.
    Result<qint64> create(const QString &code, const QString &name, Role role, const QString &pin,
                          qint64 createdBy);
    // What a manager changes about an operator; the code stays (it is on every document).
    struct Change {
        QString name;
        Role role = Role::Cashier;
        bool active = true;
        QString newPin; // empty: the PIN stays
    };
    // By `byId`, audited with the old and new values in the same transaction. A manager may edit
    // cashiers, only an admin managers and admins; nobody deactivates or demotes himself, and the
    // store always keeps one active admin.
    Status update(qint64 operatorId, const Change &change, qint64 byId);
    Status unlock(qint64 operatorId, qint64 byManagerId);
    Status changePin(qint64 operatorId, const QString &newPin);
    Result<Operator> byId(qint64 id);
    QList<Operator> list();

    static QString hashPin(const QString &pin); // empty on failure (out of memory)
    static bool verifyPin(const QString &hash, const QString &pin);

    Result<Operator> byCode(const QString &code);

private:
    Result<Operator> check(const QString &code, const QString &pin, const QString &action);

    Database &m_db;
    const Clock &m_clock;
};

} // namespace huike
