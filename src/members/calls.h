#pragma once

// 来电: the calls the caller-ID box reported at each till, each with the member whose mobile rang
// (the call log screen and the pop card read it). The box itself is in drivers/callerid; this holds
// no I/O.

#include "core/result.h"

#include <QList>
#include <QString>

namespace huike {

class Database;

// The member's mobile in a number as a caller-ID line gives it: +86 / 0086 / 86 before it, or the
// trunk 0 an exchange puts before a mobile from another city (013800138000). Empty when none.
QString callerMobile(const QString &number);

struct CallRecord {
    qint64 id = 0;
    qint64 atMs = 0;
    QString number;
    QString withheld; // "", "private", "unavailable"
    QString name;
    QString reportedAt;
    qint64 memberId = 0; // 0: a caller who is no member (yet)
    QString memberName;
    QString memberPhone;
};

class CallLog {
public:
    CallLog(Database &db, QString terminal) : m_db(db), m_terminal(std::move(terminal)) {}

    // A call that just came in, with the member whose mobile it is (active or not: staff see who
    // is calling, a lost card included).
    Result<CallRecord> record(const QString &number, const QString &withheld, const QString &name,
                              const QString &reportedAt, qint64 atMs);
    // The last `limit` calls at every till, newest first.
    Result<QList<CallRecord>> recent(int limit = 200);
    // The caller registered as a member from the call: the call is theirs.
    Status linkMember(qint64 callId, qint64 memberId);

private:
    Database &m_db;
    QString m_terminal;
};

} // namespace huike
