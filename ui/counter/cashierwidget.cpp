#include "cashierwidget.h"

#include "cardreader/cardreader.h"
#include "devices/counterlisteners.h"

#include "members/countcards.h"
#include "members/coupons.h"
#include "members/gifts.h"
#include "members/points.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/inputdialogs.h"
#include "common/managerauthdialog.h"
#include "common/style.h"
#include "core/phone.h"
#include "counter/productpicker.h"
#include "store/settings.h"

#include <QApplication>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace huike::ui {

CashierWidget::CashierWidget(AppSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_search(new QLineEdit), m_table(new QTableView),
      m_total(new QLabel), m_itemCount(new QLabel), m_subtotal(new QLabel), m_discount(new QLabel),
      m_rounding(new QLabel), m_paid(new QLabel), m_coupons(new QLabel), m_lastSale(new QLabel), m_member(new QLabel),
      m_message(new QLabel)
{
    setObjectName(QStringLiteral("cashier"));
    m_cart.setRounding(session.ctx().checkout().roundingMode());

    auto *root = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_search->setObjectName(QStringLiteral("scanField"));
    m_search->setPlaceholderText(
        tr("Scan a barcode, or type a code, name or pinyin initials and press Enter (F2)"));
    m_search->setStyleSheet(QStringLiteral("font-size: 15pt; padding: 8px;"));
    top->addWidget(m_search);
    root->addLayout(top);

    auto *middle = new QHBoxLayout;
    m_table->setModel(&m_cart);
    // Up and Down through the lines: the customer sees the line the cashier is on.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CashierWidget::tellCustomer);
    m_table->setObjectName(QStringLiteral("cartTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setFocusPolicy(Qt::NoFocus); // the scan field keeps focus; arrows move the selection
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(34);
    m_table->horizontalHeader()->setSectionResizeMode(CartModel::Name, QHeaderView::Stretch);
    m_table->setColumnWidth(CartModel::Index, 40);
    m_table->setColumnWidth(CartModel::Barcode, 140);
    m_table->setColumnWidth(CartModel::Quantity, 90);
    m_table->setColumnWidth(CartModel::UnitPrice, 90);
    m_table->setColumnWidth(CartModel::Discount, 120);
    m_table->setColumnWidth(CartModel::Amount, 100);
    m_table->setStyleSheet(QStringLiteral("font-size: 13pt;"));
    middle->addWidget(m_table, 3);

    auto *panel = new QFrame;
    panel->setObjectName(QStringLiteral("panel"));
    panel->setMinimumWidth(280);
    auto *pl = new QVBoxLayout(panel);
    auto *memberCaption = new QLabel(tr("Member"));
    memberCaption->setObjectName(QStringLiteral("caption"));
    pl->addWidget(memberCaption);
    m_member->setObjectName(QStringLiteral("memberInfo"));
    // Two lines (who, then level and growth), never wrapped: a wrapped label is squeezed by the panel.
    m_member->setStyleSheet(QStringLiteral("font-size: 12pt;"));
    QFont memberFont = m_member->font();
    memberFont.setPointSize(12);
    m_member->setMinimumHeight(2 * QFontMetrics(memberFont).lineSpacing() + 8);
    pl->addWidget(m_member);
    auto *dueCaption = new QLabel(tr("Amount due"));
    dueCaption->setObjectName(QStringLiteral("caption"));
    pl->addWidget(dueCaption);
    m_total->setObjectName(QStringLiteral("total"));
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    pl->addWidget(m_total);
    auto *facts = new QGridLayout;
    int row = 0;
    for (auto [caption, value] :
         {std::pair{tr("Items"), m_itemCount}, std::pair{tr("Subtotal"), m_subtotal},
          std::pair{tr("Discounts"), m_discount}, std::pair{tr("Rounding"), m_rounding},
          std::pair{tr("Paid"), m_paid}}) {
        auto *c = new QLabel(caption);
        c->setObjectName(QStringLiteral("caption"));
        facts->addWidget(c, row, 0);
        value->setAlignment(Qt::AlignRight);
        value->setStyleSheet(QStringLiteral("font-size: 13pt;"));
        facts->addWidget(value, row++, 1);
    }
    pl->addLayout(facts);
    m_coupons->setObjectName(QStringLiteral("saleCoupons"));
    m_coupons->setWordWrap(true);
    m_coupons->setStyleSheet(QStringLiteral("font-size: 12pt;"));
    pl->addWidget(m_coupons);
    pl->addStretch();
    auto *lastCaption = new QLabel(tr("Last sale"));
    lastCaption->setObjectName(QStringLiteral("caption"));
    pl->addWidget(lastCaption);
    m_lastSale->setWordWrap(true);
    m_lastSale->setStyleSheet(QStringLiteral("font-size: 12pt;"));
    pl->addWidget(m_lastSale);
    middle->addWidget(panel, 1);
    root->addLayout(middle, 1);

    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    root->addWidget(m_message);

    // Every action: its key on its button, and the same key works from anywhere on this screen.
    struct Action {
        QKeySequence key;
        QString keyText;
        QString label;
        void (CashierWidget::*slot)();
    };
    const QList<Action> actions = {
        {Qt::Key_F1, QStringLiteral("F1"), tr("Keys"), &CashierWidget::showHelp},
        {Qt::Key_F2, QStringLiteral("F2"), tr("Find product"), &CashierWidget::focusSearch},
        {Qt::Key_F3, QStringLiteral("F3"), tr("Quantity"), &CashierWidget::changeQuantity},
        {Qt::Key_F4, QStringLiteral("F4"), tr("Line discount"), &CashierWidget::lineDiscount},
        {QKeySequence(Qt::SHIFT | Qt::Key_F4), QStringLiteral("Shift+F4"), tr("Change price"),
         &CashierWidget::priceOverride},
        {Qt::Key_F5, QStringLiteral("F5"), tr("Order discount"), &CashierWidget::orderDiscount},
        {Qt::Key_F6, QStringLiteral("F6"), tr("Hold order"), &CashierWidget::holdOrder},
        {Qt::Key_F7, QStringLiteral("F7"), tr("Recall order"), &CashierWidget::recallOrder},
        {Qt::Key_F8, QStringLiteral("F8"), tr("Refund"), &CashierWidget::refund},
        {Qt::Key_F9, QStringLiteral("F9"), tr("Void last sale"), &CashierWidget::voidLast},
        {Qt::Key_F10, QStringLiteral("F10"), tr("Receipts"), &CashierWidget::showReceipts},
        {Qt::Key_F11, QStringLiteral("F11"), tr("Close shift"), nullptr},
        {Qt::Key_F12, QStringLiteral("F12"), tr("Pay"), &CashierWidget::checkout},
        {QKeySequence(Qt::CTRL | Qt::Key_M), QStringLiteral("Ctrl+M"), tr("Member"), &CashierWidget::showMember},
        {QKeySequence(Qt::CTRL | Qt::Key_R), QStringLiteral("Ctrl+R"), tr("Recharge"), &CashierWidget::recharge},
        {QKeySequence(Qt::CTRL | Qt::Key_K), QStringLiteral("Ctrl+K"), tr("Coupons"), &CashierWidget::coupons},
        {QKeySequence(Qt::CTRL | Qt::Key_P), QStringLiteral("Ctrl+P"), tr("Reprint"), &CashierWidget::reprintLast},
        {QKeySequence(Qt::CTRL | Qt::Key_D), QStringLiteral("Ctrl+D"), tr("Open drawer"), &CashierWidget::openDrawer},
        {Qt::Key_Delete, QStringLiteral("Del"), tr("Remove line"), &CashierWidget::removeLine},
        {Qt::Key_Escape, QStringLiteral("Esc"), tr("Clear cart"), &CashierWidget::clearCart},
    };
    auto *grid = new QGridLayout;
    constexpr int kKeysPerRow = 11; // every key in two rows at 1280 wide
    int i = 0;
    for (const Action &a : actions) {
        QPushButton *b = keyButton(a.keyText, a.label);
        if (a.keyText == QLatin1String("F12")) {
            b->setObjectName(QStringLiteral("primary"));
            b->setMinimumHeight(52);
        }
        auto run = a.slot ? std::function<void()>([this, slot = a.slot] { (this->*slot)(); })
                          : std::function<void()>([this] { Q_EMIT closeShiftRequested(); });
        connect(b, &QPushButton::clicked, this, run);
        // Del and Esc are handled by the scan field itself (a line edit claims them first).
        if (a.keyText != QLatin1String("Del") && a.keyText != QLatin1String("Esc")) {
            auto *sc = new QShortcut(a.key, this);
            sc->setContext(Qt::WidgetWithChildrenShortcut);
            connect(sc, &QShortcut::activated, this, run);
        }
        grid->addWidget(b, i / kKeysPerRow, i % kKeysPerRow);
        ++i;
    }
    // 积分兑换 has its key but no button (it is rarer than the keys above); the member panel shows it.
    auto *gifts = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_G), this);
    gifts->setContext(Qt::WidgetWithChildrenShortcut);
    connect(gifts, &QShortcut::activated, this, &CashierWidget::redeemGift);
    QPushButton *plus = keyButton(QStringLiteral("+ / -"), tr("One more / less"));
    connect(plus, &QPushButton::clicked, this, [this] { bumpQuantity(1); });
    grid->addWidget(plus, i / kKeysPerRow, i % kKeysPerRow);
    root->addLayout(grid);

    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::returnPressed, this, &CashierWidget::submitSearch);
    connect(&m_cart, &CartModel::totalsChanged, this, &CashierWidget::updateTotals);
    connect(&m_cart, &CartModel::totalsChanged, this, &CashierWidget::tellCustomer);
    connect(&m_cart, &CartModel::contentChanged, this, &CashierWidget::recheckCoupons);
    connect(&m_cart, &CartModel::contentChanged, this, &CashierWidget::keepPaidCart);
    updateTotals();
    m_lastSale->setText(tr("none yet"));
    // A new cashier does not inherit the last one's message ("give ¥18.80 change").
    connect(&m_session, &AppSession::operatorChanged, this, [this] { setMessage({}, false); });
}

QString CashierWidget::message() const
{
    return m_message->text();
}

bool CashierWidget::report(const Status &st)
{
    if (!st)
        setMessage(st.error().message, true);
    return static_cast<bool>(st);
}

void CashierWidget::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
    if (!m_search->text().trimmed().isEmpty())
        submitSearch();
}

void CashierWidget::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e; font-weight: bold;")
                                   : QStringLiteral("color: #1b6e2d;"));
    if (error)
        QApplication::beep();
}

int CashierWidget::currentRow() const
{
    const QModelIndex i = m_table->currentIndex();
    if (i.isValid())
        return i.row();
    return m_cart.isEmpty() ? -1 : m_cart.rowCount() - 1;
}

void CashierWidget::selectRow(int row)
{
    if (row < 0 || row >= m_cart.rowCount())
        return;
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_cart.index(row, CartModel::Name));
    m_table->scrollTo(m_cart.index(row, 0));
}

void CashierWidget::addProduct(const CartLine &line)
{
    const int row = m_cart.addLine(line);
    selectRow(row);
    setMessage(
        tr("%1  %2 x %3").arg(line.name, formatQuantity(line.quantityMilli), line.listPrice.toString()),
        false);
}

bool CashierWidget::addProductWithQuantity(const Product &product, const QString &code,
                                           std::optional<qint64> multiplier, const ScanMatch *match, bool typed)
{
    CartLine line = cartLineFor(product, 1000, code);
    if (match && match->scaleLabel) {
        // A scale label carries its own weight and amount. Typed in by hand it is the cashier's
        // word for them, which the engine treats as a price change.
        line.quantityMilli = match->quantityMilli;
        line.fixedAmount = match->fixedAmount;
        line.labelKeyed = typed;
        line.barcode = code; // the label itself: on screen, on the receipt, and with the sale
    } else if (multiplier) {
        if (!confirmQuantity(line, *multiplier))
            return false;
        line.quantityMilli = *multiplier;
    } else if (product.weighed) {
        // Weighed goods by their plain code: the weight is asked, never assumed to be 1 kg.
        const auto w = askQuantity(this, tr("Weight"), tr("%1: weight in %2").arg(product.name, product.unit),
                                   1000, true);
        if (!w)
            return false;
        line.quantityMilli = *w;
    }
    addProduct(line);
    return true;
}

void CashierWidget::addScanned(const QString &code)
{
    // "3*" typed before the scan multiplies it (typed fast, it may arrive as part of the burst).
    const auto split = splitMultiplier(code);
    if (!split) {
        setMessage(split.error().message, true);
        return;
    }
    const QString scanned = split->code;
    auto multiplier = split->quantityMilli;
    if (!multiplier && m_search->text().trimmed().endsWith(QLatin1Char('*'))) {
        const auto field = splitMultiplier(m_search->text());
        if (!field) {
            setMessage(field.error().message, true);
            return;
        }
        if (field->code.isEmpty()) { // the field holds "3*", not a search
            multiplier = field->quantityMilli;
            m_search->clear();
        }
    }
    // A coupon's code (12 digits from 9) is a coupon first; a product with such a barcode still scans.
    if (!multiplier && looksLikeCouponCode(scanned) && useCouponCode(scanned))
        return;
    // A keyboard-wedge card reader types like the scanner: the shop's card pattern tells its swipe.
    if (!multiplier && looksLikeCard(scanned, m_session.listeners().settings().cardPattern)) {
        swipedCard(scanned);
        return;
    }
    auto m = m_session.ctx().catalog().lookupScan(scanned, scaleRules(m_session.ctx().settings()));
    if (!m && m.error().code == ErrorCode::NotFound && !multiplier && attachScannedCard(scanned))
        return;
    if (!m) {
        // A beep and a message, never a dialog: the cashier keeps scanning.
        setMessage(m.error().message, true);
        spdlog::info("scan refused: {} ({})", scanned.toStdString(), m.error().message.toStdString());
        return;
    }
    addProductWithQuantity(m->product, scanned, multiplier, &*m, false);
}

void CashierWidget::submitSearch()
{
    const QString typed = m_search->text().trimmed();
    if (typed.isEmpty()) {
        if (!m_cart.isEmpty())
            checkout(); // Enter on an empty field: pay, as on most tills
        return;
    }
    const auto split = splitMultiplier(typed);
    if (!split) {
        setMessage(split.error().message, true);
        return;
    }
    const QString text = split->code;
    const auto multiplier = split->quantityMilli;
    if (text.isEmpty()) {
        setMessage(tr("Now scan or type the item."), false);
        return; // "3*" stays in the field for the next scan
    }
    m_search->clear();
    if (!multiplier && looksLikeCouponCode(text) && useCouponCode(text))
        return;
    // A code typed in (a smudged label, a slow scanner) is treated as the same code scanned.
    if (auto exact = m_session.ctx().catalog().lookupScan(text, scaleRules(m_session.ctx().settings()))) {
        if (addProductWithQuantity(exact->product, text, multiplier, &*exact, true) && exact->scaleLabel)
            setMessage(tr("%1: a scale label typed by hand counts as a price change; a manager approves it "
                          "at payment.")
                           .arg(exact->product.name),
                       false);
        return;
    }
    ProductPicker picker(m_session, text, this);
    if (picker.matchCount() == 0) {
        setMessage(tr("Nothing matches \"%1\".").arg(text), true);
        return;
    }
    if (execDialog(picker) != QDialog::Accepted)
        return;
    addProductWithQuantity(picker.chosen(), QString(), multiplier, nullptr, true);
}

void CashierWidget::clearCart()
{
    if (m_cart.isEmpty())
        return;
    if (m_cart.cart().hasPayments()) {
        setMessage(tr("%1 is already paid for this cart: give the payments back in the payment window (F12, "
                      "then Del) before clearing it.")
                       .arg(m_cart.cart().paid().display()),
                   true);
        return;
    }
    // No is the default: a scan's Enter landing here must not wipe the cart.
    if (MessageBox::question(this, tr("Clear cart"),
                              tr("Remove all %1 lines from the cart?").arg(m_cart.rowCount()),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    // A cart recalled from 挂单 is given up for good, with who did it (otherwise it stays recoverable).
    if (m_cart.cart().recalled()) {
        if (auto st = m_session.ctx().heldOrders().discardRecalled(m_cart.cart().uuid(), m_session.op().id); !st) {
            setMessage(st.error().message, true);
            return;
        }
    }
    m_cart.clear();
    setMessage(tr("Cart cleared."), false);
}

void CashierWidget::showHelp()
{
    MessageBox::information(
        this, tr("Keys"),
        tr("Scan or type a code + Enter: add · 3*code: three of it\n"
           "F2 find product · F3 quantity · +/- one more or less · Up/Down choose line\n"
           "F4 line discount · Shift+F4 change price · F5 order discount\n"
           "F6 hold · F7 recall · F8 refund · F9 void last sale · F10 receipts\n"
           "F11 close shift · F12 or Enter on an empty field: pay\n"
           "Ctrl+P print the last receipt again · Ctrl+D open the cash drawer (a manager)\n"
           "Del remove line · Esc clear cart\n"
           "Ctrl+M member: phone, its last four digits or card (a member card scanned attaches too)\n"
           "Ctrl+R recharge the member's stored value (充值) · Ctrl+K coupons · Ctrl+G gifts for points (积分兑换)\n"
           "In payment: F1 cash, F2 card, F3 WeChat, F4 Alipay, F5 points, F6 stored value, F7 count cards, "
           "Enter take, "
           "Del give a payment back, "
           "Esc back to the cart (payments are kept)"));
}

void CashierWidget::updateTotals()
{
    const PricedOrder &p = m_cart.priced();
    if (m_cart.cart().memberId() != m_memberShown) {
        // Attached, taken off, or come back with a recalled cart: said from the member as stored.
        m_memberShown = m_cart.cart().memberId();
        auto m = m_memberShown > 0 ? m_session.ctx().members().byId(m_memberShown) : Result<Member>(Member{});
        const MemberPrice &price = m_cart.cart().member();
        m_member->setText(m_memberShown <= 0 ? tr("none (Ctrl+M)")
                          : !m              ? m.error().message
                                            : tr("%1  %2\n%3 %4  growth %5  points %6  stored %7")
                                                      .arg(m->name, maskPhone(m->phone), price.levelName,
                                                           price.discountPermille < 1000
                                                               ? tr("%1折").arg(formatZhe(price.discountPermille))
                                                               : QString())
                                                      .arg(m->growth)
                                                      .arg(m->points)
                                                      .arg((m->principal + m->bonus).toString()) +
                                                  countCardsLine(m_memberShown) + couponsLine(m_memberShown) +
                                                  tagsLine(m_memberShown));
    }
    m_total->setText(p.total.display());
    m_itemCount->setText(formatQuantity(m_cart.cart().itemCountMilli()));
    m_subtotal->setText(p.subtotal.toString());
    m_discount->setText((-p.discount).toString());
    m_rounding->setText((-p.rounding).toString());
    m_paid->setObjectName(QStringLiteral("paid"));
    m_paid->setText(m_cart.cart().paid().toString());
    QStringList coupons;
    for (const CouponSpec &c : m_cart.cart().coupons())
        coupons << tr("Coupon %1  %2").arg(c.name, (-adjustedBy(p, kAdjustCoupon, c.code)).toString());
    m_coupons->setText(coupons.join(QLatin1Char('\n')));
    m_coupons->setVisible(!coupons.isEmpty());
}

void CashierWidget::keepPaidCart()
{
    // Payments taken for this cart are stored with a copy of it: the copy follows each change, so
    // a restart brings back what the customer is paying for, not what the cart was at the payment.
    if (!m_cart.cart().hasPayments())
        return;
    if (auto st = m_session.ctx().payments().keepCart(m_cart.cart().heldOrder(), m_cart.priced().total,
                                                       m_session.op().id);
        !st)
        setMessage(tr("This change to the cart is not saved: %1").arg(st.error().message), true);
}

bool CashierWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_search || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *ke = static_cast<QKeyEvent *>(event);
    const bool empty = m_search->text().isEmpty();
    switch (ke->key()) {
    case Qt::Key_Up:
        selectRow(std::max(0, currentRow() - 1));
        return true;
    case Qt::Key_Down:
        selectRow(std::min(m_cart.rowCount() - 1, currentRow() + 1));
        return true;
    case Qt::Key_Delete:
        if (empty) {
            removeLine();
            return true;
        }
        break;
    case Qt::Key_Escape:
        if (empty)
            clearCart();
        else
            m_search->clear();
        return true;
    case Qt::Key_Plus:
    case Qt::Key_Minus:
        if (empty) {
            bumpQuantity(ke->key() == Qt::Key_Plus ? 1 : -1);
            return true;
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace huike::ui
