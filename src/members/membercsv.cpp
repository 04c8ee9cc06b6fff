// Members in and out of CSV files (members/membercsv.h): rows are checked by the same rules as a
// registration at the till and written through the same insertMember.

#include "membercsv.h"

#include "levels.h"
#include "members.h"
#include "points.h"
#include "profile.h"
#include "storedvalue.h"

#include "core/uuid.h"
#include "store/database.h"
#include "store/settings.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <optional>

namespace huike {

namespace {

// The columns, in the order export writes them, each with the Chinese header export writes first, the English one, and the other
// names shops' spreadsheets use for it.
struct Column {
    const char *key;
    QStringList names; // [0] Chinese export header, [1] English export header, then aliases
};

const QList<Column> &columns()
{
    static const QList<Column> cols = {
        {"phone", {QStringLiteral("手机号"), QStringLiteral("phone"), QStringLiteral("手机"), QStringLiteral("手机号码"),
                   QStringLiteral("电话"), QStringLiteral("联系电话"), QStringLiteral("mobile")}},
        {"name", {QStringLiteral("姓名"), QStringLiteral("name"), QStringLiteral("会员姓名"), QStringLiteral("名字")}},
        {"gender", {QStringLiteral("性别"), QStringLiteral("gender"), QStringLiteral("sex")}},
        {"birthday", {QStringLiteral("生日"), QStringLiteral("birthday"), QStringLiteral("出生日期")}},
        {"card", {QStringLiteral("卡号"), QStringLiteral("card"), QStringLiteral("会员卡号"), QStringLiteral("card_no")}},
        {"level", {QStringLiteral("等级"), QStringLiteral("level"), QStringLiteral("会员等级")}},
        {"points", {QStringLiteral("积分"), QStringLiteral("points"), QStringLiteral("当前积分"), QStringLiteral("可用积分")}},
        {"balance", {QStringLiteral("余额"), QStringLiteral("balance"), QStringLiteral("储值余额")}},
        {"principal", {QStringLiteral("本金"), QStringLiteral("principal"), QStringLiteral("本金余额")}},
        {"bonus", {QStringLiteral("赠送"), QStringLiteral("bonus"), QStringLiteral("赠送余额"), QStringLiteral("赠送金额")}},
        {"growth", {QStringLiteral("成长值"), QStringLiteral("growth")}},
        {"net_spend", {QStringLiteral("累计消费"), QStringLiteral("net_spend"), QStringLiteral("消费总额")}},
        {"notes", {QStringLiteral("备注"), QStringLiteral("notes"), QStringLiteral("note")}},
        {"address", {QStringLiteral("地址"), QStringLiteral("address")}},
        {"consent", {QStringLiteral("营销许可"), QStringLiteral("consent"), QStringLiteral("接收营销")}},
        {"registered", {QStringLiteral("注册时间"), QStringLiteral("registered"), QStringLiteral("注册日期")}},
        // Written by export for the reader; import leaves them (a card's state is the shop's
        // decision at the counter, not a spreadsheet's).
        {"card_state", {QStringLiteral("卡状态"), QStringLiteral("card_state")}},
        {"tags", {QStringLiteral("标签"), QStringLiteral("tags"), QStringLiteral("会员标签")}},
        // Then one column per custom field (members/profile.h), headed by its name in either language.
    };
    return cols;
}

QHash<QString, QString> headerKeys()
{
    QHash<QString, QString> keys;
    for (const Column &c : columns())
        for (const QString &n : c.names)
            keys.insert(n.toLower(), QString::fromLatin1(c.key));
    return keys;
}

// What our export neutralised (a leading apostrophe before = + - @) is read back as it was.
QString textCell(QString s)
{
    s = s.trimmed();
    if (s.size() > 1 && s.at(0) == QLatin1Char('\'') &&
        QStringLiteral("=+-@").contains(s.at(1)))
        s.remove(0, 1);
    return s;
}

// An amount as spreadsheets write it: "1,234.50", "¥88", " 12 ".
std::optional<Money> amountCell(const QString &s)
{
    QString v = s.trimmed();
    v.remove(QLatin1Char(',')).remove(QChar(0x00A5)).remove(QChar(0xFFE5));
    if (v.isEmpty())
        return Money{};
    auto m = Money::parse(v);
    if (!m || m->isNegative())
        return std::nullopt;
    return m;
}

std::optional<qint64> countCell(const QString &s)
{
    QString v = s.trimmed();
    v.remove(QLatin1Char(','));
    if (v.isEmpty())
        return 0;
    static const QRegularExpression whole(QStringLiteral("^\\d{1,12}(\\.0+)?$")); // Excel writes 120.0
    if (!whole.match(v).hasMatch())
        return std::nullopt;
    return v.section(QLatin1Char('.'), 0, 0).toLongLong();
}

// 是/否 and the English words into *consent; empty: not asked (nullopt). False: cannot be read.
bool consentCell(const QString &s, std::optional<bool> *consent)
{
    const QString v = s.trimmed().toLower();
    static const QStringList yes = {QStringLiteral("是"), QStringLiteral("同意"), QStringLiteral("yes"),
                                    QStringLiteral("y"), QStringLiteral("1"), QStringLiteral("true")};
    static const QStringList no = {QStringLiteral("否"), QStringLiteral("不同意"), QStringLiteral("no"),
                                   QStringLiteral("n"), QStringLiteral("0"), QStringLiteral("false")};
    if (v.isEmpty())
        consent->reset();
    else if (yes.contains(v))
        *consent = true;
    else if (no.contains(v))
        *consent = false;
    else
        return false;
    return true;
}

// "2024-03-01", "2024/3/1", "2024-03-01 14:30[:00]" in the shop's time; 0 for an empty cell.
std::optional<qint64> registeredCell(const QString &s, const ShopTime &time, qint64 nowMs)
{
    QString v = s.trimmed();
    if (v.isEmpty())
        return 0;
    v.replace(QLatin1Char('/'), QLatin1Char('-'));
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$"));
    const auto m = re.match(v);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime tm(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!d.isValid() || !tm.isValid() || d.year() < 1990)
        return std::nullopt;
    const qint64 ms = time.toUtcMs(QDateTime(d, tm));
    if (ms > nowMs)
        return std::nullopt;
    return ms;
}

// One data row, checked: nothing is written for a row with a bad cell.
struct Row {
    NewMember member;
    qint64 levelId = 0; // 0: not given
    qint64 points = 0;
    StoredBalance stored;
    qint64 growth = 0;
    Money netSpend;
};

constexpr int kChunkRows = 2000;
constexpr int kExportPage = 5000;

QString cardStateText(const QString &key, bool chinese)
{
    if (!chinese)
        return key;
    if (key == QLatin1String("lost"))
        return QStringLiteral("挂失");
    if (key == QLatin1String("locked"))
        return QStringLiteral("锁定");
    if (key == QLatin1String("replaced"))
        return QStringLiteral("已补卡");
    return QStringLiteral("正常");
}

} // namespace

bool isMemberCsvColumn(const QString &name)
{
    static const QHash<QString, QString> keys = headerKeys();
    return keys.contains(name.trimmed().toLower());
}

int MemberImportReport::duplicates() const
{
    return static_cast<int>(std::count_if(errors.cbegin(), errors.cend(),
                                          [](const MemberImportError &e) { return e.duplicate; }));
}

MemberImportReport importMembersCsv(Database &db, const Clock &clock, const ShopTime &time, qint64 storeId,
                                    qint64 operatorId, const QByteArray &bytes, TextEncoding encoding)
{
    MemberImportReport report;
    auto table = readExternalCsv(bytes, encoding, &report.encoding);
    if (!table) {
        report.error = table.error().message;
        return report;
    }
    const QHash<QString, QString> keys = headerKeys();
    QHash<QString, int> col;
    const QStringList &header = table->rows.first();
    for (int i = 0; i < header.size(); ++i) {
        const QString key = keys.value(header.at(i).trimmed().toLower()); // the decoder took any BOM off
        if (!key.isEmpty() && !col.contains(key))
            col.insert(key, i);
    }
    auto fields = memberFields(db);
    if (!fields) {
        report.error = fields.error().message;
        return report;
    }
    // A custom field's column, by its name as the shop wrote it (not one of ours).
    QList<std::pair<int, MemberField>> fieldAt;
    for (const MemberField &f : std::as_const(*fields))
        for (int i = 0; i < header.size(); ++i)
            if (header.at(i).trimmed().compare(f.label, Qt::CaseInsensitive) == 0 && !keys.contains(f.label.toLower())) {
                fieldAt.append({i, f});
                break;
            }
    if (!col.contains(QStringLiteral("phone"))) {
        report.error = QCoreApplication::translate("MemberCsv", "The first row must name the columns, with at least 手机号 (phone).");
        return report;
    }
    const bool splitBalance = col.contains(QStringLiteral("principal")) || col.contains(QStringLiteral("bonus"));
    // Each column's index looked up once, not per cell: a big file has millions of cells.
    auto indexOf = [&](const char *key) { return col.value(QString::fromLatin1(key), -1); };
    const int phoneAt = indexOf("phone"), nameAt = indexOf("name"), genderAt = indexOf("gender"),
              birthdayAt = indexOf("birthday"), cardAt = indexOf("card"), notesAt = indexOf("notes"),
              addressAt = indexOf("address"), consentAt = indexOf("consent"), registeredAt = indexOf("registered"),
              levelAt = indexOf("level"), pointsAt = indexOf("points"), growthAt = indexOf("growth"),
              spendAt = indexOf("net_spend"), balanceAt = indexOf("balance"), principalAt = indexOf("principal"),
              bonusAt = indexOf("bonus"), tagsAt = indexOf("tags");
    auto cell = [](const QStringList &row, int i) { return i >= 0 && i < row.size() ? row.at(i).trimmed() : QString(); };
    auto levels = loadLevelRules(db);
    if (!levels) {
        report.error = levels.error().message;
        return report;
    }
    report.rows = static_cast<int>(table->rows.size()) - 1 + static_cast<int>(table->problems.size());
    for (qsizetype i = 0; i < table->problems.size(); ++i)
        report.errors << MemberImportError{table->problemLines.value(i), table->problems.at(i), false};

    const qint64 now = clock.nowMs();
    const QDate today = time.localDate(now);
    // The first line each phone and card came on: a second row with one is a duplicate.
    QHash<QString, int> phoneLine;
    QHash<QString, int> cardLine;
    QList<std::pair<int, Row>> valid;
    valid.reserve(table->rows.size());
    for (qsizetype r = 1; r < table->rows.size(); ++r) {
        const QStringList &cells = table->rows.at(r);
        const int line = table->lineNumbers.at(r);
        auto reject = [&](const QString &why, bool duplicate = false) {
            report.errors << MemberImportError{line, why, duplicate};
        };
        if (std::all_of(cells.cbegin(), cells.cend(), [](const QString &c) { return c.trimmed().isEmpty(); }))
            continue; // Excel leaves empty rows at the end
        MemberInput in;
        in.phone = cell(cells, phoneAt);
        in.name = textCell(cell(cells, nameAt));
        in.gender = cell(cells, genderAt);
        in.birthday = cell(cells, birthdayAt);
        in.cardNo = cell(cells, cardAt);
        in.notes = textCell(cell(cells, notesAt));
        in.address = textCell(cell(cells, addressAt));
        if (!consentCell(cell(cells, consentAt), &in.consent)) {
            reject(QCoreApplication::translate("MemberCsv", "营销许可 (consent) is 是 or 否, not \"%1\".").arg(cell(cells, consentAt)));
            continue;
        }
        in.consentHow = QStringLiteral("import");
        in.tags = QStringList{textCell(cell(cells, tagsAt))};
        bool fieldsRead = true;
        for (const auto &[at, field] : fieldAt) {
            auto v = normalizedFieldValue(field, textCell(cell(cells, at)));
            if (!v) {
                reject(v.error().message);
                fieldsRead = false;
                break;
            }
            if (!v->isEmpty())
                in.fields.insert(field.id, *v);
        }
        if (!fieldsRead)
            continue;
        auto member = validateMember(in, today);
        if (!member) {
            reject(member.error().message);
            continue;
        }
        Row row;
        row.member = *member;
        const auto registered = registeredCell(cell(cells, registeredAt), time, now);
        if (!registered) {
            reject(QCoreApplication::translate("MemberCsv", "注册时间 (registered) \"%1\" is not a date such as 2024-03-01, or is in the future.")
                       .arg(cell(cells, registeredAt)));
            continue;
        }
        row.member.createdAtMs = *registered;
        if (const QString level = cell(cells, levelAt); !level.isEmpty()) {
            const auto found = std::find_if(levels->levels.cbegin(), levels->levels.cend(), [&](const MemberLevel &l) {
                return l.name.compare(level, Qt::CaseInsensitive) == 0;
            });
            if (found == levels->levels.cend()) {
                QStringList names;
                for (const MemberLevel &l : levels->levels)
                    names << l.name;
                reject(QCoreApplication::translate("MemberCsv", "There is no level \"%1\": the levels are %2.").arg(level, names.join(QStringLiteral("、"))));
                continue;
            }
            row.levelId = found->id;
        }
        const auto points = countCell(cell(cells, pointsAt));
        if (!points) {
            reject(QCoreApplication::translate("MemberCsv", "积分 (points) \"%1\" is not a whole number of points.").arg(cell(cells, pointsAt)));
            continue;
        }
        row.points = *points;
        const auto growth = countCell(cell(cells, growthAt));
        if (!growth) {
            reject(QCoreApplication::translate("MemberCsv", "成长值 (growth) \"%1\" is not a whole number.").arg(cell(cells, growthAt)));
            continue;
        }
        row.growth = *growth;
        const auto spend = amountCell(cell(cells, spendAt));
        if (!spend) {
            reject(QCoreApplication::translate("MemberCsv", "累计消费 (net spend) \"%1\" is not an amount in yuan.").arg(cell(cells, spendAt)));
            continue;
        }
        row.netSpend = *spend;
        const auto balance = amountCell(cell(cells, balanceAt));
        const auto principal = amountCell(cell(cells, principalAt));
        const auto bonus = amountCell(cell(cells, bonusAt));
        if (!balance || !principal || !bonus) {
            reject(QCoreApplication::translate("MemberCsv", "余额, 本金 and 赠送 are amounts in yuan, not negative (\"%1\").")
                       .arg(!balance ? cell(cells, balanceAt) : !principal ? cell(cells, principalAt) : cell(cells, bonusAt)));
            continue;
        }
        row.stored = splitBalance ? StoredBalance{*principal, *bonus} : StoredBalance{*balance, Money{}};
        if (splitBalance && !cell(cells, balanceAt).isEmpty() &&
            *balance != row.stored.total()) {
            reject(QCoreApplication::translate("MemberCsv", "余额 %1 is not 本金 %2 + 赠送 %3.")
                       .arg(balance->display(), principal->display(), bonus->display()));
            continue;
        }
        if (const int first = phoneLine.value(row.member.phone); first > 0) {
            reject(QCoreApplication::translate("MemberCsv", "%1 is on line %2 already: not imported twice.").arg(row.member.phone).arg(first), true);
            continue;
        }
        if (const int first = cardLine.value(row.member.card); !row.member.card.isEmpty() && first > 0) {
            reject(QCoreApplication::translate("MemberCsv", "Card %1 is on line %2 already.").arg(row.member.card).arg(first), true);
            continue;
        }
        phoneLine.insert(row.member.phone, line);
        if (!row.member.card.isEmpty())
            cardLine.insert(row.member.card, line);
        valid.append({line, row});
    }

    auto pointsRules = loadPointsRules(db);
    if (!pointsRules) {
        report.error = pointsRules.error().message;
        return report;
    }
    const qint64 pointsExpire = pointsRules->expiryFor(now, time); // as if earned today (earnPoints)
    const qint64 lowest = levels->levels.first().id;
    // Each chunk's opening balances are staged here and booked set-wise at its end: the same
    // rows earnPoints, creditStored and changeLevel write (kind / cause 'import'), and the member
    // row's cached totals as their sums, but a few statements per chunk instead of a dozen per
    // member (this halved the time of a 100,000-member import). verify proves the sums.
    if (auto st = db.exec(QStringLiteral(
            "CREATE TEMP TABLE IF NOT EXISTS member_import (member_id INTEGER PRIMARY KEY, level_id INTEGER NOT "
            "NULL, points INTEGER NOT NULL, principal_fen INTEGER NOT NULL, bonus_fen INTEGER NOT NULL, growth "
            "INTEGER NOT NULL, spend_fen INTEGER NOT NULL, growth_uuid TEXT, level_uuid TEXT, lot_uuid TEXT, "
            "points_uuid TEXT, stored_lot_uuid TEXT, stored_uuid TEXT, level_expires INTEGER)"));
        !st) {
        report.error = st.error().message;
        return report;
    }
    const QVariant store = idOrNull(storeId);
    const QVariant op = idOrNull(operatorId);
    const QList<std::pair<QString, QVariantList>> book = {
        {QStringLiteral("INSERT INTO growth_ledger(uuid, store_id, member_id, sale_id, kind, growth, spend_fen, "
                        "operator_id, created_at_ms) SELECT growth_uuid, ?, member_id, NULL, 'import', growth, "
                        "spend_fen, ?, ? FROM temp.member_import WHERE growth_uuid IS NOT NULL ORDER BY member_id"),
         {store, op, now}},
        {QStringLiteral("INSERT INTO level_changes(uuid, store_id, member_id, sale_id, from_level_id, to_level_id, "
                        "cause, operator_id, created_at_ms) SELECT level_uuid, ?, member_id, NULL, ?, level_id, "
                        "'import', ?, ? FROM temp.member_import WHERE level_uuid IS NOT NULL ORDER BY member_id"),
         {store, lowest, op, now}},
        {QStringLiteral("INSERT INTO points_lots(uuid, store_id, member_id, sale_id, earned, remaining, "
                        "earned_at_ms, expires_at_ms) SELECT lot_uuid, ?, member_id, NULL, points, points, ?, ? "
                        "FROM temp.member_import WHERE lot_uuid IS NOT NULL ORDER BY member_id"),
         {store, now, pointsExpire}},
        {QStringLiteral("INSERT INTO points_ledger(uuid, store_id, member_id, sale_id, lot_id, kind, points, "
                        "operator_id, authorized_by, reason, created_at_ms) SELECT i.points_uuid, ?, i.member_id, "
                        "NULL, l.id, 'import', i.points, ?, NULL, '', ? FROM temp.member_import i JOIN points_lots l "
                        "ON l.uuid = i.lot_uuid ORDER BY i.member_id"),
         {store, op, now}},
        {QStringLiteral("INSERT INTO stored_lots(uuid, store_id, member_id, sale_id, kind, principal_fen, bonus_fen, "
                        "principal_left_fen, bonus_left_fen, created_at_ms) SELECT stored_lot_uuid, ?, member_id, "
                        "NULL, 'import', principal_fen, bonus_fen, principal_fen, bonus_fen, ? FROM "
                        "temp.member_import WHERE stored_lot_uuid IS NOT NULL ORDER BY member_id"),
         {store, now}},
        {QStringLiteral("INSERT INTO stored_ledger(uuid, store_id, member_id, sale_id, lot_id, kind, principal_fen, "
                        "bonus_fen, operator_id, authorized_by, reason, created_at_ms) SELECT i.stored_uuid, ?, "
                        "i.member_id, NULL, l.id, 'import', i.principal_fen, i.bonus_fen, ?, NULL, '', ? FROM "
                        "temp.member_import i JOIN stored_lots l ON l.uuid = i.stored_lot_uuid ORDER BY i.member_id"),
         {store, op, now}},
        {QStringLiteral("UPDATE members SET level_id = i.level_id, growth = i.growth, net_spend_fen = i.spend_fen, "
                        "points = i.points, principal_fen = i.principal_fen, bonus_fen = i.bonus_fen, "
                        "level_expires_ms = i.level_expires FROM temp.member_import i WHERE members.id = i.member_id"),
         {}},
        {QStringLiteral("DELETE FROM temp.member_import"), {}},
    };
    auto uuidIf = [](bool wanted) { return wanted ? QVariant(newUuid()) : QVariant(); };

    // Written in chunks; a row the database refuses (already a member) is rejected, the chunk goes on.
    for (qsizetype start = 0; start < valid.size(); start += kChunkRows) {
        WriteTransaction tx(db);
        if (!tx.began()) {
            report.error = tx.beginError().message;
            break;
        }
        int added = 0;
        qint64 firstId = 0;
        qint64 lastId = 0;
        // temp.member_import is empty here: the book below empties it, and a chunk that fails
        // rolls its rows there back with the rest of its transaction.
        std::optional<Error> failed;
        const qsizetype end = std::min(valid.size(), start + kChunkRows);
        for (qsizetype i = start; i < end && !failed; ++i) {
            const auto &[line, row] = valid.at(i);
            auto id = insertMember(db, row.member, storeId, operatorId, now, {});
            if (!id) {
                if (id.error().code == ErrorCode::Conflict)
                    report.errors << MemberImportError{line, id.error().message, true};
                else
                    failed = id.error();
                continue;
            }
            const qint64 level = row.levelId > 0 ? row.levelId : levels->qualifyingLevel(row.growth, row.netSpend).id;
            const bool stored = !row.stored.total().isZero();
            // An imported level with a validity starts its period today.
            const MemberLevel *held = levels->byId(level);
            const qint64 expires = held ? levelExpiryMs(time, now, held->validityDays) : 0;
            if (auto st = db.exec(QStringLiteral("INSERT INTO temp.member_import VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                                 "?, ?, ?, ?, ?)"),
                                  {*id, level, row.points, row.stored.principal.fen(), row.stored.bonus.fen(),
                                   row.growth, row.netSpend.fen(), uuidIf(row.growth > 0 || !row.netSpend.isZero()),
                                   uuidIf(level != lowest), uuidIf(row.points > 0), uuidIf(row.points > 0),
                                   uuidIf(stored), uuidIf(stored), expires > 0 ? QVariant(expires) : QVariant()});
                !st) {
                failed = st.error();
                continue;
            }
            ++added;
            firstId = firstId > 0 ? firstId : *id;
            lastId = *id;
        }
        for (const auto &[sql, binds] : book)
            if (!failed)
                if (auto st = db.exec(sql, binds); !st)
                    failed = st.error();
        // One audit row for the chunk: who imported which members (ids in order), not 100,000 rows.
        if (!failed && added > 0)
            if (auto st = writeAudit(db, now, operatorId, 0, QStringLiteral("member.import"),
                                     QStringLiteral("%1-%2").arg(firstId).arg(lastId), {},
                                     QStringLiteral("%1 members").arg(added));
                !st)
                failed = st.error();
        if (!failed)
            if (auto st = tx.commit(); !st)
                failed = st.error();
        if (failed) {
            report.error = QCoreApplication::translate("MemberCsv", "The import stopped at line %1: %2. The rows before it are imported; import the "
                             "file again to add the rest (those already in are reported as duplicates).")
                               .arg(valid.at(start).first)
                               .arg(failed->message);
            break;
        }
        report.added += added;
    }
    std::stable_sort(report.errors.begin(), report.errors.end(),
                     [](const MemberImportError &a, const MemberImportError &b) { return a.line < b.line; });
    return report;
}

Result<qint64> exportMembersCsv(Database &db, const ShopTime &time, QIODevice &out, CsvHeaders headers)
{
    // Every column, in the order columns() lists them (the fields written below follow it).
    QStringList header;
    for (const Column &c : columns())
        header << c.names.at(headers == CsvHeaders::Chinese ? 0 : 1);
    auto custom = memberFields(db);
    if (!custom)
        return custom.error();
    for (const MemberField &f : std::as_const(*custom))
        header << f.label;
    auto write = [&](const QStringList &fields) {
        return out.write((csvLine(fields) + QStringLiteral("\r\n")).toUtf8()) >= 0;
    };
    if (out.write("\xEF\xBB\xBF") < 0 || !write(header))
        return makeError(ErrorCode::Storage, QCoreApplication::translate("MemberCsv", "The file cannot be written: %1").arg(out.errorString()));
    const bool zh = headers == CsvHeaders::Chinese;
    auto gender = [&](const QString &g) {
        if (g == QLatin1String("F"))
            return zh ? QStringLiteral("女") : QStringLiteral("F");
        if (g == QLatin1String("M"))
            return zh ? QStringLiteral("男") : QStringLiteral("M");
        return QString();
    };
    qint64 count = 0;
    qint64 after = 0;
    // Pages by id: a million members are never all in memory, and a page is a short read.
    for (;;) {
        auto rows = db.statement(QStringLiteral(
                                     "SELECT m.id, m.phone, m.name, m.gender, m.birthday, COALESCE(m.card_no, ''), "
                                     "COALESCE(l.name, ''), m.points, m.principal_fen, m.bonus_fen, m.growth, "
                                     "m.net_spend_fen, m.notes, m.address, m.consent, m.consent_at_ms IS NOT NULL, "
                                     "m.created_at_ms, m.card_state, (SELECT group_concat(tag, '|') FROM "
                                     "member_tags t WHERE t.member_id = m.id), (SELECT group_concat(field_id || "
                                     "'=' || value, char(10)) FROM member_field_values v WHERE v.member_id = m.id) "
                                     "FROM members m LEFT JOIN member_levels l ON "
                                     "l.id = m.level_id WHERE m.id > ? ORDER BY m.id LIMIT ?"))
                        .select({after, kExportPage});
        if (!rows)
            return rows.error();
        for (const QVariantList &r : *rows) {
            after = r.at(0).toLongLong();
            const Money principal = Money::fromFen(r.at(8).toLongLong());
            const Money bonus = Money::fromFen(r.at(9).toLongLong());
            const bool asked = r.at(15).toBool();
            const QString consent = !asked ? QString()
                                    : r.at(14).toBool() ? (zh ? QStringLiteral("是") : QStringLiteral("yes"))
                                                        : (zh ? QStringLiteral("否") : QStringLiteral("no"));
            QStringList line = {r.at(1).toString(), r.at(2).toString(), gender(r.at(3).toString()), r.at(4).toString(),
                                r.at(5).toString(), r.at(6).toString(), QString::number(r.at(7).toLongLong()),
                                (principal + bonus).toString(), principal.toString(), bonus.toString(),
                                QString::number(r.at(10).toLongLong()), Money::fromFen(r.at(11).toLongLong()).toString(),
                                r.at(12).toString(), r.at(13).toString(), consent, time.format(r.at(16).toLongLong()),
                                cardStateText(r.at(17).toString(), zh), r.at(18).toString()};
            QHash<qint64, QString> values;
            for (const QString &kv : r.at(19).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                values.insert(kv.section(QLatin1Char('='), 0, 0).toLongLong(), kv.section(QLatin1Char('='), 1));
            for (const MemberField &f : std::as_const(*custom))
                line << values.value(f.id);
            if (!write(line))
                return makeError(ErrorCode::Storage, QCoreApplication::translate("MemberCsv", "The file cannot be written: %1").arg(out.errorString()));
            ++count;
        }
        if (rows->size() < kExportPage)
            break;
    }
    return count;
}

} // namespace huike
