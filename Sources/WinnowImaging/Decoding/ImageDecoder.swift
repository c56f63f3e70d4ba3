/// Decodes JPEG, PNG, BMP and WebP from bytes or files, telling the format from the bytes.
///
/// Every problem is a thrown ``ImageError`` naming the file; nothing traps on bad input, and the pixel
/// limit is checked from the header before any pixel is decoded.
public struct ImageDecoder: Sendable {
    /// How to decode.
    public var options: DecodeOptions

    /// A decoder with `options`.
    public init(options: DecodeOptions = DecodeOptions()) {
        self.options = options
    }

    /// Decodes `bytes`; `file` only names the source in errors.
    public func decode(_ bytes: [UInt8], file: String? = nil) throws(ImageError) -> DecodedImage {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(ImageError) in try decode(buffer) } }
        return try result.mapError { $0.located(in: file) }.get()
    }

    /// Reads and decodes the file at `path`.
    public func decodeFile(atPath path: String) throws(ImageError) -> DecodedImage {
        let bytes = try ImageFile.read(atPath: path, maximumBytes: options.maximumFileBytes)
        return try decode(bytes, file: path)
    }

    /// Decodes the bytes in `buffer`.
    public func decode(_ buffer: UnsafeRawBufferPointer) throws(ImageError) -> DecodedImage {
        guard !buffer.isEmpty else { throw ImageError(.empty, "the file is empty") }
        guard let format = ImageFormat.detect(buffer) else {
            throw ImageError(.unknownFormat, "not an image Winnow knows (starts with \(Self.hexPrefix(buffer)))")
        }
        switch format {
        case .jpeg: return try JPEGDecoder.decode(buffer, options: options)
        case .png: return try PNGDecoder.decode(buffer, options: options)
        case .bmp: return try BMPDecoder.decode(buffer, options: options)
        case .webp: return try WebPDecoder.decode(buffer, options: options)
        case .gif, .tiff: throw ImageError(.unsupported, "\(format.rawValue.uppercased()) images are not supported")
        }
    }

    /// The first bytes as hex, for messages: `0x48 0x65 0x6C 0x6C`.
    static func hexPrefix(_ buffer: UnsafeRawBufferPointer) -> String {
        let hexDigits = Array("0123456789ABCDEF")
        return buffer.prefix(4).map { "0x" + String([hexDigits[Int($0 >> 4)], hexDigits[Int($0 & 15)]]) }.joined(separator: " ")
    }
}
