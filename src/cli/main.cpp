#include "commands.h"
#include "core/log.h"

#include <QCoreApplication>
#include <QStandardPaths>

using namespace huike::cli;

static void usage()
{
    err() << "usage: huike-cli COMMAND [options]\n"
             "  init --db PATH (--admin-pin PIN | --demo [--members N] [--months M] [--seed S])\n"
             "       [--store-name NAME] [--address TEXT] [--phone TEXT] [--admin-code CODE]\n"
             "  verify --db PATH\n"
             "  simulate --db PATH --sales N [--seed S]\n"
             "  receipt --db PATH [--width 32|48] [--print SPEC] NUMBER\n"
             "  device test printer SPEC [--width 32|48] [--no-chinese-mode]\n"
             "  device listen [--card-reader SPEC] [--caller-id SPEC] [--seconds N]   (JSON line per swipe or call;\n"
             "                huike-cli device --help for framings and forms)\n"
             "  simulate-device printer --port PATH [--status ok|paper-low|paper-out|cover-open|offline] [--seconds N]\n"
             "  simulate-device card-reader --port PATH --card N [--framing line|frame|track]\n"
             "  simulate-device caller-id --port PATH --number N [--form formatted|mdmf|sdmf|bare]\n"
             "  device test display SPEC [--kind led|vfd]\n"
             "  simulate-device display --port PATH [--kind led|vfd] [--seconds N]\n"
             "  sell --db PATH --operator CODE:PIN --items CODE[*QTY],... --pay KIND:AMOUNT[:REF],...\n"
             "       [--member PHONE|CARD] [--member-pin PIN] [--coupon CODE[,CODE]] [--till NAME] [--json]\n"
             "  recharge --db PATH --member PHONE|CARD --amount YUAN --pay KIND[:REF] [--operator CODE:PIN]\n"
             "         [--manager CODE:PIN] [--json]\n"
             "  refund --db PATH --manager CODE:PIN --reason TEXT [--lines N:QTY,...] [--operator CODE[:PIN]]\n"
             "         [--till NAME] [--payout original|cash] NUMBER\n"
             "  void --db PATH --manager CODE:PIN --reason TEXT [--operator CODE] [--till NAME] NUMBER\n"
             "  import-products --db PATH [--encoding auto|utf-8|gbk] FILE.csv\n"
             "  member add --db PATH --phone N [--name TEXT] [--card TEXT] [--birthday DATE]\n"
             "         [--gender 男|女] [--consent yes|no] [--tags A,B] [--json]\n"
             "  member show --db PATH [--json] PHONE|CARD\n"
             "  member lost|lock --db PATH --reason TEXT [--operator CODE:PIN] PHONE|CARD\n"
             "  member unlock --db PATH --reason TEXT --manager CODE:PIN [--operator CODE:PIN] PHONE|CARD\n"
             "  member replace-card --db PATH --card NEW --reason TEXT --manager CODE:PIN PHONE|CARD\n"
             "  member transfer --db PATH --to PHONE|CARD --amount YUAN --reason TEXT --manager CODE:PIN PHONE|CARD\n"
             "  member set-pin --db PATH --pin NEW [--old-pin OLD | --manager CODE:PIN] PHONE|CARD\n"
             "  member levels --db PATH [--json]   (lapsed levels assessed, growth from RFM applied for\n"
             "                                      each period that ended: JSON assessed, changed, rfm_periods; run daily)\n"
             "  points adjust --db PATH --member PHONE|CARD --points N --reason TEXT --manager CODE:PIN\n"
             "  points import --db PATH --manager CODE:PIN [--reason TEXT] [--encoding auto|utf-8|gbk] [--json] FILE.csv\n"
             "  points gifts --db PATH [--json]\n"
             "  points redeem --db PATH --member PHONE|CARD --gift NAME|ID [--qty N] [--operator CODE:PIN] [--json]\n"
             "  countcard add-plan --db PATH --name TEXT --card CODE --service CODE --uses N [--days N]\n"
             "         [--from sale|first-use] [--on any|weekdays|weekends] [--json]\n"
             "  countcard plans --db PATH [--json]\n"
             "  coupon add-type --db PATH --name TEXT [--kind cash|discount|gift] [--value YUAN] [--discount ZHE]\n"
             "         [--gift CODE] [--min-spend YUAN] [--categories NAME,...] [--stackable] [--days N]\n"
             "         [--issue-on manual|registration|birthday|purchase] [--purchase-min YUAN] [--json]\n"
             "  coupon issue --db PATH --type NAME [--member PHONE|CARD] [--reason TEXT] [--json]\n"
             "  coupon show --db PATH [--json] CODE\n"
             "  coupon void --db PATH --reason TEXT CODE\n"
             "  coupon birthday --db PATH [--json]   (today's birthday coupons; run daily)\n"
             "  export-products --db PATH FILE.csv\n"
             "  import-members --db PATH [--encoding auto|utf-8|gbk] [--operator CODE:PIN] [--json] FILE.csv\n"
             "  export-members --db PATH [--headers zh|en] [--json] FILE.csv\n"
             "  import-sales --db PATH [--create-members] [--encoding auto|utf-8|gbk] [--json] FILE.csv\n"
             "  segments --db PATH [--as-of YYYY-MM-DD] --format csv   (every member's classes, 会员分析)\n"
             "  bench checkout --db PATH [--n N] --json\n"
             "  bench lookup --db PATH --products N [--n N] --json\n"
             "  bench members --db PATH [--members N] [--lookups N] [--n N] [--import N] --json\n"
             "  bench segments [--members N] [--sales M] [--n N] [--db PATH] --json   (会员分析 at scale)\n"
             "Without --db the shop's own database in the data folder is used.\n"
             "refund and void need a manager's code and PIN (--manager 8001:8888): the engine turns\n"
             "them into a single-use approval of exactly that document. They are rung up in the open\n"
             "shift of the till (--till, default CLI), opening one for the operator if none is open.\n"
             "sell rings up a sale as the till does (huike-cli sell --help for each option) and\n"
             "prints the receipt number only once the sale is committed.\n"
             "--lines N:QTY,... (or --line N:QTY, repeated) refunds QTY of receipt line N (0.5 for\n"
             "weighed goods); without it, all that is left. --operator (default: the manager) is who\n"
             "is recorded as doing it; as CODE:PIN its PIN is checked.\n"
             "--payout original (the default) pays back through the tenders the customer used,\n"
             "wallets and cards first; cash pays it all from the drawer (its own approval).\n"
             "Refunding a recharge pays back the principal still left of it and takes back its bonus.\n"
             "sell --pay stored:AMOUNT pays with the member's stored value; a member who set a PIN\n"
             "gives it as --member-pin.\n"
             "A count card (计次卡) is sold as its card product (sell --items CARDCODE --member M); then\n"
             "sell --pay countcard:ID lets card ID cover the service's units, one use each.\n"
             "Every command but init and bench needs a store at --db (init makes one); bench makes\n"
             "its own when the file is new (bench segments without --db, in a temporary folder).\n"
             "Numbers must parse: --seed xyz is an error (exit 2).\n"
             "import-products reads UTF-8 or GBK/GB18030, deciding on the whole file (--encoding\n"
             "forces one) and says which it used; a bad row is rejected with its line number and\n"
             "the other rows are imported (exit 1 if any row was rejected).\n"
             "import-members takes the same encodings and 手机号/phone, 姓名/name, 性别/gender,\n"
             "生日/birthday, 卡号/card, 等级/level, 积分/points, 余额/balance (or 本金/principal and\n"
             "赠送/bonus), 成长值/growth, 累计消费/net_spend, 备注/notes, 地址/address,\n"
             "营销许可/consent, 注册时间/registered; only the phone is required. A phone or card\n"
             "already a member's, or on an earlier row, is reported as a duplicate and never merged.\n"
             "Points come in as earned today, balances as stored value (no drawer money), no welcome\n"
             "coupons. Importing a file again adds only the rows not yet in.\n"
             "export-members writes every member (full phone numbers) as UTF-8 with BOM for Excel,\n"
             "formula-like cells neutralised; import-members reads it back.\n"
             "points import gives or takes points for members already here: columns 手机号/phone or\n"
             "卡号/card, 积分/points (minus takes off) and optionally 原因/reason (else --reason). One\n"
             "manager approves the whole file; rows that cannot apply (no such member, more taken than\n"
             "held) are listed by line and left out; the same file is never applied twice, so put\n"
             "the fixed rows in a file of their own.\n"
             "import-sales brings another system's sales history into 会员分析: columns receipt_no,\n"
             "member, time, amount (and optionally barcode, name, qty; or 小票号, 会员, 时间, 金额, 条码,\n"
             "商品名称, 数量). member is a phone, card number or the other system's member code; time is\n"
             "local YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]; amount is yuan, negative for a refund line.\n"
             "Rows sharing a receipt_no are one receipt (a total of zero or less is no order). Bad rows\n"
             "are listed by line and left out (exit 1); a receipt number already in is left as it is,\n"
             "so importing the same file again adds nothing. Progress goes to stderr. The history\n"
             "counts once the run has finished; an interrupted run counts nothing: run it again.\n";
    err().flush();
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Huike"));
    QCoreApplication::setApplicationName(QStringLiteral("Huike"));
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        usage();
        return args.isEmpty() ? 2 : 0;
    }
    huike::initLogging(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                       QStringLiteral("huike-cli"));
    const QString cmd = args.takeFirst();
    if (cmd == QLatin1String("init"))
        return cmdInit(args);
    if (cmd == QLatin1String("verify"))
        return cmdVerify(args);
    if (cmd == QLatin1String("simulate"))
        return cmdSimulate(args);
    if (cmd == QLatin1String("receipt"))
        return cmdReceipt(args);
    if (cmd == QLatin1String("refund"))
        return cmdRefund(args);
    if (cmd == QLatin1String("sell"))
        return cmdSell(args);
    if (cmd == QLatin1String("recharge"))
        return cmdRecharge(args);
    if (cmd == QLatin1String("void"))
        return cmdVoid(args);
    if (cmd == QLatin1String("import-products"))
        return cmdImportProducts(args);
    if (cmd == QLatin1String("export-products"))
        return cmdExportProducts(args);
    if (cmd == QLatin1String("import-members"))
        return cmdImportMembers(args);
    if (cmd == QLatin1String("export-members"))
        return cmdExportMembers(args);
    if (cmd == QLatin1String("member"))
        return cmdMember(args);
    if (cmd == QLatin1String("points"))
        return cmdPoints(args);
    if (cmd == QLatin1String("countcard"))
        return cmdCountCard(args);
    if (cmd == QLatin1String("coupon"))
        return cmdCoupon(args);
    if (cmd == QLatin1String("import-sales"))
        return cmdImportSales(args);
    if (cmd == QLatin1String("segments"))
        return cmdSegments(args);
    if (cmd == QLatin1String("bench"))
        return cmdBench(args);
    if (cmd == QLatin1String("device"))
        return cmdDevice(args);
    if (cmd == QLatin1String("simulate-device"))
        return cmdSimulateDevice(args);
    err() << "unknown command: " << cmd << "\n";
    usage();
    return 2;
}
