import CWinnowPNG
import WinnowCore

/// PNG through libpng, via the CWinnowPNG shim that keeps libpng's longjmp error path inside C.
/// Gray, gray+alpha, RGB, RGBA, palette (with tRNS), 1–16 bits, interlaced; output is 8-bit.
enum PNGDecoder {
    static func decode(_ bytes: UnsafeRawBufferPointer, options: DecodeOptions) throws(ImageError) -> DecodedImage {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { throw ImageError(.empty, "the file is empty") }
        let limit = UInt64(max(0, options.maximumPixels))
        var info = winnow_png_info()
        var message = [CChar](repeating: 0, count: 256)

        // Pass 1: header only, so the pixel limit is checked and the buffer sized before decoding.
        let headerStatus = message.withUnsafeMutableBufferPointer { text in
            winnow_png_decode(base, bytes.count, limit, nil, 0, &info, text.baseAddress, text.count)
        }
        try check(headerStatus, message)
        guard let layout = PixelLayout(rawValue: Int(info.output_channels)), info.width > 0, info.height > 0 else {
            throw ImageError(.corrupt, "unexpected PNG layout (\(info.output_channels) channels)")
        }
        let width = Int(info.width)
        let height = Int(info.height)
        let byteCount = Int(info.output_bytes)

        // Pass 2: the pixels.
        var status = WINNOW_PNG_OK
        let samples = [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, count in
            buffer.initialize(repeating: 0)
            count = byteCount
            status = message.withUnsafeMutableBufferPointer { text in
                winnow_png_decode(base, bytes.count, limit, buffer.baseAddress, buffer.count, &info, text.baseAddress, text.count)
            }
        }
        try check(status, message)

        let raster = RasterImage(uncheckedWidth: width, height: height, layout: layout, pixels: samples)
        let depth = channelsStored(colorType: Int(info.color_type))
        return DecodedImage(raster: raster, format: .png, originalSize: ImageSize(width: width, height: height, depth: depth))
    }

    /// Channels a PNG colour type stands for: gray 1, gray+alpha 2, RGB and palette 3, RGBA 4.
    static func channelsStored(colorType: Int) -> Int {
        switch colorType {
        case 0: 1
        case 4: 2
        case 2, 3: 3
        case 6: 4
        default: 1
        }
    }

    static func check(_ status: winnow_png_status, _ message: [CChar]) throws(ImageError) {
        let text = message.withUnsafeBufferPointer { buffer in
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        switch status {
        case WINNOW_PNG_OK: return
        case WINNOW_PNG_TRUNCATED: throw ImageError(.truncated, text.isEmpty ? "the data ends before the image does" : text)
        case WINNOW_PNG_TOO_LARGE: throw ImageError(.tooLarge, text)
        case WINNOW_PNG_CORRUPT: throw ImageError(.corrupt, "libpng: " + (text.isEmpty ? "damaged PNG" : text))
        default: throw ImageError(.corrupt, "libpng: " + (text.isEmpty ? "internal failure" : text))
        }
    }
}
