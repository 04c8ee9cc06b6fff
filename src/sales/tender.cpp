#include "tender.h"

#include <QCoreApplication>

namespace huike {

QString tenderKey(Tender t)
{
    switch (t) {
    case Tender::Card:
        return QStringLiteral("card");
    case Tender::WeChat:
        return QStringLiteral("wechat");
    case Tender::Alipay:
        return QStringLiteral("alipay");
    case Tender::Cash:
        break;
    }
    return QStringLiteral("cash");
}

QString tenderLabel(Tender t)
{
    switch (t) {
    case Tender::Card:
        return QCoreApplication::translate("Tender", "Bank card");
    case Tender::WeChat:
        return QCoreApplication::translate("Tender", "WeChat Pay");
    case Tender::Alipay:
        return QCoreApplication::translate("Tender", "Alipay");
    case Tender::Cash:
        break;
    }
    return QCoreApplication::translate("Tender", "Cash");
}

std::optional<Tender> tenderFromKey(const QString &key)
{
    for (Tender t : kAllTenders)
        if (tenderKey(t) == key)
            return t;
    return std::nullopt;
}

} // namespace huike
