#include "giftdialog.h"

#include "common/appsession.h"
#include "common/style.h"
#include "core/phone.h"
#include "members/earnings.h"
#include "members/points.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

GiftDialog::GiftDialog(AppSession &session, const Member &member, QWidget *parent)
    : QDialog(parent), m_session(session), m_member(member), m_table(new QTableWidget(0, 3)),
      m_quantity(new QSpinBox), m_message(new QLabel)
{
    setWindowTitle(tr("Gifts for points"));
    resize(620, 420);
    auto *layout = new QVBoxLayout(this);
    auto usable = usablePoints(session.ctx().db(), member.id, session.ctx().clock().nowMs());
    auto *who = new QLabel(tr("%1  %2: %3 points").arg(member.name, maskPhone(member.phone)).arg(usable ? *usable : 0));
    who->setObjectName(QStringLiteral("giftMember"));
    who->setStyleSheet(QStringLiteral("font-size: 14pt;"));
    layout->addWidget(who);
    m_table->setObjectName(QStringLiteral("gifts"));
    m_table->setHorizontalHeaderLabels({tr("Gift"), tr("Points"), tr("In stock")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
    auto list = gifts(session.ctx().db(), true);
    if (list)
        m_gifts = *list;
    for (const Gift &g : m_gifts) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(g.name));
        m_table->setItem(row, 1, new QTableWidgetItem(QString::number(g.points)));
        m_table->setItem(row, 2, new QTableWidgetItem(QString::number(g.stock)));
    }
    if (!m_gifts.isEmpty())
        m_table->selectRow(0);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    if (!list)
        m_message->setText(list.error().message);
    else if (m_gifts.isEmpty())
        m_message->setText(tr("No gifts are on offer: a manager adds them in System > Member programme."));
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Quantity")));
    m_quantity->setRange(1, 99);
    buttons->addWidget(m_quantity);
    buttons->addStretch();
    QPushButton *close = keyButton(QStringLiteral("Esc"), tr("Close"));
    QPushButton *ok = keyButton(QStringLiteral("Enter"), tr("Redeem"));
    ok->setObjectName(QStringLiteral("primary"));
    ok->setEnabled(!m_gifts.isEmpty());
    buttons->addWidget(close);
    buttons->addWidget(ok);
    layout->addLayout(buttons);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(ok, &QPushButton::clicked, this, &GiftDialog::redeem);
}

void GiftDialog::redeem()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_gifts.size())
        return;
    const LedgerContext where = m_session.ledgerContext();
    auto done = redeemGift(m_session.ctx().db(), where, m_member.id, m_gifts.at(row).id, m_quantity->value());
    if (!done) {
        m_message->setText(done.error().message);
        return;
    }
    m_done = *done;
    accept();
}

void GiftDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        redeem();
        return;
    }
    QDialog::keyPressEvent(event);
}

} // namespace huike::ui
