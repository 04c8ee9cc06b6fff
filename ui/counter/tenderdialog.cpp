#include "tenderdialog.h"

#include "common/style.h"
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

TenderDialog::TenderDialog(Money total, QWidget *parent)
    : QDialog(parent), m_total(total), m_due(new QLabel), m_status(new QLabel), m_message(new QLabel),
      m_amount(new QLineEdit), m_reference(new QLineEdit),
      m_referenceLabel(new QLabel(tr("Payment reference"))), m_table(new QTableWidget(0, 3))
{
    setWindowTitle(tr("Take payment"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    m_due->setObjectName(QStringLiteral("total"));
    m_due->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_due);

    auto *tenders = new QHBoxLayout;
    const QStringList keys = {QStringLiteral("F1"), QStringLiteral("F2"), QStringLiteral("F3"),
                              QStringLiteral("F4")};
    int i = 0;
    for (const TenderKind &kind : tenderKinds()) {
        if (i >= keys.size())
            break;
        const Tender t = kind.tender;
        QPushButton *b = keyButton(keys.at(i++), tenderLabel(t));
        b->setCheckable(true);
        connect(b, &QPushButton::clicked, this, [this, t] { selectTender(t); });
        tenders->addWidget(b);
        m_tenderButtons << b;
    }
    layout->addLayout(tenders);

    auto *grid = new QGridLayout;
    m_amount->setObjectName(QStringLiteral("tenderAmount"));
    m_reference->setObjectName(QStringLiteral("tenderReference"));
    m_amount->setStyleSheet(QStringLiteral("font-size: 18pt;"));
    grid->addWidget(new QLabel(tr("Amount")), 0, 0);
    grid->addWidget(m_amount, 0, 1);
    grid->addWidget(m_referenceLabel, 1, 0);
    grid->addWidget(m_reference, 1, 1);
    layout->addLayout(grid);

    m_table->setHorizontalHeaderLabels({tr("Tender"), tr("Amount"), tr("Reference")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setMaximumHeight(150);
    layout->addWidget(m_table);
    m_status->setStyleSheet(QStringLiteral("font-size: 13pt;"));
    layout->addWidget(m_status);
    m_message->setObjectName(QStringLiteral("tenderMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    QPushButton *ok = keyButton(QStringLiteral("Enter"), tr("Take payment"));
    ok->setObjectName(QStringLiteral("primary"));
    QPushButton *del = keyButton(QStringLiteral("Del"), tr("Remove last payment"));
    QPushButton *cancel = keyButton(QStringLiteral("Esc"), tr("Back to the cart"));
    connect(ok, &QPushButton::clicked, this, &TenderDialog::takePayment);
    connect(del, &QPushButton::clicked, this, &TenderDialog::removeLast);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    buttons->addWidget(del);
    buttons->addWidget(cancel);
    buttons->addStretch();
    buttons->addWidget(ok);
    layout->addLayout(buttons);

    connect(m_amount, &QLineEdit::returnPressed, this, [this] {
        if (const TenderKind *kind = tenderKind(m_current);
            kind && (kind->reference == ReferenceRule::Required || kind->reference == ReferenceRule::WalletCode)) {
            if (m_reference->text().trimmed().isEmpty()) {
                m_reference->setFocus();
                return;
            }
        }
        takePayment();
    });
    connect(m_reference, &QLineEdit::returnPressed, this, &TenderDialog::takePayment);
    m_amount->installEventFilter(this);
    selectTender(Tender::Cash);
}

bool TenderDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Del removes the last payment unless the cashier is editing digits in the amount field.
    if (watched == m_amount && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete &&
        (m_amount->text().isEmpty() || m_amount->selectedText() == m_amount->text())) {
        removeLast();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

Money TenderDialog::paid() const
{
    Money m;
    for (const TenderInput &t : m_tenders)
        m += t.amount;
    return m;
}

Money TenderDialog::nonCash() const
{
    Money m;
    for (const TenderInput &t : m_tenders)
        if (t.tender != Tender::Cash)
            m += t.amount;
    return m;
}

void TenderDialog::selectTender(Tender t)
{
    m_current = t;
    int i = 0;
    for (const TenderKind &each : tenderKinds())
        if (i < m_tenderButtons.size())
            m_tenderButtons.at(i++)->setChecked(each.tender == t);
    const TenderKind *kind = tenderKind(t);
    const bool needsRef = kind && kind->reference != ReferenceRule::None;
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
    const Money remaining = m_total - paid();
    m_due->setText(tr("Due %1").arg(m_total.display()));
    m_amount->setText((remaining.isNegative() ? Money() : remaining).toString());
    m_amount->selectAll();
    m_table->setRowCount(static_cast<int>(m_tenders.size()));
    for (int r = 0; r < m_tenders.size(); ++r) {
        const TenderInput &t = m_tenders.at(r);
        m_table->setItem(r, 0, new QTableWidgetItem(tenderLabel(t.tender)));
        m_table->setItem(r, 1, new QTableWidgetItem(t.amount.toString()));
        m_table->setItem(r, 2, new QTableWidgetItem(t.reference));
    }
    if (remaining.fen() > 0)
        m_status->setText(tr("Paid %1   Still due %2").arg(paid().display(), remaining.display()));
    else
        m_status->setText(tr("Paid %1   Change %2").arg(paid().display(), (-remaining).display()));
}

void TenderDialog::takePayment()
{
    m_message->clear();
    const Money remaining = m_total - paid();
    const TenderKind *kind = tenderKind(m_current);
    const auto amount = Money::parse(m_amount->text());
    if (!amount || amount->isNegative()) {
        m_message->setText(tr("Enter an amount in yuan, such as 50 or 12.50."));
        m_amount->setFocus();
        m_amount->selectAll();
        return;
    }
    if (amount->isZero()) {
        if (remaining.fen() <= 0 && !m_tenders.isEmpty())
            accept();
        else if (m_total.isZero())
            accept(); // a fully discounted sale: nothing to take
        return;
    }
    if (m_current != Tender::Cash) {
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
    }
    if (m_current == Tender::Cash && *amount - remaining > kMaxChange) {
        m_message->setText(
            tr("Change of %1 is more than %2: check the cash amount (was a barcode scanned into it?).")
                .arg((*amount - remaining).display(), kMaxChange.display()));
        m_amount->selectAll();
        return;
    }
    m_tenders.append(TenderInput{m_current, *amount,
                                 kind ? normalizedReference(*kind, m_reference->text()) : m_reference->text().trimmed()});
    m_reference->clear();
    if (paid() >= m_total) {
        refresh();
        accept();
        return;
    }
    // Something is still due: carry on with cash by default (the usual second tender).
    selectTender(Tender::Cash);
}

void TenderDialog::removeLast()
{
    if (!m_tenders.isEmpty())
        m_tenders.removeLast();
    refresh();
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
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return; // the fields' returnPressed already acted; no default button to click twice
    case Qt::Key_Delete:
        removeLast();
        return;
    default:
        QDialog::keyPressEvent(event);
    }
}

} // namespace huike::ui
