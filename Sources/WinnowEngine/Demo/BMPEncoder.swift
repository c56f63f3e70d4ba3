/// Writes 24-bit uncompressed BMP images: enough to make real, decodable demo images without any library.
enum BMPEncoder {
    /// An RGB image, row-major from the top, 3 bytes per pixel.
    struct Image {
        let width: Int
        let height: Int
        var pixels: [UInt8]

        init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8)) {
            self.width = width
            self.height = height
            pixels = [UInt8](repeating: 0, count: width * height * 3)
            fillRect(x: 0, y: 0, width: width, height: height, color: fill)
        }

        mutating func fillRect(x: Int, y: Int, width w: Int, height h: Int, color: (UInt8, UInt8, UInt8)) {
            for row in max(0, y)..<min(height, y + h) {
                for column in max(0, x)..<min(width, x + w) {
                    let offset = (row * width + column) * 3
                    pixels[offset] = color.0
                    pixels[offset + 1] = color.1
                    pixels[offset + 2] = color.2
                }
            }
        }
    }

    /// The BMP file bytes (BITMAPINFOHEADER, bottom-up rows padded to 4 bytes, BGR order).
    static func encode(_ image: Image) -> [UInt8] {
        let rowSize = (image.width * 3 + 3) & ~3
        let pixelBytes = rowSize * image.height
        var bytes: [UInt8] = []
        bytes.reserveCapacity(54 + pixelBytes)
        func append16(_ value: Int) { bytes += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
        func append32(_ value: Int) { for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> shift) & 0xFF)) } }
        bytes += Array("BM".utf8)
        append32(54 + pixelBytes)
        append32(0)
        append32(54)
        append32(40)
        append32(image.width)
        append32(image.height)
        append16(1)
        append16(24)
        append32(0)
        append32(pixelBytes)
        append32(2835)
        append32(2835)
        append32(0)
        append32(0)
        for row in stride(from: image.height - 1, through: 0, by: -1) {
            for column in 0..<image.width {
                let offset = (row * image.width + column) * 3
                bytes += [image.pixels[offset + 2], image.pixels[offset + 1], image.pixels[offset]]
            }
            bytes += [UInt8](repeating: 0, count: rowSize - image.width * 3)
        }
        return bytes
    }
}
