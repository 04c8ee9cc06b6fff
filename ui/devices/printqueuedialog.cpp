#include "printqueuedialog.h"

#include "printqueue.h"

#include "app/appcontext.h"
#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/style.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

namespace {

QString kindLabel(const QString &kind)
{
    if (kind == QLatin1String("reprint"))
        return PrintQueueDialog::tr("Reprint");
    if (kind == QLatin1String("test"))
        return PrintQueueDialog::tr("Test page");
    return PrintQueueDialog::tr("Receipt");
}

} // namespace

PrintQueueDialog::PrintQueueDialog(AppSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_state(new QLabel), m_table(new QTableWidget(0, 6))
{
    setWindowTitle(tr("Print queue"));
    resize(860, 460);
    auto *layout = new QVBoxLayout(this);
    m_state->setObjectName(QStringLiteral("printerState"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    m_table->setObjectName(QStringLiteral("printJobs"));
    setUpPickList(m_table, {tr("Time"), tr("What"), tr("Receipt"), tr("State"), tr("Tries"), tr("Why not")});
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    QPushButton *again = keyButton(QStringLiteral("Enter"), tr("Print again"));
    again->setObjectName(QStringLiteral("printAgain"));
    QPushButton *cancel = keyButton(QStringLiteral("Del"), tr("Give up"));
    cancel->setObjectName(QStringLiteral("giveUp"));
    QPushButton *test = keyButton(QStringLiteral("T"), tr("Test page"));
    test->setObjectName(QStringLiteral("testPage"));
    QPushButton *close = keyButton(QStringLiteral("Esc"), tr("Close"));
    buttons->addWidget(again);
    buttons->addWidget(cancel);
    buttons->addWidget(test);
    buttons->addStretch();
    buttons->addWidget(close);
    layout->addLayout(buttons);
    // The keys on the buttons: Enter is the default button, Esc closes any dialog.
    again->setDefault(true);
    for (auto [key, button] : {std::pair{Qt::Key_Delete, cancel}, std::pair{Qt::Key_T, test}}) {
        auto *shortcut = new QShortcut(QKeySequence(key), this);
        connect(shortcut, &QShortcut::activated, button, &QPushButton::click);
    }
    connect(again, &QPushButton::clicked, this, &PrintQueueDialog::printAgain);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &PrintQueueDialog::printAgain);
    connect(cancel, &QPushButton::clicked, this, &PrintQueueDialog::giveUp);
    connect(test, &QPushButton::clicked, this, [this] {
        if (auto id = m_session.printer().printTestPage(); !id)
            MessageBox::warning(this, windowTitle(), id.error().message);
        reload();
    });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    PrintQueue &printer = session.printer();
    connect(&printer, &PrintQueue::jobsChanged, this, &PrintQueueDialog::reload);
    connect(&printer, &PrintQueue::stateChanged, this, &PrintQueueDialog::reload);
    reload();
}

int PrintQueueDialog::rowCount() const
{
    return m_table->rowCount();
}

void PrintQueueDialog::reload()
{
    PrintQueue &printer = m_session.printer();
    const PrinterSettings &settings = printer.settings();
    m_state->setText(settings.configured()
                         ? tr("%1 — %2").arg(settings.spec, printer.state().text())
                         : tr("No receipt printer is set up: a manager sets one in Settings, Devices."));
    const qint64 selected = selectedJob();
    auto jobs = printer.jobs().recent(100);
    if (!jobs) {
        m_state->setText(jobs.error().message);
        return;
    }
    const qint64 now = m_session.ctx().clock().nowMs();
    m_table->setRowCount(static_cast<int>(jobs->size()));
    for (int r = 0; r < jobs->size(); ++r) {
        const PrintJob &j = jobs->at(r);
        QString state;
        if (j.state == QLatin1String("printed"))
            state = tr("printed %1").arg(m_session.ctx().time().local(j.finishedAtMs).toString(QStringLiteral("HH:mm:ss")));
        else if (j.state == QLatin1String("cancelled"))
            state = tr("given up");
        else if (j.retriedAutomatically(now))
            state = j.attempts > 0 ? tr("waiting, tried again") : tr("waiting");
        else
            state = tr("not printed: press Print again");
        const QStringList cells = {m_session.ctx().time().format(j.createdAtMs), kindLabel(j.kind), j.reference, state,
                                   QString::number(j.attempts), j.lastError};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (j.state == QLatin1String("waiting"))
                item->setForeground(QColor(0xb0, 0x30, 0x20));
            m_table->setItem(r, c, item);
        }
        m_table->item(r, 0)->setData(Qt::UserRole, j.id);
        if (j.id == selected)
            m_table->selectRow(r);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
}

qint64 PrintQueueDialog::selectedJob() const
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, 0))
        return 0;
    return m_table->item(row, 0)->data(Qt::UserRole).toLongLong();
}

void PrintQueueDialog::printAgain()
{
    const qint64 id = selectedJob();
    if (id == 0)
        return;
    PrintQueue &printer = m_session.printer();
    auto job = printer.jobs().job(id);
    if (!job) {
        MessageBox::warning(this, windowTitle(), job.error().message);
        return;
    }
    // One still waiting is sent again as it is; one that printed is a new copy that says 重印.
    QString failed;
    if (job->state == QLatin1String("waiting")) {
        if (auto st = printer.retry(id); !st)
            failed = st.error().message;
    } else if (auto again = job->kind == QLatin1String("test") ? printer.printTestPage()
                                                               : printer.printReceipt(job->reference);
               !again) {
        failed = again.error().message;
    }
    if (!failed.isEmpty())
        MessageBox::warning(this, windowTitle(), failed);
    reload();
}

void PrintQueueDialog::giveUp()
{
    const qint64 id = selectedJob();
    if (id == 0)
        return;
    if (MessageBox::question(this, windowTitle(), tr("Give up printing this receipt? The sale stays recorded; "
                                                     "it can be printed again from Receipts (F10).")) !=
        QMessageBox::Yes)
        return;
    if (auto st = m_session.printer().cancel(id, m_session.op().id); !st)
        MessageBox::warning(this, windowTitle(), st.error().message);
    reload();
}

} // namespace huike::ui
