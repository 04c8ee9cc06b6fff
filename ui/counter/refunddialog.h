#pragma once

#include "members/storedvalue.h"
#include "sales/returns.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace huike::ui {

class AppSession;

// 退货: find the receipt by number (typed or scanned from the receipt's barcode), choose the lines
// and quantities to take back (all that is left by default), give a reason, see which tenders the
// money goes back through (the ones paid with, or F5: all in cash) and a manager approves.
// A recharge receipt (退充值) has no lines: the principal still unspent goes back, the bonus still
// left with it is taken back, shown as one row.
class RefundDialog : public QDialog {
    Q_OBJECT
public:
    RefundDialog(AppSession &session, QWidget *parent = nullptr);
    const QString &refundReceiptNo() const { return m_result; }

private:
    void load();
    bool loadRecharge(); // true when the receipt is a recharge (shown, or its error shown)
    void confirmRecharge(const QString &reason, qint64 shiftId);
    void updateTotal();
    void confirm();
    Payout payout() const;
    // The tenders the money goes back through, as the engine will pay it, in words.
    QString planText(const QList<DocumentPayment> &plan) const;
    QList<RefundLineRequest> chosenLines(Money *total) const;

    AppSession &m_session;
    QLineEdit *m_number;
    QTableWidget *m_table;
    QComboBox *m_reason;
    QComboBox *m_payout;
    QLabel *m_total;
    QLabel *m_plan;
    QLabel *m_message;
    std::optional<RefundableSale> m_sale;
    std::optional<StoredValueService::RefundPreview> m_recharge;
    QString m_uuid;
    QString m_result;
};

} // namespace huike::ui
