#pragma once

#include <QDate>
#include <QString>
#include <QTimeZone>
#include <QtGlobal>
#include <atomic>

namespace huike {

// "Now", injected wherever it matters so that tests and the demo generator control it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0; // UTC milliseconds since the epoch
};

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override;
};

// A clock that only moves when told to.
class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 ms = 0) : m_ms(ms) {}
    qint64 nowMs() const override { return m_ms.load(); }
    void set(qint64 ms) { m_ms.store(ms); }
    void advance(qint64 ms) { m_ms.fetch_add(ms); }

private:
    std::atomic<qint64> m_ms;
};

// Turns stored UTC instants into the shop's local day, weekday and hour.
class ShopTime {
public:
    explicit ShopTime(const QByteArray &ianaId = QByteArrayLiteral("Asia/Shanghai"));
    QDateTime local(qint64 utcMs) const;
    QDate localDate(qint64 utcMs) const;
    // The business day as "YYYYMMDD": receipt numbers restart each day.
    QString businessDay(qint64 utcMs) const;
    int weekday(qint64 utcMs) const; // 1 = Monday .. 7 = Sunday
    int hour(qint64 utcMs) const;
    QString format(qint64 utcMs) const; // "2026-11-25 14:03:07"
    qint64 toUtcMs(const QDateTime &localDateTime) const;
    const QTimeZone &zone() const { return m_zone; }

private:
    QTimeZone m_zone;
};

} // namespace huike
