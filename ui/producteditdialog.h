#pragma once

#include "catalog/catalog.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace huike::ui {

class AppSession;

// Add or edit a product: barcodes (several), name, pinyin initials (filled from the name),
// category, unit, price, cost, opening stock (new products), weighed and its scale PLU.
class ProductEditDialog : public QDialog {
    Q_OBJECT
public:
    ProductEditDialog(AppSession &session, const Product &product, QWidget *parent = nullptr);
    qint64 savedId() const { return m_savedId; }

private:
    void save();

    AppSession &m_session;
    Product m_product;
    QLineEdit *m_code;
    QLineEdit *m_barcodes;
    QLineEdit *m_name;
    QLineEdit *m_pinyin;
    QComboBox *m_category;
    QLineEdit *m_unit;
    QLineEdit *m_price;
    QLineEdit *m_cost;
    QLineEdit *m_stock;
    QCheckBox *m_weighed;
    QLineEdit *m_plu;
    QLabel *m_message;
    qint64 m_savedId = 0;
};

} // namespace huike::ui
