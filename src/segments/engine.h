#pragma once

#include "aggregates.h"
#include "core/result.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

namespace huike {

class Database;
class ShopTime;
class RowScan;

namespace segments {

// Every member's aggregate kept in memory as of now, the way 会员分析 reads them: loaded from a
// compact file at start (64 bytes a member), brought up to date with the documents committed
// since (by this program or any other on the same store), and folded forward by each new sale
// and refund. classify() over aggregates() gives the classes; a rebuild from the raw sales gives
// byte-identical ones (tests/unit/segments_engine_test.cpp).
//
// Not thread-safe: one owner calls it (the till's GUI thread); a classifier on another thread
// works on a copy of aggregates().
class SegmentEngine {
public:
    SegmentEngine(Database &db, const ShopTime &time);
    ~SegmentEngine();
    SegmentEngine(const SegmentEngine &) = delete;
    SegmentEngine &operator=(const SegmentEngine &) = delete;

    // The aggregates from `file` if it is this store's and intact, then caught up; otherwise
    // rebuilt from the raw sales (and the file is rewritten by the next save()).
    enum class Start { Loaded, Rebuilt };
    Result<Start> open(const QString &file);
    // From the raw sales, whatever was kept.
    Status rebuild();
    // Folds in every document committed since the last fold, in commit order, and the history
    // of every sales import finished since. Returns how many documents and imported receipts it
    // read (documents without a member count too: they move the mark).
    Result<int> catchUp();
    // One document as it was committed: what the till knows right after its commit.
    struct Document {
        std::int64_t id = 0;
        std::int64_t memberId = 0; // 0: no member
        std::int64_t totalFen = 0;
        std::int64_t atMs = 0;
        std::int64_t originalId = 0; // 0: a sale; the receipt a refund or void undoes (-1: unknown)
    };
    // Folds in a document this program just committed, without reading it back. When it is not
    // the next one after the mark (another till committed in between), catches up instead, which
    // folds it too.
    Status fold(const Document &d);
    // Writes the aggregates atomically (a temporary file renamed over the old one).
    Status save(const QString &file);

    const std::vector<MemberAggregate> &aggregates() const { return m_members; }
    // A member's aggregate (empty for one who never bought or is newer than the last fold).
    MemberAggregate of(std::int64_t memberId) const;
    std::int64_t salesMark() const { return m_salesMark; }
    // Folded since the last save().
    bool unsaved() const { return m_unsaved; }

    // The file beside a store: huike.db -> huike.db.segments.
    static QString fileFor(const QString &databasePath);

private:
    Status loadFile(const QString &file);
    Result<int> catchUpImports();
    Status apply(const Document &d); // the next document after the mark
    MemberAggregate &at(std::int64_t memberId);
    // One refund or void: money only, unless it undoes its receipt whole (then the member is
    // read again, so that the order it takes back leaves no trace in the latest days).
    Status undo(std::int64_t memberId, std::int64_t undoId, std::int64_t totalFen, std::int64_t originalId);

    Database &m_db;
    const ShopTime &m_time;
    LocalClock m_clock;
    std::vector<MemberAggregate> m_members;
    std::int64_t m_salesMark = 0;     // every sale with an id up to this is folded in
    std::int64_t m_salesMarkAtMs = 0; // its created_at_ms: a file from another store does not match
    std::int64_t m_importMark = 0;    // sales imports folded in, by finished_seq
    std::int64_t m_importMarkId = 0;  // that import's id
    bool m_unsaved = false;
    std::unique_ptr<RowScan> m_newSales, m_newImports;
};

} // namespace segments

} // namespace huike
