// The documents a cart becomes, kept apart from the cart's editing in cashierwidget.cpp: held
// orders (挂单/取单), the sale itself, refunds, voids and the receipt list.

#include "cashierwidget.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/inputdialogs.h"
#include "common/managerauthdialog.h"
#include "core/uuid.h"
#include "counter/helddialog.h"
#include "counter/receiptdialog.h"
#include "devices/printqueue.h"
#include "counter/refunddialog.h"
#include "counter/tenderdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <spdlog/spdlog.h>

namespace huike::ui {

void CashierWidget::holdOrder()
{
    if (m_cart.isEmpty()) {
        setMessage(tr("The cart is empty: nothing to hold."), true);
        return;
    }
    const auto label =
        askText(this, tr("Hold order"), tr("A note to find it again (optional), e.g. the customer:"));
    if (!label)
        return;
    if (holdCart(*label))
        setMessage(tr("Order held. F7 recalls it."), false);
}

bool CashierWidget::holdCart(const QString &label)
{
    if (m_cart.isEmpty())
        return true;
    auto id = m_session.ctx().heldOrders().hold(m_cart.cart().heldOrder(), m_cart.priced().total, label,
                                                m_session.op().id);
    if (!id) {
        setMessage(id.error().message, true);
        return false;
    }
    m_cart.clear();
    return true;
}

bool CashierWidget::recallIntoCart(qint64 heldId, QStringList *changes)
{
    auto order = m_session.ctx().heldOrders().recall(heldId);
    if (!order) {
        setMessage(order.error().message, true);
        return false;
    }
    // The order waited: prices may have changed and goods may have been taken off sale since.
    m_cart.reset(Cart::recall(*order, m_session.ctx().catalog(), m_session.ctx().db(),
                              m_session.ctx().checkout().roundingMode(), m_session.ctx().clock().nowMs(),
                              changes));
    selectRow(m_cart.rowCount() - 1);
    return true;
}

void CashierWidget::resumePaidCart()
{
    if (!m_cart.isEmpty())
        return;
    auto held = m_session.ctx().heldOrders().heldWithPayments();
    if (!held) {
        setMessage(held.error().message, true);
        return;
    }
    if (!*held)
        return;
    QStringList changes;
    if (!recallIntoCart(**held, &changes))
        return;
    QString text = tr("A sale was not finished when this till stopped: it is back, with %1 already paid. "
                      "F12 takes the rest.")
                       .arg(m_cart.cart().paid().display());
    if (!changes.isEmpty())
        text += QLatin1Char(' ') + changes.join(QStringLiteral("; "));
    setMessage(text, true);
}

void CashierWidget::recallOrder()
{
    if (!m_cart.isEmpty()) {
        setMessage(tr("Finish or hold the current cart before recalling another."), true);
        return;
    }
    HeldDialog d(m_session, this);
    if (execDialog(d) != QDialog::Accepted)
        return;
    QStringList changes;
    if (!recallIntoCart(d.chosenId(), &changes))
        return;
    if (m_cart.cart().hasPayments())
        changes.prepend(tr("%1 already paid").arg(m_cart.cart().paid().display()));
    if (!changes.isEmpty()) {
        setMessage(tr("Order recalled: %1.").arg(changes.join(QStringLiteral("; "))), true);
        return;
    }
    setMessage(tr("Order recalled."), false);
}

void CashierWidget::checkout()
{
    if (m_cart.isEmpty()) {
        setMessage(tr("The cart is empty."), true);
        return;
    }
    const auto shift = m_session.shift();
    if (!shift) {
        setMessage(tr("No shift is open on this till: log in again to open one."), true);
        return;
    }
    auto &service = m_session.ctx().checkout();
    // Another till may have changed 抹零 since this cart was started: price it as the engine will.
    m_cart.setRounding(service.roundingMode());
    const Cart &cart = m_cart.cart();
    // Lines removed after an amount off was given can leave it larger than the cart.
    if (auto st = cart.checkOrderDiscount(cart.orderDiscount()); !st) {
        setMessage(tr("%1 Change the order discount (F5).").arg(st.error().message), true);
        return;
    }
    // Checked again as the sale will check them: used at another till, expired, a minimum no longer reached.
    if (!couponsPass())
        return;
    // Approved when given; asked here only if the cart changed what was approved since.
    if (!approveAdjustments())
        return;
    DisplayShow due;
    due.what = DisplayShow::What::Total;
    due.amount = cart.priced().total;
    Q_EMIT customerSees(due);
    TenderDialog tender(m_session, m_cart, this);
    if (execDialog(tender) != QDialog::Accepted) {
        tellCustomer();
        if (m_cart.cart().hasPayments())
            setMessage(tr("%1 paid so far, kept with the cart: F12 takes the rest.").arg(m_cart.cart().paid().display()),
                       false);
        return;
    }
    auto sale = service.commit(cart.checkoutRequest(m_session.op().id, shift->id));
    if (!sale) {
        // Nothing was recorded; the cart stays as it was, with the same id, so paying again
        // cannot make two sales.
        setMessage(tr("Not saved: %1 The cart is kept; press F12 to try again.").arg(sale.error().message),
                   true);
        spdlog::error("checkout failed: {}", sale.error().message.toStdString());
        return;
    }
    m_lastReceipt = sale->receiptNo;
    m_lastSale->setText(
        tr("%1\nPaid %2   Change %3").arg(sale->receiptNo, sale->total.display(), sale->change.display()));
    m_cart.clear();
    // Last, after the emptied cart's welcome: the customer sees the change (or what they paid).
    DisplayShow done;
    done.what = sale->change.fen() > 0 ? DisplayShow::What::Change : DisplayShow::What::Paid;
    done.amount = sale->change.fen() > 0 ? sale->change : sale->total;
    Q_EMIT customerSees(done);
    setMessage(sale->change.fen() > 0 ? tr("Done. Give change %1.").arg(sale->change.display()) : tr("Done."),
               false);
    m_session.notifyDocumentCommitted(sale->receiptNo);
    m_search->setFocus();
}

void CashierWidget::refund()
{
    RefundDialog d(m_session, this);
    if (execDialog(d) != QDialog::Accepted)
        return;
    setMessage(tr("Refund %1 recorded. Pay the customer back as listed on it.").arg(d.refundReceiptNo()),
               false);
    m_session.notifyDocumentCommitted(d.refundReceiptNo());
    {
        ReceiptDialog shown(m_session, d.refundReceiptNo(), this);
        execDialog(shown);
    }
}

void CashierWidget::voidLast()
{
    const auto shift = m_session.shift();
    if (!shift) {
        setMessage(tr("No shift is open on this till: log in again to open one."), true);
        return;
    }
    auto last = m_session.ctx().returns().lastVoidableSale(shift->id);
    if (!last) {
        setMessage(last.error().message, true);
        return;
    }
    const auto reason =
        askText(this, tr("Void last sale"),
                tr("Void sale %1 of %2? Reason:").arg(last->receiptNo, last->total.display()));
    if (!reason)
        return;
    if (reason->isEmpty()) {
        setMessage(tr("A void needs a reason."), true);
        return;
    }
    auto scope = m_session.ctx().returns().approvalScope(QStringLiteral("void"), last->receiptNo);
    if (!scope) {
        setMessage(scope.error().message, true);
        return;
    }
    const auto approval = ManagerAuthDialog::ask(
        m_session, tr("Void sale %1: a manager must approve.").arg(last->receiptNo), *scope, this);
    if (!approval)
        return;
    auto r = m_session.ctx().returns().voidSale(newUuid(), last->receiptNo, *reason, m_session.op().id,
                                                approval->token, shift->id);
    if (!r) {
        setMessage(r.error().message, true);
        return;
    }
    setMessage(tr("Sale %1 voided by %2. Pay back as listed on it.").arg(last->receiptNo, r->receiptNo),
               false);
    m_session.notifyDocumentCommitted(r->receiptNo);
    // The void's receipt says what goes back on which tender (WeChat and cards first, cash last).
    {
        ReceiptDialog shown(m_session, r->receiptNo, this);
        execDialog(shown);
    }
}

void CashierWidget::showReceipts()
{
    {
        ReceiptDialog shown(m_session, m_lastReceipt, this);
        execDialog(shown);
    }
}

void CashierWidget::reprintLast()
{
    if (m_lastReceipt.isEmpty()) {
        setMessage(tr("No receipt yet on this till: find one with F10."), true);
        return;
    }
    if (auto id = m_session.printer().printReceipt(m_lastReceipt); !id) {
        setMessage(id.error().message, true);
        return;
    }
    setMessage(tr("Receipt %1 sent to the printer.").arg(m_lastReceipt), false);
}

void CashierWidget::openDrawer()
{
    PrintQueue &printer = m_session.printer();
    if (!printer.settings().configured()) {
        setMessage(tr("No receipt printer is set up: the drawer opens through its kick port (Settings, Devices)."),
                   true);
        return;
    }
    const auto reason = askText(this, tr("Open drawer"), tr("Why is the drawer opened with no sale?"));
    if (!reason)
        return;
    if (reason->trimmed().isEmpty()) {
        setMessage(tr("Opening the drawer needs a reason."), true);
        return;
    }
    AppContext &ctx = m_session.ctx();
    const auto approval = ManagerAuthDialog::ask(m_session, tr("Open the cash drawer: a manager must approve."),
                                                 ApprovalScope{kApproveDrawer, ctx.store().terminal, Money{}}, this);
    if (!approval)
        return;
    if (auto st = recordDrawerOpening(ctx.db(), ctx.clock().nowMs(), ctx.store().terminal, approval->token,
                                      m_session.op().id, *reason);
        !st) {
        setMessage(st.error().message, true);
        return;
    }
    if (auto st = printer.kickDrawer(); !st) {
        setMessage(st.error().message, true);
        return;
    }
    setMessage(tr("Drawer opened, approved by %1.").arg(approval->managerName), false);
    m_search->setFocus();
}

} // namespace huike::ui
