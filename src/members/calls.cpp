#include "calls.h"

#include "core/phone.h"
#include "store/database.h"
#include "store/statement.h"

#include <QCoreApplication>

namespace huike {

QString callerMobile(const QString &number)
{
    QString n = number.trimmed();
    if (n.startsWith(QLatin1String("0086")))
        n = n.mid(4);
    // The trunk 0 before a mobile from another city: 0 and 1[3-9] and nine digits.
    if (n.size() == 12 && n.startsWith(QLatin1Char('0')) && n.at(1) == QLatin1Char('1'))
        n = n.mid(1);
    return normalizedMobile(n).value_or(QString());
}

Result<CallRecord> CallLog::record(const QString &number, const QString &withheld, const QString &name,
                                   const QString &reportedAt, qint64 atMs)
{
    CallRecord c;
    c.atMs = atMs;
    c.number = number;
    c.withheld = withheld;
    c.name = name;
    c.reportedAt = reportedAt;
    if (const QString mobile = callerMobile(number); !mobile.isEmpty()) {
        auto rows = m_db.statement(QStringLiteral("SELECT id, name, phone FROM members WHERE phone = ?")).select({mobile});
        if (!rows)
            return rows.error();
        if (!rows->isEmpty()) {
            c.memberId = rows->first().at(0).toLongLong();
            c.memberName = rows->first().at(1).toString();
            c.memberPhone = rows->first().at(2).toString();
        }
    }
    Statement &s = m_db.statement(QStringLiteral("INSERT INTO call_log(terminal, at_ms, number, withheld, name, "
                                                 "reported, member_id) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (auto st = s.exec({m_terminal, atMs, nonNull(number), nonNull(withheld), nonNull(name), nonNull(reportedAt),
                          idOrNull(c.memberId)});
        !st)
        return st.error();
    c.id = s.lastInsertId();
    return c;
}

Result<QList<CallRecord>> CallLog::recent(int limit)
{
    auto rows = m_db.statement(QStringLiteral("SELECT c.id, c.at_ms, c.number, c.withheld, c.name, c.reported, "
                                              "COALESCE(c.member_id, 0), COALESCE(m.name, ''), COALESCE(m.phone, '') "
                                              "FROM call_log c LEFT JOIN members m ON m.id = c.member_id "
                                              "ORDER BY c.at_ms DESC, c.id DESC LIMIT ?"))
                    .select({limit});
    if (!rows)
        return rows.error();
    QList<CallRecord> out;
    for (const QVariantList &r : *rows)
        out.append(CallRecord{r.at(0).toLongLong(), r.at(1).toLongLong(), r.at(2).toString(), r.at(3).toString(),
                              r.at(4).toString(), r.at(5).toString(), r.at(6).toLongLong(), r.at(7).toString(),
                              r.at(8).toString()});
    return out;
}

Status CallLog::linkMember(qint64 callId, qint64 memberId)
{
    return m_db.statement(QStringLiteral("UPDATE call_log SET member_id = ? WHERE id = ?")).exec({memberId, callId});
}

} // namespace huike
