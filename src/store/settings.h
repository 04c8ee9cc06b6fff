#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <utility>

namespace huike {

class Database;

// Store-wide settings kept in the database, so every terminal of a shop agrees on them.
class Settings {
public:
    explicit Settings(Database &db) : m_db(db) {}

    QString value(const QString &key, const QString &fallback = {}) const;
    qint64 integer(const QString &key, qint64 fallback) const;
    Status set(const QString &key, const QString &value);
    // Several settings in one transaction, each change audited with its old and new value
    // (the discount limit and 抹零 decide what a cashier may do with money).
    Status change(const QList<std::pair<QString, QString>> &values, qint64 operatorId, qint64 atMs);

    // The keys the engine reads, with their defaults in one place.
    static inline const QString kRoundingMode = QStringLiteral("checkout.rounding"); // 0 none, 1 jiao, 2 yuan
    static inline const QString kCashierDiscountLimit =
        QStringLiteral("checkout.cashier_min_permille");                                     // 900
    static inline const QString kScannerInterKeyMs = QStringLiteral("scanner.inter_key_ms"); // 35
    static inline const QString kScaleWeightFlags = QStringLiteral("scale.weight_flags");    // "2"
    static inline const QString kScaleMaxWeightGrams = QStringLiteral("scale.max_weight_g"); // 30000
    // More units than this on one line (not weighed goods) and the till asks before taking them:
    // 1000 typed for 10, or a "500*" multiplier, is a slip more often than a sale. 0: never asks.
    static inline const QString kConfirmQuantity = QStringLiteral("checkout.confirm_quantity"); // 100
    static constexpr qint64 kConfirmQuantityDefault = 100;
    static inline const QString kCurrentStore = QStringLiteral("store.current_code");
    // What a printed receipt adds: a QR code of this text (the membership sign-up link; none when
    // empty), and whether the printer wants FS & before Chinese (1, most do; 0 for GB18030 models).
    static inline const QString kReceiptQrCode = QStringLiteral("receipt.qr_code");
    // The shop's logo at the top of each receipt: "WIDTH:HEIGHT:" and the 1-bit raster in base64
    // (sales/printer.h); none when empty.
    static inline const QString kReceiptLogo = QStringLiteral("receipt.logo");
    static inline const QString kPrinterChineseMode = QStringLiteral("printer.chinese_mode"); // 1
    // The till's receipt printer (sales/printjobs.h): a device spec (drivers/transport/devicespec.h;
    // none when empty), its paper (32 columns for 58 mm, 48 for 80 mm), whether each document
    // prints as it is committed, and whether the drawer on its kick port opens on a cash sale.
    static inline const QString kPrinterSpec = QStringLiteral("printer.spec");
    static inline const QString kPrinterColumns = QStringLiteral("printer.columns");       // 32
    static inline const QString kPrinterAutoPrint = QStringLiteral("printer.auto_print"); // 1
    static inline const QString kDrawerOnCash = QStringLiteral("drawer.on_cash");         // 1
    // The devices that find a member at the counter (store/devicesettings.h): the card reader's spec, its
    // framing (auto, line, frame, track) and whether its stripes carry an LRC; the card-number
    // pattern that tells a keyboard-wedge swipe from a barcode; the caller-ID box's spec, its form
    // (auto, formatted, hex, bare) and the command a modem needs first (AT+VCID=1).
    static inline const QString kCardReaderSpec = QStringLiteral("cardreader.spec");
    static inline const QString kCardReaderFraming = QStringLiteral("cardreader.framing");
    static inline const QString kCardReaderTrackLrc = QStringLiteral("cardreader.track_lrc");
    static inline const QString kCardPattern = QStringLiteral("cardreader.wedge_pattern");
    static inline const QString kCallerIdSpec = QStringLiteral("callerid.spec");
    static inline const QString kCallerIdForm = QStringLiteral("callerid.form");
    static inline const QString kCallerIdSetup = QStringLiteral("callerid.setup");
    // The customer display (客显): its spec, its kind (led, vfd), the welcome it and the second
    // monitor show on an idle till, and whether a second monitor shows the cart.
    static inline const QString kDisplaySpec = QStringLiteral("display.spec");
    static inline const QString kDisplayKind = QStringLiteral("display.kind");
    static inline const QString kDisplayMessage = QStringLiteral("display.message");
    static inline const QString kDisplaySecondScreen = QStringLiteral("display.second_screen");

private:
    Database &m_db;
};

// The shop as its receipts show it.
struct StoreInfo {
    qint64 id = 0;
    QString code;
    QString name;
    QString address;
    QString phone;
    QString receiptFooter;
};
Result<StoreInfo> loadStore(Database &db, qint64 storeId);
// Updates name, address, phone and footer (the code is fixed: it is in every receipt number).
Status saveStore(Database &db, const StoreInfo &info, qint64 operatorId, qint64 atMs);

// One row in the audit log: who did what, who authorised it, why. Call inside the transaction
// of the change it records, so the two commit together.
Status writeAudit(Database &db, qint64 atMs, qint64 operatorId, qint64 authorizedBy, const QString &action,
                  const QString &target, const QString &reason = {}, const QString &details = {});

} // namespace huike
