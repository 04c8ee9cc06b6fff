#include "refunddialog.h"

#include "common/appsession.h"
#include "common/managerauthdialog.h"
#include "common/style.h"
#include "core/phone.h"
#include "core/uuid.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QShortcut>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

namespace {
enum Col { Name, Sold, Returned, Amount, ToReturn, ColCount };
}

RefundDialog::RefundDialog(AppSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_number(new QLineEdit), m_table(new QTableWidget(0, ColCount)),
      m_reason(new QComboBox), m_payout(new QComboBox), m_total(new QLabel), m_plan(new QLabel),
      m_message(new QLabel), m_uuid(newUuid())
{
    setWindowTitle(tr("Refund"));
    resize(760, 520);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_number->setObjectName(QStringLiteral("refundReceipt"));
    m_number->setPlaceholderText(tr("Scan or type the receipt number, then Enter"));
    form->addRow(tr("Receipt"), m_number);
    layout->addLayout(form);
    m_table->setHorizontalHeaderLabels(
        {tr("Product"), tr("Sold"), tr("Returned"), tr("Paid"), tr("Return now")});
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab goes on to the reason; arrows move between lines
    layout->addWidget(m_table);
    auto *reasonRow = new QFormLayout;
    m_reason->setEditable(true);
    m_reason->setObjectName(QStringLiteral("refundReason"));
    m_reason->addItems({QString(), tr("Customer changed their mind"), tr("Quality problem"),
                        tr("Wrong item or size"), tr("Past its date"), tr("Rung up by mistake")});
    reasonRow->addRow(tr("Reason"), m_reason);
    m_payout->setObjectName(QStringLiteral("refundPayout"));
    m_payout->addItem(tr("Back the way it was paid (原路退回)"), static_cast<int>(Payout::Original));
    m_payout->addItem(tr("All in cash from the drawer"), static_cast<int>(Payout::Cash));
    reasonRow->addRow(tr("F5  Pay back"), m_payout);
    layout->addLayout(reasonRow);
    m_total->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: bold;"));
    layout->addWidget(m_total);
    m_plan->setObjectName(QStringLiteral("refundPlan"));
    m_plan->setWordWrap(true);
    // The plan is what the manager approves: the table gives up height before the plan is clipped.
    m_plan->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_plan->setStyleSheet(QStringLiteral("font-size: 13pt;"));
    layout->addWidget(m_plan);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    QPushButton *ok = keyButton(QStringLiteral("F12"), tr("Refund"));
    ok->setObjectName(QStringLiteral("primary"));
    ok->setShortcut(Qt::Key_F12);
    QPushButton *cancel = keyButton(QStringLiteral("Esc"), tr("Cancel"));
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(ok);
    layout->addLayout(buttons);
    connect(ok, &QPushButton::clicked, this, &RefundDialog::confirm);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_number, &QLineEdit::returnPressed, this, &RefundDialog::load);
    connect(m_table, &QTableWidget::cellChanged, this, &RefundDialog::updateTotal);
    connect(m_payout, &QComboBox::currentIndexChanged, this, &RefundDialog::updateTotal);
    connect(m_reason, &QComboBox::editTextChanged, m_message, &QLabel::clear); // the complaint is answered
    auto *togglePayout = new QShortcut(Qt::Key_F5, this);
    connect(togglePayout, &QShortcut::activated, this,
            [this] { m_payout->setCurrentIndex(1 - m_payout->currentIndex()); });
    m_number->setFocus();
}

void RefundDialog::load()
{
    m_message->clear();
    m_recharge.reset();
    if (loadRecharge())
        return;
    auto sale = m_session.ctx().returns().refundable(m_number->text());
    if (!sale) {
        m_sale.reset();
        m_table->setRowCount(0);
        m_message->setText(sale.error().message);
        return;
    }
    m_sale = *sale;
    QSignalBlocker block(m_table);
    m_table->setRowCount(static_cast<int>(m_sale->lines.size()));
    for (int r = 0; r < m_sale->lines.size(); ++r) {
        const RefundableLine &l = m_sale->lines.at(r);
        auto fixed = [](const QString &s) {
            auto *i = new QTableWidgetItem(s);
            i->setFlags(i->flags() & ~Qt::ItemIsEditable);
            return i;
        };
        m_table->setItem(r, Name, fixed(l.name));
        m_table->setItem(r, Sold, fixed(formatQuantity(l.soldMilli)));
        m_table->setItem(r, Returned, fixed(formatQuantity(l.returnedMilli)));
        m_table->setItem(r, Amount, fixed(l.amount.toString()));
        m_table->setItem(r, ToReturn, new QTableWidgetItem(formatQuantity(l.remainingMilli())));
    }
    updateTotal();
    m_table->setFocus();
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, ToReturn);
}

bool RefundDialog::loadRecharge()
{
    StoredValueService &stored = m_session.ctx().storedValue();
    const auto isRecharge = stored.isRecharge(m_number->text());
    if (!isRecharge || !*isRecharge)
        return false; // not one, or not found: the sale lookup says which
    m_sale.reset();
    QSignalBlocker block(m_table);
    m_table->setRowCount(0);
    auto preview = stored.refundPreview(m_number->text(), payout());
    if (!preview) {
        m_message->setText(preview.error().message);
        updateTotal();
        return true;
    }
    m_recharge = *preview;
    QString who;
    if (auto member = m_session.ctx().members().byId(preview->memberId))
        who = QStringLiteral("%1 %2").arg(member->name, maskPhone(member->phone)).trimmed();
    m_table->setRowCount(1);
    const QStringList cells{tr("Recharge for %1 (bonus left %2)").arg(who, preview->left.bonus.display()), QStringLiteral("1"),
                            (preview->recharged - preview->left.principal).display(), preview->recharged.display(),
                            preview->left.principal.display()};
    for (int c = 0; c < ColCount; ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        item->setFlags(item->flags() & ~Qt::ItemIsEditable); // a recharge is refunded whole or not at all
        m_table->setItem(0, c, item);
    }
    updateTotal();
    m_reason->setFocus();
    return true;
}

QList<RefundLineRequest> RefundDialog::chosenLines(Money *total) const
{
    QList<RefundLineRequest> out;
    *total = Money();
    if (!m_sale)
        return out;
    for (int r = 0; r < m_sale->lines.size(); ++r) {
        const RefundableLine &l = m_sale->lines.at(r);
        const auto q =
            parseQuantity(m_table->item(r, ToReturn) ? m_table->item(r, ToReturn)->text() : QString());
        if (!q || *q <= 0)
            continue;
        out.append(RefundLineRequest{l.lineId, *q});
        *total += l.refundAmount(*q);
    }
    return out;
}

Payout RefundDialog::payout() const
{
    return static_cast<Payout>(m_payout->currentData().toInt());
}

QString RefundDialog::planText(const QList<DocumentPayment> &plan) const
{
    QStringList parts;
    for (const DocumentPayment &p : plan) {
        const QString how = p.tender == Tender::Cash
                                ? tr("from the drawer")
                                : tr("refund it in the %1 merchant app or terminal").arg(tenderLabel(p.tender));
        parts << tr("%1 %2 (%3)").arg(tenderLabel(p.tender), (-p.amount).display(), how);
    }
    return parts.join(QStringLiteral("; "));
}

void RefundDialog::updateTotal()
{
    if (m_recharge) {
        // Pressing F5 changes where the principal goes: ask the engine again, it alone knows.
        if (auto preview = m_session.ctx().storedValue().refundPreview(m_recharge->receiptNo, payout()))
            m_recharge = *preview;
        m_total->setText(tr("To refund: %1 (the recharge's unspent principal)").arg(m_recharge->left.principal.display()));
        m_plan->setText(tr("Pay back: %1").arg(planText(m_recharge->payments)) + QLatin1Char('\n') +
                        tr("The bonus left, %1, is taken back.").arg(m_recharge->left.bonus.display()));
        return;
    }
    Money total;
    const auto lines = chosenLines(&total);
    m_total->setText(tr("To refund: %1 (%2 lines)").arg(total.display()).arg(lines.size()));
    m_plan->clear();
    if (!m_sale || lines.isEmpty())
        return;
    const auto plan = m_session.ctx().returns().payoutPlan(m_sale->receiptNo, lines, payout());
    m_plan->setText(plan ? tr("Pay back: %1").arg(planText(*plan)) : plan.error().message);
}

void RefundDialog::confirm()
{
    m_message->clear();
    // A receipt number typed without Enter is the one meant: load it and let the cashier look.
    if (!m_recharge && (!m_sale || m_number->text().trimmed() != m_sale->receiptNo)) {
        load();
        return;
    }
    // Money paid back must show in a shift report, so a refund needs an open shift.
    const auto shift = m_session.shift();
    if (!shift) {
        m_message->setText(tr("No shift is open on this till: open one (log in again) before refunding."));
        return;
    }
    const QString reason = m_reason->currentText().trimmed();
    if (m_recharge) {
        if (m_number->text().trimmed() != m_recharge->receiptNo) {
            load();
            return;
        }
        if (reason.isEmpty()) {
            m_message->setText(tr("Give a reason for the refund."));
            m_reason->setFocus();
            return;
        }
        confirmRecharge(reason, shift->id);
        return;
    }
    // A quantity still being typed in the table counts: commit the open editor first.
    if (QWidget *editor = m_table->indexWidget(m_table->currentIndex()))
        QMetaObject::invokeMethod(m_table, "commitData", Qt::DirectConnection, Q_ARG(QWidget *, editor));
    Money total;
    const auto lines = chosenLines(&total);
    if (lines.isEmpty()) {
        m_message->setText(tr("Choose at least one line to refund."));
        return;
    }
    if (reason.isEmpty()) {
        m_message->setText(tr("Give a reason for the refund."));
        m_reason->setFocus();
        return;
    }
    auto scope =
        m_session.ctx().returns().approvalScope(QStringLiteral("refund"), m_sale->receiptNo, lines, payout());
    auto plan = m_session.ctx().returns().payoutPlan(m_sale->receiptNo, lines, payout());
    if (!scope || !plan) {
        m_message->setText(!scope ? scope.error().message : plan.error().message);
        return;
    }
    // The manager sees where the money goes: cash instead of WeChat is its own approval.
    const auto approval = ManagerAuthDialog::ask(
        m_session,
        tr("Refund %1 on receipt %2: a manager must approve.").arg(scope->amount.display(), m_sale->receiptNo) +
            QLatin1Char('\n') + tr("Pay back: %1").arg(planText(*plan)),
        *scope, this);
    if (!approval)
        return;
    RefundRequest req{m_uuid,          m_sale->receiptNo, lines, reason, m_session.op().id, approval->token,
                      shift->id,       payout()};
    auto r = m_session.ctx().returns().refund(req);
    if (!r) {
        m_message->setText(r.error().message);
        if (r.error().code != ErrorCode::Storage)
            m_uuid = newUuid(); // a refused refund recorded nothing: a corrected one is a new document
        return;
    }
    m_result = r->receiptNo;
    accept();
}

void RefundDialog::confirmRecharge(const QString &reason, qint64 shiftId)
{
    StoredValueService &stored = m_session.ctx().storedValue();
    auto preview = stored.refundPreview(m_recharge->receiptNo, payout());
    if (!preview) {
        m_message->setText(preview.error().message);
        return;
    }
    const auto approval = ManagerAuthDialog::ask(
        m_session,
        tr("Refund recharge %1, paying back %2: a manager must approve.")
                .arg(preview->receiptNo, preview->left.principal.display()) +
            QLatin1Char('\n') + tr("Pay back: %1").arg(planText(preview->payments)) + QLatin1Char('\n') +
            tr("The bonus left, %1, is taken back.").arg(preview->left.bonus.display()),
        preview->scope, this);
    if (!approval)
        return;
    auto r = stored.refundRecharge(m_uuid, preview->receiptNo, reason, m_session.op().id, approval->token, shiftId,
                                   payout());
    if (!r) {
        m_message->setText(r.error().message);
        if (r.error().code != ErrorCode::Storage)
            m_uuid = newUuid();
        return;
    }
    m_result = r->receiptNo;
    accept();
}

} // namespace huike::ui
