#pragma once

#include "members/memberlistmodel.h"
#include "members/membercsv.h"
#include "members/profile.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace huike::ui {

class AppSession;

// 会员 (Ctrl+3): every member, newest first, found by phone, its last four digits, card, name or
// pinyin initials and filtered by level, birthday month, stored value, points, tag, consent and
// the shop's custom fields; a member opens in 会员详情, a new one is registered with the whole
// form, and managers import and export CSV. The list reads
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
    // The tag and custom-field filters' choices read again, keeping what is chosen.
    void reloadChoices();
    // The member on the selected row in 会员详情 (Enter, double click).
    void openSelected();
    // 新会员 (F2): the whole member form.
    void registerMember();
    // 导入 / 导出 (managers): members from and to CSV (members/membercsv.h); the report shown.
    void importFile(const QString &path);
    void exportFile(const QString &path);
    // 积分批量调整 (managers): a CSV of phones or cards and points, one approval for the file
    // (members/pointscsv.h).
    void importPointsFile(const QString &path);

    QComboBox *tagFilter() const { return m_tag; }
    QComboBox *consentFilter() const { return m_consent; }
    QComboBox *fieldFilter() const { return m_field; }
    QLineEdit *fieldValue() const { return m_fieldValue; }
    QLineEdit *fieldTo() const { return m_fieldTo; }
    QLabel *countLabel() const { return m_count; }

private:
    // An import's outcome in a message: `lines` first, then the first refused rows by line and,
    // when there were any, `afterErrors`; a warning unless the file went in whole (`whole`: no
    // error for the file as such) with no row refused.
    void showReport(const QString &title, QStringList lines, const QList<MemberImportError> &errors, bool whole,
                    const QString &afterErrors = {});

    AppSession &m_session;
    MemberListModel m_model;
    QLineEdit *m_search;
    QComboBox *m_level;
    QComboBox *m_month;
    QCheckBox *m_stored;
    QCheckBox *m_points;
    QTableView *m_table;
    QLabel *m_count;
    QComboBox *m_tag;
    QComboBox *m_consent;
    QComboBox *m_field;
    QLineEdit *m_fieldValue;
    QLineEdit *m_fieldTo;
    QList<MemberField> m_fields;
};

} // namespace huike::ui
