#pragma once

// Running huike-cli as a shop's scripts would: a real process, its exit code and its output.

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>
#include "common/catchqt.h"

#include <catch2/catch.hpp>
#include <string>


namespace huike::itest {

// The huike-cli this build made ($<TARGET_FILE:huike-cli>), or $HUIKE_CLI when set.
QString cliPath();

struct CliRun {
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

// A folder for one test: the database, and a private HOME/XDG_DATA_HOME so that the CLI's log
// files land here and not in the user's data folder.
class Workspace {
public:
    Workspace();
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString db() const { return path(QStringLiteral("huike.db")); }
    QProcessEnvironment environment() const;

    CliRun run(const QStringList &args, int timeoutMs = 120'000) const;
    // The same, started through `wrapper` (e.g. setpriv to run as another user) with `env`.
    CliRun runWrapped(const QStringList &wrapper, const QStringList &args, const QProcessEnvironment &env,
                      int timeoutMs = 120'000) const;
    // `init --demo` with a small store (products and operators, 50 members, no history).
    void initDemo() const;

private:
    QTemporaryDir m_dir;
};

// One value from the database file through plain Qt Sql (used to read and to tamper).
QVariant sqlValue(const QString &dbPath, const QString &sql, const QVariantList &binds = {});
void sqlExec(const QString &dbPath, const QString &sql, const QVariantList &binds = {});

} // namespace huike::itest
