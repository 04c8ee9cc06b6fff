#include "memberlist.h"

#include "profile.h"

#include "store/database.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace huike {

Status MemberList::load(const MemberFilter &filter)
{
    QStringList where;
    QVariantList binds;
    const QString t = filter.text.trimmed();
    static const QRegularExpression fourDigits(QStringLiteral("^\\d{4}$"));
    if (!t.isEmpty()) {
        if (fourDigits.match(t).hasMatch()) {
            where << QStringLiteral("substr(phone, -4) = ?");
            binds << t;
        } else if (const auto phone = normalizedMobile(t)) {
            where << QStringLiteral("phone = ?");
            binds << *phone;
        } else {
            // A card number, or a name or pinyin prefix (the indexes serve each).
            where << QStringLiteral("(card_no = ? OR name LIKE ? ESCAPE '\\' OR pinyin LIKE lower(?) ESCAPE '\\')");
            binds << t << likePrefix(t) << likePrefix(t);
        }
    }
    if (filter.levelId > 0) {
        where << QStringLiteral("level_id = ?");
        binds << filter.levelId;
    }
    if (filter.birthdayMonth >= 1 && filter.birthdayMonth <= 12) {
        // The members_birthday index: the day of the year as MM-DD, a range for the month.
        const QString month = QStringLiteral("%1").arg(filter.birthdayMonth, 2, 10, QLatin1Char('0'));
        where << QStringLiteral("substr(birthday, -5) BETWEEN ? AND ?");
        binds << month + QStringLiteral("-01") << month + QStringLiteral("-31");
    }
    if (filter.withStoredValue)
        where << QStringLiteral("principal_fen + bonus_fen > 0");
    if (filter.withPoints)
        where << QStringLiteral("points > 0");
    if (!filter.tag.trimmed().isEmpty()) {
        where << QStringLiteral("id IN (SELECT member_id FROM member_tags WHERE tag = ?)");
        binds << filter.tag.trimmed();
    }
    if (filter.consent) {
        where << QStringLiteral("consent = ?");
        binds << (*filter.consent ? 1 : 0);
    }
    if (filter.fieldId > 0) {
        auto fields = memberFields(m_db, true);
        if (!fields)
            return fields.error();
        const auto f = std::find_if(fields->cbegin(), fields->cend(), [&](const MemberField &d) { return d.id == filter.fieldId; });
        if (f == fields->cend())
            return makeError(ErrorCode::NotFound, QCoreApplication::translate("MemberProfile", "No such field."));
        const QString from = filter.fieldValue.trimmed();
        const QString to = filter.fieldTo.trimmed();
        const QString values = QStringLiteral("id IN (SELECT member_id FROM member_field_values WHERE field_id = ? AND %1)");
        auto bound = [&](const QString &text) -> Result<QString> { return normalizedFieldValue(*f, text); };
        if (f->kind == QLatin1String("number") || f->kind == QLatin1String("date")) {
            // Numbers compare as numbers, dates (YYYY-MM-DD) as text.
            const QString v = f->kind == QLatin1String("number") ? QStringLiteral("CAST(value AS REAL)") : QStringLiteral("value");
            QStringList range;
            QVariantList rangeBinds;
            for (const auto &[text, op] : {std::pair{from, ">="}, std::pair{to, "<="}}) {
                if (text.isEmpty())
                    continue;
                auto b = bound(text);
                if (!b)
                    return b.error();
                range << QStringLiteral("%1 %2 ?").arg(v, QLatin1String(op));
                rangeBinds << (f->kind == QLatin1String("number") ? QVariant(b->toDouble()) : QVariant(*b));
            }
            where << values.arg(range.isEmpty() ? QStringLiteral("1") : range.join(QStringLiteral(" AND ")));
            binds << f->id << rangeBinds;
        } else if (f->kind == QLatin1String("text")) {
            where << values.arg(QStringLiteral("instr(value, ?) > 0"));
            binds << f->id << from;
        } else if (from.isEmpty()) {
            where << values.arg(QStringLiteral("1")); // any choice made
            binds << f->id;
        } else {
            // A multiple choice is kept as a|b|c: the choice between bars.
            where << values.arg(f->kind == QLatin1String("multi") ? QStringLiteral("instr('|' || value || '|', '|' || ? || '|') > 0")
                                                                   : QStringLiteral("value = ?"));
            binds << f->id << from;
        }
    }
    const QString sql = QStringLiteral("SELECT id FROM members %1 ORDER BY id DESC")
                            .arg(where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")));
    auto rows = m_db.statement(sql).select(binds);
    if (!rows)
        return rows.error();
    m_ids.clear();
    m_ids.reserve(static_cast<size_t>(rows->size()));
    for (const QVariantList &r : *rows)
        m_ids.push_back(r.at(0).toLongLong());
    m_pages.clear();
    m_order.clear();
    m_pagesRead = 0;
    return Ok{};
}

Status MemberList::readPage(int page)
{
    const size_t first = static_cast<size_t>(page) * kPageSize;
    const size_t last = std::min(m_ids.size(), first + kPageSize);
    QList<qint64> ids;
    ids.reserve(static_cast<qsizetype>(last - first));
    for (size_t i = first; i < last; ++i)
        ids << m_ids.at(i);
    auto members = membersWithIds(m_db, ids);
    if (!members)
        return members.error();
    // A member written meanwhile cannot leave a row empty: the page keeps one per id it was asked for.
    QList<Member> rows;
    rows.reserve(ids.size());
    qsizetype next = 0;
    for (const qint64 id : ids) {
        if (next < members->size() && members->at(next).id == id) {
            rows << members->at(next++);
        } else {
            Member gone;
            gone.id = id;
            rows << gone;
        }
    }
    m_pages.insert(page, rows);
    m_order.removeAll(page);
    m_order << page;
    while (m_order.size() > kPagesKept)
        m_pages.remove(m_order.takeFirst());
    ++m_pagesRead;
    return Ok{};
}

void MemberList::show(std::vector<qint64> ids)
{
    m_ids = std::move(ids);
    m_pages.clear();
    m_order.clear();
    m_pagesRead = 0;
}

Result<Member> MemberList::at(int row)
{
    if (row < 0 || row >= size())
        return makeError(ErrorCode::NotFound, QStringLiteral("row %1 of %2").arg(row).arg(size()));
    const int page = row / kPageSize;
    if (!m_pages.contains(page))
        if (auto st = readPage(page); !st)
            return st.error();
    return m_pages.value(page).at(row % kPageSize);
}

} // namespace huike
