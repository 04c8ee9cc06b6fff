#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace huike::ui {

class AppSession;

// 设置 (managers): checkout rules and the operators (add, unlock after five wrong PINs).
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(AppSession &session, QWidget *parent = nullptr);

private:
    void save();
    void reloadOperators();
    void unlockSelected();
    void addOperator();

    AppSession &m_session;
    QComboBox *m_rounding;
    QLineEdit *m_discountLimit;
    QSpinBox *m_interKey;
    QTableWidget *m_operators;
};

} // namespace huike::ui
