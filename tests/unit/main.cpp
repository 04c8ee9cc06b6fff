// The unit tests' main: Qt Sql needs a QCoreApplication (driver plugins, translations), so the
// Catch2 session runs inside one.
#define CATCH_CONFIG_RUNNER
#include <QCoreApplication>
#include <catch2/catch.hpp>
#include <spdlog/spdlog.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Many tests provoke errors on purpose (a refused sale, a damaged file); the engine logs each
    // one. Set HUIKE_TEST_LOG=1 to see them.
    if (qEnvironmentVariableIsEmpty("HUIKE_TEST_LOG"))
        spdlog::set_level(spdlog::level::off);
    return Catch::Session().run(argc, argv);
}
