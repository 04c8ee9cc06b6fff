#include "tender.h"

#include <QCoreApplication>
#include <algorithm>

namespace huike {

const Tender Tender::Cash{QStringLiteral("cash")};
const Tender Tender::Card{QStringLiteral("card")};
const Tender Tender::WeChat{QStringLiteral("wechat")};
const Tender Tender::Alipay{QStringLiteral("alipay")};
const Tender Tender::Points{QStringLiteral("points")};
const Tender Tender::Stored{QStringLiteral("stored")};

const QList<TenderKind> &tenderKinds()
{
    // QT_TRANSLATE_NOOP keeps the labels in the translation file; tenderLabel() translates them.
    static const QList<TenderKind> kinds = {
        {Tender::Cash, QT_TRANSLATE_NOOP("Tender", "Cash"), true, ReferenceRule::None, 9},
        {Tender::Card, QT_TRANSLATE_NOOP("Tender", "Bank card"), false, ReferenceRule::Optional, 1},
        {Tender::WeChat, QT_TRANSLATE_NOOP("Tender", "WeChat Pay"), false, ReferenceRule::WalletCode, 1},
        {Tender::Alipay, QT_TRANSLATE_NOOP("Tender", "Alipay"), false, ReferenceRule::WalletCode, 1},
        // The reference is the number of points; given back first on a refund, in whole points.
        {Tender::Points, QT_TRANSLATE_NOOP("Tender", "Points"), false, ReferenceRule::Count, 0, true},
        // Paid back into the member's balance first: the money never left the shop.
        {Tender::Stored, QT_TRANSLATE_NOOP("Tender", "Stored value"), false, ReferenceRule::None, 0, true},
    };
    return kinds;
}

const TenderKind *tenderKind(const Tender &t)
{
    for (const TenderKind &k : tenderKinds())
        if (k.tender == t)
            return &k;
    return nullptr;
}

QString tenderLabel(const Tender &t)
{
    const TenderKind *k = tenderKind(t);
    return k ? QCoreApplication::translate("Tender", k->label) : t.key();
}

QString normalizedReference(const TenderKind &kind, const QString &reference)
{
    QString r = reference.trimmed();
    if (kind.reference == ReferenceRule::WalletCode)
        r.remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    return r;
}

QString referenceProblem(const TenderKind &kind, const QString &reference)
{
    const QString r = normalizedReference(kind, reference);
    const QString label = QCoreApplication::translate("Tender", kind.label);
    const bool required = kind.reference == ReferenceRule::Required || kind.reference == ReferenceRule::WalletCode;
    if (required && r.isEmpty() && kind.reference != ReferenceRule::Count)
        return QCoreApplication::translate("Checkout",
                                           "%1 needs its payment reference: scan the customer's payment code or "
                                           "type the transaction number.")
            .arg(label);
    if (kind.reference == ReferenceRule::Count) {
        bool ok = false;
        const qint64 n = r.toLongLong(&ok);
        if (ok && n > 0 && !r.startsWith(QLatin1Char('+')))
            return {};
        return QCoreApplication::translate("Checkout", "%1: give how many (a whole number), not \"%2\".")
            .arg(label, reference.trimmed());
    }
    if (kind.reference != ReferenceRule::WalletCode)
        return {};
    const bool digits = std::all_of(r.cbegin(), r.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    const int prefix = r.left(2).toInt();
    const bool paymentCode = kind.tender == Tender::WeChat ? r.size() == 18 && prefix >= 10 && prefix <= 15
                                                           : r.size() >= 16 && r.size() <= 24 && prefix >= 25 &&
                                                                 prefix <= 30;
    const bool transaction = r.size() >= 20 && r.size() <= 32;
    if (digits && (paymentCode || transaction))
        return {};
    return QCoreApplication::translate("Checkout",
                                       "\"%1\" is not a %2 payment code or transaction number: scan the "
                                       "customer's payment code, or type the whole transaction number (20 to 32 "
                                       "digits) from the customer's phone.")
        .arg(reference.trimmed(), label);
}

} // namespace huike
