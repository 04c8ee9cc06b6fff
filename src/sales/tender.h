#pragma once

#include "core/money.h"

#include <QList>
#include <QString>

namespace huike {

// A way of paying, named by its key as stored ("cash", "card", "wechat", "alipay"). Kinds are
// data, not a closed enum: a kind is a row in the tender_kinds table and an entry in tenderKinds()
// below with the rules the engine applies to it. Stored value, points, coupons and count cards are
// added the same way.
class Tender {
public:
    Tender() = default; // cash
    static Tender fromKey(const QString &key) { return Tender(key); }
    static const Tender Cash;
    static const Tender Card;
    static const Tender WeChat;
    static const Tender Alipay;
    static const Tender Points; // 积分抵现: the member's points as money off the amount due
    static const Tender Stored; // 储值: the member's stored value (members/storedvalue.h)

    const QString &key() const { return m_key; }
    friend bool operator==(const Tender &a, const Tender &b) { return a.m_key == b.m_key; }
    friend bool operator<(const Tender &a, const Tender &b) { return a.m_key < b.m_key; }

private:
    explicit Tender(QString key) : m_key(std::move(key)) {}
    QString m_key = QStringLiteral("cash");
};

// Whether a payment of this kind must carry the reference of the card slip or wallet transaction.
// WalletCode: required, and shaped like what a wallet gives: the customer's payment code as a
// scanner reads it (WeChat 18 digits from 10-15, Alipay 16-24 digits from 25-30) or a transaction
// number of 20-32 digits. "12" is neither: a cashier's guess is not proof of payment.
// Count: the reference is a whole number of units of the member's own (points paid).
enum class ReferenceRule { None, Optional, Required, WalletCode, Count };

// How the engine handles one kind of tender.
struct TenderKind {
    Tender tender;
    const char *label;      // English source text; tenderLabel() translates it
    bool givesChange;       // more may be handed over than is due, and change is given (cash)
    ReferenceRule reference;
    int refundOrder;        // refunds pay back through lower numbers first: wallets before cash
    bool needsMember = false; // paid out of a member's own balance: only with a member attached
};

// Every kind this program handles, in the order the till offers them.
const QList<TenderKind> &tenderKinds();
// nullptr when this program does not handle `t` (a newer Huike's kind, a damaged row).
const TenderKind *tenderKind(const Tender &t);
QString tenderLabel(const Tender &t); // translated; an unknown kind shows its key
// The reference as stored: trimmed, and for wallet codes without the spaces a person types
// between groups of digits. Empty when `kind` needs none and none was given.
QString normalizedReference(const TenderKind &kind, const QString &reference);
// Why `reference` will not do for `kind` (translated), or an empty string when it will.
QString referenceProblem(const TenderKind &kind, const QString &reference);

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
