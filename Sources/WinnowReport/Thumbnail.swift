import Foundation
public import WinnowCore
import WinnowImaging

/// Why a thumbnail could not be made.
public struct ThumbnailError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the file.
    public var message: String
    /// Whether the image itself is at fault (corrupt, unknown format, too large), rather than the encoder.
    public var isInvalidImage: Bool

    public var description: String { message }
}

/// A sample's thumbnail: the image decoded at reduced scale (JPEG decodes at 1/2, 1/4 or 1/8 when that
/// is enough), shrunk so its longer side is `size`, with the detection boxes drawn into the pixels,
/// encoded as JPEG. Classification labels carry no shape and draw nothing. The console's thumbnails and
/// the HTML report's are the same pictures.
public enum Thumbnail {
    /// Machine boxes (to be confirmed) in amber, confirmed ones in green: both read on photos and on black.
    public static let machineColor: (red: UInt8, green: UInt8, blue: UInt8) = (255, 176, 0)
    /// Confirmed boxes.
    public static let confirmedColor: (red: UInt8, green: UInt8, blue: UInt8) = (0, 220, 90)
    /// The thumbnail of the image at `path` (a file of at most `maximumFileBytes`) as JPEG bytes.
    /// - Throws: ``ThumbnailError`` naming the file when it cannot be decoded or the result encoded.
    public static func render(path: String, labels: [Label], size: Int, maximumFileBytes: Int = 64 << 20) throws(ThumbnailError) -> [UInt8] {
        let decoder = ImageDecoder(options: DecodeOptions(targetLongerSide: size, maximumFileBytes: maximumFileBytes))
        let decoded: DecodedImage
        do {
            decoded = try decoder.decodeFile(atPath: path)
        } catch {
            throw ThumbnailError(message: "\((path as NSString).lastPathComponent) cannot be shown: \(error.message) (\(error.code.rawValue))", isInvalidImage: true)
        }
        var raster = decoded.raster
        let longer = max(raster.width, raster.height)
        if longer > size {
            let scale = Double(size) / Double(longer)
            raster = raster.resized(
                width: max(1, Int((Double(raster.width) * scale).rounded())), height: max(1, Int((Double(raster.height) * scale).rounded())))
        }
        if raster.layout == .rgba { raster = raster.converted(to: .rgb) }
        let boxes = outlines(labels, original: decoded.originalSize, width: raster.width, height: raster.height)
        raster = raster.drawingOutlines(boxes, thickness: max(2, size / 128))
        do {
            // Full-resolution colour (4:4:4): 4:2:0 would smear two-pixel coloured lines into the background.
            return try JPEGEncoder(quality: 85, subsampling: .none).encode(raster)
        } catch {
            throw ThumbnailError(message: "the thumbnail of \((path as NSString).lastPathComponent) could not be encoded: \(error.message)", isInvalidImage: false)
        }
    }

    /// The labels' shapes as outlines on a `width` × `height` rendering of an image whose full size is `original`.
    static func outlines(_ labels: [Label], original: ImageSize, width: Int, height: Int) -> [BoxOutline] {
        guard original.width > 0, original.height > 0 else { return [] }
        let scaleX = Double(width) / Double(original.width), scaleY = Double(height) / Double(original.height)
        return labels.compactMap { label in
            guard let shape = label.shape else { return nil }
            let box = shape.boundingBox
            let color = label.isConfirmed ? confirmedColor : machineColor
            return BoxOutline(xmin: box.xmin, ymin: box.ymin, xmax: box.xmax, ymax: box.ymax, color: color).scaled(x: scaleX, y: scaleY)
        }
    }
}
