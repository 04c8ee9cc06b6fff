#include "receiptdialog.h"

#include "common/appsession.h"
#include "common/style.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace huike::ui {

ReceiptDialog::ReceiptDialog(AppSession &session, const QString &receiptNo, QWidget *parent)
    : QDialog(parent), m_session(session), m_number(new QLineEdit), m_recent(new QListWidget),
      m_text(new QPlainTextEdit), m_width(new QComboBox)
{
    setWindowTitle(tr("Receipts"));
    resize(820, 640);
    auto *layout = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    m_number->setPlaceholderText(tr("Receipt number, Enter"));
    m_number->setObjectName(QStringLiteral("receiptNumber"));
    left->addWidget(m_number);
    left->addWidget(new QLabel(tr("Recent receipts")));
    left->addWidget(m_recent);
    m_width->addItem(tr("58 mm paper (32 columns)"), 32);
    m_width->addItem(tr("80 mm paper (48 columns)"), 48);
    left->addWidget(m_width);
    QPushButton *close = keyButton(QStringLiteral("Esc"), tr("Close"));
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    left->addWidget(close);
    layout->addLayout(left, 1);

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // A CJK monospace face keeps the columns of Chinese names aligned as on paper.
    for (const QString &f :
         {QStringLiteral("Noto Sans Mono CJK SC"), QStringLiteral("WenQuanYi Zen Hei Mono")})
        if (QFontDatabase::families().contains(f)) {
            mono = QFont(f);
            break;
        }
    mono.setPointSize(11);
    m_text->setFont(mono);
    m_text->setReadOnly(true);
    m_text->setObjectName(QStringLiteral("receiptText"));
    layout->addWidget(m_text, 2);

    for (const QString &no : session.ctx().receipts().recent(100))
        m_recent->addItem(no);
    connect(m_number, &QLineEdit::returnPressed, this, [this] { show(m_number->text()); });
    connect(m_recent, &QListWidget::currentTextChanged, this, &ReceiptDialog::show);
    connect(m_width, &QComboBox::currentIndexChanged, this,
            [this] { show(m_recent->currentItem() ? m_recent->currentItem()->text() : m_number->text()); });
    m_number->installEventFilter(this);
    if (!receiptNo.isEmpty()) {
        m_number->setText(receiptNo);
        show(receiptNo);
    } else if (m_recent->count() > 0) {
        m_recent->setCurrentRow(0);
    }
    m_number->setFocus();
    m_number->selectAll();
}

QString ReceiptDialog::shownText() const
{
    return m_text->toPlainText();
}

void ReceiptDialog::show(const QString &receiptNo)
{
    if (receiptNo.trimmed().isEmpty())
        return;
    auto r = m_session.ctx().receipts().load(receiptNo);
    if (!r) {
        m_text->setPlainText(r.error().message);
        return;
    }
    m_text->setPlainText(m_session.ctx().receipts().render(*r, m_width->currentData().toInt()));
}

} // namespace huike::ui
