#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <compare>
#include <optional>

namespace huike {

// 128-bit intermediates so that price x quantity never overflows before a division.
__extension__ using Int128 = __int128;

// The one place where money is rounded. Half away from zero, so that a refund (negative amounts)
// rounds exactly as the sale it reverses did.
qint64 divRoundHalfUp(Int128 numerator, qint64 denominator);

// An exact amount of Chinese currency, counted in fen (1 yuan = 100 fen). Never a double.
class Money {
public:
    constexpr Money() = default;
    static constexpr Money fromFen(qint64 fen) { return Money(fen); }
    static constexpr Money fromYuan(qint64 yuan) { return Money(yuan * 100); }
    // Parses "12", "12.3", "12.30", "-0.05", "¥12.00", "1,234.50". Rejects a third decimal.
    static std::optional<Money> parse(QStringView text);

    constexpr qint64 fen() const { return m_fen; }
    constexpr bool isZero() const { return m_fen == 0; }
    constexpr bool isNegative() const { return m_fen < 0; }

    // "12.30", "-0.05": for CSV, SQL-free exchange and edits.
    QString toString() const;
    // "¥12.30": for the screen and the receipt.
    QString display() const;

    // price x quantity in thousandths (a weighed 1.235 kg is 1235), rounded half-up to the fen.
    Money timesMilli(qint64 quantityMilli) const;
    // this x rate, with the rate in per-mille (850 = 85%, i.e. 8.5折), rounded half-up.
    Money timesPermille(qint64 permille) const;
    // this x part / whole, rounded half-up: the share of an amount that `part` of `whole` units carry.
    Money share(qint64 part, qint64 whole) const;

    constexpr Money operator-() const { return Money(-m_fen); }
    constexpr Money operator+(Money o) const { return Money(m_fen + o.m_fen); }
    constexpr Money operator-(Money o) const { return Money(m_fen - o.m_fen); }
    constexpr Money &operator+=(Money o)
    {
        m_fen += o.m_fen;
        return *this;
    }
    constexpr Money &operator-=(Money o)
    {
        m_fen -= o.m_fen;
        return *this;
    }
    constexpr auto operator<=>(const Money &) const = default;

private:
    constexpr explicit Money(qint64 fen) : m_fen(fen) {}
    qint64 m_fen = 0;
};

// Ceilings on one item and one line. Above them a slip (a barcode scanned into the price field,
// a row of extra zeros) is far likelier than a real sale: the engine refuses such values instead
// of selling them and printing garbled receipts. ¥999,999.99 a unit, 99,999.999 units a line, and
// ¥99,999,999.99 for a whole document or one tender.
inline constexpr qint64 kMaxUnitPriceFen = 99'999'999;
inline constexpr qint64 kMaxQuantityMilli = 99'999'999;
inline constexpr qint64 kMaxAmountFen = 9'999'999'999;

// Quantities are integers in thousandths of the unit, so that weighed goods (kg) stay exact.
QString formatQuantity(qint64 quantityMilli);
std::optional<qint64> parseQuantity(QStringView text);

} // namespace huike
