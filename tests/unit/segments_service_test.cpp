// 会员分析 for the screens: the engine on its own thread and connection brings each refresh's
// snapshot to the GUI thread, with every member classed, and picks up what the till committed.

#include "segments/service.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>
#include <catch2/catch.hpp>

using namespace huike::segments;
using huike::test::shanghaiMs;

namespace {

// Runs the event loop until the service delivers a snapshot (or 20 s pass).
std::shared_ptr<const SegmentSnapshot> next(SegmentService &service, bool start = false)
{
    std::shared_ptr<const SegmentSnapshot> got;
    QEventLoop loop;
    auto c = QObject::connect(&service, &SegmentService::updated, &loop,
                              [&](std::shared_ptr<const SegmentSnapshot> s) {
                                  got = std::move(s);
                                  loop.quit();
                              });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    if (start)
        service.start();
    else
        service.refresh();
    loop.exec();
    QObject::disconnect(c);
    return got;
}

} // namespace

TEST_CASE("the segment service loads off the GUI thread, classes every member and follows the till's sales",
          "[segments][service]")
{
    huike::test::TestShop shop(shanghaiMs(2026, 11, 2, 9, 0));
    const qint64 wang = shop.addMember(QStringLiteral("13812345678"), QStringLiteral("王芳"));
    shop.clock.set(shanghaiMs(2026, 11, 20, 19, 30));
    REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(wang, {shop.line(shop.p.oil)})).ok());
    const qint64 members = shop.scalar(QStringLiteral("SELECT COUNT(*) FROM members")).toLongLong();
    {
        SegmentService service(shop.path(), shop.ctx().time().zone().id());
        auto first = next(service, true);
        REQUIRE(first);
        CHECK(first->rebuilt); // no file yet
        CHECK(static_cast<qint64>(first->memberIds.size()) == members);
        const auto i = first->indexOf(wang);
        REQUIRE(i >= 0);
        CHECK(first->aggregates[static_cast<std::size_t>(i)].orders == 1);
        CHECK(first->classes.frequency[static_cast<std::size_t>(i)] == Frequency::Once);
        CHECK(service.latest() == first);

        // The till sells again, to a member registered since: the next refresh has both.
        const qint64 li = shop.addMember(QStringLiteral("13900001111"), QStringLiteral("李娜"));
        shop.clock.set(shanghaiMs(2026, 11, 21, 12, 0));
        REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(wang, {shop.line(shop.p.oil)})).ok());
        REQUIRE(shop.ctx().checkout().commit(shop.memberRequest(li, {shop.line(shop.p.water)})).ok());
        auto second = next(service);
        REQUIRE(second);
        CHECK(second->aggregates[static_cast<std::size_t>(second->indexOf(wang))].orders == 2);
        CHECK(second->indexOf(li) >= 0);
        CHECK(second->aggregates[static_cast<std::size_t>(second->indexOf(li))].orders == 1);
        CHECK(second->salesMark > first->salesMark);
        CHECK(first->aggregates[static_cast<std::size_t>(i)].orders == 1); // a snapshot never changes
    }
    // Stopping saved the aggregates: the next start loads them.
    CHECK(QFile::exists(shop.path() + QStringLiteral(".segments")));
    SegmentService again(shop.path(), shop.ctx().time().zone().id());
    auto loaded = next(again, true);
    REQUIRE(loaded);
    CHECK_FALSE(loaded->rebuilt);
    CHECK(loaded->aggregates[static_cast<std::size_t>(loaded->indexOf(wang))].orders == 2);
}
