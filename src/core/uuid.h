#pragma once

#include <QString>
#include <QUuid>

namespace huike {

// Client-made ids: a checkout carries one so that a retry or a double click records one sale.
inline QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace huike
