#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace huike {
class Clock;
}

namespace huike::ui {

// 开店设置: the first start on a database file that holds no store. The shop gives its name,
// address and telephone and the administrator's code and PIN; demo data is an opt-in for trying
// Huike, never filled into a real shop's file unasked. The store is made by the engine's
// createStoreFile (as `huike-cli init` makes it): whole or not at all.
class SetupDialog : public QDialog {
    Q_OBJECT
public:
    SetupDialog(QString path, const Clock &clock, QWidget *parent = nullptr);

    QString message() const;

private:
    void create();

    QString m_path;
    const Clock &m_clock;
    QLineEdit *m_name;
    QLineEdit *m_address;
    QLineEdit *m_phone;
    QLineEdit *m_adminCode;
    QLineEdit *m_adminName;
    QLineEdit *m_pin;
    QLineEdit *m_pinAgain;
    QCheckBox *m_demo;
    QLabel *m_message;
};

} // namespace huike::ui
