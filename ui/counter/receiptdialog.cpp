#include "receiptdialog.h"

#include "common/appsession.h"
#include "common/style.h"
#include "core/phone.h"
#include "devices/printqueue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace huike::ui {

ReceiptDialog::ReceiptDialog(AppSession &session, const QString &receiptNo, QWidget *parent)
    : QDialog(parent), m_session(session), m_number(new QLineEdit), m_day(new QDateEdit), m_anyDay(new QCheckBox),
      m_amount(new QLineEdit), m_member(new QLineEdit), m_tender(new QComboBox), m_list(new QListWidget),
      m_text(new QPlainTextEdit), m_width(new QComboBox), m_printed(new QLabel)
{
    setWindowTitle(tr("Receipts"));
    resize(980, 680);
    auto *layout = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    m_number->setPlaceholderText(tr("Receipt number, or today's last digits; Enter"));
    m_number->setObjectName(QStringLiteral("receiptNumber"));
    left->addWidget(m_number);

    auto *filters = new QFormLayout;
    const QDate today = session.ctx().time().localDate(session.ctx().clock().nowMs());
    m_day->setObjectName(QStringLiteral("receiptDay"));
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_day->setDate(today);
    m_day->setMaximumDate(today);
    m_anyDay->setObjectName(QStringLiteral("receiptAnyDay"));
    m_anyDay->setText(tr("any day"));
    auto *dayRow = new QHBoxLayout;
    dayRow->addWidget(m_day, 1);
    dayRow->addWidget(m_anyDay);
    filters->addRow(tr("Day"), dayRow);
    m_amount->setObjectName(QStringLiteral("receiptAmount"));
    m_amount->setPlaceholderText(tr("total, e.g. 52.90"));
    filters->addRow(tr("Amount"), m_amount);
    m_member->setObjectName(QStringLiteral("receiptMember"));
    m_member->setPlaceholderText(tr("phone digits or name"));
    filters->addRow(tr("Member"), m_member);
    m_tender->setObjectName(QStringLiteral("receiptTender"));
    m_tender->addItem(tr("all tenders"), QString());
    for (const TenderKind &k : tenderKinds())
        m_tender->addItem(tenderLabel(k.tender), k.tender.key());
    filters->addRow(tr("Tender"), m_tender);
    left->addLayout(filters);

    m_list->setObjectName(QStringLiteral("receiptList"));
    left->addWidget(m_list, 1);
    m_width->addItem(tr("58 mm paper (32 columns)"), 32);
    m_width->addItem(tr("80 mm paper (48 columns)"), 48);
    left->addWidget(m_width);
    // The shown receipt on the till's printer: 重印 on it when it came out before.
    QPushButton *print = keyButton(QStringLiteral("Ctrl+P"), tr("Print"));
    print->setObjectName(QStringLiteral("printReceipt"));
    print->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(print, &QPushButton::clicked, this, [this] {
        if (m_shown.isEmpty())
            return;
        auto id = m_session.printer().printReceipt(m_shown);
        m_printed->setText(id ? tr("%1 sent to the printer.").arg(m_shown) : id.error().message);
    });
    m_printed->setObjectName(QStringLiteral("printMessage"));
    m_printed->setWordWrap(true);
    left->addWidget(print);
    left->addWidget(m_printed);
    QPushButton *close = keyButton(QStringLiteral("Esc"), tr("Close"));
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    left->addWidget(close);
    layout->addLayout(left, 4);

    m_text->setFont(receiptFont());
    m_text->setReadOnly(true);
    m_text->setObjectName(QStringLiteral("receiptText"));
    layout->addWidget(m_text, 5);

    connect(m_number, &QLineEdit::returnPressed, this, [this] { show(m_number->text()); });
    connect(m_list, &QListWidget::currentItemChanged, this, [this] { show(current()); });
    connect(m_width, &QComboBox::currentIndexChanged, this,
            [this] { show(current().isEmpty() ? m_number->text() : current()); });
    connect(m_day, &QDateEdit::dateChanged, this, &ReceiptDialog::refill);
    connect(m_anyDay, &QCheckBox::toggled, this, [this](bool any) {
        m_day->setEnabled(!any);
        refill();
    });
    connect(m_amount, &QLineEdit::textChanged, this, &ReceiptDialog::refill);
    connect(m_member, &QLineEdit::textChanged, this, &ReceiptDialog::refill);
    connect(m_tender, &QComboBox::currentIndexChanged, this, &ReceiptDialog::refill);
    m_number->installEventFilter(this);
    refill();
    if (!receiptNo.isEmpty()) {
        m_number->setText(receiptNo);
        show(receiptNo);
    }
    m_number->setFocus();
    m_number->selectAll();
}

QString ReceiptDialog::shownText() const
{
    return m_text->toPlainText();
}

int ReceiptDialog::listedCount() const
{
    return m_list->count();
}

QString ReceiptDialog::current() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
}

void ReceiptDialog::refill()
{
    ReceiptFilter f;
    if (!m_anyDay->isChecked())
        f.day = m_day->date();
    if (const QString a = m_amount->text().trimmed(); !a.isEmpty()) {
        const auto amount = Money::parse(a);
        m_amount->setStyleSheet(amount ? QString() : QStringLiteral("color: #b3261e;"));
        if (!amount)
            return; // half-typed: keep the list as it was
        f.amount = *amount;
    }
    f.member = m_member->text();
    if (const QString key = m_tender->currentData().toString(); !key.isEmpty())
        f.tender = Tender::fromKey(key);
    auto rows = m_session.ctx().receipts().find(f);
    const QSignalBlocker block(m_list);
    m_list->clear();
    if (!rows) {
        m_text->setPlainText(rows.error().message);
        return;
    }
    const ShopTime &time = m_session.ctx().time();
    for (const ReceiptSummary &r : *rows) {
        QStringList tenders;
        for (const Tender &t : r.tenders)
            tenders << tenderLabel(t);
        // With a day chosen its receipts differ only in their last part: show that, and the time.
        const QString number = f.day.isValid() ? r.receiptNo.section(QLatin1Char('-'), -1) : r.receiptNo;
        const QString when = time.local(r.createdAtMs).toString(f.day.isValid() ? QStringLiteral("HH:mm")
                                                                                : QStringLiteral("MM-dd HH:mm"));
        QString text = QStringLiteral("%1  %2  %3  %4")
                           .arg(number, when, r.total.display(), tenders.join(QLatin1Char('+')));
        if (r.kind != QLatin1String("sale"))
            text += QStringLiteral("  [%1]").arg(r.kind == QLatin1String("void") ? tr("void") : tr("refund"));
        if (!r.memberPhone.isEmpty())
            text += QStringLiteral("  %1 %2").arg(r.memberName, maskPhone(r.memberPhone));
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, r.receiptNo);
    }
    if (m_list->count() > 0) {
        m_list->setCurrentRow(0);
        show(current());
    } else {
        m_text->setPlainText(tr("No receipt matches."));
    }
}

bool ReceiptDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down in the number field walk the list, so the keyboard never has to leave it.
    if (watched == m_number && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Up || key == Qt::Key_Down) && m_list->count() > 0) {
            const int row = std::clamp(m_list->currentRow() + (key == Qt::Key_Down ? 1 : -1), 0, m_list->count() - 1);
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ReceiptDialog::show(const QString &receiptNo)
{
    if (receiptNo.trimmed().isEmpty())
        return;
    auto r = m_session.ctx().receipts().load(receiptNo);
    if (!r) {
        m_shown.clear();
        m_text->setPlainText(r.error().message);
        return;
    }
    m_shown = r->receiptNo;
    m_text->setPlainText(m_session.ctx().receipts().render(*r, m_width->currentData().toInt()));
}

} // namespace huike::ui
