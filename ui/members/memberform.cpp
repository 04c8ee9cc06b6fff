#include "memberform.h"

#include "common/inputdialogs.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "core/phone.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace huike::ui {

MemberForm::MemberForm(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_phone(new QLineEdit), m_card(new QLineEdit), m_name(new QLineEdit),
      m_gender(new QComboBox), m_birthday(new QLineEdit), m_address(new QLineEdit), m_notes(new QPlainTextEdit),
      m_consent(new QComboBox), m_referrer(new QLineEdit), m_tags(new QLineEdit), m_photo(new QLabel)
{
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    outer->addLayout(form, 1);
    m_phone->setObjectName(QStringLiteral("formPhone"));
    m_card->setObjectName(QStringLiteral("formCard"));
    markCardField(m_card);
    m_card->setPlaceholderText(tr("Scan or type; empty: the phone is the card"));
    m_name->setObjectName(QStringLiteral("formName"));
    m_gender->addItem(tr("Not given"), QString());
    m_gender->addItem(tr("Female"), QStringLiteral("F"));
    m_gender->addItem(tr("Male"), QStringLiteral("M"));
    m_birthday->setObjectName(QStringLiteral("formBirthday"));
    m_birthday->setPlaceholderText(tr("1990-05-20, or 05-20"));
    m_notes->setObjectName(QStringLiteral("formNotes"));
    m_notes->setFixedHeight(56);
    m_consent->setObjectName(QStringLiteral("formConsent"));
    m_consent->addItem(tr("Not asked"), -1);
    m_consent->addItem(tr("Agrees to receive offers"), 1);
    m_consent->addItem(tr("Does not want offers"), 0);
    m_referrer->setObjectName(QStringLiteral("formReferrer"));
    m_referrer->setPlaceholderText(tr("The referring member's phone or card"));
    m_tags->setObjectName(QStringLiteral("formTags"));
    m_tags->setPlaceholderText(tr("Apart by commas: VIP, 团购"));
    // The tags in use come up as typed, so one shop's "VIP" is not also "vip" and "Vip".
    if (auto counts = tagCounts(session.ctx().db())) {
        QStringList used;
        for (const auto &[tag, n] : *counts)
            used << tag;
        auto *completer = new QCompleter(used, m_tags);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        m_tags->setCompleter(completer);
    }
    form->addRow(tr("Mobile (required)"), m_phone);
    form->addRow(tr("Card number"), m_card);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Gender"), m_gender);
    form->addRow(tr("Birthday"), m_birthday);
    form->addRow(tr("Address"), m_address);
    form->addRow(tr("Marketing"), m_consent);
    form->addRow(tr("Referred by"), m_referrer);
    form->addRow(tr("Tags"), m_tags);
    if (auto fields = memberFields(session.ctx().db()))
        m_fields = *fields;
    for (const MemberField &f : std::as_const(m_fields)) {
        QWidget *editor = nullptr;
        if (f.kind == QLatin1String("choice")) {
            auto *box = new QComboBox;
            box->addItem(tr("Not given"), QString());
            for (const QString &c : f.choices)
                box->addItem(c, c);
            editor = box;
        } else if (f.kind == QLatin1String("multi")) {
            editor = new QWidget;
            auto *row = new QHBoxLayout(editor);
            row->setContentsMargins(0, 0, 0, 0);
            for (const QString &c : f.choices)
                row->addWidget(new QCheckBox(c));
            row->addStretch(1);
        } else {
            auto *line = new QLineEdit;
            if (f.kind == QLatin1String("date"))
                line->setPlaceholderText(tr("2027-03-01"));
            else if (f.kind == QLatin1String("number"))
                line->setPlaceholderText(tr("A number"));
            editor = line;
        }
        editor->setObjectName(QStringLiteral("field%1").arg(f.id));
        m_editors << editor;
        form->addRow(f.label, editor);
    }
    form->addRow(tr("Notes"), m_notes);

    auto *photoColumn = new QVBoxLayout;
    m_photo->setObjectName(QStringLiteral("formPhoto"));
    m_photo->setFixedSize(120, 150);
    m_photo->setAlignment(Qt::AlignCenter);
    m_photo->setStyleSheet(QStringLiteral("border: 1px solid #c8c8c8; background: #fafafa; color: #888;"));
    photoColumn->addWidget(m_photo);
    auto *choose = new QPushButton(tr("Choose photo…"));
    auto *remove = new QPushButton(tr("Remove photo"));
    photoColumn->addWidget(choose);
    photoColumn->addWidget(remove);
    photoColumn->addStretch(1);
    outer->addLayout(photoColumn);
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Member photo"), {},
                                                          tr("Pictures (*.jpg *.jpeg *.png *.bmp)"));
        if (path.isEmpty())
            return;
        QString problem;
        if (!choosePhoto(path, &problem))
            MessageBox::warning(this, tr("Member photo"), problem);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        m_photoBytes.clear();
        m_photoChanged = true;
        showPhoto();
    });
    showPhoto();
}

void MemberForm::load(const Member &m)
{
    // A cashier sees the phone masked, as everywhere else, and a manager changes it.
    m_loadedPhone = m.phone;
    const bool manager = m_session.op().isManager();
    m_phone->setText(manager ? m.phone : maskPhone(m.phone));
    m_phone->setReadOnly(!manager);
    m_card->setText(m.cardNo);
    // A card is changed by 补卡, with a manager, not by typing over it.
    m_card->setReadOnly(!m.cardNo.isEmpty());
    m_name->setText(m.name);
    m_gender->setCurrentIndex(std::max(0, m_gender->findData(m.gender)));
    m_birthday->setText(m.birthday);
    m_address->setText(m.address);
    m_notes->setPlainText(m.notes);
    m_loadedConsent = m.consentAtMs > 0 ? std::optional<bool>(m.consent) : std::nullopt;
    m_consent->setCurrentIndex(m_consent->findData(m_loadedConsent ? (*m_loadedConsent ? 1 : 0) : -1));
    m_referrer->clear();
    if (m.referrerId > 0)
        if (auto ref = m_session.ctx().members().byId(m.referrerId))
            m_referrer->setText(ref->cardNo.isEmpty() ? ref->phone : ref->cardNo);
    if (auto tags = memberTags(m_session.ctx().db(), m.id))
        m_tags->setText(tags->join(QStringLiteral(", ")));
    const auto values = memberFieldValues(m_session.ctx().db(), m.id);
    for (int i = 0; i < m_fields.size(); ++i) {
        const QString v = values ? values->value(m_fields.at(i).id) : QString();
        QWidget *editor = m_editors.at(i);
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            line->setText(v);
        else if (auto *box = qobject_cast<QComboBox *>(editor))
            box->setCurrentIndex(std::max(0, box->findData(v)));
        else
            for (QCheckBox *c : editor->findChildren<QCheckBox *>())
                c->setChecked(v.split(QLatin1Char('|')).contains(c->text()));
    }
    auto photo = memberPhoto(m_session.ctx().db(), m.id);
    m_photoBytes = photo ? *photo : QByteArray();
    m_photoChanged = false;
    showPhoto();
}

std::optional<MemberInput> MemberForm::input(QString *problem) const
{
    MemberInput in;
    in.phone = m_phone->isReadOnly() ? m_loadedPhone : m_phone->text();
    in.cardNo = m_card->text();
    in.name = m_name->text();
    in.gender = m_gender->currentData().toString();
    in.birthday = m_birthday->text();
    in.address = m_address->text();
    in.notes = m_notes->toPlainText();
    const int consent = m_consent->currentData().toInt();
    const std::optional<bool> chosen = consent < 0 ? std::nullopt : std::optional<bool>(consent == 1);
    if (chosen != m_loadedConsent) { // asked now: stamped now
        in.consent = chosen;
        in.consentHow = QStringLiteral("counter");
    } else {
        in.consent = m_loadedConsent;
    }
    if (const QString ref = m_referrer->text().trimmed(); !ref.isEmpty()) {
        auto who = m_session.ctx().members().byPhoneOrCard(ref);
        if (!who) {
            *problem = tr("Referred by: %1").arg(who.error().message);
            return std::nullopt;
        }
        in.referrerId = who->id;
    }
    in.tags = QStringList{m_tags->text()};
    for (int i = 0; i < m_fields.size(); ++i) {
        QWidget *editor = m_editors.at(i);
        QString v;
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            v = line->text();
        else if (auto *box = qobject_cast<QComboBox *>(editor))
            v = box->currentData().toString();
        else {
            QStringList ticked;
            for (QCheckBox *c : editor->findChildren<QCheckBox *>())
                if (c->isChecked())
                    ticked << c->text();
            v = ticked.join(QLatin1Char('|'));
        }
        in.fields.insert(m_fields.at(i).id, v);
    }
    return in;
}

QWidget *MemberForm::fieldEditor(qint64 fieldId) const
{
    for (int i = 0; i < m_fields.size(); ++i)
        if (m_fields.at(i).id == fieldId)
            return m_editors.at(i);
    return nullptr;
}

bool MemberForm::choosePhoto(const QString &path, QString *problem)
{
    QImageReader reader(path);
    reader.setAutoTransform(true); // a phone's photo stands the way it was taken
    const QImage image = reader.read();
    if (image.isNull()) {
        *problem = tr("%1 is not a picture that can be read (%2).").arg(path, reader.errorString());
        return false;
    }
    const QImage scaled = image.width() > 480 || image.height() > 480
                              ? image.scaled(480, 480, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                              : image;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!scaled.convertToFormat(QImage::Format_RGB32).save(&buffer, "JPEG", 85)) {
        *problem = tr("The photo could not be converted.");
        return false;
    }
    m_photoBytes = bytes;
    m_photoChanged = true;
    showPhoto();
    return true;
}

void MemberForm::showPhoto()
{
    QPixmap pixmap;
    if (!m_photoBytes.isEmpty() && pixmap.loadFromData(m_photoBytes)) {
        m_photo->setPixmap(pixmap.scaled(m_photo->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    } else {
        m_photo->setPixmap({});
        m_photo->setText(tr("No photo"));
    }
}

} // namespace huike::ui
