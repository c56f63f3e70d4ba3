public import WinnowCore

/// One augmentation of ModelArts' reasons 19–29 (named after the imgaug augmenters), with its parameters.
///
/// `apply(to:)` is deterministic: the same image and parameters (and seed, for superpixels) give the
/// same pixels. Geometric augmentations keep the image size and return the mapping from the augmented
/// frame back to the original.
public enum Augmentation: Sendable, Hashable {
    /// Gaussian blur with standard deviation `sigma` pixels (reason 19).
    case gaussianBlur(sigma: Double)
    /// Mirror left to right (reason 20).
    case flipLeftRight
    /// Cut fractions of the width/height off each side, then resize back to the original size (reason 21).
    case crop(top: Double, right: Double, bottom: Double, left: Double)
    /// Mirror top to bottom (reason 22).
    case flipUpDown
    /// Zoom by `factor` about the centre, keeping the canvas (below 1 leaves a black border) (reason 23).
    case scale(factor: Double)
    /// Shift by fractions of the width and height, keeping the canvas (reason 24).
    case translate(x: Double, y: Double)
    /// Horizontal shear by `degrees` about the centre, keeping the canvas (reason 25).
    case shear(degrees: Double)
    /// Replace about `segments` superpixels, each with probability `replaceProbability`, by their mean colour (reason 26).
    case superpixels(segments: Int, replaceProbability: Double, seed: UInt64)
    /// imgaug Sharpen with blending factor `alpha` in [0, 1] and `lightness` (reason 27).
    case sharpen(alpha: Double, lightness: Double)
    /// Add `value` to every colour sample, clamped to 0…255 (reason 28).
    case add(value: Int)
    /// `255 − value` for every colour sample (reason 29).
    case invert

    /// Which augmentation this is.
    public var kind: AugmentationKind {
        switch self {
        case .gaussianBlur: .gaussianBlur
        case .flipLeftRight: .flipLeftRight
        case .crop: .crop
        case .flipUpDown: .flipUpDown
        case .scale: .scale
        case .translate: .translate
        case .shear: .shear
        case .superpixels: .superpixels
        case .sharpen: .sharpen
        case .add: .add
        case .invert: .invert
        }
    }

    /// The augmented image and its mapping back to `image`'s frame. Parameters out of range are clamped
    /// (not-a-number counts as no change), so no parameter can make this trap.
    public func apply(to image: RasterImage) -> AugmentedImage {
        let width = Double(image.width), height = Double(image.height)
        let identity = FrameMapping.identity(width: image.width, height: image.height)
        func affine(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ tx: Double, _ ty: Double) -> FrameMapping {
            FrameMapping(a: a, b: b, c: c, d: d, tx: tx, ty: ty, originalWidth: width, originalHeight: height)
        }
        switch self {
        case .gaussianBlur(let sigma):
            let bounded = sigma.isFinite ? min(sigma, Double(max(image.width, image.height))) : 0
            return AugmentedImage(image: image.gaussianBlurred(sigma: bounded), mapping: identity)
        case .flipLeftRight:
            return AugmentedImage(image: image.flippedHorizontally(), mapping: affine(-1, 0, 0, 1, width, 0))
        case .flipUpDown:
            return AugmentedImage(image: image.flippedVertically(), mapping: affine(1, 0, 0, -1, 0, height))
        case .crop(let top, let right, let bottom, let left):
            func pixels(_ fraction: Double, of size: Int) -> Int {
                fraction.isFinite ? Int((min(max(fraction, 0), 0.49) * Double(size)).rounded()) : 0
            }
            let x0 = pixels(left, of: image.width), y0 = pixels(top, of: image.height)
            let x1 = max(x0 + 1, image.width - pixels(right, of: image.width))
            let y1 = max(y0 + 1, image.height - pixels(bottom, of: image.height))
            let region = image.cropped(x: x0, y: y0, width: x1 - x0, height: y1 - y0) ?? image
            let mapping = affine(Double(region.width) / width, 0, 0, Double(region.height) / height, Double(x0), Double(y0))
            return AugmentedImage(image: region.resized(width: image.width, height: image.height), mapping: mapping)
        case .scale(let factor):
            let s = factor.isFinite && factor > 0 ? factor : 1
            // augmented = c + s (original − c)  ⇒  original = augmented / s + c (1 − 1/s).
            let mapping = affine(1 / s, 0, 0, 1 / s, width / 2 * (1 - 1 / s), height / 2 * (1 - 1 / s))
            return AugmentedImage(image: image.warped(through: mapping, width: image.width, height: image.height), mapping: mapping)
        case .translate(let x, let y):
            let mapping = affine(1, 0, 0, 1, -(x.isFinite ? x : 0) * width, -(y.isFinite ? y : 0) * height)
            return AugmentedImage(image: image.warped(through: mapping, width: image.width, height: image.height), mapping: mapping)
        case .shear(let degrees):
            // augmented x = original x − k (y − cy), y unchanged  ⇒  original x = augmented x + k (y − cy).
            let k = degrees.isFinite ? Math.tan(min(max(degrees, -80), 80) * .pi / 180) : 0
            let mapping = affine(1, k, 0, 1, -k * height / 2, 0)
            return AugmentedImage(image: image.warped(through: mapping, width: image.width, height: image.height), mapping: mapping)
        case .superpixels(let segments, let probability, let seed):
            let result = Superpixels.apply(to: image, segments: segments, replaceProbability: probability, seed: seed)
            return AugmentedImage(image: result, mapping: identity)
        case .sharpen(let alpha, let lightness):
            let boundedAlpha = alpha.isFinite ? min(max(alpha, 0), 1) : 0
            let boundedLightness = lightness.isFinite ? min(max(lightness, -8), 8) : 1
            return AugmentedImage(image: image.sharpened(alpha: boundedAlpha, lightness: boundedLightness), mapping: identity)
        case .add(let value):
            let shift = min(max(value, -255), 255)
            let table = (0..<256).map { UInt8(clamping: $0 + shift) }
            return AugmentedImage(image: image.mappingColors(table), mapping: identity)
        case .invert:
            let table = (0..<256).map { UInt8(255 - $0) }
            return AugmentedImage(image: image.mappingColors(table), mapping: identity)
        }
    }
}
