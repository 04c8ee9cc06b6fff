#include "pointscsv.h"

#include "earnings.h"
#include "members.h"
#include "points.h"

#include "store/database.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>

namespace huike {

namespace {

QString fileDigest(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

ApprovalScope pointsImportScope(const QByteArray &bytes)
{
    return ApprovalScope{kApprovePointsAdjust, QStringLiteral("import:%1").arg(fileDigest(bytes)), Money()};
}

PointsImportReport importPointsCsv(Database &db, const LedgerContext &ctx, const QByteArray &bytes,
                                   const QString &reason, const QString &approvalToken, TextEncoding encoding)
{
    PointsImportReport report;
    auto table = readExternalCsv(bytes, encoding, &report.encoding);
    if (!table) {
        report.error = table.error().message;
        return report;
    }
    const QStringList &header = table->rows.first();
    int phoneAt = -1, cardAt = -1, pointsAt = -1, reasonAt = -1;
    for (int i = 0; i < header.size(); ++i) {
        const QString h = header.at(i).trimmed().toLower();
        if (phoneAt < 0 && (h == QStringLiteral("手机号") || h == QLatin1String("phone") || h == QStringLiteral("手机")))
            phoneAt = i;
        else if (cardAt < 0 && (h == QStringLiteral("卡号") || h == QLatin1String("card") || h == QStringLiteral("会员卡号")))
            cardAt = i;
        else if (pointsAt < 0 && (h == QStringLiteral("积分") || h == QLatin1String("points") || h == QStringLiteral("调整积分")))
            pointsAt = i;
        else if (reasonAt < 0 && (h == QStringLiteral("原因") || h == QLatin1String("reason") || h == QStringLiteral("备注")))
            reasonAt = i;
    }
    if ((phoneAt < 0 && cardAt < 0) || pointsAt < 0) {
        report.error = QCoreApplication::translate("PointsCsv", "The first row must name the columns: 手机号 (phone) or 卡号 "
                                                                "(card), and 积分 (points).");
        return report;
    }
    auto cell = [](const QStringList &row, int i) { return i >= 0 && i < row.size() ? row.at(i).trimmed() : QString(); };
    report.rows = static_cast<int>(table->rows.size()) - 1 + static_cast<int>(table->problems.size());
    for (qsizetype i = 0; i < table->problems.size(); ++i)
        report.errors << MemberImportError{table->problemLines.value(i), table->problems.at(i), false};

    WriteTransaction tx(db);
    if (!tx.began()) {
        report.error = tx.beginError().message;
        return report;
    }
    const QString digest = fileDigest(bytes);
    auto before = db.statement(QStringLiteral("SELECT at_ms FROM audit_log WHERE target = ? AND action = 'points.import'"))
                      .select({digest});
    if (!before) {
        report.error = before.error().message;
        return report;
    }
    if (!before->isEmpty()) {
        report.error = QCoreApplication::translate("PointsCsv", "This file was imported already (%1): its points are not given twice.")
                           .arg(ctx.time ? ctx.time->format(before->first().at(0).toLongLong()) : QString());
        return report;
    }
    auto used = consumeApproval(db, ctx.nowMs, approvalToken, pointsImportScope(bytes));
    if (!used) {
        report.error = used.error().message;
        return report;
    }
    static const QRegularExpression whole(QStringLiteral("^[+-]?\\d{1,9}$"));
    Statement &byPhone = db.statement(QStringLiteral("SELECT id FROM members WHERE phone = ?"));
    Statement &byCard = db.statement(QStringLiteral("SELECT id FROM members WHERE card_no = ?"));
    for (qsizetype r = 1; r < table->rows.size(); ++r) {
        const QStringList &cells = table->rows.at(r);
        const int line = table->lineNumbers.at(r);
        if (std::all_of(cells.cbegin(), cells.cend(), [](const QString &c) { return c.trimmed().isEmpty(); }))
            continue;
        auto reject = [&](const QString &why) { report.errors << MemberImportError{line, why, false}; };
        QString pointsText = cell(cells, pointsAt);
        pointsText.remove(QLatin1Char(','));
        if (!whole.match(pointsText).hasMatch() || pointsText.toLongLong() == 0) {
            reject(QCoreApplication::translate("PointsCsv", "积分 (points) \"%1\" is not a whole number of points other than 0.")
                       .arg(cell(cells, pointsAt)));
            continue;
        }
        const qint64 points = pointsText.toLongLong();
        const QString phone = normalizedMobile(cell(cells, phoneAt)).value_or(QString());
        const QString card = cell(cells, cardAt);
        Result<QList<QVariantList>> found = QList<QVariantList>{};
        if (!phone.isEmpty())
            found = byPhone.select({phone});
        if (found && found->isEmpty() && !card.isEmpty())
            found = byCard.select({card});
        if (!found) {
            report.error = found.error().message;
            return report; // nothing written: the transaction rolls back
        }
        if (found->isEmpty()) {
            reject(QCoreApplication::translate("PointsCsv", "No member has the phone or card \"%1\".")
                       .arg(phone.isEmpty() ? (card.isEmpty() ? cell(cells, phoneAt) : card) : phone));
            continue;
        }
        const qint64 memberId = found->first().at(0).toLongLong();
        const QString why = cell(cells, reasonAt).isEmpty() ? reason.trimmed() : cell(cells, reasonAt);
        if (why.isEmpty()) {
            reject(QCoreApplication::translate("Members", "Give a reason."));
            continue;
        }
        // A row that cannot be applied (more taken off than the member has) is undone alone.
        if (auto st = db.exec(QStringLiteral("SAVEPOINT points_row")); !st) {
            report.error = st.error().message;
            return report;
        }
        const Status st = points > 0 ? earnPoints(db, ctx, memberId, points, QStringLiteral("adjust"), why, used->managerId)
                                     : spendPoints(db, ctx, memberId, -points, QStringLiteral("adjust"), 0, why, used->managerId);
        if (!st) {
            (void)db.exec(QStringLiteral("ROLLBACK TO points_row"));
            (void)db.exec(QStringLiteral("RELEASE points_row"));
            if (st.error().code != ErrorCode::InsufficientFunds) {
                report.error = st.error().message;
                return report;
            }
            reject(st.error().message);
            continue;
        }
        if (auto rel = db.exec(QStringLiteral("RELEASE points_row")); !rel) {
            report.error = rel.error().message;
            return report;
        }
        ++report.applied;
        (points > 0 ? report.added : report.taken) += std::abs(points);
    }
    if (report.applied == 0)
        return report; // nothing to give: the approval stays unused, the file may come again fixed
    // One audit row for the file (its digest refuses it a second time), not one per member.
    if (auto st = writeAudit(db, ctx.nowMs, ctx.operatorId, used->managerId, QStringLiteral("points.import"), digest,
                             reason.trimmed(),
                             QStringLiteral("%1 rows, +%2 -%3").arg(report.applied).arg(report.added).arg(report.taken));
        !st) {
        report.error = st.error().message;
        return report;
    }
    if (auto st = tx.commit(); !st) {
        report.error = st.error().message;
        report.applied = 0;
        report.added = report.taken = 0;
        return report;
    }
    std::stable_sort(report.errors.begin(), report.errors.end(),
                     [](const MemberImportError &a, const MemberImportError &b) { return a.line < b.line; });
    return report;
}

} // namespace huike
