/// A position in an image, in pixels with the origin at the top-left corner: every VOC shape
/// ModelArts and its dataset SDK know.
public enum Shape: Sendable, Hashable, Codable {
    case point(Point)
    case line(Point, Point)
    case dashed(Point, Point)
    case bndbox(xmin: Double, ymin: Double, xmax: Double, ymax: Double)
    case polygon([Point])
    case polyline([Point])
    case circle(center: Point, radius: Double)

    /// The VOC element name: `point`, `line`, `dashed`, `bndbox`, `polygon`, `polyline`, `circle`.
    public var kind: String {
        switch self {
        case .point: "point"
        case .line: "line"
        case .dashed: "dashed"
        case .bndbox: "bndbox"
        case .polygon: "polygon"
        case .polyline: "polyline"
        case .circle: "circle"
        }
    }

    /// The VOC shape element names, in the order the SDK lists them.
    public static let kinds = ["point", "line", "dashed", "circle", "bndbox", "polygon", "polyline"]

    /// The smallest axis-aligned box around the shape, as (xmin, ymin, xmax, ymax).
    public var boundingBox: (xmin: Double, ymin: Double, xmax: Double, ymax: Double) {
        switch self {
        case .point(let p): return (p.x, p.y, p.x, p.y)
        case .line(let a, let b), .dashed(let a, let b): return Self.bounds([a, b])
        case .bndbox(let xmin, let ymin, let xmax, let ymax): return (xmin, ymin, xmax, ymax)
        case .polygon(let points), .polyline(let points): return Self.bounds(points)
        case .circle(let c, let r): return (c.x - r, c.y - r, c.x + r, c.y + r)
        }
    }

    private static func bounds(_ points: [Point]) -> (xmin: Double, ymin: Double, xmax: Double, ymax: Double) {
        guard let first = points.first else { return (0, 0, 0, 0) }
        var box = (xmin: first.x, ymin: first.y, xmax: first.x, ymax: first.y)
        for p in points.dropFirst() {
            box.xmin = min(box.xmin, p.x)
            box.ymin = min(box.ymin, p.y)
            box.xmax = max(box.xmax, p.x)
            box.ymax = max(box.ymax, p.y)
        }
        return box
    }
}

/// A point in pixels.
public struct Point: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
