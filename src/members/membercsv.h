#pragma once

#include "core/clock.h"
#include "core/csv.h"
#include "core/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>

namespace huike {

class Database;

// Members in and out of CSV files. A shop moving from another system (银豹, 智络, a spreadsheet)
// brings its members with their level, points, stored value and growth; the manager takes the list
// to Excel.
//
// Columns by Chinese or English header, in any order (手机号/phone is the only one required):
// 手机号 phone, 姓名 name, 性别 gender, 生日 birthday, 卡号 card, 等级 level, 积分 points,
// 余额 balance (or 本金 principal and 赠送 bonus), 成长值 growth, 累计消费 net_spend, 备注 notes,
// 地址 address, 营销许可 consent, 注册时间 registered, 标签 tags (apart by | , or 、), and a column per
// custom field headed by its name (members/profile.h). What export writes, import reads back.

struct MemberImportError {
    int line = 0; // 1-based line of the file the row started on
    QString message;
    bool duplicate = false; // the phone (or card) is already a member's, or an earlier row's
};

struct MemberImportReport {
    QString encoding;
    int rows = 0;  // data rows in the file
    int added = 0; // members written
    QList<MemberImportError> errors; // each rejected row, in file order
    QString error; // the file could not be imported at all, or stopped part way (and why)
    int duplicates() const;
};

// Every valid row becomes a member, written as registration writes one (members/members.h) but
// without the welcome coupons (these are existing customers). Points come in as a lot earned
// today ('import'), stored value as principal and bonus ('import' lot, not money in any drawer),
// growth and spend as an 'import' growth row, and a level named in the file as a level change
// 'import' (a floor a refund never goes below); with no level the one the growth qualifies for.
// Bad rows are rejected with their line, the others imported. A phone or card already a
// member's, or on an earlier row, is rejected as a duplicate: never merged into the member. Rows
// are written in chunks, each its own transaction, so the tills are not held up; if a chunk fails
// (disk full) the import stops there with `error` set, and importing the same file again adds
// only the rows not yet in (the others are reported as duplicates).
MemberImportReport importMembersCsv(Database &db, const Clock &clock, const ShopTime &time, qint64 storeId,
                                    qint64 operatorId, const QByteArray &bytes,
                                    TextEncoding encoding = TextEncoding::Auto);

// Whether `name` is one of the columns above (either language, or an alias): a custom field may
// not be named so, or its column would be taken for ours.
bool isMemberCsvColumn(const QString &name);

enum class CsvHeaders { Chinese, English };
// Every member, oldest first, as UTF-8 with BOM and CR LF (what Excel opens), written to `out` as
// it is read so a million members need no more memory than a few. Full phone numbers: the file is
// for the shop's own records. Cells Excel would run as a formula are neutralised (csvLine).
// Returns how many members were written.
Result<qint64> exportMembersCsv(Database &db, const ShopTime &time, QIODevice &out,
                                CsvHeaders headers = CsvHeaders::Chinese);

} // namespace huike
