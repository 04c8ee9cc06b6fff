#pragma once

#include "core/result.h"

#include <vector>

namespace huike {

class Database;

// One schema step. `rebuildsTables`: the step rebuilds tables by SQLite's documented 12-step
// procedure (create new_X, copy, drop X, rename new_X to X, recreate its indexes), so the runner
// turns foreign keys off outside the transaction, runs PRAGMA foreign_key_check before COMMIT and
// turns them back on afterwards. Any other change to a table (a CHECK, a REFERENCES) needs it.
struct Migration {
    std::vector<const char *> statements;
    bool rebuildsTables = false;
    // Run after the statements, in the same transaction: for what SQL alone cannot do.
    Status (*after)(Database &db) = nullptr;
};

// Schema steps, oldest first: step i (1-based) upgrades version i-1 to i. Never edit a step that
// has shipped; add a new one. All pending steps run in one transaction.
const std::vector<Migration> &migrations();

} // namespace huike
