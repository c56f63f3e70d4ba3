import Foundation
import WinnowCore
import WinnowReport

/// Renders a sample's thumbnail with WinnowReport's ``Thumbnail`` (shared with the HTML report), turning
/// its errors into API errors.
enum ThumbnailRenderer {
    /// The longer side when the request does not say.
    static let defaultSize = 256
    /// The sizes a request may ask for.
    static let sizes = 32...1600

    /// The thumbnail of the image at `path` as JPEG bytes.
    ///
    /// - Throws: `WINNOW.INVALID_IMAGE` (422) when the file is not an image Winnow can decode (corrupt,
    ///   truncated, unknown format, too large), naming the file.
    static func render(path: String, labels: [Label], size: Int) throws -> [UInt8] {
        do {
            return try Thumbnail.render(path: path, labels: labels, size: size, maximumFileBytes: ImageFile.maximumSize)
        } catch {
            throw APIError(error.isInvalidImage ? .invalidImage : .internalError, error.message)
        }
    }
}
