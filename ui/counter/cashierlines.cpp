// The cashier screen's line actions: a line's quantity (typed, +/-, with the confirmation of an
// unusual one), a line's discount and its price overridden, the order's discount, the manager's
// approval for what goes beyond the cashier's limit, and removing a line.

#include "cashierwidget.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/inputdialogs.h"
#include "common/managerauthdialog.h"
#include "store/settings.h"

#include <QMessageBox>

namespace huike::ui {

void CashierWidget::changeQuantity()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const CartLine &l = m_cart.line(row);
    const auto q =
        askQuantity(this, tr("Quantity"), tr("%1: new quantity").arg(l.name), l.quantityMilli, l.weighed);
    if (q && confirmQuantity(l, *q))
        report(m_cart.setQuantity(row, *q));
    selectRow(row);
}

qint64 CashierWidget::confirmQuantityBound() const
{
    return m_session.ctx().settings().integer(Settings::kConfirmQuantity, Settings::kConfirmQuantityDefault);
}

bool CashierWidget::confirmQuantity(const CartLine &line, qint64 quantityMilli)
{
    const qint64 bound = confirmQuantityBound();
    if (line.weighed || bound <= 0 || quantityMilli <= bound * 1000)
        return true;
    const bool yes = MessageBox::question(this, tr("Large quantity"),
                                          tr("%1 x %2: more than %3 of one item. Is that right?")
                                              .arg(formatQuantity(quantityMilli), line.name)
                                              .arg(bound),
                                          QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    if (!yes)
        setMessage(tr("%1: the quantity stays as it was.").arg(line.name), false);
    return yes;
}

void CashierWidget::bumpQuantity(int delta)
{
    const int row = currentRow();
    if (row < 0)
        return;
    const CartLine &l = m_cart.line(row);
    if (l.weighed) {
        changeQuantity();
        return;
    }
    const qint64 q = l.quantityMilli + delta * 1000;
    if (q <= 0) {
        removeLine();
        return;
    }
    // Asked once, when "+" crosses the bound, not at every press after it.
    if (delta > 0 && l.quantityMilli <= confirmQuantityBound() * 1000 && !confirmQuantity(l, q))
        return;
    report(m_cart.setQuantity(row, q));
    selectRow(row);
}

void CashierWidget::lineDiscount()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const CartLine &l = m_cart.line(row);
    for (;;) {
        const auto text =
            askText(this, tr("Line discount"), tr("%1: discount in 折 (9, 8.5), empty for none").arg(l.name),
                    formatZhe(l.discountPermille));
        if (!text)
            return;
        const auto z = parseZhe(*text);
        if (z) {
            // Copies: the cart's lines may move while a dialog is open.
            const qint64 before = l.discountPermille;
            const QString name = l.name;
            if (report(m_cart.setLineDiscount(row, *z)) && !approveAdjustments()) {
                (void)m_cart.setLineDiscount(row, before);
                setMessage(tr("Not approved: the discount of %1 is as it was.").arg(name), true);
            }
            selectRow(row);
            return;
        }
        setMessage(z.error().message, true);
    }
}

void CashierWidget::priceOverride()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const CartLine &l = m_cart.line(row);
    const auto price = askMoney(this, tr("Change price"),
                                tr("%1: new unit price (list price %2)").arg(l.name, l.listPrice.toString()),
                                l.priceOverride.value_or(l.listPrice));
    if (!price)
        return;
    const std::optional<Money> before = l.priceOverride;
    const QString name = l.name;
    if (report(m_cart.setPriceOverride(row, *price)) && !approveAdjustments()) {
        (void)m_cart.setPriceOverride(row, before);
        setMessage(tr("Not approved: the price of %1 is as it was.").arg(name), true);
    }
    selectRow(row);
}

void CashierWidget::orderDiscount()
{
    if (m_cart.isEmpty())
        return;
    const OrderDiscount before = m_cart.cart().orderDiscount();
    if (const auto d = askOrderDiscount(this, before)) {
        if (report(m_cart.setOrderDiscount(*d)) && !approveAdjustments()) {
            (void)m_cart.setOrderDiscount(before);
            setMessage(tr("Not approved: the order discount is as it was."), true);
        }
    }
}

bool CashierWidget::approveAdjustments()
{
    // Beyond what the cashier may give alone, the manager approves it now, with the reason, while
    // the customer is still at the counter; not later at payment, when it is too late to say no.
    auto &service = m_session.ctx().checkout();
    const Cart &cart = m_cart.cart();
    if (!service.needsManager(cart.lines(), cart.orderDiscount(), cart.member()) || !cart.approvalToken().isEmpty())
        return true;
    const auto reason = askText(this, tr("Manager approval"),
                                tr("This needs a manager. Why is it given (e.g. 临期, 包装破损, 老顾客)?"),
                                cart.adjustmentReason());
    if (!reason)
        return false;
    if (reason->trimmed().isEmpty()) {
        setMessage(tr("A reason is needed for a discount or price change a manager approves."), true);
        return false;
    }
    const auto approval = ManagerAuthDialog::ask(
        m_session,
        tr("Changed prices, typed scale labels or discounts beyond the cashier's limit need a manager.") +
            QLatin1Char('\n') + tr("Reason: %1").arg(reason->trimmed()),
        cart.approvalScope(), this);
    if (!approval)
        return false;
    m_cart.setApproval(approval->token, approval->scope, reason->trimmed());
    return true;
}

void CashierWidget::removeLine()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QString name = m_cart.line(row).name;
    if (!report(m_cart.removeLine(row)))
        return;
    selectRow(std::min(row, m_cart.rowCount() - 1));
    setMessage(tr("Removed %1.").arg(name), false);
}

} // namespace huike::ui
