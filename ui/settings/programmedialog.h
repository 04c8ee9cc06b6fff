#pragma once

#include <QDialog>

class QTabWidget;

namespace huike::ui {

class AppSession;

// 会员方案 (System > Member programme): the rules of the shop's programme, a page each — levels,
// points, recharge bonuses, count cards, coupon types, the gifts for points. Each page saves on its own Save (or, for a
// list of rules, as each is added or removed) through the engine, which checks and audits it; a
// refusal is shown on the page in words, and nothing of it is saved. Managers and the admin only.
class ProgrammeDialog : public QDialog {
    Q_OBJECT
public:
    ProgrammeDialog(AppSession &session, QWidget *parent = nullptr);
    QTabWidget *pages() const { return m_pages; }

private:
    QTabWidget *m_pages;
};

} // namespace huike::ui
