/// An image file format, told from the first bytes of the file (never from its name).
public enum ImageFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// JPEG (`FF D8 FF`), decoded with TurboJPEG.
    case jpeg
    /// PNG (`89 50 4E 47 0D 0A 1A 0A`), decoded with libpng.
    case png
    /// Windows bitmap (`BM` and a known header size), decoded in Swift.
    case bmp
    /// WebP (`RIFF` … `WEBP`), decoded with libwebp.
    case webp
    /// Recognised but not decoded.
    case gif
    /// Recognised but not decoded.
    case tiff

    /// The format whose signature `bytes` starts with, or `nil`.
    public static func detect(_ bytes: [UInt8]) -> ImageFormat? {
        bytes.withUnsafeBufferPointer { detect(UnsafeRawBufferPointer($0)) }
    }

    static func detect(_ bytes: UnsafeRawBufferPointer) -> ImageFormat? {
        func starts(with signature: [UInt8], at offset: Int = 0) -> Bool {
            guard bytes.count >= offset + signature.count else { return false }
            for (index, byte) in signature.enumerated() where bytes[offset + index] != byte { return false }
            return true
        }
        if starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(with: Array("RIFF".utf8)), starts(with: Array("WEBP".utf8), at: 8) { return .webp }
        if starts(with: Array("GIF87a".utf8)) || starts(with: Array("GIF89a".utf8)) { return .gif }
        if starts(with: [0x49, 0x49, 0x2A, 0x00]) || starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        // "BM" is two printable letters, so also ask for a plausible DIB header size.
        if starts(with: [0x42, 0x4D]), bytes.count >= 18 {
            let headerSize = Int(bytes[14]) | Int(bytes[15]) << 8 | Int(bytes[16]) << 16 | Int(bytes[17]) << 24
            if [12, 40, 52, 56, 64, 108, 124].contains(headerSize) { return .bmp }
        }
        return nil
    }

    /// Whether Winnow decodes the format.
    public var isDecodable: Bool {
        switch self {
        case .jpeg, .png, .bmp, .webp: true
        case .gif, .tiff: false
        }
    }
}
