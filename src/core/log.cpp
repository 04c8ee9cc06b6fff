#include "log.h"

#include <QDir>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace huike {

void initLogging(const QString &dataDir, const QString &programName)
{
    try {
        QDir().mkpath(dataDir + QStringLiteral("/logs"));
        const QString file = dataDir + QStringLiteral("/logs/") + programName + QStringLiteral(".log");
        auto logger =
            spdlog::rotating_logger_mt(programName.toStdString(), file.toStdString(), 5 * 1024 * 1024, 5);
        logger->flush_on(spdlog::level::warn);
        spdlog::set_default_logger(logger);
    } catch (const spdlog::spdlog_ex &) {
        spdlog::set_default_logger(spdlog::stderr_color_mt(programName.toStdString() + "-stderr"));
    }
    spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ %v");
}

} // namespace huike
