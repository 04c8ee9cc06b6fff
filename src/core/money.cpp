#include "money.h"

#include <QStringList>
#include <cstdlib>

namespace huike {

qint64 divRoundHalfUp(Int128 numerator, qint64 denominator)
{
    Q_ASSERT(denominator != 0);
    // 128-bit so that price x quantity never overflows before the division.
    Int128 n = numerator;
    Int128 d = denominator;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    const bool negative = n < 0;
    if (negative)
        n = -n;
    Int128 q = n / d;
    if ((n % d) * 2 >= d)
        ++q;
    return static_cast<qint64>(negative ? -q : q);
}

std::optional<Money> Money::parse(QStringView text)
{
    QString s = text.trimmed().toString();
    s.replace(QChar(0xFF0C), QLatin1Char(',')); // full-width comma
    if (s.startsWith(QChar(0xA5)) || s.startsWith(QChar(0xFFE5)))
        s = s.mid(1).trimmed();
    bool negative = false;
    if (s.startsWith(QLatin1Char('-'))) {
        negative = true;
        s = s.mid(1);
    } else if (s.startsWith(QLatin1Char('+'))) {
        s = s.mid(1);
    }
    if (s.isEmpty() || s.size() > 24)
        return std::nullopt;
    const qsizetype dot = s.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? s : s.left(dot);
    const QString frac = dot < 0 ? QString() : s.mid(dot + 1);
    if (frac.size() > 2 || (whole.isEmpty() && frac.isEmpty()))
        return std::nullopt;
    // A comma is a thousands separator only in groups of three ("1,234.50"); "1,23" is a decimal
    // comma from another locale and is refused rather than read as 123.
    if (whole.contains(QLatin1Char(','))) {
        const QStringList groups = whole.split(QLatin1Char(','));
        if (groups.first().isEmpty() || groups.first().size() > 3)
            return std::nullopt;
        for (qsizetype i = 1; i < groups.size(); ++i)
            if (groups.at(i).size() != 3)
                return std::nullopt;
    }
    if (frac.contains(QLatin1Char(',')) || whole.size() - whole.count(QLatin1Char(',')) > 15)
        return std::nullopt; // beyond 15 digits of yuan is a typo, and would overflow

    qint64 fen = 0;
    for (QChar c : whole) {
        if (c == QLatin1Char(','))
            continue;
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
        fen = fen * 10 + (c.unicode() - '0');
    }
    qint64 fracFen = 0;
    for (qsizetype i = 0; i < 2; ++i) {
        fracFen *= 10;
        if (i < frac.size()) {
            const QChar c = frac.at(i);
            if (!c.isDigit() || c.unicode() > 127)
                return std::nullopt;
            fracFen += c.unicode() - '0';
        }
    }
    fen = fen * 100 + fracFen;
    return Money(negative ? -fen : fen);
}

QString Money::toString() const
{
    const qint64 a = m_fen < 0 ? -m_fen : m_fen;
    return QStringLiteral("%1%2.%3")
        .arg(m_fen < 0 ? QStringLiteral("-") : QString())
        .arg(a / 100)
        .arg(a % 100, 2, 10, QLatin1Char('0'));
}

QString Money::display() const
{
    return QChar(0xA5) + toString();
}

Money Money::timesMilli(qint64 quantityMilli) const
{
    return Money(divRoundHalfUp(Int128(m_fen) * quantityMilli, 1000));
}

Money Money::timesPermille(qint64 permille) const
{
    return Money(divRoundHalfUp(Int128(m_fen) * permille, 1000));
}

Money Money::share(qint64 part, qint64 whole) const
{
    return Money(divRoundHalfUp(Int128(m_fen) * part, whole));
}

QString formatQuantity(qint64 quantityMilli)
{
    const qint64 a = std::llabs(quantityMilli);
    QString s = QString::number(a / 1000);
    if (a % 1000 != 0) {
        QString frac = QStringLiteral("%1").arg(a % 1000, 3, 10, QLatin1Char('0'));
        while (frac.endsWith(QLatin1Char('0')))
            frac.chop(1);
        s += QLatin1Char('.') + frac;
    }
    return quantityMilli < 0 ? QLatin1Char('-') + s : s;
}

std::optional<qint64> parseQuantity(QStringView text)
{
    const QString s = text.trimmed().toString();
    if (s.isEmpty() || s.size() > 12)
        return std::nullopt;
    bool negative = s.startsWith(QLatin1Char('-'));
    const QString body = negative ? s.mid(1) : s;
    const qsizetype dot = body.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? body : body.left(dot);
    const QString frac = dot < 0 ? QString() : body.mid(dot + 1);
    if (frac.size() > 3 || (whole.isEmpty() && frac.isEmpty()))
        return std::nullopt;
    qint64 v = 0;
    for (QChar c : whole) {
        if (c.unicode() < '0' || c.unicode() > '9')
            return std::nullopt;
        v = v * 10 + (c.unicode() - '0');
    }
    qint64 f = 0;
    for (qsizetype i = 0; i < 3; ++i) {
        f *= 10;
        if (i < frac.size()) {
            const QChar c = frac.at(i);
            if (c.unicode() < '0' || c.unicode() > '9')
                return std::nullopt;
            f += c.unicode() - '0';
        }
    }
    v = v * 1000 + f;
    return negative ? -v : v;
}

} // namespace huike
