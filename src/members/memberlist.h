#pragma once

#include "core/result.h"
#include "members.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>
#include <vector>

namespace huike {

class Database;

// What the member screen's list is filtered by; empty fields filter nothing.
struct MemberFilter {
    QString text;             // a full phone or card, the last four digits, or a name or pinyin prefix
    qint64 levelId = 0;
    int birthdayMonth = 0;    // 1-12: born in that month (any year)
    bool withStoredValue = false;
    bool withPoints = false;
    QString tag;                 // carries this tag (members/profile.h)
    std::optional<bool> consent; // said yes (true) or not (false) to marketing
    // A custom field (members/profile.h): text contains fieldValue, a choice is it, a multiple
    // choice includes it; a number or date lies in [fieldValue, fieldTo] (either end open when empty).
    qint64 fieldId = 0;
    QString fieldValue;
    QString fieldTo;
};

// The member screen's list over a million members, without holding a million members: the ids
// that pass the filter, newest first, are read once (8 bytes each); the members themselves a page
// at a time as rows are shown, the last pages kept. Scrolling to any row reads one page by its ids
// (no OFFSET scan), so the end of the list is as quick as the start.
class MemberList {
public:
    explicit MemberList(Database &db) : m_db(db) {}

    Status load(const MemberFilter &filter);
    // Exactly these members, in this order (a 会员分析 class): read a page at a time the same way.
    void show(std::vector<qint64> ids);
    int size() const { return static_cast<int>(m_ids.size()); }
    qint64 idAt(int row) const { return m_ids.at(static_cast<size_t>(row)); }
    // The member at `row` (0 <= row < size()), reading its page if it is not kept.
    Result<Member> at(int row);
    // Pages read since load(): what scrolling cost.
    int pagesRead() const { return m_pagesRead; }

    static constexpr int kPageSize = 200;
    static constexpr int kPagesKept = 64;

private:
    Status readPage(int page);

    Database &m_db;
    std::vector<qint64> m_ids;
    QHash<int, QList<Member>> m_pages;
    QList<int> m_order; // pages kept, the least recently read first
    int m_pagesRead = 0;
};

} // namespace huike
