import WinnowCore

/// Random manifest lines that satisfy the codec's rules, for round-trip tests.
enum RandomManifest {
    static func line(using generator: inout SeededGenerator) -> ManifestLine {
        var line = ManifestLine(source: "s3://b/" + RandomJSON.string(using: &generator))
        if coin(&generator) { line.usage = Usage.allCases.randomElement(using: &generator) }
        if coin(&generator) { line.id = RandomJSON.string(using: &generator) }
        if coin(&generator) { line.inferenceLocation = RandomJSON.string(using: &generator) }
        if coin(&generator) { line.hard = Bool.random(using: &generator) }
        if coin(&generator) { line.hardCoefficient = unitNumber(&generator) }
        if coin(&generator) {
            line.hardReasons = (0...30).filter { _ in Int.random(in: 0..<4, using: &generator) == 0 }
        }
        if coin(&generator) { line.sampleType = Int.random(in: -10...1_000_000, using: &generator) }
        if coin(&generator) { line.sourceType = RandomJSON.string(using: &generator) }
        if coin(&generator) { line.property = RandomJSON.value(using: &generator) }
        if coin(&generator) { line.result = ["SUCCESSFUL", "FAILED"].randomElement(using: &generator) }
        if coin(&generator) { line.errorMessage = RandomJSON.string(using: &generator) }
        if coin(&generator) { line.extra = extra(&generator) }
        line.annotations = (0..<Int.random(in: 0...3, using: &generator)).map { _ in annotation(using: &generator) }
        return line
    }

    static func annotation(using generator: inout SeededGenerator) -> ManifestAnnotation {
        let type = LabelingType.allCases.randomElement(using: &generator) ?? .imageClassification
        var annotation = ManifestAnnotation(type: type)
        switch type {
        case .imageClassification, .textClassification, .audioClassification:
            annotation.name = "c" + RandomJSON.string(using: &generator)
        case .objectDetection, .imageSegmentation:
            annotation.annotationLocation = "s3://b/" + RandomJSON.string(using: &generator) + ".xml"
        default:
            if coin(&generator) { annotation.name = RandomJSON.string(using: &generator) }
        }
        if coin(&generator) { annotation.id = RandomJSON.string(using: &generator) }
        if coin(&generator) { annotation.property = RandomJSON.value(using: &generator) }
        if coin(&generator) { annotation.hard = Bool.random(using: &generator) }
        if coin(&generator) { annotation.hardCoefficient = unitNumber(&generator) }
        if coin(&generator) { annotation.annotatedBy = ["human", "modelarts/active-learning"].randomElement(using: &generator) }
        if coin(&generator) { annotation.creationTime = "2019-01-23 11:30:30" }
        if coin(&generator) { annotation.confidence = unitNumber(&generator) }
        if coin(&generator) { annotation.annotationFormat = "PASCAL VOC" }
        if coin(&generator) { annotation.extra = extra(&generator) }
        return annotation
    }

    private static func coin(_ generator: inout SeededGenerator) -> Bool {
        Bool.random(using: &generator)
    }

    private static func unitNumber(_ generator: inout SeededGenerator) -> Double {
        [0, 1, 0.5, 0.8, Double.random(in: 0...1, using: &generator)].randomElement(using: &generator) ?? 0
    }

    /// Extra members under keys no field uses (`x-…`).
    private static func extra(_ generator: inout SeededGenerator) -> [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            members["x-" + RandomJSON.string(using: &generator, maximumLength: 5)] = RandomJSON.value(using: &generator)
        }
        return members
    }
}
