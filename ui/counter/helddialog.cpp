#include "helddialog.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/style.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

HeldDialog::HeldDialog(AppSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_table(new QTableWidget(0, 6))
{
    setWindowTitle(tr("Recall a held order"));
    resize(640, 380);
    auto *layout = new QVBoxLayout(this);
    setUpPickList(m_table, {tr("Held at"), tr("Note"), tr("Items"), tr("Total"), tr("Paid"), tr("Cashier")});
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch); // the note
    layout->addWidget(m_table);
    auto *buttons = new QHBoxLayout;
    QPushButton *recall = keyButton(QStringLiteral("Enter"), tr("Recall"));
    recall->setObjectName(QStringLiteral("primary"));
    QPushButton *cancelOrder = keyButton(QStringLiteral("Del"), tr("Discard the held order"));
    QPushButton *close = keyButton(QStringLiteral("Esc"), tr("Close"));
    buttons->addWidget(cancelOrder);
    buttons->addStretch();
    buttons->addWidget(close);
    buttons->addWidget(recall);
    layout->addLayout(buttons);
    connect(recall, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0 && row < m_orders.size()) {
            m_chosen = m_orders.at(row).id;
            accept();
        }
    });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(cancelOrder, &QPushButton::clicked, this, &HeldDialog::discardSelected);
    reload();
    m_table->setFocus();
}

void HeldDialog::reload()
{
    m_orders = m_session.ctx().heldOrders().list();
    m_table->setRowCount(static_cast<int>(m_orders.size()));
    for (int r = 0; r < m_orders.size(); ++r) {
        const HeldOrder &o = m_orders.at(r);
        m_table->setItem(
            r, 0,
            new QTableWidgetItem(
                m_session.ctx().time().local(o.createdAtMs).toString(QStringLiteral("MM-dd HH:mm"))));
        m_table->setItem(r, 1, new QTableWidgetItem(o.label));
        m_table->setItem(r, 2, new QTableWidgetItem(QString::number(o.lineCount)));
        m_table->setItem(r, 3, new QTableWidgetItem(o.total.toString()));
        m_table->setItem(r, 4, new QTableWidgetItem(o.paid.isZero() ? QString() : o.paid.toString()));
        m_table->setItem(r, 5, new QTableWidgetItem(o.operatorName));
    }
    m_table->resizeColumnToContents(0);
    if (!m_orders.isEmpty())
        m_table->selectRow(static_cast<int>(m_orders.size()) - 1);
}

void HeldDialog::discardSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_orders.size())
        return;
    if (MessageBox::question(this, windowTitle(),
                              tr("Discard this held order? The goods go back to the shelf."),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    if (auto st = m_session.ctx().heldOrders().cancel(m_orders.at(row).id, m_session.op().id); !st)
        MessageBox::warning(this, windowTitle(), st.error().message);
    reload();
}

void HeldDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete) {
        discardSelected();
        return;
    }
    const int row = m_table->currentRow();
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && row >= 0 &&
        row < m_orders.size()) {
        m_chosen = m_orders.at(row).id;
        accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

} // namespace huike::ui
