/// Writes a ``VOCAnnotation`` as pretty-printed XML, in the element order ModelArts uses.
struct VOCWriter {
    /// The text written so far.
    private(set) var output = ""

    private static let indentUnit = "    "

    init() {
        output.reserveCapacity(2048)
    }

    mutating func write(_ annotation: VOCAnnotation) {
        output += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
        open("annotation", depth: 0)
        field("folder", annotation.folder, depth: 1)
        field("filename", annotation.filename, depth: 1)
        optionalField("path", annotation.path, depth: 1)
        open("source", depth: 1)
        field("database", annotation.sourceDatabase, depth: 2)
        optionalField("annotation", annotation.sourceAnnotation, depth: 2)
        optionalField("image", annotation.sourceImage, depth: 2)
        close("source", depth: 1)
        open("size", depth: 1)
        field("width", String(annotation.size.width), depth: 2)
        field("height", String(annotation.size.height), depth: 2)
        field("depth", String(annotation.size.depth ?? 0), depth: 2)
        close("size", depth: 1)
        field("segmented", annotation.segmented ? "1" : "0", depth: 1)
        optionalField("mask_source", annotation.maskSource, depth: 1)
        for object in annotation.objects {
            write(object)
        }
        close("annotation", depth: 0)
    }

    private mutating func write(_ object: VOCObject) {
        open("object", depth: 1)
        field("name", object.name, depth: 2)
        if !object.properties.isEmpty {
            open("properties", depth: 2)
            for property in object.properties {
                open("property", depth: 3)
                field("key", property.key, depth: 4)
                field("value", property.value, depth: 4)
                close("property", depth: 3)
            }
            close("properties", depth: 2)
        }
        optionalField("pose", object.pose, depth: 2)
        field("truncated", object.truncated ? "1" : "0", depth: 2)
        field("occluded", object.occluded ? "1" : "0", depth: 2)
        field("difficult", object.difficult ? "1" : "0", depth: 2)
        number("confidence", object.confidence, depth: 2)
        if let hard = object.hard { field("hard", hard ? "1" : "0", depth: 2) }
        number("hard-coefficient", object.hardCoefficient, depth: 2)
        if let reasons = object.hardReasons { field("hard-reasons", HardReason.formatList(reasons), depth: 2) }
        number("difficult-coefficient", object.difficultCoefficient, depth: 2)
        optionalField("mask_color", object.maskColor, depth: 2)
        write(object.shape, depth: 2)
        for part in object.parts {
            open("part", depth: 2)
            field("name", part.name, depth: 3)
            number("confidence", part.confidence, depth: 3)
            write(part.shape, depth: 3)
            close("part", depth: 2)
        }
        close("object", depth: 1)
    }

    /// A shape element as the SDK writes it.
    private mutating func write(_ shape: Shape, depth: Int) {
        open(shape.kind, depth: depth)
        let inner = depth + 1
        switch shape {
        case .point(let point):
            number("x", point.x, depth: inner)
            number("y", point.y, depth: inner)
        case .line(let start, let end), .dashed(let start, let end):
            number("x1", start.x, depth: inner)
            number("y1", start.y, depth: inner)
            number("x2", end.x, depth: inner)
            number("y2", end.y, depth: inner)
        case .bndbox(let xmin, let ymin, let xmax, let ymax):
            number("xmin", xmin, depth: inner)
            number("ymin", ymin, depth: inner)
            number("xmax", xmax, depth: inner)
            number("ymax", ymax, depth: inner)
        case .polygon(let points), .polyline(let points):
            for (offset, point) in points.enumerated() {
                number("x\(offset + 1)", point.x, depth: inner)
                number("y\(offset + 1)", point.y, depth: inner)
            }
        case .circle(let center, let radius):
            number("cx", center.x, depth: inner)
            number("cy", center.y, depth: inner)
            number("r", radius, depth: inner)
        }
        close(shape.kind, depth: depth)
    }

    // MARK: Lines

    private mutating func indent(_ depth: Int) {
        for _ in 0..<depth { output += Self.indentUnit }
    }

    private mutating func open(_ name: String, depth: Int) {
        indent(depth)
        output += "<" + name + ">\n"
    }

    private mutating func close(_ name: String, depth: Int) {
        indent(depth)
        output += "</" + name + ">\n"
    }

    private mutating func field(_ name: String, _ value: String, depth: Int) {
        indent(depth)
        output += "<" + name + ">" + VOCText.escaped(value) + "</" + name + ">\n"
    }

    /// Writes the field unless the value is `nil` or empty.
    private mutating func optionalField(_ name: String, _ value: String?, depth: Int) {
        if let value, !value.isEmpty { field(name, value, depth: depth) }
    }

    private mutating func number(_ name: String, _ value: Double?, depth: Int) {
        if let value { field(name, VOCNumber.format(value), depth: depth) }
    }
}
