#pragma once

// Where a device is, as a shop types it in Settings or on the command line:
//   serial:/dev/ttyUSB0[:9600[:8N1[:rtscts|xonxoff]]]   a serial port (or one end of a pty pair)
//   tcp:192.168.1.50[:9100]                             a network printer's raw port
//   usb:/dev/usb/lp0                                    a USB printer-class device file
//   file:/path/out.bin                                  a plain file, appended to (tests, a copy)
// Pure: no I/O.

#include <QString>
#include <optional>

namespace huike {

struct DeviceSpec {
    enum class Kind { Serial, Tcp, Usb, File };
    Kind kind = Kind::Serial;
    QString path; // serial, usb, file
    QString host; // tcp
    int port = 9100;
    int baud = 9600;
    int dataBits = 8;
    char parity = 'N'; // N, E, O
    int stopBits = 1;
    enum class Flow { None, RtsCts, XonXoff } flow = Flow::None;

    QString toString() const; // the spec in full, every default spelled out
    bool canRead() const { return kind == Kind::Serial || kind == Kind::Tcp; } // a device that answers
};

// The spec, or none with `why` (in the user's language) saying what is wrong with it.
std::optional<DeviceSpec> parseDeviceSpec(const QString &text, QString *why = nullptr);

} // namespace huike
