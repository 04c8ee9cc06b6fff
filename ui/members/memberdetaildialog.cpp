#include "memberdetaildialog.h"

#include "memberform.h"
#include "memberhistory.h"
#include "memberlistmodel.h"

#include "common/appsession.h"
#include "common/dialogs.h"
#include "common/style.h"
#include "core/phone.h"
#include "members/countcards.h"
#include "members/coupons.h"
#include "members/earnings.h"
#include "members/levels.h"
#include "members/points.h"
#include "members/profile.h"
#include "members/storedvalue.h"
#include "segments/aggregates.h"
#include "segments/service.h"
#include "members/memberanalysis.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace huike::ui {

namespace {

QTableWidget *listTable(const QStringList &headers)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells, qint64 id)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        item->setData(Qt::UserRole, id);
        table->setItem(row, c, item);
    }
}

} // namespace

MemberDetailDialog::MemberDetailDialog(AppSession &session, qint64 memberId, QWidget *parent)
    : QDialog(parent), m_session(session), m_memberId(memberId), m_title(new QLabel), m_message(new QLabel),
      m_tabs(new QTabWidget), m_form(new MemberForm(session)), m_account(new QLabel), m_unlock(nullptr),
      m_cards(nullptr), m_coupons(nullptr)
{
    setObjectName(QStringLiteral("memberDetail"));
    setWindowTitle(tr("Member"));
    resize(980, 680);
    auto *layout = new QVBoxLayout(this);
    m_title->setObjectName(QStringLiteral("memberTitle"));
    m_title->setStyleSheet(QStringLiteral("font-size: 18px; font-weight: bold;"));
    layout->addWidget(m_title);
    m_tabs->setObjectName(QStringLiteral("memberTabs"));
    layout->addWidget(m_tabs, 1);
    m_message->setObjectName(QStringLiteral("memberMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *profile = new QWidget;
    auto *profileLayout = new QVBoxLayout(profile);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    profileLayout->addWidget(scroll, 1);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    QPushButton *save = keyButton(QStringLiteral("Ctrl+S"), tr("Save profile"));
    saveRow->addWidget(save);
    profileLayout->addLayout(saveRow);
    connect(save, &QPushButton::clicked, this, &MemberDetailDialog::saveProfile);
    connect(new QShortcut(QKeySequence(QStringLiteral("Ctrl+S")), this), &QShortcut::activated, this,
            &MemberDetailDialog::saveProfile);

    m_tabs->addTab(accountPage(), tr("Account"));
    m_tabs->addTab(profile, tr("Profile"));
    m_tabs->addTab(cardsPage(), tr("Count cards"));
    m_tabs->addTab(couponsPage(), tr("Coupons"));
    const QList<std::pair<MemberLedger, QString>> ledgers = {
        {MemberLedger::Purchases, tr("Purchases")}, {MemberLedger::Points, tr("Points")},
        {MemberLedger::Stored, tr("Stored value")}, {MemberLedger::Growth, tr("Growth")},
        {MemberLedger::Levels, tr("Levels")},       {MemberLedger::CountCards, tr("Card uses")},
        {MemberLedger::CardEvents, tr("Card and profile")}};
    for (const auto &[ledger, title] : ledgers) {
        QTableWidget *table = historyTable(ledger);
        table->setObjectName(QStringLiteral("history%1").arg(static_cast<int>(ledger)));
        m_history.insert(ledger, table);
        m_tabs->addTab(table, title);
    }
    reload();
    m_form->load(m_member);
}

QWidget *MemberDetailDialog::accountPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_account->setObjectName(QStringLiteral("memberAccount"));
    m_account->setTextFormat(Qt::RichText);
    m_account->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_account->setStyleSheet(QStringLiteral("font-size: 15px;"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_account, 1);
    m_photo = new QLabel;
    m_photo->setObjectName(QStringLiteral("accountPhoto"));
    m_photo->setFixedSize(160, 200);
    m_photo->setAlignment(Qt::AlignTop | Qt::AlignRight);
    top->addWidget(m_photo, 0, Qt::AlignTop);
    layout->addLayout(top, 1);
    m_analysis = new QLabel;
    m_analysis->setObjectName(QStringLiteral("memberAnalysis"));
    m_analysis->setTextFormat(Qt::RichText);
    m_analysis->setWordWrap(true);
    m_analysis->setStyleSheet(QStringLiteral("font-size: 15px;"));
    layout->addWidget(m_analysis);
    connect(&m_session.segments(), &segments::SegmentService::updated, this, &MemberDetailDialog::showAnalysis);
    auto *buttons = new QHBoxLayout;
    auto add = [&](const QString &text, void (MemberDetailDialog::*slot)()) {
        auto *b = new QPushButton(text);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    add(tr("Report lost"), &MemberDetailDialog::reportLost)->setObjectName(QStringLiteral("lostButton"));
    add(tr("Lock"), &MemberDetailDialog::lock);
    m_unlock = add(tr("Unlock"), &MemberDetailDialog::unlock);
    add(tr("Replace card…"), &MemberDetailDialog::replaceCard);
    add(tr("Transfer stored value…"), &MemberDetailDialog::transferStored);
    add(tr("Reset payment PIN…"), &MemberDetailDialog::resetPin);
    add(tr("Adjust points…"), &MemberDetailDialog::adjustPoints);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    return page;
}

QWidget *MemberDetailDialog::cardsPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_cards = listTable({tr("Card"), tr("Service"), tr("Uses left"), tr("Standing")});
    m_cards->setObjectName(QStringLiteral("memberCountCards"));
    layout->addWidget(m_cards, 1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    auto *extend = new QPushButton(tr("Extend validity…"));
    connect(extend, &QPushButton::clicked, this, &MemberDetailDialog::extendCountCard);
    row->addWidget(extend);
    layout->addLayout(row);
    return page;
}

QWidget *MemberDetailDialog::couponsPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_coupons = listTable({tr("Code"), tr("Coupon"), tr("Terms"), tr("State"), tr("Last day")});
    m_coupons->setObjectName(QStringLiteral("memberCoupons"));
    layout->addWidget(m_coupons, 1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    auto *issue = new QPushButton(tr("Issue a coupon…"));
    auto *cancel = new QPushButton(tr("Void coupon…"));
    // Coupons are the shop's money: given and taken away by a manager.
    issue->setEnabled(m_session.op().isManager());
    cancel->setEnabled(m_session.op().isManager());
    connect(issue, &QPushButton::clicked, this, &MemberDetailDialog::issueCoupon);
    connect(cancel, &QPushButton::clicked, this, &MemberDetailDialog::voidCoupon);
    row->addWidget(issue);
    row->addWidget(cancel);
    layout->addLayout(row);
    return page;
}

void MemberDetailDialog::showAnalysis()
{
    m_analysis->setText(memberAnalysisText(m_session.segments().latest().get(), m_memberId));
}

void MemberDetailDialog::reload()
{
    AppContext &ctx = m_session.ctx();
    auto m = ctx.members().byId(m_memberId);
    if (!m) {
        m_message->setText(m.error().message);
        return;
    }
    m_member = *m;
    const QString phone = m_session.op().isManager() ? m_member.phone : maskPhone(m_member.phone);
    m_title->setText(QStringLiteral("%1  %2  ·  %3  ·  %4")
                         .arg(m_member.name.isEmpty() ? tr("(no name)") : m_member.name, phone, m_member.levelName,
                              cardStateText(m_member.cardState)));
    m_unlock->setEnabled(m_member.cardState == CardState::Lost || m_member.cardState == CardState::Locked);

    // The account: level and the way to the next, then the balances.
    QString next;
    if (auto rules = loadLevelRules(ctx.db())) {
        const MemberLevel *current = rules->byId(m_member.levelId);
        const auto higher = std::find_if(rules->levels.cbegin(), rules->levels.cend(), [&](const MemberLevel &l) {
            return current && l.rank > current->rank;
        });
        if (higher == rules->levels.cend())
            next = tr("the highest level");
        else if (rules->upgradeBy == UpgradeBy::Growth)
            next = tr("%1 more growth to %2").arg(std::max<qint64>(0, higher->growthThreshold - m_member.levelGrowth)).arg(higher->name);
        else
            next = tr("%1 more spend to %2").arg(std::max(Money{}, higher->spendThreshold - m_member.levelSpend).display(), higher->name);
    }
    const auto usable = usablePoints(ctx.db(), m_memberId, ctx.clock().nowMs());
    QStringList lines;
    const QString held = m_member.levelExpiresMs > 0
                             ? tr(" (held through %1)").arg(ctx.time().localDate(m_member.levelExpiresMs - 1).toString(Qt::ISODate))
                             : QString();
    lines << tr("<b>Level</b> %1%2 — %3").arg(m_member.levelName.toHtmlEscaped(), held, next.toHtmlEscaped())
          << tr("<b>Growth</b> %1 · <b>net spend</b> %2").arg(m_member.growth).arg(m_member.netSpend.display())
          << tr("<b>Points</b> %1 usable").arg(usable ? *usable : m_member.points)
          << tr("<b>Stored value</b> %1 (principal %2, bonus %3)")
                 .arg((m_member.principal + m_member.bonus).display(), m_member.principal.display(), m_member.bonus.display())
          << tr("<b>Payment PIN</b> %1").arg(m_member.hasPin ? tr("set") : tr("not set"))
          << tr("<b>Card</b> %1 · %2")
                 .arg(m_member.cardNo.isEmpty() ? tr("the phone is the card") : m_member.cardNo.toHtmlEscaped(),
                      cardStateText(m_member.cardState))
          << tr("<b>Member since</b> %1").arg(ctx.time().format(m_member.createdAtMs).left(10));
    // What the shop keeps about them: tags and its own fields, said where the cashier looks first.
    QStringList about;
    if (auto tags = memberTags(ctx.db(), m_memberId); tags && !tags->isEmpty())
        about << tr("<b>Tags</b> %1").arg(tags->join(QStringLiteral("、")).toHtmlEscaped());
    if (auto fields = memberFields(ctx.db()))
        if (auto values = memberFieldValues(ctx.db(), m_memberId))
            for (const MemberField &f : std::as_const(*fields))
                if (values->contains(f.id))
                    about << QStringLiteral("<b>%1</b> %2").arg(f.label.toHtmlEscaped(),
                                                                values->value(f.id).replace(QLatin1Char('|'), QStringLiteral("、")).toHtmlEscaped());
    if (!about.isEmpty())
        lines << about.join(QStringLiteral(" · "));
    if (!m_member.notes.isEmpty())
        lines << tr("<b>Notes</b> %1").arg(m_member.notes.toHtmlEscaped());
    QPixmap picture;
    if (auto photo = memberPhoto(ctx.db(), m_memberId); photo && !photo->isEmpty() && picture.loadFromData(*photo))
        m_photo->setPixmap(picture.scaled(m_photo->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    else
        m_photo->clear();
    m_account->setText(lines.join(QStringLiteral("<br><br>")));
    showAnalysis();

    const qint64 now = ctx.clock().nowMs();
    m_cards->setRowCount(0);
    if (auto cards = memberCountCards(ctx.db(), m_memberId)) {
        m_cards->setRowCount(static_cast<int>(cards->size()));
        for (int row = 0; row < cards->size(); ++row) {
            const CountCard &c = cards->at(row);
            const QString problem = countCardProblem(c, now, ctx.time());
            setRow(m_cards, row,
                   {c.planName, c.serviceName, QStringLiteral("%1 / %2").arg(c.usesLeft).arg(c.usesTotal),
                    problem.isEmpty() ? countCardSummary(c, ctx.time()) : problem},
                   c.id);
        }
    }
    m_coupons->setRowCount(0);
    if (auto coupons = memberCoupons(ctx.db(), m_memberId)) {
        m_coupons->setRowCount(static_cast<int>(coupons->size()));
        for (int row = 0; row < coupons->size(); ++row) {
            const Coupon &c = coupons->at(row);
            const QString state = couponState(c, now);
            static const QHash<QString, const char *> states = {
                {QStringLiteral("unused"), QT_TR_NOOP("Unused")}, {QStringLiteral("used"), QT_TR_NOOP("Used")},
                {QStringLiteral("expired"), QT_TR_NOOP("Expired")}, {QStringLiteral("voided"), QT_TR_NOOP("Voided")}};
            setRow(m_coupons, row,
                   {c.code, c.typeName, couponTerms(c), states.contains(state) ? tr(states.value(state)) : state,
                    c.expiresAtMs > 0 ? ctx.time().localDate(c.expiresAtMs - 1).toString(Qt::ISODate) : tr("Never")},
                   c.id);
            m_coupons->item(row, 0)->setData(Qt::UserRole + 1, c.code);
        }
    }
    for (auto it = m_history.cbegin(); it != m_history.cend(); ++it)
        if (auto entries = memberHistory(ctx.db(), m_memberId, it.key()))
            fillHistory(it.value(), it.key(), *entries, ctx.time());
}

void MemberDetailDialog::said(const Status &st, const QString &done)
{
    if (!st) {
        m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
        m_message->setText(st.error().message);
        return;
    }
    m_message->setStyleSheet(QStringLiteral("color: #1e7e34;"));
    m_message->setText(done);
    m_changed = true;
    reload();
    m_form->load(m_member); // a new card, a PIN: the form shows the member as they now are
}

bool MemberDetailDialog::saveProfile()
{
    QString problem;
    const auto in = m_form->input(&problem);
    if (!in) {
        said(makeError(ErrorCode::Invalid, problem), {});
        return false;
    }
    AppContext &ctx = m_session.ctx();
    const qint64 now = ctx.clock().nowMs();
    Status st = updateMember(ctx.db(), m_memberId, *in, m_session.op().id, now, ctx.time().localDate(now));
    if (st && m_form->photoChanged())
        st = setMemberPhoto(ctx.db(), m_memberId, m_form->photo(), m_session.op().id, now);
    said(st, tr("The profile is saved."));
    return st.ok();
}

} // namespace huike::ui
