#include "producteditdialog.h"

#include "catalog/pinyin.h"
#include "common/appsession.h"
#include "ui_producteditdialog.h"

#include <QPushButton>
#include <QShortcut>
#include <QRegularExpression>

namespace huike::ui {

ProductEditDialog::ProductEditDialog(AppSession &session, const Product &product, QWidget *parent)
    : QDialog(parent), m_session(session), m_product(product), m_ui(std::make_unique<Ui::ProductEditDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(product.id ? tr("Edit product") : tr("New product"));
    m_ui->productBarcodes->setText(product.barcodes.join(QStringLiteral(", ")));
    m_ui->productName->setText(product.name);
    m_ui->productPinyin->setText(product.pinyin);
    m_ui->productCode->setText(product.code);
    for (const Category &c : session.ctx().catalog().categories())
        m_ui->productCategory->addItem(c.name, c.id);
    m_ui->productCategory->setCurrentText(product.categoryName);
    m_ui->productUnit->setText(product.unit);
    if (product.id) {
        m_ui->productPrice->setText(product.price.toString());
        m_ui->productCost->setText(product.cost.toString());
    }
    m_ui->productStock->setText(formatQuantity(product.stockMilli));
    // Later stock changes go through Adjust stock, which writes a ledger row.
    m_ui->productStock->setEnabled(product.id == 0);
    m_ui->stockLabel->setText(product.id ? tr("Stock") : tr("Opening stock"));
    m_ui->productWeighed->setChecked(product.weighed);
    m_ui->productPlu->setText(product.plu);
    QPushButton *saveButton = m_ui->buttons->button(QDialogButtonBox::Save);
    saveButton->setText(tr("Save (Ctrl+S)"));
    // A shortcut of its own rather than the button's, which would fire 100 ms late (animated click).
    auto *save = new QShortcut(QKeySequence::Save, this);
    connect(save, &QShortcut::activated, saveButton, &QPushButton::click);
    // A scanner ends a barcode with Enter: Enter moves to the next field, Ctrl+S saves.
    for (QAbstractButton *b : m_ui->buttons->buttons())
        if (auto *pb = qobject_cast<QPushButton *>(b)) {
            pb->setAutoDefault(false);
            pb->setDefault(false);
        }
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::returnPressed, this, [this] { focusNextChild(); });
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &ProductEditDialog::save);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->productName, &QLineEdit::textEdited, this, [this](const QString &name) {
        if (!m_ui->productPinyin->isModified())
            m_ui->productPinyin->setText(pinyinInitials(name));
    });
    (product.id ? m_ui->productName : m_ui->productBarcodes)->setFocus();
}

ProductEditDialog::~ProductEditDialog() = default;

void ProductEditDialog::fail(const QString &message, QWidget *field)
{
    m_ui->message->setText(message);
    if (field)
        field->setFocus();
}

void ProductEditDialog::save()
{
    Product p = m_product;
    p.code = m_ui->productCode->text().trimmed();
    p.barcodes.clear();
    static const QRegularExpression separators(QStringLiteral("[,，;；\\s]+"));
    for (const QString &b : m_ui->productBarcodes->text().split(separators, Qt::SkipEmptyParts))
        p.barcodes << b;
    p.name = m_ui->productName->text().trimmed();
    p.pinyin = m_ui->productPinyin->text().trimmed();
    p.unit = m_ui->productUnit->text().trimmed();
    p.weighed = m_ui->productWeighed->isChecked();
    p.plu = m_ui->productPlu->text().trimmed();
    const auto price = Money::parse(m_ui->productPrice->text());
    if (!price || price->isNegative())
        return fail(tr("Enter the retail price in yuan, such as 12.50."), m_ui->productPrice);
    p.price = *price;
    const QString costText = m_ui->productCost->text().trimmed();
    const auto cost = costText.isEmpty() ? std::optional<Money>(Money()) : Money::parse(costText);
    if (!cost || cost->isNegative())
        return fail(tr("Enter the cost in yuan, or leave it empty."), m_ui->productCost);
    p.cost = *cost;
    if (p.id == 0) {
        const QString stockText = m_ui->productStock->text().trimmed();
        const auto stock = parseQuantity(stockText.isEmpty() ? QStringLiteral("0") : stockText);
        if (!stock)
            return fail(tr("Enter the opening stock as a number."), m_ui->productStock);
        p.stockMilli = *stock;
    }
    auto cat = m_session.ctx().catalog().ensureCategory(m_ui->productCategory->currentText());
    if (!cat)
        return fail(cat.error().message, m_ui->productCategory);
    p.categoryId = *cat;
    auto id = m_session.ctx().catalog().save(p, m_session.op().id);
    if (!id)
        return fail(id.error().message, nullptr);
    m_savedId = *id;
    accept();
}

} // namespace huike::ui
