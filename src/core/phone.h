#pragma once

#include <QString>
#include <optional>

namespace huike {

// A mobile number as it may be shown to anyone at the counter: 138****8000 (the first three and
// the last four digits). Shorter numbers keep only their last four; empty stays empty.
QString maskPhone(const QString &phone);

// Whether `phone` is a mainland mobile number (1[3-9] and nine more digits), after the spaces,
// dashes and a +86 / 86 prefix people type are taken out. nullopt when it is not.
std::optional<QString> normalizedMobile(const QString &phone);

} // namespace huike
