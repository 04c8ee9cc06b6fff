// The till's print queue as the engine keeps it: jobs in order, tried and failed with the reason,
// retried on their own for ten minutes and then on the cashier's word, given up on only with an
// audit row; a second print of a receipt says 重印; the drawer with no sale takes a manager.

#include "operators/approvals.h"
#include "sales/printer.h"
#include "store/settings.h"
#include "testsupport.h"

using namespace huike;
using huike::test::TestShop;

TEST_CASE("print jobs wait in order, fail with their reason and print once", "[printer]")
{
    TestShop shop;
    const SaleResult sale = shop.sell({shop.line(shop.p.oil)});
    PrintJobs jobs(shop.ctx().db(), shop.ctx().store().terminal);
    const qint64 t0 = shop.ctx().clock().nowMs();
    auto first = jobs.enqueue(QStringLiteral("receipt"), sale.receiptNo, QByteArray("\x1b@receipt", 9), t0);
    auto second = jobs.enqueue(QStringLiteral("test"), {}, QByteArray("\x1b@test", 6), t0 + 60000);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    // Another till's queue is its own.
    PrintJobs other(shop.ctx().db(), QStringLiteral("T99"));
    REQUIRE(other.enqueue(QStringLiteral("receipt"), QStringLiteral("X"), QByteArray("x"), t0).ok());

    auto waiting = jobs.waiting();
    REQUIRE(waiting.ok());
    REQUIRE(waiting->size() == 2);
    CHECK(waiting->at(0).id == *first);
    CHECK(waiting->at(0).payload == QByteArray("\x1b@receipt", 9));
    CHECK(waiting->at(0).retriedAutomatically(t0 + 1000));

    REQUIRE(jobs.markFailed(*first, QStringLiteral("缺纸")).ok());
    REQUIRE(jobs.markFailed(*first, QStringLiteral("缺纸")).ok());
    auto j = jobs.job(*first);
    REQUIRE(j.ok());
    CHECK(j->attempts == 2);
    CHECK(j->lastError == QStringLiteral("缺纸"));
    CHECK_FALSE(jobs.printedBefore(sale.receiptNo).value());

    // Ten minutes on, it waits for the cashier; 重打 puts it back in line.
    const qint64 later = t0 + PrintJob::kRetryForMs + 1;
    CHECK_FALSE(j->retriedAutomatically(later));
    auto counts = jobs.counts(later);
    REQUIRE(counts.ok());
    CHECK(counts->waiting == 2);
    CHECK(counts->stuck == 1);
    REQUIRE(jobs.requeue(*first, later).ok());
    CHECK(jobs.counts(later)->stuck == 0);

    REQUIRE(jobs.markPrinted(*first, later + 5).ok());
    CHECK(jobs.printedBefore(sale.receiptNo).value());
    CHECK(jobs.waiting()->size() == 1);
    // Printed is printed: a late failure report changes nothing.
    REQUIRE(jobs.markFailed(*first, QStringLiteral("超时")).ok());
    CHECK(jobs.job(*first)->state == QStringLiteral("printed"));

    // 放弃 is audited; a job that is not waiting cannot be given up again.
    REQUIRE(jobs.cancel(*second, shop.cashier, later).ok());
    CHECK(jobs.job(*second)->state == QStringLiteral("cancelled"));
    CHECK(shop.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'print.cancel'")) == 1);
    CHECK_FALSE(jobs.cancel(*second, shop.cashier, later).ok());
    CHECK(jobs.counts(later)->waiting == 0);

    // A week after, the bytes go; the row (and printedBefore) stay.
    REQUIRE(jobs.prune(later + 8LL * 24 * 3600 * 1000).ok());
    CHECK(jobs.job(*first)->payload.isEmpty());
    CHECK(jobs.printedBefore(sale.receiptNo).value());
    CHECK(other.waiting()->size() == 1);
}

TEST_CASE("a reprint says so on the receipt, and the printer settings are checked and audited", "[printer]")
{
    TestShop shop;
    const SaleResult sale = shop.sell({shop.line(shop.p.oil)});
    auto r = shop.ctx().receipts().load(sale.receiptNo);
    REQUIRE(r.ok());
    PrinterSettings p;
    p.qrCode = QStringLiteral("https://huike.example/join");
    const PrintLayout first = shop.ctx().receipts().layout(*r, 32, p.printing(false));
    const PrintLayout copy = shop.ctx().receipts().layout(*r, 32, p.printing(true));
    CHECK_FALSE(first.text().contains(QStringLiteral("REPRINT")));
    CHECK(copy.text().contains(QStringLiteral("REPRINT")));

    Settings &settings = shop.ctx().settings();
    p.spec = QStringLiteral("tcp:192.168.1.50");
    p.columns = 40;
    CHECK_FALSE(savePrinterSettings(settings, p, shop.manager, 1).ok());
    p.columns = 48;
    p.autoPrint = false;
    REQUIRE(savePrinterSettings(settings, p, shop.manager, 1).ok());
    const PrinterSettings back = loadPrinterSettings(settings);
    CHECK(back.spec == p.spec);
    CHECK(back.columns == 48);
    CHECK_FALSE(back.autoPrint);
    CHECK(back.drawerOnCash);
    CHECK(back.qrCode == p.qrCode);
    CHECK(shop.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'setting.change' AND target = "
                                     "'printer.spec'")) == 1);
}

TEST_CASE("the drawer opened with no sale takes a manager's approval for this till and a reason", "[printer]")
{
    TestShop shop;
    const QString till = shop.ctx().store().terminal;
    const ApprovalScope scope{kApproveDrawer, till, Money{}};
    auto approval = shop.ctx().approvals().grant(QStringLiteral("8001"), QStringLiteral("8888"), scope, shop.cashier);
    REQUIRE(approval.ok());
    const qint64 now = shop.ctx().clock().nowMs();
    CHECK_FALSE(recordDrawerOpening(shop.ctx().db(), now, till, approval->token, shop.cashier, QStringLiteral(" ")).ok());
    // Another till's drawer is another scope.
    CHECK_FALSE(recordDrawerOpening(shop.ctx().db(), now, QStringLiteral("T99"), approval->token, shop.cashier,
                                    QStringLiteral("换零钱"))
                    .ok());
    REQUIRE(recordDrawerOpening(shop.ctx().db(), now, till, approval->token, shop.cashier, QStringLiteral("换零钱")).ok());
    CHECK(shop.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'drawer.open' AND authorized_by = ? "
                                     "AND reason = '换零钱'"),
                      {shop.manager}) == 1);
    // Single use.
    CHECK_FALSE(recordDrawerOpening(shop.ctx().db(), now, till, approval->token, shop.cashier, QStringLiteral("再开"))
                    .ok());
    // A cashier's PIN is no approval.
    CHECK_FALSE(shop.ctx().approvals().grant(QStringLiteral("1002"), QStringLiteral("1234"), scope, shop.cashier).ok());
}
