#pragma once

#include "core/money.h"
#include "sales/counterinput.h"
#include "sales/pricing.h"

#include <QString>
#include <optional>

class QWidget;

namespace huike::ui {

// Small keyboard-first prompts: Enter accepts, Esc cancels; bad input says why and asks again.
std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                               const QString &initial = {});
// The same with the typing hidden: a member's PIN typed on the counter keyboard.
std::optional<QString> askSecret(QWidget *parent, const QString &title, const QString &label);
std::optional<qint64> askQuantity(QWidget *parent, const QString &title, const QString &label,
                                  qint64 initialMilli, bool allowDecimals);
std::optional<Money> askMoney(QWidget *parent, const QString &title, const QString &label, Money initial);
// An order discount: "9" / "8.5" is 折, "-20" is 20 yuan off.
std::optional<OrderDiscount> askOrderDiscount(QWidget *parent, const OrderDiscount &current);

} // namespace huike::ui
