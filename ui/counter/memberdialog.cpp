#include "memberdialog.h"

#include "common/inputdialogs.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/style.h"
#include "core/phone.h"
#include "members/earnings.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

namespace {

QString cardStateText(CardState s)
{
    switch (s) {
    case CardState::Lost:
        return MemberDialog::tr("Lost");
    case CardState::Locked:
        return MemberDialog::tr("Locked");
    case CardState::Replaced:
        return MemberDialog::tr("Replaced");
    case CardState::Active:
        break;
    }
    return MemberDialog::tr("Active");
}

} // namespace

MemberDialog::MemberDialog(AppSession &session, const QString &typed, QWidget *parent)
    : QDialog(parent), m_session(session), m_search(new QLineEdit), m_table(new QTableWidget(0, 6)),
      m_message(new QLabel)
{
    setWindowTitle(tr("Member"));
    resize(720, 420);
    auto *layout = new QVBoxLayout(this);
    m_search->setObjectName(QStringLiteral("memberSearch"));
    m_search->setPlaceholderText(tr("Phone, its last four digits, card number, name or pinyin initials"));
    m_search->setStyleSheet(QStringLiteral("font-size: 15pt; padding: 6px;"));
    layout->addWidget(m_search);
    m_table->setObjectName(QStringLiteral("memberMatches"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Phone"), tr("Card"), tr("Level"), tr("Growth"), tr("Card state")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setFocusPolicy(Qt::NoFocus); // typing stays in the field; arrows move the selection
    layout->addWidget(m_table, 1);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    QPushButton *add = keyButton(QStringLiteral("F2"), tr("Register new member"));
    QPushButton *close = keyButton(QStringLiteral("Esc"), tr("Close"));
    QPushButton *pick = keyButton(QStringLiteral("Enter"), tr("Attach"));
    pick->setObjectName(QStringLiteral("primary"));
    buttons->addWidget(add);
    buttons->addStretch();
    buttons->addWidget(close);
    buttons->addWidget(pick);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &MemberDialog::registerTyped);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(pick, &QPushButton::clicked, this, &MemberDialog::attachSelected);
    connect(m_search, &QLineEdit::textChanged, this, &MemberDialog::search);
    connect(m_search, &QLineEdit::returnPressed, this, &MemberDialog::attachSelected);
    m_search->setText(typed);
    m_search->setFocus();
}

void MemberDialog::search()
{
    const QString text = m_search->text().trimmed();
    m_matches.clear();
    // One character finds too many to read; four digits are a phone's last four.
    if (text.size() >= 2) {
        auto found = m_session.ctx().members().find(text, 50);
        if (!found) {
            m_message->setText(found.error().message);
        } else {
            m_matches = *found;
            m_message->setText(m_matches.isEmpty()
                                   ? (normalizedMobile(text) ? tr("No member has this phone: F2 registers one.")
                                                             : tr("No member matches."))
                                   : QString());
        }
    } else {
        m_message->clear();
    }
    m_table->setRowCount(static_cast<int>(m_matches.size()));
    for (int r = 0; r < m_matches.size(); ++r) {
        const Member &m = m_matches.at(r);
        const QStringList cells = {m.name,      maskPhone(m.phone),         m.cardNo,
                                   m.levelName, QString::number(m.growth), cardStateText(m.cardState)};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    if (!m_matches.isEmpty())
        m_table->selectRow(0);
}

bool MemberDialog::attach(const Member &m)
{
    auto priced = memberPrice(m_session.ctx().db(), m.id);
    if (!priced) {
        m_message->setText(priced.error().message);
        QApplication::beep();
        return false;
    }
    m_chosen = *priced;
    m_member = m;
    accept();
    return true;
}

void MemberDialog::attachSelected()
{
    const int row = m_table->currentRow();
    if (row >= 0 && row < m_matches.size()) {
        attach(m_matches.at(row));
        return;
    }
    if (normalizedMobile(m_search->text()))
        registerTyped(); // Enter on a new member's phone: register them
}

void MemberDialog::registerTyped()
{
    RegisterMemberDialog form(m_session, normalizedMobile(m_search->text()).value_or(QString()), this);
    if (execDialog(form) != QDialog::Accepted)
        return;
    attach(form.registered());
}

void MemberDialog::keyPressEvent(QKeyEvent *event)
{
    const int row = m_table->currentRow();
    switch (event->key()) {
    case Qt::Key_Down:
        if (row + 1 < m_table->rowCount())
            m_table->selectRow(row + 1);
        return;
    case Qt::Key_Up:
        if (row > 0)
            m_table->selectRow(row - 1);
        return;
    case Qt::Key_F2:
        registerTyped();
        return;
    default:
        QDialog::keyPressEvent(event);
    }
}

RegisterMemberDialog::RegisterMemberDialog(AppSession &session, const QString &phone, QWidget *parent,
                                           const QString &card)
    : QDialog(parent), m_session(session), m_phone(new QLineEdit(phone)), m_name(new QLineEdit),
      m_gender(new QComboBox), m_birthday(new QLineEdit), m_card(new QLineEdit(card)),
      m_consent(new QCheckBox(tr("Agrees to receive offers by SMS"))), m_message(new QLabel)
{
    setWindowTitle(tr("Register a member"));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_phone->setObjectName(QStringLiteral("phone"));
    m_name->setObjectName(QStringLiteral("name"));
    m_birthday->setObjectName(QStringLiteral("birthday"));
    m_birthday->setPlaceholderText(tr("1990-05-20, or 05-20"));
    m_card->setObjectName(QStringLiteral("card"));
    markCardField(m_card);
    m_card->setPlaceholderText(tr("Scan or type; empty: the phone is the card"));
    m_gender->addItem(tr("Not given"), QString());
    m_gender->addItem(tr("Female"), QStringLiteral("F"));
    m_gender->addItem(tr("Male"), QStringLiteral("M"));
    form->addRow(tr("Mobile (required)"), m_phone);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Gender"), m_gender);
    form->addRow(tr("Birthday"), m_birthday);
    form->addRow(tr("Card number"), m_card);
    form->addRow(QString(), m_consent);
    layout->addLayout(form);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    QPushButton *cancel = keyButton(QStringLiteral("Esc"), tr("Cancel"));
    QPushButton *ok = keyButton(QStringLiteral("Enter"), tr("Register"));
    ok->setObjectName(QStringLiteral("primary"));
    ok->setDefault(true);
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(ok);
    layout->addLayout(buttons);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(ok, &QPushButton::clicked, this, &RegisterMemberDialog::save);
    // A swiped card or a caller's number came first: the next thing to type is the other.
    (phone.isEmpty() ? m_phone : m_name)->setFocus();
}

void RegisterMemberDialog::save()
{
    MemberInput in;
    in.phone = m_phone->text();
    in.name = m_name->text();
    in.gender = m_gender->currentData().toString();
    in.birthday = m_birthday->text();
    in.cardNo = m_card->text();
    in.consent = m_consent->isChecked();
    in.consentHow = QStringLiteral("counter");
    auto m = m_session.ctx().members().registerMember(in, m_session.op().id);
    if (!m) {
        m_message->setText(m.error().message);
        QApplication::beep();
        return;
    }
    m_member = *m;
    accept();
}

} // namespace huike::ui
