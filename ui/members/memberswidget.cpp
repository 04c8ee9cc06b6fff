#include "memberswidget.h"

#include "memberdetaildialog.h"
#include "memberform.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/inputdialogs.h"
#include "common/managerauthdialog.h"
#include "common/style.h"
#include "members/levels.h"
#include "members/earnings.h"
#include "members/membercsv.h"
#include "members/pointscsv.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace huike::ui {

MembersWidget::MembersWidget(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(session.ctx().db(), session.ctx().time()),
      m_search(new QLineEdit), m_level(new QComboBox), m_month(new QComboBox),
      m_stored(new QCheckBox(tr("With stored value"))), m_points(new QCheckBox(tr("With points"))),
      m_table(new QTableView), m_count(new QLabel), m_tag(new QComboBox), m_consent(new QComboBox),
      m_field(new QComboBox), m_fieldValue(new QLineEdit), m_fieldTo(new QLineEdit)
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

    auto *more = new QHBoxLayout;
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_consent->setObjectName(QStringLiteral("consentFilter"));
    m_consent->addItem(tr("Any consent"), -1);
    m_consent->addItem(tr("Agreed to offers"), 1);
    m_consent->addItem(tr("Not agreed"), 0);
    m_field->setObjectName(QStringLiteral("fieldFilter"));
    m_fieldValue->setObjectName(QStringLiteral("fieldValue"));
    m_fieldTo->setObjectName(QStringLiteral("fieldTo"));
    m_fieldTo->setPlaceholderText(tr("to"));
    more->addWidget(m_tag);
    more->addWidget(m_consent);
    more->addWidget(m_field);
    more->addWidget(m_fieldValue);
    more->addWidget(m_fieldTo);
    more->addStretch(1);
    QPushButton *add = keyButton(QStringLiteral("F2"), tr("New member"));
    QPushButton *open = keyButton(QStringLiteral("Enter"), tr("Details"));
    auto *importButton = new QPushButton(tr("Import…"));
    auto *exportButton = new QPushButton(tr("Export…"));
    auto *pointsButton = new QPushButton(tr("Points in bulk…"));
    pointsButton->setObjectName(QStringLiteral("importPoints"));
    importButton->setObjectName(QStringLiteral("importMembers"));
    exportButton->setObjectName(QStringLiteral("exportMembers"));
    for (QPushButton *b : {add, open, importButton, exportButton, pointsButton})
        more->addWidget(b);
    layout->addLayout(more);

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
    for (QLineEdit *edit : {m_search, m_fieldValue, m_fieldTo}) {
        connect(edit, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &MembersWidget::refresh);
    }
    for (QComboBox *box : {m_level, m_month, m_tag, m_consent})
        connect(box, &QComboBox::currentIndexChanged, this, &MembersWidget::refresh);
    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        // The value boxes say what the chosen field takes; a range only for numbers and dates.
        const int i = m_field->currentIndex() - 1;
        const MemberField f = i >= 0 && i < m_fields.size() ? m_fields.at(i) : MemberField{};
        m_fieldValue->setEnabled(i >= 0);
        m_fieldValue->setPlaceholderText(f.choices.isEmpty() ? (f.kind == QLatin1String("date") ? tr("from 2027-01-01")
                                                                : f.kind == QLatin1String("number") ? tr("from")
                                                                                                    : tr("contains"))
                                                             : f.choices.join(QStringLiteral(" / ")));
        m_fieldTo->setVisible(f.kind == QLatin1String("date") || f.kind == QLatin1String("number"));
        refresh();
    });
    connect(m_stored, &QCheckBox::toggled, this, &MembersWidget::refresh);
    connect(m_points, &QCheckBox::toggled, this, &MembersWidget::refresh);
    // Enter or a double click on a row (QAbstractItemView's activated); in the search box Enter searches.
    connect(m_table, &QTableView::activated, this, &MembersWidget::openSelected);
    connect(open, &QPushButton::clicked, this, &MembersWidget::openSelected);
    connect(add, &QPushButton::clicked, this, &MembersWidget::registerMember);
    connect(new QShortcut(QKeySequence(Qt::Key_F2), this), &QShortcut::activated, this, &MembersWidget::registerMember);
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import members"), {}, tr("CSV files (*.csv *.txt)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export members"), tr("members.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportFile(path);
    });
    connect(pointsButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Points in bulk"), {}, tr("CSV files (*.csv *.txt)"));
        if (!path.isEmpty())
            importPointsFile(path);
    });
    // Import and export carry every member's whole phone number, and points are the shop's money:
    // managers only.
    auto managersOnly = [this, importButton, exportButton, pointsButton] {
        for (QPushButton *b : {importButton, exportButton, pointsButton})
            b->setEnabled(m_session.op().isManager());
    };
    connect(&session, &AppSession::operatorChanged, this, managersOnly);
    managersOnly();
    reloadChoices();
    refresh();
}

void MembersWidget::reloadChoices()
{
    // The tags and fields the shop has now (a member edited a moment ago may have brought a new
    // tag); counting tags reads them all, so not on every keystroke.
    const QString tag = m_tag->currentData().toString();
    const qint64 fieldId = m_field->currentData().toLongLong();
    {
        const QSignalBlocker quiet(m_tag);
        const QSignalBlocker quietField(m_field);
        m_tag->clear();
        m_tag->addItem(tr("Any tag"), QString());
        if (auto counts = tagCounts(m_session.ctx().db()))
            for (const auto &[t, n] : *counts)
                m_tag->addItem(QStringLiteral("%1 (%2)").arg(t).arg(n), t);
        m_tag->setCurrentIndex(std::max(0, m_tag->findData(tag)));
        m_field->clear();
        m_field->addItem(tr("Any custom field"), qint64(0));
        if (auto fields = memberFields(m_session.ctx().db()))
            m_fields = *fields;
        for (const MemberField &f : std::as_const(m_fields))
            m_field->addItem(f.label, f.id);
        m_field->setCurrentIndex(std::max(0, m_field->findData(fieldId)));
        m_field->setVisible(!m_fields.isEmpty());
        m_fieldValue->setVisible(!m_fields.isEmpty());
        m_fieldValue->setEnabled(m_field->currentIndex() > 0);
        if (m_field->currentIndex() <= 0)
            m_fieldTo->setVisible(false);
    }
}

void MembersWidget::refresh()
{
    MemberFilter f;
    f.text = m_search->text();
    f.levelId = m_level->currentData().toLongLong();
    f.birthdayMonth = m_month->currentData().toInt();
    f.withStoredValue = m_stored->isChecked();
    f.withPoints = m_points->isChecked();
    f.tag = m_tag->currentData().toString();
    if (const int c = m_consent->currentData().toInt(); c >= 0)
        f.consent = c == 1;
    f.fieldId = m_field->currentData().toLongLong();
    if (f.fieldId > 0) {
        f.fieldValue = m_fieldValue->text();
        f.fieldTo = m_fieldTo->isVisible() ? m_fieldTo->text() : QString();
    }
    m_model.setFullPhones(m_session.op().isManager());
    if (auto st = m_model.setFilter(f); !st) {
        m_count->setText(st.error().message);
        return;
    }
    m_count->setText(tr("%n member(s)", nullptr, m_model.rowCount()));
}

void MembersWidget::openSelected()
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return;
    MemberDetailDialog d(m_session, m_model.memberIdAt(index.row()), this);
    execDialog(d);
    if (d.changed()) {
        reloadChoices();
        refresh();
    }
}

void MembersWidget::registerMember()
{
    QDialog d(this);
    d.setObjectName(QStringLiteral("newMember"));
    d.setWindowTitle(tr("New member"));
    d.resize(760, 620);
    auto *layout = new QVBoxLayout(&d);
    auto *form = new MemberForm(m_session);
    form->phoneField()->setText(m_search->text().trimmed().size() == 11 ? m_search->text().trimmed() : QString());
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(form);
    layout->addWidget(scroll, 1);
    auto *message = new QLabel;
    message->setObjectName(QStringLiteral("newMemberMessage"));
    message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    message->setWordWrap(true);
    layout->addWidget(message);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    QPushButton *cancel = keyButton(QStringLiteral("Esc"), tr("Cancel"));
    QPushButton *ok = keyButton(QStringLiteral("Ctrl+S"), tr("Register"));
    ok->setObjectName(QStringLiteral("registerButton"));
    buttons->addWidget(cancel);
    buttons->addWidget(ok);
    layout->addLayout(buttons);
    connect(cancel, &QPushButton::clicked, &d, &QDialog::reject);
    auto save = [&] {
        QString problem;
        const auto in = form->input(&problem);
        if (!in) {
            message->setText(problem);
            return;
        }
        AppContext &ctx = m_session.ctx();
        auto m = ctx.members().registerMember(*in, m_session.op().id);
        if (!m) {
            message->setText(m.error().message);
            return;
        }
        d.accept(); // registered: the dialog closes whatever becomes of the photo
        if (form->photoChanged() && !form->photo().isEmpty())
            if (auto st = setMemberPhoto(ctx.db(), m->id, form->photo(), m_session.op().id, ctx.clock().nowMs()); !st)
                MessageBox::warning(&d, tr("New member"),
                                    tr("%1 is registered, but the photo was not kept: %2").arg(m->phone, st.error().message));
    };
    connect(ok, &QPushButton::clicked, &d, save);
    connect(new QShortcut(QKeySequence(QStringLiteral("Ctrl+S")), &d), &QShortcut::activated, &d, save);
    if (execDialog(d) == QDialog::Accepted) {
        m_search->clear();
        reloadChoices();
        refresh();
    }
}

void MembersWidget::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        MessageBox::warning(this, tr("Import members"), tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return;
    }
    const QByteArray bytes = file.readAll();
    AppContext &ctx = m_session.ctx();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const MemberImportReport report = importMembersCsv(ctx.db(), ctx.clock(), ctx.time(), ctx.store().storeId,
                                                       m_session.op().id, bytes);
    QApplication::restoreOverrideCursor();
    QStringList lines;
    if (!report.error.isEmpty())
        lines << report.error;
    lines << tr("%1 of %2 rows imported (%3), %4 refused, of them %5 duplicates.")
                 .arg(report.added)
                 .arg(report.rows)
                 .arg(report.encoding)
                 .arg(report.errors.size())
                 .arg(report.duplicates());
    showReport(tr("Import members"), lines, report.errors, report.error.isEmpty());
    reloadChoices();
    refresh();
}

void MembersWidget::importPointsFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        MessageBox::warning(this, tr("Points in bulk"), tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return;
    }
    const QByteArray bytes = file.readAll();
    const auto reason = askText(this, tr("Points in bulk"), tr("Reason for rows that give none (kept in the log):"),
                                tr("Member campaign"));
    if (!reason)
        return;
    const auto approval = ManagerAuthDialog::ask(m_session, tr("Points in bulk from %1").arg(QFileInfo(path).fileName()),
                                                 pointsImportScope(bytes), this);
    if (!approval)
        return;
    AppContext &ctx = m_session.ctx();
    const LedgerContext where = m_session.ledgerContext();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const PointsImportReport r = importPointsCsv(ctx.db(), where, bytes, *reason, approval->token);
    QApplication::restoreOverrideCursor();
    QStringList lines;
    if (!r.error.isEmpty())
        lines << r.error;
    else
        lines << tr("%1 of %2 rows applied: %3 points given, %4 taken off; %5 rows left out.")
                     .arg(r.applied)
                     .arg(r.rows)
                     .arg(r.added)
                     .arg(r.taken)
                     .arg(r.errors.size());
    showReport(tr("Points in bulk"), lines, r.errors, r.error.isEmpty(),
               r.error.isEmpty() ? tr("This file is now applied: put the corrected rows in a new file.") : QString());
    refresh();
}

void MembersWidget::showReport(const QString &title, QStringList lines, const QList<MemberImportError> &errors,
                               bool whole, const QString &afterErrors)
{
    // The first refusals with their lines; the whole list would not fit a message.
    for (qsizetype i = 0; i < std::min<qsizetype>(errors.size(), 12); ++i)
        lines << tr("Line %1: %2").arg(errors.at(i).line).arg(errors.at(i).message);
    if (errors.size() > 12)
        lines << tr("… and %1 more.").arg(errors.size() - 12);
    if (!errors.isEmpty() && !afterErrors.isEmpty())
        lines << afterErrors;
    if (whole && errors.isEmpty())
        MessageBox::information(this, title, lines.join(QLatin1Char('\n')));
    else
        MessageBox::warning(this, title, lines.join(QLatin1Char('\n')));
}

void MembersWidget::exportFile(const QString &path)
{
    // QSaveFile: a full disk or a cancelled write leaves the old file, never half a list.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        MessageBox::warning(this, tr("Export members"), tr("%1 cannot be written: %2").arg(path, file.errorString()));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto n = exportMembersCsv(m_session.ctx().db(), m_session.ctx().time(), file);
    const bool committed = n && file.commit();
    QApplication::restoreOverrideCursor();
    if (!committed) {
        MessageBox::warning(this, tr("Export members"),
                            n ? tr("%1 cannot be written: %2").arg(path, file.errorString()) : n.error().message);
        return;
    }
    MessageBox::information(this, tr("Export members"), tr("%n member(s) written to %1.", nullptr, static_cast<int>(*n)).arg(path));
}

} // namespace huike::ui
