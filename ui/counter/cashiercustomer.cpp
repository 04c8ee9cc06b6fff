// What the customer sees while the cashier rings up: each line's price and the total, the total
// when it is time to pay, the change when the sale is done, the shop's welcome in between. The
// customer display and the second monitor show it (devices/customerdisplay, customerscreen).

#include "cashierwidget.h"

#include "common/appsession.h"
#include "counter/cartmodel.h"
#include "devices/counterlisteners.h"

#include <QTableView>

namespace huike::ui {

void CashierWidget::tellCustomer()
{
    DisplayShow show;
    if (m_cart.isEmpty()) {
        show.label = m_session.listeners().settings().displayMessage;
        Q_EMIT customerSees(show);
        return;
    }
    const int current = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : m_cart.rowCount() - 1;
    const int row = std::clamp(current, 0, m_cart.rowCount() - 1);
    const PricedOrder &priced = m_cart.priced();
    show.what = DisplayShow::What::Price;
    show.label = m_cart.line(row).name;
    show.amount = row < priced.lines.size() ? priced.lines.at(row).unitPrice : Money{};
    show.total = priced.total;
    Q_EMIT customerSees(show);
}

} // namespace huike::ui
