#pragma once

#include "display/customerdisplay.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace huike::ui {

class CartModel;

// The customer's monitor (副屏), where a second one is attached: the cart as the till rings it
// (item, quantity, amount), the total or the change in large type, and the shop's message.
class CustomerScreen : public QWidget {
    Q_OBJECT
public:
    CustomerScreen(CartModel &cart, const QString &message, QWidget *parent = nullptr);
    void showFor(const DisplayShow &show);
    void setMessage(const QString &message);
    QString bigText() const;

private:
    QTableView *m_lines;
    QLabel *m_caption;
    QLabel *m_big;
    QLabel *m_message;
};

} // namespace huike::ui
