#include "phone.h"

#include <QRegularExpression>

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

std::optional<QString> normalizedMobile(const QString &phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits += QChar(QLatin1Char(static_cast<char>('0' + c.digitValue()))); // fullwidth too
        else if (c != QLatin1Char(' ') && c != QLatin1Char('-') && c != QLatin1Char('+') &&
                 c != QChar(0x3000))
            return std::nullopt;
    }
    if (digits.size() == 13 && digits.startsWith(QLatin1String("86")))
        digits = digits.mid(2);
    static const QRegularExpression mobile(QStringLiteral("^1[3-9]\\d{9}$"));
    if (!mobile.match(digits).hasMatch())
        return std::nullopt;
    return digits;
}

} // namespace huike
