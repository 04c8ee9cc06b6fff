#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace huike::ui {

class AppSession;

// 小票: the receipt as it will print (58 or 80 mm). Found by its number in any case or by the last
// digits of one of today's numbers; the list is narrowed by day, amount, member and tender, and
// walked with the arrow keys from the number field. Ctrl+P prints it on the till's printer.
class ReceiptDialog : public QDialog {
    Q_OBJECT
public:
    ReceiptDialog(AppSession &session, const QString &receiptNo, QWidget *parent = nullptr);
    QString shownText() const;
    int listedCount() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void show(const QString &receiptNo);
    void refill();
    QString current() const;

    AppSession &m_session;
    QLineEdit *m_number;
    QDateEdit *m_day;
    QCheckBox *m_anyDay;
    QLineEdit *m_amount;
    QLineEdit *m_member;
    QComboBox *m_tender;
    QListWidget *m_list;
    QPlainTextEdit *m_text;
    QComboBox *m_width;
    QLabel *m_printed;
    QString m_shown; // the receipt on the right, as its number is stored
};

} // namespace huike::ui
