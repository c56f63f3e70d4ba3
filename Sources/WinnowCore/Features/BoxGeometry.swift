/// The geometric box features of ModelArts' reasons 11–15 and 18, computed from boxes alone (no pixels).
///
/// Definitions (ModelArts' dataset feature analysis): box count; the standard deviation of box areas in
/// the image (0 with one box); box aspect ratio height / width; area ratio box area / image area;
/// marginalization, the distance from the box centre to the image centre divided by the image's
/// half-diagonal (0 at the centre, 1 at a corner, higher means nearer the edge); overlap, the fraction of
/// the box covered by the other boxes together, in [0, 1].
public struct BoxGeometry: Sendable, Hashable, Codable {
    /// Features of one box.
    public struct Box: Sendable, Hashable, Codable {
        /// Height / width; `nil` for a box of zero width.
        public var aspectRatio: Double?
        /// Box area / image area.
        public var areaRatio: Double
        /// Centre-to-image-centre distance / half the image diagonal.
        public var marginalization: Double
        /// Fraction of the box's area covered by the union of the other boxes, in [0, 1].
        public var overlap: Double

        public init(aspectRatio: Double?, areaRatio: Double, marginalization: Double, overlap: Double) {
            self.aspectRatio = aspectRatio
            self.areaRatio = areaRatio
            self.marginalization = marginalization
            self.overlap = overlap
        }
    }

    /// Number of boxes (reason 11).
    public var count: Int
    /// Population standard deviation of the box areas in pixels² (reason 12); 0 with fewer than two boxes.
    public var areaStandardDeviation: Double
    /// The same spread measured on area ratios, so images of different sizes compare.
    public var areaRatioStandardDeviation: Double
    /// Per-box features, in the order the boxes were given (reasons 13, 14, 15, 18).
    public var boxes: [Box]

    /// Measures `shapes` (each by its bounding box) in an image of `width` × `height` pixels.
    public init(shapes: [Shape], imageWidth width: Double, imageHeight height: Double) {
        self.init(boxes: shapes.map(BoundingBox.init), imageWidth: width, imageHeight: height)
    }

    /// Measures `boxes` in an image of `width` × `height` pixels.
    public init(boxes: [BoundingBox], imageWidth width: Double, imageHeight height: Double) {
        let imageArea = width * height
        let halfDiagonal = (width * width + height * height).squareRoot() / 2
        let center = Point(x: width / 2, y: height / 2)
        count = boxes.count
        areaStandardDeviation = Self.populationStandardDeviation(boxes.map(\.area))
        areaRatioStandardDeviation = imageArea > 0 ? areaStandardDeviation / imageArea : 0
        self.boxes = boxes.indices.map { index in
            let box = boxes[index]
            let boxCenter = box.center
            let distance = ((boxCenter.x - center.x) * (boxCenter.x - center.x) + (boxCenter.y - center.y) * (boxCenter.y - center.y)).squareRoot()
            return Box(
                aspectRatio: box.width > 0 ? box.height / box.width : nil,
                areaRatio: imageArea > 0 ? box.area / imageArea : 0,
                marginalization: halfDiagonal > 0 ? distance / halfDiagonal : 0,
                overlap: Self.coveredFraction(of: index, in: boxes))
        }
    }

    /// The fraction of `boxes[index]`'s area covered by the union of all the other boxes.
    public static func coveredFraction(of index: Int, in boxes: [BoundingBox]) -> Double {
        let box = boxes[index]
        guard box.area > 0 else { return 0 }
        var pieces: [BoundingBox] = []
        for other in boxes.indices where other != index {
            if let piece = box.intersection(boxes[other]) { pieces.append(piece) }
        }
        guard !pieces.isEmpty else { return 0 }
        return min(1, max(0, unionArea(pieces) / box.area))
    }

    /// The area of the union of `rectangles`: a sweep over x, merging y-intervals in each slab.
    public static func unionArea(_ rectangles: [BoundingBox]) -> Double {
        let edges = Array(Set(rectangles.flatMap { [$0.xmin, $0.xmax] })).sorted()
        var total = 0.0
        for slab in 0..<max(0, edges.count - 1) {
            let left = edges[slab]
            let right = edges[slab + 1]
            let intervals = rectangles.filter { $0.xmin <= left && $0.xmax >= right }.map { ($0.ymin, $0.ymax) }.sorted { $0.0 < $1.0 }
            var covered = 0.0
            var current: (Double, Double)? = nil
            for interval in intervals {
                if let open = current, interval.0 <= open.1 {
                    current = (open.0, max(open.1, interval.1))
                } else {
                    if let open = current { covered += open.1 - open.0 }
                    current = interval
                }
            }
            if let open = current { covered += open.1 - open.0 }
            total += covered * (right - left)
        }
        return total
    }

    static func populationStandardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return variance.squareRoot()
    }
}
