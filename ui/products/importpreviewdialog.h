#pragma once

#include "catalog/catalog.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace huike::ui {

// Before a product file is imported: which encoding it was read in and its first rows as decoded,
// so that a file from an old GBK tool that happens to be valid UTF-8 shows its names garbled
// here, and the manager picks the other encoding (F2) instead of importing mojibake.
class ImportPreviewDialog : public QDialog {
    Q_OBJECT
public:
    ImportPreviewDialog(const QString &fileName, QByteArray bytes, QWidget *parent = nullptr);
    TextEncoding encoding() const;

private:
    void refresh();

    QByteArray m_bytes;
    QComboBox *m_encoding;
    QLabel *m_summary;
    QTableWidget *m_table;
    QPushButton *m_import;
};

} // namespace huike::ui
