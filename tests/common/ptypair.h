#pragma once

// Two linked pseudo-terminals made by socat: what is written to one is read from the other, as
// over a serial cable. The till opens one end, a device simulator the other.

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QThread>
#include <catch2/catch.hpp>

namespace testsupport {

struct PtyPair {
    QProcess socat;
    QString a, b;
    PtyPair(const QString &pathA, const QString &pathB) : a(pathA), b(pathB)
    {
        const QString exe = QStandardPaths::findExecutable(QStringLiteral("socat"));
        REQUIRE_FALSE(exe.isEmpty()); // scripts/install-deps.sh --tests installs it
        socat.start(exe, {QStringLiteral("pty,raw,echo=0,link=") + a, QStringLiteral("pty,raw,echo=0,link=") + b});
        REQUIRE(socat.waitForStarted(5000));
        for (int i = 0; i < 100 && !(QFileInfo::exists(a) && QFileInfo::exists(b)); ++i)
            QThread::msleep(50);
        REQUIRE(QFileInfo::exists(a));
        REQUIRE(QFileInfo::exists(b));
    }
    ~PtyPair()
    {
        socat.terminate();
        socat.waitForFinished(3000);
    }
    PtyPair(const PtyPair &) = delete;
    PtyPair &operator=(const PtyPair &) = delete;
};

} // namespace testsupport
