// The keyboard-wedge scanner codec: a scan is fast keys and Enter; a person typing is slower and
// must get every key back, in order.

#include "scanner/wedgedecoder.h"
#include "testsupport.h"

#include <random>

using huike::WedgeDecoder;
using Action = huike::WedgeDecoder::Action;

namespace {
// Feeds `text` with `gapMs` between keys starting at `t`; returns the time of the last key and
// every Replay text handed back on the way.
qint64 type(WedgeDecoder &d, const QString &text, qint64 t, qint64 gapMs, QString *replayed = nullptr)
{
    for (QChar c : text) {
        const auto r = d.key(c, t);
        if (r.action == Action::Replay && replayed)
            *replayed += r.text;
        else
            CHECK(r.action == Action::Buffered);
        t += gapMs;
    }
    return t - gapMs;
}
} // namespace

TEST_CASE("fast keys ended by Enter are a scan", "[wedge]")
{
    WedgeDecoder d;
    const qint64 last = type(d, QStringLiteral("6901028075831"), 1'000, 4);
    CHECK(d.hasPending());
    const auto r = d.enter(last + 5);
    CHECK(r.action == Action::Scanned);
    CHECK(r.text == QStringLiteral("6901028075831"));
    CHECK_FALSE(d.hasPending());
    // The next scan starts clean.
    const qint64 last2 = type(d, QStringLiteral("96385074"), last + 2'000, 2);
    CHECK(d.enter(last2 + 1).text == QStringLiteral("96385074"));
}

TEST_CASE("slow typing is handed back to the focused widget", "[wedge]")
{
    WedgeDecoder d;
    QString replayed;
    const qint64 last = type(d, QStringLiteral("2.5"), 0, 150, &replayed); // a person types a weight
    const auto r = d.enter(last + 200);
    CHECK(r.action == Action::Replay);
    replayed += r.text;
    CHECK(replayed == QStringLiteral("2.5"));
}

TEST_CASE("a short fast burst (a quantity, a PIN digit) is typing, not a scan", "[wedge]")
{
    WedgeDecoder d;
    CHECK(d.key(QLatin1Char('2'), 100).action == Action::Buffered);
    const auto r = d.enter(105);
    CHECK(r.action == Action::Replay);
    CHECK(r.text == QStringLiteral("2"));
    // Three fast digits are still too short for a barcode (minimum 4).
    type(d, QStringLiteral("123"), 1'000, 3);
    CHECK(d.enter(1'010).action == Action::Replay);
    // Four are enough.
    type(d, QStringLiteral("T001"), 2'000, 3);
    CHECK(d.enter(2'010).action == Action::Scanned);
}

TEST_CASE("Enter with nothing held goes to the widget", "[wedge]")
{
    WedgeDecoder d;
    CHECK(d.enter(0).action == Action::PassEnter);
    type(d, QStringLiteral("6901028075831"), 100, 3);
    REQUIRE(d.enter(140).action == Action::Scanned);
    CHECK(d.enter(141).action == Action::PassEnter);
}

TEST_CASE("a pause before Enter turns a burst into typing", "[wedge]")
{
    WedgeDecoder d;
    const qint64 last = type(d, QStringLiteral("6901028075831"), 0, 3);
    const auto r = d.enter(last + 500);
    CHECK(r.action == Action::Replay);
    CHECK(r.text == QStringLiteral("6901028075831"));
}

TEST_CASE("a scan right after typing: the typed key is replayed, the scan is still a scan", "[wedge]")
{
    WedgeDecoder d;
    CHECK(d.key(QLatin1Char('3'), 0).action == Action::Buffered); // the cashier typed a quantity
    const auto first = d.key(QLatin1Char('6'), 2'000);            // then the scanner fires
    CHECK(first.action == Action::Replay);
    CHECK(first.text == QStringLiteral("3"));
    const qint64 last = type(d, QStringLiteral("901028075831"), 2'003, 3);
    const auto r = d.enter(last + 3);
    CHECK(r.action == Action::Scanned);
    CHECK(r.text == QStringLiteral("6901028075831"));
}

TEST_CASE("garbage longer than any code is not a scan", "[wedge]")
{
    WedgeDecoder d;
    QString replayed;
    const QString junk(70, QLatin1Char('A'));
    const qint64 last = type(d, junk, 0, 1, &replayed);
    CHECK(replayed == junk); // past the limit the whole burst is handed back as typing
    const auto r = d.enter(last + 1);
    CHECK(r.action == Action::PassEnter);
    CHECK(replayed + r.text == junk); // nothing lost
}

TEST_CASE("the tail of an over-long burst is not taken for a scan", "[wedge]")
{
    // A 70-key burst (a long QR code, or a stuck key) must not have its last 6 keys looked up as a
    // product: the burst stays typing until Enter or a pause.
    WedgeDecoder d;
    QString replayed;
    const qint64 last = type(d, QString(70, QLatin1Char('A')), 0, 1, &replayed);
    CHECK(d.enter(last + 1).action == Action::PassEnter);
    // After a pause, a real scan is recognised again.
    type(d, QStringLiteral("6901028075831"), last + 500, 1, &replayed);
    CHECK(d.enter(last + 520).action == Action::Scanned);
}

TEST_CASE("flush hands back what is held after a quiet moment", "[wedge]")
{
    WedgeDecoder d;
    type(d, QStringLiteral("12"), 0, 5);
    CHECK(d.hasPending());
    CHECK(d.flush() == QStringLiteral("12"));
    CHECK_FALSE(d.hasPending());
    CHECK(d.flush().isEmpty());
    CHECK(d.enter(1'000).action == Action::PassEnter);
}

TEST_CASE("a slower scanner can be configured", "[wedge]")
{
    WedgeDecoder::Config c;
    c.maxInterKeyMs = 60; // an old Bluetooth scanner
    c.minLength = 8;
    WedgeDecoder d(c);
    CHECK(d.config().maxInterKeyMs == 60);
    const qint64 last = type(d, QStringLiteral("6901028075831"), 0, 50);
    CHECK(d.enter(last + 50).action == Action::Scanned);
    type(d, QStringLiteral("T0001"), 10'000, 5); // shorter than 8: typing
    CHECK(d.enter(10'030).action == Action::Replay);
}

TEST_CASE("property: no key is ever lost or duplicated", "[wedge][property]")
{
    std::mt19937 rng(31337);
    for (int iteration = 0; iteration < 2000; ++iteration) {
        WedgeDecoder d;
        QString typed;
        QString delivered;
        qint64 t = 0;
        const int events = std::uniform_int_distribution<int>(1, 200)(rng);
        for (int e = 0; e < events; ++e) {
            t += std::uniform_int_distribution<int>(0, 3)(rng) == 0
                     ? std::uniform_int_distribution<qint64>(36, 500)(rng)
                     : std::uniform_int_distribution<qint64>(0, 12)(rng);
            const int kind = std::uniform_int_distribution<int>(0, 15)(rng);
            if (kind == 0) {
                const auto r = d.enter(t);
                if (r.action == Action::Replay || r.action == Action::Scanned)
                    delivered += r.text;
                else
                    REQUIRE(r.text.isEmpty());
                if (r.action == Action::Scanned) {
                    REQUIRE(r.text.size() >= d.config().minLength);
                    REQUIRE(r.text.size() <= d.config().maxLength);
                }
            } else if (kind == 1) {
                delivered += d.flush();
            } else {
                const QChar c(static_cast<char16_t>(std::uniform_int_distribution<int>(0x21, 0x7E)(rng)));
                typed += c;
                const auto r = d.key(c, t);
                if (r.action == Action::Replay)
                    delivered += r.text;
                else
                    REQUIRE(r.action == Action::Buffered);
            }
        }
        delivered += d.flush();
        INFO("iteration " << iteration);
        REQUIRE(delivered == typed);
    }
}
