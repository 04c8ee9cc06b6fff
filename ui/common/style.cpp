#include "style.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QHeaderView>
#include <QStringList>
#include <QTableWidget>
#include <QEvent>
#include <QPushButton>

namespace huike::ui {

void applyStyle(QApplication &app)
{
    // Prefer a font that has Chinese glyphs; fall back to whatever the system offers.
    const QStringList preferred = {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("WenQuanYi Micro Hei"),
                                   QStringLiteral("Source Han Sans SC"), QStringLiteral("Microsoft YaHei")};
    const QStringList families = QFontDatabase::families();
    for (const QString &f : preferred) {
        if (families.contains(f)) {
            QFont font(f);
            font.setPointSize(11);
            app.setFont(font);
            break;
        }
    }
    app.setStyle(QStringLiteral("Fusion"));
    app.setStyleSheet(QStringLiteral(
        "QMainWindow, QDialog { background: #f4f6f9; }"
        "QPushButton { background: #ffffff; border: 1px solid #c9d1dc; border-radius: 4px; padding: 6px "
        "10px; }"
        "QPushButton:hover { border-color: #1769d1; }"
        "QPushButton:focus { border: 2px solid #1769d1; }"
        "QPushButton#primary { background: #1769d1; color: white; font-weight: bold; border-color: #1769d1; }"
        "QPushButton#danger { color: #b3261e; }"
        // The tender being taken, unmistakable at a glance.
        "QPushButton:checked { background: #fff3cd; color: #111; font-weight: bold; border: 3px solid #e08a00; }"
        "QLineEdit { padding: 5px; border: 1px solid #c9d1dc; border-radius: 4px; background: white; }"
        "QLineEdit:focus { border: 2px solid #1769d1; }"
        "QTableView { background: white; alternate-background-color: #f7f9fc; selection-background-color: "
        "#d7e6fb;"
        "  selection-color: #111; gridline-color: #e3e7ee; }"
        "QHeaderView::section { background: #eef2f7; padding: 4px; border: none; border-bottom: 1px solid "
        "#c9d1dc; }"
        "QLabel#total { font-size: 34pt; font-weight: bold; color: #b3261e; }"
        "QLabel#caption { color: #5b6675; }"
        "QLabel#change { font-size: 40pt; font-weight: bold; color: #0b7a3e; }"
        "QLabel#message { font-size: 12pt; padding: 4px; }"
        "QFrame#panel { background: white; border: 1px solid #dfe4ea; border-radius: 6px; }"
        "QTabWidget::pane { border: none; }"
        "QTabBar::tab { padding: 8px 18px; }"));
}

namespace {

// A button's shortcut normally "animates" the click and fires it 100 ms later. At a till the next
// key often comes sooner (F3 for WeChat, then the amount): the key must act at once, in order.
class KeyButton : public QPushButton {
public:
    using QPushButton::QPushButton;

protected:
    bool event(QEvent *e) override
    {
        if (e->type() == QEvent::Shortcut) {
            if (isEnabled() && isVisible())
                click();
            return true;
        }
        return QPushButton::event(e);
    }
};

} // namespace

QPushButton *keyButton(const QString &key, const QString &label)
{
    auto *b = new KeyButton(key.isEmpty() ? label : key + QStringLiteral("  ") + label);
    b->setFocusPolicy(Qt::NoFocus); // the keyboard drives the counter; buttons are for the mouse
    b->setMinimumHeight(40);
    b->setAutoDefault(false); // Enter belongs to the field that has focus, never to a button
    return b;
}

QFont receiptFont(int pointSize)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const QString &f : {QStringLiteral("Noto Sans Mono CJK SC"), QStringLiteral("WenQuanYi Zen Hei Mono")})
        if (QFontDatabase::families().contains(f)) {
            mono = QFont(f);
            break;
        }
    mono.setPointSize(pointSize);
    return mono;
}

void setUpPickList(QTableWidget *table, const QStringList &headers)
{
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
}

} // namespace huike::ui
