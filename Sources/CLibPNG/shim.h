// libpng 1.6 (Debian libpng-dev, pkg-config libpng). Swift never calls it directly: CWinnowPNG does,
// so that libpng's longjmp error path stays inside C frames.
#include <png.h>
