#pragma once

#include "members/members.h"
#include "sales/pricing.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace huike::ui {

class AppSession;

// 会员 at the till (Ctrl+M): type a phone, its last four digits, a card number, a name or its
// pinyin initials; the matches are listed as typed and Enter attaches the one selected. A mobile
// number nobody has yet is registered on the spot (F2): the phone is all it takes.
class MemberDialog : public QDialog {
    Q_OBJECT
public:
    MemberDialog(AppSession &session, const QString &typed = {}, QWidget *parent = nullptr);

    // The member attached on Accept, priced at their level; and who they are, for the screen.
    const MemberPrice &chosen() const { return m_chosen; }
    const Member &chosenMember() const { return m_member; }
    QLineEdit *searchField() const { return m_search; }
    int matchCount() const { return static_cast<int>(m_matches.size()); }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void search();
    void attachSelected();
    void registerTyped();
    bool attach(const Member &m);

    AppSession &m_session;
    QLineEdit *m_search;
    QTableWidget *m_table;
    QLabel *m_message;
    QList<Member> m_matches;
    MemberPrice m_chosen;
    Member m_member;
};

// Registration at the till: the phone (required, as typed), name, gender, birthday and whether
// the customer agrees to be sent offers. The member is created by MemberService on OK.
class RegisterMemberDialog : public QDialog {
    Q_OBJECT
public:
    // `phone` or `card` filled in: a caller's number, a card swiped that no member has.
    RegisterMemberDialog(AppSession &session, const QString &phone, QWidget *parent = nullptr,
                         const QString &card = {});
    const Member &registered() const { return m_member; }

private:
    void save();

    AppSession &m_session;
    QLineEdit *m_phone;
    QLineEdit *m_name;
    QComboBox *m_gender;
    QLineEdit *m_birthday;
    QLineEdit *m_card;
    QCheckBox *m_consent;
    QLabel *m_message;
    Member m_member;
};

} // namespace huike::ui
