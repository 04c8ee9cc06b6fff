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
// A card number: typed, scanned, or swiped on the card reader while the prompt is up (its field
// takes the swipe: markCardField).
std::optional<QString> askCard(QWidget *parent, const QString &title, const QString &label);
// A field that takes a member card swiped on the till's card reader while it has the focus (the
// member form's card, a registration's, 补卡's new card).
void markCardField(QWidget *field);
// The swipe into the focused card field; false when the focus is on none.
bool fillFocusedCardField(const QString &card);
// The same with the typing hidden: a member's PIN typed on the counter keyboard.
std::optional<QString> askSecret(QWidget *parent, const QString &title, const QString &label);
std::optional<qint64> askQuantity(QWidget *parent, const QString &title, const QString &label,
                                  qint64 initialMilli, bool allowDecimals);
std::optional<Money> askMoney(QWidget *parent, const QString &title, const QString &label, Money initial);
// An order discount: "9" / "8.5" is 折, "-20" is 20 yuan off.
std::optional<OrderDiscount> askOrderDiscount(QWidget *parent, const OrderDiscount &current);

} // namespace huike::ui
