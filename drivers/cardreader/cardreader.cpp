#include "cardreader.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace huike {

namespace {

constexpr char kStx = 0x02;
constexpr char kEtx = 0x03;

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

bool isLineEnd(char c)
{
    return c == '\r' || c == '\n';
}

// A track's LRC over its characters, start and end sentinels included: the XOR of each
// character's data bits (track 1: six bits above 0x20; track 2: four bits above 0x30), sent as
// the character of that value.
char trackLrc(const QByteArray &track, bool track1)
{
    const int base = track1 ? 0x20 : 0x30;
    const int mask = track1 ? 0x3f : 0x0f;
    int lrc = 0;
    for (char c : track)
        lrc ^= (static_cast<unsigned char>(c) - base) & mask;
    return static_cast<char>(base + lrc);
}

} // namespace

void CardReaderDecoder::reject(const QString &why)
{
    ++m_rejected;
    m_problem = why;
    m_buf.clear();
}

QList<CardSwipe> CardReaderDecoder::feed(const QByteArray &bytes)
{
    QList<CardSwipe> out;
    for (char c : bytes)
        byte(c, out);
    return out;
}

QList<CardSwipe> CardReaderDecoder::flush()
{
    QList<CardSwipe> out;
    if (m_state == State::TrackLrc)
        reject(QCoreApplication::translate("CardReader", "a track ended without its LRC"));
    if (m_state == State::Line)
        endLine(out);
    else if (m_state != State::Idle && m_state != State::Skip)
        reject(QCoreApplication::translate("CardReader", "a message was cut off"));
    m_state = State::Idle;
    m_buf.clear();
    if (m_swipePending)
        emitSwipe(out);
    return out;
}

void CardReaderDecoder::byte(char c, QList<CardSwipe> &out)
{
    using F = CardReaderConfig::Framing;
    const bool anyFraming = m_config.framing == F::Auto;
    switch (m_state) {
    case State::Idle:
    case State::Skip:
        if (isLineEnd(c)) {
            m_state = State::Idle;
            if (m_swipePending)
                emitSwipe(out);
            return;
        }
        if (m_state == State::Skip)
            return;
        m_buf.clear();
        if (c == kStx && (anyFraming || m_config.framing == F::Frame)) {
            if (m_swipePending)
                emitSwipe(out);
            m_state = State::Frame;
        } else if ((c == '%' || c == ';') && (anyFraming || m_config.framing == F::Track)) {
            // Track 1 after track 1, or 2 after 2, is the next swipe.
            if (m_swipePending && ((c == '%' && !m_track1Card.isEmpty()) || (c == ';' && !m_track2Card.isEmpty())))
                emitSwipe(out);
            m_state = c == '%' ? State::Track1 : State::Track2;
            m_buf.append(c);
        } else if (isHex(c) && (anyFraming || m_config.framing == F::Line)) {
            if (m_swipePending)
                emitSwipe(out);
            m_state = State::Line;
            m_buf.append(c);
        }
        return; // anything else between messages is line noise
    case State::Line:
        if (isLineEnd(c)) {
            endLine(out);
            m_state = State::Idle;
        } else if (isHex(c) && m_buf.size() < kMaxMessage) {
            m_buf.append(c);
        } else {
            reject(QCoreApplication::translate("CardReader", "a line that is no card number"));
            m_state = State::Skip; // the rest of it too
        }
        return;
    case State::Frame:
        if (c == kEtx) {
            endFrame(out);
            m_state = State::Idle;
        } else if (c == kStx) {
            reject(QCoreApplication::translate("CardReader", "a frame cut off by the next one"));
        } else if (isLineEnd(c)) {
            // some readers put CR LF before ETX
        } else if (m_buf.size() < kMaxMessage) {
            m_buf.append(c);
        } else {
            reject(QCoreApplication::translate("CardReader", "a frame too long"));
            m_state = State::Idle;
        }
        return;
    case State::Track1:
    case State::Track2: {
        const bool one = m_state == State::Track1;
        const auto u = static_cast<unsigned char>(c);
        const bool valid = one ? (u >= 0x20 && u <= 0x5f) : (u >= 0x30 && u <= 0x3f);
        if (!valid || m_buf.size() >= kMaxMessage) {
            reject(QCoreApplication::translate("CardReader", "a stripe read badly"));
            m_state = isLineEnd(c) ? State::Idle : State::Skip;
            if (isLineEnd(c) && m_swipePending)
                emitSwipe(out);
            return;
        }
        m_buf.append(c);
        if (c != '?')
            return;
        if (m_config.trackLrc) {
            m_lrcFor = m_state;
            m_lrc = trackLrc(m_buf, one);
            m_state = State::TrackLrc;
            return;
        }
        m_lrcFor = m_state;
        endTrack(out);
        m_state = State::Idle;
        return;
    }
    case State::TrackLrc:
        if (c != m_lrc) {
            reject(QCoreApplication::translate("CardReader", "a stripe whose LRC is wrong (swipe again)"));
            m_state = isLineEnd(c) ? State::Idle : State::Skip;
            return;
        }
        endTrack(out);
        m_state = State::Idle;
        return;
    }
}

void CardReaderDecoder::endLine(QList<CardSwipe> &out)
{
    const QByteArray line = m_buf;
    m_buf.clear();
    if (line.size() < 4 || line.size() > 32) {
        reject(QCoreApplication::translate("CardReader", "a number too short or too long for a card"));
        return;
    }
    out.append(CardSwipe{CardSwipe::Framing::Line, QString::fromLatin1(line).toUpper(), {}});
}

void CardReaderDecoder::endFrame(QList<CardSwipe> &out)
{
    const QByteArray frame = m_buf;
    m_buf.clear();
    bool hex = frame.size() == 12;
    for (char c : frame)
        hex = hex && isHex(c);
    if (!hex) {
        reject(QCoreApplication::translate("CardReader", "a frame that is not ten digits and a checksum"));
        return;
    }
    const QByteArray bytes = QByteArray::fromHex(frame);
    char sum = 0;
    for (int i = 0; i < 5; ++i)
        sum = static_cast<char>(sum ^ bytes.at(i));
    if (sum != bytes.at(5)) {
        reject(QCoreApplication::translate("CardReader", "a frame whose checksum is wrong"));
        return;
    }
    const quint32 tag = (static_cast<quint32>(static_cast<unsigned char>(bytes.at(1))) << 24) |
                        (static_cast<quint32>(static_cast<unsigned char>(bytes.at(2))) << 16) |
                        (static_cast<quint32>(static_cast<unsigned char>(bytes.at(3))) << 8) |
                        static_cast<quint32>(static_cast<unsigned char>(bytes.at(4)));
    out.append(CardSwipe{CardSwipe::Framing::Frame, QStringLiteral("%1").arg(tag, 10, 10, QLatin1Char('0')), {}});
}

void CardReaderDecoder::endTrack(QList<CardSwipe> &out)
{
    const bool one = m_lrcFor == State::Track1;
    // Between the sentinels; the number runs to the first field separator.
    QByteArray body = m_buf.mid(1, m_buf.size() - 2);
    m_buf.clear();
    if (one) {
        if (!body.isEmpty() && body.at(0) >= 'A' && body.at(0) <= 'Z')
            body.remove(0, 1); // the format code (B for bank-style cards)
        const QList<QByteArray> fields = body.split('^');
        if (!m_track1Card.isEmpty() && m_swipePending)
            emitSwipe(out);
        m_track1Card = QString::fromLatin1(fields.value(0)).trimmed();
        m_track1Name = QString::fromLatin1(fields.value(1)).trimmed();
    } else {
        m_track2Card = QString::fromLatin1(body.left(body.indexOf('=') < 0 ? body.size() : body.indexOf('=')));
    }
    m_swipePending = true;
}

void CardReaderDecoder::emitSwipe(QList<CardSwipe> &out)
{
    const QString card = !m_track2Card.isEmpty() ? m_track2Card : m_track1Card;
    const QString name = m_track1Name;
    m_track1Card.clear();
    m_track1Name.clear();
    m_track2Card.clear();
    m_swipePending = false;
    if (card.isEmpty()) {
        ++m_rejected;
        m_problem = QCoreApplication::translate("CardReader", "a stripe with no card number");
        return;
    }
    out.append(CardSwipe{CardSwipe::Framing::Track, card, name});
}

QByteArray encodeCardSwipe(CardSwipe::Framing framing, const QString &card, const QString &holderName, bool withLrc)
{
    switch (framing) {
    case CardSwipe::Framing::Line:
        return card.toLatin1() + "\r\n";
    case CardSwipe::Framing::Frame: {
        bool ok = false;
        const qulonglong tag = card.toULongLong(&ok);
        if (!ok || tag > 0xffffffffULL)
            return {};
        QByteArray bytes(5, '\0');
        for (int i = 0; i < 4; ++i)
            bytes[4 - i] = static_cast<char>((tag >> (8 * i)) & 0xff);
        char sum = 0;
        for (char b : bytes)
            sum = static_cast<char>(sum ^ b);
        return kStx + (bytes + QByteArray(1, sum)).toHex().toUpper() + "\r\n" + kEtx;
    }
    case CardSwipe::Framing::Track: {
        QByteArray out;
        auto track = [&](const QByteArray &t, bool one) {
            out += t;
            if (withLrc)
                out += trackLrc(t, one);
        };
        if (!holderName.isEmpty())
            track("%B" + card.toLatin1() + '^' + holderName.toUpper().toLatin1() + "^2612?", true);
        track(';' + card.toLatin1() + "=2612?", false);
        return out + '\r';
    }
    }
    return {};
}

bool looksLikeCard(const QString &code, const QString &pattern)
{
    if (pattern.trimmed().isEmpty())
        return false;
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    return re.isValid() && re.match(code).hasMatch();
}

} // namespace huike
