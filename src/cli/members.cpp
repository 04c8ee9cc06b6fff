// huike-cli member add / show: the same member services as the till, for back-office scripts.

#include "app/appcontext.h"
#include "commands.h"
#include "core/phone.h"
#include "members/members.h"
#include "members/points.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace huike::cli {

namespace {

// What `member show --json` prints: the member as stored (the full phone: a script needs it),
// keys in English, money in fen.
QJsonObject toJson(AppContext &ctx, const Member &m)
{
    // Points as the member can use them now: lots expired since are not counted.
    const auto usable = usablePoints(ctx.db(), m.id, g_clock.nowMs());
    const qint64 points = usable ? *usable : m.points;
    return QJsonObject{{QStringLiteral("id"), m.id},
                       {QStringLiteral("phone"), m.phone},
                       {QStringLiteral("card"), m.cardNo},
                       {QStringLiteral("name"), m.name},
                       {QStringLiteral("gender"), m.gender},
                       {QStringLiteral("birthday"), m.birthday},
                       {QStringLiteral("address"), m.address},
                       {QStringLiteral("notes"), m.notes},
                       {QStringLiteral("consent"), m.consent},
                       {QStringLiteral("card_state"), cardStateKey(m.cardState)},
                       {QStringLiteral("level"), m.levelName},
                       {QStringLiteral("growth"), m.growth},
                       {QStringLiteral("net_spend_fen"), m.netSpend.fen()},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("created_at_ms"), m.createdAtMs}};
}

int memberAdd(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args,
               {option("phone", "the member's 11-digit mainland mobile number (required)", "N"),
                option("name", "name", "TEXT"), option("card", "card number", "TEXT"),
                option("birthday", "1990-05-20, or 05-20 without the year", "DATE"),
                option("gender", "男/女 (or F/M)", "G"), option("consent", "may be sent marketing: yes or no", "yes|no"),
                option("json", "print the member as JSON")}))
        return 2;
    if (!p.isSet(QStringLiteral("phone"))) {
        err() << "error: --phone is required\n";
        return 2;
    }
    MemberInput in;
    in.phone = p.value(QStringLiteral("phone"));
    in.name = p.value(QStringLiteral("name"));
    in.cardNo = p.value(QStringLiteral("card"));
    in.birthday = p.value(QStringLiteral("birthday"));
    in.gender = p.value(QStringLiteral("gender"));
    if (p.isSet(QStringLiteral("consent"))) {
        const QString c = p.value(QStringLiteral("consent"));
        if (c != QLatin1String("yes") && c != QLatin1String("no")) {
            err() << "error: --consent is yes or no\n";
            return 2;
        }
        in.consent = c == QLatin1String("yes");
        in.consentHow = QStringLiteral("cli");
    }
    auto ctx = openContext(p);
    if (!ctx)
        return 1;
    auto m = ctx->members().registerMember(in, backOfficeOperator(*ctx));
    if (!m) {
        err() << "error: " << m.error().message << "\n";
        return 1;
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(QJsonDocument(toJson(*ctx, *m)).toJson(QJsonDocument::Compact)) << "\n";
    else
        out() << "member " << m->id << " " << maskPhone(m->phone) << " " << m->name << "\n";
    return 0;
}

int memberShow(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, {option("json", "print the member as JSON")}))
        return 2;
    if (p.positionalArguments().size() != 1) {
        err() << "error: give the member's phone or card number\n";
        return 2;
    }
    auto ctx = openContext(p, {}, true);
    if (!ctx)
        return 1;
    auto m = ctx->members().byPhoneOrCard(p.positionalArguments().first());
    if (!m) {
        err() << "error: " << m.error().message << "\n";
        return 1;
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QString::fromUtf8(QJsonDocument(toJson(*ctx, *m)).toJson(QJsonDocument::Compact)) << "\n";
    else
        out() << m->phone << "  " << m->name << "  " << (m->cardNo.isEmpty() ? QStringLiteral("-") : m->cardNo)
              << "  " << cardStateKey(m->cardState) << "  " << m->levelName << "  growth " << m->growth << "\n";
    return 0;
}

} // namespace

int cmdMember(const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == QLatin1String("add"))
        return memberAdd(args.mid(1));
    if (verb == QLatin1String("show"))
        return memberShow(args.mid(1));
    err() << "error: member add or member show\n";
    return 2;
}

} // namespace huike::cli
