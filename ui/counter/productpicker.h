#pragma once

#include "catalog/catalog.h"

#include <QDialog>

class QLineEdit;
class QTableWidget;

namespace huike::ui {

class AppSession;

// Find a product by name, pinyin initials or code when there is no barcode to scan. Typing
// narrows the list; Up/Down choose; Enter takes the product.
class ProductPicker : public QDialog {
    Q_OBJECT
public:
    ProductPicker(AppSession &session, const QString &text, QWidget *parent = nullptr);
    const Product &chosen() const { return m_chosen; }
    int matchCount() const { return static_cast<int>(m_found.size()); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void choose();

    AppSession &m_session;
    QLineEdit *m_query;
    QTableWidget *m_table;
    QList<Product> m_found;
    Product m_chosen;
};

} // namespace huike::ui
