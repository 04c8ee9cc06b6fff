#pragma once

#include "core/result.h"

#include <QString>
#include <functional>

namespace huike {

class Database;

struct DemoOptions {
    quint32 seed = 20261125;
    int members = 2000;
    int months = 6;
};

struct DemoReport {
    int products = 0;
    int members = 0;
    int sales = 0;
    int refunds = 0;
    int recharges = 0;
    int countCardsSold = 0; // 美式咖啡10杯卡 bought by members
    int countCardUses = 0;  // sales where a card paid for the coffee
    int couponsUsed = 0;    // sales where a member used a coupon a purchase had earned them
    int shifts = 0;
};

// The demo store: a convenience store with ~300 products, its operators, members and months of
// sales with true weekday and hour-of-day patterns and some refunds, all rung up through the same
// checkout, refund and shift services the till uses, so every later screen has something true to
// show. The same seed gives the same store. `nowMs` is when the history ends.
// The member card the demo store gave its `index`-th member (from 0; a third of them have one), or
// "" for one who goes by phone: the demo's card reader swipes these (ui/devices/demodevices).
QString demoMemberCard(int index);

Result<DemoReport> createDemoStore(Database &db, const DemoOptions &options, qint64 nowMs,
                                   const std::function<void(int percent)> &progress = {});

} // namespace huike
