#pragma once

#include <QString>

namespace huike {

// A mobile number as it may be shown to anyone at the counter: 138****8000 (the first three and
// the last four digits). Shorter numbers keep only their last four; empty stays empty.
QString maskPhone(const QString &phone);

} // namespace huike
