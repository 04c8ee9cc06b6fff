#pragma once

// huike-cli import-sales: a shop's sales history from another system, for 会员分析. The file is
// read a piece at a time (ten million rows never sit in memory at once), each piece committed in
// a short transaction of its own so that tills keep selling meanwhile.
//
// Columns (the first row names them): receipt_no, member, time, amount, and optionally barcode,
// name, qty. A row is one line; rows sharing a receipt_no are one receipt, its total the sum of
// their amounts (negative for a refund line; a receipt that comes to zero or less is no order).
// `member` is a phone, a card number or the other system's member code; time is local
// YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS] ('/' for '-' and 'T' for the space are read too).
// A receipt number already in the store is left as it is: importing the same file again adds
// nothing. What a run imports counts in 会员分析 only once the run has finished; a run that was
// interrupted counts nothing, and running the same file again removes what it wrote and imports
// the file whole.

#include "core/csv.h"

#include <QList>
#include <QString>
#include <functional>

namespace huike {

class Database;
class ShopTime;

struct SalesImportOptions {
    bool createMembers = false; // an unknown member becomes a new one (by phone, or by the code)
    TextEncoding encoding = TextEncoding::Auto;
    qint64 pieceBytes = 8 << 20;
    // After each piece: bytes read of all, rows read so far.
    std::function<void(qint64 done, qint64 total, qint64 rows)> progress;
};

struct SalesImportProblem {
    qint64 line = 0;
    QString why; // "Line N: ..." already
};

struct SalesImportReport {
    QString error; // the import stopped: what was committed before stays
    QString encoding;
    qint64 importId = 0;
    qint64 rows = 0;          // data rows read
    qint64 receiptsAdded = 0; // new receipts
    qint64 receiptsKnown = 0; // already in the store (an earlier run): left as they are
    qint64 linesAdded = 0;
    qint64 membersCreated = 0;
    qint64 rejected = 0;               // rows left out, each a problem
    QList<SalesImportProblem> problems; // the first kMaxProblems of them
    qint64 previousRunAtMs = 0;        // the same file (by its digest) was imported then; 0: never
    static constexpr int kMaxProblems = 200;
};

SalesImportReport importSalesCsv(Database &db, const ShopTime &time, qint64 storeId, qint64 nowMs, const QString &path,
                                 const SalesImportOptions &options = {});

} // namespace huike
