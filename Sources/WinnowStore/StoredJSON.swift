public import WinnowCore

/// The compact JSON every store keeps a sample's labels and hard-example details in.
///
/// Written with WinnowCore's JSON writer and read with its parser: several times faster than
/// `Codable` on Linux, and the same text in every backend. Keys are short; absent values are left out.
public enum StoredJSON {
    // MARK: Labels

    /// The labels as a JSON array.
    public static func encode(_ labels: [Label]) -> String {
        guard !labels.isEmpty else { return "[]" }
        var output: [UInt8] = []
        output.reserveCapacity(96 * labels.count)
        output.append(UInt8(ascii: "["))
        for (index, label) in labels.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            write(label, into: &output)
        }
        output.append(UInt8(ascii: "]"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the stored form of `label`: the same text as `JSONWriter.write(value(of: label))`, keys in
    /// sorted order, without building a dictionary per label (imports encode one per sample).
    private static func write(_ label: Label, into output: inout [UInt8]) {
        var first = true
        func key(_ name: StaticString) {
            output.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            output.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { output.append(contentsOf: $0) }
            output.append(UInt8(ascii: "\""))
            output.append(UInt8(ascii: ":"))
        }
        func flag(_ value: Bool) {
            value ? output.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) : output.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
        if let by = label.annotatedBy { key("by"); JSONWriter.writeString(by, into: &output) }
        if let confidence = label.confidence { key("c"); JSONWriter.writeNumber(confidence, into: &output) }
        if let time = label.creationTime { key("ct"); JSONWriter.writeString(time, into: &output) }
        if label.difficult { key("df"); flag(true) }
        if let hard = label.hard { key("h"); flag(hard) }
        if let coefficient = label.hardCoefficient { key("hc"); JSONWriter.writeNumber(coefficient, into: &output) }
        key("n"); JSONWriter.writeString(label.name, into: &output)
        if label.occluded { key("oc"); flag(true) }
        if let properties = label.properties { key("p"); JSONWriter.write(properties, into: &output) }
        if !label.parts.isEmpty {
            key("parts")
            JSONWriter.write(.array(label.parts.map { part in
                var value: [String: JSONValue] = ["n": .string(part.name), "s": Self.value(of: part.shape)]
                if let confidence = part.confidence { value["c"] = .number(confidence) }
                return .object(value)
            }), into: &output)
        }
        if let pose = label.pose { key("pose"); JSONWriter.writeString(pose, into: &output) }
        if let shape = label.shape { key("s"); JSONWriter.write(value(of: shape), into: &output) }
        key("t"); JSONWriter.writeString(label.type.rawValue, into: &output)
        if label.truncated { key("tr"); flag(true) }
        output.append(UInt8(ascii: "}"))
    }

    /// The labels stored in `text`.
    public static func decodeLabels(_ text: String) throws(StoreError) -> [Label] {
        if text == "[]" { return [] }
        guard case .array(let items) = try parse(text) else { throw corrupt("labels are not an array") }
        var labels: [Label] = []
        labels.reserveCapacity(items.count)
        for item in items { labels.append(try label(from: item)) }
        return labels
    }

    /// The stored form of `label` as a value: the reference that ``write(_:into:)`` must match byte for
    /// byte (tests compare the two).
    static func value(of label: Label) -> JSONValue {
        var object: [String: JSONValue] = ["t": .string(label.type.rawValue), "n": .string(label.name)]
        if let shape = label.shape { object["s"] = value(of: shape) }
        if let confidence = label.confidence { object["c"] = .number(confidence) }
        if let by = label.annotatedBy { object["by"] = .string(by) }
        if let time = label.creationTime { object["ct"] = .string(time) }
        if let properties = label.properties { object["p"] = properties }
        if let pose = label.pose { object["pose"] = .string(pose) }
        if label.truncated { object["tr"] = .bool(true) }
        if label.occluded { object["oc"] = .bool(true) }
        if label.difficult { object["df"] = .bool(true) }
        if let hard = label.hard { object["h"] = .bool(hard) }
        if let coefficient = label.hardCoefficient { object["hc"] = .number(coefficient) }
        if !label.parts.isEmpty {
            object["parts"] = .array(label.parts.map { part in
                var value: [String: JSONValue] = ["n": .string(part.name), "s": Self.value(of: part.shape)]
                if let confidence = part.confidence { value["c"] = .number(confidence) }
                return .object(value)
            })
        }
        return .object(object)
    }

    private static func label(from value: JSONValue) throws(StoreError) -> Label {
        guard let object = value.objectValue, let typeText = object["t"]?.stringValue, let type = LabelingType(rawValue: typeText),
              let name = object["n"]?.stringValue else { throw corrupt("a label lacks its type or name") }
        var parts: [LabelPart] = []
        for part in object["parts"]?.arrayValue ?? [] {
            guard let name = part.objectValue?["n"]?.stringValue, let shape = part.objectValue?["s"] else { throw corrupt("a part lacks its name or shape") }
            parts.append(LabelPart(name: name, confidence: part.objectValue?["c"]?.numberValue, shape: try Self.shape(from: shape)))
        }
        return Label(
            type: type, name: name, shape: try object["s"].map { v throws(StoreError) in try shape(from: v) },
            confidence: object["c"]?.numberValue, annotatedBy: object["by"]?.stringValue, creationTime: object["ct"]?.stringValue,
            properties: object["p"], pose: object["pose"]?.stringValue, truncated: object["tr"] == .bool(true),
            occluded: object["oc"] == .bool(true), difficult: object["df"] == .bool(true),
            hard: object["h"].flatMap { if case .bool(let b) = $0 { b } else { nil } }, hardCoefficient: object["hc"]?.numberValue,
            parts: parts)
    }

    // MARK: Shapes

    private static func value(of shape: Shape) -> JSONValue {
        let numbers: [Double]
        switch shape {
        case .point(let p): numbers = [p.x, p.y]
        case .line(let a, let b), .dashed(let a, let b): numbers = [a.x, a.y, b.x, b.y]
        case .bndbox(let xmin, let ymin, let xmax, let ymax): numbers = [xmin, ymin, xmax, ymax]
        case .polygon(let points), .polyline(let points): numbers = points.flatMap { [$0.x, $0.y] }
        case .circle(let c, let r): numbers = [c.x, c.y, r]
        }
        return .object(["k": .string(shape.kind), "v": .array(numbers.map(JSONValue.number))])
    }

    private static func shape(from value: JSONValue) throws(StoreError) -> Shape {
        guard let object = value.objectValue, let kind = object["k"]?.stringValue, let items = object["v"]?.arrayValue else {
            throw corrupt("a shape lacks its kind or values")
        }
        var v: [Double] = []
        for item in items {
            guard let number = item.numberValue else { throw corrupt("a shape value is not a number") }
            v.append(number)
        }
        func points() -> [Point] { stride(from: 0, to: v.count - 1, by: 2).map { Point(x: v[$0], y: v[$0 + 1]) } }
        switch (kind, v.count) {
        case ("point", 2): return .point(Point(x: v[0], y: v[1]))
        case ("line", 4): return .line(Point(x: v[0], y: v[1]), Point(x: v[2], y: v[3]))
        case ("dashed", 4): return .dashed(Point(x: v[0], y: v[1]), Point(x: v[2], y: v[3]))
        case ("bndbox", 4): return .bndbox(xmin: v[0], ymin: v[1], xmax: v[2], ymax: v[3])
        case ("circle", 3): return .circle(center: Point(x: v[0], y: v[1]), radius: v[2])
        case ("polygon", let n) where n % 2 == 0: return .polygon(points())
        case ("polyline", let n) where n % 2 == 0: return .polyline(points())
        default: throw corrupt("shape '\(kind)' with \(v.count) values")
        }
    }

    // MARK: Hard-example information

    /// Hard-example information as a JSON object.
    public static func encode(_ info: HardExampleInfo) -> String {
        var object: [String: JSONValue] = ["hard": .bool(info.isHard), "r": .array(info.reasons.map { .number(Double($0)) })]
        if let coefficient = info.coefficient { object["c"] = .number(coefficient) }
        if !info.details.isEmpty {
            object["d"] = .array(info.details.map { detail in
                var value: [String: JSONValue] = ["r": .number(Double(detail.reason))]
                if let score = detail.score { value["s"] = .number(score) }
                if let measured = detail.measured { value["m"] = .number(measured) }
                if let reference = detail.reference { value["ref"] = .string(reference) }
                if let suggestion = detail.suggestion { value["sug"] = .string(suggestion) }
                return .object(value)
            })
        }
        return JSONWriter.serialize(.object(object))
    }

    /// The hard-example information stored in `text`.
    public static func decodeHardExample(_ text: String) throws(StoreError) -> HardExampleInfo {
        guard let object = try parse(text).objectValue, case .bool(let isHard)? = object["hard"] else {
            throw corrupt("hard-example information lacks its flag")
        }
        var details: [HardReasonDetail] = []
        for item in object["d"]?.arrayValue ?? [] {
            guard let detail = item.objectValue, let reason = detail["r"]?.numberValue else { throw corrupt("a reason detail lacks its reason") }
            details.append(HardReasonDetail(
                reason: Int(reason), score: detail["s"]?.numberValue, measured: detail["m"]?.numberValue,
                reference: detail["ref"]?.stringValue, suggestion: detail["sug"]?.stringValue))
        }
        return HardExampleInfo(
            isHard: isHard, coefficient: object["c"]?.numberValue,
            reasons: (object["r"]?.arrayValue ?? []).compactMap { $0.numberValue.map(Int.init) }, details: details)
    }

    private static func parse(_ text: String) throws(StoreError) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw corrupt("stored JSON does not parse: \(error.message)")
        }
    }

    private static func corrupt(_ message: String) -> StoreError {
        StoreError(.backend, "corrupt stored sample: \(message)")
    }
}
