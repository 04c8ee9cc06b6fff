#pragma once

#include "core/money.h"

#include <QString>
#include <optional>

namespace huike {

enum class Tender { Cash, Card, WeChat, Alipay };

QString tenderKey(Tender t);   // as stored: "cash", "card", "wechat", "alipay"
QString tenderLabel(Tender t); // translated
std::optional<Tender> tenderFromKey(const QString &key);
inline constexpr Tender kAllTenders[] = {Tender::Cash, Tender::Card, Tender::WeChat, Tender::Alipay};

// What the cashier took: for cash, the amount handed over (change is worked out); for the others,
// the amount charged and the reference number of the card or QR-code payment.
struct TenderInput {
    Tender tender = Tender::Cash;
    Money amount;
    QString reference;
};

// Where a shop's documents are written: which store, which till.
struct StoreContext {
    qint64 storeId = 0;
    QString storeCode;
    QString terminal;
};

} // namespace huike
