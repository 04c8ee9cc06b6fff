#pragma once

// The till's devices that speak on their own or show the customer, as the shop set them up in
// Settings → 设备: the member-card reader, the caller-ID box and the customer display (客显). The
// receipt printer's are in sales/printer.h, beside the receipts it prints. The devices themselves
// are in drivers/; this holds no I/O.

#include "core/result.h"

#include <QString>

namespace huike {

class Settings;

struct CounterDeviceSettings {
    QString cardReaderSpec;                  // none when empty
    QString cardFraming = QStringLiteral("auto"); // auto, line, frame, track
    bool trackLrc = false;
    // A keyboard-wedge reader's swipe, told from the barcode scanner: a regular expression over
    // the whole code ("\\d{10}"); none: every fast code is a barcode (or a card that finds a member).
    QString cardPattern;
    QString callerIdSpec;                     // none when empty
    QString callerIdForm = QStringLiteral("auto"); // auto, formatted, hex, bare
    QString callerIdSetup;                    // sent when the port opens, e.g. AT+VCID=1
    QString displaySpec;                      // the customer display; none when empty
    QString displayKind = QStringLiteral("led"); // led (8 digits) or vfd (2 x 20)
    QString displayMessage;                   // the welcome on the display and the second monitor
    bool secondScreen = true;                 // the cart on a second monitor, where one is attached
};
CounterDeviceSettings loadCounterDevices(const Settings &settings);
// The framing and the form are ones the drivers know, the pattern a regular expression.
Status checkCounterDevices(const CounterDeviceSettings &devices);
// A manager's change, checked, each change audited.
Status saveCounterDevices(Settings &settings, const CounterDeviceSettings &devices, qint64 operatorId, qint64 atMs);

} // namespace huike
