#include "shiftdialogs.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/inputdialogs.h"
#include "common/managerauthdialog.h"
#include "common/style.h"

#include <QCoreApplication>
#include <QDialog>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace huike::ui {

bool settleForeignShift(AppSession &session, QWidget *parent)
{
    const auto shift = session.shift();
    if (!shift || shift->operatorId == session.op().id)
        return true;
    const QString title = QCoreApplication::translate("Shift", "Another cashier's shift");
    QMessageBox box(QMessageBox::Question, title,
                    QCoreApplication::translate("Shift",
                                                "%1's shift is still open on this till. Close it with its "
                                                "report (交班) before you start, or take it over with its "
                                                "drawer uncounted, with a manager's approval.")
                        .arg(shift->operatorName),
                    QMessageBox::NoButton, parent);
    QPushButton *close = box.addButton(
        QCoreApplication::translate("Shift", "Close %1's shift (交班)").arg(shift->operatorName), QMessageBox::AcceptRole);
    close->setObjectName(QStringLiteral("closeForeignShift"));
    QPushButton *take =
        box.addButton(QCoreApplication::translate("Shift", "Take it over (manager)"), QMessageBox::ActionRole);
    take->setObjectName(QStringLiteral("takeOverShift"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(close);
    box.setEscapeButton(cancel);
    execDialog(box);
    if (box.clickedButton() == close)
        return closeShift(session, parent);
    if (box.clickedButton() != take)
        return false;
    const auto approval = ManagerAuthDialog::ask(
        session,
        QCoreApplication::translate("Shift", "%1 takes over %2's shift and drawer: from now on any cash difference "
                                             "is %1's.")
            .arg(session.op().name, shift->operatorName),
        ApprovalScope{kApproveHandover, QString::number(shift->id), Money()}, parent);
    if (!approval)
        return false;
    auto handed = session.ctx().shifts().handOver(shift->id, session.op().id, approval->token);
    if (!handed) {
        MessageBox::warning(parent, title, handed.error().message);
        return false;
    }
    session.notifyShiftChanged();
    return true;
}

void showTextReport(QWidget *parent, const QString &title, const QString &text)
{
    QDialog d(parent);
    d.setWindowTitle(title);
    d.resize(520, 720);
    auto *layout = new QVBoxLayout(&d);
    auto *view = new QPlainTextEdit(text);
    view->setObjectName(QStringLiteral("reportText"));
    view->setFont(receiptFont());
    view->setReadOnly(true);
    layout->addWidget(view);
    QPushButton *close = keyButton(QStringLiteral("Enter"), QCoreApplication::translate("Shift", "Close"));
    close->setObjectName(QStringLiteral("primary"));
    QObject::connect(close, &QPushButton::clicked, &d, &QDialog::accept);
    close->setFocusPolicy(Qt::StrongFocus);
    close->setDefault(true); // Enter closes the report
    close->setDefault(true); // Enter closes the report
    layout->addWidget(close);
    close->setFocus();
    execDialog(d);
}

bool openShift(AppSession &session, QWidget *parent)
{
    for (;;) {
        const auto cash =
            askMoney(parent, QCoreApplication::translate("Shift", "Open shift"),
                     QCoreApplication::translate("Shift", "%1, count the cash float in the drawer (yuan):")
                         .arg(session.op().name),
                     Money());
        if (!cash)
            return false;
        auto shift = session.ctx().shifts().open(session.op().id, *cash);
        if (shift) {
            session.notifyShiftChanged();
            return true;
        }
        MessageBox::warning(parent, QCoreApplication::translate("Shift", "Open shift"),
                             shift.error().message);
        if (shift.error().code == ErrorCode::Conflict)
            return true; // another cashier opened one meanwhile: the login settles it (settleForeignShift)
    }
}

bool closeShift(AppSession &session, QWidget *parent)
{
    const auto shift = session.shift();
    if (!shift) {
        MessageBox::information(parent, QCoreApplication::translate("Shift", "Close shift"),
                                 QCoreApplication::translate("Shift", "No shift is open on this till."));
        return false;
    }
    auto sofar = session.ctx().shifts().report(shift->id);
    if (!sofar) {
        MessageBox::warning(parent, QCoreApplication::translate("Shift", "Close shift"),
                             sofar.error().message);
        return false;
    }
    const auto counted = askMoney(
        parent, QCoreApplication::translate("Shift", "Close shift"),
        QCoreApplication::translate("Shift", "Sales %1, refunds %2. Count the cash in the drawer (yuan):")
            .arg(sofar->salesTotal.display(), (sofar->refundsTotal + sofar->voidsTotal).display()),
        Money());
    if (!counted)
        return false;
    auto closed = session.ctx().shifts().close(shift->id, *counted, session.op().id);
    if (!closed) {
        MessageBox::warning(parent, QCoreApplication::translate("Shift", "Close shift"),
                             closed.error().message);
        return false;
    }
    session.notifyShiftChanged();
    showTextReport(parent, QCoreApplication::translate("Shift", "Shift report"),
                   session.ctx().shifts().renderReport(*closed, 40));
    return true;
}

} // namespace huike::ui
