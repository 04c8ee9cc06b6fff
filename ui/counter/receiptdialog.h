#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QComboBox;

namespace huike::ui {

class AppSession;

// 小票: the receipt as it will print (58 or 80 mm), for any receipt number; the recent ones are
// listed for picking with the arrow keys. The printer itself comes with the devices work.
class ReceiptDialog : public QDialog {
    Q_OBJECT
public:
    ReceiptDialog(AppSession &session, const QString &receiptNo, QWidget *parent = nullptr);
    QString shownText() const;

private:
    void show(const QString &receiptNo);

    AppSession &m_session;
    QLineEdit *m_number;
    QListWidget *m_recent;
    QPlainTextEdit *m_text;
    QComboBox *m_width;
};

} // namespace huike::ui
