#include "importpreviewdialog.h"

#include "common/style.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

ImportPreviewDialog::ImportPreviewDialog(const QString &fileName, QByteArray bytes, QWidget *parent)
    : QDialog(parent), m_bytes(std::move(bytes)), m_encoding(new QComboBox), m_summary(new QLabel),
      m_table(new QTableWidget)
{
    setWindowTitle(tr("Import products: %1").arg(fileName));
    resize(820, 520);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->addItem(tr("Decide from the whole file"), static_cast<int>(TextEncoding::Auto));
    m_encoding->addItem(QStringLiteral("UTF-8"), static_cast<int>(TextEncoding::Utf8));
    m_encoding->addItem(tr("GBK / GB18030 (older Chinese software)"), static_cast<int>(TextEncoding::Gb18030));
    form->addRow(tr("F2  Encoding"), m_encoding);
    layout->addLayout(form);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setStyleSheet(QStringLiteral("font-size: 12pt;"));
    layout->addWidget(m_summary);
    auto *hint = new QLabel(tr("Check that the names read right. Garbled names (such as 娉夋按) mean the wrong "
                               "encoding: press F2 to choose another."));
    hint->setObjectName(QStringLiteral("caption"));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_table->setObjectName(QStringLiteral("importRows"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    m_import = keyButton(QStringLiteral("F12"), tr("Import"));
    m_import->setObjectName(QStringLiteral("primary"));
    m_import->setShortcut(Qt::Key_F12);
    QPushButton *cancel = keyButton(QStringLiteral("Esc"), tr("Cancel"));
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(m_import);
    layout->addLayout(buttons);
    connect(m_import, &QPushButton::clicked, this, &QDialog::accept);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportPreviewDialog::refresh);
    auto *next = new QShortcut(Qt::Key_F2, this);
    connect(next, &QShortcut::activated, this,
            [this] { m_encoding->setCurrentIndex((m_encoding->currentIndex() + 1) % m_encoding->count()); });
    refresh();
}

TextEncoding ImportPreviewDialog::encoding() const
{
    return static_cast<TextEncoding>(m_encoding->currentData().toInt());
}

void ImportPreviewDialog::refresh()
{
    const ImportPreview p = Catalog::previewCsv(m_bytes, encoding());
    m_import->setEnabled(p.error.isEmpty());
    m_table->clear();
    if (!p.error.isEmpty()) {
        m_summary->setText(p.encoding.isEmpty() ? p.error : tr("Read as %1. %2").arg(p.encoding, p.error));
        m_table->setRowCount(0);
        m_table->setColumnCount(0);
        return;
    }
    QString summary = tr("Read as %1: %n product row(s).", nullptr, p.rowCount).arg(p.encoding);
    if (p.problemCount > 0)
        summary += QLatin1Char(' ') + tr("%n row(s) cannot be read and will be rejected with their line numbers.",
                                         nullptr, p.problemCount);
    m_summary->setText(summary);
    m_table->setColumnCount(static_cast<int>(p.header.size()));
    m_table->setHorizontalHeaderLabels(p.header);
    m_table->setRowCount(static_cast<int>(p.rows.size()));
    for (int r = 0; r < p.rows.size(); ++r)
        for (int c = 0; c < p.rows.at(r).size() && c < p.header.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(p.rows.at(r).at(c)));
    m_table->resizeColumnsToContents();
}

} // namespace huike::ui
