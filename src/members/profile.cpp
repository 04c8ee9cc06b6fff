#include "profile.h"

#include "membercsv.h"

#include "catalog/pinyin.h"
#include "store/database.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace huike {

namespace {

// How people separate several things typed in one box: tags, a multiple choice.
const QRegularExpression &separators()
{
    static const QRegularExpression re(QStringLiteral("[\\s,，、;；|]+"));
    return re;
}

} // namespace

const QStringList &memberFieldKinds()
{
    static const QStringList kinds = {QStringLiteral("text"), QStringLiteral("number"), QStringLiteral("date"),
                                      QStringLiteral("choice"), QStringLiteral("multi")};
    return kinds;
}

Result<QList<MemberField>> memberFields(Database &db, bool withRetired)
{
    auto rows = db.statement(QStringLiteral("SELECT id, label, kind, choices, sort_order, active FROM member_fields "
                                            "WHERE active = 1 OR ? ORDER BY sort_order, id"))
                    .select({withRetired});
    if (!rows)
        return rows.error();
    QList<MemberField> out;
    for (const QVariantList &r : *rows) {
        MemberField f;
        f.id = r.at(0).toLongLong();
        f.label = r.at(1).toString();
        f.kind = r.at(2).toString();
        f.choices = r.at(3).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        f.sortOrder = r.at(4).toInt();
        f.active = r.at(5).toBool();
        out.append(f);
    }
    return out;
}

Result<qint64> saveMemberField(Database &db, const MemberField &in, qint64 operatorId, qint64 nowMs)
{
    MemberField f = in;
    f.label = f.label.trimmed();
    if (f.label.isEmpty() || f.label.size() > 20)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "A field's name has 1 to 20 characters."));
    if (isMemberCsvColumn(f.label))
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "%1 is one of the member list's own columns: give the field another name.").arg(f.label));
    if (!memberFieldKinds().contains(f.kind))
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "A field is text, a number, a date, a choice or a multiple choice."));
    QStringList choices;
    for (const QString &c : std::as_const(f.choices)) {
        const QString t = c.trimmed();
        if (t.isEmpty() || choices.contains(t))
            continue;
        if (t.contains(QLatin1Char('|')) || t.size() > 20)
            return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "A choice has at most 20 characters and no \"|\"."));
        choices << t;
    }
    const bool choosing = f.kind == QLatin1String("choice") || f.kind == QLatin1String("multi");
    if (choosing && choices.isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "Give the choices, one per line."));
    if (!choosing)
        choices.clear();
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    auto clash = db.statement(QStringLiteral("SELECT id FROM member_fields WHERE label = ? AND id <> ?")).select({f.label, f.id});
    if (!clash)
        return clash.error();
    if (!clash->isEmpty())
        return makeError(ErrorCode::Conflict, QCoreApplication::translate("MemberProfile", "There is a field named %1 already.").arg(f.label));
    qint64 id = f.id;
    if (id > 0) {
        auto old = db.statement(QStringLiteral("SELECT kind, choices FROM member_fields WHERE id = ?")).select({id});
        if (!old)
            return old.error();
        if (old->isEmpty())
            return makeError(ErrorCode::NotFound, QCoreApplication::translate("MemberProfile", "No such field."));
        const QString oldKind = old->first().at(0).toString();
        // The values members hold, each once (a million members hold a handful of choices).
        auto used = db.statement(QStringLiteral("SELECT DISTINCT value FROM member_field_values WHERE field_id = ?")).select({id});
        if (!used)
            return used.error();
        if (oldKind != f.kind && !used->isEmpty())
            return makeError(ErrorCode::Conflict, QCoreApplication::translate("MemberProfile", "Members have values for %1: its kind cannot change. Retire it "
                                                     "and add a new field instead.")
                                                      .arg(f.label));
        // A choice members hold stays a choice: taking it away would leave values nobody can pick.
        if (choosing)
            for (const QVariantList &v : *used)
                for (const QString &c : v.at(0).toString().split(QLatin1Char('|'), Qt::SkipEmptyParts))
                    if (!choices.contains(c))
                        return makeError(ErrorCode::Conflict,
                                         QCoreApplication::translate("MemberProfile", "Members have chosen \"%1\": it stays one of the choices.").arg(c));
        if (auto st = db.statement(QStringLiteral("UPDATE member_fields SET label = ?, kind = ?, choices = ?, "
                                                  "sort_order = ?, active = ? WHERE id = ?"))
                          .exec({f.label, f.kind, choices.join(QLatin1Char('\n')), f.sortOrder, f.active, id});
            !st)
            return st.error();
    } else {
        Statement &ins = db.statement(QStringLiteral("INSERT INTO member_fields(label, kind, choices, sort_order, "
                                                     "active) VALUES (?, ?, ?, ?, ?)"));
        if (auto st = ins.exec({f.label, f.kind, choices.join(QLatin1Char('\n')), f.sortOrder, f.active}); !st)
            return st.error();
        id = ins.lastInsertId();
    }
    if (auto st = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("settings.member_field"), QString::number(id), {},
                             QStringLiteral("%1 %2 %3").arg(f.label, f.kind, f.active ? QStringLiteral("active")
                                                                                      : QStringLiteral("retired")));
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return id;
}

Result<QString> normalizedFieldValue(const MemberField &f, const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QString();
    if (f.kind == QLatin1String("number")) {
        QString v = t;
        v.remove(QLatin1Char(','));
        bool ok = false;
        const double d = QLocale::c().toDouble(v, &ok);
        if (!ok || !std::isfinite(d))
            return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "%1 is a number, not \"%2\".").arg(f.label, t));
        return QLocale::c().toString(d, 'g', 15);
    }
    if (f.kind == QLatin1String("date")) {
        const auto d = typedDate(t);
        if (!d)
            return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "%1 is a date such as 2027-03-01, not \"%2\".").arg(f.label, t));
        return d->toString(Qt::ISODate);
    }
    if (f.kind == QLatin1String("choice")) {
        if (!f.choices.contains(t))
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("MemberProfile", "%1 is one of %2, not \"%3\".").arg(f.label, f.choices.join(QStringLiteral("、")), t));
        return t;
    }
    if (f.kind == QLatin1String("multi")) {
        const QStringList typed = t.split(separators(), Qt::SkipEmptyParts);
        for (const QString &c : typed)
            if (!f.choices.contains(c))
                return makeError(ErrorCode::Invalid,
                                 QCoreApplication::translate("MemberProfile", "%1 takes any of %2, not \"%3\".").arg(f.label, f.choices.join(QStringLiteral("、")), c));
        QStringList kept;
        for (const QString &c : f.choices)
            if (typed.contains(c))
                kept << c;
        return kept.join(QLatin1Char('|'));
    }
    if (t.size() > 200)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "%1 has at most 200 characters.").arg(f.label));
    QString line = t;
    line.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' ')); // one line, as the form shows it
    return line;
}

Result<QHash<qint64, QString>> memberFieldValues(Database &db, qint64 memberId)
{
    auto rows = db.statement(QStringLiteral("SELECT field_id, value FROM member_field_values WHERE member_id = ?"))
                    .select({memberId});
    if (!rows)
        return rows.error();
    QHash<qint64, QString> out;
    for (const QVariantList &r : *rows)
        out.insert(r.at(0).toLongLong(), r.at(1).toString());
    return out;
}

Result<QStringList> memberTags(Database &db, qint64 memberId)
{
    auto rows = db.statement(QStringLiteral("SELECT tag FROM member_tags WHERE member_id = ? ORDER BY tag")).select({memberId});
    if (!rows)
        return rows.error();
    QStringList out;
    for (const QVariantList &r : *rows)
        out << r.at(0).toString();
    return out;
}

Result<QList<std::pair<QString, qint64>>> tagCounts(Database &db)
{
    // tag_counts is kept as tags are written (writeMemberExtras): a few rows, not a million.
    auto rows = db.statement(QStringLiteral("SELECT tag, members FROM tag_counts WHERE members > 0 ORDER BY members DESC, tag"))
                    .select();
    if (!rows)
        return rows.error();
    QList<std::pair<QString, qint64>> out;
    for (const QVariantList &r : *rows)
        out.append({r.at(0).toString(), r.at(1).toLongLong()});
    return out;
}

Result<QStringList> normalizedTags(const QStringList &typed)
{
    QStringList out;
    for (const QString &entry : typed)
        for (const QString &tag : entry.split(separators(), Qt::SkipEmptyParts)) {
            if (tag.size() > 20)
                return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "A tag has at most 20 characters: \"%1\".").arg(tag));
            if (!out.contains(tag))
                out << tag;
        }
    if (out.size() > 20)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "A member has at most 20 tags."));
    out.sort();
    return out;
}

Result<QStringList> writeMemberExtras(Database &db, qint64 memberId, const QStringList &tags,
                                      const QHash<qint64, QString> &fields)
{
    auto defined = memberFields(db);
    if (!defined)
        return defined.error();
    QHash<qint64, QString> values;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const auto f = std::find_if(defined->cbegin(), defined->cend(), [&](const MemberField &d) { return d.id == it.key(); });
        if (f == defined->cend())
            return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "The custom field %1 is not one of the shop's fields.").arg(it.key()));
        auto v = normalizedFieldValue(*f, it.value());
        if (!v)
            return v.error();
        values.insert(it.key(), *v);
    }
    // Only the tags that change are written, and each tag's count with them.
    auto held = memberTags(db, memberId);
    if (!held)
        return held.error();
    Statement &untag = db.statement(QStringLiteral("DELETE FROM member_tags WHERE member_id = ? AND tag = ?"));
    Statement &less = db.statement(QStringLiteral("UPDATE tag_counts SET members = members - 1 WHERE tag = ?"));
    QStringList changed;
    for (const QString &t : std::as_const(*held))
        if (!tags.contains(t)) {
            if (auto st = untag.exec({memberId, t}); !st)
                return st.error();
            if (auto st = less.exec({t}); !st)
                return st.error();
        }
    Statement &tag = db.statement(QStringLiteral("INSERT INTO member_tags(member_id, tag) VALUES (?, ?)"));
    Statement &more = db.statement(QStringLiteral("INSERT INTO tag_counts(tag, members) VALUES (?, 1) ON CONFLICT(tag) "
                                                  "DO UPDATE SET members = members + 1"));
    for (const QString &t : tags)
        if (!held->contains(t)) {
            if (auto st = tag.exec({memberId, t}); !st)
                return st.error();
            if (auto st = more.exec({t}); !st)
                return st.error();
        }
    if (*held != tags)
        changed << QStringLiteral("tags");
    // Only the fields given, and of them only those whose value changes: a form shows every
    // active field, an import only its columns.
    auto current = memberFieldValues(db, memberId);
    if (!current)
        return current.error();
    Statement &clear = db.statement(QStringLiteral("DELETE FROM member_field_values WHERE member_id = ? AND field_id = ?"));
    Statement &set = db.statement(QStringLiteral("INSERT INTO member_field_values(member_id, field_id, value) VALUES (?, ?, ?)"));
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (current->value(it.key()) == it.value())
            continue;
        if (auto st = clear.exec({memberId, it.key()}); !st)
            return st.error();
        if (!it.value().isEmpty())
            if (auto st = set.exec({memberId, it.key(), it.value()}); !st)
                return st.error();
        if (!changed.contains(QStringLiteral("fields")))
            changed << QStringLiteral("fields");
    }
    return changed;
}

Status updateMember(Database &db, qint64 memberId, const MemberInput &input, qint64 operatorId, qint64 nowMs,
                    const QDate &today)
{
    auto valid = validateMember(input, today);
    if (!valid)
        return valid.error();
    const NewMember &m = *valid;
    if (m.referrerId == memberId)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "A member cannot refer themselves."));
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    auto rows = db.statement(QStringLiteral("SELECT phone, COALESCE(card_no, ''), name, gender, birthday, address, "
                                            "notes, consent, COALESCE(referrer_id, 0), consent_at_ms IS NOT NULL "
                                            "FROM members WHERE id = ?"))
                    .select({memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("MemberProfile", "No such member."));
    const QVariantList &old = rows->first();
    const QString oldCard = old.at(1).toString();
    if (!oldCard.isEmpty() && m.card != oldCard)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "The card number changes only by 补卡 (replace card)."));
    if (auto st = checkMemberFacts(db, m, memberId); !st)
        return st;
    // What changed, said in the audit row (not the values: the log is not a second copy of a
    // customer's data).
    QStringList changed;
    const QStringList parts = {QStringLiteral("phone"), QStringLiteral("card"), QStringLiteral("name"),
                               QStringLiteral("gender"), QStringLiteral("birthday"), QStringLiteral("address"),
                               QStringLiteral("notes")};
    const QStringList now = {m.phone, m.card, m.name, m.gender, m.birthday, m.address, m.notes};
    for (int i = 0; i < parts.size(); ++i)
        if (old.at(i).toString() != now.at(i))
            changed << parts.at(i);
    const bool oldConsent = old.at(7).toBool();
    const bool consentChanged = m.consent && (*m.consent != oldConsent || !old.at(9).toBool());
    if (consentChanged)
        changed << QStringLiteral("consent");
    if (old.at(8).toLongLong() != m.referrerId)
        changed << QStringLiteral("referrer");
    if (auto st = db.statement(QStringLiteral("UPDATE members SET phone = ?, card_no = ?, name = ?, pinyin = ?, "
                                              "gender = ?, birthday = ?, address = ?, notes = ?, referrer_id = ? "
                                              "WHERE id = ?"))
                      .exec({m.phone, m.card.isEmpty() ? QVariant() : QVariant(m.card), m.name, pinyinInitials(m.name),
                             m.gender, m.birthday, m.address, m.notes, idOrNull(m.referrerId), memberId});
        !st)
        return st;
    if (consentChanged)
        if (auto st = db.statement(QStringLiteral("UPDATE members SET consent = ?, consent_at_ms = ?, consent_how = ? "
                                                  "WHERE id = ?"))
                          .exec({*m.consent ? 1 : 0, nowMs,
                                 m.consentHow.isEmpty() ? QStringLiteral("edit") : m.consentHow, memberId});
            !st)
            return st;
    auto extras = writeMemberExtras(db, memberId, m.tags, m.fields);
    if (!extras)
        return extras.error();
    changed << *extras;
    if (changed.isEmpty())
        return Ok{}; // nothing to say; the transaction rolls back with nothing in it
    if (auto st = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("member.edit"), QString::number(memberId), {},
                             changed.join(QLatin1Char(',')));
        !st)
        return st;
    return tx.commit();
}

Result<QByteArray> memberPhoto(Database &db, qint64 memberId)
{
    auto rows = db.statement(QStringLiteral("SELECT image FROM member_photos WHERE member_id = ?")).select({memberId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return QByteArray();
    return rows->first().at(0).toByteArray();
}

Status setMemberPhoto(Database &db, qint64 memberId, const QByteArray &image, qint64 operatorId, qint64 nowMs)
{
    const bool jpeg = image.startsWith("\xFF\xD8\xFF");
    const bool png = image.startsWith("\x89PNG\r\n\x1A\n");
    if (!image.isEmpty() && !jpeg && !png)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "A photo is a JPEG or PNG picture."));
    if (image.size() > kMaxPhotoBytes)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("MemberProfile", "The photo is too large: at most %1 KB once scaled.").arg(kMaxPhotoBytes / 1024));
    WriteTransaction tx(db);
    if (!tx.began())
        return tx.beginError();
    auto member = db.statement(QStringLiteral("SELECT 1 FROM members WHERE id = ?")).select({memberId});
    if (!member)
        return member.error();
    if (member->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("MemberProfile", "No such member."));
    Status st = image.isEmpty()
                    ? db.statement(QStringLiteral("DELETE FROM member_photos WHERE member_id = ?")).exec({memberId})
                    : db.statement(QStringLiteral("INSERT INTO member_photos(member_id, image, updated_at_ms) VALUES "
                                                  "(?1, ?2, ?3) ON CONFLICT(member_id) DO UPDATE SET image = ?2, "
                                                  "updated_at_ms = ?3"))
                          .exec({memberId, image, nowMs});
    if (!st)
        return st;
    if (auto a = writeAudit(db, nowMs, operatorId, 0, QStringLiteral("member.photo"), QString::number(memberId), {},
                            image.isEmpty() ? QStringLiteral("removed") : QStringLiteral("%1 bytes").arg(image.size()));
        !a)
        return a;
    return tx.commit();
}

} // namespace huike
