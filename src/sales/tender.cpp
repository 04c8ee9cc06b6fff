#include "tender.h"

#include <QCoreApplication>

namespace huike {

const Tender Tender::Cash{QStringLiteral("cash")};
const Tender Tender::Card{QStringLiteral("card")};
const Tender Tender::WeChat{QStringLiteral("wechat")};
const Tender Tender::Alipay{QStringLiteral("alipay")};

const QList<TenderKind> &tenderKinds()
{
    // QT_TRANSLATE_NOOP keeps the labels in the translation file; tenderLabel() translates them.
    static const QList<TenderKind> kinds = {
        {Tender::Cash, QT_TRANSLATE_NOOP("Tender", "Cash"), true, ReferenceRule::None, 9},
        {Tender::Card, QT_TRANSLATE_NOOP("Tender", "Bank card"), false, ReferenceRule::Optional, 1},
        {Tender::WeChat, QT_TRANSLATE_NOOP("Tender", "WeChat Pay"), false, ReferenceRule::Required, 1},
        {Tender::Alipay, QT_TRANSLATE_NOOP("Tender", "Alipay"), false, ReferenceRule::Required, 1},
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

} // namespace huike
