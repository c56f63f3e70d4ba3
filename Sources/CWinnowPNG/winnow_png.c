#include "winnow_png.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Everything libpng's callbacks need, reached through png_get_error_ptr / png_get_io_ptr.
typedef struct {
    const uint8_t *data;
    size_t size;
    size_t offset;
    int truncated;
    uint8_t *output;
    size_t output_size;
    size_t output_capacity;
    char *message;
    size_t message_capacity;
} winnow_png_state;

static void set_message(char *message, size_t capacity, const char *text) {
    if (message == NULL || capacity == 0) return;
    snprintf(message, capacity, "%s", text);
}

static void on_error(png_structp png, png_const_charp text) {
    winnow_png_state *state = (winnow_png_state *)png_get_error_ptr(png);
    if (state != NULL && !state->truncated) set_message(state->message, state->message_capacity, text);
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

static void read_from_memory(png_structp png, png_bytep out, png_size_t length) {
    winnow_png_state *state = (winnow_png_state *)png_get_io_ptr(png);
    if (length > state->size - state->offset) {
        state->truncated = 1;
        set_message(state->message, state->message_capacity, "the data ends before the image does");
        png_error(png, "truncated");
    }
    memcpy(out, state->data + state->offset, length);
    state->offset += length;
}

static void write_to_memory(png_structp png, png_bytep bytes, png_size_t length) {
    winnow_png_state *state = (winnow_png_state *)png_get_io_ptr(png);
    if (length > state->output_capacity - state->output_size) {
        size_t capacity = state->output_capacity < 4096 ? 4096 : state->output_capacity;
        while (length > capacity - state->output_size) {
            if (capacity > SIZE_MAX / 2) png_error(png, "PNG output too large");
            capacity *= 2;
        }
        uint8_t *grown = realloc(state->output, capacity);
        if (grown == NULL) png_error(png, "out of memory while encoding PNG");
        state->output = grown;
        state->output_capacity = capacity;
    }
    memcpy(state->output + state->output_size, bytes, length);
    state->output_size += length;
}

static void flush_nothing(png_structp png) { (void)png; }

winnow_png_status winnow_png_decode(
    const uint8_t *data, size_t size, uint64_t maximum_pixels,
    uint8_t *output, size_t output_capacity,
    winnow_png_info *info, char *message, size_t message_capacity) {
    memset(info, 0, sizeof *info);
    set_message(message, message_capacity, "");
    if (size < 8 || png_sig_cmp((png_const_bytep)data, 0, 8) != 0) {
        set_message(message, message_capacity, "not a PNG signature");
        return WINNOW_PNG_CORRUPT;
    }
    winnow_png_state state = {0};
    state.data = data;
    state.size = size;
    state.message = message;
    state.message_capacity = message_capacity;

    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state, on_error, on_warning);
    if (png == NULL) {
        set_message(message, message_capacity, "libpng could not start");
        return WINNOW_PNG_INTERNAL;
    }
    png_infop png_info = png_create_info_struct(png);
    if (png_info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        set_message(message, message_capacity, "libpng could not start");
        return WINNOW_PNG_INTERNAL;
    }
    // Every libpng error lands here; nothing below allocates outside libpng's own structures.
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &png_info, NULL);
        return state.truncated ? WINNOW_PNG_TRUNCATED : WINNOW_PNG_CORRUPT;
    }
    png_set_read_fn(png, &state, read_from_memory);
    // Our own pixel limit applies below; libpng's 1,000,000 x 1,000,000 default stays as a backstop.
    png_read_info(png, png_info);

    png_uint_32 width = png_get_image_width(png, png_info);
    png_uint_32 height = png_get_image_height(png, png_info);
    int color_type = png_get_color_type(png, png_info);
    int bit_depth = png_get_bit_depth(png, png_info);
    info->width = width;
    info->height = height;
    info->color_type = color_type;
    info->bit_depth = bit_depth;
    info->interlaced = png_get_interlace_type(png, png_info) != PNG_INTERLACE_NONE;
    if ((uint64_t)width * (uint64_t)height > maximum_pixels) {
        char text[160];
        snprintf(text, sizeof text, "%u x %u pixels is over the limit of %llu", (unsigned)width, (unsigned)height,
                 (unsigned long long)maximum_pixels);
        set_message(message, message_capacity, text);
        png_destroy_read_struct(&png, &png_info, NULL);
        return WINNOW_PNG_TOO_LARGE;
    }

    int has_transparency = png_get_valid(png, png_info, PNG_INFO_tRNS) != 0;
    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (has_transparency) png_set_tRNS_to_alpha(png);
    if (bit_depth == 16) png_set_scale_16(png);
    if (color_type == PNG_COLOR_TYPE_GRAY_ALPHA || (color_type == PNG_COLOR_TYPE_GRAY && has_transparency)) {
        png_set_gray_to_rgb(png);
    }
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, png_info);

    int channels = png_get_channels(png, png_info);
    size_t row_bytes = png_get_rowbytes(png, png_info);
    if ((channels != 1 && channels != 3 && channels != 4) || row_bytes != (size_t)width * (size_t)channels) {
        set_message(message, message_capacity, "unexpected PNG layout after expansion");
        png_destroy_read_struct(&png, &png_info, NULL);
        return WINNOW_PNG_INTERNAL;
    }
    info->output_channels = channels;
    info->output_bytes = (uint64_t)row_bytes * (uint64_t)height;
    if (output == NULL) {
        png_destroy_read_struct(&png, &png_info, NULL);
        return WINNOW_PNG_OK;
    }
    if (output_capacity < info->output_bytes) {
        set_message(message, message_capacity, "output buffer too small");
        png_destroy_read_struct(&png, &png_info, NULL);
        return WINNOW_PNG_BUFFER_TOO_SMALL;
    }
    for (int pass = 0; pass < passes; pass++) {
        for (png_uint_32 row = 0; row < height; row++) {
            png_read_row(png, output + (size_t)row * row_bytes, NULL);
        }
    }
    // A file that stops after the pixels (no IEND) is truncated too.
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &png_info, NULL);
    return WINNOW_PNG_OK;
}

winnow_png_status winnow_png_encode(
    const uint8_t *pixels, uint32_t width, uint32_t height, int32_t channels, size_t stride,
    int32_t compression_level, uint8_t **out_data, size_t *out_size,
    char *message, size_t message_capacity) {
    *out_data = NULL;
    *out_size = 0;
    set_message(message, message_capacity, "");
    int color_type;
    switch (channels) {
        case 1: color_type = PNG_COLOR_TYPE_GRAY; break;
        case 2: color_type = PNG_COLOR_TYPE_GRAY_ALPHA; break;
        case 3: color_type = PNG_COLOR_TYPE_RGB; break;
        case 4: color_type = PNG_COLOR_TYPE_RGB_ALPHA; break;
        default:
            set_message(message, message_capacity, "channels must be 1, 2, 3 or 4");
            return WINNOW_PNG_INTERNAL;
    }
    if (width == 0 || height == 0 || stride < (size_t)width * (size_t)channels) {
        set_message(message, message_capacity, "empty image or stride shorter than a row");
        return WINNOW_PNG_INTERNAL;
    }
    winnow_png_state state = {0};
    state.message = message;
    state.message_capacity = message_capacity;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state, on_error, on_warning);
    if (png == NULL) {
        set_message(message, message_capacity, "libpng could not start");
        return WINNOW_PNG_INTERNAL;
    }
    png_infop png_info = png_create_info_struct(png);
    if (png_info == NULL) {
        png_destroy_write_struct(&png, NULL);
        set_message(message, message_capacity, "libpng could not start");
        return WINNOW_PNG_INTERNAL;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &png_info);
        free(state.output);
        return WINNOW_PNG_INTERNAL;
    }
    png_set_write_fn(png, &state, write_to_memory, flush_nothing);
    int level = compression_level < 0 ? 0 : (compression_level > 9 ? 9 : compression_level);
    png_set_compression_level(png, level);
    png_set_IHDR(png, png_info, width, height, 8, color_type, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, png_info);
    for (uint32_t row = 0; row < height; row++) {
        png_write_row(png, (png_const_bytep)(pixels + (size_t)row * stride));
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &png_info);
    *out_data = state.output;
    *out_size = state.output_size;
    return WINNOW_PNG_OK;
}

void winnow_png_free(uint8_t *data) { free(data); }
