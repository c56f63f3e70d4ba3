import Foundation
import WinnowCore
import WinnowObjects

/// An image read from disk for the console: its bytes, media type and size when the header tells it.
struct ImageFile: Sendable {
    var bytes: [UInt8]
    var mediaType: String
    var size: ImageSize?

    /// The largest image served.
    static let maximumSize = 64 << 20

    /// Reads an image, refusing a file that is not one of the formats browsers show.
    static func read(_ path: String) throws -> ImageFile {
        let bytes = try LocalFiles.read(path, maximumSize: maximumSize)
        guard let type = mediaType(of: bytes) else {
            throw APIError(.notFound, "\((path as NSString).lastPathComponent) is not an image the console can show (JPEG, PNG, GIF, BMP, WebP)")
        }
        return ImageFile(bytes: bytes, mediaType: type, size: size(of: bytes))
    }

    /// The size from the first bytes of a file (up to 256 KiB are read), or `nil`.
    static func size(atPath path: String) -> ImageSize? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 256 << 10) else { return nil }
        return size(of: Array(data))
    }

    static func mediaType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if bytes.starts(with: Array("BM".utf8)) { return "image/bmp" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }

    /// Width and height from a PNG, GIF, BMP or JPEG header.
    static func size(of b: [UInt8]) -> ImageSize? {
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        func be32(_ i: Int) -> Int { be16(i) << 16 | be16(i + 2) }
        func le16(_ i: Int) -> Int { Int(b[i + 1]) << 8 | Int(b[i]) }
        func le32(_ i: Int) -> Int32 { Int32(bitPattern: UInt32(le16(i + 2)) << 16 | UInt32(le16(i))) }
        switch mediaType(of: b) {
        case "image/png"? where b.count >= 24:
            return ImageSize(width: be32(16), height: be32(20))
        case "image/gif"? where b.count >= 10:
            return ImageSize(width: le16(6), height: le16(8))
        case "image/bmp"? where b.count >= 26:
            return ImageSize(width: Int(abs(le32(18))), height: Int(abs(le32(22))))
        case "image/jpeg"?:
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { i += 1; continue }
                let marker = b[i + 1]
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) || marker == 0xFF { i += marker == 0xFF ? 1 : 2; continue }
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    return ImageSize(width: be16(i + 7), height: be16(i + 5))
                }
                i += 2 + be16(i + 2)
            }
            return nil
        default:
            return nil
        }
    }
}
