import CWinnowPNG

/// Encodes a ``RasterImage`` as an 8-bit PNG with libpng (through the CWinnowPNG shim).
public struct PNGEncoder: Sendable {
    /// zlib level, 0 (store) to 9 (smallest).
    public var compressionLevel: Int

    /// An encoder at `compressionLevel` (clamped to 0–9).
    public init(compressionLevel: Int = 6) {
        self.compressionLevel = min(9, max(0, compressionLevel))
    }

    /// The PNG file bytes of `image` (gray, RGB or RGBA as the image is).
    public func encode(_ image: RasterImage) throws(ImageError) -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            message.withUnsafeMutableBufferPointer { text in
                winnow_png_encode(
                    pixels.baseAddress, UInt32(image.width), UInt32(image.height), Int32(image.layout.channels),
                    image.rowBytes, Int32(compressionLevel), &output, &size, text.baseAddress, text.count)
            }
        }
        defer { winnow_png_free(output) }
        guard status == WINNOW_PNG_OK, let output else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw ImageError(.encodingFailed, "libpng could not encode: \(text)")
        }
        return Array(UnsafeBufferPointer(start: output, count: size))
    }
}
