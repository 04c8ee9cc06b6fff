#pragma once

#include "sales/heldorders.h"

#include <QDialog>

class QTableWidget;

namespace huike::ui {

class AppSession;

// 取单: the held carts of this store, newest last; Enter recalls, Del cancels one.
class HeldDialog : public QDialog {
    Q_OBJECT
public:
    HeldDialog(AppSession &session, QWidget *parent = nullptr);
    qint64 chosenId() const { return m_chosen; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void reload();
    void discardSelected();

    AppSession &m_session;
    QTableWidget *m_table;
    QList<HeldOrder> m_orders;
    qint64 m_chosen = 0;
};

} // namespace huike::ui
