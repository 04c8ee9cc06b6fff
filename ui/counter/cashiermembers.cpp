// The cashier screen's member actions: attach (Ctrl+M, or a member card scanned), register, take off,
// recharge (Ctrl+R), coupons (Ctrl+K, or a coupon's code scanned).

#include "cashierwidget.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "core/phone.h"
#include "counter/coupondialog.h"
#include "counter/giftdialog.h"
#include "counter/memberdialog.h"
#include "counter/receiptdialog.h"
#include "counter/rechargedialog.h"
#include "members/countcards.h"
#include "members/coupons.h"
#include "members/earnings.h"
#include "members/gifts.h"
#include "members/points.h"
#include "members/profile.h"

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
    attachMemberById(member->id);
    return true;
}

void CashierWidget::attachMemberById(qint64 memberId)
{
    if (m_cart.cart().hasPayments()) {
        setMessage(tr("Payments are taken for this cart: attach the member before paying."), true);
        return;
    }
    auto member = m_session.ctx().members().byId(memberId);
    auto priced = member ? memberPrice(m_session.ctx().db(), memberId) : Result<MemberPrice>(member.error());
    if (!priced) {
        setMessage(priced.error().message, true);
        return;
    }
    m_cart.setMember(*priced);
    setMessage(tr("Member %1 (%2) attached: %3 prices.").arg(member->name, maskPhone(member->phone), priced->levelName),
               false);
}

void CashierWidget::swipedCard(const QString &card)
{
    if (attachScannedCard(card))
        return;
    // A card the shop has not given out yet (or a phone's card): offered for registration.
    setMessage(tr("Card %1 belongs to no member.").arg(card), true);
    if (MessageBox::question(this, tr("Unknown card"), tr("Card %1 belongs to no member. Register this card?").arg(card)) !=
        QMessageBox::Yes)
        return;
    RegisterMemberDialog d(m_session, {}, this, card);
    if (execDialog(d) != QDialog::Accepted)
        return;
    attachMemberById(d.registered().id);
}

void CashierWidget::coupons()
{
    if (m_cart.cart().hasPayments()) {
        setMessage(tr("Payments are taken for this cart: coupons go on before paying."), true);
        return;
    }
    CouponDialog d(m_session, m_cart.cart(), this);
    if (execDialog(d) != QDialog::Accepted)
        return;
    if (!report(m_cart.setCoupons(d.chosen())))
        return;
    setMessage(d.chosen().isEmpty() ? tr("No coupons on this sale.")
                                    : tr("%n coupon(s) on this sale: %1 off.", nullptr, static_cast<int>(d.chosen().size()))
                                          .arg(couponsOff().display()),
               false);
    m_search->setFocus();
}

Money CashierWidget::couponsOff() const
{
    Money off;
    for (const CouponSpec &c : m_cart.cart().coupons())
        off += adjustedBy(m_cart.priced(), kAdjustCoupon, c.code);
    return off;
}

bool CashierWidget::useCouponCode(const QString &code)
{
    Database &db = m_session.ctx().db();
    auto coupon = couponByCode(db, code.trimmed());
    if (!coupon) {
        if (coupon.error().code == ErrorCode::NotFound)
            return false;
        setMessage(coupon.error().message, true);
        return true;
    }
    if (m_cart.cart().hasPayments()) {
        setMessage(tr("Payments are taken for this cart: coupons go on before paying."), true);
        return true;
    }
    QStringList codes = m_cart.cart().couponCodes();
    if (codes.contains(coupon->code)) {
        setMessage(tr("Coupon %1 is on this sale already.").arg(coupon->code), true);
        return true;
    }
    if (coupon->memberId > 0 && m_cart.cart().memberId() <= 0) {
        // The member's own coupon, shown before their card: it says who the customer is.
        auto priced = memberPrice(db, coupon->memberId);
        if (!priced) {
            setMessage(priced.error().message, true);
            return true;
        }
        m_cart.setMember(*priced);
    }
    codes << coupon->code;
    const Cart &cart = m_cart.cart();
    auto specs = m_session.ctx().checkout().coupons(codes, cart.lines(), cart.orderDiscount(), cart.member());
    if (!specs) {
        setMessage(specs.error().message, true);
        return true;
    }
    if (!report(m_cart.setCoupons(*specs)))
        return true;
    setMessage(tr("Coupon %1 (%2): %3 off.")
                   .arg(coupon->typeName, coupon->code,
                        adjustedBy(m_cart.priced(), kAdjustCoupon, coupon->code).display()),
               false);
    return true;
}

void CashierWidget::recheckCoupons()
{
    const Cart &cart = m_cart.cart();
    if (cart.coupons().isEmpty() || cart.hasPayments())
        return;
    auto specs = m_session.ctx().checkout().coupons(cart.couponCodes(), cart.lines(), cart.orderDiscount(), cart.member());
    if (!specs) {
        setMessage(tr("%1 Until then it takes nothing off; Ctrl+K takes it off the sale.").arg(specs.error().message),
                   true);
        return;
    }
    (void)m_cart.setCoupons(*specs); // no payment is taken: it cannot be refused
}

bool CashierWidget::couponsPass()
{
    const Cart &cart = m_cart.cart();
    if (cart.coupons().isEmpty())
        return true;
    auto specs = m_session.ctx().checkout().coupons(cart.couponCodes(), cart.lines(), cart.orderDiscount(), cart.member());
    if (!specs) {
        setMessage(tr("%1 Ctrl+K takes the coupon off the sale.").arg(specs.error().message), true);
        return false;
    }
    if (!cart.hasPayments())
        (void)m_cart.setCoupons(*specs);
    return true;
}

std::optional<Member> CashierWidget::memberForAction(const QString &title)
{
    if (const qint64 id = m_cart.cart().memberId(); id > 0) {
        auto m = m_session.ctx().members().byId(id);
        if (!m) {
            setMessage(m.error().message, true);
            return std::nullopt;
        }
        return *m;
    }
    MemberDialog pick(m_session, m_search->text().trimmed(), this);
    pick.setWindowTitle(title);
    if (execDialog(pick) != QDialog::Accepted)
        return std::nullopt;
    m_search->clear();
    return pick.chosenMember();
}

void CashierWidget::redeemGift()
{
    const auto member = memberForAction(tr("Gifts for points: which member?"));
    if (!member)
        return;
    GiftDialog d(m_session, *member, this);
    if (execDialog(d) != QDialog::Accepted)
        return;
    const GiftRedemption &r = d.redemption();
    setMessage(tr("%1 x%2 given for %3 points; %4 points left.").arg(r.giftName).arg(r.quantity).arg(r.points).arg(r.pointsAfter),
               false);
    m_memberShown = -1; // the panel shows the new balance
    updateTotals();
    m_search->setFocus();
}

void CashierWidget::recharge()
{
    const auto picked = memberForAction(tr("Recharge: which member?"));
    if (!picked)
        return;
    const Member member = *picked;
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

// The member panel's lines under the balances (updateTotals, cashierwidget.cpp).
QString CashierWidget::countCardsLine(qint64 memberId) const
{
    auto cards = usableCountCards(m_session.ctx().db(), memberId, m_session.ctx().clock().nowMs(), m_session.ctx().time());
    if (!cards)
        return {};
    QStringList usable;
    for (const CountCard &c : *cards)
        usable << tr("%1 %2 left").arg(c.planName).arg(c.usesLeft);
    if (usable.isEmpty())
        return {};
    // One line in a narrow panel: the first two, and how many more.
    const qsizetype more = usable.size() - 2;
    QString text = usable.mid(0, 2).join(tr(", "));
    if (more > 0)
        text += tr(" +%1").arg(more);
    return QLatin1Char('\n') + tr("Count cards (F7): %1").arg(text);
}

QString CashierWidget::couponsLine(qint64 memberId) const
{
    auto own = memberCoupons(m_session.ctx().db(), memberId);
    if (!own)
        return {};
    const qint64 now = m_session.ctx().clock().nowMs();
    const auto usable = std::count_if(own->cbegin(), own->cend(), [&](const Coupon &c) {
        return couponState(c, now) == QLatin1String("unused") && now >= c.validFromMs;
    });
    QString line = usable > 0 ? QLatin1Char('\n') + tr("Coupons (Ctrl+K): %1 usable").arg(usable) : QString();
    // A gift the member's points reach: said, with its key.
    auto points = usablePoints(m_session.ctx().db(), memberId, now);
    auto offered = gifts(m_session.ctx().db(), true);
    if (points && offered &&
        std::any_of(offered->cbegin(), offered->cend(), [&](const Gift &g) { return g.stock > 0 && g.points <= *points; }))
        line += QLatin1Char('\n') + tr("Gifts for points (Ctrl+G)");
    return line;
}

QString CashierWidget::tagsLine(qint64 memberId) const
{
    auto tags = memberTags(m_session.ctx().db(), memberId);
    if (!tags || tags->isEmpty())
        return {};
    return QLatin1Char('\n') + tr("Tags: %1").arg(tags->join(QStringLiteral("、")));
}

} // namespace huike::ui
