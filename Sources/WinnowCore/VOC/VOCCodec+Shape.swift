/// Shape elements of VOC objects and parts.
///
/// The rules (SDK: the ModelArts dataset SDK refuses it too; Winnow: stricter than the SDK):
/// - Exactly one of `point`, `line`, `dashed`, `circle`, `bndbox`, `polygon`, `polyline`. Two are
///   refused, naming both (SDK: "The number of object position type can't more than one …, there
///   are bndbox and polygon", the fixture `twoPosition.xml`); none is refused (Winnow: the SDK
///   leaves the position null).
/// - A shape element with no child element is refused (SDK: "object bndbox can't be empty").
/// - Every coordinate is present (SDK: "bndbox should have xmin, ymin, xmax, ymax"), written once
///   (Winnow) and a finite decimal number (Winnow accepts fractions such as `12.5`, as the Java SDK
///   does; the Python SDK reads integers only).
/// - `bndbox`: `xmin`, `ymin`, `xmax`, `ymax` with xmin ≤ xmax and ymin ≤ ymax (Winnow).
/// - `point`: `x`, `y`, or `x1`, `y1` as the ModelArts documentation example writes it; both
///   spellings at once are refused.
/// - `line`, `dashed`: `x1`, `y1`, `x2`, `y2`; a third point (`x3`) is refused (Winnow: a line has
///   two points).
/// - `circle`: `cx`, `cy`, `r` with r ≥ 0 (Winnow).
/// - `polygon` (at least 3 points), `polyline` (at least 2): `x1`, `y1` … `xn`, `yn`, numbered from
///   1 without gaps, each `xi` with its `yi` (Winnow: the SDK pairs what it finds and drops the rest).
/// - Other children of a shape element are ignored, as in the SDK.
/// - Coordinates outside the image are accepted.
extension VOCReader {
    /// ``Shape/kinds`` as a set.
    static let shapeKinds = Set(Shape.kinds)

    /// The one shape inside `container` (an object or a part at field path `path`).
    func shape(in container: XMLTreeElement, path: String) throws(CodecError) -> Shape {
        var found: XMLTreeElement?
        let children = container.children
        for index in children.indices where Self.shapeKinds.contains(children[index].name) {
            let child = children[index]
            if let found {
                let message =
                    found.name == child.name
                    ? "more than one <\(child.name)> (lines \(found.line) and \(child.line)); "
                        + "an object or part has exactly one shape"
                    : "more than one shape: <\(found.name)> (line \(found.line)) and <\(child.name)> (line \(child.line)); "
                        + "an object or part has exactly one shape"
                throw error(child, path, message)
            }
            found = child
        }
        guard let element = found else {
            throw error(container, path,
                "no shape: expected one of " + Shape.kinds.map { "<\($0)>" }.joined(separator: ", "))
        }
        let shapePath = join(path, element.name)
        guard !element.children.isEmpty else {
            throw error(element, shapePath,
                "<\(element.name)> can't be empty: expected \(Self.expectedCoordinates(element.name))")
        }
        switch element.name {
        case "bndbox":
            let xmin = try coordinate("xmin", in: element, path: shapePath)
            let ymin = try coordinate("ymin", in: element, path: shapePath)
            let xmax = try coordinate("xmax", in: element, path: shapePath)
            let ymax = try coordinate("ymax", in: element, path: shapePath)
            guard xmin <= xmax else {
                throw error(element, join(shapePath, "xmin"),
                    "xmin \(VOCNumber.format(xmin)) is greater than xmax \(VOCNumber.format(xmax))")
            }
            guard ymin <= ymax else {
                throw error(element, join(shapePath, "ymin"),
                    "ymin \(VOCNumber.format(ymin)) is greater than ymax \(VOCNumber.format(ymax))")
            }
            return .bndbox(xmin: xmin, ymin: ymin, xmax: xmax, ymax: ymax)
        case "point":
            return .point(try point(element, path: shapePath))
        case "line", "dashed":
            if let extra = element.children.first(where: { (Self.numberedCoordinate($0.name)?.index ?? 0) > 2 }) {
                throw error(extra, join(shapePath, extra.name),
                    "a \(element.name) has exactly two points (x1, y1, x2, y2), found <\(extra.name)>")
            }
            let start = Point(x: try coordinate("x1", in: element, path: shapePath),
                y: try coordinate("y1", in: element, path: shapePath))
            let end = Point(x: try coordinate("x2", in: element, path: shapePath),
                y: try coordinate("y2", in: element, path: shapePath))
            return element.name == "line" ? .line(start, end) : .dashed(start, end)
        case "circle":
            let cx = try coordinate("cx", in: element, path: shapePath)
            let cy = try coordinate("cy", in: element, path: shapePath)
            let r = try coordinate("r", in: element, path: shapePath)
            guard r >= 0 else {
                throw error(element, join(shapePath, "r"), "the radius must not be negative, found \(VOCNumber.format(r))")
            }
            return .circle(center: Point(x: cx, y: cy), radius: r)
        case "polygon":
            return .polygon(try numberedPoints(element, path: shapePath, minimum: 3))
        case "polyline":
            return .polyline(try numberedPoints(element, path: shapePath, minimum: 2))
        default:
            throw error(element, shapePath, "unknown shape <\(element.name)>")
        }
    }

    /// The coordinates a shape element holds, for messages.
    private static func expectedCoordinates(_ kind: String) -> String {
        switch kind {
        case "bndbox": "xmin, ymin, xmax, ymax"
        case "point": "x, y"
        case "line", "dashed": "x1, y1, x2, y2"
        case "circle": "cx, cy, r"
        default: "x1, y1 … xn, yn"
        }
    }

    /// The mandatory coordinate `name` of a shape element.
    private func coordinate(_ name: String, in element: XMLTreeElement, path: String) throws(CodecError) -> Double {
        guard let child = try single(name, in: element, path: path) else {
            throw error(element, join(path, name),
                "missing <\(name)>: a \(element.name) needs \(Self.expectedCoordinates(element.name))")
        }
        return try number(child, field: join(path, name))
    }

    /// A `point`: `x`, `y`, or `x1`, `y1`.
    private func point(_ element: XMLTreeElement, path: String) throws(CodecError) -> Point {
        let plain = element.children.contains { $0.name == "x" || $0.name == "y" }
        let numbered = element.children.contains { $0.name == "x1" || $0.name == "y1" }
        if plain && numbered {
            throw error(element, path, "a point has either x, y or x1, y1, not both")
        }
        let (xName, yName) = numbered ? ("x1", "y1") : ("x", "y")
        return Point(x: try coordinate(xName, in: element, path: path), y: try coordinate(yName, in: element, path: path))
    }

    /// `x1`, `y1` … `xn`, `yn`, numbered from 1 without gaps, at least `minimum` points.
    private func numberedPoints(
        _ element: XMLTreeElement,
        path: String,
        minimum: Int
    ) throws(CodecError) -> [Point] {
        var xs: [Int: Double] = [:]
        var ys: [Int: Double] = [:]
        var count = 0
        for child in element.children {
            guard let parsed = Self.numberedCoordinate(child.name) else { continue }
            let (axis, index) = parsed
            guard index > 0 else {
                throw error(child, join(path, child.name), "invalid coordinate <\(child.name)>: points are numbered from 1 (x1, y1, x2, …)")
            }
            guard (axis == "x" ? xs[index] : ys[index]) == nil else {
                throw error(child, join(path, child.name), "<\(child.name)> appears more than once")
            }
            let value = try number(child, field: join(path, child.name))
            if axis == "x" { xs[index] = value } else { ys[index] = value }
            count = max(count, index)
        }
        var points: [Point] = []
        points.reserveCapacity(count)
        for index in stride(from: 1, through: count, by: 1) {
            switch (xs[index], ys[index]) {
            case (let x?, let y?):
                points.append(Point(x: x, y: y))
            case (.some, nil):
                throw error(element, join(path, "y\(index)"), "x\(index) has no matching y\(index)")
            case (nil, .some):
                throw error(element, join(path, "x\(index)"), "y\(index) has no matching x\(index)")
            case (nil, nil):
                throw error(element, join(path, "x\(index)"),
                    "points must be numbered x1, y1 … xn, yn without gaps: point \(index) is missing but point \(count) exists")
            }
        }
        guard points.count >= minimum else {
            throw error(element, path,
                "a \(element.name) needs at least \(minimum) points, found \(points.count)")
        }
        return points
    }

    /// Splits `x12` into (`x`, 12). Names that are not `x` or `y` followed by digits give `nil`;
    /// a leading zero or an index too large to be real gives index 0, which callers refuse.
    static func numberedCoordinate(_ name: String) -> (axis: Character, index: Int)? {
        guard let axis = name.first, axis == "x" || axis == "y" else { return nil }
        let digits = name.utf8.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        guard digits.first != 0x30, digits.count <= 6, let index = Int(String(decoding: digits, as: UTF8.self)) else {
            return (axis, 0)
        }
        return (axis, index)
    }
}
