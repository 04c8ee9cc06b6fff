// The member detail's operations (memberdetaildialog.h): each asks what it needs — a reason, an
// amount, the customer's new PIN, a manager's approval of exactly this operation — then lets the
// engine do it and audit it, and says the outcome under the tabs.

#include "memberdetaildialog.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/inputdialogs.h"
#include "common/managerauthdialog.h"
#include "members/countcards.h"
#include "members/coupons.h"
#include "members/earnings.h"
#include "members/points.h"
#include "members/storedvalue.h"

#include <QInputDialog>
#include <QTableWidget>

namespace huike::ui {

namespace {

// The id kept on the selected row of a list, or 0 (and a word to the manager) when none is.
qint64 selectedId(QTableWidget *table, QWidget *parent, const QString &title, const QString &pick)
{
    const int row = table->currentRow();
    if (row < 0 || !table->item(row, 0)) {
        MessageBox::information(parent, title, pick);
        return 0;
    }
    return table->item(row, 0)->data(Qt::UserRole).toLongLong();
}

} // namespace

void MemberDetailDialog::reportLost()
{
    const auto reason = askText(this, tr("Report lost"), tr("Why (kept in the log):"), tr("The customer lost the card"));
    if (!reason)
        return;
    said(m_session.ctx().members().reportLost(m_memberId, *reason, m_session.op().id),
         tr("The card is reported lost: it is refused at the till until it is unlocked."));
}

void MemberDetailDialog::lock()
{
    const auto reason = askText(this, tr("Lock"), tr("Why (kept in the log):"));
    if (!reason)
        return;
    said(m_session.ctx().members().lock(m_memberId, *reason, m_session.op().id),
         tr("The card is locked: it is refused at the till until it is unlocked."));
}

void MemberDetailDialog::unlock()
{
    const auto reason = askText(this, tr("Unlock"), tr("Why (kept in the log):"), tr("The card was found"));
    if (!reason)
        return;
    const auto approval = ManagerAuthDialog::ask(m_session, tr("Unlock the card of %1").arg(m_member.name),
                                                 MemberService::cardApprovalScope(m_memberId), this);
    if (!approval)
        return;
    said(m_session.ctx().members().unlock(m_memberId, *reason, m_session.op().id, approval->token),
         tr("The card is active again."));
}

void MemberDetailDialog::replaceCard()
{
    const auto card = askCard(this, tr("Replace card"), tr("Swipe, scan or type the new card:"));
    if (!card || card->trimmed().isEmpty())
        return;
    const auto reason = askText(this, tr("Replace card"), tr("Why (kept in the log):"), tr("Card lost"));
    if (!reason)
        return;
    const auto approval = ManagerAuthDialog::ask(m_session, tr("New card %1 for %2").arg(card->trimmed(), m_member.name),
                                                 MemberService::cardApprovalScope(m_memberId, *card), this);
    if (!approval)
        return;
    said(m_session.ctx().members().replaceCard(m_memberId, *card, *reason, m_session.op().id, approval->token),
         tr("Card %1 replaces the old one: balances, points, count cards, coupons and history stay with the member; "
            "the old card is refused from now on.")
             .arg(card->trimmed()));
}

void MemberDetailDialog::transferStored()
{
    AppContext &ctx = m_session.ctx();
    const auto to = askText(this, tr("Transfer stored value"), tr("To the member with phone or card:"));
    if (!to || to->trimmed().isEmpty())
        return;
    auto other = ctx.members().byPhoneOrCard(*to);
    if (!other) {
        said(other.error(), {});
        return;
    }
    const auto amount = askMoney(this, tr("Transfer stored value"),
                                 tr("Amount to %1 (of %2):").arg(other->name, (m_member.principal + m_member.bonus).display()),
                                 m_member.principal + m_member.bonus);
    if (!amount)
        return;
    const auto reason = askText(this, tr("Transfer stored value"), tr("Why (kept in the log):"));
    if (!reason)
        return;
    const auto approval = ManagerAuthDialog::ask(
        m_session, tr("Transfer %1 from %2 to %3").arg(amount->display(), m_member.name, other->name),
        StoredValueService::transferScope(m_memberId, other->id, *amount), this);
    if (!approval)
        return;
    auto moved = ctx.storedValue().transfer(m_memberId, other->id, *amount, *reason, m_session.op().id, approval->token);
    said(moved ? Status(Ok{}) : Status(moved.error()),
         moved ? tr("%1 moved to %2 (principal %3, bonus %4).")
                     .arg(amount->display(), other->name, moved->principal.display(), moved->bonus.display())
               : QString());
}

void MemberDetailDialog::resetPin()
{
    AppContext &ctx = m_session.ctx();
    QString token;
    // A PIN the member forgot is reset with a manager; a first PIN the member simply types.
    if (m_member.hasPin) {
        const auto approval = ManagerAuthDialog::ask(m_session, tr("Reset the payment PIN of %1").arg(m_member.name),
                                                     memberPinScope(m_memberId), this);
        if (!approval)
            return;
        token = approval->token;
    }
    const auto pin = askSecret(this, tr("Payment PIN"),
                               tr("The customer types a new PIN of 4 to 6 digits (empty: no PIN):"));
    if (!pin)
        return;
    said(setMemberPin(ctx.db(), ctx.clock(), m_memberId, *pin, {}, m_session.op().id, token),
         pin->isEmpty() ? tr("Stored value pays without a PIN now.") : tr("The new payment PIN is set."));
}

void MemberDetailDialog::adjustPoints()
{
    const auto typed = askText(this, tr("Adjust points"), tr("Points to add (a minus takes off, e.g. -200):"));
    if (!typed)
        return;
    bool ok = false;
    const qint64 points = typed->trimmed().toLongLong(&ok);
    if (!ok || points == 0) {
        said(makeError(ErrorCode::Invalid, tr("Type a whole number of points, such as 200 or -200.")), {});
        return;
    }
    const auto reason = askText(this, tr("Adjust points"), tr("Why (kept in the log):"));
    if (!reason)
        return;
    const auto approval = ManagerAuthDialog::ask(m_session, tr("%1 points for %2").arg(points).arg(m_member.name),
                                                 pointsAdjustScope(m_memberId, points), this);
    if (!approval)
        return;
    AppContext &ctx = m_session.ctx();
    const LedgerContext where = m_session.ledgerContext();
    said(huike::adjustPoints(ctx.db(), where, m_memberId, points, *reason, approval->token),
         points > 0 ? tr("%1 points added.").arg(points) : tr("%1 points taken off.").arg(-points));
}

void MemberDetailDialog::extendCountCard()
{
    const qint64 cardId = selectedId(m_cards, this, tr("Extend validity"), tr("Select the count card to extend."));
    if (cardId <= 0)
        return;
    const auto days = askQuantity(this, tr("Extend validity"), tr("Days to add:"), 30000, false);
    if (!days || *days <= 0)
        return;
    const int n = static_cast<int>(*days / 1000);
    const auto reason = askText(this, tr("Extend validity"), tr("Why (kept in the log):"));
    if (!reason)
        return;
    const auto approval = ManagerAuthDialog::ask(m_session, tr("Extend the count card by %n day(s)", nullptr, n),
                                                 countCardExtendScope(cardId, n), this);
    if (!approval)
        return;
    AppContext &ctx = m_session.ctx();
    const LedgerContext where = m_session.ledgerContext();
    auto card = huike::extendCountCard(ctx.db(), where, cardId, n, *reason, approval->token);
    said(card ? Status(Ok{}) : Status(card.error()), card ? countCardSummary(*card, ctx.time()) : QString());
}

void MemberDetailDialog::issueCoupon()
{
    AppContext &ctx = m_session.ctx();
    auto types = couponTypes(ctx.db());
    if (!types) {
        said(types.error(), {});
        return;
    }
    QStringList names;
    for (const CouponType &t : *types)
        if (t.active)
            names << t.name;
    if (names.isEmpty()) {
        MessageBox::information(this, tr("Issue a coupon"), tr("The shop has no coupon types: add one in 会员方案."));
        return;
    }
    bool ok = false;
    const QString type = QInputDialog::getItem(this, tr("Issue a coupon"), tr("Coupon:"), names, 0, false, &ok);
    if (!ok)
        return;
    const auto reason = askText(this, tr("Issue a coupon"), tr("Why (kept in the log):"), tr("Goodwill"));
    if (!reason)
        return;
    const LedgerContext where = m_session.ledgerContext();
    auto c = issueCouponNow(ctx.db(), where, type, m_memberId, *reason);
    said(c ? Status(Ok{}) : Status(c.error()), c ? tr("Coupon %1 (%2) issued.").arg(c->code, c->typeName) : QString());
}

void MemberDetailDialog::voidCoupon()
{
    if (selectedId(m_coupons, this, tr("Void coupon"), tr("Select the coupon to void.")) <= 0)
        return;
    const QString code = m_coupons->item(m_coupons->currentRow(), 0)->data(Qt::UserRole + 1).toString();
    const auto reason = askText(this, tr("Void coupon"), tr("Why (kept in the log):"));
    if (!reason)
        return;
    AppContext &ctx = m_session.ctx();
    const LedgerContext where = m_session.ledgerContext();
    said(huike::voidCoupon(ctx.db(), where, code, *reason), tr("Coupon %1 is void.").arg(code));
}

} // namespace huike::ui
