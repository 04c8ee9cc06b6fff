#include "callerid.h"

#include <QCoreApplication>

namespace huike {

namespace {

bool isNumber(const QByteArray &s)
{
    if (s.size() < 3 || s.size() > 24)
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s.at(i);
        if (!((c >= '0' && c <= '9') || (i == 0 && c == '+')))
            return false;
    }
    return true;
}

// P and O stand for a number that is withheld or not available; some boxes spell them out.
IncomingCall::Withheld withheldBy(const QByteArray &s)
{
    const QByteArray u = s.trimmed().toUpper();
    if (u == "P" || u == "PRIVATE" || u == "ANONYMOUS")
        return IncomingCall::Withheld::Private;
    if (u == "O" || u == "OUT OF AREA" || u == "UNAVAILABLE")
        return IncomingCall::Withheld::Unavailable;
    return IncomingCall::Withheld::No;
}

} // namespace

void CallerIdDecoder::reject(const QString &why)
{
    ++m_rejected;
    m_problem = why;
}

QList<IncomingCall> CallerIdDecoder::feed(const QByteArray &bytes)
{
    QList<IncomingCall> out;
    for (char c : bytes) {
        const bool lfAfterCr = c == '\n' && m_afterCr;
        m_afterCr = c == '\r';
        if (lfAfterCr)
            continue; // CR LF ends one line, not two (a blank line ends a report)
        if (c == '\r' || c == '\n') {
            if (m_overlong)
                reject(QCoreApplication::translate("CallerId", "a line too long to be a call"));
            else if (!m_line.trimmed().isEmpty())
                line(m_line.trimmed(), out);
            else
                emitPending(out); // a blank line ends a formatted report
            m_line.clear();
            m_overlong = false;
        } else if (m_line.size() < kMaxLine) {
            m_line.append(c);
        } else {
            m_overlong = true;
        }
    }
    return out;
}

QList<IncomingCall> CallerIdDecoder::flush()
{
    QList<IncomingCall> out;
    if (!m_overlong && !m_line.trimmed().isEmpty())
        line(m_line.trimmed(), out);
    m_line.clear();
    m_overlong = false;
    m_afterCr = false;
    emitPending(out);
    return out;
}

void CallerIdDecoder::line(const QByteArray &text, QList<IncomingCall> &out)
{
    using F = CallerIdConfig::Form;
    const F form = m_config.form;
    if ((form == F::Auto || form == F::Formatted) && formattedField(text, out))
        return;
    // Any other line ends a formatted report (RING, OK, the next call).
    emitPending(out);
    const QByteArray upper = text.toUpper();
    if (upper == "RING" || upper == "OK" || upper.startsWith("AT") || upper == "ERROR")
        return;
    if ((form == F::Auto || form == F::Hex) && hexMessage(text, out))
        return;
    if ((form == F::Auto || form == F::Bare) && bareNumber(text, out))
        return;
    reject(QCoreApplication::translate("CallerId", "a line that is no call"));
}

bool CallerIdDecoder::formattedField(const QByteArray &text, QList<IncomingCall> &out)
{
    const qsizetype eq = text.indexOf('=');
    if (eq <= 0)
        return false;
    const QByteArray key = text.left(eq).trimmed().toUpper();
    const QByteArray value = text.mid(eq + 1).trimmed();
    if (key == "DATE") {
        if (m_hasNumber)
            emitPending(out); // the next call's report
        m_date = QString::fromLatin1(value);
    } else if (key == "TIME") {
        if (m_hasNumber && !m_time.isEmpty())
            emitPending(out);
        m_time = QString::fromLatin1(value);
    } else if (key == "NMBR" || key == "DDN_NMBR") {
        if (m_hasNumber)
            emitPending(out);
        m_pending.withheld = withheldBy(value);
        if (m_pending.withheld == IncomingCall::Withheld::No) {
            if (!isNumber(value)) {
                reject(QCoreApplication::translate("CallerId", "a number that is no phone number"));
                m_pending = {};
                return true;
            }
            m_pending.number = QString::fromLatin1(value);
        }
        m_hasNumber = true;
    } else if (key == "NAME") {
        // The name is sent with the number, before or after it; as GB18030 by Chinese exchanges.
        if (withheldBy(value) == IncomingCall::Withheld::No)
            m_pending.name = QString::fromUtf8(value);
        if (m_hasNumber)
            emitPending(out);
    } else if (key == "MESG") {
        // a parameter the modem could not format: nothing for the counter
    } else {
        return false;
    }
    return true;
}

void CallerIdDecoder::emitPending(QList<IncomingCall> &out)
{
    if (m_hasNumber) {
        IncomingCall call = m_pending;
        if (m_date.size() == 4 && m_time.size() == 4)
            call.reportedAt = m_date + m_time;
        out.append(call);
    }
    m_pending = {};
    m_hasNumber = false;
    m_date.clear();
    m_time.clear();
}

bool CallerIdDecoder::hexMessage(const QByteArray &text, QList<IncomingCall> &out)
{
    QByteArray digits;
    for (char c : text) {
        if (c == ' ')
            continue;
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f')))
            return false;
        digits.append(c);
    }
    if (digits.size() < 6 || digits.size() % 2 != 0)
        return false;
    const QByteArray m = QByteArray::fromHex(digits);
    const auto type = static_cast<unsigned char>(m.at(0));
    const int length = static_cast<unsigned char>(m.at(1));
    if ((type != 0x80 && type != 0x04) || m.size() != length + 3)
        return false; // a bare number of an even length is not a message
    unsigned sum = 0;
    for (char b : m)
        sum += static_cast<unsigned char>(b);
    if ((sum & 0xff) != 0) {
        reject(QCoreApplication::translate("CallerId", "a caller-ID message whose checksum is wrong"));
        return true;
    }
    const QByteArray body = m.mid(2, length);
    IncomingCall call;
    bool number = false;
    if (type == 0x04) { // SDMF: MMDDHHMM, then the number or P / O
        if (body.size() < 9) {
            reject(QCoreApplication::translate("CallerId", "a caller-ID message too short"));
            return true;
        }
        call.reportedAt = QString::fromLatin1(body.left(8));
        const QByteArray n = body.mid(8);
        call.withheld = withheldBy(n);
        if (call.withheld == IncomingCall::Withheld::No && isNumber(n))
            call.number = QString::fromLatin1(n);
        number = call.withheld != IncomingCall::Withheld::No || !call.number.isEmpty();
    } else { // MDMF: parameters of type, length, value
        for (qsizetype at = 0; at + 2 <= body.size();) {
            const int p = static_cast<unsigned char>(body.at(at));
            const int n = static_cast<unsigned char>(body.at(at + 1));
            if (at + 2 + n > body.size())
                break;
            const QByteArray v = body.mid(at + 2, n);
            if (p == 0x01 && v.size() == 8)
                call.reportedAt = QString::fromLatin1(v);
            else if (p == 0x02 && isNumber(v)) {
                call.number = QString::fromLatin1(v);
                number = true;
            } else if (p == 0x04) {
                call.withheld = withheldBy(v) == IncomingCall::Withheld::Unavailable ? IncomingCall::Withheld::Unavailable
                                                                                     : IncomingCall::Withheld::Private;
                number = true;
            } else if (p == 0x07)
                call.name = QString::fromUtf8(v);
            at += 2 + n;
        }
    }
    if (!call.number.isEmpty())
        call.withheld = IncomingCall::Withheld::No; // a number and a reason for none: the number
    if (!number) {
        reject(QCoreApplication::translate("CallerId", "a caller-ID message with no number"));
        return true;
    }
    out.append(call);
    return true;
}

bool CallerIdDecoder::bareNumber(const QByteArray &text, QList<IncomingCall> &out)
{
    IncomingCall call;
    call.withheld = withheldBy(text);
    if (call.withheld == IncomingCall::Withheld::No) {
        if (!isNumber(text))
            return false;
        call.number = QString::fromLatin1(text);
    }
    out.append(call);
    return true;
}

QByteArray encodeCall(CallerIdConfig::Form form, const IncomingCall &call, bool sdmf)
{
    const QByteArray number = call.withheld == IncomingCall::Withheld::Private       ? QByteArray("P")
                              : call.withheld == IncomingCall::Withheld::Unavailable ? QByteArray("O")
                                                                                     : call.number.toLatin1();
    const QByteArray at = call.reportedAt.toLatin1();
    switch (form) {
    case CallerIdConfig::Form::Auto:
    case CallerIdConfig::Form::Formatted: {
        QByteArray out = "RING\r\n\r\n";
        if (at.size() == 8)
            out += "DATE = " + at.left(4) + "\r\nTIME = " + at.mid(4) + "\r\n";
        out += "NMBR = " + number + "\r\n";
        if (!call.name.isEmpty())
            out += "NAME = " + call.name.toUtf8() + "\r\n";
        return out + "\r\nRING\r\n";
    }
    case CallerIdConfig::Form::Hex: {
        QByteArray body;
        unsigned char type = 0x80;
        if (sdmf) {
            type = 0x04;
            body = (at.size() == 8 ? at : QByteArray("01010000")) + number;
        } else {
            auto param = [&body](int p, const QByteArray &v) {
                body += static_cast<char>(p);
                body += static_cast<char>(v.size());
                body += v;
            };
            if (at.size() == 8)
                param(0x01, at);
            if (call.withheld == IncomingCall::Withheld::No)
                param(0x02, number);
            else
                param(0x04, number);
            if (!call.name.isEmpty())
                param(0x07, call.name.toUtf8().left(60));
        }
        QByteArray m;
        m += static_cast<char>(type);
        m += static_cast<char>(body.size());
        m += body;
        unsigned sum = 0;
        for (char b : m)
            sum += static_cast<unsigned char>(b);
        m += static_cast<char>((0x100 - (sum & 0xff)) & 0xff);
        return "RING\r\n" + m.toHex(' ').toUpper() + "\r\nRING\r\n";
    }
    case CallerIdConfig::Form::Bare:
        return number + "\r\n";
    }
    return {};
}

} // namespace huike
