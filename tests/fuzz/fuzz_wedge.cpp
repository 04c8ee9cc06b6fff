// Fuzz target: the keyboard-wedge decoder fed keys, Enters, flushes and time steps in any order.
// Invariant: every typed key comes out exactly once, in order (as a replay or inside a scan), and
// a scan respects the configured length limits.

#include "fuzzcheck.h"
#include "scanner/wedgedecoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3 || size > 1 << 16)
        return 0;
    huike::WedgeDecoder::Config config;
    config.maxInterKeyMs = data[0];
    config.minLength = data[1] % 17;
    config.maxLength = 1 + data[2] % 128;
    huike::WedgeDecoder d(config);

    QString typed;
    QString delivered;
    qint64 t = 1'000'000;
    // Then pairs: (event, signed time step). Clocks may even step back.
    for (size_t i = 3; i + 1 < size; i += 2) {
        const uint8_t event = data[i];
        t += static_cast<int8_t>(data[i + 1]);
        if (event == '\r' || event == '\n') {
            const auto r = d.enter(t);
            switch (r.action) {
            case huike::WedgeDecoder::Action::Scanned:
                require(r.text.size() >= config.minLength && r.text.size() <= config.maxLength);
                delivered += r.text;
                break;
            case huike::WedgeDecoder::Action::Replay:
                require(!r.text.isEmpty());
                delivered += r.text;
                break;
            case huike::WedgeDecoder::Action::PassEnter:
                require(r.text.isEmpty());
                break;
            case huike::WedgeDecoder::Action::Buffered:
                require(false);
            }
            require(!d.hasPending());
        } else if (event == 0) {
            delivered += d.flush();
            require(!d.hasPending());
        } else if (event == 1) {
            t += 1000 * data[i + 1]; // a long pause
        } else {
            const QChar c(
                static_cast<char16_t>(event < 0x80 ? event : 0x4E00 + event)); // ASCII or a CJK character
            typed += c;
            const auto r = d.key(c, t);
            require(r.action == huike::WedgeDecoder::Action::Buffered ||
                    r.action == huike::WedgeDecoder::Action::Replay);
            if (r.action == huike::WedgeDecoder::Action::Replay)
                delivered += r.text;
            else
                require(d.hasPending()); // a held key is pending (past maxLength keys go straight back)
        }
    }
    delivered += d.flush();
    require(delivered == typed);
    return 0;
}
