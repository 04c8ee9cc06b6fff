#include "devicesettings.h"

#include "settings.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace huike {

namespace {

const QStringList kFramings = {QStringLiteral("auto"), QStringLiteral("line"), QStringLiteral("frame"),
                               QStringLiteral("track")};
const QStringList kForms = {QStringLiteral("auto"), QStringLiteral("formatted"), QStringLiteral("hex"),
                            QStringLiteral("bare")};
const QStringList kDisplayKinds = {QStringLiteral("led"), QStringLiteral("vfd")};

} // namespace

CounterDeviceSettings loadCounterDevices(const Settings &settings)
{
    CounterDeviceSettings d;
    d.cardReaderSpec = settings.value(Settings::kCardReaderSpec);
    d.cardFraming = settings.value(Settings::kCardReaderFraming, QStringLiteral("auto"));
    if (!kFramings.contains(d.cardFraming))
        d.cardFraming = QStringLiteral("auto");
    d.trackLrc = settings.integer(Settings::kCardReaderTrackLrc, 0) != 0;
    d.cardPattern = settings.value(Settings::kCardPattern);
    d.callerIdSpec = settings.value(Settings::kCallerIdSpec);
    d.callerIdForm = settings.value(Settings::kCallerIdForm, QStringLiteral("auto"));
    if (!kForms.contains(d.callerIdForm))
        d.callerIdForm = QStringLiteral("auto");
    d.callerIdSetup = settings.value(Settings::kCallerIdSetup);
    d.displaySpec = settings.value(Settings::kDisplaySpec);
    d.displayKind = settings.value(Settings::kDisplayKind, QStringLiteral("led"));
    if (!kDisplayKinds.contains(d.displayKind))
        d.displayKind = QStringLiteral("led");
    d.displayMessage = settings.value(Settings::kDisplayMessage, QStringLiteral("欢迎光临"));
    d.secondScreen = settings.integer(Settings::kDisplaySecondScreen, 1) != 0;
    return d;
}

Status checkCounterDevices(const CounterDeviceSettings &d)
{
    if (!kFramings.contains(d.cardFraming) || !kForms.contains(d.callerIdForm) || !kDisplayKinds.contains(d.displayKind))
        return Error{ErrorCode::Invalid,
                     QCoreApplication::translate("Calls", "Unknown card framing, caller-ID form or display kind.")};
    if (!d.cardPattern.trimmed().isEmpty() && !QRegularExpression(d.cardPattern.trimmed()).isValid())
        return Error{ErrorCode::Invalid,
                     QCoreApplication::translate("Calls", "The card-number pattern is no regular expression: %1")
                         .arg(QRegularExpression(d.cardPattern.trimmed()).errorString())};
    return Ok{};
}

Status saveCounterDevices(Settings &settings, const CounterDeviceSettings &d, qint64 operatorId, qint64 atMs)
{
    if (auto st = checkCounterDevices(d); !st)
        return st;
    return settings.change({{Settings::kCardReaderSpec, d.cardReaderSpec.trimmed()},
                            {Settings::kCardReaderFraming, d.cardFraming},
                            {Settings::kCardReaderTrackLrc, d.trackLrc ? QStringLiteral("1") : QStringLiteral("0")},
                            {Settings::kCardPattern, d.cardPattern.trimmed()},
                            {Settings::kCallerIdSpec, d.callerIdSpec.trimmed()},
                            {Settings::kCallerIdForm, d.callerIdForm},
                            {Settings::kCallerIdSetup, d.callerIdSetup.trimmed()},
                            {Settings::kDisplaySpec, d.displaySpec.trimmed()},
                            {Settings::kDisplayKind, d.displayKind},
                            {Settings::kDisplayMessage, d.displayMessage.trimmed()},
                            {Settings::kDisplaySecondScreen, d.secondScreen ? QStringLiteral("1") : QStringLiteral("0")}},
                           operatorId, atMs);
}

} // namespace huike
