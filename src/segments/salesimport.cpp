#include "salesimport.h"

#include "core/clock.h"
#include "core/money.h"
#include "core/phone.h"
#include "historycsv.h"
#include "store/database.h"
#include "store/statement.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <algorithm>
#include <optional>
#include <vector>

namespace huike {

namespace {

class Importer {
public:
    Importer(Database &db, const ShopTime &time, qint64 storeId, qint64 nowMs,
             const SalesImportOptions &options, SalesImportReport &report)
        : m_db(db), m_time(time), m_storeId(storeId), m_nowMs(nowMs), m_options(options), r(report)
    {
    }

    // A row left out; `why` says it with its line number already (the CSV reader's do).
    void rejectRow(qint64 line, const QString &why)
    {
        ++r.rejected;
        if (r.problems.size() < SalesImportReport::kMaxProblems)
            r.problems << SalesImportProblem{line, why};
    }
    void problem(qint64 line, const QString &why)
    {
        rejectRow(line, QCoreApplication::translate("SalesImport", "Line %1: %2").arg(line).arg(why));
    }

    // The member a value names: phone, then card, then the other system's code; created when
    // allowed. 0: none (the receipt's lines are left out).
    Result<qint64> memberOf(const QString &value, qint64 lineNo)
    {
        if (auto it = m_members.constFind(value); it != m_members.cend())
            return *it;
        auto found =
            m_db.statement(QStringLiteral("SELECT id FROM members WHERE phone = ?1 UNION ALL SELECT id FROM "
                                          "members WHERE card_no = ?1 UNION ALL SELECT id FROM members WHERE "
                                          "external_code = ?1 LIMIT 1"))
                .select({value});
        if (!found)
            return found.error();
        qint64 id = found->isEmpty() ? 0 : found->first().at(0).toLongLong();
        if (id == 0 && m_options.createMembers) {
            const bool phone = normalizedMobile(value).has_value();
            Statement &ins = m_db.statement(
                phone ? QStringLiteral("INSERT INTO members(phone, store_id, created_at_ms, consent_how) "
                                       "VALUES (?, ?, ?, 'import')")
                      : QStringLiteral("INSERT INTO members(external_code, store_id, created_at_ms, "
                                       "consent_how) VALUES (?, ?, ?, 'import')"));
            if (auto st = ins.exec({value, m_storeId, m_nowMs}); !st)
                return st.error();
            id = ins.lastInsertId();
            ++r.membersCreated;
        }
        if (id == 0)
            problem(lineNo,
                    QCoreApplication::translate(
                        "SalesImport", "no member %1 (with --create-members it becomes a new member).")
                        .arg(value));
        m_members.insert(value, id);
        return id;
    }

    struct Receipt {
        QString no;
        std::vector<HistoryLine> lines;
    };

    // Writes the receipts of one piece in one transaction.
    Status write(std::vector<Receipt> &receipts)
    {
        WriteTransaction tx(m_db);
        if (!tx.began())
            return tx.beginError();
        Statement &insert =
            m_db.statement(QStringLiteral("INSERT INTO history_sales(receipt_no, member_id, sold_at_ms, "
                                          "total_fen, import_id) VALUES (?, ?, ?, ?, ?) "
                                          "ON CONFLICT(receipt_no) DO NOTHING"));
        Statement &existing = m_db.statement(
            QStringLiteral("SELECT id, member_id, import_id FROM history_sales WHERE receipt_no = ?"));
        Statement &addTo =
            m_db.statement(QStringLiteral("UPDATE history_sales SET total_fen = total_fen + ? WHERE id = ?"));
        Statement &line =
            m_db.statement(QStringLiteral("INSERT INTO history_sale_lines(history_sale_id, line_no, barcode, "
                                          "name, qty_milli, amount_fen) VALUES (?, ?, ?, ?, ?, ?)"));
        for (Receipt &rc : receipts) {
            const HistoryLine &first = rc.lines.front();
            // A line naming another member than the receipt's first is a mistake in the file, not
            // a second customer at the same till: it is left out, the rest of the receipt kept.
            const auto strays =
                std::stable_partition(rc.lines.begin() + 1, rc.lines.end(),
                                      [&](const HistoryLine &l) { return l.member == first.member; });
            for (auto it = strays; it != rc.lines.end(); ++it)
                problem(it->line,
                        QCoreApplication::translate("SalesImport", "receipt %1 is member %2's on line %3.")
                            .arg(rc.no, first.member)
                            .arg(first.line));
            rc.lines.erase(strays, rc.lines.end());
            auto member = memberOf(first.member, first.line);
            if (!member)
                return member.error();
            if (*member == 0) {
                for (std::size_t i = 1; i < rc.lines.size(); ++i)
                    problem(
                        rc.lines[i].line,
                        QCoreApplication::translate(
                            "SalesImport", "no member %1 (with --create-members it becomes a new member).")
                            .arg(first.member));
                continue;
            }
            qint64 total = 0;
            for (const HistoryLine &l : rc.lines)
                total += l.amountFen;
            if (auto st = insert.exec({rc.no, *member, first.atMs, total, r.importId}); !st)
                return st.error();
            qint64 saleId = insert.lastInsertId();
            if (insert.changes() == 0) {
                auto was = existing.select({rc.no});
                if (!was)
                    return was.error();
                const QVariantList &w = was->first();
                if (w.at(2).toLongLong() != r.importId) {
                    ++r.receiptsKnown; // an earlier run's: left as it is
                    continue;
                }
                if (w.at(1).toLongLong() != *member) {
                    for (const HistoryLine &l : rc.lines)
                        problem(l.line,
                                QCoreApplication::translate(
                                    "SalesImport", "receipt %1 is another member's on an earlier line.")
                                    .arg(rc.no));
                    continue;
                }
                // More lines of a receipt met earlier in this file.
                saleId = w.at(0).toLongLong();
                if (auto st = addTo.exec({total, saleId}); !st)
                    return st.error();
            } else {
                ++r.receiptsAdded;
            }
            r.linesAdded += static_cast<qint64>(rc.lines.size());
            if (!m_cols.hasLines())
                continue;
            for (const HistoryLine &l : rc.lines)
                if (auto st = line.exec({saleId, l.line, l.barcode, l.name,
                                         l.qtyMilli ? QVariant(*l.qtyMilli) : QVariant(), l.amountFen});
                    !st)
                    return st.error();
        }
        if (auto st =
                m_db.statement(QStringLiteral("UPDATE sales_imports SET rows_read = ?, receipts_added = ?, "
                                              "members_created = ?, rows_rejected = ? WHERE id = ?"))
                    .exec({r.rows, r.receiptsAdded, r.membersCreated, r.rejected, r.importId});
            !st)
            return st;
        return tx.commit();
    }

    Status run(QFile &file)
    {
        CsvLimits limits;
        limits.maxRows = std::numeric_limits<qsizetype>::max();
        CsvPieceReader reader(m_options.encoding, limits);
        qint64 done = 0;
        bool header = true, eof = false;
        std::vector<HistoryLine> carried; // the last receipt of a piece: its lines may go on in the next
        while (!eof) {
            const QByteArray more = file.read(m_options.pieceBytes);
            if (more.isEmpty() && file.error() != QFileDevice::NoError)
                return Error{ErrorCode::Storage, file.errorString()};
            eof = more.isEmpty() || file.atEnd();
            done += more.size();
            auto table = reader.feed(more, eof);
            if (!table)
                return table.error();
            if (reader.held() > 64 * 1024 * 1024)
                return Error{
                    ErrorCode::Invalid,
                    QCoreApplication::translate(
                        "SalesImport", "Line %1 on is one row of more than 64 MB: is this a CSV file?")
                        .arg(reader.line())};
            for (qsizetype i = 0; i < table->problems.size(); ++i) {
                ++r.rows;
                rejectRow(table->problemLines.at(i), table->problems.at(i));
            }
            qsizetype from = 0;
            if (header) {
                if (table->rows.isEmpty())
                    continue;
                m_cols = HistoryColumns::of(table->rows.first());
                if (!m_cols.complete())
                    return Error{ErrorCode::Invalid,
                                 QCoreApplication::translate(
                                     "SalesImport",
                                     "The first row must name the columns receipt_no, member, time and "
                                     "amount (and may add barcode, name, qty).")};
                m_reader.emplace(m_time, m_nowMs, m_cols);
                header = false;
                from = 1;
            }
            std::vector<HistoryLine> lines = std::move(carried);
            carried.clear();
            for (qsizetype i = from; i < table->rows.size(); ++i) {
                ++r.rows;
                const qint64 lineNo = table->lineNumbers.at(i);
                if (auto l = m_reader->read(table->rows.at(i), lineNo))
                    lines.push_back(std::move(*l));
                else
                    problem(lineNo, l.error().message);
            }
            // Group into receipts, in the order they first appear.
            std::vector<Receipt> receipts;
            QHash<QString, std::size_t> at;
            const QString lastNo = lines.empty() ? QString() : lines.back().receipt;
            for (HistoryLine &l : lines) {
                if (!eof && l.receipt == lastNo) {
                    carried.push_back(std::move(l));
                    continue;
                }
                auto it = at.constFind(l.receipt);
                if (it == at.cend()) {
                    it = at.insert(l.receipt, receipts.size());
                    receipts.push_back(Receipt{l.receipt, {}});
                }
                receipts[*it].lines.push_back(std::move(l));
            }
            if (auto st = write(receipts); !st)
                return st;
            if (m_options.progress)
                m_options.progress(done, file.size(), r.rows);
        }
        // Rows are judged when read and receipts when written: in line order for the reader.
        std::stable_sort(
            r.problems.begin(), r.problems.end(),
            [](const SalesImportProblem &a, const SalesImportProblem &b) { return a.line < b.line; });
        r.encoding = reader.encoding();
        if (header)
            return Error{ErrorCode::Invalid,
                         QCoreApplication::translate("SalesImport", "The file is empty.")};
        return Ok{};
    }

private:
    Database &m_db;
    const ShopTime &m_time;
    qint64 m_storeId;
    qint64 m_nowMs;
    const SalesImportOptions &m_options;
    SalesImportReport &r;
    HistoryColumns m_cols;
    std::optional<HistoryRowReader> m_reader;
    QHash<QString, qint64> m_members;
};

} // namespace

SalesImportReport importSalesCsv(Database &db, const ShopTime &time, qint64 storeId, qint64 nowMs,
                                 const QString &path, const SalesImportOptions &options)
{
    SalesImportReport report;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.error =
            QCoreApplication::translate("SalesImport", "Cannot read %1: %2").arg(path, file.errorString());
        return report;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file) || !file.seek(0)) {
        report.error =
            QCoreApplication::translate("SalesImport", "Cannot read %1: %2").arg(path, file.errorString());
        return report;
    }
    const QString digest = QString::fromLatin1(hash.result().toHex());
    auto before =
        db.statement(QStringLiteral("SELECT MAX(started_at_ms) FROM sales_imports WHERE file_digest = ?"))
            .select({digest});
    if (!before) {
        report.error = before.error().message;
        return report;
    }
    report.previousRunAtMs = before->first().at(0).toLongLong();
    // An earlier run of this file that never finished left receipts that never counted (and may
    // hold only some lines of a receipt): they go, and this run imports the file whole.
    {
        WriteTransaction tx(db);
        if (!tx.began()) {
            report.error = tx.beginError().message;
            return report;
        }
        const QString unfinished =
            QStringLiteral("SELECT id FROM sales_imports WHERE file_digest = ?1 AND finished_at_ms IS NULL");
        for (const QString &sql :
             {QStringLiteral(
                  "DELETE FROM history_sale_lines WHERE history_sale_id IN (SELECT id FROM history_sales "
                  "WHERE import_id IN (%1))"),
              QStringLiteral("DELETE FROM history_sales WHERE import_id IN (%1)")})
            if (auto st = db.statement(sql.arg(unfinished)).exec({digest}); !st) {
                report.error = st.error().message;
                return report;
            }
        if (auto st = tx.commit(); !st) {
            report.error = st.error().message;
            return report;
        }
    }
    Statement &start = db.statement(
        QStringLiteral("INSERT INTO sales_imports(file_name, file_digest, started_at_ms) VALUES (?, ?, ?)"));
    if (auto st = start.exec({QFileInfo(path).fileName(), digest, nowMs}); !st) {
        report.error = st.error().message;
        return report;
    }
    report.importId = start.lastInsertId();
    Importer importer(db, time, storeId, nowMs, options, report);
    if (auto st = importer.run(file); !st) {
        report.error = st.error().message;
        return report;
    }
    // Finished: its receipts count in 会员分析 from now. The sequence number tells the engine
    // (segments/engine.h) which imports it has folded in.
    if (auto st = db.statement(
                        QStringLiteral("UPDATE sales_imports SET finished_at_ms = ?, finished_seq = (SELECT "
                                       "COALESCE(MAX(finished_seq), 0) + 1 FROM sales_imports) WHERE id = ?"))
                      .exec({nowMs, report.importId});
        !st)
        report.error = st.error().message;
    return report;
}

} // namespace huike
