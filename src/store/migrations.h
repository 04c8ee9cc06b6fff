#pragma once

#include <vector>

namespace huike {

// Schema steps, oldest first: step i (1-based) upgrades version i-1 to i. Never edit a step that
// has shipped; add a new one. All pending steps run in one transaction.
const std::vector<std::vector<const char *>> &migrations();

} // namespace huike
