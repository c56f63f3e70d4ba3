import WinnowImaging

/// Images and file bytes built in the tests, with known contents.
enum SyntheticImages {
    /// Four solid quadrants: top-left red, top-right green, bottom-left blue, bottom-right white.
    static func quadrants(width: Int, height: Int) -> RasterImage {
        RasterImage(width: width, height: height, layout: .rgb) { x, y in
            switch (x < width / 2, y < height / 2) {
            case (true, true): [255, 0, 0]
            case (false, true): [0, 255, 0]
            case (true, false): [0, 0, 255]
            case (false, false): [255, 255, 255]
            }
        }
    }

    /// A gray checkerboard of `cell`-pixel squares alternating `low` and `high`.
    static func checkerboard(width: Int, height: Int, cell: Int, low: UInt8 = 0, high: UInt8 = 255) -> RasterImage {
        RasterImage(width: width, height: height, layout: .gray) { x, y in [(x / cell + y / cell) % 2 == 0 ? high : low] }
    }

    /// Random RGB noise, the same for the same seed.
    static func noise(width: Int, height: Int, seed: UInt64) -> RasterImage {
        var generator = SeededGenerator(seed: seed)
        return RasterImage(width: width, height: height, layout: .rgb) { _, _ in
            [UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator)]
        }
    }

    /// A BMP file: 24-bit (`bitsPerPixel` 24), 32-bit BGRX (32) or 8-bit with a gray palette (8).
    static func bmp(_ image: RasterImage, bitsPerPixel: Int, topDown: Bool = false) -> [UInt8] {
        let paletteEntries = bitsPerPixel == 8 ? 256 : 0
        let rowStride = (bitsPerPixel * image.width + 31) / 32 * 4
        let offset = 54 + paletteEntries * 4
        var bytes: [UInt8] = []
        func append16(_ value: Int) { bytes += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
        func append32(_ value: Int) { for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> shift) & 0xFF)) } }
        bytes += Array("BM".utf8)
        append32(offset + rowStride * image.height)
        append32(0)
        append32(offset)
        append32(40)
        append32(image.width)
        append32(topDown ? -image.height : image.height)
        append16(1)
        append16(bitsPerPixel)
        append32(0)
        append32(rowStride * image.height)
        append32(2835)
        append32(2835)
        append32(paletteEntries)
        append32(0)
        for entry in 0..<paletteEntries { bytes += [UInt8(entry), UInt8(entry), UInt8(entry), 0] }
        let rgb = image.converted(to: bitsPerPixel == 8 ? .gray : .rgb)
        for storedRow in 0..<image.height {
            let y = topDown ? storedRow : image.height - 1 - storedRow
            var row: [UInt8] = []
            for x in 0..<image.width {
                let pixel = rgb[x, y]
                switch bitsPerPixel {
                case 8: row.append(pixel[0])
                case 24: row += [pixel[2], pixel[1], pixel[0]]
                default: row += [pixel[2], pixel[1], pixel[0], 0]
                }
            }
            bytes += row + [UInt8](repeating: 0, count: rowStride - row.count)
        }
        return bytes
    }

    /// `jpeg` with an EXIF APP1 segment declaring `orientation` inserted right after SOI.
    static func withExifOrientation(_ jpeg: [UInt8], _ orientation: Int, bigEndian: Bool = false) -> [UInt8] {
        var tiff: [UInt8] = bigEndian ? [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8] : [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]
        func append16(_ value: Int) { tiff += bigEndian ? [UInt8(value >> 8), UInt8(value & 0xFF)] : [UInt8(value & 0xFF), UInt8(value >> 8)] }
        func append32(_ value: Int) {
            let bytes = (0..<4).map { UInt8((value >> ($0 * 8)) & 0xFF) }
            tiff += bigEndian ? bytes.reversed() : bytes
        }
        append16(2)  // two entries: an unrelated tag first, then orientation
        append16(0x010F); append16(2); append32(4); tiff += Array("ACME".utf8)
        append16(0x0112); append16(3); append32(1); append16(orientation); append16(0)
        append32(0)
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let length = payload.count + 2
        return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + jpeg.dropFirst(2)
    }
}
