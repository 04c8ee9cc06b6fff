// Ids made by newUuid(): RFC 9562 version 7, unique, and in the order they were made, so every
// ledger's uuid index grows at its right edge.

#include "core/uuid.h"
#include "testsupport.h"

#include <QDateTime>
#include <QSet>
#include <QUuid>

TEST_CASE("newUuid makes version 7 ids that sort in the order they were made", "[uuid]")
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QStringList ids;
    for (int i = 0; i < 100000; ++i) // far more than 4,096 per millisecond: the counter rolls over
        ids << huike::newUuid();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    QSet<QString> seen;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString &id = ids.at(i);
        REQUIRE(id.size() == 36);
        const QUuid uuid(id);
        REQUIRE(!uuid.isNull());
        // Qt 6.4 predates version 7 (QUuid::version() says unknown): read the nibbles.
        REQUIRE(id.at(14) == QLatin1Char('7'));
        REQUIRE(uuid.variant() == QUuid::DCE);
        seen.insert(id);
        if (i > 0)
            REQUIRE(ids.at(i - 1) < id); // as text, as SQLite's index compares them
    }
    CHECK(seen.size() == ids.size());
    // The first 48 bits are the time the id was made (the counter may borrow a millisecond or two).
    const qint64 first = ids.first().left(8).append(ids.first().mid(9, 4)).toLongLong(nullptr, 16);
    const qint64 last = ids.last().left(8).append(ids.last().mid(9, 4)).toLongLong(nullptr, 16);
    CHECK(first >= before);
    CHECK(first <= after);
    CHECK(last >= first);
    CHECK(last <= after + 100);
}
