#pragma once

// Member-card readers on a serial line, in the three framings the shops' readers use, as a pure
// codec: bytes in as they arrive (any piece at a time), cards out. No I/O.
//   Line      the card's number as a line of digits or hex, ended by CR and/or LF (most 13.56 MHz
//             and 125 kHz RFID desk readers: the UID as decimal, "0012345678", or hex, "04A1B2C3")
//   Frame     STX, ten hex digits (a version byte and the 32-bit tag), two hex digits of checksum
//             (the XOR of the five bytes), ETX: the EM4100 readers (RDM6300 and kin). The card is
//             the tag as its face prints it: ten decimal digits.
//   Track     magnetic stripe: track 1 "%B<number>^<NAME>^...?" and track 2 ";<number>=...?", each
//             optionally followed by its LRC character, a swipe ended by CR/LF. The card is the
//             number field (the PAN).
// Garbage (noise on the line, a reader at the wrong speed) is dropped and counted, never a hang or a
// growing buffer. A keyboard-wedge reader, which types into the window, is told from the barcode
// scanner by the shop's card-number pattern (looksLikeCard).

#include <QByteArray>
#include <QList>
#include <QString>

namespace huike {

struct CardSwipe {
    enum class Framing { Line, Frame, Track };
    Framing framing = Framing::Line;
    QString card;       // what finds the member: digits, or hex as sent (upper case)
    QString holderName; // track 1's name field, when the stripe has one
    bool operator==(const CardSwipe &) const = default;
};

struct CardReaderConfig {
    enum class Framing { Auto, Line, Frame, Track };
    Framing framing = Framing::Auto; // Auto: each message by its first byte
    // Magnetic readers that send each track's LRC character after its end sentinel: checked, and a
    // swipe with a wrong one is dropped (a misread). Off: no LRC is expected.
    bool trackLrc = false;
};

class CardReaderDecoder {
public:
    static constexpr int kMaxMessage = 128; // longer is no card: dropped

    explicit CardReaderDecoder(CardReaderConfig config = {}) : m_config(config) {}
    QList<CardSwipe> feed(const QByteArray &bytes);
    // The line went quiet: a swipe whose tracks came with no CR after them is complete.
    QList<CardSwipe> flush();
    int rejected() const { return m_rejected; } // messages dropped (bad checksum, LRC, characters)
    QString lastProblem() const { return m_problem; }

private:
    enum class State { Idle, Skip, Line, Frame, Track1, Track2, TrackLrc }; // Skip: to the line's end
    void byte(char c, QList<CardSwipe> &out);
    void reject(const QString &why);
    void endLine(QList<CardSwipe> &out);
    void endFrame(QList<CardSwipe> &out);
    void endTrack(QList<CardSwipe> &out);
    void emitSwipe(QList<CardSwipe> &out);

    CardReaderConfig m_config;
    State m_state = State::Idle;
    QByteArray m_buf;
    State m_lrcFor = State::Idle; // the track whose LRC comes next
    char m_lrc = 0;
    QString m_track1Card, m_track1Name, m_track2Card;
    bool m_swipePending = false;
    int m_rejected = 0;
    QString m_problem;
};

// What the simulator's card reader sends for `card` in `framing` (a Frame card is ten decimal
// digits, at most 4294967295; Track sends track 2, and track 1 too when `holderName` is given).
QByteArray encodeCardSwipe(CardSwipe::Framing framing, const QString &card, const QString &holderName = {},
                           bool trackLrc = false);

// A keyboard-wedge swipe: whether a code typed fast into the window is a member card, by the shop's
// pattern (a regular expression over the whole code, e.g. "\\d{10}" or "HK\\d{6}"). No pattern:
// never (everything fast is the barcode scanner's).
bool looksLikeCard(const QString &code, const QString &pattern);

} // namespace huike
