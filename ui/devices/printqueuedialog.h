#pragma once

#include <QDialog>

class QLabel;
class QTableWidget;

namespace huike::ui {

class AppSession;

// 打印队列: the till's last print jobs and how each went. A receipt that did not print is tried
// again (重打), or given up on (放弃, audited); a printed one can be printed again (it says 重印).
// Opened from the printer's state in the status bar.
class PrintQueueDialog : public QDialog {
    Q_OBJECT
public:
    explicit PrintQueueDialog(AppSession &session, QWidget *parent = nullptr);
    int rowCount() const;

private:
    void reload();
    void printAgain();
    void giveUp();
    qint64 selectedJob() const;

    AppSession &m_session;
    QLabel *m_state;
    QTableWidget *m_table;
};

} // namespace huike::ui
