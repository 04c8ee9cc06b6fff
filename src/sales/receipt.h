#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "document.h"
#include "members/earnings.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace huike {

class Database;

struct ReceiptLine {
    QString name;
    QString barcode;
    qint64 quantityMilli = 0;
    Money listPrice;
    Money unitPrice;
    Money discount; // line + order share
    Money amount;
    QList<Adjustment> adjustments; // the line's own (price change, line discount), in pipeline order
};

// One order-level adjustment on a receipt: its lines' shares summed, by source and reference.
struct ReceiptAdjustment {
    QString source;
    QString reference;
    Money amount;
};

// Everything a printed receipt shows, read back from the committed document.
struct Receipt {
    QString storeName;
    QString storeAddress;
    QString storePhone;
    QString footer;
    QString receiptNo;
    QString kind; // sale / refund / void
    QString originalReceiptNo;
    QString terminal;
    QString operatorName;
    QString authorizerName;
    QString reason;
    qint64 createdAtMs = 0;
    QList<ReceiptLine> lines;
    QList<DocumentPayment> payments;
    QList<ReceiptAdjustment> orderAdjustments; // order discount, 抹零, later coupons, in pipeline order
    Money subtotal;
    Money discount;
    Money rounding;
    Money total;
    Money change() const;
    // The member the document was rung up for (phone masked) and what it did to them.
    QString memberName;
    QString memberPhone;
    std::optional<MemberEffect> member;
    // Count cards the document sold, used or gave uses back to, as they stand after it.
    struct CountCardLine {
        QString card;  // "计次卡 12 洗车10次卡"
        QString state; // "剩 8/10 次，至 2027-11-24"
    };
    QList<CountCardLine> countCards;
    // Coupons the sale earned the member (a purchase above the type's amount), for next time.
    struct IssuedCoupon {
        QString name;  // the type's name, 满50减5
        QString code;  // what the till takes typed or scanned
        QString terms; // "满50减5" (translated)
        QDate lastDay; // the last day it may be used; null: no end
    };
    QList<IssuedCoupon> couponsIssued;
};

// Monospace text laid out in columns, where a Chinese character takes two columns (as on a
// receipt printer) and a line never splits one.
class TextLayout {
public:
    explicit TextLayout(int columns) : m_columns(columns) {}
    static int width(const QString &s);
    static QString fit(const QString &s, int columns); // cut to at most `columns`, whole characters
    void line(const QString &s);
    void center(const QString &s);
    void pair(const QString &left, const QString &right); // left-aligned label, right-aligned value
    void columns(const QStringList &cells, const QList<int> &widths); // first cell left, rest right
    void rule(QChar c = QLatin1Char('-'));
    QString text() const { return m_lines.join(QLatin1Char('\n')) + QLatin1Char('\n'); }

private:
    int m_columns;
    QStringList m_lines;
};

// What the receipt list is narrowed to; every part is optional.
struct ReceiptFilter {
    QDate day;                   // business day (the shop's)
    std::optional<Money> amount; // the document's total, either sign (a refund of ¥12 matches 12)
    QString member;              // a member's phone (any part of it) or name
    std::optional<Tender> tender;
    int limit = 200;
};

// One line of the receipt list.
struct ReceiptSummary {
    QString receiptNo;
    QString kind;
    qint64 createdAtMs = 0;
    Money total;
    QString memberName;
    QString memberPhone;
    QList<Tender> tenders;
};

class ReceiptService {
public:
    ReceiptService(Database &db, const Clock &clock, const ShopTime &time, const StoreContext &store);
    // `receiptNo` as typed: any case, or the last digits of one of today's numbers (resolveReceiptNo).
    Result<Receipt> load(const QString &receiptNo);
    QString render(const Receipt &r, int columns = 32) const; // 32 for 58 mm paper, 48 for 80 mm
    QStringList recent(int limit = 50);                       // receipt numbers, newest first
    // The documents that match, newest first.
    Result<QList<ReceiptSummary>> find(const ReceiptFilter &filter);

private:
    Database &m_db;
    const Clock &m_clock;
    const ShopTime &m_time;
    const StoreContext &m_store;
};

} // namespace huike
