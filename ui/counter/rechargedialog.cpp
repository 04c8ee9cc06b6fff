#include "rechargedialog.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/managerauthdialog.h"
#include "common/style.h"
#include "core/phone.h"
#include "core/uuid.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace huike::ui {

namespace {

// The money tenders a recharge is paid with: never the member's own balances.
const QList<Tender> &rechargeTenders()
{
    static const QList<Tender> t = {Tender::Cash, Tender::Card, Tender::WeChat, Tender::Alipay};
    return t;
}

// 充500送50 as the shop's posters say it: whole yuan without the fen.
QString posterAmount(Money m)
{
    return m.fen() % 100 == 0 ? QString::number(m.fen() / 100) : m.toString();
}

} // namespace

RechargeDialog::RechargeDialog(AppSession &session, const Member &member, QWidget *parent)
    : QDialog(parent), m_session(session), m_member(member), m_uuid(newUuid()), m_amount(new QLineEdit),
      m_reference(new QLineEdit), m_preview(new QLabel), m_message(new QLabel)
{
    setWindowTitle(tr("Recharge stored value"));
    setMinimumWidth(560);
    if (auto rules = loadRechargeBonusRules(session.ctx().db()))
        m_bonus = *rules;
    auto *layout = new QVBoxLayout(this);
    auto *who = new QLabel(tr("%1  %2\nStored value %3 (bonus %4)")
                               .arg(member.name, maskPhone(member.phone), (member.principal + member.bonus).display(),
                                    member.bonus.display()));
    who->setObjectName(QStringLiteral("rechargeMember"));
    who->setStyleSheet(QStringLiteral("font-size: 13pt;"));
    layout->addWidget(who);

    // The shop's tiers, each one key: the amount that earns it.
    auto *tiers = new QHBoxLayout;
    int n = 0;
    for (const RechargeTier &t : m_bonus.tiers) {
        if (++n > 9)
            break;
        QPushButton *b = keyButton(QStringLiteral("Ctrl+%1").arg(n),
                                   tr("Recharge %1, bonus %2").arg(posterAmount(t.minimum), posterAmount(t.bonus)));
        b->setObjectName(QStringLiteral("rechargeTier%1").arg(n));
        connect(b, &QPushButton::clicked, this, [this, amount = t.minimum] {
            m_amount->setText(amount.toString());
            m_amount->setFocus();
            m_amount->selectAll();
        });
        tiers->addWidget(b);
    }
    tiers->addStretch();
    layout->addLayout(tiers);

    auto *form = new QFormLayout;
    m_amount->setObjectName(QStringLiteral("rechargeAmount"));
    m_amount->setStyleSheet(QStringLiteral("font-size: 18pt;"));
    m_amount->setPlaceholderText(tr("amount in yuan"));
    form->addRow(tr("Amount"), m_amount);
    m_reference->setObjectName(QStringLiteral("rechargeReference"));
    form->addRow(tr("Payment reference"), m_reference);
    layout->addLayout(form);

    auto *tenders = new QHBoxLayout;
    const QStringList keys = {QStringLiteral("F1"), QStringLiteral("F2"), QStringLiteral("F3"), QStringLiteral("F4")};
    for (int i = 0; i < rechargeTenders().size(); ++i) {
        const Tender t = rechargeTenders().at(i);
        QPushButton *b = keyButton(keys.at(i), tenderLabel(t));
        b->setCheckable(true);
        b->setObjectName(QStringLiteral("rechargeTender_") + t.key());
        connect(b, &QPushButton::clicked, this, [this, t] { selectTender(t); });
        tenders->addWidget(b);
        m_tenderButtons << b;
    }
    layout->addLayout(tenders);

    m_preview->setObjectName(QStringLiteral("rechargePreview"));
    m_preview->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: bold;"));
    layout->addWidget(m_preview);
    m_message->setObjectName(QStringLiteral("rechargeMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    QPushButton *cancel = keyButton(QStringLiteral("Esc"), tr("Cancel"));
    QPushButton *ok = keyButton(QStringLiteral("Enter"), tr("Recharge"));
    ok->setObjectName(QStringLiteral("primary"));
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(ok);
    layout->addLayout(buttons);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(ok, &QPushButton::clicked, this, &RechargeDialog::commit);
    connect(m_amount, &QLineEdit::textChanged, this, &RechargeDialog::refresh);
    connect(m_amount, &QLineEdit::returnPressed, this, [this] {
        const TenderKind *k = tenderKind(m_tender);
        if (k && k->reference == ReferenceRule::WalletCode && m_reference->text().trimmed().isEmpty())
            m_reference->setFocus(); // WeChat and Alipay: scan the customer's code next
        else
            commit();
    });
    connect(m_reference, &QLineEdit::returnPressed, this, &RechargeDialog::commit);
    selectTender(Tender::Cash);
    m_amount->setFocus();
}

void RechargeDialog::selectTender(Tender t)
{
    m_tender = t;
    for (int i = 0; i < rechargeTenders().size(); ++i)
        m_tenderButtons.at(i)->setChecked(rechargeTenders().at(i) == t);
    const TenderKind *k = tenderKind(t);
    const bool ref = k && k->reference != ReferenceRule::None;
    m_reference->setEnabled(ref);
    m_reference->setPlaceholderText(k && k->reference == ReferenceRule::WalletCode
                                        ? tr("scan the customer's payment code or type the transaction number")
                                    : ref ? tr("slip number (optional)")
                                          : QString());
    if (!ref)
        m_reference->clear();
    refresh();
}

void RechargeDialog::refresh()
{
    m_message->clear(); // what was said is about the amount as it was
    const auto amount = Money::parse(m_amount->text().trimmed());
    if (!amount || amount->fen() <= 0) {
        m_preview->setText(tr("Type the amount, or pick a tier (Ctrl+1 ...)."));
        return;
    }
    const Money bonus = m_bonus.bonusFor(*amount);
    const Money after = m_member.principal + m_member.bonus + *amount + bonus;
    m_preview->setText(bonus.isZero() ? tr("Pay %1 by %2 · stored value after %3")
                                            .arg(amount->display(), tenderLabel(m_tender), after.display())
                                      : tr("Pay %1 by %2 · bonus %3 · stored value after %4")
                                            .arg(amount->display(), tenderLabel(m_tender), bonus.display(),
                                                 after.display()));
}

void RechargeDialog::commit()
{
    m_message->clear();
    const auto amount = Money::parse(m_amount->text().trimmed());
    if (!amount || amount->fen() <= 0) {
        m_message->setText(tr("Enter an amount in yuan, such as 500."));
        m_amount->setFocus();
        return;
    }
    const auto shift = m_session.shift();
    if (!shift) {
        m_message->setText(tr("No shift is open on this till: log in again to open one."));
        return;
    }
    const TenderKind *kind = tenderKind(m_tender);
    if (const QString problem = kind ? referenceProblem(*kind, m_reference->text()) : QString(); !problem.isEmpty()) {
        m_message->setText(problem);
        m_reference->setFocus();
        m_reference->selectAll();
        return;
    }
    StoredValueService &sv = m_session.ctx().storedValue();
    RechargeRequest r;
    r.uuid = m_uuid;
    r.memberId = m_member.id;
    r.amount = *amount;
    r.tenders = {TenderInput{m_tender, *amount, m_reference->text()}};
    r.operatorId = m_session.op().id;
    r.shiftId = shift->id;
    if (sv.needsManager(*amount)) {
        const auto approval = ManagerAuthDialog::ask(
            m_session,
            tr("A recharge of %1 is above %2: a manager must approve (大额充值授权).")
                .arg(amount->display(), sv.approvalLimit().display()),
            StoredValueService::rechargeScope(m_member.id, *amount), this);
        if (!approval)
            return;
        r.approvalToken = approval->token;
    }
    auto done = sv.recharge(r);
    if (!done) {
        // Nothing was recorded: the same id again makes one recharge, never two.
        m_message->setText(tr("Not recorded: %1").arg(done.error().message));
        return;
    }
    m_result = *done;
    accept();
}

void RechargeDialog::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key >= Qt::Key_F1 && key <= Qt::Key_F4) {
        selectTender(rechargeTenders().at(key - Qt::Key_F1));
        return;
    }
    if ((event->modifiers() & Qt::ControlModifier) && key >= Qt::Key_1 && key <= Qt::Key_9) {
        const int i = key - Qt::Key_1;
        if (i < m_bonus.tiers.size()) {
            m_amount->setText(m_bonus.tiers.at(i).minimum.toString());
            m_amount->setFocus();
            m_amount->selectAll();
        }
        return;
    }
    if (key == Qt::Key_Return || key == Qt::Key_Enter)
        return; // the fields' own Enter commits; a stray one must not close the window
    QDialog::keyPressEvent(event);
}

} // namespace huike::ui
