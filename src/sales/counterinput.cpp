#include "counterinput.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace huike {

Result<qint64> parseZhe(const QString &text)
{
    QString t = text.trimmed();
    if (t.endsWith(QStringLiteral("折")))
        t.chop(1);
    t = t.trimmed();
    if (t.isEmpty() || t == QLatin1String("10") || t == QLatin1String("100"))
        return qint64(1000);
    // 1 to 9.99 is 折 with up to two decimals (8.55折 = 855‰); 10 to 99 a whole percentage.
    static const QRegularExpression zhe(QStringLiteral("^([1-9])(?:\\.(\\d{1,2}))?$"));
    static const QRegularExpression percent(QStringLiteral("^([1-9]\\d)$"));
    if (const auto m = zhe.match(t); m.hasMatch()) {
        const QString decimals = m.captured(2).leftJustified(2, QLatin1Char('0'));
        return qint64(m.captured(1).toInt() * 100 + decimals.toInt());
    }
    if (const auto m = percent.match(t); m.hasMatch())
        return qint64(m.captured(1).toInt() * 10);
    return makeError(ErrorCode::Invalid,
                     QCoreApplication::translate("CounterInput", "\"%1\" is not a discount: type 9 or 8.5 for 9折 / 8.5折 (at most two decimals), "
                        "85 for 85%, or leave it empty for none.")
                         .arg(text.trimmed()));
}

QString formatZhe(qint64 permille)
{
    if (permille >= 1000 || permille <= 0)
        return {};
    QString s = QStringLiteral("%1.%2").arg(permille / 100).arg(permille % 100, 2, 10, QLatin1Char('0'));
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s;
}

Result<OrderDiscount> parseOrderDiscount(const QString &text)
{
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('-'))) {
        const auto m = Money::parse(QStringView(t).mid(1));
        if (!m || m->fen() <= 0)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate("CounterInput", "\"%1\" is not an amount off: type -20 or -20.5 for that many yuan off.")
                                 .arg(t));
        return OrderDiscount{1000, *m};
    }
    auto z = parseZhe(t);
    if (!z)
        return z.error();
    return OrderDiscount{*z, Money()};
}

Result<Multiplied> splitMultiplier(const QString &text)
{
    const QString t = text.trimmed();
    const qsizetype star = t.indexOf(QLatin1Char('*'));
    if (star < 0)
        return Multiplied{std::nullopt, t};
    const QString count = t.left(star).trimmed();
    const QString code = t.mid(star + 1).trimmed();
    static const QRegularExpression number(QStringLiteral("^\\d{1,5}(?:\\.\\d{1,3})?$"));
    const auto q = number.match(count).hasMatch() ? parseQuantity(count) : std::nullopt;
    if (!q || *q <= 0)
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate("CounterInput", "\"%1\" before * is not a quantity: type a number above zero with at most "
                            "three decimals, such as 3*code or 0.5*code.")
                             .arg(count));
    if (code.contains(QLatin1Char('*')))
        return makeError(ErrorCode::Invalid, QCoreApplication::translate("CounterInput", "Only one * may come before the code."));
    return Multiplied{*q, code};
}

} // namespace huike
