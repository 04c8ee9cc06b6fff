#include "inputdialogs.h"

#include "common/dialogs.h"

#include <QApplication>
#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace huike::ui {

std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                               const QString &initial)
{
    QInputDialog d(parent);
    d.setWindowTitle(title);
    d.setLabelText(label);
    d.setTextValue(initial);
    d.setInputMode(QInputDialog::TextInput);
    d.setOkButtonText(QCoreApplication::translate("InputDialogs", "OK (Enter)"));
    d.setCancelButtonText(QCoreApplication::translate("InputDialogs", "Cancel (Esc)"));
    if (execDialog(d) != QDialog::Accepted)
        return std::nullopt;
    return d.textValue().trimmed();
}

namespace {
constexpr const char *kAcceptsCard = "huikeAcceptsCard";
}

void markCardField(QWidget *field)
{
    field->setProperty(kAcceptsCard, true);
}

bool fillFocusedCardField(const QString &card)
{
    auto *edit = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    if (!edit || !edit->property(kAcceptsCard).toBool())
        return false;
    edit->setText(card);
    return true;
}

std::optional<QString> askCard(QWidget *parent, const QString &title, const QString &label)
{
    QInputDialog d(parent);
    d.setWindowTitle(title);
    d.setLabelText(label);
    d.setInputMode(QInputDialog::TextInput);
    d.setOkButtonText(QCoreApplication::translate("InputDialogs", "OK (Enter)"));
    d.setCancelButtonText(QCoreApplication::translate("InputDialogs", "Cancel (Esc)"));
    if (auto *edit = d.findChild<QLineEdit *>())
        markCardField(edit);
    if (execDialog(d) != QDialog::Accepted)
        return std::nullopt;
    return d.textValue().trimmed();
}

std::optional<QString> askSecret(QWidget *parent, const QString &title, const QString &label)
{
    QInputDialog d(parent);
    d.setWindowTitle(title);
    d.setLabelText(label);
    d.setInputMode(QInputDialog::TextInput);
    d.setTextEchoMode(QLineEdit::Password);
    d.setOkButtonText(QCoreApplication::translate("InputDialogs", "OK (Enter)"));
    d.setCancelButtonText(QCoreApplication::translate("InputDialogs", "Cancel (Esc)"));
    if (execDialog(d) != QDialog::Accepted)
        return std::nullopt;
    return d.textValue().trimmed();
}

std::optional<qint64> askQuantity(QWidget *parent, const QString &title, const QString &label,
                                  qint64 initialMilli, bool allowDecimals)
{
    QString initial = formatQuantity(initialMilli);
    for (;;) {
        const auto text = askText(parent, title, label, initial);
        if (!text)
            return std::nullopt;
        const auto q = parseQuantity(*text);
        if (q && *q > 0 && *q <= 99999000 && (allowDecimals || *q % 1000 == 0))
            return *q;
        MessageBox::warning(
            parent, title,
            allowDecimals ? QCoreApplication::translate(
                                "InputDialogs", "Enter a quantity above zero, with up to three decimals.")
                          : QCoreApplication::translate("InputDialogs", "Enter a whole number above zero."));
        initial = *text;
    }
}

std::optional<Money> askMoney(QWidget *parent, const QString &title, const QString &label, Money initial)
{
    QString text0 = initial.toString();
    for (;;) {
        const auto text = askText(parent, title, label, text0);
        if (!text)
            return std::nullopt;
        const auto m = Money::parse(*text);
        if (m && !m->isNegative())
            return *m;
        MessageBox::warning(
            parent, title,
            QCoreApplication::translate("InputDialogs", "Enter an amount in yuan, such as 12.50."));
        text0 = *text;
    }
}

std::optional<OrderDiscount> askOrderDiscount(QWidget *parent, const OrderDiscount &current)
{
    QString initial;
    if (current.permille != 1000)
        initial = formatZhe(current.permille);
    else if (current.amount.fen() > 0)
        initial = QLatin1Char('-') + current.amount.toString();
    for (;;) {
        const auto text =
            askText(parent, QCoreApplication::translate("InputDialogs", "Order discount"),
                    QCoreApplication::translate(
                        "InputDialogs",
                        "Discount for the whole order: 9 or 8.5 for 9折 / 8.5折, -20 for 20 yuan off, "
                        "empty for none."),
                    initial);
        if (!text)
            return std::nullopt;
        const auto parsed = parseOrderDiscount(*text);
        if (parsed)
            return *parsed;
        MessageBox::warning(parent, QCoreApplication::translate("InputDialogs", "Order discount"),
                             parsed.error().message);
        initial = *text;
    }
}

} // namespace huike::ui
