#pragma once

#include "core/clock.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>
#include <memory>

namespace huike {
class AppContext;
}

namespace huike::cli {

extern SystemClock g_clock;
// Parses `args` (and --db) with the given options; prints the problem and returns false on a misfit.
bool parse(QCommandLineParser &p, const QStringList &args, const QList<QCommandLineOption> &options);
QString dbPath(const QCommandLineParser &p);
std::unique_ptr<AppContext> openContext(const QCommandLineParser &p, const QString &terminal = {});
int intOption(const QCommandLineParser &p, const QString &name, int fallback);

// Each command takes its own arguments (after the command word) and returns the exit code.
int cmdInit(const QStringList &args);
int cmdVerify(const QStringList &args);
int cmdSimulate(const QStringList &args);
int cmdReceipt(const QStringList &args);
int cmdImportProducts(const QStringList &args);
int cmdExportProducts(const QStringList &args);
int cmdBench(const QStringList &args);
int cmdRefund(const QStringList &args); // documents.cpp
int cmdVoid(const QStringList &args);

QTextStream &out();
QTextStream &err();

} // namespace huike::cli
