#pragma once

// A receipt printer at a device spec: asked how it is first where it can answer (serial and TCP,
// by DLE EOT; a USB device file or a plain file cannot), then sent the job whole. A printer that
// says it has no paper, its cover open or is offline gets no job: the bytes would be lost.

#include "core/result.h"
#include "printer/escpos.h"
#include "transport/devicespec.h"

#include <QByteArray>
#include <optional>

namespace huike {

class DeviceConnection;

// Its state, or none when it does not answer (many printers never do, over a one-way cable).
std::optional<PrinterStatus> queryPrinterStatus(DeviceConnection &printer, int timeoutMs = 600);
// What is wrong, in the cashier's words: 缺纸, 纸盒盖打开, 脱机… ("" when nothing is).
QString printerTrouble(const PrinterStatus &status);

Status printOn(const DeviceSpec &spec, const QByteArray &job);

} // namespace huike
