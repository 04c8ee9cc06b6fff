// The cashier screen's member actions: attach (Ctrl+M, or a member card scanned), register, take off,
// recharge (Ctrl+R).

#include "cashierwidget.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "core/phone.h"
#include "counter/memberdialog.h"
#include "counter/receiptdialog.h"
#include "counter/rechargedialog.h"
#include "members/earnings.h"

#include <QLineEdit>
#include <QMessageBox>

namespace huike::ui {

void CashierWidget::showMember()
{
    if (m_cart.cart().memberId() <= 0) {
        // What is in the scan field ("8000", a phone typed before Ctrl+M) starts the search.
        const QString typed = m_search->text().trimmed();
        m_search->clear();
        attachMember(typed);
        return;
    }
    if (m_cart.cart().hasPayments()) {
        setMessage(tr("Payments are taken for this cart: the member can no longer be changed."), true);
        return;
    }
    if (MessageBox::question(this, tr("Member"), tr("Take the member off this sale? It is priced again without "
                                                     "the member's level.")) != QMessageBox::Yes)
        return;
    m_cart.setMember({});
    setMessage(tr("Member taken off."), false);
}

void CashierWidget::attachMember(const QString &typed)
{
    if (m_cart.cart().hasPayments()) {
        setMessage(tr("Payments are taken for this cart: attach the member before paying."), true);
        return;
    }
    MemberDialog d(m_session, typed, this);
    if (execDialog(d) != QDialog::Accepted)
        return;
    m_cart.setMember(d.chosen());
    setMessage(tr("Member %1 (%2) attached: %3 prices.")
                   .arg(d.chosenMember().name, maskPhone(d.chosenMember().phone), d.chosen().levelName),
               false);
    m_search->setFocus();
}

bool CashierWidget::attachScannedCard(const QString &code)
{
    auto member = m_session.ctx().members().byPhoneOrCard(code);
    if (!member || member->cardNo != code.trimmed())
        return false; // not a card: the scan stays a product not found
    if (m_cart.cart().hasPayments()) {
        setMessage(tr("Payments are taken for this cart: attach the member before paying."), true);
        return true;
    }
    auto priced = memberPrice(m_session.ctx().db(), member->id);
    if (!priced) {
        setMessage(priced.error().message, true);
        return true;
    }
    m_cart.setMember(*priced);
    setMessage(tr("Member %1 (%2) attached: %3 prices.").arg(member->name, maskPhone(member->phone), priced->levelName),
               false);
    return true;
}

void CashierWidget::recharge()
{
    Member member;
    if (const qint64 id = m_cart.cart().memberId(); id > 0) {
        auto m = m_session.ctx().members().byId(id);
        if (!m) {
            setMessage(m.error().message, true);
            return;
        }
        member = *m;
    } else {
        MemberDialog pick(m_session, m_search->text().trimmed(), this);
        pick.setWindowTitle(tr("Recharge: which member?"));
        if (execDialog(pick) != QDialog::Accepted)
            return;
        m_search->clear();
        member = pick.chosenMember();
    }
    RechargeDialog d(m_session, member, this);
    if (execDialog(d) != QDialog::Accepted)
        return;
    const RechargeResult &r = d.result();
    setMessage(tr("Recharge %1 recorded: %2 paid, bonus %3; stored value now %4.")
                   .arg(r.document.receiptNo, r.credited.principal.display(), r.credited.bonus.display(),
                        r.after.total().display()),
               false);
    m_memberShown = -1; // the panel shows the new balance
    updateTotals();
    m_session.notifyDocumentCommitted(r.document.receiptNo);
    {
        ReceiptDialog shown(m_session, r.document.receiptNo, this);
        execDialog(shown);
    }
    m_search->setFocus();
}

} // namespace huike::ui
