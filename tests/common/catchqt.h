#pragma once

// How Catch2 prints Qt strings in failure messages, for every test executable.

#include <QString>
#include <QStringList>
#include <catch2/catch.hpp>
#include <string>

namespace Catch {
template <> struct StringMaker<QString> {
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};
template <> struct StringMaker<QStringList> {
    static std::string convert(const QStringList &l)
    {
        return "[" + l.join(QStringLiteral(" | ")).toStdString() + "]";
    }
};
} // namespace Catch
