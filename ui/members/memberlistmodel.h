#pragma once

#include "members/memberlist.h"

#include <QAbstractTableModel>
#include <vector>

namespace huike::ui {

// 正常 / 挂失 / 锁定 / 已补卡, as the member screen says a card's state.
QString cardStateText(CardState state);

// The member screen's table over the engine's MemberList: rowCount is every member the filter
// passes, and a row's member is read with its page only when the view shows it, so a million
// members scroll from top to bottom without a stall.
class MemberListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Phone, Card, Level, Growth, Points, Stored, CardState, Registered, ColumnCount };

    MemberListModel(Database &db, const ShopTime &time, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Reads the filter's members again (the table starts at the top); the engine's refusal, if any.
    Status setFilter(const MemberFilter &filter);
    // Exactly these members (a 会员分析 class), in this order.
    void showMembers(std::vector<qint64> ids);
    qint64 memberIdAt(int row) const { return m_list.idAt(row); }
    // Whole phone numbers for a manager; a cashier browsing the list sees them masked (138****8000),
    // as the till shows them.
    void setFullPhones(bool full) { m_fullPhones = full; }
    int pagesRead() const { return m_list.pagesRead(); }

private:
    mutable MemberList m_list; // reading a page is not a change the view sees
    const ShopTime &m_time;
    bool m_fullPhones = false;
};

} // namespace huike::ui
