/// Reads and writes model answers (`NAME_result.txt`) in the ModelArts formats.
///
/// Classification scores may be strings or numbers; detection boxes are `[ymin, xmin, ymax, xmax]` in
/// pixels. Errors name the field (`scores[2][1]`, `detection_boxes[0]`).
public enum PredictionCodec {
    /// Decodes an answer of the declared `type`.
    public static func decode(_ bytes: some Collection<UInt8>, type: LabelingType, file: String? = nil) throws(CodecError) -> Prediction {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw CodecError(file: file, line: nil, field: nil, message: "the answer is not valid JSON: \(error.message)")
        }
        guard let object = value.objectValue else {
            throw CodecError(file: file, message: "the answer is a JSON \(value.typeName), expected an object")
        }
        do throws(CodecError) {
            let embedding = try decodeEmbedding(object["embedding"])
            switch type {
            case .imageClassification:
                return Prediction(content: .classification(try decodeClassification(object)), embedding: embedding)
            case .objectDetection:
                return Prediction(content: .detection(try decodeDetection(object)), embedding: embedding)
            default:
                throw CodecError(message: "\(type.rawValue) answers are not supported; models are image_classification or object_detection")
            }
        } catch {
            throw error.located(file: file)
        }
    }

    private static func decodeClassification(_ object: [String: JSONValue]) throws(CodecError) -> ClassificationPrediction {
        guard let rawScores = object["scores"] else {
            if let label = object["predicted_label"]?.stringValue { return ClassificationPrediction(predictedLabel: label, scores: []) }
            throw CodecError(field: "predicted_label", message: "missing: a classification answer has predicted_label and scores")
        }
        guard let items = rawScores.arrayValue else { throw CodecError(field: "scores", message: "expected an array, got \(rawScores.typeName)") }
        var scores: [ClassScore] = []
        for (index, item) in items.enumerated() {
            guard let pair = item.arrayValue, pair.count == 2, let label = pair[0].stringValue else {
                throw CodecError(field: "scores[\(index)]", message: "expected [\"label\", score]")
            }
            scores.append(ClassScore(label: label, score: try number(pair[1], field: "scores[\(index)][1]", unitInterval: true)))
        }
        scores.sort { $0.score > $1.score }
        let predicted: String
        if let label = object["predicted_label"] {
            guard let text = label.stringValue else { throw CodecError(field: "predicted_label", message: "expected a string, got \(label.typeName)") }
            predicted = text
        } else if let top = scores.first {
            predicted = top.label
        } else {
            throw CodecError(field: "predicted_label", message: "missing, and scores is empty")
        }
        return ClassificationPrediction(predictedLabel: predicted, scores: scores)
    }

    private static func decodeDetection(_ object: [String: JSONValue]) throws(CodecError) -> DetectionPrediction {
        func array(_ key: String) throws(CodecError) -> [JSONValue] {
            guard let value = object[key] else { throw CodecError(field: key, message: "missing: a detection answer has detection_classes, detection_boxes and detection_scores") }
            guard let items = value.arrayValue else { throw CodecError(field: key, message: "expected an array, got \(value.typeName)") }
            return items
        }
        let classes = try array("detection_classes")
        let boxes = try array("detection_boxes")
        let scores = try array("detection_scores")
        guard classes.count == boxes.count, boxes.count == scores.count else {
            throw CodecError(field: "detection_boxes", message: "\(classes.count) classes, \(boxes.count) boxes and \(scores.count) scores: the three lists must have one entry per object")
        }
        var objects: [DetectedObject] = []
        for index in boxes.indices {
            guard let label = classes[index].stringValue ?? classes[index].numberValue.map({ String(Int($0)) }) else {
                throw CodecError(field: "detection_classes[\(index)]", message: "expected a string, got \(classes[index].typeName)")
            }
            guard let box = boxes[index].arrayValue, box.count == 4 else {
                throw CodecError(field: "detection_boxes[\(index)]", message: "expected [ymin, xmin, ymax, xmax]")
            }
            let ymin = try number(box[0], field: "detection_boxes[\(index)][0]")
            let xmin = try number(box[1], field: "detection_boxes[\(index)][1]")
            let ymax = try number(box[2], field: "detection_boxes[\(index)][2]")
            let xmax = try number(box[3], field: "detection_boxes[\(index)][3]")
            guard ymin <= ymax, xmin <= xmax else {
                throw CodecError(field: "detection_boxes[\(index)]", message: "ymin ≤ ymax and xmin ≤ xmax are required, got [\(ymin), \(xmin), \(ymax), \(xmax)]")
            }
            let score = try number(scores[index], field: "detection_scores[\(index)]", unitInterval: true)
            objects.append(DetectedObject(label: label, xmin: xmin, ymin: ymin, xmax: xmax, ymax: ymax, score: score))
        }
        return DetectionPrediction(objects: objects)
    }

    private static func decodeEmbedding(_ value: JSONValue?) throws(CodecError) -> [Double]? {
        guard let value, value != .null else { return nil }
        guard let items = value.arrayValue else { throw CodecError(field: "embedding", message: "expected an array of numbers, got \(value.typeName)") }
        var vector: [Double] = []
        vector.reserveCapacity(items.count)
        for (index, item) in items.enumerated() { vector.append(try number(item, field: "embedding[\(index)]")) }
        return vector
    }

    private static func number(_ value: JSONValue, field: String, unitInterval: Bool = false) throws(CodecError) -> Double {
        let number: Double
        switch value {
        case .number(let n): number = n
        case .string(let text):
            guard let n = Double(text.trimmingWhitespace()), n.isFinite else {
                throw CodecError(field: field, message: "expected a number, got string \"\(text)\"")
            }
            number = n
        default:
            throw CodecError(field: field, message: "expected a number, got \(value.typeName)")
        }
        if unitInterval, !(0...1).contains(number) {
            throw CodecError(field: field, message: "expected a score in [0, 1], got \(number)")
        }
        return number
    }

    /// Encodes a prediction in the ModelArts format (scores as strings with six decimals, as ModelArts writes them).
    public static func encode(_ prediction: Prediction) -> String {
        var object: [String: JSONValue] = [:]
        switch prediction.content {
        case .classification(let c):
            object["predicted_label"] = .string(c.predictedLabel)
            object["scores"] = .array(c.scores.map { .array([.string($0.label), .string(formatScore($0.score))]) })
        case .detection(let d):
            object["detection_classes"] = .array(d.objects.map { .string($0.label) })
            object["detection_boxes"] = .array(d.objects.map { .array([.number($0.ymin), .number($0.xmin), .number($0.ymax), .number($0.xmax)]) })
            object["detection_scores"] = .array(d.objects.map { .number($0.score) })
        }
        if let embedding = prediction.embedding { object["embedding"] = .array(embedding.map(JSONValue.number)) }
        return JSONWriter.serialize(.object(object))
    }

    private static func formatScore(_ score: Double) -> String {
        let scaled = (score * 1_000_000).rounded()
        let whole = Int(scaled) / 1_000_000
        let fraction = String(Int(scaled) % 1_000_000)
        return "\(whole)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
