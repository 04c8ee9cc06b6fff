#include "memberlistmodel.h"

#include "core/clock.h"
#include "core/phone.h"

namespace huike::ui {

QString cardStateText(CardState s)
{
    switch (s) {
    case CardState::Lost:
        return MemberListModel::tr("Lost");
    case CardState::Locked:
        return MemberListModel::tr("Locked");
    case CardState::Replaced:
        return MemberListModel::tr("Replaced");
    case CardState::Active:
        break;
    }
    return MemberListModel::tr("Active");
}

MemberListModel::MemberListModel(Database &db, const ShopTime &time, QObject *parent)
    : QAbstractTableModel(parent), m_list(db), m_time(time)
{
}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_list.size();
}

int MemberListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::TextAlignmentRole))
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Growth && index.column() <= Stored ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                     : QVariant();
    auto m = m_list.at(index.row());
    if (!m)
        return index.column() == Name ? QVariant(m.error().message) : QVariant();
    switch (index.column()) {
    case Name:
        return m->name;
    case Phone:
        return m_fullPhones ? m->phone : maskPhone(m->phone);
    case Card:
        return m->cardNo;
    case Level:
        return m->levelName;
    case Growth:
        return m->growth;
    case Points:
        return m->points;
    case Stored:
        return (m->principal + m->bonus).toString();
    case CardState:
        return cardStateText(m->cardState);
    case Registered:
        return m->createdAtMs > 0 ? m_time.localDate(m->createdAtMs).toString(Qt::ISODate) : QString();
    default:
        return {};
    }
}

QVariant MemberListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Phone:
        return tr("Phone");
    case Card:
        return tr("Card");
    case Level:
        return tr("Level");
    case Growth:
        return tr("Growth");
    case Points:
        return tr("Points");
    case Stored:
        return tr("Stored value");
    case CardState:
        return tr("Card state");
    case Registered:
        return tr("Joined");
    default:
        return {};
    }
}

Status MemberListModel::setFilter(const MemberFilter &filter)
{
    beginResetModel();
    const Status st = m_list.load(filter);
    endResetModel();
    return st;
}

void MemberListModel::showMembers(std::vector<qint64> ids)
{
    beginResetModel();
    m_list.show(std::move(ids));
    endResetModel();
}

} // namespace huike::ui
