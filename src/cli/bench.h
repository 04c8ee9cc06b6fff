#pragma once

// What the bench commands share (bench.cpp, benchsegments.cpp).

#include "core/result.h"

#include <QCommandLineParser>
#include <memory>

namespace huike {
class AppContext;
}

namespace huike::cli {

// The bench's store at `path`: a demo shop (200 members, `months` of history) when it is new;
// nullptr with the problem printed.
std::unique_ptr<AppContext> openBenchStore(const QString &path, int months);

// Brings the store to `target` members, the missing ones as bench members (147 numbers, cards
// HK..., Chinese names). Returns how many bench members there are.
Result<qint64> fillMembers(AppContext &ctx, qint64 target);

// huike-cli bench segments (benchsegments.cpp).
int benchSegments(const QCommandLineParser &p);

} // namespace huike::cli
