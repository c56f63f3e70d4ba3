import Foundation
import WinnowCore
import WinnowImaging

/// Renders a sample's thumbnail: the image decoded at reduced scale (JPEG decodes at 1/2, 1/4 or 1/8
/// when that is enough), shrunk so its longer side is `size`, with the detection boxes drawn into the
/// pixels, encoded as JPEG. Classification labels carry no shape and draw nothing.
enum ThumbnailRenderer {
    /// The longer side when the request does not say.
    static let defaultSize = 256
    /// The sizes a request may ask for.
    static let sizes = 32...1600

    /// Machine boxes (to be confirmed) in amber, confirmed ones in green: both read on photos and on black.
    static let machineColor: (red: UInt8, green: UInt8, blue: UInt8) = (255, 176, 0)
    static let confirmedColor: (red: UInt8, green: UInt8, blue: UInt8) = (0, 220, 90)

    /// The thumbnail of the image at `path` as JPEG bytes.
    ///
    /// - Throws: `WINNOW.INVALID_IMAGE` (422) when the file is not an image Winnow can decode (corrupt,
    ///   truncated, unknown format, too large), naming the file.
    static func render(path: String, labels: [Label], size: Int) throws -> [UInt8] {
        let decoder = ImageDecoder(options: DecodeOptions(targetLongerSide: size, maximumFileBytes: ImageFile.maximumSize))
        let decoded: DecodedImage
        do {
            decoded = try decoder.decodeFile(atPath: path)
        } catch {
            throw APIError(.invalidImage, "\((path as NSString).lastPathComponent) cannot be shown: \(error.message) (\(error.code.rawValue))")
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
            throw APIError(.internalError, "the thumbnail could not be encoded: \(error.message)")
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
