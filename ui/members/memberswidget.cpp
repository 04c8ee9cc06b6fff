#include "memberswidget.h"

#include "common/appsession.h"
#include "members/levels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace huike::ui {

MembersWidget::MembersWidget(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(session.ctx().db(), session.ctx().time()),
      m_search(new QLineEdit), m_level(new QComboBox), m_month(new QComboBox),
      m_stored(new QCheckBox(tr("With stored value"))), m_points(new QCheckBox(tr("With points"))),
      m_table(new QTableView), m_count(new QLabel)
{
    setObjectName(QStringLiteral("members"));
    auto *layout = new QVBoxLayout(this);
    auto *filters = new QHBoxLayout;
    m_search->setObjectName(QStringLiteral("memberSearch"));
    m_search->setPlaceholderText(tr("Phone, its last four digits, card number, name or pinyin initials"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_search, 1);
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_level->addItem(tr("All levels"), qint64(0));
    if (auto rules = loadLevelRules(session.ctx().db()))
        for (const MemberLevel &l : rules->levels)
            m_level->addItem(l.name, l.id);
    filters->addWidget(m_level);
    m_month->setObjectName(QStringLiteral("birthdayMonth"));
    m_month->addItem(tr("Any birthday"), 0);
    for (int month = 1; month <= 12; ++month)
        m_month->addItem(tr("Born in month %1").arg(month), month);
    filters->addWidget(m_month);
    filters->addWidget(m_stored);
    filters->addWidget(m_points);
    layout->addLayout(filters);
    m_table->setObjectName(QStringLiteral("memberTable"));
    m_table->setModel(&m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // Fixed row heights and no size-to-contents: the view never asks a million rows how tall they are.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(30);
    m_table->horizontalHeader()->setSectionResizeMode(MemberListModel::Name, QHeaderView::Stretch);
    m_table->setColumnWidth(MemberListModel::Phone, 130);
    m_table->setColumnWidth(MemberListModel::Card, 130);
    layout->addWidget(m_table, 1);
    m_count->setObjectName(QStringLiteral("memberCount"));
    layout->addWidget(m_count);

    // Typing waits for a pause (a phone is typed in a burst), the other filters apply at once.
    auto *typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(250);
    connect(typing, &QTimer::timeout, this, &MembersWidget::refresh);
    connect(m_search, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &MembersWidget::refresh);
    connect(m_level, &QComboBox::currentIndexChanged, this, &MembersWidget::refresh);
    connect(m_month, &QComboBox::currentIndexChanged, this, &MembersWidget::refresh);
    connect(m_stored, &QCheckBox::toggled, this, &MembersWidget::refresh);
    connect(m_points, &QCheckBox::toggled, this, &MembersWidget::refresh);
    refresh();
}

void MembersWidget::refresh()
{
    MemberFilter f;
    f.text = m_search->text();
    f.levelId = m_level->currentData().toLongLong();
    f.birthdayMonth = m_month->currentData().toInt();
    f.withStoredValue = m_stored->isChecked();
    f.withPoints = m_points->isChecked();
    m_model.setFullPhones(m_session.op().isManager());
    if (auto st = m_model.setFilter(f); !st) {
        m_count->setText(st.error().message);
        return;
    }
    m_count->setText(tr("%n member(s)", nullptr, m_model.rowCount()));
}

} // namespace huike::ui
