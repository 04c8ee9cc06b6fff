#pragma once

#include "core/clock.h"
#include "core/printlayout.h"
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

// What a printed receipt adds to its words (PrintLayout::text() leaves these out): the receipt
// number as a CODE128 barcode, a QR code of the store's choosing (its membership sign-up link),
// and the feed and cut after the footer.
struct ReceiptPrinting {
    bool barcode = false;
    QString qrCode; // none when empty
    bool cut = false;
    bool reprint = false; // "重印" and the time under the shop's name
    // The shop's logo above its name: a 1-bit raster (PrintLayout::image); none when empty.
    int logoWidth = 0;
    int logoHeight = 0;
    QByteArray logoBits;
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
    // The same laid out for a printer, with what only paper has.
    PrintLayout layout(const Receipt &r, int columns = 32, const ReceiptPrinting &printing = {}) const;
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
