#pragma once

#include "core/clock.h"
#include "core/money.h"
#include "core/phone.h" // normalizedMobile, which members were the first to need
#include "core/result.h"
#include "operators/approvals.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace huike {

class Database;

// A member's card, as the shop manages it. Lost (挂失) and locked cards are refused at the till;
// a replaced card is refused for good (its member carries on with the new card).
enum class CardState { Active, Lost, Locked, Replaced };
QString cardStateKey(CardState s); // "active", "lost", "locked", "replaced"

struct Member {
    qint64 id = 0;
    QString phone; // an 11-digit mainland mobile: the member's identity and, with no card, their card
    QString cardNo;
    QString name;
    QString pinyin; // initials of the name, for search
    QString gender; // "F", "M" or empty
    QString birthday; // YYYY-MM-DD, or MM-DD when the year was not given, or empty
    QString address;
    QString notes;
    bool consent = false; // may be sent marketing
    qint64 consentAtMs = 0;
    QString consentHow; // "counter", "import", "cli", ...
    qint64 referrerId = 0;
    qint64 storeId = 0;
    qint64 operatorId = 0; // who registered the member
    CardState cardState = CardState::Active;
    qint64 createdAtMs = 0;
    // Standing in the programme (members/levels.h), each the sum of its ledger.
    qint64 levelId = 0;
    QString levelName;
    qint64 levelExpiresMs = 0; // the level lapses then (members/levels.h); 0: held for good
    qint64 levelGrowth = 0;    // what counts towards levels: growth and net spend since a level last
    Money levelSpend;          // lapsed (all of it when none has)
    qint64 growth = 0;
    Money netSpend;
    qint64 points = 0; // as booked; usablePoints() leaves out lots expired since
    Money principal;   // stored value (members/storedvalue.h): what the member paid in ...
    Money bonus;       // ... and what recharges gave on top
    bool hasPin = false; // stored value pays only with the member's PIN
};

// What is typed at registration; phone is required, the rest optional.
struct MemberInput {
    QString phone;
    QString cardNo;
    QString name;
    QString gender; // 男/女/F/M/female/male, or empty
    QString birthday;
    QString address;
    QString notes;
    std::optional<bool> consent; // not asked: no consent
    QString consentHow;
    qint64 referrerId = 0;
    QStringList tags;               // members/profile.h
    QHash<qint64, QString> fields;  // custom field id -> value as typed (members/profile.h)
};

// A registration as checked: phone, gender (F/M) and birthday normalized, the rest trimmed.
struct NewMember {
    QString phone;
    QString card;
    QString name;
    QString gender;
    QString birthday;
    QString address;
    QString notes;
    std::optional<bool> consent;
    QString consentHow;
    qint64 referrerId = 0;
    QStringList tags;              // normalized
    QHash<qint64, QString> fields; // as typed: insertMember checks them against the shop's fields
    qint64 createdAtMs = 0; // when they became a member (an import's 注册时间); 0: now
};
// Refuses, with what to type instead, a phone that is not a mainland mobile, a gender or birthday
// that cannot be read, a card or name too long. `today` bounds the birthday.
Result<NewMember> validateMember(const MemberInput &input, const QDate &today);
// Conflict when another member (not `exceptMemberId`) has the phone or card, or the card was
// given up at 补卡; NotFound when the referrer is no member. Registration and 编辑资料 both ask.
Status checkMemberFacts(Database &db, const NewMember &member, qint64 exceptMemberId);
// Inside the caller's write transaction: the member, and the audit row `auditAction` (empty: the
// caller writes one for many, as an import does). Conflict
// when the phone or card is already a member's, or the card was given up at 补卡. Returns the id.
// Registration and the CSV import (members/membercsv.h) both write members through it.
Result<qint64> insertMember(Database &db, const NewMember &member, qint64 storeId, qint64 operatorId, qint64 nowMs,
                            const QString &auditAction);

// `text` as a LIKE pattern for what starts with it (ESCAPE '\\'): the till's find() and the member
// list's search by name or pinyin initials, so a typed % or _ is taken as itself.
QString likePrefix(const QString &text);

// The members with these ids, in the order given (ids with no member are left out): a page of the
// member screen's list (members/memberlist.h).
Result<QList<Member>> membersWithIds(Database &db, const QList<qint64> &ids);

// A date as people type it: 2027-03-01, 2027/3/1 or 2027.3.1; nullopt when it is none (a
// birthday, a custom date field).
std::optional<QDate> typedDate(const QString &text);


// Card operations and points adjusted by hand are done for a reason, kept in the audit log:
// Invalid ("Give a reason.") when there is none.
Status requireReason(const QString &reason);

// Members: registration, look-up at the till and in the member screen.
class MemberService {
public:
    // `time`: the shop's calendar, for the validity of coupons given on registration.
    MemberService(Database &db, const Clock &clock, const ShopTime &time, qint64 storeId);

    Result<Member> registerMember(const MemberInput &input, qint64 operatorId);
    Result<Member> byId(qint64 id);
    // A full phone number (any typing of it) or a card number: the one member, or NotFound.
    Result<Member> byPhoneOrCard(const QString &text);
    // At the till: a full phone or card finds one; four digits find every member whose phone ends
    // so (pick from the list); letters find by name or pinyin initials. At most `limit`.
    Result<QList<Member>> find(const QString &text, int limit = 20);

    // Card operations, each audited with its reason in the transaction that makes it.
    // 挂失 and 锁定: anyone at the counter, at once (the customer calls in about a lost card).
    Status reportLost(qint64 memberId, const QString &reason, qint64 operatorId);
    Status lock(qint64 memberId, const QString &reason, qint64 operatorId);
    // 解挂 / 解锁: the card carries the member's money again, so a manager approves
    // (cardApprovalScope(memberId)).
    Status unlock(qint64 memberId, const QString &reason, qint64 operatorId, const QString &approvalToken);
    // 补卡: a new card number for the member, approved by a manager (cardApprovalScope(memberId,
    // newCard)); levels, balances, points and history stay with the member, the old card is refused
    // from then on and never given to anyone else.
    Status replaceCard(qint64 memberId, const QString &newCard, const QString &reason, qint64 operatorId,
                       const QString &approvalToken);
    static ApprovalScope cardApprovalScope(qint64 memberId, const QString &newCard = {});

private:
    // 挂失 or 锁定, in a transaction of its own.
    Status blockCard(qint64 memberId, CardState state, const QString &action, const QString &reason, qint64 operatorId);
    Status setCardState(qint64 memberId, CardState state, const QString &action, const QString &reason,
                        qint64 operatorId, qint64 authorizedBy);

    Database &m_db;
    const Clock &m_clock;
    const ShopTime &m_time;
    qint64 m_storeId;
};

} // namespace huike
