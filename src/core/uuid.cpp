#include "uuid.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>
#include <mutex>

namespace huike {

QString newUuid()
{
    static std::mutex lock;
    static qint64 lastMs = 0;
    static quint32 counter = 0; // 12 bits (rand_a), RFC 9562 section 6.2 method 1
    QRandomGenerator *random = QRandomGenerator::system();
    qint64 ms = QDateTime::currentMSecsSinceEpoch();
    {
        const std::lock_guard<std::mutex> guard(lock);
        if (ms > lastMs) {
            // A fresh millisecond starts the counter low, at random, so it seldom runs out.
            counter = random->bounded(1u << 11);
        } else {
            // The same millisecond, or the clock stepped back: stay after the last id.
            ms = lastMs;
            if (++counter >= (1u << 12)) {
                ++ms; // 4,096 ids in one millisecond: borrow the next one
                counter = random->bounded(1u << 11);
            }
        }
        lastMs = ms;
    }
    const quint64 randB = random->generate64();
    uchar b[16];
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<uchar>(static_cast<quint64>(ms) >> (40 - 8 * i));
    b[6] = static_cast<uchar>(0x70 | ((counter >> 8) & 0x0F)); // version 7
    b[7] = static_cast<uchar>(counter & 0xFF);
    b[8] = static_cast<uchar>(0x80 | ((randB >> 56) & 0x3F)); // variant 10
    for (int i = 9; i < 16; ++i)
        b[i] = static_cast<uchar>(randB >> (8 * (15 - i)));
    return QUuid::fromRfc4122(QByteArrayView(b, 16)).toString(QUuid::WithoutBraces);
}

} // namespace huike
