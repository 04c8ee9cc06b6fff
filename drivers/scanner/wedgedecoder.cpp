#include "wedgedecoder.h"

namespace huike {

WedgeDecoder::Result WedgeDecoder::key(QChar c, qint64 ms)
{
    if (!m_buffer.isEmpty() &&
        (ms - m_lastMs > m_config.maxInterKeyMs || m_buffer.size() >= m_config.maxLength)) {
        // A pause: what was held is typing. Hand it back, and start over with this key.
        QString held = m_buffer;
        m_buffer = QString(c);
        m_lastMs = ms;
        m_tooSlow = false;
        return {Action::Replay, held};
    }
    m_buffer.append(c);
    m_lastMs = ms;
    return {Action::Buffered, {}};
}

WedgeDecoder::Result WedgeDecoder::enter(qint64 ms)
{
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
    QString held = m_buffer;
    m_buffer.clear();
    return held;
}

} // namespace huike
