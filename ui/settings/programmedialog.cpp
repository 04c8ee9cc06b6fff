#include "programmedialog.h"

#include "programmepages.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "members/countcards.h"
#include "members/coupons.h"
#include "members/gifts.h"
#include "members/levels.h"
#include "members/points.h"
#include "members/storedvalue.h"
#include "sales/counterinput.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace huike::ui {

namespace programme {

QTableWidget *ruleTable(const QStringList &headers, const char *name)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()));
    t->setObjectName(QString::fromLatin1(name));
    t->setHorizontalHeaderLabels(headers);
    // The name takes the room left; every other column is as wide as what it shows.
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    return t;
}

QTableWidgetItem *cell(const QString &text, const QVariant &id, bool editable)
{
    auto *item = new QTableWidgetItem(text);
    if (id.isValid())
        item->setData(Qt::UserRole, id);
    if (!editable)
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

int appendRow(QTableWidget *t, const QStringList &cells, bool editable, const QVariant &id)
{
    const int row = t->rowCount();
    t->insertRow(row);
    for (int c = 0; c < cells.size(); ++c)
        t->setItem(row, c, cell(cells.at(c), c == 0 ? id : QVariant(), editable));
    return row;
}

QString text(const QTableWidget *t, int row, int col)
{
    const QTableWidgetItem *item = t->item(row, col);
    return item ? item->text().trimmed() : QString();
}

QLabel *messageLabel()
{
    auto *m = new QLabel;
    m->setObjectName(QStringLiteral("message"));
    m->setWordWrap(true);
    return m;
}

void say(QLabel *label, const QString &what, bool error)
{
    label->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
    label->setText(what);
}

bool reportChange(QLabel *label, const Status &st, const QString &done, const std::function<void()> &reload)
{
    if (!st) {
        say(label, st.error().message, true);
        return false;
    }
    reload();
    say(label, done, false);
    return true;
}

std::optional<Named> productOrCategory(AppSession &s, const QString &typed, bool categories)
{
    if (categories)
        for (const Category &c : s.ctx().catalog().categories())
            if (c.name == typed)
                return Named{0, c.id, c.name};
    if (auto p = s.ctx().catalog().byBarcode(typed))
        return Named{p->id, 0, p->name};
    return std::nullopt;
}

} // namespace programme

ProgrammeDialog::ProgrammeDialog(AppSession &session, QWidget *parent) : QDialog(parent), m_pages(new QTabWidget)
{
    setWindowTitle(tr("Member programme"));
    resize(860, 600);
    auto *layout = new QVBoxLayout(this);
    m_pages->addTab(programme::levelsPage(session), tr("Levels"));
    m_pages->addTab(programme::pointsPage(session), tr("Points"));
    m_pages->addTab(programme::rechargePage(session), tr("Stored value"));
    m_pages->addTab(programme::countCardsPage(session), tr("Count cards"));
    m_pages->addTab(programme::couponsPage(session), tr("Coupons"));
    m_pages->addTab(programme::giftsPage(session), tr("Gifts for points"));
    m_pages->addTab(programme::fieldsPage(session), tr("Custom fields"));
    layout->addWidget(m_pages);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

} // namespace huike::ui
