// libwebp's simple decoding API (Debian libwebp-dev, pkg-config libwebp).
#include <webp/decode.h>
