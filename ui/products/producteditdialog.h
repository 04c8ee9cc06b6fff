#pragma once

#include "catalog/catalog.h"

#include <QDialog>
#include <memory>

namespace Ui {
class ProductEditDialog;
}

namespace huike::ui {

class AppSession;

// Add or edit a product (form: producteditdialog.ui): barcodes (several), name, pinyin initials
// (filled from the name), category, unit, price, cost, opening stock (new products), weighed and
// its scale PLU.
class ProductEditDialog : public QDialog {
    Q_OBJECT
public:
    ProductEditDialog(AppSession &session, const Product &product, QWidget *parent = nullptr);
    ~ProductEditDialog() override;
    qint64 savedId() const { return m_savedId; }

private:
    void save();
    void fail(const QString &message, QWidget *field);

    AppSession &m_session;
    Product m_product;
    std::unique_ptr<Ui::ProductEditDialog> m_ui;
    qint64 m_savedId = 0;
};

} // namespace huike::ui
