#!/usr/bin/env python3
"""Writes the tiny decoder fixtures in this folder with Pillow (pip install pillow, in a throwaway venv).

Run from anywhere: python3 make-fixtures.py. The outputs are committed; this script documents how they
were made and what each one holds, so tests can assert exact values.
"""
import os
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


# 8 x 6 gray ramp: pixel (x, y) = 10 * x + 30 * y.
gray = Image.new("L", (8, 6))
gray.putdata([10 * x + 30 * y for y in range(6) for x in range(8)])
gray.save(path("gray.png"))

# 1-bit: a 5 x 3 checkerboard, white where (x + y) is even.
bilevel = Image.new("1", (5, 3))
bilevel.putdata([255 if (x + y) % 2 == 0 else 0 for y in range(3) for x in range(5)])
bilevel.save(path("bilevel.png"))

# 16-bit gray, 3 x 1: 0, 0x8080 and 0xFFFF (8-bit: 0, 128, 255).
deep = Image.new("I;16", (3, 1))
deep.putdata([0, 0x8080, 0xFFFF])
deep.save(path("gray16.png"))

# RGBA 2 x 2: opaque red, half-transparent green, transparent blue, opaque white.
rgba = Image.new("RGBA", (2, 2))
rgba.putdata([(255, 0, 0, 255), (0, 255, 0, 128), (0, 0, 255, 0), (255, 255, 255, 255)])
rgba.save(path("rgba.png"))

# Gray + alpha 2 x 1: (50, 255) and (200, 100).
gray_alpha = Image.new("LA", (2, 1))
gray_alpha.putdata([(50, 255), (200, 100)])
gray_alpha.save(path("gray-alpha.png"))

# Palette 4 x 1: red, green, blue, yellow; and the same with index 1 transparent.
palette = Image.new("P", (4, 1))
palette.putpalette([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0] + [0] * (256 * 3 - 12))
palette.putdata([0, 1, 2, 3])
palette.save(path("palette.png"))
palette.save(path("palette-transparent.png"), transparency=1)
palette.save(path("palette.bmp"))

# 32-bit BMP with alpha (Pillow writes BI_BITFIELDS for RGBA).
rgba.save(path("rgba.bmp"))

# CMYK JPEG 16 x 16, solid: C=0 M=255 Y=255 K=0 is pure red (Pillow writes it Adobe-inverted).
cmyk = Image.new("CMYK", (16, 16), (0, 255, 255, 0))
cmyk.save(path("cmyk.jpg"), quality=95)

# 32 x 16 quadrants stored sideways with EXIF orientation 6 (rotate 90 degrees clockwise to view):
# stored top-left red, top-right green, bottom-left blue, bottom-right white.
quadrants = Image.new("RGB", (32, 16))
colors = {(0, 0): (255, 0, 0), (1, 0): (0, 255, 0), (0, 1): (0, 0, 255), (1, 1): (255, 255, 255)}
quadrants.putdata([colors[(x // 16, y // 8)] for y in range(16) for x in range(32)])
exif = Image.Exif()
exif[0x0112] = 6
quadrants.save(path("orientation-6.jpg"), quality=95, subsampling=0, exif=exif.tobytes())

# Lossless WebP 3 x 2 with alpha.
webp = Image.new("RGBA", (3, 2))
webp.putdata([(255, 0, 0, 255), (0, 255, 0, 255), (0, 0, 255, 255), (10, 20, 30, 255), (40, 50, 60, 128), (0, 0, 0, 0)])
webp.save(path("rgba.webp"), lossless=True)

for name in sorted(os.listdir(HERE)):
    if not name.endswith(".py"):
        print(f"{name}: {os.path.getsize(path(name))} bytes")
