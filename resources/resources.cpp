// The translations are compiled into this library by qt_add_translations (see CMakeLists.txt).
namespace huike {
int resourcesLinked() { return 1; }
} // namespace huike
