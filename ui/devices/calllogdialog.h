#pragma once

#include "members/calls.h"

#include <QDialog>

class QTableWidget;

namespace huike::ui {

class AppSession;

// 来电记录: the recent calls at every till, newest first, with the member each number belongs to.
// Enter on a member's call opens 会员详情; on a new caller's mobile, registers them.
class CallLogDialog : public QDialog {
    Q_OBJECT
public:
    explicit CallLogDialog(AppSession &session, QWidget *parent = nullptr);
    int rowCount() const;

Q_SIGNALS:
    void detailRequested(qint64 memberId);
    void registerRequested(const QString &mobile, qint64 callId);

private:
    void reload();
    void openSelected();

    AppSession &m_session;
    QTableWidget *m_table;
    QList<CallRecord> m_calls;
};

} // namespace huike::ui
