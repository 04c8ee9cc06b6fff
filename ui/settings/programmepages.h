#pragma once

// What the 会员方案 pages share (ui/settings/programmedialog): their tables, message lines and the
// product-or-category look-up, and the pages themselves, one factory each.

#include "core/result.h"

#include <QList>
#include <functional>
#include <QString>
#include <QVariant>
#include <optional>

class QLabel;
class QTableWidget;
class QTableWidgetItem;
class QWidget;

namespace huike::ui {

class AppSession;

namespace programme {

// A list of rules: the first column takes the room left, the others fit what they show.
QTableWidget *ruleTable(const QStringList &headers, const char *name);
QTableWidgetItem *cell(const QString &text, const QVariant &id = {}, bool editable = false);
QString text(const QTableWidget *t, int row, int col);
// A row of `cells` at the end of `t` (`id` kept on its first cell); the row's index.
int appendRow(QTableWidget *t, const QStringList &cells, bool editable, const QVariant &id = {});
// A page's message line: what was saved, or why not (in red).
QLabel *messageLabel();
void say(QLabel *label, const QString &what, bool error);
// A list page's change: its refusal said in red, or the page read again (`reload`) and `done`
// said. Whether it was made.
bool reportChange(QLabel *label, const Status &st, const QString &done, const std::function<void()> &reload);

// A product by its code or barcode, or (categories) a category by its name.
struct Named {
    qint64 productId = 0;
    qint64 categoryId = 0;
    QString name;
};
std::optional<Named> productOrCategory(AppSession &s, const QString &typed, bool categories);

// The pages: levels, points, stored value (programmerules.cpp); count cards, coupon types and
// gifts (programmelists.cpp).
QWidget *levelsPage(AppSession &s);
QWidget *pointsPage(AppSession &s);
QWidget *rechargePage(AppSession &s);
QWidget *countCardsPage(AppSession &s);
QWidget *couponsPage(AppSession &s);
QWidget *giftsPage(AppSession &s);
// The member form's custom fields (programmefields.cpp).
QWidget *fieldsPage(AppSession &s);

} // namespace programme

} // namespace huike::ui
