#pragma once

#include <QStringList>
#include <QTextStream>

namespace huike::cli {

// Each command takes its own arguments (after the command word) and returns the exit code.
int cmdInit(const QStringList &args);
int cmdVerify(const QStringList &args);
int cmdSimulate(const QStringList &args);
int cmdReceipt(const QStringList &args);
int cmdImportProducts(const QStringList &args);
int cmdExportProducts(const QStringList &args);
int cmdBench(const QStringList &args);

QTextStream &out();
QTextStream &err();

} // namespace huike::cli
