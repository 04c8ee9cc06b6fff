// huike-cli segments: every member's classes (src/segments/) as CSV, one row per member, for
// scripts and for checking the definitions against a spreadsheet. huike-cli import-sales: another
// system's sales history, which those classes then count.

#include "app/appcontext.h"
#include "commands.h"
#include "core/csv.h"
#include "core/money.h"
#include "segments/aggregates.h"
#include "segments/categories.h"
#include "segments/engine.h"
#include "segments/segmentsettings.h"
#include "segments/salesimport.h"
#include "store/database.h"
#include "store/statement.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace huike::cli {

int cmdSegments(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(
            p, args,
            {option(
                 "as-of",
                 "count purchases on or before this local day (default: today, from the aggregates kept in "
                 "STORE.segments beside the store, brought up to date first; another day is rebuilt "
                 "from the raw sales)",
                 "YYYY-MM-DD"),
             option("format",
                    "csv (the one format): member,orders,spend,last_purchase,d,recency,frequency,"
                    "monetary,weekday,slot,high_value,r_score,f_score,m_score,rfm_class,lifecycle",
                    "csv")}))
        return 2;
    if (p.isSet(QStringLiteral("format")) && p.value(QStringLiteral("format")) != QLatin1String("csv")) {
        err() << "error: --format is csv\n";
        return 2;
    }
    auto ctx = openContext(p, {}, true);
    if (!ctx)
        return 1;
    QDate asOf = ctx->time().localDate(g_clock.nowMs());
    if (p.isSet(QStringLiteral("as-of"))) {
        asOf = QDate::fromString(p.value(QStringLiteral("as-of")), Qt::ISODate);
        if (!asOf.isValid()) {
            err() << "error: --as-of is a date such as 2026-12-01\n";
            return 2;
        }
    }
    // As of today: the engine's kept aggregates (the file beside the store, brought up to date
    // and saved again), as the till's 会员分析 reads them. As of another day: rebuilt from the sales.
    auto aggregates = [&]() -> Result<std::vector<segments::MemberAggregate>> {
        if (p.isSet(QStringLiteral("as-of")))
            return segments::rebuildAggregates(ctx->db(), ctx->time(), asOf);
        segments::SegmentEngine engine(ctx->db(), ctx->time());
        const QString file = segments::SegmentEngine::fileFor(ctx->db().path());
        auto started = engine.open(file);
        if (!started)
            return started.error();
        if (engine.unsaved()) {
            if (auto st = engine.save(file); !st)
                err() << "warning: " << st.error().message << "\n"; // the next run rebuilds: nothing is lost
        }
        return engine.aggregates();
    }();
    if (!aggregates) {
        err() << "error: " << aggregates.error().message << "\n";
        return 1;
    }
    // The members in id order; their aggregates are indexed by id.
    // A member as registered or imported: the phone, else the card or the other system's code.
    auto members = ctx->db()
                       .statement(QStringLiteral(
                           "SELECT id, COALESCE(phone, card_no, external_code) FROM members ORDER BY id"))
                       .select();
    if (!members) {
        err() << "error: " << members.error().message << "\n";
        return 1;
    }
    std::vector<segments::MemberAggregate> list;
    list.reserve(static_cast<std::size_t>(members->size()));
    for (const QVariantList &r : *members) {
        const auto id = static_cast<std::size_t>(r.at(0).toLongLong());
        list.push_back(id < aggregates->size() ? aggregates->at(id) : segments::MemberAggregate{});
    }
    const int day = segments::dayNumber(asOf);
    // The shop's settings (high-value share, RFM basis, lifecycle stages), as its tills use them.
    auto settings = segments::loadSegmentSettings(ctx->db());
    if (!settings) {
        err() << "error: " << settings.error().message << "\n";
        return 1;
    }
    const segments::Classes c = segments::classify(list, day, *settings);
    out() << csvLine(QStringList{QStringLiteral("member")} + segments::segmentColumns()) << "\n";
    for (std::size_t i = 0; i < list.size(); ++i)
        out() << csvLine(QStringList{members->at(static_cast<qsizetype>(i)).at(1).toString()} +
                         segments::segmentFields(list[i], c, i, day))
              << "\n";
    return 0;
}

int cmdImportSales(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(
            p, args,
            {option("create-members",
                    "a member the store does not know becomes a new member: by the phone, or "
                    "else by the card number or code the other system gave"),
             option("encoding",
                    "auto (default: UTF-8, or GBK/GB18030 when the file is not UTF-8), utf-8 or gbk", "NAME"),
             option("json", "print the report as JSON: encoding, rows, receipts_added, receipts_known, "
                            "lines_added, members_created, rejected, problems [{line, why}] (the first 200), "
                            "import_id, previously_imported_at (local time of an earlier run of the same "
                            "file, or null)")}))
        return 2;
    // Read a piece at a time by the importer, never whole: ten million rows are 600 MB.
    QString file;
    TextEncoding encoding = TextEncoding::Auto;
    if (const int rc = importFileArguments(p, &file, &encoding); rc != 0)
        return rc;
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    SalesImportOptions options;
    options.createMembers = p.isSet(QStringLiteral("create-members"));
    options.encoding = encoding;
    int shown = -1;
    options.progress = [&](qint64 done, qint64 total, qint64 rows) {
        const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
        if (percent == shown)
            return;
        shown = percent;
        err() << "import-sales: " << percent << "% (" << rows << " rows)\n";
        err().flush();
    };
    const SalesImportReport r =
        importSalesCsv(ctx->db(), ctx->time(), ctx->store().storeId, g_clock.nowMs(), file, options);
    const QString previously = r.previousRunAtMs > 0 ? ctx->time().format(r.previousRunAtMs) : QString();
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray problems;
        for (const SalesImportProblem &pr : r.problems)
            problems.append(QJsonObject{{QStringLiteral("line"), pr.line}, {QStringLiteral("why"), pr.why}});
        QJsonObject o{{QStringLiteral("encoding"), r.encoding},
                      {QStringLiteral("rows"), r.rows},
                      {QStringLiteral("receipts_added"), r.receiptsAdded},
                      {QStringLiteral("receipts_known"), r.receiptsKnown},
                      {QStringLiteral("lines_added"), r.linesAdded},
                      {QStringLiteral("members_created"), r.membersCreated},
                      {QStringLiteral("rejected"), r.rejected},
                      {QStringLiteral("problems"), problems},
                      {QStringLiteral("import_id"), r.importId},
                      {QStringLiteral("previously_imported_at"),
                       previously.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(previously)}};
        if (!r.error.isEmpty())
            o.insert(QStringLiteral("error"), r.error);
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << "\n";
    } else {
        if (!previously.isEmpty())
            out() << "this file was imported before, at " << previously
                  << ": only receipts not yet in are added\n";
        out() << "encoding " << r.encoding << ": " << r.rows << " rows, " << r.receiptsAdded
              << " receipts added (" << r.linesAdded << " lines), " << r.receiptsKnown << " already in, "
              << r.membersCreated << " members created, " << r.rejected << " rows rejected\n";
        for (const SalesImportProblem &pr : r.problems)
            out() << pr.why << "\n";
        if (r.rejected > r.problems.size())
            out() << "... and " << (r.rejected - r.problems.size()) << " more rows rejected\n";
    }
    if (!r.error.isEmpty()) {
        err() << "error: " << r.error << "\n";
        return 1;
    }
    return r.rejected == 0 ? 0 : 1;
}

} // namespace huike::cli
