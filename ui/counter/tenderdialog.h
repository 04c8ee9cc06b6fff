#pragma once

#include "sales/tender.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;
class QTableWidget;
class QPushButton;

namespace huike::ui {

// 结账: take one tender or a mix. F1 cash, F2 bank card, F3 WeChat, F4 Alipay pick the tender;
// the amount starts at what is still due; Enter takes it (WeChat/Alipay then ask for the payment
// reference); Del removes the last payment; the dialog closes by itself when the total is covered.
class TenderDialog : public QDialog {
    Q_OBJECT
public:
    TenderDialog(Money total, QWidget *parent = nullptr);
    const QList<TenderInput> &tenders() const { return m_tenders; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectTender(Tender t);
    void takePayment();
    void removeLast();
    void refresh();
    Money paid() const;
    Money nonCash() const;

    Money m_total;
    Tender m_current = Tender::Cash;
    QList<TenderInput> m_tenders;
    QLabel *m_due;
    QLabel *m_status;
    QLabel *m_message;
    QLineEdit *m_amount;
    QLineEdit *m_reference;
    QLabel *m_referenceLabel;
    QTableWidget *m_table;
    QList<QPushButton *> m_tenderButtons;
};

} // namespace huike::ui
