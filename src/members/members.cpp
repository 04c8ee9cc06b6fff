#include "members.h"

#include "coupons.h"
#include "earnings.h"
#include "profile.h"

#include "catalog/pinyin.h"
#include "store/database.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>

namespace huike {

namespace {

const QString kColumns = QStringLiteral(
    "SELECT id, phone, COALESCE(card_no, ''), name, pinyin, gender, birthday, address, notes, consent, "
    "COALESCE(consent_at_ms, 0), consent_how, COALESCE(referrer_id, 0), COALESCE(store_id, 0), "
    "COALESCE(operator_id, 0), card_state, created_at_ms, level_id, "
    "COALESCE((SELECT l.name FROM member_levels l WHERE l.id = level_id), ''), growth, net_spend_fen, points, "
    "principal_fen, bonus_fen, COALESCE(pin_hash, '') <> '', COALESCE(level_expires_ms, 0), "
    "growth - level_base_growth, net_spend_fen - level_base_spend_fen FROM members ");

CardState cardStateOf(const QString &key)
{
    if (key == QLatin1String("lost"))
        return CardState::Lost;
    if (key == QLatin1String("locked"))
        return CardState::Locked;
    if (key == QLatin1String("replaced"))
        return CardState::Replaced;
    return CardState::Active;
}

Member memberOf(const QVariantList &r)
{
    Member m;
    m.id = r.at(0).toLongLong();
    m.phone = r.at(1).toString();
    m.cardNo = r.at(2).toString();
    m.name = r.at(3).toString();
    m.pinyin = r.at(4).toString();
    m.gender = r.at(5).toString();
    m.birthday = r.at(6).toString();
    m.address = r.at(7).toString();
    m.notes = r.at(8).toString();
    m.consent = r.at(9).toLongLong() != 0;
    m.consentAtMs = r.at(10).toLongLong();
    m.consentHow = r.at(11).toString();
    m.referrerId = r.at(12).toLongLong();
    m.storeId = r.at(13).toLongLong();
    m.operatorId = r.at(14).toLongLong();
    m.cardState = cardStateOf(r.at(15).toString());
    m.createdAtMs = r.at(16).toLongLong();
    m.levelId = r.at(17).toLongLong();
    m.levelName = r.at(18).toString();
    m.growth = r.at(19).toLongLong();
    m.netSpend = Money::fromFen(r.at(20).toLongLong());
    m.points = r.at(21).toLongLong();
    m.principal = Money::fromFen(r.at(22).toLongLong());
    m.bonus = Money::fromFen(r.at(23).toLongLong());
    m.hasPin = r.at(24).toBool();
    m.levelExpiresMs = r.at(25).toLongLong();
    m.levelGrowth = r.at(26).toLongLong();
    m.levelSpend = Money::fromFen(r.at(27).toLongLong());
    return m;
}

// 男/女 as typed at a Chinese counter, or the English words, stored as F/M.
std::optional<QString> normalizedGender(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return QString();
    if (t == QStringLiteral("女") || t == QLatin1String("f") || t == QLatin1String("female"))
        return QStringLiteral("F");
    if (t == QStringLiteral("男") || t == QLatin1String("m") || t == QLatin1String("male"))
        return QStringLiteral("M");
    return std::nullopt;
}

// YYYY-MM-DD (also with / or .), or MM-DD when the customer gives no year; a real date, not in the
// future, not before 1900.
std::optional<QString> normalizedBirthday(const QString &text, const QDate &today)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return QString();
    if (const auto d = typedDate(t)) {
        if (*d > today || d->year() < 1900)
            return std::nullopt;
        return d->toString(Qt::ISODate);
    }
    t.replace(QLatin1Char('/'), QLatin1Char('-')).replace(QLatin1Char('.'), QLatin1Char('-'));
    static const QRegularExpression monthDay(QStringLiteral("^(\\d{1,2})-(\\d{1,2})$"));
    if (const auto m = monthDay.match(t); m.hasMatch()) {
        const QDate d(2000, m.captured(1).toInt(), m.captured(2).toInt()); // a leap year: 02-29 is a birthday
        if (!d.isValid())
            return std::nullopt;
        return d.toString(QStringLiteral("MM-dd"));
    }
    return std::nullopt;
}

} // namespace

std::optional<QDate> typedDate(const QString &text)
{
    QString t = text.trimmed();
    t.replace(QLatin1Char('/'), QLatin1Char('-')).replace(QLatin1Char('.'), QLatin1Char('-'));
    static const QRegularExpression full(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    const auto m = full.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!d.isValid())
        return std::nullopt;
    return d;
}

QString cardStateKey(CardState s)
{
    switch (s) {
    case CardState::Lost:
        return QStringLiteral("lost");
    case CardState::Locked:
        return QStringLiteral("locked");
    case CardState::Replaced:
        return QStringLiteral("replaced");
    case CardState::Active:
        break;
    }
    return QStringLiteral("active");
}

MemberService::MemberService(Database &db, const Clock &clock, const ShopTime &time, qint64 storeId)
    : m_db(db), m_clock(clock), m_time(time), m_storeId(storeId)
{
}

Result<NewMember> validateMember(const MemberInput &in, const QDate &today)
{
    const auto phone = normalizedMobile(in.phone);
    if (!phone)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "\"%1\" is not a mainland mobile number: 11 digits starting with 13 to 19.")
                             .arg(in.phone.trimmed()));
    const auto gender = normalizedGender(in.gender);
    if (!gender)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Members", "Gender is 男 or 女 (or left empty), not \"%1\".").arg(in.gender));
    const auto birthday = normalizedBirthday(in.birthday, today);
    if (!birthday)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("Members", "\"%1\" is not a birthday: type it as 1990-05-20, or 05-20 without the year.")
                             .arg(in.birthday));
    NewMember m;
    m.phone = *phone;
    m.gender = *gender;
    m.birthday = *birthday;
    m.card = in.cardNo.trimmed();
    if (m.card.size() > 32 || m.card.contains(QLatin1Char(' ')))
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Members", "A card number has at most 32 characters and no spaces."));
    m.name = in.name.trimmed();
    if (m.name.size() > 40)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Members", "A name has at most 40 characters."));
    m.address = in.address.trimmed();
    m.notes = in.notes.trimmed();
    m.consent = in.consent;
    m.consentHow = in.consentHow;
    m.referrerId = in.referrerId;
    auto tags = normalizedTags(in.tags);
    if (!tags)
        return tags.error();
    m.tags = *tags;
    m.fields = in.fields;
    return m;
}

Status checkMemberFacts(Database &db, const NewMember &m, qint64 exceptMemberId)
{
    // Said plainly, with who it is: two registrations of one phone would split a customer's history.
    auto same = db.statement(QStringLiteral("SELECT name, phone FROM members WHERE id <> ?1 AND (phone = ?2 OR "
                                            "(card_no = ?3 AND card_no IS NOT NULL))"))
                    .select({exceptMemberId, m.phone, m.card.isEmpty() ? QVariant() : QVariant(m.card)});
    if (!same)
        return same.error();
    if (!m.card.isEmpty()) {
        auto old = db.statement(QStringLiteral("SELECT 1 FROM member_cards WHERE card_no = ?")).select({m.card});
        if (!old)
            return old.error();
        if (!old->isEmpty())
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Members", "Card %1 was replaced (补卡) and cannot be used again.")
                                 .arg(m.card));
    }
    if (!same->isEmpty()) {
        const bool samePhone = same->first().at(1).toString() == m.phone;
        return makeError(ErrorCode::Conflict,
                         (samePhone ? QCoreApplication::translate("Members", "%1 is already a member (%2).")
                                    : QCoreApplication::translate("Members", "Card %1 already belongs to %2."))
                             .arg(samePhone ? m.phone : m.card, same->first().at(0).toString()));
    }
    if (m.referrerId > 0) {
        auto ref = db.statement(QStringLiteral("SELECT 1 FROM members WHERE id = ?")).select({m.referrerId});
        if (!ref)
            return ref.error();
        if (ref->isEmpty())
            return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "The referring member does not exist."));
    }
    return Ok{};
}

Result<qint64> insertMember(Database &db, const NewMember &m, qint64 storeId, qint64 operatorId, qint64 nowMs,
                            const QString &auditAction)
{
    if (auto st = checkMemberFacts(db, m, 0); !st)
        return st.error();
    Statement &ins = db.statement(QStringLiteral(
        "INSERT INTO members(phone, card_no, name, pinyin, gender, birthday, address, notes, consent, consent_at_ms, "
        "consent_how, referrer_id, store_id, operator_id, created_at_ms, level_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, (SELECT id FROM member_levels WHERE active = 1 ORDER BY rank LIMIT 1))"));
    if (auto st = ins.exec({m.phone, m.card.isEmpty() ? QVariant() : QVariant(m.card), m.name, pinyinInitials(m.name),
                            m.gender, m.birthday, m.address, m.notes, m.consent.value_or(false) ? 1 : 0,
                            m.consent ? QVariant(nowMs) : QVariant(), m.consent ? m.consentHow : QString(),
                            idOrNull(m.referrerId), idOrNull(storeId), idOrNull(operatorId),
                            m.createdAtMs > 0 ? m.createdAtMs : nowMs});
        !st)
        return st.error();
    const qint64 id = ins.lastInsertId();
    if (!m.tags.isEmpty() || !m.fields.isEmpty())
        if (auto st = writeMemberExtras(db, id, m.tags, m.fields); !st)
            return st.error();
    if (!auditAction.isEmpty())
        if (auto st = writeAudit(db, nowMs, operatorId, 0, auditAction, QString::number(id)); !st)
            return st.error();
    return id;
}

Result<Member> MemberService::registerMember(const MemberInput &in, qint64 operatorId)
{
    const qint64 now = m_clock.nowMs();
    auto valid = validateMember(in, m_time.localDate(now)); // the shop's today, as the import's
    if (!valid)
        return valid.error();
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    auto id = insertMember(m_db, *valid, m_storeId, operatorId, now, QStringLiteral("member.add"));
    if (!id)
        return id.error();
    // 注册礼券: the shop's welcome coupons, with the registration.
    if (auto st = issueRegistrationCoupons(m_db, LedgerContext{m_storeId, 0, operatorId, now, &m_time}, *id); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return byId(*id);
}

QString likePrefix(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return escaped + QLatin1Char('%');
}

Result<QList<Member>> membersWithIds(Database &db, const QList<qint64> &ids)
{
    QList<Member> out;
    if (ids.isEmpty())
        return out;
    // One statement per page size (the list's pages are all one size but the last): ids bound, no
    // SQL built from values.
    QStringList marks;
    marks.reserve(ids.size());
    QVariantList binds;
    binds.reserve(ids.size());
    for (const qint64 id : ids) {
        marks << QStringLiteral("?");
        binds << id;
    }
    auto rows = db.statement(kColumns + QStringLiteral("WHERE id IN (%1)").arg(marks.join(QLatin1Char(',')))).select(binds);
    if (!rows)
        return rows.error();
    QHash<qint64, Member> byId;
    for (const QVariantList &r : *rows) {
        Member m = memberOf(r);
        byId.insert(m.id, m);
    }
    for (const qint64 id : ids)
        if (auto it = byId.constFind(id); it != byId.cend())
            out.append(*it);
    return out;
}

Result<Member> MemberService::byId(qint64 id)
{
    auto rows = m_db.statement(kColumns + QStringLiteral("WHERE id = ?")).select({id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    return memberOf(rows->first());
}

Result<Member> MemberService::byPhoneOrCard(const QString &text)
{
    const QString t = text.trimmed();
    const auto phone = normalizedMobile(t);
    auto rows = m_db.statement(kColumns + QStringLiteral("WHERE phone = ? UNION ALL ") + kColumns +
                               QStringLiteral("WHERE card_no = ? LIMIT 1"))
                    .select({phone.value_or(QString()), t});
    if (!rows)
        return rows.error();
    if (rows->isEmpty()) {
        // A card given up at 补卡 is refused by name, so the cashier knows the member has a new one.
        auto old = m_db.statement(QStringLiteral("SELECT replaced_by FROM member_cards WHERE card_no = ?")).select({t});
        if (!old)
            return old.error();
        if (!old->isEmpty())
            return makeError(ErrorCode::Denied,
                             QCoreApplication::translate("Members", "Card %1 was replaced (补卡): use the member's new card "
                                                                    "or their phone.")
                                 .arg(t));
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No member has the phone or card %1.").arg(t));
    }
    return memberOf(rows->first());
}

ApprovalScope MemberService::cardApprovalScope(qint64 memberId, const QString &newCard)
{
    return ApprovalScope{kApproveMemberCard,
                         newCard.isEmpty() ? QStringLiteral("unlock:%1").arg(memberId)
                                           : QStringLiteral("replace:%1:%2").arg(memberId).arg(newCard.trimmed()),
                         Money()};
}

Status requireReason(const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Members", "Give a reason."));
    return Ok{};
}

Status MemberService::setCardState(qint64 memberId, CardState state, const QString &action, const QString &reason,
                                   qint64 operatorId, qint64 authorizedBy)
{
    Statement &u = m_db.statement(QStringLiteral("UPDATE members SET card_state = ? WHERE id = ?"));
    if (auto st = u.exec({cardStateKey(state), memberId}); !st)
        return st;
    if (u.changes() != 1)
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Members", "No such member."));
    return writeAudit(m_db, m_clock.nowMs(), operatorId, authorizedBy, action, QString::number(memberId), reason.trimmed());
}

Status MemberService::blockCard(qint64 memberId, CardState state, const QString &action, const QString &reason,
                                qint64 operatorId)
{
    if (auto st = requireReason(reason); !st)
        return st;
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    if (auto st = setCardState(memberId, state, action, reason, operatorId, 0); !st)
        return st;
    return tx.commit();
}

Status MemberService::reportLost(qint64 memberId, const QString &reason, qint64 operatorId)
{
    return blockCard(memberId, CardState::Lost, QStringLiteral("member.lost"), reason, operatorId);
}

Status MemberService::lock(qint64 memberId, const QString &reason, qint64 operatorId)
{
    return blockCard(memberId, CardState::Locked, QStringLiteral("member.lock"), reason, operatorId);
}

Status MemberService::unlock(qint64 memberId, const QString &reason, qint64 operatorId, const QString &approvalToken)
{
    if (auto st = requireReason(reason); !st)
        return st;
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    auto member = byId(memberId);
    if (!member)
        return member.error();
    if (member->cardState == CardState::Active)
        return makeError(ErrorCode::Conflict, QCoreApplication::translate("Members", "The card is not lost or locked."));
    auto used = consumeApproval(m_db, m_clock.nowMs(), approvalToken, cardApprovalScope(memberId));
    if (!used)
        return used.error();
    if (auto st = setCardState(memberId, CardState::Active, QStringLiteral("member.unlock"), reason, operatorId,
                               used->managerId);
        !st)
        return st;
    return tx.commit();
}

Status MemberService::replaceCard(qint64 memberId, const QString &newCard, const QString &reason, qint64 operatorId,
                                  const QString &approvalToken)
{
    const QString card = newCard.trimmed();
    if (auto st = requireReason(reason); !st)
        return st;
    if (card.isEmpty() || card.size() > 32 || card.contains(QLatin1Char(' ')))
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Members", "A card number has at most 32 characters and no spaces."));
    WriteTransaction tx(m_db);
    if (!tx.began())
        return tx.beginError();
    auto member = byId(memberId);
    if (!member)
        return member.error();
    if (card == member->cardNo)
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("Members", "That is the member's card already."));
    auto taken = m_db.statement(QStringLiteral("SELECT 1 FROM members WHERE card_no = ?1 UNION ALL "
                                               "SELECT 1 FROM member_cards WHERE card_no = ?1"))
                     .select({card});
    if (!taken)
        return taken.error();
    if (!taken->isEmpty())
        return makeError(ErrorCode::Conflict, QCoreApplication::translate("Members", "Card %1 is or was another card: "
                                                                                      "use a new one.")
                                                  .arg(card));
    auto used = consumeApproval(m_db, m_clock.nowMs(), approvalToken, cardApprovalScope(memberId, card));
    if (!used)
        return used.error();
    const qint64 now = m_clock.nowMs();
    // A member whose phone was the card has no old card number to keep.
    if (!member->cardNo.isEmpty())
        if (auto st = m_db.statement(QStringLiteral("INSERT INTO member_cards(card_no, member_id, replaced_by, "
                                                    "replaced_at_ms, operator_id, authorized_by, reason) "
                                                    "VALUES (?, ?, ?, ?, ?, ?, ?)"))
                          .exec({member->cardNo, memberId, card, now, idOrNull(operatorId),
                                 used->managerId, reason.trimmed()});
            !st)
            return st;
    if (auto st = m_db.statement(QStringLiteral("UPDATE members SET card_no = ?, card_state = 'active' WHERE id = ?"))
                      .exec({card, memberId});
        !st)
        return st;
    if (auto st = writeAudit(m_db, now, operatorId, used->managerId, QStringLiteral("member.replace_card"),
                             QString::number(memberId), reason.trimmed(),
                             QStringLiteral("%1 -> %2").arg(member->cardNo, card));
        !st)
        return st;
    return tx.commit();
}

Result<QList<Member>> MemberService::find(const QString &text, int limit)
{
    const QString t = text.trimmed();
    QList<Member> out;
    if (t.isEmpty())
        return out;
    static const QRegularExpression fourDigits(QStringLiteral("^\\d{4}$"));
    Result<QList<QVariantList>> rows = QList<QVariantList>{};
    if (fourDigits.match(t).hasMatch())
        rows = m_db.statement(kColumns + QStringLiteral("WHERE substr(phone, -4) = ? ORDER BY id LIMIT ?"))
                   .select({t, limit});
    else if (auto one = byPhoneOrCard(t); one)
        return QList<Member>{*one};
    else if (one.error().code != ErrorCode::NotFound)
        return one.error();
    else {
        // By name or pinyin initials: a prefix, so the index serves it.
        rows = m_db.statement(kColumns + QStringLiteral("WHERE name LIKE ?1 ESCAPE '\\' OR pinyin LIKE lower(?1) "
                                                        "ESCAPE '\\' ORDER BY id LIMIT ?2"))
                   .select({likePrefix(t), limit});
    }
    if (!rows)
        return rows.error();
    for (const QVariantList &r : *rows)
        out.append(memberOf(r));
    return out;
}

} // namespace huike
