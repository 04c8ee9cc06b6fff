#include "coupondialog.h"

#include "common/appsession.h"
#include "common/style.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

CouponDialog::CouponDialog(AppSession &session, const Cart &cart, QWidget *parent)
    : QDialog(parent), m_session(session), m_cart(cart), m_code(new QLineEdit), m_table(new QTableWidget(0, 5)),
      m_message(new QLabel)
{
    setWindowTitle(tr("Coupons"));
    resize(760, 420);
    auto *layout = new QVBoxLayout(this);
    m_code->setObjectName(QStringLiteral("couponCode"));
    m_code->setPlaceholderText(tr("Scan or type a coupon code and press Enter"));
    m_code->setStyleSheet(QStringLiteral("font-size: 15pt; padding: 6px;"));
    layout->addWidget(m_code);
    m_table->setObjectName(QStringLiteral("coupons"));
    m_table->setHorizontalHeaderLabels({tr("Use"), tr("Coupon"), tr("Terms"), tr("Valid until"), tr("Code")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setColumnWidth(0, 60);
    m_table->setColumnWidth(2, 150);
    m_table->setColumnWidth(3, 110);
    m_table->setColumnWidth(4, 140);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setFocusPolicy(Qt::NoFocus); // typing stays in the field; arrows move the selection
    layout->addWidget(m_table, 1);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    QPushButton *tick = keyButton(QStringLiteral("Space"), tr("Use / not use"));
    QPushButton *close = keyButton(QStringLiteral("Esc"), tr("Close"));
    QPushButton *ok = keyButton(QStringLiteral("Enter"), tr("Apply"));
    ok->setObjectName(QStringLiteral("primary"));
    buttons->addWidget(tick);
    buttons->addStretch();
    buttons->addWidget(close);
    buttons->addWidget(ok);
    layout->addLayout(buttons);
    connect(tick, &QPushButton::clicked, this, &CouponDialog::toggleSelected);
    // Codes have no spaces: Space is the tick key while the code field has the focus.
    m_code->installEventFilter(this);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(ok, &QPushButton::clicked, this, &CouponDialog::apply);
    connect(m_code, &QLineEdit::returnPressed, this, [this] {
        if (m_code->text().trimmed().isEmpty())
            apply();
        else
            addTyped();
    });

    // The sale's coupons first (ticked), then the member's other usable ones.
    Database &db = m_session.ctx().db();
    const qint64 now = m_session.ctx().clock().nowMs();
    for (const QString &code : m_cart.couponCodes())
        if (auto c = couponByCode(db, code)) {
            m_rows.append(Row{*c, true});
            m_tickOrder << code;
        }
    if (m_cart.memberId() > 0) {
        if (auto own = memberCoupons(db, m_cart.memberId())) {
            for (const Coupon &c : *own)
                if (couponState(c, now) == QLatin1String("unused") && now >= c.validFromMs &&
                    !m_tickOrder.contains(c.code))
                    m_rows.append(Row{c, false});
        } else {
            m_message->setText(own.error().message);
        }
    }
    fill();
    if (m_rows.isEmpty())
        m_message->setText(m_cart.memberId() > 0 ? tr("The member has no usable coupons: scan or type one.")
                                                 : tr("No member is attached: scan or type the coupon's code."));
    m_code->setFocus();
}

void CouponDialog::fill()
{
    const int selected = m_table->currentRow();
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    const ShopTime &time = m_session.ctx().time();
    for (int i = 0; i < m_rows.size(); ++i) {
        const Coupon &c = m_rows.at(i).coupon;
        const QString until = c.expiresAtMs > 0 ? time.localDate(c.expiresAtMs - 1).toString(Qt::ISODate) : tr("no end");
        const QStringList cells = {m_rows.at(i).ticked ? QStringLiteral("✔") : QString(), c.typeName, couponTerms(c),
                                   until, c.code};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            if (col == 0)
                item->setTextAlignment(Qt::AlignCenter);
            m_table->setItem(i, col, item);
        }
    }
    if (!m_rows.isEmpty())
        m_table->selectRow(std::clamp(selected, 0, static_cast<int>(m_rows.size()) - 1));
}

void CouponDialog::addTyped()
{
    const QString code = m_code->text().trimmed();
    m_code->clear();
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).coupon.code == code) {
            m_table->selectRow(i);
            if (!m_rows.at(i).ticked)
                toggleSelected();
            return;
        }
    auto c = couponByCode(m_session.ctx().db(), code);
    if (!c) {
        m_message->setText(c.error().message);
        return;
    }
    m_rows.append(Row{*c, true});
    m_tickOrder << c->code;
    fill();
    m_table->selectRow(static_cast<int>(m_rows.size()) - 1);
    m_message->setText(tr("%1 (%2) ticked: Enter applies.").arg(c->typeName, couponTerms(*c)));
}

void CouponDialog::toggleSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_rows.size())
        return;
    Row &r = m_rows[row];
    r.ticked = !r.ticked;
    if (r.ticked)
        m_tickOrder << r.coupon.code;
    else
        m_tickOrder.removeAll(r.coupon.code);
    fill();
    m_message->clear();
}

void CouponDialog::apply()
{
    // Checked together, as the sale will take them: a coupon that is one per order, whose minimum
    // spend is not reached or that is another member's is refused with why, and the dialog stays.
    auto specs = m_session.ctx().checkout().coupons(m_tickOrder, m_cart.lines(), m_cart.orderDiscount(), m_cart.member());
    if (!specs) {
        m_message->setText(specs.error().message);
        return;
    }
    m_chosen = *specs;
    accept();
}

bool CouponDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_code && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space) {
        toggleSelected();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void CouponDialog::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (!m_rows.isEmpty()) {
            const int step = event->key() == Qt::Key_Up ? -1 : 1;
            m_table->selectRow(std::clamp(m_table->currentRow() + step, 0, static_cast<int>(m_rows.size()) - 1));
            return;
        }
        break;
    default:
        break;
    }
    QDialog::keyPressEvent(event);
}

} // namespace huike::ui
