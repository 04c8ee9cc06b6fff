#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "demo/demo.h"

#include <QString>
#include <functional>

namespace huike {

// What a new shop is set up with: the first-run window of the till and `huike-cli init` both
// fill one of these, so a store is made the same way from either.
struct StoreSetup {
    QString name;    // required unless demo (the demo store has its own)
    QString address;
    QString phone;
    QString adminCode = QStringLiteral("9001");
    QString adminName; // "管理员" when empty
    QString adminPin;  // required unless demo (the demo admin's published PIN is then kept)
    bool demo = false; // sample goods, members, months of sales and demo cashiers, for trying Huike
    DemoOptions demoOptions;
};

// Whether `path` already holds a store. Looked at read-only: nothing is changed, and a file that
// cannot be read is an error rather than "empty".
Result<bool> holdsStore(const QString &path);

// Makes the store at `path` whole or not at all: it is built in a file of its own beside the
// target and renamed into place once complete (rename is atomic), so a crash at any moment leaves
// no store or a complete one. Refused when `path` already holds a store. Returns a one-line summary.
Result<QString> createStoreFile(const QString &path, const StoreSetup &setup, const Clock &clock,
                                const std::function<void(int percent)> &progress = {});

} // namespace huike
