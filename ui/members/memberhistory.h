#pragma once

#include "members/history.h"

#include <QString>

class QTableWidget;

namespace huike {
class ShopTime;
}

namespace huike::ui {

// A ledger's key said for the shop (earn → 消费获得, member.lost → 挂失); an unknown key as it is.
QString historyKindText(MemberLedger ledger, const QString &kind);
// An audit row's details said for the shop (member.edit: which parts changed).
QString historyDetailsText(const QString &kind, const QString &details);

// A read-only table of the member's `ledger`, the newest first, its columns fitting the ledger
// (points, principal and bonus, growth and spend, uses, ...), refilled by fillHistory.
QTableWidget *historyTable(MemberLedger ledger);
void fillHistory(QTableWidget *table, MemberLedger ledger, const QList<HistoryEntry> &entries, const ShopTime &time);

} // namespace huike::ui
