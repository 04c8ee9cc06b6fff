#include "cli.h"

#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace huike::itest {

QString cliPath()
{
    const QString env = qEnvironmentVariable("HUIKE_CLI");
    return env.isEmpty() ? QStringLiteral(HUIKE_CLI_PATH) : env;
}

Workspace::Workspace()
{
    REQUIRE(m_dir.isValid());
    INFO("huike-cli: " << cliPath().toStdString());
    REQUIRE(QFileInfo(cliPath()).isExecutable());
}

QProcessEnvironment Workspace::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    return env;
}

CliRun Workspace::run(const QStringList &args, int timeoutMs) const
{
    return runWrapped({}, args, environment(), timeoutMs);
}

CliRun Workspace::runWrapped(const QStringList &wrapper, const QStringList &args, const QProcessEnvironment &env,
                             int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (wrapper.isEmpty())
        p.start(cliPath(), args);
    else
        p.start(wrapper.first(), wrapper.mid(1) + QStringList{cliPath()} + args);
    REQUIRE(p.waitForStarted(10'000));
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(timeoutMs);
    if (!finished) {
        p.kill();
        p.waitForFinished(5'000);
    }
    INFO("huike-cli " << args.join(QLatin1Char(' ')).toStdString());
    REQUIRE(finished);
    CliRun r;
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void Workspace::initDemo() const
{
    const CliRun r = run({QStringLiteral("init"), QStringLiteral("--db"), db(), QStringLiteral("--demo"),
                          QStringLiteral("--members"), QStringLiteral("50"), QStringLiteral("--months"),
                          QStringLiteral("0")});
    INFO(r.out.toStdString() << r.err.toStdString());
    REQUIRE_FALSE(r.crashed);
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.out.contains(QStringLiteral("50 members")));
}

namespace {
class Connection {
public:
    explicit Connection(const QString &path) : m_name(QUuid::createUuid().toString())
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        REQUIRE(m_db.open());
    }
    ~Connection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

QVariant runSql(const QString &dbPath, const QString &sql, const QVariantList &binds)
{
    Connection c(dbPath);
    QSqlQuery q(c.db());
    REQUIRE(q.prepare(sql));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(q.exec());
    QVariant v;
    if (q.isSelect() && q.next())
        v = q.value(0);
    q.finish();
    return v;
}
} // namespace

QVariant sqlValue(const QString &dbPath, const QString &sql, const QVariantList &binds)
{
    return runSql(dbPath, sql, binds);
}

void sqlExec(const QString &dbPath, const QString &sql, const QVariantList &binds)
{
    runSql(dbPath, sql, binds);
}

} // namespace huike::itest
