#include "calllogdialog.h"

#include "app/appcontext.h"
#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/style.h"
#include "core/phone.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

CallLogDialog::CallLogDialog(AppSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_table(new QTableWidget(0, 5))
{
    setWindowTitle(tr("Call log"));
    resize(820, 480);
    auto *layout = new QVBoxLayout(this);
    m_table->setObjectName(QStringLiteral("calls"));
    setUpPickList(m_table, {tr("Time"), tr("Number"), tr("Member"), tr("Level and mobile"), tr("Caller name")});
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    QPushButton *open = keyButton(QStringLiteral("Enter"), tr("Member details / register"));
    open->setObjectName(QStringLiteral("openCall"));
    open->setDefault(true);
    QPushButton *close = keyButton(QStringLiteral("Esc"), tr("Close"));
    buttons->addWidget(open);
    buttons->addStretch();
    buttons->addWidget(close);
    layout->addLayout(buttons);
    connect(open, &QPushButton::clicked, this, &CallLogDialog::openSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &CallLogDialog::openSelected);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    reload();
    m_table->setFocus();
}

int CallLogDialog::rowCount() const
{
    return m_table->rowCount();
}

void CallLogDialog::reload()
{
    CallLog log(m_session.ctx().db(), m_session.ctx().store().terminal);
    auto calls = log.recent(200);
    if (!calls) {
        MessageBox::warning(this, windowTitle(), calls.error().message);
        return;
    }
    m_calls = *calls;
    m_table->setRowCount(static_cast<int>(m_calls.size()));
    for (int r = 0; r < m_calls.size(); ++r) {
        const CallRecord &c = m_calls.at(r);
        QString level;
        if (c.memberId > 0)
            if (auto m = m_session.ctx().members().byId(c.memberId))
                level = QStringLiteral("%1 · %2").arg(m->levelName, maskPhone(m->phone));
        const QString number = !c.number.isEmpty()                     ? c.number
                               : c.withheld == QLatin1String("private") ? tr("withheld")
                                                                        : tr("not available");
        const QStringList cells = {m_session.ctx().time().format(c.atMs), number,
                                   c.memberId > 0 ? c.memberName : tr("new caller"), level, c.name};
        for (int col = 0; col < cells.size(); ++col)
            m_table->setItem(r, col, new QTableWidgetItem(cells.at(col)));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    if (!m_calls.isEmpty())
        m_table->selectRow(0);
}

void CallLogDialog::openSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_calls.size())
        return;
    const CallRecord &c = m_calls.at(row);
    if (c.memberId > 0)
        Q_EMIT detailRequested(c.memberId);
    else if (const QString mobile = callerMobile(c.number); !mobile.isEmpty())
        Q_EMIT registerRequested(mobile, c.id);
    else
        MessageBox::information(this, windowTitle(), tr("This caller's number is no mobile: there is no member to find or register."));
    reload();
}

} // namespace huike::ui
