public import WinnowCore

/// Maps coordinates in an augmented image back to the original image: `original = A · augmented + t`,
/// in continuous pixel coordinates (pixel (i, j) covers [i, i+1) × [j, j+1), origin top-left).
///
/// A model's boxes on the augmented copy, mapped back with this, can be compared with its boxes on
/// the original (reasons 19–29).
public struct FrameMapping: Sendable, Hashable {
    /// The linear part, row-major: `x' = a x + b y + tx`, `y' = c x + d y + ty`.
    public var a: Double, b: Double, c: Double, d: Double
    /// The translation.
    public var tx: Double, ty: Double
    /// The original image's size, which mapped boxes are clipped to.
    public var originalWidth: Double, originalHeight: Double

    /// A mapping with the given coefficients.
    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double, originalWidth: Double, originalHeight: Double) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.tx = tx
        self.ty = ty
        self.originalWidth = originalWidth
        self.originalHeight = originalHeight
    }

    /// The mapping of an augmentation that moves no pixel.
    public static func identity(width: Int, height: Int) -> FrameMapping {
        FrameMapping(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0, originalWidth: Double(width), originalHeight: Double(height))
    }

    /// Where the augmented-frame point lies in the original.
    public func toOriginal(_ point: Point) -> Point {
        Point(x: a * point.x + b * point.y + tx, y: c * point.x + d * point.y + ty)
    }

    /// The original-frame box around the mapped corners of `box`, clipped to the original image.
    public func toOriginal(_ box: BoundingBox) -> BoundingBox {
        let corners = [
            Point(x: box.xmin, y: box.ymin), Point(x: box.xmax, y: box.ymin),
            Point(x: box.xmin, y: box.ymax), Point(x: box.xmax, y: box.ymax),
        ].map(toOriginal)
        return BoundingBox(
            xmin: corners.map(\.x).min() ?? 0, ymin: corners.map(\.y).min() ?? 0,
            xmax: corners.map(\.x).max() ?? 0, ymax: corners.map(\.y).max() ?? 0
        ).clipped(width: originalWidth, height: originalHeight)
    }

    /// `shape` in the original frame: points are mapped; a `bndbox` becomes the clipped box around its
    /// mapped corners; a circle keeps its mapped centre and scales its radius by √|det A|.
    public func toOriginal(_ shape: Shape) -> Shape {
        switch shape {
        case .point(let p): return .point(toOriginal(p))
        case .line(let p, let q): return .line(toOriginal(p), toOriginal(q))
        case .dashed(let p, let q): return .dashed(toOriginal(p), toOriginal(q))
        case .bndbox: return toOriginal(BoundingBox(shape)).shape
        case .polygon(let points): return .polygon(points.map(toOriginal))
        case .polyline(let points): return .polyline(points.map(toOriginal))
        case .circle(let center, let radius): return .circle(center: toOriginal(center), radius: radius * abs(a * d - b * c).squareRoot())
        }
    }

    /// The opposite mapping (original frame to augmented frame, clipped to `augmentedWidth` ×
    /// `augmentedHeight`), or `nil` when the linear part is singular.
    public func inverse(augmentedWidth: Int, augmentedHeight: Int) -> FrameMapping? {
        let determinant = a * d - b * c
        guard abs(determinant) > 1e-12 else { return nil }
        let ia = d / determinant, ib = -b / determinant, ic = -c / determinant, id = a / determinant
        return FrameMapping(
            a: ia, b: ib, c: ic, d: id, tx: -(ia * tx + ib * ty), ty: -(ic * tx + id * ty),
            originalWidth: Double(augmentedWidth), originalHeight: Double(augmentedHeight))
    }
}
