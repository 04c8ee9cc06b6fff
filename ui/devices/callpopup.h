#pragma once

#include "members/calls.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace huike::ui {

class AppSession;

// 来电: the card that pops up over any screen when the phone rings, without taking the focus from
// the counter: the number, and the member it belongs to — name, level, balances, points, notes,
// their 会员分析 classes and last purchase — or "new caller" with 登记. Stays until closed or the
// next call.
class CallPopup : public QFrame {
    Q_OBJECT
public:
    CallPopup(AppSession &session, QWidget *window);
    void showCall(const CallRecord &call);
    const CallRecord &call() const { return m_call; }
    QString shownText() const; // what the card says, for tests

Q_SIGNALS:
    void attachRequested(qint64 memberId);
    void detailRequested(qint64 memberId);
    void registerRequested(const QString &mobile, qint64 callId);

private:
    void place();

    AppSession &m_session;
    CallRecord m_call;
    QLabel *m_number;
    QLabel *m_member;
    QLabel *m_analysis;
    QPushButton *m_attach;
    QPushButton *m_detail;
    QPushButton *m_register;
};

} // namespace huike::ui
