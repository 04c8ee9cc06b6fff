#pragma once

#include "core/csv.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace huike::ui {

class AppSession;
class ProductModel;

// 商品: search, add, edit, deactivate, adjust stock, CSV import and export. Changes need a
// manager or admin; a cashier may look.
class ProductsWidget : public QWidget {
    Q_OBJECT
public:
    explicit ProductsWidget(AppSession &session, QWidget *parent = nullptr);
    ProductModel &model() { return *m_model; }
    void refresh();
    // Import `path` and report in a message box; used by the button and by tests.
    QString importFile(const QString &path, TextEncoding encoding = TextEncoding::Auto);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    void addProduct();
    void editProduct();
    void toggleActive();
    void adjustStock();
    void importCsv();
    void exportCsv();
    int currentRow() const;
    void updatePermissions();

    AppSession &m_session;
    ProductModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_category;
    QCheckBox *m_inactive;
    QLabel *m_count;
    QTableView *m_table;
    QList<QPushButton *> m_managerButtons;
};

} // namespace huike::ui
