import WinnowCore

/// Uncompressed Windows bitmaps in pure Swift: 24-bit, 32-bit (BI_RGB or bit fields, with alpha when
/// present) and 1/4/8-bit palettes; bottom-up and top-down rows. RLE and 16-bit files are unsupported.
enum BMPDecoder {
    static func decode(_ bytes: UnsafeRawBufferPointer, options: DecodeOptions) throws(ImageError) -> DecodedImage {
        func read16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func read32(_ at: Int) -> Int { read16(at) | read16(at + 2) << 16 }
        func readSigned32(_ at: Int) -> Int { Int(Int32(bitPattern: UInt32(read32(at)))) }

        guard bytes.count >= 26 else { throw ImageError(.truncated, "the BMP header is cut short") }
        let pixelOffset = read32(10)
        let headerSize = read32(14)
        guard bytes.count >= 14 + headerSize else { throw ImageError(.truncated, "the BMP header is cut short") }

        let width: Int, signedHeight: Int, bitsPerPixel: Int, compression: Int, colorsUsed: Int
        if headerSize == 12 {
            width = read16(18)
            signedHeight = read16(20)
            bitsPerPixel = read16(24)
            compression = 0
            colorsUsed = 0
        } else {
            guard headerSize >= 40 else { throw ImageError(.corrupt, "BMP header size \(headerSize) is not a known header") }
            width = readSigned32(18)
            signedHeight = readSigned32(22)
            bitsPerPixel = read16(28)
            compression = read32(30)
            colorsUsed = read32(46)
        }
        let height = abs(signedHeight)
        let topDown = signedHeight < 0
        guard width > 0, height > 0 else { throw ImageError(.corrupt, "the BMP header declares an empty image (\(width) x \(signedHeight))") }
        guard width * height <= options.maximumPixels else {
            throw ImageError(.tooLarge, "\(width) x \(height) pixels is over the limit of \(options.maximumPixels)")
        }

        // Bit-field masks: in the V2+ header, or right after a 40-byte header.
        var masks: [Int]? = nil
        if compression == 3 || compression == 6 {
            let maskCount = compression == 6 ? 4 : 3
            let maskStart = 14 + 40
            guard bytes.count >= maskStart + maskCount * 4 else { throw ImageError(.truncated, "the BMP bit masks are cut short") }
            masks = (0..<maskCount).map { read32(maskStart + $0 * 4) }
            if maskCount == 3, headerSize >= 56 { masks?.append(read32(maskStart + 12)) }
        } else if compression != 0 {
            throw ImageError(.unsupported, "compressed BMP (compression \(compression)) is not supported")
        }
        guard [1, 4, 8, 24, 32].contains(bitsPerPixel), masks == nil || bitsPerPixel == 32 else {
            throw ImageError(.unsupported, "\(bitsPerPixel)-bit BMP\(masks == nil ? "" : " with bit fields") is not supported")
        }

        let stride = (bitsPerPixel * width + 31) / 32 * 4
        let (dataSize, overflow) = stride.multipliedReportingOverflow(by: height)
        guard !overflow, pixelOffset >= 14 + headerSize else { throw ImageError(.corrupt, "the BMP layout is inconsistent") }
        guard pixelOffset <= bytes.count, dataSize <= bytes.count - pixelOffset else {
            throw ImageError(.truncated, "the data ends before the image does (\(bytes.count - min(pixelOffset, bytes.count)) of \(dataSize) pixel bytes)")
        }
        func rowStart(_ y: Int) -> Int { pixelOffset + (topDown ? y : height - 1 - y) * stride }

        if bitsPerPixel <= 8 {
            let entrySize = headerSize == 12 ? 3 : 4
            let paletteStart = 14 + headerSize + (compression == 3 ? 12 : 0)
            let declared = colorsUsed > 0 ? min(colorsUsed, 1 << bitsPerPixel) : 1 << bitsPerPixel
            let available = max(0, (min(pixelOffset, bytes.count) - paletteStart) / entrySize)
            let entries = min(declared, available)
            guard entries > 0 else { throw ImageError(.corrupt, "the BMP palette is missing") }
            var palette = [UInt8](repeating: 0, count: 256 * 3)
            var allGray = true
            for entry in 0..<entries {
                let at = paletteStart + entry * entrySize
                palette[entry * 3] = bytes[at + 2]
                palette[entry * 3 + 1] = bytes[at + 1]
                palette[entry * 3 + 2] = bytes[at]
                if bytes[at] != bytes[at + 1] || bytes[at] != bytes[at + 2] { allGray = false }
            }
            let layout: PixelLayout = allGray ? .gray : .rgb
            var output = [UInt8](repeating: 0, count: width * height * layout.channels)
            let perByte = 8 / bitsPerPixel
            let mask = (1 << bitsPerPixel) - 1
            for y in 0..<height {
                let start = rowStart(y)
                for x in 0..<width {
                    let byte = Int(bytes[start + x / perByte])
                    let shift = (perByte - 1 - x % perByte) * bitsPerPixel
                    let index = (byte >> shift) & mask  // indices past the palette read as black
                    if allGray {
                        output[y * width + x] = palette[index * 3]
                    } else {
                        let target = (y * width + x) * 3
                        output[target] = palette[index * 3]
                        output[target + 1] = palette[index * 3 + 1]
                        output[target + 2] = palette[index * 3 + 2]
                    }
                }
            }
            let raster = RasterImage(uncheckedWidth: width, height: height, layout: layout, pixels: output)
            return finish(raster, options: options, depth: layout.channels)
        }

        let bytesPerPixel = bitsPerPixel / 8
        var output = [UInt8](repeating: 255, count: width * height * 4)
        var alphaNonZero = false
        var alphaNotOpaque = false
        if let masks {
            let fields = masks.map(BitField.init)
            for y in 0..<height {
                let start = rowStart(y)
                for x in 0..<width {
                    let value = read32(start + x * 4)
                    let target = (y * width + x) * 4
                    for channel in 0..<3 { output[target + channel] = fields[channel].extract(value) }
                    if fields.count > 3, fields[3].mask != 0 {
                        let alpha = fields[3].extract(value)
                        output[target + 3] = alpha
                        if alpha != 0 { alphaNonZero = true }
                        if alpha != 255 { alphaNotOpaque = true }
                    }
                }
            }
        } else {
            for y in 0..<height {
                let start = rowStart(y)
                for x in 0..<width {
                    let source = start + x * bytesPerPixel
                    let target = (y * width + x) * 4
                    output[target] = bytes[source + 2]
                    output[target + 1] = bytes[source + 1]
                    output[target + 2] = bytes[source]
                    if bytesPerPixel == 4 {
                        let alpha = bytes[source + 3]
                        output[target + 3] = alpha
                        if alpha != 0 { alphaNonZero = true }
                        if alpha != 255 { alphaNotOpaque = true }
                    }
                }
            }
        }
        // 32-bit BI_RGB files usually leave the fourth byte 0 ("BGRX"): only a non-zero byte means alpha.
        let raster = RasterImage(uncheckedWidth: width, height: height, layout: .rgba, pixels: output)
        if alphaNonZero, alphaNotOpaque {
            return finish(raster, options: options, depth: 4)
        }
        return finish(raster.converted(to: .rgb), options: options, depth: 3)
    }

    static func finish(_ raster: RasterImage, options: DecodeOptions, depth: Int) -> DecodedImage {
        DecodedImage(raster: raster, format: .bmp, originalSize: ImageSize(width: raster.width, height: raster.height, depth: depth))
    }

    /// One channel of a bit-field mask, scaled to 8 bits.
    struct BitField {
        let mask: Int
        let shift: Int
        let bits: Int

        init(_ mask: Int) {
            self.mask = mask
            shift = mask == 0 ? 0 : mask.trailingZeroBitCount
            let field = mask >> shift
            // Only contiguous masks of 1–16 bits make sense; others read as 0.
            bits = field & (field + 1) == 0 && field.nonzeroBitCount <= 16 ? field.nonzeroBitCount : 0
        }

        func extract(_ value: Int) -> UInt8 {
            guard bits > 0 else { return 0 }
            let raw = (value & mask) >> shift
            let maximum = (1 << bits) - 1
            return UInt8((raw * 255 + maximum / 2) / maximum)
        }
    }
}
