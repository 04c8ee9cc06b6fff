#pragma once

#include "core/clock.h"
#include "core/csv.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>
#include <memory>
#include <optional>

namespace huike {
class AppContext;
struct ApprovalScope;
}

namespace huike::cli {

extern SystemClock g_clock;
// Parses `args` (and --db) with the given options; prints the problem and returns false on a misfit.
bool parse(QCommandLineParser &p, const QStringList &args, const QList<QCommandLineOption> &options);
QString dbPath(const QCommandLineParser &p);
// The store at --db; nullptr (the problem printed) when there is none. `reading`: the command only
// reads, so a store that cannot be written is opened read-only (AppContext::openForReading).
std::unique_ptr<AppContext> openContext(const QCommandLineParser &p, const QString &terminal = {},
                                        bool reading = false);
// An option with a value (named `value` in --help) or, without one, a flag.
QCommandLineOption option(const char *name, const char *description, const char *value = nullptr);
// Who a script's change is recorded as (an import, a member added): the store's admin, or else a
// manager; the script runs as the shop's owner, who typed no PIN.
qint64 backOfficeOperator(AppContext &ctx);
struct Credentials {
    QString code;
    QString pin;
};
// "8001:8888" -> code and PIN.
std::optional<Credentials> splitCredentials(const QString &text);
// Who does it: --operator CODE:PIN (the PIN checked as at login), or without it the back-office
// operator. nullopt: the problem is printed.
std::optional<qint64> actingOperator(const QCommandLineParser &p, AppContext &ctx);
// --manager CODE:PIN turned into a single-use approval of `scope`; nullopt: the problem is printed.
std::optional<QString> managerApproval(const QCommandLineParser &p, AppContext &ctx, const ApprovalScope &scope,
                                       qint64 requestedBy);
// --name as a whole number in [min, max], or `fallback` when it is not given. A value that does
// not parse or is out of range is printed as the error and gives nullopt (the caller exits 2):
// a typo is never a silent default.
std::optional<qint64> numberOption(const QCommandLineParser &p, const QString &name, qint64 fallback, qint64 min,
                                   qint64 max);

// --width as receipt paper: 32 columns (58 mm, the default) or 48 (80 mm); nullopt: the problem
// is printed (the caller exits 2).
std::optional<int> paperWidth(const QCommandLineParser &p);

// An import's one positional FILE and its --encoding: 0, or the exit code 2 (the problem printed).
int importFileArguments(const QCommandLineParser &p, QString *path, TextEncoding *encoding);
// The same, the file read whole: 0, or the exit code (the problem printed: 2 for bad usage, 1 for
// a file that cannot be read).
int readImportFile(const QCommandLineParser &p, QByteArray *bytes, TextEncoding *encoding);

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
int cmdSell(const QStringList &args);
int cmdRecharge(const QStringList &args);
int cmdMember(const QStringList &args); // members.cpp
int cmdPoints(const QStringList &args);
int cmdCountCard(const QStringList &args);
int cmdCoupon(const QStringList &args);
int cmdImportMembers(const QStringList &args);
int cmdExportMembers(const QStringList &args);
int cmdSegments(const QStringList &args); // segments.cpp
int cmdImportSales(const QStringList &args);
int cmdDevice(const QStringList &args); // devices.cpp
int cmdSimulateDevice(const QStringList &args);
// receipt --print SPEC: the stored receipt on a printer, as the till prints it.
int printReceipt(AppContext &ctx, const QString &receiptNo, const QString &spec, int columns);

QTextStream &out();
QTextStream &err();

} // namespace huike::cli
