/// An axis-aligned rectangle in pixels, origin at the top-left: `xmin ≤ xmax`, `ymin ≤ ymax`.
///
/// Width is `xmax − xmin` (VOC corners as continuous coordinates, as ModelArts draws them).
public struct BoundingBox: Sendable, Hashable, Codable {
    public var xmin: Double
    public var ymin: Double
    public var xmax: Double
    public var ymax: Double

    /// A box from two corners, in either order.
    public init(xmin: Double, ymin: Double, xmax: Double, ymax: Double) {
        self.xmin = min(xmin, xmax)
        self.ymin = min(ymin, ymax)
        self.xmax = max(xmin, xmax)
        self.ymax = max(ymin, ymax)
    }

    /// The smallest box around `shape` (a `bndbox` as is, other shapes by their points).
    public init(_ shape: Shape) {
        let box = shape.boundingBox
        self.init(xmin: box.xmin, ymin: box.ymin, xmax: box.xmax, ymax: box.ymax)
    }

    public var width: Double { xmax - xmin }
    public var height: Double { ymax - ymin }
    public var area: Double { width * height }
    /// The centre point.
    public var center: Point { Point(x: (xmin + xmax) / 2, y: (ymin + ymax) / 2) }

    /// The overlap with `other`, or `nil` when they share no area.
    public func intersection(_ other: BoundingBox) -> BoundingBox? {
        let left = max(xmin, other.xmin)
        let top = max(ymin, other.ymin)
        let right = min(xmax, other.xmax)
        let bottom = min(ymax, other.ymax)
        guard right > left, bottom > top else { return nil }
        return BoundingBox(xmin: left, ymin: top, xmax: right, ymax: bottom)
    }

    /// Intersection over union, 0 when either box has no area.
    public func intersectionOverUnion(_ other: BoundingBox) -> Double {
        guard let overlap = intersection(other) else { return 0 }
        let union = area + other.area - overlap.area
        return union > 0 ? overlap.area / union : 0
    }

    /// The box clipped to a `width` × `height` image (possibly empty).
    public func clipped(width: Double, height: Double) -> BoundingBox {
        BoundingBox(
            xmin: min(max(xmin, 0), width), ymin: min(max(ymin, 0), height),
            xmax: min(max(xmax, 0), width), ymax: min(max(ymax, 0), height))
    }

    /// The box as a `bndbox` shape.
    public var shape: Shape { .bndbox(xmin: xmin, ymin: ymin, xmax: xmax, ymax: ymax) }
}
