public import WinnowCore

/// How to draw parameters for each of the eleven augmentations of ModelArts' reasons 19–29 (the kinds
/// themselves are WinnowCore's, shared with the mining rules).
extension AugmentationKind {
    /// Parameters drawn from moderate ranges (imgaug-like) with `seed`: the same kind, seed and image
    /// size always give the same augmentation. Blur scales with the image (σ 1–2.5 pixels per 256).
    public func sample(seed: UInt64, imageWidth: Int, imageHeight: Int) -> Augmentation {
        var generator = SplitMix64(seed: seed ^ (UInt64(reasonID) &* 0x9E37_79B9_7F4A_7C15))
        func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &generator) }
        func signed(_ range: ClosedRange<Double>) -> Double { (Bool.random(using: &generator) ? 1 : -1) * uniform(range) }
        switch self {
        case .gaussianBlur:
            return .gaussianBlur(sigma: max(0.5, uniform(1...2.5) * Double(max(imageWidth, imageHeight)) / 256))
        case .flipLeftRight: return .flipLeftRight
        case .flipUpDown: return .flipUpDown
        case .crop: return .crop(top: uniform(0...0.1), right: uniform(0...0.1), bottom: uniform(0...0.1), left: uniform(0...0.1))
        case .scale: return .scale(factor: Bool.random(using: &generator) ? uniform(0.8...0.9) : uniform(1.1...1.2))
        case .translate: return .translate(x: signed(0.05...0.1), y: signed(0.05...0.1))
        case .shear: return .shear(degrees: signed(5...15))
        case .superpixels:
            return .superpixels(segments: Int(uniform(64...128)), replaceProbability: uniform(0.3...0.6), seed: generator.next())
        case .sharpen: return .sharpen(alpha: uniform(0.2...0.5), lightness: uniform(0.9...1.1))
        case .add: return .add(value: Int(signed(20...40).rounded()))
        case .invert: return .invert
        }
    }
}
