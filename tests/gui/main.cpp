#define CATCH_CONFIG_RUNNER
#include "common/dialogs.h"
#include "common/style.h"
#include "startup.h"

#include <QApplication>
#include <catch2/catch.hpp>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("HuikeTest"));
    QApplication::setApplicationName(QStringLiteral("HuikeGuiTest"));
    // The screens as a shop sees them: in Chinese, in the app's own style.
    huike::ui::installTranslations(app, QStringLiteral("zh_CN"));
    huike::ui::applyStyle(app);
    // Dialogs are answered by each test's scripts, never left waiting for a person.
    huike::ui::DialogScript::enable();
    return Catch::Session().run(argc, argv);
}
