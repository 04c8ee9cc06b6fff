#include "engine.h"

#include "core/clock.h"
#include "store/database.h"
#include "store/rowscan.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QTimeZone>
#include <cstring>
#include <spdlog/spdlog.h>

namespace huike::segments {

namespace {

// The file: this header, then one MemberAggregate per member id from 0, as the machine lays them
// out (little-endian x86-64; a file from another layout fails its checks and is rebuilt).
constexpr char kMagic[8] = {'H', 'K', 'S', 'E', 'G', 'A', 'G', 'G'};
// Raised whenever what an aggregate means changes: an older file is then rebuilt, not misread.
constexpr std::uint32_t kFormat = 1;

struct FileHeader {
    char magic[8];
    std::uint32_t format;
    std::uint32_t recordSize;
    std::int64_t members;
    std::int64_t salesMark;
    std::int64_t salesMarkAtMs;
    std::int64_t importMark;   // the last import-sales run folded in, by its finished_seq
    std::int64_t importMarkId; // and its id: a file from another store does not match
    std::int64_t reserved;
    std::uint64_t checksum; // of the records
    char zone[56];          // the shop's IANA time zone, NUL-padded: days are local days
};
static_assert(sizeof(FileHeader) == 128);

// A fast checksum of the records (not a defence against tampering: a torn or truncated file, or
// one from another program version, must not be read as aggregates).
std::uint64_t checksumOf(const std::vector<MemberAggregate> &members)
{
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    const auto *words = reinterpret_cast<const std::uint64_t *>(members.data());
    const std::size_t n = members.size() * sizeof(MemberAggregate) / sizeof(std::uint64_t);
    for (std::size_t i = 0; i < n; ++i)
        h = (h ^ words[i]) * 0x100000001B3ull + (h >> 29);
    return h;
}

} // namespace

SegmentEngine::SegmentEngine(Database &db, const ShopTime &time) : m_db(db), m_time(time), m_clock(time) {}

SegmentEngine::~SegmentEngine() = default;

QString SegmentEngine::fileFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".segments");
}

MemberAggregate SegmentEngine::of(std::int64_t memberId) const
{
    if (memberId <= 0 || memberId >= static_cast<std::int64_t>(m_members.size()))
        return {};
    return m_members[static_cast<std::size_t>(memberId)];
}

MemberAggregate &SegmentEngine::at(std::int64_t memberId)
{
    if (memberId >= static_cast<std::int64_t>(m_members.size()))
        m_members.resize(static_cast<std::size_t>(memberId + 1));
    return m_members[static_cast<std::size_t>(memberId)];
}

Result<SegmentEngine::Start> SegmentEngine::open(const QString &file)
{
    if (QFile::exists(file)) {
        if (auto st = loadFile(file); st.ok()) {
            if (auto n = catchUp(); n.ok())
                return Start::Loaded;
        } else {
            spdlog::warn("segments: {} not used ({}), rebuilding", file.toStdString(),
                         st.error().message.toStdString());
        }
    }
    if (auto st = rebuild(); !st)
        return st.error();
    return Start::Rebuilt;
}

Status SegmentEngine::rebuild()
{
    // The mark first, then the sales up to it: a sale committed meanwhile is left to catchUp().
    auto mark = m_db.statement(QStringLiteral("SELECT id, created_at_ms FROM sales ORDER BY id DESC LIMIT 1"))
                    .select();
    if (!mark)
        return mark.error();
    auto imported =
        m_db.statement(QStringLiteral("SELECT finished_seq, id FROM sales_imports WHERE finished_seq IS NOT "
                                      "NULL ORDER BY finished_seq DESC LIMIT 1"))
            .select();
    if (!imported)
        return imported.error();
    Cutoff cutoff;
    cutoff.maxSaleId = mark->isEmpty() ? 0 : mark->first().at(0).toLongLong();
    cutoff.maxImportSeq = imported->isEmpty() ? 0 : imported->first().at(0).toLongLong();
    auto rebuilt = rebuildAggregates(m_db, m_time, cutoff);
    if (!rebuilt)
        return rebuilt.error();
    m_members = std::move(*rebuilt);
    m_salesMark = cutoff.maxSaleId;
    m_salesMarkAtMs = mark->isEmpty() ? 0 : mark->first().at(1).toLongLong();
    m_importMark = cutoff.maxImportSeq;
    m_importMarkId = imported->isEmpty() ? 0 : imported->first().at(1).toLongLong();
    m_unsaved = true;
    return Ok{};
}

Result<int> SegmentEngine::catchUp()
{
    if (!m_newSales)
        m_newSales = std::make_unique<RowScan>(m_db, "SELECT id, kind, member_id, total_fen, created_at_ms, "
                                                     "original_sale_id FROM sales WHERE id > ?1 ORDER BY id");
    RowScan &scan = *m_newSales;
    scan.reset();
    scan.bind(1, m_salesMark);
    // Read first, then fold: undoing a receipt whole reads the member again, which needs the
    // statement done. Usually one document; after a day closed, a day's.
    std::vector<Document> docs;
    while (scan.next()) {
        docs.push_back({scan.integer(0), scan.isNull(2) ? 0 : scan.integer(2), scan.integer(3), scan.integer(4),
                        undoneReceipt(scan, 1, 5)});
    }
    if (auto st = scan.finish(); !st)
        return st.error();
    for (const Document &d : docs)
        if (auto st = apply(d); !st)
            return st.error();
    auto imports = catchUpImports();
    if (!imports)
        return imports.error();
    return static_cast<int>(docs.size()) + *imports;
}

Result<int> SegmentEngine::catchUpImports()
{
    // Imports finish rarely (an import-sales run): this runs after every document, so it is
    // one step of a kept statement, which finds nothing.
    if (!m_newImports)
        m_newImports = std::make_unique<RowScan>(
            m_db, "SELECT finished_seq, id FROM sales_imports WHERE finished_seq > ?1 ORDER BY finished_seq");
    m_newImports->reset();
    m_newImports->bind(1, m_importMark);
    std::vector<std::pair<std::int64_t, std::int64_t>> finished; // (seq, id)
    while (m_newImports->next())
        finished.emplace_back(m_newImports->integer(0), m_newImports->integer(1));
    if (auto st = m_newImports->finish(); !st)
        return st.error();
    int receipts = 0;
    for (const auto &[seq, id] : finished) {
        RowScan scan(
            m_db,
            "SELECT member_id, sold_at_ms, total_fen FROM history_sales INDEXED BY history_sales_import "
            "WHERE import_id = ?1");
        scan.bind(1, id);
        while (scan.next()) {
            addHistory(at(scan.integer(0)), scan.integer(2), m_clock.split(scan.integer(1)));
            ++receipts;
        }
        if (auto st = scan.finish(); !st)
            return st.error();
        m_importMark = seq;
        m_importMarkId = id;
        m_unsaved = true;
    }
    return receipts;
}

Status SegmentEngine::fold(const Document &d)
{
    if (d.id != m_salesMark + 1) {
        auto n = catchUp();
        return n ? Status(Ok{}) : Status(n.error());
    }
    return apply(d);
}

Status SegmentEngine::apply(const Document &d)
{
    if (d.memberId > 0) {
        if (d.originalId == 0) {
            MemberAggregate &m = at(d.memberId);
            m.spendFen += d.totalFen;
            addOrder(m, m_clock.split(d.atMs));
        } else if (auto st = undo(d.memberId, d.id, d.totalFen, d.originalId); !st) {
            return st;
        }
    }
    m_salesMark = d.id;
    m_salesMarkAtMs = d.atMs;
    m_unsaved = true;
    return Ok{};
}

Status SegmentEngine::undo(std::int64_t memberId, std::int64_t undoId, std::int64_t totalFen,
                           std::int64_t originalId)
{
    // What the receipt had left before this refund, and whether it still counted as an order.
    auto before =
        m_db
            .statement(QStringLiteral(
                "SELECT o.member_id, o.total_fen + COALESCE((SELECT SUM(u.total_fen) FROM sales u WHERE "
                "u.original_sale_id = o.id AND u.id < ?), 0), (SELECT COUNT(*) FROM sales u WHERE "
                "u.original_sale_id = o.id AND u.id < ?) FROM sales o WHERE o.id = ?"))
            .select({qint64(undoId), qint64(undoId), qint64(originalId)});
    if (!before)
        return before.error();
    MemberAggregate &m = at(memberId);
    if (before->isEmpty() || before->first().at(0).toLongLong() != memberId) {
        m.spendFen += totalFen; // not this member's receipt: its money only, as the rebuild counts it
        return Ok{};
    }
    const qint64 left = before->first().at(1).toLongLong();
    const bool counted = before->first().at(2).toLongLong() == 0 || left > 0;
    if (!counted || left + totalFen > 0) {
        m.spendFen += totalFen;
        return Ok{};
    }
    // Undone whole: its order goes, and with it perhaps the last purchase or a latest day.
    Cutoff cutoff;
    cutoff.maxSaleId = undoId;
    cutoff.maxImportSeq = m_importMark;
    auto again = memberAggregate(m_db, m_time, memberId, cutoff);
    if (!again)
        return again.error();
    at(memberId) = *again;
    return Ok{};
}

Status SegmentEngine::save(const QString &file)
{
    FileHeader h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.format = kFormat;
    h.recordSize = sizeof(MemberAggregate);
    h.members = static_cast<std::int64_t>(m_members.size());
    h.salesMark = m_salesMark;
    h.salesMarkAtMs = m_salesMarkAtMs;
    h.importMark = m_importMark;
    h.importMarkId = m_importMarkId;
    h.checksum = checksumOf(m_members);
    const QByteArray zone = m_time.zone().id();
    std::memcpy(h.zone, zone.constData(),
                std::min<std::size_t>(static_cast<std::size_t>(zone.size()), sizeof h.zone - 1));
    QSaveFile out(file);
    auto cannotWrite = [&] {
        return Error{ErrorCode::Storage,
                     QCoreApplication::translate("Segments", "Cannot write the member analysis file %1: %2")
                         .arg(file, out.errorString())};
    };
    if (!out.open(QIODevice::WriteOnly))
        return cannotWrite();
    const auto bytes = static_cast<qint64>(m_members.size() * sizeof(MemberAggregate));
    if (out.write(reinterpret_cast<const char *>(&h), sizeof h) != static_cast<qint64>(sizeof h) ||
        out.write(reinterpret_cast<const char *>(m_members.data()), bytes) != bytes || !out.commit())
        return cannotWrite();
    m_unsaved = false;
    return Ok{};
}

Status SegmentEngine::loadFile(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Invalid, in.errorString()};
    FileHeader h{};
    if (in.read(reinterpret_cast<char *>(&h), sizeof h) != static_cast<qint64>(sizeof h))
        return Error{ErrorCode::Invalid, QStringLiteral("short header")};
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.format != kFormat ||
        h.recordSize != sizeof(MemberAggregate) || h.members < 0)
        return Error{ErrorCode::Invalid, QStringLiteral("another format")};
    if (in.size() != static_cast<qint64>(sizeof h) + h.members * static_cast<qint64>(sizeof(MemberAggregate)))
        return Error{ErrorCode::Invalid, QStringLiteral("size does not match")};
    if (QByteArray(h.zone, static_cast<int>(strnlen(h.zone, sizeof h.zone))) != m_time.zone().id())
        return Error{ErrorCode::Invalid, QStringLiteral("another time zone")};
    // The mark must be a sale of this store, as it was: a file beside a restored backup or
    // another shop's store does not match.
    if (h.salesMark > 0) {
        auto row = m_db.statement(QStringLiteral("SELECT created_at_ms FROM sales WHERE id = ?"))
                       .select({qint64(h.salesMark)});
        if (!row)
            return row.error();
        if (row->isEmpty() || row->first().at(0).toLongLong() != h.salesMarkAtMs)
            return Error{ErrorCode::Invalid, QStringLiteral("not this store's sales")};
    }
    if (h.importMark > 0) {
        auto row = m_db.statement(QStringLiteral("SELECT id FROM sales_imports WHERE finished_seq = ?"))
                       .select({qint64(h.importMark)});
        if (!row)
            return row.error();
        if (row->isEmpty() || row->first().at(0).toLongLong() != h.importMarkId)
            return Error{ErrorCode::Invalid, QStringLiteral("not this store's imports")};
    }
    std::vector<MemberAggregate> members(static_cast<std::size_t>(h.members));
    const auto bytes = static_cast<qint64>(members.size() * sizeof(MemberAggregate));
    if (in.read(reinterpret_cast<char *>(members.data()), bytes) != bytes)
        return Error{ErrorCode::Invalid, QStringLiteral("short read")};
    if (checksumOf(members) != h.checksum)
        return Error{ErrorCode::Invalid, QStringLiteral("checksum")};
    m_members = std::move(members);
    m_salesMark = h.salesMark;
    m_salesMarkAtMs = h.salesMarkAtMs;
    m_importMark = h.importMark;
    m_importMarkId = h.importMarkId;
    m_unsaved = false;
    return Ok{};
}

} // namespace huike::segments
