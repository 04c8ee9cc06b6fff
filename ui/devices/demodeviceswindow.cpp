#include "demodeviceswindow.h"

#include "app/appcontext.h"
#include "common/style.h"
#include "demo/demo.h"
#include "demodevices.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>

namespace huike::ui {

namespace {

// The first word of what the list shows ("2026000001  王芳": the card), as the user may type one.
QString firstWord(const QString &text)
{
    return text.trimmed().section(QLatin1Char(' '), 0, 0);
}

} // namespace

DemoDevicesWindow::DemoDevicesWindow(DemoDevices &devices, AppContext &ctx, QWidget *parent)
    : QWidget(parent, Qt::Window), m_devices(devices), m_paper(new QTextEdit), m_display(new QLabel),
      m_status(new QComboBox), m_cards(new QComboBox), m_callers(new QComboBox)
{
    setObjectName(QStringLiteral("demoDevices"));
    setWindowTitle(tr("Demo devices"));
    resize(460, 760);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("These devices are played by Huike on virtual serial ports in %1. The till uses "
                                "them as it would real ones: receipts come out below, and you swipe the cards "
                                "and make the calls.")
                                 .arg(devices.directory()));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *printer = new QGroupBox(tr("Receipt printer"));
    auto *pl = new QVBoxLayout(printer);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("State:")));
    m_status->setObjectName(QStringLiteral("demoPrinterStatus"));
    m_status->addItems({tr("Ready"), tr("Paper low"), tr("Paper out"), tr("Cover open"), tr("Offline")});
    connect(m_status, &QComboBox::currentIndexChanged, this, [this](int i) {
        PrinterStatus s;
        s.paperLow = i == 1;
        s.paperOut = i == 2;
        s.coverOpen = i == 3;
        s.online = i != 4;
        m_devices.setPrinterStatus(s);
    });
    row->addWidget(m_status, 1);
    auto *tear = new QPushButton(tr("Tear off"));
    connect(tear, &QPushButton::clicked, m_paper, &QTextEdit::clear);
    row->addWidget(tear);
    pl->addLayout(row);
    m_paper->setObjectName(QStringLiteral("demoPaper"));
    m_paper->setReadOnly(true);
    m_paper->setFont(receiptFont(10));
    m_paper->setStyleSheet(QStringLiteral("QTextEdit { background: #fffdf5; color: #222; }"));
    m_paper->document()->setMaximumBlockCount(3000); // a long day's receipts, not a growing memory
    pl->addWidget(m_paper, 1);
    layout->addWidget(printer, 1);

    auto *display = new QGroupBox(tr("Customer display (2 x 20)"));
    auto *dl = new QVBoxLayout(display);
    m_display->setObjectName(QStringLiteral("demoDisplay"));
    QFont big = receiptFont(16);
    m_display->setFont(big);
    m_display->setStyleSheet(QStringLiteral("QLabel { background: #07140c; color: #3cf08a; padding: 6px; }"));
    m_display->setText(QStringLiteral("\n"));
    dl->addWidget(m_display);
    layout->addWidget(display);

    auto *reader = new QGroupBox(tr("Card reader"));
    auto *rl = new QHBoxLayout(reader);
    m_cards->setObjectName(QStringLiteral("demoCards"));
    m_cards->setEditable(true);
    rl->addWidget(m_cards, 1);
    auto *swipeButton = new QPushButton(tr("Swipe"));
    swipeButton->setObjectName(QStringLiteral("demoSwipe"));
    connect(swipeButton, &QPushButton::clicked, this, &DemoDevicesWindow::swipe);
    rl->addWidget(swipeButton);
    layout->addWidget(reader);

    auto *phone = new QGroupBox(tr("Caller-ID box"));
    auto *cl = new QHBoxLayout(phone);
    m_callers->setObjectName(QStringLiteral("demoCallers"));
    m_callers->setEditable(true);
    cl->addWidget(m_callers, 1);
    auto *callButton = new QPushButton(tr("Ring"));
    callButton->setObjectName(QStringLiteral("demoCall"));
    connect(callButton, &QPushButton::clicked, this, &DemoDevicesWindow::call);
    cl->addWidget(callButton);
    layout->addWidget(phone);

    fillLists(ctx);
    connect(&devices, &DemoDevices::printed, this, &DemoDevicesWindow::addToPaper);
    connect(&devices, &DemoDevices::displayed, this, &DemoDevicesWindow::showOnDisplay);
}

void DemoDevicesWindow::fillLists(AppContext &ctx)
{
    // Members of the demo store who hold a card (demo/demo.h), and their phones for the calls.
    for (int i = 0; i < 60 && m_cards->count() < 8; ++i) {
        const QString card = demoMemberCard(i);
        if (card.isEmpty())
            continue;
        auto m = ctx.members().byPhoneOrCard(card);
        if (!m || m->cardNo != card)
            continue;
        m_cards->addItem(QStringLiteral("%1  %2").arg(card, m->name));
        m_callers->addItem(QStringLiteral("%1  %2").arg(m->phone, m->name));
    }
    m_cards->addItem(tr("%1  (a card no member has)").arg(QStringLiteral("8800000001")));
    for (const QString &stranger : {QStringLiteral("13700001234"), QStringLiteral("13900005678")})
        if (!ctx.members().byPhoneOrCard(stranger)) {
            m_callers->addItem(tr("%1  (a new caller)").arg(stranger));
            break;
        }
    m_callers->addItem(tr("P  (number withheld)"));
}

void DemoDevicesWindow::swipe()
{
    const QString card = firstWord(m_cards->currentText());
    if (!card.isEmpty())
        m_devices.swipe(card);
}

void DemoDevicesWindow::call()
{
    const QString number = firstWord(m_callers->currentText());
    if (!number.isEmpty())
        m_devices.call(number);
}

void DemoDevicesWindow::addToPaper(const EscPosEvent &e)
{
    QTextCursor c(m_paper->document());
    c.movePosition(QTextCursor::End);
    QTextBlockFormat block;
    QTextCharFormat chars;
    chars.setFont(m_paper->font());
    QString text;
    switch (e.kind) {
    case EscPosEvent::Kind::Text:
        text = e.text;
        block.setAlignment(e.centered ? Qt::AlignHCenter : Qt::AlignLeft);
        if (e.large)
            chars.setFontPointSize(m_paper->font().pointSizeF() * 2);
        chars.setFontWeight(e.bold || e.large ? QFont::Bold : QFont::Normal);
        break;
    case EscPosEvent::Kind::Barcode:
        block.setAlignment(Qt::AlignHCenter);
        text = QStringLiteral("▌▍▌▌▍▍▌▍▌▌▍▌\n%1").arg(e.text);
        break;
    case EscPosEvent::Kind::QrCode:
        block.setAlignment(Qt::AlignHCenter);
        text = tr("[QR code: %1]").arg(e.text);
        break;
    case EscPosEvent::Kind::Image:
        block.setAlignment(Qt::AlignHCenter);
        text = tr("[logo, %1 x %2 dots]").arg(e.n).arg(e.height);
        break;
    case EscPosEvent::Kind::Cut:
        block.setAlignment(Qt::AlignHCenter);
        text = tr("- - - - - - cut here - - - - - -");
        chars.setForeground(QColor(0x99, 0x99, 0x99));
        break;
    case EscPosEvent::Kind::Kick:
        text = tr("[the cash drawer opens]");
        chars.setForeground(QColor(0xc6, 0x28, 0x28));
        break;
    case EscPosEvent::Kind::StatusQuery:
        return;
    }
    if (!m_paper->document()->isEmpty())
        c.insertBlock(block, chars);
    else {
        c.setBlockFormat(block);
        c.setBlockCharFormat(chars);
    }
    c.insertText(text, chars);
    m_paper->setTextCursor(c);
    m_paper->ensureCursorVisible();
}

void DemoDevicesWindow::showOnDisplay(const DisplayState &s)
{
    m_display->setText(s.line1 + QLatin1Char('\n') + s.line2);
}

} // namespace huike::ui
