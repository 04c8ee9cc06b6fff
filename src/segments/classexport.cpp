#include "classexport.h"

#include "aggregates.h"
#include "categories.h"
#include "core/csv.h"
#include "service.h"
#include "store/rowscan.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace huike::segments {

Result<std::int64_t> exportClassCsv(const QString &databasePath, const SegmentSnapshot &snapshot,
                                    const std::vector<std::uint32_t> &members, const QString &file,
                                    const std::function<void(int)> &progress)
{
    ReadConnection connection(databasePath);
    if (!connection.handle())
        return Error{ErrorCode::Storage,
                     QCoreApplication::translate("Segments", "Cannot read the store %1.").arg(databasePath)};
    QSaveFile out(file);
    auto cannotWrite = [&] {
        return Error{ErrorCode::Storage, QCoreApplication::translate("Segments", "Cannot write %1: %2")
                                             .arg(file, out.errorString())};
    };
    if (!out.open(QIODevice::WriteOnly))
        return cannotWrite();
    QByteArray chunk("\xEF\xBB\xBF"); // UTF-8 with BOM, as Excel wants it
    chunk += csvLine(QStringList{QStringLiteral("member"), QStringLiteral("name")} + segmentColumns()).toUtf8();
    chunk += "\r\n";
    // The members in id order beside the class's (also in id order): one pass over the table.
    RowScan who(connection.handle(), "SELECT id, COALESCE(phone, card_no, external_code), name FROM members ORDER BY id");
    const int asOf = dayNumber(snapshot.asOf);
    std::int64_t written = 0;
    std::size_t next = 0;
    while (next < members.size() && who.next()) {
        const std::int64_t id = who.integer(0);
        while (next < members.size() && snapshot.memberIds[members[next]] < id)
            ++next; // no longer in the store (never, today: members are not deleted)
        if (next == members.size())
            break;
        const std::uint32_t i = members[next];
        if (snapshot.memberIds[i] != id)
            continue;
        auto text = [&](int col) {
            const unsigned char *t = who.text(col);
            return t ? QString::fromUtf8(reinterpret_cast<const char *>(t)) : QString();
        };
        chunk += csvLine(QStringList{text(1), text(2)} + segmentFields(snapshot.aggregates[i], snapshot.classes, i, asOf))
                     .toUtf8();
        chunk += "\r\n";
        ++written;
        ++next;
        if (chunk.size() > (1 << 20)) {
            if (out.write(chunk) != chunk.size())
                return cannotWrite();
            chunk.clear();
            if (progress)
                progress(static_cast<int>(next * 100 / members.size()));
        }
    }
    if (auto st = who.finish(); !st)
        return st.error();
    if (out.write(chunk) != chunk.size() || !out.commit())
        return cannotWrite();
    if (progress)
        progress(100);
    return written;
}

} // namespace huike::segments
