// Integration tests: a QCoreApplication for QProcess and Qt Sql, then the Catch2 session.
#define CATCH_CONFIG_RUNNER
#include <QCoreApplication>
#include <catch2/catch.hpp>
#include <spdlog/spdlog.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("HUIKE_TEST_LOG"))
        spdlog::set_level(spdlog::level::off);
    return Catch::Session().run(argc, argv);
}
