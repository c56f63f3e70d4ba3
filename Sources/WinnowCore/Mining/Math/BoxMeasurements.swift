/// The box features of one image (reasons 11–18): the image-level count and area spread, and per-box
/// geometry and pixel features. Geometry comes from ``BoxGeometry``; values that need the image size are
/// `nil` without it.
public struct BoxMeasurements: Sendable, Hashable {
    /// The features of one box; `nil` where unknown.
    public struct Box: Sendable, Hashable {
        /// Height / width (`nil` for a box of zero width).
        public var aspectRatio: Double?
        /// Box area / image area.
        public var areaRatio: Double?
        /// Centre-to-image-centre distance / half the diagonal.
        public var marginalization: Double?
        /// Fraction covered by the other boxes.
        public var overlap: Double?
        /// Brightness inside the box.
        public var brightness: Double?
        /// Sharpness inside the box.
        public var sharpness: Double?

        /// A box with the given features.
        public init(
            aspectRatio: Double? = nil, areaRatio: Double? = nil, marginalization: Double? = nil, overlap: Double? = nil,
            brightness: Double? = nil, sharpness: Double? = nil
        ) {
            self.aspectRatio = aspectRatio
            self.areaRatio = areaRatio
            self.marginalization = marginalization
            self.overlap = overlap
            self.brightness = brightness
            self.sharpness = sharpness
        }

        /// The value of a per-box `kind`, or `nil`.
        public func value(_ kind: BoxFeatureKind) -> Double? {
            switch kind {
            case .aspectRatio: aspectRatio
            case .areaRatio: areaRatio
            case .marginalization: marginalization
            case .overlap: overlap
            case .brightness: brightness
            case .sharpness: sharpness
            case .count, .areaSpread: nil
            }
        }
    }

    /// Number of boxes (reason 11).
    public var count: Int
    /// Standard deviation of the area ratios (reason 12); `nil` without the image size.
    public var areaSpread: Double?
    /// Per-box features, in box order.
    public var boxes: [Box]

    /// Measurements with the given values.
    public init(count: Int, areaSpread: Double?, boxes: [Box]) {
        self.count = count
        self.areaSpread = areaSpread
        self.boxes = boxes
    }

    /// Measures `boxes` in an image of `imageSize` (when known), with per-box pixel features aligned with
    /// `boxes` (when measured).
    public init(boxes: [BoundingBox], imageSize: ImageSize?, pixels: [BoxPixelFeatures?]?) {
        count = boxes.count
        let hasSize = (imageSize?.width ?? 0) > 0 && (imageSize?.height ?? 0) > 0
        let geometry = BoxGeometry(boxes: boxes, imageWidth: Double(imageSize?.width ?? 0), imageHeight: Double(imageSize?.height ?? 0))
        areaSpread = hasSize ? geometry.areaRatioStandardDeviation : nil
        self.boxes = boxes.indices.map { index in
            let box = geometry.boxes[index]
            let pixel = pixels.flatMap { index < $0.count ? $0[index] : nil }
            return Box(
                aspectRatio: box.aspectRatio,
                areaRatio: hasSize ? box.areaRatio : nil,
                marginalization: hasSize ? box.marginalization : nil,
                overlap: box.overlap,
                brightness: pixel?.brightness,
                sharpness: pixel?.sharpness)
        }
    }

    /// The image-level value of `kind` (count or area spread), or `nil` for per-box kinds.
    public func imageValue(_ kind: BoxFeatureKind) -> Double? {
        switch kind {
        case .count: Double(count)
        case .areaSpread: areaSpread
        default: nil
        }
    }
}
