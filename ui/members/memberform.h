#pragma once

#include "members/members.h"
#include "members/profile.h"

#include <QByteArray>
#include <QWidget>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace huike::ui {

class AppSession;

// The whole member form of the member screen: what registration asks (phone, card, name, gender,
// birthday, consent) and the rest a shop keeps — address, notes, tags, who referred them, the
// shop's own custom fields (members/profile.h) and a photo. Used to register a member in the
// member screen and to edit one (编辑资料). Values are checked by the engine on save.
class MemberForm : public QWidget {
    Q_OBJECT
public:
    explicit MemberForm(AppSession &session, QWidget *parent = nullptr);

    // Fills the form with the member as stored (their tags, field values and photo too).
    void load(const Member &member);
    // What is typed, for registerMember or updateMember; nullopt (and *problem said) when the
    // referrer typed is no member.
    std::optional<MemberInput> input(QString *problem) const;
    // The photo chosen (scaled JPEG), and whether it changed since load().
    const QByteArray &photo() const { return m_photoBytes; }
    bool photoChanged() const { return m_photoChanged; }

    QLineEdit *phoneField() const { return m_phone; }
    QLineEdit *tagsField() const { return m_tags; }
    // The editor of a custom field (a QLineEdit, a QComboBox or, for a multiple choice, a widget
    // of check boxes), for tests.
    QWidget *fieldEditor(qint64 fieldId) const;
    // Takes a picture file, scaled to at most 480 pixels a side and kept as JPEG; false (and
    // *problem said) when it is no picture Qt can read.
    bool choosePhoto(const QString &path, QString *problem);

private:
    void showPhoto();

    AppSession &m_session;
    QLineEdit *m_phone;
    QLineEdit *m_card;
    QLineEdit *m_name;
    QComboBox *m_gender;
    QLineEdit *m_birthday;
    QLineEdit *m_address;
    QPlainTextEdit *m_notes;
    QComboBox *m_consent;
    QLineEdit *m_referrer;
    QLineEdit *m_tags;
    QLabel *m_photo;
    QList<MemberField> m_fields;
    QList<QWidget *> m_editors; // one per field, in m_fields' order
    QString m_loadedPhone; // the member's phone, when the field shows it masked
    QByteArray m_photoBytes;
    bool m_photoChanged = false;
    std::optional<bool> m_loadedConsent; // consent as loaded: unchanged is not asked again
};

} // namespace huike::ui
