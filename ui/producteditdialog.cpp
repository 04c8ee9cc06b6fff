#include "producteditdialog.h"

#include "appsession.h"
#include "catalog/pinyin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace huike::ui {

ProductEditDialog::ProductEditDialog(AppSession &session, const Product &product, QWidget *parent)
    : QDialog(parent), m_session(session), m_product(product), m_code(new QLineEdit(product.code)),
      m_barcodes(new QLineEdit(product.barcodes.join(QStringLiteral(", ")))),
      m_name(new QLineEdit(product.name)), m_pinyin(new QLineEdit(product.pinyin)), m_category(new QComboBox),
      m_unit(new QLineEdit(product.unit)),
      m_price(new QLineEdit(product.id ? product.price.toString() : QString())),
      m_cost(new QLineEdit(product.id ? product.cost.toString() : QString())),
      m_stock(new QLineEdit(formatQuantity(product.stockMilli))),
      m_weighed(new QCheckBox(tr("Sold by weight (kg)"))), m_plu(new QLineEdit(product.plu)),
      m_message(new QLabel)
{
    setWindowTitle(product.id ? tr("Edit product") : tr("New product"));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name->setObjectName(QStringLiteral("productName"));
    m_price->setObjectName(QStringLiteral("productPrice"));
    m_barcodes->setObjectName(QStringLiteral("productBarcodes"));
    m_barcodes->setPlaceholderText(tr("Scan here; several separated by commas"));
    m_code->setPlaceholderText(tr("Empty: the first barcode, or a number is given"));
    m_pinyin->setPlaceholderText(tr("Filled from the name"));
    m_category->setEditable(true);
    for (const Category &c : session.ctx().catalog().categories())
        m_category->addItem(c.name, c.id);
    m_category->setCurrentText(product.categoryName);
    m_stock->setEnabled(product.id == 0); // later changes go through stock adjustments (a ledger row)
    m_weighed->setChecked(product.weighed);
    m_plu->setPlaceholderText(tr("5 digits, as set on the scale"));
    form->addRow(tr("Barcodes"), m_barcodes);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Pinyin initials"), m_pinyin);
    form->addRow(tr("Product code"), m_code);
    form->addRow(tr("Category"), m_category);
    form->addRow(tr("Unit"), m_unit);
    form->addRow(tr("Retail price (yuan)"), m_price);
    form->addRow(tr("Cost (yuan)"), m_cost);
    form->addRow(product.id ? tr("Stock") : tr("Opening stock"), m_stock);
    form->addRow(QString(), m_weighed);
    form->addRow(tr("Scale PLU"), m_plu);
    layout->addLayout(form);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save (Ctrl+S)"));
    buttons->button(QDialogButtonBox::Save)->setShortcut(QKeySequence::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProductEditDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        if (m_pinyin->isModified())
            return;
        m_pinyin->setText(pinyinInitials(name));
    });
    (product.id ? m_name : m_barcodes)->setFocus();
}

void ProductEditDialog::save()
{
    Product p = m_product;
    p.code = m_code->text().trimmed();
    p.barcodes.clear();
    for (const QString &b :
         m_barcodes->text().split(QRegularExpression(QStringLiteral("[,，;；\\s]+")), Qt::SkipEmptyParts))
        p.barcodes << b;
    p.name = m_name->text().trimmed();
    p.pinyin = m_pinyin->text().trimmed();
    p.unit = m_unit->text().trimmed();
    p.weighed = m_weighed->isChecked();
    p.plu = m_plu->text().trimmed();
    const auto price = Money::parse(m_price->text());
    if (!price || price->isNegative()) {
        m_message->setText(tr("Enter the retail price in yuan, such as 12.50."));
        m_price->setFocus();
        return;
    }
    p.price = *price;
    const auto cost =
        m_cost->text().trimmed().isEmpty() ? std::optional<Money>(Money()) : Money::parse(m_cost->text());
    if (!cost || cost->isNegative()) {
        m_message->setText(tr("Enter the cost in yuan, or leave it empty."));
        m_cost->setFocus();
        return;
    }
    p.cost = *cost;
    if (p.id == 0) {
        const auto stock =
            parseQuantity(m_stock->text().trimmed().isEmpty() ? QStringLiteral("0") : m_stock->text());
        if (!stock) {
            m_message->setText(tr("Enter the opening stock as a number."));
            m_stock->setFocus();
            return;
        }
        p.stockMilli = *stock;
    }
    auto cat = m_session.ctx().catalog().ensureCategory(m_category->currentText());
    if (!cat) {
        m_message->setText(cat.error().message);
        return;
    }
    p.categoryId = *cat;
    auto id = m_session.ctx().catalog().save(p, m_session.op().id);
    if (!id) {
        m_message->setText(id.error().message);
        return;
    }
    m_savedId = *id;
    accept();
}

} // namespace huike::ui
