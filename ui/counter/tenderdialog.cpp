#include "tenderdialog.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/inputdialogs.h"
#include "members/storedvalue.h"
#include "common/managerauthdialog.h"
#include "common/style.h"
#include "counter/cartmodel.h"
#include "sales/checkout.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

TenderDialog::TenderDialog(AppSession &session, CartModel &cart, QWidget *parent)
    : QDialog(parent), m_session(session), m_cart(cart), m_due(new QLabel), m_status(new QLabel),
      m_changeLabel(new QLabel), m_message(new QLabel), m_amountLabel(new QLabel), m_amount(new QLineEdit),
      m_reference(new QLineEdit), m_referenceLabel(new QLabel(tr("Payment reference"))),
      m_table(new QTableWidget(0, 3))
{
    setWindowTitle(tr("Take payment"));
    setMinimumWidth(760); // seven tender keys in one row, their labels whole
    auto *layout = new QVBoxLayout(this);
    m_due->setObjectName(QStringLiteral("total"));
    m_due->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_due);

    auto *tenders = new QHBoxLayout;
    const QStringList keys = {QStringLiteral("F1"), QStringLiteral("F2"), QStringLiteral("F3"),
                              QStringLiteral("F4"), QStringLiteral("F5"), QStringLiteral("F6")};
    if (const qint64 member = m_cart.cart().memberId(); member > 0) {
        if (auto rules = loadPointsRules(session.ctx().db()))
            m_pointsRules = *rules;
        if (auto usable = usablePoints(session.ctx().db(), member, session.ctx().clock().nowMs()))
            m_memberPoints = *usable;
        if (auto stored = storedBalance(session.ctx().db(), member))
            m_memberStored = stored->total();
        if (auto pin = memberHasPin(session.ctx().db(), member))
            m_memberHasPin = *pin;
    }
    int i = 0;
    for (const TenderKind &kind : tenderKinds()) {
        if (i >= keys.size())
            break;
        const Tender t = kind.tender;
        QPushButton *b = keyButton(keys.at(i++), tenderLabel(t));
        b->setObjectName(QStringLiteral("tender_") + t.key());
        b->setCheckable(true);
        // Points and the like are paid from the member's own balance: only with a member.
        b->setEnabled(!kind.needsMember || m_cart.cart().memberId() > 0);
        connect(b, &QPushButton::clicked, this, [this, t] { selectTender(t); });
        tenders->addWidget(b);
        m_tenderButtons << b;
    }
    // 计次卡 is not money: it takes the covered units off what is due, before anything is paid.
    m_countCardButton = keyButton(QStringLiteral("F7"), tr("Count card"));
    m_countCardButton->setObjectName(QStringLiteral("useCountCard"));
    m_countCardButton->setEnabled(!memberCards().isEmpty());
    connect(m_countCardButton, &QPushButton::clicked, this, &TenderDialog::useCountCards);
    tenders->addWidget(m_countCardButton);
    layout->addLayout(tenders);

    auto *grid = new QGridLayout;
    m_amount->setObjectName(QStringLiteral("tenderAmount"));
    m_reference->setObjectName(QStringLiteral("tenderReference"));
    m_amount->setStyleSheet(QStringLiteral("font-size: 18pt;"));
    m_amountLabel->setStyleSheet(QStringLiteral("font-weight: bold;"));
    grid->addWidget(m_amountLabel, 0, 0);
    grid->addWidget(m_amount, 0, 1);
    grid->addWidget(m_referenceLabel, 1, 0);
    grid->addWidget(m_reference, 1, 1);
    layout->addLayout(grid);

    m_table->setObjectName(QStringLiteral("takenPayments"));
    m_table->setHorizontalHeaderLabels({tr("Tender"), tr("Amount"), tr("Reference")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setMinimumHeight(110); // three payments stay readable when the change is shown below
    m_table->setMaximumHeight(150);
    layout->addWidget(m_table);
    m_status->setObjectName(QStringLiteral("tenderStatus"));
    m_status->setStyleSheet(QStringLiteral("font-size: 13pt;"));
    layout->addWidget(m_status);
    m_changeLabel->setObjectName(QStringLiteral("change"));
    m_changeLabel->setAlignment(Qt::AlignCenter);
    m_changeLabel->hide();
    layout->addWidget(m_changeLabel);
    m_message->setObjectName(QStringLiteral("tenderMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    m_ok = keyButton(QStringLiteral("Enter"), tr("Take payment"));
    m_ok->setObjectName(QStringLiteral("primary"));
    m_ok->setMinimumWidth(190); // its text changes to 完成结账 once covered: room for both
    QPushButton *del = keyButton(QStringLiteral("Del"), tr("Give a payment back"));
    QPushButton *back = keyButton(QStringLiteral("Esc"), tr("Back to the cart (payments are kept)"));
    connect(m_ok, &QPushButton::clicked, this, [this] { m_covered ? finish() : takePayment(); });
    connect(del, &QPushButton::clicked, this, &TenderDialog::giveBack);
    connect(back, &QPushButton::clicked, this, &QDialog::reject);
    buttons->addWidget(del);
    buttons->addWidget(back);
    buttons->addStretch();
    buttons->addWidget(m_ok);
    layout->addLayout(buttons);

    // Enter in a field is handled here and goes no further: a line edit passes Enter on to its
    // window after returnPressed, and that second Enter must not finish the sale before the cashier
    // has read the change.
    m_amount->installEventFilter(this);
    m_reference->installEventFilter(this);
    selectTender(Tender::Cash);
}

Money TenderDialog::total() const
{
    return m_cart.priced().total;
}

const QList<TakenPayment> &TenderDialog::payments() const
{
    return m_cart.cart().payments();
}

bool TenderDialog::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched != m_amount && watched != m_reference) || event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        if (key->isAutoRepeat())
            return true;
        const TenderKind *kind = tenderKind(m_current);
        // WeChat and Alipay need the reference: Enter on the amount moves there first.
        if (watched == m_amount && kind &&
            (kind->reference == ReferenceRule::Required || kind->reference == ReferenceRule::WalletCode) &&
            m_reference->text().trimmed().isEmpty())
            m_reference->setFocus();
        else
            takePayment();
        return true;
    }
    // Del gives a payment back unless the cashier is editing digits in the amount field.
    if (watched == m_amount && key->key() == Qt::Key_Delete &&
        (m_amount->text().isEmpty() || m_amount->selectedText() == m_amount->text())) {
        giveBack();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void TenderDialog::selectTender(Tender t)
{
    if (m_covered)
        return; // nothing more is taken: Enter finishes, Del gives a payment back
    m_current = t;
    int i = 0;
    for (const TenderKind &each : tenderKinds())
        if (i < m_tenderButtons.size())
            m_tenderButtons.at(i++)->setChecked(each.tender == t);
    const TenderKind *kind = tenderKind(t);
    const bool counted = kind && kind->reference == ReferenceRule::Count;
    const bool needsRef = kind && kind->reference != ReferenceRule::None && !counted;
    m_amountLabel->setText(counted             ? tr("%1 to use (has %2)").arg(tenderLabel(t)).arg(m_memberPoints - pointsTaken())
                           : t == Tender::Stored ? tr("%1 amount (balance %2)").arg(tenderLabel(t), m_memberStored.display())
                                                 : tr("%1 amount").arg(tenderLabel(t)));
    m_reference->setEnabled(needsRef);
    m_referenceLabel->setEnabled(needsRef);
    m_reference->clear();
    m_reference->setPlaceholderText(
        kind && kind->reference == ReferenceRule::Optional ? tr("slip number (optional)")
        : needsRef        ? tr("scan the customer's payment code or type the transaction number")
                          : QString());
    refresh();
    m_amount->setFocus();
    m_amount->selectAll();
}

void TenderDialog::refresh()
{
    const Money paid = sumOf(payments());
    const Money remaining = total() - paid;
    m_due->setText(tr("Due %1").arg(total().display()));
    m_table->setRowCount(static_cast<int>(payments().size()));
    for (int r = 0; r < payments().size(); ++r) {
        const TenderInput &t = payments().at(r).input;
        m_table->setItem(r, 0, new QTableWidgetItem(tenderLabel(t.tender)));
        m_table->setItem(r, 1, new QTableWidgetItem(t.amount.toString()));
        const TenderKind *k = tenderKind(t.tender);
        m_table->setItem(r, 2, new QTableWidgetItem(k && k->reference == ReferenceRule::Count
                                                        ? tr("%1 points").arg(t.reference)
                                                        : t.reference));
    }
    // Covered exactly as the engine will settle it: the same rule decides here and at commit.
    const auto settled = paid >= total() ? settlePayments(total(), tenderInputs(payments()))
                                         : Result<QList<DocumentPayment>>(makeError(ErrorCode::InsufficientFunds, {}));
    m_covered = static_cast<bool>(settled);
    m_change = Money();
    if (settled)
        for (const DocumentPayment &p : *settled)
            m_change += p.change;
    if (m_covered) {
        m_status->setText(tr("Paid %1").arg(paid.display()));
        m_changeLabel->setText(tr("Change %1").arg(m_change.display()));
        if (m_changeLabel->isHidden()) {
            m_changeLabel->show();
            adjustSize(); // grow for the change rather than squeeze the payments
        }
        m_ok->setText(QStringLiteral("Enter  ") + tr("Finish sale"));
        for (QPushButton *b : std::as_const(m_tenderButtons))
            b->setChecked(false);
        m_amount->clear();
        m_amount->setEnabled(false);
        m_reference->setEnabled(false);
        return; // no field has focus now: keys come to the window, and Enter finishes
    }
    m_changeLabel->hide();
    m_ok->setText(QStringLiteral("Enter  ") + tr("Take payment"));
    m_amount->setEnabled(true);
    if (const TenderKind *kind = tenderKind(m_current); kind && kind->reference == ReferenceRule::Count)
        m_amount->setText(QString::number(pointsAllowed()));
    else if (m_current == Tender::Stored)
        m_amount->setText(std::min(storedAllowed(), remaining).toString());
    else
        m_amount->setText((remaining.isNegative() ? Money() : remaining).toString());
    m_amount->selectAll();
    if (!settled && paid >= total() && !payments().isEmpty())
        // The cart shrank after payments were taken: what was paid no longer settles it.
        m_message->setText(tr("%1. Give a payment back (Del).").arg(settled.error().message));
    if (remaining.fen() > 0)
        m_status->setText(tr("Paid %1   Still due %2").arg(paid.display(), remaining.display()));
    else
        m_status->setText(tr("Paid %1").arg(paid.display()));
}

void TenderDialog::takePayment()
{
    if (m_covered) {
        finish();
        return;
    }
    m_message->clear();
    const Money remaining = total() - sumOf(payments());
    const TenderKind *kind = tenderKind(m_current);
    if (kind && kind->reference == ReferenceRule::Count) {
        // Points by how many; the engine takes them off the member's lots when the sale commits.
        bool ok = false;
        const qint64 count = m_amount->text().trimmed().toLongLong(&ok);
        const auto value = ok && count > 0 ? m_pointsRules.valueOf(count) : std::nullopt;
        QString problem;
        if (!value)
            problem = tr("Enter how many points, a whole number.");
        else if (count > pointsAllowed())
            problem = tr("At most %1 points here: the member has %2, points pay at most %3 of a sale and %4 is still "
                         "due.")
                          .arg(pointsAllowed())
                          .arg(m_memberPoints)
                          .arg(m_pointsRules.capText(), remaining.display());
        if (!problem.isEmpty()) {
            m_message->setText(problem);
            m_amount->selectAll();
            return;
        }
        auto taken = m_session.ctx().payments().take(m_cart.cart().heldOrder(), total(),
                                                     TenderInput{m_current, *value, QString::number(count)},
                                                     m_session.op().id);
        if (!taken) {
            m_message->setText(tr("Payment not recorded: %1").arg(taken.error().message));
            return;
        }
        m_cart.addPayment(*taken);
        refresh();
        if (!m_covered)
            selectTender(Tender::Cash);
        return;
    }
    const auto amount = Money::parse(m_amount->text());
    if (!amount || amount->isNegative()) {
        m_message->setText(tr("Enter an amount in yuan, such as 50 or 12.50."));
        m_amount->setFocus();
        m_amount->selectAll();
        return;
    }
    if (amount->isZero()) {
        if (total().isZero()) {
            m_covered = true; // a fully discounted sale: nothing to take
            finish();
        }
        return;
    }
    if (m_current == Tender::Stored) {
        // The engine takes it off the member's recharges when the sale commits; here the cashier
        // hears at once that the balance is short, and the member types their PIN.
        if (*amount > storedAllowed()) {
            m_message->setText(tr("Insufficient balance: the member's stored value is %1 (%2 of it taken for this "
                                  "sale).")
                                   .arg(m_memberStored.display(), (m_memberStored - storedAllowed()).display()));
            m_amount->selectAll();
            return;
        }
        if (!memberPinOk())
            return;
    }
    if (!kind || !kind->givesChange) {
        if (*amount > remaining) {
            m_message->setText(tr("%1 cannot be more than what is still due (%2): no change is given on it.")
                                   .arg(tenderLabel(m_current), remaining.display()));
            m_amount->selectAll();
            return;
        }
        // The engine's rule, asked here so the cashier hears it before the customer walks off.
        if (const QString problem = kind ? referenceProblem(*kind, m_reference->text()) : QString();
            !problem.isEmpty()) {
            m_message->setText(problem);
            m_reference->setFocus();
            m_reference->selectAll();
            return;
        }
    } else if (*amount - remaining > kMaxChange) {
        m_message->setText(
            tr("Change of %1 is more than %2: check the cash amount (was a barcode scanned into it?).")
                .arg((*amount - remaining).display(), kMaxChange.display()));
        m_amount->selectAll();
        return;
    }
    auto taken = m_session.ctx().payments().take(m_cart.cart().heldOrder(), total(),
                                                 TenderInput{m_current, *amount, m_reference->text()},
                                                 m_session.op().id);
    if (!taken) {
        // Not recorded: the cashier must know before the customer leaves.
        m_message->setText(tr("Payment not recorded: %1").arg(taken.error().message));
        return;
    }
    m_cart.addPayment(*taken);
    m_reference->clear();
    refresh();
    if (m_covered && m_change.isZero() && !(m_current == Tender::Cash))
        finish(); // paid exactly by card or wallet: there is nothing to hand over or read out
    else if (!m_covered)
        selectTender(Tender::Cash); // something is still due: cash is the usual second tender
}

void TenderDialog::giveBack()
{
    if (payments().isEmpty())
        return;
    m_message->clear();
    const int row = m_table->currentRow() >= 0 ? m_table->currentRow() : static_cast<int>(payments().size()) - 1;
    const TakenPayment payment = payments().at(row);
    const QString what =
        payment.input.reference.isEmpty()
            ? tenderLabel(payment.input.tender) + QLatin1Char(' ') + payment.input.amount.display()
            : tr("%1 %2 (reference %3)")
                  .arg(tenderLabel(payment.input.tender), payment.input.amount.display(), payment.input.reference);
    const TenderKind *kind = tenderKind(payment.input.tender);
    const QString how = kind && kind->needsMember ? tr("The member's balance is untouched: nothing is taken from it before the sale.")
                        : reversalNeedsManager(payment)
                            ? tr("Refund it to the customer in the %1 merchant app or terminal first.")
                                  .arg(tenderLabel(payment.input.tender))
                            : tr("Hand the cash back to the customer.");
    const auto reason = askText(this, tr("Give a payment back"),
                                tr("Give back %1?\n%2\nReason (required):").arg(what, how));
    if (!reason)
        return;
    QString token;
    if (reversalNeedsManager(payment)) {
        const auto approval = ManagerAuthDialog::ask(
            m_session, tr("Giving back %1 needs a manager.").arg(what),
            ApprovalScope{kApprovePaymentReversal, QString::number(payment.id), payment.input.amount}, this);
        if (!approval)
            return;
        token = approval->token;
    }
    if (auto st = m_session.ctx().payments().reverse(payment, *reason, m_session.op().id, token); !st) {
        m_message->setText(st.error().message);
        return;
    }
    m_cart.removePayment(payment.id);
    m_covered = false;
    m_table->clearSelection();
    m_table->setCurrentCell(-1, -1);
    selectTender(m_current);
    m_message->setText(tr("%1 given back.").arg(what));
}

Money TenderDialog::storedAllowed() const
{
    Money taken;
    for (const TakenPayment &p : payments())
        if (p.input.tender == Tender::Stored)
            taken += p.input.amount;
    return std::max(Money(), m_memberStored - taken);
}

bool TenderDialog::memberPinOk()
{
    if (!m_memberHasPin || !m_cart.cart().memberPin().isEmpty())
        return true;
    const auto pin = askSecret(this, tr("Member PIN"), tr("The member pays with stored value: ask them to type their PIN."));
    if (!pin)
        return false;
    if (auto st = checkMemberPin(m_session.ctx().db(), m_cart.cart().memberId(), *pin); !st) {
        m_message->setText(st.error().message);
        return false;
    }
    m_cart.setMemberPin(*pin);
    return true;
}

qint64 TenderDialog::pointsTaken() const
{
    qint64 taken = 0;
    for (const TakenPayment &p : payments())
        if (p.input.tender == Tender::Points)
            taken += p.input.reference.toLongLong();
    return taken;
}

qint64 TenderDialog::pointsAllowed() const
{
    Money takenValue;
    for (const TakenPayment &p : payments())
        if (p.input.tender == Tender::Points)
            takenValue += p.input.amount;
    const Money cap = total().timesPermille(m_pointsRules.redeemCapPermille) - takenValue;
    const Money room = std::min(cap, total() - sumOf(payments()));
    qint64 most = std::max<qint64>(0, m_memberPoints - pointsTaken());
    // The most whole points whose value still fits: counted down from what the value allows.
    if (m_pointsRules.redeemValue.fen() > 0)
        most = std::min<qint64>(most, room.fen() * m_pointsRules.redeemPoints / m_pointsRules.redeemValue.fen());
    while (most > 0 && !m_pointsRules.valueOf(most))
        --most;
    return std::max<qint64>(0, most);
}

QList<CountCard> TenderDialog::memberCards() const
{
    const qint64 member = m_cart.cart().memberId();
    if (member <= 0)
        return {};
    auto cards =
        usableCountCards(m_session.ctx().db(), member, m_session.ctx().clock().nowMs(), m_session.ctx().time());
    return cards ? *cards : QList<CountCard>{};
}

void TenderDialog::useCountCards()
{
    m_message->clear();
    if (m_cart.cart().memberId() <= 0) {
        m_message->setText(tr("Count cards are the member's: attach the member first (Ctrl+M)."));
        return;
    }
    if (m_covered)
        return;
    const QList<CountCard> cards = memberCards();
    if (cards.isEmpty()) {
        m_message->setText(tr("The member has no count card that can be used today."));
        return;
    }
    QStringList used;
    for (const CountCard &card : cards) {
        auto covered = m_cart.useCountCard(card, m_session.ctx().clock().nowMs(), m_session.ctx().time());
        if (covered) {
            used << tr("%1 x%2").arg(card.planName).arg(*covered);
            continue;
        }
        if (covered.error().code == ErrorCode::Conflict) { // payments are taken: nothing may change now
            m_message->setText(covered.error().message);
            return;
        }
    }
    if (used.isEmpty()) {
        const auto &lines = m_cart.cart().lines();
        const bool already =
            std::any_of(lines.cbegin(), lines.cend(), [](const CartLine &l) { return l.countCardId > 0; });
        m_message->setText(already ? tr("The count cards already cover all they can in this cart.")
                                   : tr("None of the member's count cards covers anything in this cart."));
        return;
    }
    selectTender(m_current);
    m_status->setText(m_status->text() + QLatin1Char('\n') + tr("Count card used: %1").arg(used.join(tr(", "))));
}

void TenderDialog::finish()
{
    if (m_covered)
        accept();
}

void TenderDialog::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_F1:
        selectTender(Tender::Cash);
        return;
    case Qt::Key_F2:
        selectTender(Tender::Card);
        return;
    case Qt::Key_F3:
        selectTender(Tender::WeChat);
        return;
    case Qt::Key_F4:
        selectTender(Tender::Alipay);
        return;
    case Qt::Key_F5:
        if (m_cart.cart().memberId() > 0)
            selectTender(Tender::Points);
        else
            m_message->setText(tr("Points are paid from a member's balance: attach the member first (Ctrl+M)."));
        return;
    case Qt::Key_F6:
        if (m_cart.cart().memberId() > 0)
            selectTender(Tender::Stored);
        else
            m_message->setText(tr("Stored value is the member's: attach the member first (Ctrl+M)."));
        return;
    case Qt::Key_F7:
        useCountCards();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // Once covered, Enter finishes (the fields handle their own Enter while taking).
        if (m_covered && !event->isAutoRepeat())
            finish();
        return;
    case Qt::Key_Delete:
        giveBack();
        return;
    default:
        QDialog::keyPressEvent(event);
    }
}

} // namespace huike::ui
