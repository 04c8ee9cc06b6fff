#include "historycsv.h"

#include "core/clock.h"
#include "core/money.h"
#include "core/phone.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTime>
#include <cstdlib>

namespace huike {

namespace {

} // namespace

HistoryColumns HistoryColumns::of(const QStringList &header)
{
    HistoryColumns c;
    for (int i = 0; i < header.size(); ++i) {
        const QString h = header.at(i).trimmed().toLower();
        auto is = [&](std::initializer_list<const char *> names) {
            for (const char *n : names)
                if (h == QString::fromUtf8(n))
                    return true;
            return false;
        };
        if (c.receipt < 0 && is({"receipt_no", "小票号", "单号", "流水号"}))
            c.receipt = i;
        else if (c.member < 0 && is({"member", "会员", "会员卡号", "手机号", "会员编号"}))
            c.member = i;
        else if (c.time < 0 && is({"time", "时间", "日期", "销售时间"}))
            c.time = i;
        else if (c.amount < 0 && is({"amount", "金额", "实收金额"}))
            c.amount = i;
        else if (c.barcode < 0 && is({"barcode", "条码"}))
            c.barcode = i;
        else if (c.name < 0 && is({"name", "商品名称", "品名"}))
            c.name = i;
        else if (c.qty < 0 && is({"qty", "数量"}))
            c.qty = i;
    }
    return c;
}

bool parseLocalTime(const QString &text, QDate *date, int *seconds)
{
    const QString t = text.trimmed();
    auto digits = [&](int from, int n, int *out) {
        if (from + n > t.size())
            return false;
        int v = 0;
        for (int i = from; i < from + n; ++i) {
            const QChar c = t.at(i);
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
            v = v * 10 + (c.unicode() - '0');
        }
        *out = v;
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    const bool dateOk = t.size() >= 10 && digits(0, 4, &y) &&
                        (t.at(4) == QLatin1Char('-') || t.at(4) == QLatin1Char('/')) && digits(5, 2, &mo) &&
                        t.at(7) == t.at(4) && digits(8, 2, &d);
    if (!dateOk)
        return false;
    if (t.size() > 10) {
        if ((t.at(10) != QLatin1Char(' ') && t.at(10) != QLatin1Char('T')) || !digits(11, 2, &h) ||
            t.size() < 16 || t.at(13) != QLatin1Char(':') || !digits(14, 2, &mi))
            return false;
        if (t.size() > 16 && (t.size() != 19 || t.at(16) != QLatin1Char(':') || !digits(17, 2, &s)))
            return false;
        if (h > 23 || mi > 59 || s > 59)
            return false;
    }
    *date = QDate(y, mo, d);
    *seconds = h * 3600 + mi * 60 + s;
    return date->isValid() && y >= 1970 && y < 2149;
}

HistoryRowReader::HistoryRowReader(const ShopTime &time, qint64 nowMs, const HistoryColumns &columns)
    : m_time(time), m_nowMs(nowMs), m_cols(columns)
{
}

qint64 HistoryRowReader::utcOf(const QDate &date, int seconds)
{
    const qint64 key = date.toJulianDay() * 24 + seconds / 3600;
    auto it = m_hourStart.constFind(key);
    if (it == m_hourStart.cend())
        it = m_hourStart.insert(key, m_time.toUtcMs(QDateTime(date, QTime(seconds / 3600, 0))));
    return *it + qint64(seconds % 3600) * 1000;
}

Result<HistoryLine> HistoryRowReader::read(const QStringList &row, qint64 lineNo)
{
    auto cell = [&](int i) { return i >= 0 && i < row.size() ? row.at(i).trimmed() : QString(); };
    auto bad = [](const QString &why) { return Error{ErrorCode::Invalid, why}; };
    HistoryLine l{lineNo, cell(m_cols.receipt), cell(m_cols.member), 0,
                  0,      cell(m_cols.barcode), cell(m_cols.name),   {}};
    if (l.receipt.isEmpty() || l.receipt.size() > 64)
        return bad(QCoreApplication::translate("SalesImport",
                                               "the receipt number is empty or longer than 64 characters."));
    if (l.member.isEmpty() || l.member.size() > 64)
        return bad(
            QCoreApplication::translate("SalesImport", "the member is empty or longer than 64 characters."));
    if (auto phone = normalizedMobile(l.member))
        l.member = *phone;
    QDate date;
    int seconds = 0;
    if (!parseLocalTime(cell(m_cols.time), &date, &seconds))
        return bad(QCoreApplication::translate("SalesImport",
                                               "the time \"%1\" is not YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS].")
                       .arg(cell(m_cols.time)));
    l.atMs = utcOf(date, seconds);
    if (l.atMs > m_nowMs)
        return bad(QCoreApplication::translate("SalesImport", "the time %1 is in the future.")
                       .arg(cell(m_cols.time)));
    const auto amount = Money::parse(cell(m_cols.amount));
    if (!amount || std::abs(amount->fen()) > kMaxAmountFen)
        return bad(QCoreApplication::translate("SalesImport",
                                               "the amount \"%1\" is not yuan with at most two decimals.")
                       .arg(cell(m_cols.amount)));
    l.amountFen = amount->fen();
    if (const QString q = cell(m_cols.qty); !q.isEmpty()) {
        l.qtyMilli = parseQuantity(q);
        if (!l.qtyMilli)
            return bad(
                QCoreApplication::translate("SalesImport", "the quantity \"%1\" is not a number.").arg(q));
    }
    if (l.barcode.size() > 64 || l.name.size() > 200)
        return bad(QCoreApplication::translate("SalesImport", "the barcode or name is too long."));
    return l;
}

} // namespace huike
