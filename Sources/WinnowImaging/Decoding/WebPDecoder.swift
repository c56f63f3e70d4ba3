import CLibWebP
import WinnowCore

/// WebP (lossy, lossless, with or without alpha) through libwebp's simple decoding API.
enum WebPDecoder {
    static func decode(_ bytes: UnsafeRawBufferPointer, options: DecodeOptions) throws(ImageError) -> DecodedImage {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { throw ImageError(.empty, "the file is empty") }
        let declaredEnd = bytes.count >= 8
            ? 8 + (Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24) : Int.max
        let isCutShort = declaredEnd > bytes.count

        var features = WebPBitstreamFeatures()
        let status = WebPGetFeatures(base, bytes.count, &features)
        switch status {
        case VP8_STATUS_OK: break
        case VP8_STATUS_NOT_ENOUGH_DATA: throw ImageError(.truncated, "the data ends before the WebP header does")
        case VP8_STATUS_UNSUPPORTED_FEATURE: throw ImageError(.unsupported, "the WebP file uses a feature libwebp does not decode")
        default: throw ImageError(isCutShort ? .truncated : .corrupt, "libwebp cannot read the WebP header (status \(status.rawValue))")
        }
        let width = Int(features.width)
        let height = Int(features.height)
        guard width > 0, height > 0 else { throw ImageError(.corrupt, "the WebP header declares an empty image") }
        guard width * height <= options.maximumPixels else {
            throw ImageError(.tooLarge, "\(width) x \(height) pixels is over the limit of \(options.maximumPixels)")
        }
        let layout: PixelLayout = features.has_alpha != 0 ? .rgba : .rgb
        let stride = width * layout.channels
        var decoded = false
        let samples = [UInt8](unsafeUninitializedCapacity: stride * height) { buffer, count in
            buffer.initialize(repeating: 0)
            count = buffer.count
            let result = layout == .rgba
                ? WebPDecodeRGBAInto(base, bytes.count, buffer.baseAddress, buffer.count, Int32(stride))
                : WebPDecodeRGBInto(base, bytes.count, buffer.baseAddress, buffer.count, Int32(stride))
            decoded = result != nil
        }
        guard decoded else {
            throw ImageError(isCutShort ? .truncated : .corrupt, isCutShort ? "the data ends before the image does" : "libwebp cannot decode the image data")
        }
        let raster = RasterImage(uncheckedWidth: width, height: height, layout: layout, pixels: samples)
        return DecodedImage(raster: raster, format: .webp, originalSize: ImageSize(width: width, height: height, depth: layout.channels))
    }
}
