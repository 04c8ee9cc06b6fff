#include "callpopup.h"

#include "app/appcontext.h"
#include "common/appsession.h"
#include "core/phone.h"
#include "members/memberanalysis.h"
#include "segments/service.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace huike::ui {

CallPopup::CallPopup(AppSession &session, QWidget *window)
    : QFrame(window, Qt::Tool | Qt::WindowStaysOnTopHint), m_session(session), m_number(new QLabel),
      m_member(new QLabel), m_analysis(new QLabel), m_attach(new QPushButton), m_detail(new QPushButton),
      m_register(new QPushButton)
{
    setObjectName(QStringLiteral("callPopup"));
    setWindowTitle(tr("Incoming call"));
    // The cashier keeps typing and scanning while it shows.
    setAttribute(Qt::WA_ShowWithoutActivating);
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(380);
    auto *layout = new QVBoxLayout(this);
    m_number->setObjectName(QStringLiteral("callNumber"));
    m_number->setStyleSheet(QStringLiteral("font-size: 22px; font-weight: bold;"));
    m_member->setObjectName(QStringLiteral("callMember"));
    m_member->setWordWrap(true);
    m_member->setTextFormat(Qt::RichText);
    m_analysis->setWordWrap(true);
    m_analysis->setTextFormat(Qt::RichText);
    layout->addWidget(m_number);
    layout->addWidget(m_member);
    layout->addWidget(m_analysis);
    auto *buttons = new QHBoxLayout;
    m_attach->setObjectName(QStringLiteral("callAttach"));
    m_attach->setText(tr("Attach to the sale"));
    m_detail->setObjectName(QStringLiteral("callDetail"));
    m_detail->setText(tr("Member details"));
    m_register->setObjectName(QStringLiteral("callRegister"));
    m_register->setText(tr("Register"));
    auto *close = new QPushButton(tr("Close"));
    for (QPushButton *b : {m_attach, m_detail, m_register, close}) {
        b->setFocusPolicy(Qt::NoFocus); // clicked, never typed into by the counter's keys
        buttons->addWidget(b);
    }
    layout->addLayout(buttons);
    connect(m_attach, &QPushButton::clicked, this, [this] {
        Q_EMIT attachRequested(m_call.memberId);
        hide();
    });
    connect(m_detail, &QPushButton::clicked, this, [this] { Q_EMIT detailRequested(m_call.memberId); });
    connect(m_register, &QPushButton::clicked, this,
            [this] { Q_EMIT registerRequested(callerMobile(m_call.number), m_call.id); });
    connect(close, &QPushButton::clicked, this, &QWidget::hide);
}

void CallPopup::showCall(const CallRecord &call)
{
    m_call = call;
    const QString number = !call.number.isEmpty()                    ? call.number
                           : call.withheld == QLatin1String("private") ? tr("number withheld")
                                                                       : tr("number not available");
    m_number->setText(tr("Call: %1").arg(number));
    const bool member = call.memberId > 0;
    m_attach->setVisible(member);
    m_detail->setVisible(member);
    m_register->setVisible(!member && !callerMobile(call.number).isEmpty());
    m_analysis->clear();
    if (!member) {
        m_member->setText(call.name.isEmpty() ? tr("New caller: no member has this number.")
                                              : tr("New caller (%1): no member has this number.").arg(call.name.toHtmlEscaped()));
    } else if (auto m = m_session.ctx().members().byId(call.memberId)) {
        QString text = tr("<b>%1</b> · %2 · %3<br>Stored value %4 · points %5")
                           .arg((m->name.isEmpty() ? tr("(no name)") : m->name).toHtmlEscaped(), maskPhone(m->phone),
                                m->levelName.toHtmlEscaped(), (m->principal + m->bonus).display())
                           .arg(m->points);
        if (!m->notes.trimmed().isEmpty())
            text += tr("<br>Notes: %1").arg(m->notes.trimmed().toHtmlEscaped());
        m_member->setText(text);
        m_analysis->setText(memberAnalysisText(m_session.segments().latest().get(), call.memberId));
    } else {
        m_member->setText(m.error().message.toHtmlEscaped());
    }
    adjustSize();
    place();
    // Where the window system activates every new window regardless, the keys go back to where
    // they were: the cashier may be scanning as the phone rings.
    QWidget *before = QApplication::activeWindow();
    show();
    raise();
    if (before && before != this)
        before->activateWindow();
}

QString CallPopup::shownText() const
{
    return m_number->text() + QLatin1Char('\n') + m_member->text() + QLatin1Char('\n') + m_analysis->text();
}

void CallPopup::place()
{
    // The bottom right of the window, above the status bar, where it covers the least of the till.
    QWidget *window = parentWidget();
    if (!window)
        return;
    const QRect frame = window->frameGeometry();
    move(frame.right() - width() - 24, frame.bottom() - height() - 48);
}

} // namespace huike::ui
