#include "startup.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Huike"));
    QApplication::setApplicationName(QStringLiteral("Huike"));
    QApplication::setApplicationDisplayName(QStringLiteral("汇客收银"));
    return huike::ui::runApp(app);
}
