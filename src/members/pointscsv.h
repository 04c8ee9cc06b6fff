#pragma once

#include "core/csv.h"
#include "membercsv.h"
#include "operators/approvals.h"

#include <QByteArray>
#include <QString>

namespace huike {

class Database;
struct LedgerContext;

// 积分批量调整: points added to or taken off many members at once from a CSV — a shop's campaign
// (每位老会员送200积分) or points carried over from another system for members already here.
// Columns by header: 手机号/phone or 卡号/card (one is needed), 积分/points (a whole number, minus
// to take off), and optionally 原因/reason (else the reason given for the file). Each row is a
// manual adjustment (members/points.h) and all of them are approved by one manager's approval of
// exactly this file (pointsImportScope). GBK/GB18030 or UTF-8 ± BOM, as the member import.
//
// Rows that cannot be applied — no such member, points not a whole number, more taken off than
// the member has — are reported with their line and nothing is written for them; the others are
// written in one transaction, so a failure (disk full) writes none and the same file can be
// imported again. A file once imported is refused the second time (Conflict), so a double click
// never gives the points twice.
struct PointsImportReport {
    QString encoding;
    int rows = 0;
    int applied = 0;
    qint64 added = 0; // points given, over all rows
    qint64 taken = 0; // points taken off
    QList<MemberImportError> errors;
    QString error; // nothing was imported (and why)
};

ApprovalScope pointsImportScope(const QByteArray &bytes);
PointsImportReport importPointsCsv(Database &db, const LedgerContext &ctx, const QByteArray &bytes,
                                   const QString &reason, const QString &approvalToken,
                                   TextEncoding encoding = TextEncoding::Auto);

} // namespace huike
