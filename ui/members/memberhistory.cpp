#include "memberhistory.h"

#include "core/clock.h"
#include "core/money.h"

#include <QCoreApplication>
#include <QHash>
#include <QHeaderView>
#include <QTableWidget>

namespace huike::ui {

namespace {

// The amount columns of each ledger, between 时间/类型 and 单据/原因/操作员.
QStringList amountHeaders(MemberLedger ledger)
{
    switch (ledger) {
    case MemberLedger::Points:
        return {QCoreApplication::translate("MemberHistory", "Points"), QCoreApplication::translate("MemberHistory", "Lot expires")};
    case MemberLedger::Stored:
        return {QCoreApplication::translate("MemberHistory", "Principal"), QCoreApplication::translate("MemberHistory", "Bonus")};
    case MemberLedger::Growth:
        return {QCoreApplication::translate("MemberHistory", "Growth"), QCoreApplication::translate("MemberHistory", "Net spend")};
    case MemberLedger::Levels:
        return {QCoreApplication::translate("MemberHistory", "Level")};
    case MemberLedger::CountCards:
        return {QCoreApplication::translate("MemberHistory", "Card"), QCoreApplication::translate("MemberHistory", "Uses"), QCoreApplication::translate("MemberHistory", "New expiry")};
    case MemberLedger::CardEvents:
        return {QCoreApplication::translate("MemberHistory", "Details")};
    case MemberLedger::Purchases:
        return {QCoreApplication::translate("MemberHistory", "Total"), QCoreApplication::translate("MemberHistory", "Lines")};
    }
    return {};
}

QString signedCount(qint64 n)
{
    return n > 0 ? QStringLiteral("+%1").arg(n) : QString::number(n);
}

QString signedMoney(qint64 fen)
{
    const QString text = Money::fromFen(fen).display();
    return fen > 0 ? QStringLiteral("+") + text : text;
}

} // namespace

QString historyKindText(MemberLedger ledger, const QString &kind)
{
    static const QHash<QString, const char *> common = {
        {QStringLiteral("import"), QT_TRANSLATE_NOOP("MemberHistory", "Imported")},
        {QStringLiteral("adjust"), QT_TRANSLATE_NOOP("MemberHistory", "Adjusted by hand")},
        {QStringLiteral("manual"), QT_TRANSLATE_NOOP("MemberHistory", "Changed by hand")},
        {QStringLiteral("refund"), QT_TRANSLATE_NOOP("MemberHistory", "Refund")},
        {QStringLiteral("sale"), QT_TRANSLATE_NOOP("MemberHistory", "Sale")},
        {QStringLiteral("recharge"), QT_TRANSLATE_NOOP("MemberHistory", "Recharge")},
        {QStringLiteral("recharge_refund"), QT_TRANSLATE_NOOP("MemberHistory", "Recharge refunded")},
        {QStringLiteral("void"), QT_TRANSLATE_NOOP("MemberHistory", "Voided")},
        {QStringLiteral("earn"), QT_TRANSLATE_NOOP("MemberHistory", "Earned")},
        {QStringLiteral("redeem"), QT_TRANSLATE_NOOP("MemberHistory", "Paid with points")},
        {QStringLiteral("gift"), QT_TRANSLATE_NOOP("MemberHistory", "Gift redeemed")},
        {QStringLiteral("refund_earn"), QT_TRANSLATE_NOOP("MemberHistory", "Taken back by a refund")},
        {QStringLiteral("refund_redeem"), QT_TRANSLATE_NOOP("MemberHistory", "Given back by a refund")},
        {QStringLiteral("expire"), QT_TRANSLATE_NOOP("MemberHistory", "Expired")},
        {QStringLiteral("spend"), QT_TRANSLATE_NOOP("MemberHistory", "Paid")},
        {QStringLiteral("refund_spend"), QT_TRANSLATE_NOOP("MemberHistory", "Given back by a refund")},
        {QStringLiteral("transfer_out"), QT_TRANSLATE_NOOP("MemberHistory", "Transferred out")},
        {QStringLiteral("transfer_in"), QT_TRANSLATE_NOOP("MemberHistory", "Transferred in")},
        {QStringLiteral("upgrade"), QT_TRANSLATE_NOOP("MemberHistory", "Upgraded")},
        {QStringLiteral("renew"), QT_TRANSLATE_NOOP("MemberHistory", "Renewed at expiry")},
        {QStringLiteral("rfm"), QT_TRANSLATE_NOOP("MemberHistory", "Growth from RFM")},
        {QStringLiteral("sold"), QT_TRANSLATE_NOOP("MemberHistory", "Card bought")},
        {QStringLiteral("use"), QT_TRANSLATE_NOOP("MemberHistory", "Used")},
        {QStringLiteral("refund_use"), QT_TRANSLATE_NOOP("MemberHistory", "Use given back")},
        {QStringLiteral("refund_card"), QT_TRANSLATE_NOOP("MemberHistory", "Card refunded")},
        {QStringLiteral("extend"), QT_TRANSLATE_NOOP("MemberHistory", "Extended")},
        {QStringLiteral("member.add"), QT_TRANSLATE_NOOP("MemberHistory", "Registered")},
        {QStringLiteral("member.edit"), QT_TRANSLATE_NOOP("MemberHistory", "Profile edited")},
        {QStringLiteral("member.import"), QT_TRANSLATE_NOOP("MemberHistory", "Imported")},
        {QStringLiteral("member.lost"), QT_TRANSLATE_NOOP("MemberHistory", "Reported lost")},
        {QStringLiteral("member.lock"), QT_TRANSLATE_NOOP("MemberHistory", "Locked")},
        {QStringLiteral("member.unlock"), QT_TRANSLATE_NOOP("MemberHistory", "Unlocked")},
        {QStringLiteral("member.replace_card"), QT_TRANSLATE_NOOP("MemberHistory", "Card replaced")},
        {QStringLiteral("member.photo"), QT_TRANSLATE_NOOP("MemberHistory", "Photo changed")},
        {QStringLiteral("member.pin"), QT_TRANSLATE_NOOP("MemberHistory", "Payment PIN set")},
    };
    // A level's refund is a step down; a growth row's refund is just the refund.
    if (ledger == MemberLedger::Levels && kind == QLatin1String("refund"))
        return QCoreApplication::translate("MemberHistory", "Down after a refund");
    if (ledger == MemberLedger::Levels && kind == QLatin1String("expire"))
        return QCoreApplication::translate("MemberHistory", "Down at expiry");
    if (ledger == MemberLedger::Levels && kind == QLatin1String("rfm"))
        return QCoreApplication::translate("MemberHistory", "Moved by growth from RFM");
    if (const char *text = common.value(kind))
        return QCoreApplication::translate("MemberHistory", text);
    return kind;
}

QString historyDetailsText(const QString &kind, const QString &details)
{
    // What the engine records in words of its own (members/profile.cpp): said for the shop.
    if (kind == QLatin1String("member.edit")) {
        static const QHash<QString, const char *> parts = {
            {QStringLiteral("phone"), QT_TRANSLATE_NOOP("MemberHistory", "phone")},
            {QStringLiteral("card"), QT_TRANSLATE_NOOP("MemberHistory", "card")},
            {QStringLiteral("name"), QT_TRANSLATE_NOOP("MemberHistory", "name")},
            {QStringLiteral("gender"), QT_TRANSLATE_NOOP("MemberHistory", "gender")},
            {QStringLiteral("birthday"), QT_TRANSLATE_NOOP("MemberHistory", "birthday")},
            {QStringLiteral("address"), QT_TRANSLATE_NOOP("MemberHistory", "address")},
            {QStringLiteral("notes"), QT_TRANSLATE_NOOP("MemberHistory", "notes")},
            {QStringLiteral("consent"), QT_TRANSLATE_NOOP("MemberHistory", "marketing consent")},
            {QStringLiteral("referrer"), QT_TRANSLATE_NOOP("MemberHistory", "referrer")},
            {QStringLiteral("tags"), QT_TRANSLATE_NOOP("MemberHistory", "tags")},
            {QStringLiteral("fields"), QT_TRANSLATE_NOOP("MemberHistory", "custom fields")}};
        QStringList said;
        for (const QString &p : details.split(QLatin1Char(','), Qt::SkipEmptyParts))
            said << (parts.contains(p) ? QCoreApplication::translate("MemberHistory", parts.value(p)) : p);
        return said.join(QStringLiteral("、"));
    }
    if (kind == QLatin1String("member.photo"))
        return details == QLatin1String("removed") ? QCoreApplication::translate("MemberHistory", "removed")
                                                   : QCoreApplication::translate("MemberHistory", "new photo");
    return details;
}

QTableWidget *historyTable(MemberLedger ledger)
{
    auto *table = new QTableWidget;
    QStringList headers = {QCoreApplication::translate("MemberHistory", "Time"), QCoreApplication::translate("MemberHistory", "Kind")};
    headers << amountHeaders(ledger) << QCoreApplication::translate("MemberHistory", "Receipt") << QCoreApplication::translate("MemberHistory", "Reason") << QCoreApplication::translate("MemberHistory", "Operator");
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(0, 150);
    return table;
}

void fillHistory(QTableWidget *table, MemberLedger ledger, const QList<HistoryEntry> &entries, const ShopTime &time)
{
    table->setRowCount(static_cast<int>(entries.size()));
    // The amount columns right-aligned; a level's change and an audit row's details are words.
    const qsizetype amounts = ledger == MemberLedger::Levels || ledger == MemberLedger::CardEvents ? 0 : amountHeaders(ledger).size();
    auto day = [&](qint64 ms) { return ms > 0 ? time.localDate(ms - 1).toString(Qt::ISODate) : QCoreApplication::translate("MemberHistory", "Never"); };
    for (int row = 0; row < entries.size(); ++row) {
        const HistoryEntry &e = entries.at(row);
        QStringList cells = {time.format(e.atMs), historyKindText(ledger, e.kind)};
        switch (ledger) {
        case MemberLedger::Points:
            cells << signedCount(e.amount) << (e.amount > 0 ? day(e.amount2) : QString());
            break;
        case MemberLedger::Stored:
            cells << signedMoney(e.amount) << signedMoney(e.amount2);
            break;
        case MemberLedger::Growth:
            cells << signedCount(e.amount) << signedMoney(e.amount2);
            break;
        case MemberLedger::Levels:
            cells << e.what;
            break;
        case MemberLedger::CardEvents:
            cells << historyDetailsText(e.kind, e.what);
            break;
        case MemberLedger::CountCards:
            cells << e.what << signedCount(e.amount) << (e.amount2 > 0 ? day(e.amount2) : QString());
            break;
        case MemberLedger::Purchases:
            cells << Money::fromFen(e.amount).display() << QString::number(e.amount2);
            break;
        }
        cells << e.receiptNo << e.reason << e.operatorName;
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c >= 2 && c < 2 + amounts)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(row, c, item);
        }
    }
}

} // namespace huike::ui
