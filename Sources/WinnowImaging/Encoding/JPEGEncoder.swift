import CTurboJPEG

/// Encodes a ``RasterImage`` as baseline JPEG with TurboJPEG (alpha is dropped).
public struct JPEGEncoder: Sendable {
    /// Chroma subsampling of colour images.
    public enum Subsampling: Sendable, Hashable, CaseIterable {
        /// 4:4:4, full colour resolution.
        case none
        /// 4:2:0, colour at half resolution both ways (what most cameras write).
        case halfBothWays
    }

    /// Quality, 1–100.
    public var quality: Int
    /// Chroma subsampling for colour images.
    public var subsampling: Subsampling

    /// An encoder at `quality` (clamped to 1–100).
    public init(quality: Int = 90, subsampling: Subsampling = .halfBothWays) {
        self.quality = min(100, max(1, quality))
        self.subsampling = subsampling
    }

    /// The JPEG file bytes of `image`.
    public func encode(_ image: RasterImage) throws(ImageError) -> [UInt8] {
        guard let handle = tjInitCompress() else { throw ImageError(.encodingFailed, "TurboJPEG could not start") }
        defer { tjDestroy(handle) }
        let pixelFormat: TJPF
        switch image.layout {
        case .gray: pixelFormat = TJPF_GRAY
        case .rgb: pixelFormat = TJPF_RGB
        case .rgba: pixelFormat = TJPF_RGBA
        }
        let sampling: TJSAMP = image.layout == .gray ? TJSAMP_GRAY : (subsampling == .none ? TJSAMP_444 : TJSAMP_420)
        var output: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            tjCompress2(
                handle, pixels.baseAddress, Int32(image.width), 0, Int32(image.height), Int32(pixelFormat.rawValue),
                &output, &size, Int32(sampling.rawValue), Int32(quality), 0)
        }
        defer { if let output { tjFree(output) } }
        guard status == 0, let output else {
            let text = tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown error"
            throw ImageError(.encodingFailed, "TurboJPEG could not encode: \(text)")
        }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }
}
