#pragma once

// ESC/POS, the command language of the thermal receipt printers Chinese counters use (Epson's,
// and the 佳博, 芯烨, 爱普生-compatible 58 and 80 mm printers): a pure codec, no I/O.
//
// encodeEscPos() prints a PrintLayout: text in GB18030 (the printer's Chinese mode entered with
// FS & where the model needs it), the total in double size, CODE128 barcodes (GS k), QR codes
// (GS ( k), raster logos (GS v 0), feed and cut (GS V). escPosDrawerKick() opens the cash drawer
// on the printer's kick port (ESC p). DLE EOT asks a printer for its state; decodeEscPosStatus()
// reads the answer. EscPosDecoder is the other side, for the printer simulator and the tests:
// bytes in, what a printer would do out.

#include "core/printlayout.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <cstdint>
#include <optional>

namespace huike {

struct EscPosProfile {
    int columns = 32;         // 58 mm paper: 32; 80 mm: 48
    bool chineseMode = true;  // send FS & first (most Chinese printers need it; some GB18030 ones do not)
    int qrModuleDots = 6;     // a QR module's size, 1-16 dots
    int barcodeHeightDots = 64;
};

// A profile for this paper and Chinese mode, the rest as most printers want it.
EscPosProfile escPosProfile(int columns, bool chineseMode);
QByteArray encodeEscPos(const PrintLayout &layout, const EscPosProfile &profile);
// ESC p: a pulse on the kick port's pin 2 (the drawer), 50 ms on and 500 ms off.
QByteArray escPosDrawerKick();

// DLE EOT n: n = 1 the printer, 2 why it is offline, 4 the paper roll. Each answer is one byte.
QByteArray escPosStatusQuery(int n);
struct PrinterStatus {
    bool online = true;
    bool coverOpen = false;
    bool paperOut = false;
    bool paperLow = false;
    bool error = false; // a cutter or other error the printer cannot print through
    bool ok() const { return online && !coverOpen && !paperOut && !error; }
    bool operator==(const PrinterStatus &) const = default;
};
// The answers to DLE EOT 1, 2 and 4. A byte that is no status answer (its fixed bits wrong): none.
std::optional<PrinterStatus> decodeEscPosStatus(std::uint8_t printer, std::uint8_t offline, std::uint8_t paper);
// The byte a printer in `status` answers DLE EOT n with (the simulator's side).
std::uint8_t escPosStatusByte(int n, const PrinterStatus &status);

// What a printer does with the bytes it is sent, one event at a time.
struct EscPosEvent {
    enum class Kind : std::uint8_t { Text, Barcode, QrCode, Image, Cut, Kick, StatusQuery };
    Kind kind = Kind::Text;
    QString text;      // Text: the line (GB18030 decoded); Barcode, QrCode: the data
    bool large = false; // Text: printed double size
    bool bold = false;
    bool centered = false;
    int n = 0;          // StatusQuery: which; Image: the width in dots
    int height = 0;     // Image: dots
    bool operator==(const EscPosEvent &) const = default;
};

// Bytes in as they arrive (any piece at a time), events out. Garbage is skipped, never a hang or a
// huge allocation: a line longer than 4 KB is cut, an image larger than 1 MB dropped.
class EscPosDecoder {
public:
    QList<EscPosEvent> feed(const QByteArray &bytes);

private:
    // Length of the command at the start of `b`, or 0 when more bytes are needed; fills `out`.
    qsizetype command(QByteArrayView b, QList<EscPosEvent> &out);
    void endLine(QList<EscPosEvent> &out);

    QByteArray m_buf;
    QByteArray m_line;
    bool m_large = false, m_bold = false, m_center = false;
    QByteArray m_qr;
};

} // namespace huike
