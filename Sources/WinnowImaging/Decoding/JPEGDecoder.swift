import CTurboJPEG
import WinnowCore

/// JPEG through libjpeg-turbo's TurboJPEG API: gray, YCbCr and CMYK/YCCK files, decode-time scaling
/// (1/2, 1/4, 1/8) and EXIF orientation. TurboJPEG reports errors as return codes, so nothing jumps
/// through Swift frames.
enum JPEGDecoder {
    /// The scales TurboJPEG decodes fastest (its SIMD reduced IDCTs), largest first.
    static let scales: [(numerator: Int, denominator: Int)] = [(1, 1), (1, 2), (1, 4), (1, 8)]

    static func decode(_ bytes: UnsafeRawBufferPointer, options: DecodeOptions) throws(ImageError) -> DecodedImage {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { throw ImageError(.empty, "the file is empty") }
        guard let handle = tjInitDecompress() else { throw ImageError(.corrupt, "TurboJPEG could not start") }
        defer { tjDestroy(handle) }

        var width: Int32 = 0
        var height: Int32 = 0
        var subsampling: Int32 = 0
        var colorspace: Int32 = 0
        if tjDecompressHeader3(handle, base, UInt(bytes.count), &width, &height, &subsampling, &colorspace) != 0 {
            throw error(handle, while: "reading the JPEG header")
        }
        guard width > 0, height > 0 else { throw ImageError(.corrupt, "the JPEG header declares an empty image") }
        let pixelCount = Int(width) * Int(height)
        guard pixelCount <= options.maximumPixels else {
            throw ImageError(.tooLarge, "\(width) x \(height) pixels is over the limit of \(options.maximumPixels)")
        }

        let markers = JPEGMarkers(scanning: bytes)
        let orientation = options.appliesOrientation ? markers.orientation : .up
        let scale = chooseScale(width: Int(width), height: Int(height), targetLongerSide: options.targetLongerSide)
        let scaledWidth = (Int(width) * scale.numerator + scale.denominator - 1) / scale.denominator
        let scaledHeight = (Int(height) * scale.numerator + scale.denominator - 1) / scale.denominator

        let isCMYK = colorspace == Int32(TJCS_CMYK.rawValue) || colorspace == Int32(TJCS_YCCK.rawValue)
        let isGray = colorspace == Int32(TJCS_GRAY.rawValue)
        let pixelFormat: TJPF = isCMYK ? TJPF_CMYK : (isGray ? TJPF_GRAY : TJPF_RGB)
        let channels = isCMYK ? 4 : (isGray ? 1 : 3)
        var flags = TJFLAG_LIMITSCANS
        if !options.acceptsRecoverableErrors { flags |= TJFLAG_STOPONWARNING }

        var failed = false
        let samples = [UInt8](unsafeUninitializedCapacity: scaledWidth * scaledHeight * channels) { buffer, count in
            count = buffer.count
            let status = tjDecompress2(
                handle, base, UInt(bytes.count), buffer.baseAddress, Int32(scaledWidth), 0, Int32(scaledHeight),
                pixelFormat.rawValue, flags)
            if status != 0 {
                let recoverable = tjGetErrorCode(handle) == Int32(TJERR_WARNING.rawValue)
                failed = !(recoverable && options.acceptsRecoverableErrors)
                // Partly written on failure: make every byte defined before the array owns it.
                if failed { buffer.initialize(repeating: 0) }
            }
        }
        if failed { throw error(handle, while: "decoding the JPEG") }

        let raster: RasterImage
        if isCMYK {
            raster = cmykToRGB(samples, width: scaledWidth, height: scaledHeight, inverted: markers.hasAdobeSegment)
        } else {
            raster = RasterImage(uncheckedWidth: scaledWidth, height: scaledHeight, layout: isGray ? .gray : .rgb, pixels: samples)
        }
        let upright = raster.oriented(orientation)
        let size = orientation.swapsDimensions
            ? ImageSize(width: Int(height), height: Int(width), depth: isCMYK ? 4 : channels)
            : ImageSize(width: Int(width), height: Int(height), depth: isCMYK ? 4 : channels)
        return DecodedImage(raster: upright, format: .jpeg, originalSize: size, orientation: markers.orientation)
    }

    /// The smallest fast scale whose longer side still reaches `targetLongerSide` (full size without a target).
    static func chooseScale(width: Int, height: Int, targetLongerSide: Int?) -> (numerator: Int, denominator: Int) {
        guard let target = targetLongerSide, target > 0 else { return (1, 1) }
        let longer = max(width, height)
        var chosen = scales[0]
        for scale in scales where (longer * scale.numerator + scale.denominator - 1) / scale.denominator >= target {
            chosen = scale
        }
        return chosen
    }

    /// CMYK samples to RGB. Adobe applications (and libjpeg when it writes an Adobe segment) store CMYK
    /// inverted, 255 meaning no ink.
    static func cmykToRGB(_ samples: [UInt8], width: Int, height: Int, inverted: Bool) -> RasterImage {
        let count = width * height
        var output = [UInt8](repeating: 0, count: count * 3)
        samples.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                for index in 0..<count {
                    var c = Int(input[index * 4])
                    var m = Int(input[index * 4 + 1])
                    var y = Int(input[index * 4 + 2])
                    var k = Int(input[index * 4 + 3])
                    if !inverted {
                        c = 255 - c
                        m = 255 - m
                        y = 255 - y
                        k = 255 - k
                    }
                    out[index * 3] = UInt8((c * k + 127) / 255)
                    out[index * 3 + 1] = UInt8((m * k + 127) / 255)
                    out[index * 3 + 2] = UInt8((y * k + 127) / 255)
                }
            }
        }
        return RasterImage(uncheckedWidth: width, height: height, layout: .rgb, pixels: output)
    }

    /// TurboJPEG's last error as an ``ImageError``: truncated when libjpeg says the data ended early.
    static func error(_ handle: tjhandle, while doing: String) -> ImageError {
        let text = tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown TurboJPEG error"
        let lowered = text.lowercased()
        if lowered.contains("premature end") || lowered.contains("empty input") {
            return ImageError(.truncated, "the data ends before the image does (\(doing): \(text))")
        }
        if lowered.contains("unsupported") {
            return ImageError(.unsupported, "\(doing): \(text)")
        }
        return ImageError(.corrupt, "\(doing): \(text)")
    }
}
