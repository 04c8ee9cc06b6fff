#include "phone.h"

namespace huike {

QString maskPhone(const QString &phone)
{
    const QString p = phone.trimmed();
    if (p.size() >= 11)
        return p.left(3) + QStringLiteral("****") + p.right(4);
    if (p.size() > 4)
        return QString(p.size() - 4, QLatin1Char('*')) + p.right(4);
    return p;
}

} // namespace huike
