// Setting up a new store (the till's first-run window and huike-cli init share it).

#include "app/storesetup.h"
#include "reports/integrity.h"
#include "store/settings.h"
#include "testsupport.h"

#include <QFile>

using namespace huike;
using huike::test::shanghaiMs;
using huike::test::why;

TEST_CASE("a new store is made whole, with the shop's name and administrator", "[setup]")
{
    QTemporaryDir dir;
    ManualClock clock(shanghaiMs(2026, 12, 1, 8, 0));
    const QString path = dir.filePath(QStringLiteral("shop.db"));

    SECTION("refused without a name or a PIN, and nothing is left behind")
    {
        StoreSetup s;
        s.adminPin = QStringLiteral("5566");
        CHECK_FALSE(createStoreFile(path, s, clock).ok());
        s.name = QStringLiteral("好邻居超市");
        s.adminPin.clear();
        CHECK_FALSE(createStoreFile(path, s, clock).ok());
        s.adminPin = QStringLiteral("5566");
        s.adminCode = QStringLiteral("admin");
        CHECK_FALSE(createStoreFile(path, s, clock).ok()); // codes are typed on the till's keypad
        CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }
    SECTION("an empty store, then never a second one over it")
    {
        StoreSetup s;
        s.name = QStringLiteral("好邻居超市");
        s.phone = QStringLiteral("13912345678");
        s.adminCode = QStringLiteral("8866");
        s.adminPin = QStringLiteral("5566");
        auto made = createStoreFile(path, s, clock);
        INFO(why(made));
        REQUIRE(made.ok());
        CHECK(*holdsStore(path));
        CHECK(createStoreFile(path, s, clock).error().code == ErrorCode::Conflict);
        auto ctx = AppContext::open(path, clock);
        REQUIRE(ctx.ok());
        CHECK((*ctx)->operators().login(QStringLiteral("8866"), QStringLiteral("5566")).ok());
        CHECK(verifyDatabase((*ctx)->db()).isEmpty());
    }
    SECTION("demo data under the shop's own name and administrator")
    {
        StoreSetup s;
        s.demo = true;
        s.demoOptions.members = 20;
        s.demoOptions.months = 0;
        s.name = QStringLiteral("试用店");
        s.adminCode = QStringLiteral("7001");
        s.adminPin = QStringLiteral("314159");
        auto made = createStoreFile(path, s, clock);
        INFO(why(made));
        REQUIRE(made.ok());
        auto ctx = AppContext::open(path, clock);
        REQUIRE(ctx.ok());
        CHECK(loadStore((*ctx)->db(), (*ctx)->store().storeId)->name == QStringLiteral("试用店"));
        auto admin = (*ctx)->operators().login(QStringLiteral("7001"), QStringLiteral("314159"));
        REQUIRE(admin.ok());
        CHECK(admin->role == Role::Admin);
        CHECK_FALSE((*ctx)->operators().login(QStringLiteral("9001"), QStringLiteral("9999")).ok());
        CHECK(verifyDatabase((*ctx)->db()).isEmpty());
    }
    SECTION("a file that is not a database is reported, not overwritten")
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("not a database, the shop's spreadsheet perhaps");
        f.close();
        StoreSetup s;
        s.name = QStringLiteral("好邻居超市");
        s.adminPin = QStringLiteral("5566");
        CHECK_FALSE(createStoreFile(path, s, clock).ok());
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(f.readAll().startsWith("not a database"));
    }
}
