#pragma once

#include "core/money.h"
#include "core/result.h"
#include "pricing.h"

#include <QString>
#include <optional>

namespace huike {

// What the cashier types at the counter, parsed by the engine so that the screen, huike-cli and a
// later chain server read "3*code", "8.5" and "-20" the same way. Nothing is ever silently
// truncated: "8.555" or "0" is refused with a message that says what to type instead.

// "9", "8.5", "8.55" (折) -> 900 / 850 / 855 per mille; "85" (a percentage) -> 850; "", "10", "100"
// -> 1000 (no discount). A trailing 折 is allowed. Below 1折 is refused: a free item is a price change.
Result<qint64> parseZhe(const QString &text);

// The inverse, for a prompt's initial text: 850 -> "8.5", 855 -> "8.55", 1000 -> "" (none).
QString formatZhe(qint64 permille);

// An order discount: 折 as above, or "-20" / "-20.5" for that many yuan off.
Result<OrderDiscount> parseOrderDiscount(const QString &text);

// "3*6901234567890" -> 3000 and the code; "0.5*" -> 500 and an empty code (the scan comes next);
// "6901234567890" -> no multiplier. A multiplier above zero with at most three decimals and at most
// 99999: "0*x", "1.2345*x" and "*x" are refused.
struct Multiplied {
    std::optional<qint64> quantityMilli; // none: no "n*" in front
    QString code;                        // what follows, trimmed
};
Result<Multiplied> splitMultiplier(const QString &text);

} // namespace huike
