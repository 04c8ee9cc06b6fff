#pragma once

#include "members/memberlistmodel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace huike::ui {

class AppSession;

// 会员 (Ctrl+3): every member, newest first, found by phone, its last four digits, card, name or
// pinyin initials and filtered by level, birthday month, stored value and points. The list reads
// only the rows it shows (MemberListModel), so it stays smooth at a million members.
class MembersWidget : public QWidget {
    Q_OBJECT
public:
    explicit MembersWidget(AppSession &session, QWidget *parent = nullptr);
    MemberListModel &model() { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QTableView *table() const { return m_table; }

    // Reads the list again with the filter as it stands (after a change elsewhere, or on showing).
    void refresh();

private:
    AppSession &m_session;
    MemberListModel m_model;
    QLineEdit *m_search;
    QComboBox *m_level;
    QComboBox *m_month;
    QCheckBox *m_stored;
    QCheckBox *m_points;
    QTableView *m_table;
    QLabel *m_count;
};

} // namespace huike::ui
