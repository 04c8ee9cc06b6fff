#pragma once

#include <QString>

namespace huike {

// Sends spdlog's default logger to a rotating file in the app's data folder (5 files of 5 MB).
// Falls back to stderr when the folder cannot be written: logging must never stop a sale.
void initLogging(const QString &dataDir, const QString &programName);

} // namespace huike
