#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QDoubleSpinBox;
class QTableWidget;

namespace huike::ui {

class AppSession;
class DevicesPage;

// 设置 (managers): the store as receipts show it, checkout rules, the operators (add, unlock
// after five wrong PINs) and the till's devices.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(AppSession &session, QWidget *parent = nullptr);

private:
    void save();
    void reloadOperators();
    void unlockSelected();
    void addOperator();
    void editSelected();

    AppSession &m_session;
    QLineEdit *m_storeName;
    QLineEdit *m_storeAddress;
    QLineEdit *m_storePhone;
    QLineEdit *m_receiptFooter;
    QComboBox *m_rounding;
    QLineEdit *m_discountLimit;
    QSpinBox *m_interKey;
    QDoubleSpinBox *m_scaleMax;
    QSpinBox *m_confirmQuantity;
    QTableWidget *m_operators;
    DevicesPage *m_devices;
};

} // namespace huike::ui
