// Operators at the till: PIN log-in, lock-out after five wrong PINs, a manager's PIN on the spot.

#include "operators/operators.h"
#include "testsupport.h"

#include <atomic>
#include <thread>

using namespace huike;
using huike::test::TestShop;
using huike::test::why;

TEST_CASE("log in with the right PIN", "[operators]")
{
    TestShop shop;
    OperatorService &ops = shop.ctx().operators();
    auto op = ops.login(QStringLiteral("1001"), QStringLiteral("1234"));
    INFO(why(op));
    REQUIRE(op.ok());
    CHECK(op->id == shop.cashier);
    CHECK(op->name == QStringLiteral("王芳"));
    CHECK(op->role == Role::Cashier);
    CHECK_FALSE(op->isManager());
    CHECK(ops.login(QStringLiteral(" 8001 "), QStringLiteral("8888"))->role == Role::Manager);
    CHECK(ops.login(QStringLiteral("9001"), QStringLiteral("9999"))->role == Role::Admin);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'login'")) == 3);

    // PINs are stored as Argon2id hashes, never as the PIN.
    const QString hash =
        shop.scalar(QStringLiteral("SELECT pin_hash FROM operators WHERE code = '1001'")).toString();
    CHECK(hash.startsWith(QStringLiteral("$argon2id$")));
    CHECK_FALSE(hash.contains(QStringLiteral("1234")));
    CHECK(OperatorService::verifyPin(hash, QStringLiteral("1234")));
    CHECK_FALSE(OperatorService::verifyPin(hash, QStringLiteral("1235")));
    CHECK_FALSE(OperatorService::verifyPin(QStringLiteral("not a hash"), QStringLiteral("1234")));
}

TEST_CASE("wrong PINs are counted, and the right one resets the count", "[operators]")
{
    TestShop shop;
    OperatorService &ops = shop.ctx().operators();
    auto wrong = ops.login(QStringLiteral("1001"), QStringLiteral("0000"));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == ErrorCode::Denied);
    CHECK(wrong.error().message.contains(QStringLiteral("4")));
    CHECK(shop.scalar(QStringLiteral("SELECT failed_attempts FROM operators WHERE id = ?"), {shop.cashier})
              .toInt() == 1);
    CHECK_FALSE(ops.login(QStringLiteral("1001"), QStringLiteral("")).ok());
    CHECK(shop.scalar(QStringLiteral("SELECT failed_attempts FROM operators WHERE id = ?"), {shop.cashier})
              .toInt() == 2);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'login.failed'")) == 2);

    REQUIRE(ops.login(QStringLiteral("1001"), QStringLiteral("1234")).ok());
    CHECK(shop.scalar(QStringLiteral("SELECT failed_attempts FROM operators WHERE id = ?"), {shop.cashier})
              .toInt() == 0);

    // An unknown code says no more than a wrong PIN does.
    auto unknown = ops.login(QStringLiteral("7777"), QStringLiteral("1234"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message ==
          ops.login(QStringLiteral("7777"), QStringLiteral("0000")).error().message);
}

TEST_CASE("five wrong PINs lock the operator until a manager unlocks", "[operators]")
{
    TestShop shop;
    OperatorService &ops = shop.ctx().operators();
    for (int i = 1; i <= OperatorService::kMaxAttempts; ++i) {
        INFO("attempt " << i);
        auto r = ops.login(QStringLiteral("1001"), QStringLiteral("4321"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::Denied);
    }
    auto op = ops.byId(shop.cashier);
    REQUIRE(op.ok());
    CHECK(op->locked);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'operator.locked'")) == 1);

    auto right = ops.login(QStringLiteral("1001"), QStringLiteral("1234"));
    REQUIRE_FALSE(right.ok()); // even the right PIN, once locked
    CHECK(right.error().code == ErrorCode::Denied);
    CHECK(right.error().message.contains(QStringLiteral("locked")));

    // Another cashier cannot unlock; a manager can.
    CHECK(ops.unlock(shop.cashier, shop.cashier2).error().code == ErrorCode::Denied);
    CHECK(ops.byId(shop.cashier)->locked);
    REQUIRE(ops.unlock(shop.cashier, shop.manager).ok());
    CHECK(shop.count(QStringLiteral("audit_log"),
                     QStringLiteral("action = 'operator.unlock' AND authorized_by = ?"),
                     {shop.manager}) == 1);
    auto again = ops.login(QStringLiteral("1001"), QStringLiteral("1234"));
    INFO(why(again));
    REQUIRE(again.ok());
    CHECK(again->failedAttempts == 0);
    // The count starts over: one wrong PIN does not lock again.
    CHECK_FALSE(ops.login(QStringLiteral("1001"), QStringLiteral("0000")).ok());
    CHECK_FALSE(ops.byId(shop.cashier)->locked);
}

TEST_CASE("a manager's PIN on the spot", "[operators]")
{
    TestShop shop;
    OperatorService &ops = shop.ctx().operators();
    auto mgr = ops.authorizeManager(QStringLiteral("8001"), QStringLiteral("8888"));
    INFO(why(mgr));
    REQUIRE(mgr.ok());
    CHECK(mgr->id == shop.manager);
    CHECK(ops.authorizeManager(QStringLiteral("9001"), QStringLiteral("9999"))
              .ok()); // an admin may approve too

    auto cashier = ops.authorizeManager(QStringLiteral("1001"), QStringLiteral("1234"));
    REQUIRE_FALSE(cashier.ok());
    CHECK(cashier.error().code == ErrorCode::Denied);
    CHECK(cashier.error().message.contains(QStringLiteral("王芳")));

    auto wrong = ops.authorizeManager(QStringLiteral("8001"), QStringLiteral("1234"));
    REQUIRE_FALSE(wrong.ok());
    CHECK(shop.scalar(QStringLiteral("SELECT failed_attempts FROM operators WHERE id = ?"), {shop.manager})
              .toInt() == 1);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'authorize.failed'")) == 1);
}

TEST_CASE("creating operators and changing PINs", "[operators]")
{
    TestShop shop;
    OperatorService &ops = shop.ctx().operators();
    auto id =
        ops.create(QStringLiteral("1003"), QStringLiteral("赵敏"), Role::Cashier, QStringLiteral("246810"), shop.manager);
    INFO(why(id));
    REQUIRE(id.ok());
    CHECK(ops.login(QStringLiteral("1003"), QStringLiteral("246810")).ok());
    CHECK(ops.create(QStringLiteral("1003"), QStringLiteral("重复"), Role::Cashier, QStringLiteral("1111"), shop.manager)
              .error()
              .code == ErrorCode::Conflict);
    CHECK(ops.create(QStringLiteral("1004"), QStringLiteral("孙丽"), Role::Cashier, QStringLiteral("123"), shop.manager)
              .error()
              .code == ErrorCode::Invalid);
    CHECK(ops.create(QStringLiteral("1004"), QStringLiteral("孙丽"), Role::Cashier,
                     QStringLiteral("1234567890123"), shop.manager)
              .error()
              .code == ErrorCode::Invalid);
    CHECK(ops.create(QStringLiteral(" "), QStringLiteral("孙丽"), Role::Cashier, QStringLiteral("1234"), shop.manager)
              .error()
              .code == ErrorCode::Invalid);

    REQUIRE(ops.changePin(*id, QStringLiteral("1357")).ok());
    CHECK_FALSE(ops.login(QStringLiteral("1003"), QStringLiteral("246810")).ok());
    CHECK(ops.login(QStringLiteral("1003"), QStringLiteral("1357")).ok());
    CHECK(ops.changePin(*id, QStringLiteral("12")).error().code == ErrorCode::Invalid);

    QStringList codes;
    for (const Operator &o : ops.list())
        codes << o.code;
    CHECK(codes == QStringList{QStringLiteral("1001"), QStringLiteral("1002"), QStringLiteral("1003"),
                               QStringLiteral("8001"), QStringLiteral("9001")});
    CHECK(roleKey(Role::Manager) == QStringLiteral("manager"));
}

TEST_CASE("a disabled operator cannot log in", "[operators]")
{
    TestShop shop;
    shop.execRaw(QStringLiteral("UPDATE operators SET active = 0 WHERE id = ?"), {shop.cashier2});
    auto r = shop.ctx().operators().login(QStringLiteral("1002"), QStringLiteral("1234"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Denied);
}

// Runs in CI: the count is taken with one guarded UPDATE under the write lock, so however the two
// tills interleave, every wrong PIN counts; a lost update would show as 2 or 3.
TEST_CASE("wrong PINs typed at two tills at once are all counted", "[race][operators]")
{
    // REPORTED: check() reads failed_attempts, verifies the PIN (Argon2, tens of ms) and then
    // writes attempts = read + 1, so wrong PINs at two tills overwrite each other's count and an
    // attacker gets more than five tries. `SET failed_attempts = failed_attempts + 1` inside the
    // transaction (and reading the new value back) counts every one.
    TestShop shop;
    const QString path = shop.path();
    std::atomic<int> ready{0};
    auto run = [&](const QString &terminal) {
        auto ctx = AppContext::open(path, shop.clock, terminal);
        if (!ctx)
            return;
        ++ready;
        while (ready.load() < 2)
            std::this_thread::yield();
        for (int i = 0; i < 2; ++i)
            (void)(*ctx)->operators().login(QStringLiteral("1001"), QStringLiteral("0000"));
    };
    std::thread a(run, QStringLiteral("POS2"));
    std::thread b(run, QStringLiteral("POS3"));
    a.join();
    b.join();
    CHECK(shop.scalar(QStringLiteral("SELECT failed_attempts FROM operators WHERE id = ?"), {shop.cashier})
              .toInt() == 4);
}

TEST_CASE("who may add an operator, and the audit row that names them", "[operators][roles]")
{
    TestShop shop;
    OperatorService &ops = shop.ctx().operators();
    // A cashier adds nobody; a manager adds cashiers; only the admin adds managers and admins.
    CHECK(ops.create(QStringLiteral("1005"), QStringLiteral("周杰"), Role::Cashier, QStringLiteral("1234"), shop.cashier)
              .error()
              .code == ErrorCode::Denied);
    CHECK(ops.create(QStringLiteral("8002"), QStringLiteral("吴经理"), Role::Manager, QStringLiteral("8888"), shop.manager)
              .error()
              .code == ErrorCode::Denied);
    // Nobody at all (createdBy 0) only for the first admin of an empty store.
    CHECK(ops.create(QStringLiteral("9002"), QStringLiteral("冒名"), Role::Admin, QStringLiteral("9999"), 0)
              .error()
              .code == ErrorCode::Denied);
    CHECK(shop.count(QStringLiteral("operators"), QStringLiteral("code IN ('1005', '8002', '9002')")) == 0);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'operator.create' AND target IN ('1005', "
                                                                 "'8002', '9002')")) == 0);

    auto cashier = ops.create(QStringLiteral("1005"), QStringLiteral("周杰"), Role::Cashier, QStringLiteral("1234"),
                              shop.manager);
    REQUIRE(cashier.ok());
    auto manager = ops.create(QStringLiteral("8002"), QStringLiteral("吴经理"), Role::Manager, QStringLiteral("8888"),
                              shop.admin);
    REQUIRE(manager.ok());
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'operator.create' AND target = '1005' AND "
                                                                 "operator_id = ?"),
                     {shop.manager}) == 1);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'operator.create' AND target = '8002' AND "
                                                                 "operator_id = ?"),
                     {shop.admin}) == 1);
    // The audit row and the operator commit together: a refused one leaves neither.
    CHECK(ops.create(QStringLiteral("1005"), QStringLiteral("重名"), Role::Cashier, QStringLiteral("1234"), shop.admin)
              .error()
              .code == ErrorCode::Conflict);
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'operator.create' AND target = '1005'")) ==
          1);
}

TEST_CASE("a manager edits and deactivates a cashier, and the store always keeps an admin", "[operators]")
{
    TestShop shop;
    OperatorService &ops = shop.ctx().operators();
    using Change = OperatorService::Change;
    // A manager renames 王芳, gives her a new PIN and deactivates her: she can no longer log in.
    REQUIRE(ops.update(shop.cashier, Change{QStringLiteral("王芳芳"), Role::Cashier, true, QStringLiteral("5678")},
                       shop.manager)
                .ok());
    CHECK_FALSE(ops.login(QStringLiteral("1001"), QStringLiteral("1234")).ok());
    auto relog = ops.login(QStringLiteral("1001"), QStringLiteral("5678"));
    REQUIRE(relog.ok());
    CHECK(relog->name == QStringLiteral("王芳芳"));
    REQUIRE(ops.update(shop.cashier, Change{QStringLiteral("王芳芳"), Role::Cashier, false, {}}, shop.manager).ok());
    CHECK_FALSE(ops.login(QStringLiteral("1001"), QStringLiteral("5678")).ok());
    CHECK(shop.count(QStringLiteral("audit_log"), QStringLiteral("action = 'operator.update' AND target = '1001'")) == 2);

    // Who may do what: a cashier edits nobody, a manager no manager, nobody demotes himself, and the
    // only admin stays an admin.
    CHECK(ops.update(shop.cashier2, Change{QStringLiteral("李强"), Role::Cashier, false, {}}, shop.cashier2).error().code ==
          ErrorCode::Denied);
    CHECK(ops.update(shop.cashier2, Change{QStringLiteral("李强"), Role::Manager, true, {}}, shop.manager).error().code ==
          ErrorCode::Denied);
    CHECK(ops.update(shop.admin, Change{QStringLiteral("系统管理员"), Role::Admin, false, {}}, shop.admin).error().code ==
          ErrorCode::Conflict);
    REQUIRE(ops.update(shop.manager, Change{QStringLiteral("张经理"), Role::Admin, true, {}}, shop.admin).ok());
    CHECK(ops.update(shop.manager, Change{QStringLiteral("张经理"), Role::Manager, true, {}}, shop.manager).error().code ==
          ErrorCode::Conflict); // himself
    // With two admins, one may step the other down; the last one never goes.
    REQUIRE(ops.update(shop.admin, Change{QStringLiteral("系统管理员"), Role::Manager, true, {}}, shop.manager).ok());
    CHECK(ops.update(shop.admin, Change{QStringLiteral("x"), Role::Admin, true, QStringLiteral("12")}, shop.manager)
              .error()
              .code == ErrorCode::Invalid); // a 2-character PIN
}
