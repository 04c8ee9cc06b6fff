#pragma once

#include "catalog/catalog.h"

#include <QAbstractTableModel>

namespace huike::ui {

// The product list, fetched a page at a time so that a catalogue of 100,000 stays quick.
class ProductModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Code, Barcode, Name, Pinyin, Category, Unit, Price, Cost, Stock, Active, ColumnCount };

    ProductModel(Catalog &catalog, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setQuery(const ProductQuery &query); // resets and loads the first page
    void reload() { setQuery(m_query); }
    const Product &product(int row) const { return m_rows.at(row); }
    int totalCount() const { return m_total; }
    // Cost prices are for managers: for a cashier the column holds nothing (and is hidden).
    void setShowCost(bool show);

private:
    static constexpr int kPage = 200;
    Catalog &m_catalog;
    ProductQuery m_query;
    QList<Product> m_rows;
    int m_total = 0;
    bool m_showCost = false;
};

} // namespace huike::ui
