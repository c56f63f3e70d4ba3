public import WinnowCore

/// Measures image features (reasons 5–10) and box pixel features (reasons 16–17) on decoded images,
/// at fixed working sizes so that images of different sizes compare.
public struct ImageFeatureExtractor: Sendable {
    /// The working sizes.
    public var options: FeatureOptions

    /// An extractor with `options`.
    public init(options: FeatureOptions = FeatureOptions()) {
        self.options = options
    }

    /// `base` with the smallest decode size the features need: the working side for image features,
    /// ``FeatureOptions/boxDecodeLongerSide`` when boxes will be measured too.
    public func decodeOptions(_ base: DecodeOptions = DecodeOptions(), measuringBoxes: Bool = false) -> DecodeOptions {
        var options = base
        options.targetLongerSide = measuringBoxes ? max(self.options.workingSide, self.options.boxDecodeLongerSide) : self.options.workingSide
        return options
    }

    /// The image features of `image`; size and aspect ratio come from its full-resolution size.
    public func features(of image: DecodedImage) -> ImageFeatures {
        let raster = image.raster
        let working = Resampler.fitted(width: raster.width, height: raster.height, longerSide: options.workingSide)
        let planes = Resampler.resampleToFloat(raster, width: working.width, height: working.height, planar: true)
        let statistics = PixelStatistics(planes: planes, channels: raster.layout.channels, count: working.width * working.height)
        return ImageFeatures(
            width: image.originalSize.width, height: image.originalSize.height,
            brightness: statistics.brightness, saturation: statistics.saturation, colorfulness: statistics.colorfulness,
            sharpness: PixelStatistics.laplacianVariance(statistics.luma, width: working.width, height: working.height))
    }

    /// Brightness and sharpness inside each box (full-resolution pixel coordinates, the frame of
    /// `image.originalSize`), in order; `nil` for a box with no pixels inside the image.
    public func boxFeatures(of boxes: [BoundingBox], in image: DecodedImage) -> [BoxPixelFeatures?] {
        let raster = image.raster
        let scaleX = Double(raster.width) / Double(max(1, image.originalSize.width))
        let scaleY = Double(raster.height) / Double(max(1, image.originalSize.height))
        return boxes.map { box in
            // Clip in Double first: coordinates come from annotation files and may be anything.
            guard box.xmin.isFinite, box.ymin.isFinite, box.xmax.isFinite, box.ymax.isFinite else { return nil }
            let clipped = BoundingBox(
                xmin: box.xmin * scaleX, ymin: box.ymin * scaleY, xmax: box.xmax * scaleX, ymax: box.ymax * scaleY
            ).clipped(width: Double(raster.width), height: Double(raster.height))
            let left = Int(clipped.xmin.rounded(.down))
            let top = Int(clipped.ymin.rounded(.down))
            let right = Int(clipped.xmax.rounded(.up))
            let bottom = Int(clipped.ymax.rounded(.up))
            guard let crop = raster.cropped(x: left, y: top, width: right - left, height: bottom - top) else { return nil }
            let brightness = PixelStatistics.meanBrightness(crop)
            let working = Resampler.fitted(width: crop.width, height: crop.height, longerSide: options.boxWorkingSide)
            let luma = Resampler.resampleToFloat(crop.converted(to: .gray), width: working.width, height: working.height)
            return BoxPixelFeatures(
                brightness: brightness,
                sharpness: PixelStatistics.laplacianVariance(luma, width: working.width, height: working.height))
        }
    }

    /// Everything measurable about one image and its boxes: image features, box geometry and box pixels.
    public func analyze(_ image: DecodedImage, shapes: [Shape] = []) -> ImageAnalysis {
        let boxes = shapes.map(BoundingBox.init)
        return ImageAnalysis(
            image: features(of: image),
            boxGeometry: BoxGeometry(
                boxes: boxes, imageWidth: Double(image.originalSize.width), imageHeight: Double(image.originalSize.height)),
            boxPixels: boxFeatures(of: boxes, in: image))
    }
}
