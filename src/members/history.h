#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace huike {

class Database;

// A member's history as the member screen shows it, one ledger at a time, the newest first:
// what happened, when, by whom, on which receipt. Read-only; the ledgers themselves are written
// by the services that own them (points.h, storedvalue.h, levels.h, countcards.h, members.h).
enum class MemberLedger {
    Points,     // amount: points (+ earned, − paid or expired), amount2: the lot's expiry (ms; 0 never)
    Stored,     // amount: principal in fen, amount2: bonus in fen (+ in, − out)
    Growth,     // amount: growth value, amount2: net spend in fen
    Levels,     // what: "from → to"
    CountCards, // amount: uses (+ bought or given back, − used), amount2: a new expiry (ms);
                // what: the card's plan
    CardEvents, // the card's 挂失 / 锁定 / 解锁 / 补卡 and profile edits (the audit log); what: details
    Purchases,  // amount: the receipt's total in fen, amount2: its lines
};

struct HistoryEntry {
    qint64 atMs = 0;
    QString kind;      // the ledger's own key: earn, redeem, spend, recharge, member.lost, sale, ...
    qint64 amount = 0;
    qint64 amount2 = 0;
    QString receiptNo; // the document it came with, if any
    QString reason;
    QString operatorName;
    QString what;
};

// At most `limit` entries, the newest first.
Result<QList<HistoryEntry>> memberHistory(Database &db, qint64 memberId, MemberLedger ledger, int limit = 500);

} // namespace huike
