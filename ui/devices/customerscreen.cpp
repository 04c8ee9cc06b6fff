#include "customerscreen.h"

#include "counter/cartmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace huike::ui {

CustomerScreen::CustomerScreen(CartModel &cart, const QString &message, QWidget *parent)
    : QWidget(parent, Qt::Window), m_lines(new QTableView), m_caption(new QLabel), m_big(new QLabel),
      m_message(new QLabel(message))
{
    setObjectName(QStringLiteral("customerScreen"));
    setWindowTitle(tr("Customer screen"));
    setStyleSheet(QStringLiteral("QWidget#customerScreen { background: #10243e; } QLabel { color: white; }"));
    auto *layout = new QVBoxLayout(this);
    m_message->setObjectName(QStringLiteral("customerMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setStyleSheet(QStringLiteral("font-size: 40px; font-weight: bold;"));
    layout->addWidget(m_message);
    m_lines->setModel(&cart);
    for (int c = 0; c < CartModel::ColumnCount; ++c)
        m_lines->setColumnHidden(c, c != CartModel::Name && c != CartModel::Quantity && c != CartModel::Amount);
    m_lines->horizontalHeader()->setSectionResizeMode(CartModel::Name, QHeaderView::Stretch);
    m_lines->verticalHeader()->hide();
    m_lines->setSelectionMode(QAbstractItemView::NoSelection);
    m_lines->setFocusPolicy(Qt::NoFocus);
    m_lines->setStyleSheet(QStringLiteral("font-size: 22px;"));
    layout->addWidget(m_lines, 1);
    m_caption->setAlignment(Qt::AlignRight);
    m_caption->setStyleSheet(QStringLiteral("font-size: 28px;"));
    m_big->setObjectName(QStringLiteral("customerBig"));
    m_big->setAlignment(Qt::AlignRight);
    m_big->setStyleSheet(QStringLiteral("font-size: 72px; font-weight: bold; color: #ffd54a;"));
    layout->addWidget(m_caption);
    layout->addWidget(m_big);
}

void CustomerScreen::setMessage(const QString &message)
{
    m_message->setText(message);
}

void CustomerScreen::showFor(const DisplayShow &s)
{
    switch (s.what) {
    case DisplayShow::What::Welcome:
        m_caption->clear();
        m_big->clear();
        return;
    case DisplayShow::What::Price:
        m_caption->setText(tr("%1  %2 · Total").arg(s.label, s.amount.display()));
        m_big->setText(s.total.display());
        return;
    case DisplayShow::What::Total:
        m_caption->setText(tr("Total"));
        break;
    case DisplayShow::What::Paid:
        m_caption->setText(tr("Paid"));
        break;
    case DisplayShow::What::Change:
        m_caption->setText(tr("Change"));
        break;
    }
    m_big->setText(s.amount.display());
}

QString CustomerScreen::bigText() const
{
    return m_caption->text() + QLatin1Char(' ') + m_big->text();
}

} // namespace huike::ui
