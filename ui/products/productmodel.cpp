#include "productmodel.h"

#include <QBrush>
#include <QColor>

namespace huike::ui {

ProductModel::ProductModel(Catalog &catalog, QObject *parent)
    : QAbstractTableModel(parent), m_catalog(catalog)
{
}

int ProductModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProductModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProductModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Product &p = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Code:
            return p.code;
        case Barcode:
            return p.barcodes.isEmpty() ? (p.plu.isEmpty() ? QString() : tr("PLU %1").arg(p.plu))
                                        : p.barcodes.first();
        case Name:
            return p.name;
        case Pinyin:
            return p.pinyin;
        case Category:
            return p.categoryName;
        case Unit:
            return p.unit;
        case Price:
            return p.price.toString();
        case Cost:
            return m_showCost ? QVariant(p.cost.toString()) : QVariant();
        case Stock:
            return formatQuantity(p.stockMilli);
        case Active:
            return p.active ? tr("on sale") : tr("deactivated");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Price || index.column() == Cost || index.column() == Stock))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && !p.active)
        return QBrush(QColor(0x99, 0x99, 0x99));
    if (role == Qt::ForegroundRole && index.column() == Stock && p.stockMilli < 0)
        return QBrush(QColor(0xb3, 0x26, 0x1e));
    return {};
}

void ProductModel::setShowCost(bool show)
{
    if (show == m_showCost)
        return;
    m_showCost = show;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Cost), index(static_cast<int>(m_rows.size()) - 1, Cost));
}

QVariant ProductModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Code:
        return tr("Code");
    case Barcode:
        return tr("Barcode");
    case Name:
        return tr("Name");
    case Pinyin:
        return tr("Pinyin");
    case Category:
        return tr("Category");
    case Unit:
        return tr("Unit");
    case Price:
        return tr("Price");
    case Cost:
        return tr("Cost");
    case Stock:
        return tr("Stock");
    case Active:
        return tr("Status");
    default:
        return {};
    }
}

bool ProductModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void ProductModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    ProductQuery q = m_query;
    q.offset = static_cast<int>(m_rows.size());
    q.limit = kPage;
    const QList<Product> page = m_catalog.search(q);
    if (page.isEmpty()) {
        m_total = static_cast<int>(m_rows.size());
        return;
    }
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + page.size() - 1));
    m_rows.append(page);
    endInsertRows();
}

void ProductModel::setQuery(const ProductQuery &query)
{
    beginResetModel();
    m_query = query;
    m_rows.clear();
    m_total = m_catalog.count(query);
    endResetModel();
    if (canFetchMore({}))
        fetchMore({});
}

} // namespace huike::ui
