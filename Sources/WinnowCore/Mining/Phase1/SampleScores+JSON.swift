/// The phase-1 record as one compact JSON line (format version ``SampleScores/formatVersion``):
///
/// ```
/// {"v":1,"i":12,"s":"img/b0012.png","t":"c","l":"7","c":[0.91,0.05,0.21,10,5,"7"],"e":[0.1,…]}
/// ```
///
/// Keys: `v` version, `i` index, `s` source, `f` failure, `t` task (`c`/`d`), `l` label, `n` no-target
/// cause, `c` classification `[top, second, normalised entropy, K, listed, top label]`, `d` detection
/// `[boxes, all boxes, max, mean, low share, uncertain, band closeness]`, `ct` capture time, `if` image
/// features `[w, h, area, aspect, brightness, saturation, colorfulness, sharpness]`, `b` boxes
/// `{"n":count,"sp":spread,"x":[[aspect, area ratio, marginalization, overlap, brightness, sharpness]…]}`,
/// `a` augmentations `[{"k":kind,"x":inconsistent,"sc":score,"al":label,"op":p,"ap":p,"bx":[matched,
/// relabelled, lost, new]}…]`, `e` embedding, `o` objects `[[label, xmin, ymin, xmax, ymax, score]…]`.
/// Absent values are omitted or `null`. Numbers round-trip exactly.
extension SampleScores {
    /// The record as one JSON line (without the newline).
    public func jsonLine() -> String {
        JSONWriter.serialize(jsonValue)
    }

    /// The record as a JSON value.
    public var jsonValue: JSONValue {
        var object: [String: JSONValue] = ["v": .number(Double(Self.formatVersion)), "i": .number(Double(index)), "s": .string(source)]
        if let failure { object["f"] = .string(failure) }
        if let task { object["t"] = .string(task == .classification ? "c" : "d") }
        if let label { object["l"] = .string(label) }
        if let noTarget { object["n"] = .string(noTarget.rawValue) }
        if let c = classification {
            object["c"] = .array([
                .number(c.top), .number(c.second), .number(c.normalizedEntropy), .number(Double(c.classCount)),
                .number(Double(c.listedCount)), c.topLabel.map(JSONValue.string) ?? .null,
            ])
        }
        if let d = detection {
            object["d"] = .array(
                [Double(d.boxCount), Double(d.totalBoxCount), d.maximumScore, d.meanScore, d.lowScoreShare, Double(d.uncertainBoxCount), d.bandCloseness]
                    .map(JSONValue.number))
        }
        if let captureTime { object["ct"] = .number(captureTime) }
        if let f = imageFeatures {
            object["if"] = .array(
                [Double(f.width), Double(f.height), f.area, f.aspectRatio, f.brightness, f.saturation, f.colorfulness, f.sharpness].map(JSONValue.number))
        }
        if let boxes {
            let rows: [JSONValue] = boxes.boxes.map { box in
                .array([box.aspectRatio, box.areaRatio, box.marginalization, box.overlap, box.brightness, box.sharpness].map { $0.map(JSONValue.number) ?? .null })
            }
            object["b"] = .object(["n": .number(Double(boxes.count)), "sp": boxes.areaSpread.map(JSONValue.number) ?? .null, "x": .array(rows)])
        }
        if !augmentations.isEmpty {
            object["a"] = .array(augmentations.map(Self.json))
        }
        if let embedding { object["e"] = .array(embedding.map(JSONValue.number)) }
        if !objects.isEmpty {
            object["o"] = .array(objects.map { .array([.string($0.label), .number($0.xmin), .number($0.ymin), .number($0.xmax), .number($0.ymax), .number($0.score)]) })
        }
        return .object(object)
    }

    private static func json(_ comparison: AugmentationComparison) -> JSONValue {
        var object: [String: JSONValue] = [
            "k": .string(comparison.kind.rawValue), "x": .bool(comparison.isInconsistent), "sc": .number(comparison.score),
        ]
        if let label = comparison.augmentedLabel { object["al"] = .string(label) }
        if let p = comparison.originalProbability { object["op"] = .number(p) }
        if let p = comparison.augmentedProbability { object["ap"] = .number(p) }
        if let b = comparison.boxes {
            object["bx"] = .array([b.matched, b.relabelled, b.lost, b.added].map { .number(Double($0)) })
        }
        return .object(object)
    }

    /// Reads a record from one JSON line.
    /// - Throws: ``CodecError`` naming the field, or the version when it is not ``formatVersion``.
    public init(jsonLine bytes: some Collection<UInt8>) throws(CodecError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw CodecError(message: "a phase-1 record is not valid JSON: \(error.message)")
        }
        try self.init(json: value)
    }

    /// Reads a record from its JSON value.
    public init(json value: JSONValue) throws(CodecError) {
        let reader = try RecordReader(value)
        let version = try reader.int("v")
        guard version == Self.formatVersion else {
            throw CodecError(field: "v", message: "phase-1 record format \(version) is not supported; this build reads format \(Self.formatVersion)")
        }
        self.init(index: try reader.int("i"), source: try reader.string("s"))
        failure = try reader.optionalString("f")
        if let task = try reader.optionalString("t") {
            guard task == "c" || task == "d" else { throw CodecError(field: "t", message: "expected \"c\" or \"d\", got \"\(task)\"") }
            self.task = task == "c" ? .classification : .detection
        }
        label = try reader.optionalString("l")
        if let cause = try reader.optionalString("n") {
            guard let parsed = NoTargetCause(rawValue: cause) else { throw CodecError(field: "n", message: "unknown no-target cause \"\(cause)\"") }
            noTarget = parsed
        }
        if let c = try reader.optionalArray("c", count: 6) {
            classification = ClassificationConfidence(
                top: try RecordReader.number(c[0], "c[0]"), second: try RecordReader.number(c[1], "c[1]"),
                normalizedEntropy: try RecordReader.number(c[2], "c[2]"), classCount: Int(try RecordReader.number(c[3], "c[3]")),
                listedCount: Int(try RecordReader.number(c[4], "c[4]")), topLabel: c[5].stringValue)
        }
        if let d = try reader.optionalArray("d", count: 7) {
            let n = try d.indices.map { (i) throws(CodecError) in try RecordReader.number(d[i], "d[\(i)]") }
            detection = DetectionConfidence(
                boxCount: Int(n[0]), totalBoxCount: Int(n[1]), maximumScore: n[2], meanScore: n[3], lowScoreShare: n[4],
                uncertainBoxCount: Int(n[5]), bandCloseness: n[6])
        }
        captureTime = try reader.optionalNumber("ct")
        if let f = try reader.optionalArray("if", count: 8) {
            let n = try f.indices.map { (i) throws(CodecError) in try RecordReader.number(f[i], "if[\(i)]") }
            var features = ImageFeatures(width: Int(n[0]), height: Int(n[1]), brightness: n[4], saturation: n[5], colorfulness: n[6], sharpness: n[7])
            features.area = n[2]
            features.aspectRatio = n[3]
            imageFeatures = features
        }
        if let b = try reader.optionalObject("b") {
            let inner = try RecordReader(.object(b), prefix: "b.")
            let rows = try inner.optionalArray("x", count: nil) ?? []
            let parsed = try rows.indices.map { (i) throws(CodecError) -> BoxMeasurements.Box in
                guard let row = rows[i].arrayValue, row.count == 6 else { throw CodecError(field: "b.x[\(i)]", message: "expected 6 values") }
                let v = try row.indices.map { (j) throws(CodecError) in try RecordReader.optionalNumber(row[j], "b.x[\(i)][\(j)]") }
                return BoxMeasurements.Box(aspectRatio: v[0], areaRatio: v[1], marginalization: v[2], overlap: v[3], brightness: v[4], sharpness: v[5])
            }
            boxes = BoxMeasurements(count: try inner.int("n"), areaSpread: try inner.optionalNumber("sp"), boxes: parsed)
        }
        if let a = try reader.optionalArray("a", count: nil) {
            augmentations = try a.indices.map { (i) throws(CodecError) in try Self.augmentation(a[i], field: "a[\(i)]") }
        }
        if let e = try reader.optionalArray("e", count: nil) {
            embedding = try e.indices.map { (i) throws(CodecError) in try RecordReader.number(e[i], "e[\(i)]") }
        }
        if let o = try reader.optionalArray("o", count: nil) {
            objects = try o.indices.map { (i) throws(CodecError) -> DetectedObject in
                guard let row = o[i].arrayValue, row.count == 6, let label = row[0].stringValue else {
                    throw CodecError(field: "o[\(i)]", message: "expected [label, xmin, ymin, xmax, ymax, score]")
                }
                let n = try (1..<6).map { (j) throws(CodecError) in try RecordReader.number(row[j], "o[\(i)][\(j)]") }
                return DetectedObject(label: label, xmin: n[0], ymin: n[1], xmax: n[2], ymax: n[3], score: n[4])
            }
        }
    }

    private static func augmentation(_ value: JSONValue, field: String) throws(CodecError) -> AugmentationComparison {
        let reader = try RecordReader(value, prefix: field + ".")
        let kindName = try reader.string("k")
        guard let kind = AugmentationKind(rawValue: kindName) else { throw CodecError(field: field + ".k", message: "unknown augmentation \"\(kindName)\"") }
        guard case .bool(let inconsistent)? = reader.object["x"] else { throw CodecError(field: field + ".x", message: "expected a boolean") }
        var comparison = AugmentationComparison(kind: kind, isInconsistent: inconsistent, score: try reader.number("sc"))
        comparison.augmentedLabel = try reader.optionalString("al")
        comparison.originalProbability = try reader.optionalNumber("op")
        comparison.augmentedProbability = try reader.optionalNumber("ap")
        if let counts = try reader.optionalArray("bx", count: 4) {
            let n = try counts.indices.map { (i) throws(CodecError) in Int(try RecordReader.number(counts[i], "\(field).bx[\(i)]")) }
            comparison.boxes = DetectionComparison(matched: n[0], relabelled: n[1], lost: n[2], added: n[3])
        }
        return comparison
    }
}
