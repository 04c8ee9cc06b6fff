#pragma once

#include "core/result.h"
#include "members.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace huike {

class Database;

// What the shop keeps about a member beyond the registration form: tags, the custom fields the
// shop defines for itself, and a photo; and edits to the profile after registration.

// A field the shop added to the member form (Settings → 会员方案 → 自定义字段): a cosmetics shop's
// 肤质 (a choice), a car-care shop's 保险到期 (a date). A field no longer wanted is retired, not
// deleted: the values members have keep their meaning.
struct MemberField {
    qint64 id = 0;
    QString label;
    QString kind = QStringLiteral("text"); // text, number, date, choice, multi
    QStringList choices;                  // choice and multi
    int sortOrder = 0;
    bool active = true;
};
// The kinds, in the order the settings screen offers them.
const QStringList &memberFieldKinds();

// The fields in form order; retired ones too when `withRetired`.
Result<QList<MemberField>> memberFields(Database &db, bool withRetired = false);
// Adds (id 0) or changes a field, audited, behind Permission::Settings at the caller. A label is
// unique; choice and multi need choices (no "|" in them: it joins a multi value); a field's kind
// does not change once members have values for it. Returns its id.
Result<qint64> saveMemberField(Database &db, const MemberField &field, qint64 operatorId, qint64 nowMs);

// A value as typed, in the form it is kept: text trimmed (at most 200 characters), a number as
// written without grouping (12.5), a date as YYYY-MM-DD, a choice exactly one of the choices, a
// multi any of them (typed apart by | , ， 、 or ;) kept in the choices' order joined by "|".
// Empty is no value. Invalid, saying what to type, otherwise.
Result<QString> normalizedFieldValue(const MemberField &field, const QString &text);

// The member's values by field id (fields with no value left out).
Result<QHash<qint64, QString>> memberFieldValues(Database &db, qint64 memberId);
// The member's tags, sorted.
Result<QStringList> memberTags(Database &db, qint64 memberId);
// Every tag in use with how many members carry it, the most used first: the list's tag filter.
Result<QList<std::pair<QString, qint64>>> tagCounts(Database &db);

// Tags as typed: apart by spaces, commas (, ，), 、 or ;, each at most 20 characters, at most 20.
Result<QStringList> normalizedTags(const QStringList &typed);

// Inside the caller's write transaction: the member's tags become exactly `tags`, and each field
// in `fields` takes its value (checked against the active fields; an unknown or retired field id
// is refused; an empty value clears it). Says which of "tags" and "fields" changed.
Result<QStringList> writeMemberExtras(Database &db, qint64 memberId, const QStringList &tags,
                                      const QHash<qint64, QString> &fields);

// 编辑资料: the member's profile as changed in the member screen, audited ('member.edit', with which
// parts changed). The phone may change (to one no other member has); a card number may be given
// to a member who had none, but a card is changed only by 补卡 (MemberService::replaceCard).
// Consent given or withdrawn is stamped now, with `input.consentHow`. Levels, balances and the
// card's state are not a profile's: they change through their ledgers.
Status updateMember(Database &db, qint64 memberId, const MemberInput &input, qint64 operatorId, qint64 nowMs,
                    const QDate &today);

// The member's photo as stored (JPEG or PNG bytes), empty when there is none.
Result<QByteArray> memberPhoto(Database &db, qint64 memberId);
// Stores the photo (already scaled by the screen: at most kMaxPhotoBytes, a JPEG or PNG), or
// removes it when `image` is empty. Audited.
Status setMemberPhoto(Database &db, qint64 memberId, const QByteArray &image, qint64 operatorId, qint64 nowMs);
inline constexpr qsizetype kMaxPhotoBytes = 512 * 1024;

} // namespace huike
