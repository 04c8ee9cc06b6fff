#include "clock.h"

#include <QDateTime>

namespace huike {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

ShopTime::ShopTime(const QByteArray &ianaId) : m_zone(ianaId)
{
    // Without tz data the zone is invalid; China has had no DST since 1991, so a fixed +8 is right.
    if (!m_zone.isValid())
        m_zone = QTimeZone(8 * 3600);
}

QDateTime ShopTime::local(qint64 utcMs) const
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, m_zone);
}

QDate ShopTime::localDate(qint64 utcMs) const
{
    return local(utcMs).date();
}

QString ShopTime::businessDay(qint64 utcMs) const
{
    return localDate(utcMs).toString(QStringLiteral("yyyyMMdd"));
}

int ShopTime::weekday(qint64 utcMs) const
{
    return localDate(utcMs).dayOfWeek();
}

int ShopTime::hour(qint64 utcMs) const
{
    return local(utcMs).time().hour();
}

QString ShopTime::format(qint64 utcMs) const
{
    return local(utcMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

qint64 ShopTime::toUtcMs(const QDateTime &localDateTime) const
{
    QDateTime dt(localDateTime.date(), localDateTime.time(), m_zone);
    return dt.toMSecsSinceEpoch();
}

} // namespace huike
