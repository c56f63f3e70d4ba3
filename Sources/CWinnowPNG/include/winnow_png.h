#ifndef WINNOW_PNG_H
#define WINNOW_PNG_H

// A small C layer over libpng for Winnow. libpng reports errors by longjmp-ing out of its callbacks;
// doing the setjmp here keeps that jump inside C frames, so Swift only ever sees return codes.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Result codes of the functions below.
typedef enum {
    WINNOW_PNG_OK = 0,
    /// The data ends before the image does.
    WINNOW_PNG_TRUNCATED = 1,
    /// libpng rejected the data (bad signature, CRC, chunk or compressed stream).
    WINNOW_PNG_CORRUPT = 2,
    /// The header declares more pixels than allowed; nothing was decoded.
    WINNOW_PNG_TOO_LARGE = 3,
    /// The output buffer is smaller than `winnow_png_info.output_bytes`.
    WINNOW_PNG_BUFFER_TOO_SMALL = 4,
    /// Out of memory, or a libpng setup failure.
    WINNOW_PNG_INTERNAL = 5
} winnow_png_status;

/// What the header says, and the layout `winnow_png_decode` writes.
typedef struct {
    uint32_t width;
    uint32_t height;
    /// PNG colour type and bit depth as stored (e.g. 3 = palette, 16 = 16-bit samples).
    int32_t color_type;
    int32_t bit_depth;
    int32_t interlaced;
    /// Channels of the decoded 8-bit output: 1 (gray), 3 (RGB) or 4 (RGBA). Gray with alpha becomes RGBA.
    int32_t output_channels;
    /// Bytes the decoded output needs: width * height * output_channels.
    uint64_t output_bytes;
} winnow_png_info;

/// Reads the header of the PNG in `data[0..<size]` and fills `info`; when `output` is not NULL also decodes
/// the pixels into it, 8 bits per sample, top row first, rows packed. Palettes and low bit depths are
/// expanded, tRNS becomes alpha, 16-bit samples are scaled to 8 bits.
///
/// Refuses (WINNOW_PNG_TOO_LARGE) before decoding anything when width * height > `maximum_pixels`.
/// On failure writes a NUL-terminated message of at most `message_capacity` bytes into `message`.
winnow_png_status winnow_png_decode(
    const uint8_t *data, size_t size, uint64_t maximum_pixels,
    uint8_t *output, size_t output_capacity,
    winnow_png_info *info, char *message, size_t message_capacity);

/// Encodes 8-bit pixels (`channels` 1, 2, 3 or 4; `stride` bytes per row) as a PNG with zlib level
/// `compression_level` (0–9). On success `*out_data` holds `*out_size` bytes to release with
/// `winnow_png_free`.
winnow_png_status winnow_png_encode(
    const uint8_t *pixels, uint32_t width, uint32_t height, int32_t channels, size_t stride,
    int32_t compression_level, uint8_t **out_data, size_t *out_size,
    char *message, size_t message_capacity);

/// Releases a buffer returned by `winnow_png_encode`.
void winnow_png_free(uint8_t *data);

#ifdef __cplusplus
}
#endif

#endif
