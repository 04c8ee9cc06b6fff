#include "productswidget.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/inputdialogs.h"
#include "common/style.h"
#include "products/importpreviewdialog.h"
#include "products/producteditdialog.h"
#include "products/productmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace huike::ui {

ProductsWidget::ProductsWidget(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new ProductModel(session.ctx().catalog(), this)),
      m_search(new QLineEdit), m_category(new QComboBox), m_inactive(new QCheckBox(tr("Show deactivated"))),
      m_count(new QLabel), m_table(new QTableView)
{
    auto *root = new QVBoxLayout(this);
    auto *filters = new QHBoxLayout;
    m_search->setPlaceholderText(tr("Search by name, pinyin initials, code or barcode"));
    m_search->setObjectName(QStringLiteral("productSearch"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_search, 3);
    filters->addWidget(m_category, 1);
    filters->addWidget(m_inactive);
    filters->addWidget(m_count);
    root->addLayout(filters);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ProductModel::Name, QHeaderView::Stretch);
    m_table->setColumnWidth(ProductModel::Barcode, 140);
    root->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    struct B {
        QString key;
        QString label;
        void (ProductsWidget::*slot)();
        bool manager;
    };
    for (const B &b :
         {B{QStringLiteral("Ins"), tr("New product"), &ProductsWidget::addProduct, true},
          B{QStringLiteral("Enter"), tr("Edit"), &ProductsWidget::editProduct, true},
          B{QStringLiteral("Del"), tr("Deactivate / activate"), &ProductsWidget::toggleActive, true},
          B{QStringLiteral("Ctrl+K"), tr("Adjust stock"), &ProductsWidget::adjustStock, true},
          B{QStringLiteral("Ctrl+I"), tr("Import CSV"), &ProductsWidget::importCsv, true},
          B{QStringLiteral("Ctrl+E"), tr("Export CSV"), &ProductsWidget::exportCsv, false}}) {
        QPushButton *btn = keyButton(b.key, b.label);
        connect(btn, &QPushButton::clicked, this, b.slot);
        // "Enter" on the button means Return or the keypad's Enter; "Ins" is the Insert key.
        QList<QKeySequence> keys = {
            QKeySequence(b.key == QLatin1String("Ins") ? QStringLiteral("Insert") : b.key)};
        if (b.key == QLatin1String("Enter"))
            keys = {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)};
        for (const QKeySequence &key : keys) {
            auto *sc = new QShortcut(key, this);
            sc->setContext(Qt::WidgetWithChildrenShortcut);
            connect(sc, &QShortcut::activated, btn, &QPushButton::click);
        }
        if (b.manager)
            m_managerButtons << btn;
        buttons->addWidget(btn);
    }
    buttons->addStretch();
    root->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &ProductsWidget::applyFilter);
    m_search->installEventFilter(this);
    connect(m_category, &QComboBox::currentIndexChanged, this, &ProductsWidget::applyFilter);
    connect(m_inactive, &QCheckBox::toggled, this, &ProductsWidget::applyFilter);
    connect(m_table, &QTableView::doubleClicked, this, &ProductsWidget::editProduct);
    connect(&session, &AppSession::operatorChanged, this, &ProductsWidget::updatePermissions);
    connect(&session, &AppSession::documentCommitted, this, [this] { m_model->reload(); });
    refresh();
    updatePermissions();
}

void ProductsWidget::updatePermissions()
{
    const bool manager = m_session.op().isManager();
    for (QPushButton *b : std::as_const(m_managerButtons))
        b->setEnabled(manager);
    // What the shop pays for its goods is not the cashier's to see.
    m_model->setShowCost(manager);
    m_table->setColumnHidden(ProductModel::Cost, !manager);
}

void ProductsWidget::refresh()
{
    const qint64 current = m_category->currentData().toLongLong();
    QSignalBlocker block(m_category);
    m_category->clear();
    m_category->addItem(tr("All categories"), 0);
    for (const Category &c : m_session.ctx().catalog().categories())
        m_category->addItem(c.name, c.id);
    const int idx = m_category->findData(current);
    m_category->setCurrentIndex(idx < 0 ? 0 : idx);
    applyFilter();
}

void ProductsWidget::applyFilter()
{
    ProductQuery q;
    q.text = m_search->text();
    q.categoryId = m_category->currentData().toLongLong();
    q.includeInactive = m_inactive->isChecked();
    m_model->setQuery(q);
    m_count->setText(tr("%1 products").arg(m_model->totalCount()));
}

bool ProductsWidget::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the search field goes into the list, so the keyboard reaches every product.
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_model->rowCount() > 0) {
        m_table->setFocus();
        if (!m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_model->index(0, ProductModel::Name));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

int ProductsWidget::currentRow() const
{
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void ProductsWidget::addProduct()
{
    if (!m_session.op().isManager())
        return;
    Product p;
    p.categoryName = m_category->currentIndex() > 0 ? m_category->currentText() : QString();
    ProductEditDialog d(m_session, p, this);
    if (execDialog(d) == QDialog::Accepted)
        refresh();
}

void ProductsWidget::editProduct()
{
    const int row = currentRow();
    if (row < 0 || !m_session.op().isManager())
        return;
    auto p = m_session.ctx().catalog().byId(m_model->product(row).id);
    if (!p) {
        MessageBox::warning(this, tr("Edit product"), p.error().message);
        return;
    }
    ProductEditDialog d(m_session, *p, this);
    if (execDialog(d) == QDialog::Accepted)
        refresh();
}

void ProductsWidget::toggleActive()
{
    const int row = currentRow();
    if (row < 0 || !m_session.op().isManager())
        return;
    const Product &p = m_model->product(row);
    const QString question = p.active
                                 ? tr("Stop selling %1? It stays in the records and can be activated again.")
                                 : tr("Sell %1 again?");
    if (MessageBox::question(this, tr("Products"), question.arg(p.name), QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    if (auto st = m_session.ctx().catalog().setActive(p.id, !p.active, m_session.op().id); !st)
        MessageBox::warning(this, tr("Products"), st.error().message);
    applyFilter();
}

void ProductsWidget::adjustStock()
{
    const int row = currentRow();
    if (row < 0 || !m_session.op().isManager())
        return;
    const Product p = m_model->product(row);
    const auto text =
        askText(this, tr("Adjust stock"),
                tr("%1: stock is %2. Counted stock now:").arg(p.name, formatQuantity(p.stockMilli)),
                formatQuantity(p.stockMilli));
    if (!text)
        return;
    const auto counted = parseQuantity(*text);
    if (!counted) {
        MessageBox::warning(this, tr("Adjust stock"), tr("Enter the counted quantity as a number."));
        return;
    }
    const auto reason =
        askText(this, tr("Adjust stock"), tr("Reason (stocktake, damage, delivery...):"), tr("Stocktake"));
    if (!reason)
        return;
    if (auto st = m_session.ctx().catalog().setCountedStock(p.id, *counted, *reason, m_session.op().id); !st)
        MessageBox::warning(this, tr("Adjust stock"), st.error().message);
    applyFilter();
}

QString ProductsWidget::importFile(const QString &path, TextEncoding encoding)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return tr("Cannot read %1.").arg(path);
    const ImportReport r = m_session.ctx().catalog().importCsv(f.readAll(), m_session.op().id, encoding);
    // A large import fills the WAL: copy it back now, while nobody is waiting at the till.
    if (auto st = m_session.ctx().db().checkpoint(); !st)
        spdlog::warn("checkpoint after import failed: {}", st.error().message.toStdString());
    refresh();
    QString text = tr("%1 added, %2 updated, %3 rejected (file read as %4).")
                       .arg(r.added)
                       .arg(r.updated)
                       .arg(r.errors.size())
                       .arg(r.encoding.isEmpty() ? tr("unknown") : r.encoding);
    if (!r.errors.isEmpty())
        text += QStringLiteral("\n\n") + r.errors.mid(0, 30).join(QLatin1Char('\n'));
    return text;
}

void ProductsWidget::importCsv()
{
    if (!m_session.op().isManager())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import products"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        MessageBox::warning(this, tr("Import products"), tr("Cannot read %1.").arg(path));
        return;
    }
    // The decoded names first: the manager sees the encoding is right before anything is written.
    ImportPreviewDialog preview(QFileInfo(path).fileName(), f.readAll(), this);
    f.close();
    if (execDialog(preview) != QDialog::Accepted)
        return;
    MessageBox::information(this, tr("Import products"), importFile(path, preview.encoding()));
}

void ProductsWidget::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export products"), QStringLiteral("products.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m_session.ctx().catalog().exportCsvFor(m_session.op().id)) < 0 || !f.commit()) {
        MessageBox::warning(this, tr("Export products"),
                             tr("Cannot write %1: %2").arg(path, f.errorString()));
        return;
    }
    MessageBox::information(this, tr("Export products"), tr("Saved %1.").arg(path));
}

} // namespace huike::ui
