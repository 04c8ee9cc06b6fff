#include "wedgedecoder.h"

namespace huike {

WedgeDecoder::Result WedgeDecoder::key(QChar c, qint64 ms)
{
    const bool pause = ms - m_lastMs > m_config.maxInterKeyMs;
    m_lastMs = ms;
    if (m_overflow) {
        // Too long to be a code: every key is typing until Enter or a pause ends the burst.
        if (!pause)
            return {Action::Replay, QString(c)};
        m_overflow = false;
    }
    if (!m_buffer.isEmpty() && pause) {
        // A pause: what was held is typing. Hand it back, and start over with this key.
        QString held = m_buffer;
        m_buffer = QString(c);
        return {Action::Replay, held};
    }
    if (m_buffer.size() >= m_config.maxLength) {
        // Longer than any code: hand it all back, and this key, and the rest of the burst.
        QString held = m_buffer + c;
        m_buffer.clear();
        m_overflow = true;
        return {Action::Replay, held};
    }
    m_buffer.append(c);
    return {Action::Buffered, {}};
}

WedgeDecoder::Result WedgeDecoder::enter(qint64 ms)
{
    m_overflow = false;
    if (m_buffer.isEmpty())
        return {Action::PassEnter, {}};
    const bool fast = ms - m_lastMs <= m_config.maxInterKeyMs;
    QString held = m_buffer;
    m_buffer.clear();
    if (fast && held.size() >= m_config.minLength && held.size() <= m_config.maxLength)
        return {Action::Scanned, held};
    return {Action::Replay, held};
}

QString WedgeDecoder::flush()
{
    m_overflow = false;
    QString held = m_buffer;
    m_buffer.clear();
    return held;
}

} // namespace huike
