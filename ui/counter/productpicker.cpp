#include "productpicker.h"

#include "common/appsession.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

ProductPicker::ProductPicker(AppSession &session, const QString &text, QWidget *parent)
    : QDialog(parent), m_session(session), m_query(new QLineEdit(text)), m_table(new QTableWidget(0, 5))
{
    setWindowTitle(tr("Find a product"));
    resize(720, 460);
    auto *layout = new QVBoxLayout(this);
    m_query->setPlaceholderText(tr("Name, pinyin initials (e.g. kkkl) or code"));
    m_query->setObjectName(QStringLiteral("pickerQuery"));
    layout->addWidget(m_query);
    m_table->setHorizontalHeaderLabels({tr("Code"), tr("Product"), tr("Price"), tr("Stock"), tr("Category")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_table);
    layout->addWidget(new QLabel(tr("Up/Down to choose, Enter to add, Esc to go back")));
    connect(m_query, &QLineEdit::textChanged, this, &ProductPicker::search);
    connect(m_query, &QLineEdit::returnPressed, this, &ProductPicker::choose);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &ProductPicker::choose);
    m_query->installEventFilter(this);
    search();
}

void ProductPicker::search()
{
    ProductQuery q;
    q.text = m_query->text();
    q.limit = 100;
    m_found = m_session.ctx().catalog().search(q);
    m_table->setRowCount(static_cast<int>(m_found.size()));
    for (int r = 0; r < m_found.size(); ++r) {
        const Product &p = m_found.at(r);
        m_table->setItem(r, 0, new QTableWidgetItem(p.code));
        m_table->setItem(r, 1, new QTableWidgetItem(p.name));
        m_table->setItem(r, 2, new QTableWidgetItem(p.price.toString()));
        m_table->setItem(r, 3, new QTableWidgetItem(formatQuantity(p.stockMilli)));
        m_table->setItem(r, 4, new QTableWidgetItem(p.categoryName));
    }
    if (!m_found.isEmpty())
        m_table->selectRow(0);
}

void ProductPicker::choose()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_found.size())
        return;
    m_chosen = m_found.at(row);
    accept();
}

bool ProductPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            const int step = key == Qt::Key_Up       ? -1
                             : key == Qt::Key_Down   ? 1
                             : key == Qt::Key_PageUp ? -10
                                                     : 10;
            const int row = std::clamp(m_table->currentRow() + step, 0, std::max(0, m_table->rowCount() - 1));
            m_table->selectRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace huike::ui
