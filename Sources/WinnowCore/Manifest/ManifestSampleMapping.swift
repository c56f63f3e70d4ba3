/// Turns manifest lines (with their VOC files) into samples, and samples back into manifest lines.
public enum ManifestSampleMapping {
    /// What importing one line produced.
    public struct Imported: Sendable, Hashable {
        public var sample: Sample
        /// Annotations of another labeling type than the dataset's, left out.
        public var ignoredAnnotations: Int
    }

    /// The sample for `line` in a dataset of `labelingType`.
    ///
    /// - Parameters:
    ///   - source: the line's `source`, already resolved to an absolute path or URI.
    ///   - annotationFiles: the parsed VOC file of each detection/segmentation annotation, by index in
    ///     `line.annotations`.
    ///   - inferenceLocation: the resolved `inference-loc`, if any.
    ///   - id: the new sample's identifier (a random ``Identifier`` when `nil`).
    public static func sample(
        from line: ManifestLine, source: String, datasetID: String, labelingType: LabelingType,
        annotationFiles: [Int: VOCAnnotation] = [:], inferenceLocation: String? = nil, id: String? = nil
    ) -> Imported {
        var labels: [Label] = []
        var ignored = 0
        var imageSize: ImageSize?
        for (index, annotation) in line.annotations.enumerated() {
            guard annotation.type == labelingType else {
                ignored += 1
                continue
            }
            if let voc = annotationFiles[index] {
                imageSize = voc.size
                labels += voc.objects.map { label(from: $0, annotation: annotation) }
            } else if let name = annotation.name {
                labels.append(Label(
                    type: annotation.type, name: name, confidence: annotation.confidence, annotatedBy: annotation.annotatedBy,
                    creationTime: annotation.creationTime, properties: annotation.property, hard: annotation.hard,
                    hardCoefficient: annotation.hardCoefficient))
            }
        }
        let reasons = line.hardReasons ?? []
        var hardExample: HardExampleInfo?
        if line.hard != nil || line.hardCoefficient != nil || !reasons.isEmpty {
            hardExample = HardExampleInfo(
                isHard: line.hard ?? !reasons.isEmpty, coefficient: line.hardCoefficient, reasons: reasons,
                details: reasons.map { HardReasonDetail(reason: $0, suggestion: HardReason.withID($0)?.suggestion) })
        }
        let sample = Sample(
            id: id ?? Identifier.make(), datasetID: datasetID, source: source, state: state(labels: labels, hard: hardExample?.isHard ?? false),
            labels: labels, usage: line.usage, imageSize: imageSize, hardExample: hardExample,
            inferenceLocation: inferenceLocation)
        return Imported(sample: sample, ignoredAnnotations: ignored)
    }

    /// The state a sample with these labels starts in: labeled when a person made or confirmed a label;
    /// to be confirmed when it carries only machine labels or is marked hard without confirmed labels;
    /// unlabeled otherwise.
    public static func state(labels: [Label], hard: Bool) -> SampleState {
        if labels.contains(where: \.isConfirmed) { return .labeled }
        if !labels.isEmpty || hard { return .toBeConfirmed }
        return .unlabeled
    }

    /// A detection label for one VOC object, carrying the manifest annotation's author and time.
    public static func label(from object: VOCObject, annotation: ManifestAnnotation) -> Label {
        Label(
            type: annotation.type, name: object.name, shape: object.shape, confidence: object.confidence,
            annotatedBy: annotation.annotatedBy, creationTime: annotation.creationTime,
            properties: object.properties.isEmpty ? nil : .object(Dictionary(object.properties.map { ($0.key, JSONValue.string($0.value)) }, uniquingKeysWith: { _, last in last })),
            pose: object.pose, truncated: object.truncated, occluded: object.occluded, difficult: object.difficult,
            hard: object.hard, hardCoefficient: object.hardCoefficient, parts: object.parts)
    }

    /// The manifest line for `sample`. Detection labels go to the VOC file at `annotationLocation`.
    ///
    /// - Parameter clearHard: leave out every hard-example field (ModelArts' `clear_hard_property`).
    public static func manifestLine(for sample: Sample, annotationLocation: String?, clearHard: Bool) -> ManifestLine {
        var annotations: [ManifestAnnotation] = []
        for label in sample.labels where label.shape == nil {
            annotations.append(ManifestAnnotation(
                type: label.type, name: label.name, property: label.properties,
                hard: clearHard ? nil : label.hard, hardCoefficient: clearHard ? nil : label.hardCoefficient,
                annotatedBy: label.annotatedBy ?? "human", creationTime: label.creationTime, confidence: label.confidence))
        }
        if let annotationLocation, let first = sample.labels.first(where: { $0.shape != nil }) {
            annotations.append(ManifestAnnotation(
                type: first.type, annotatedBy: first.annotatedBy ?? "human", creationTime: first.creationTime,
                annotationLocation: annotationLocation, annotationFormat: "PASCAL VOC"))
        }
        let hard = clearHard ? nil : sample.hardExample
        return ManifestLine(
            source: sample.source, usage: sample.usage, id: sample.id, annotations: annotations,
            inferenceLocation: sample.inferenceLocation, hard: hard?.isHard, hardCoefficient: hard?.coefficient,
            hardReasons: hard.flatMap { $0.reasons.isEmpty ? nil : $0.reasons })
    }

    /// The VOC file for a sample's detection labels, or `nil` when it has none.
    ///
    /// - Throws: ``ValidationError`` when the image size is unknown (VOC requires it).
    public static func vocAnnotation(for sample: Sample, clearHard: Bool) throws(ValidationError) -> VOCAnnotation? {
        let objects = sample.labels.compactMap { label -> VOCObject? in
            guard let shape = label.shape else { return nil }
            return VOCObject(
                name: label.name, pose: label.pose ?? "Unspecified", truncated: label.truncated, occluded: label.occluded,
                difficult: label.difficult, confidence: label.confidence,
                hardCoefficient: clearHard ? nil : label.hardCoefficient, hard: clearHard ? nil : label.hard,
                shape: shape, parts: label.parts, properties: vocProperties(label.properties))
        }
        guard !objects.isEmpty else { return nil }
        guard let size = sample.imageSize else {
            throw ValidationError(field: "size", message: "sample \(sample.source) has boxes but no known image size, which PASCAL VOC requires")
        }
        let location = try? ResourceLocation(parsing: sample.source, relativeTo: "/")
        let fileName = location?.fileName ?? sample.source
        let folder = sample.source.split(separator: "/").dropLast().last.map(String.init) ?? ""
        return VOCAnnotation(
            folder: folder.isEmpty ? "images" : folder, filename: fileName, sourceDatabase: "Unknown",
            size: ImageSize(width: size.width, height: size.height, depth: size.depth ?? 3), objects: objects)
    }

    private static func vocProperties(_ value: JSONValue?) -> [VOCProperty] {
        guard let members = value?.objectValue else { return [] }
        return members.keys.sorted().map { key in
            let text: String
            switch members[key]! {
            case .string(let s): text = s
            case .number(let n): text = n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
            case .bool(let b): text = b ? "true" : "false"
            default: text = ""
            }
            return VOCProperty(key: key, value: text)
        }
    }
}
