/// Decodes one manifest line straight from its bytes, without building a generic JSON tree for the
/// fields it knows: keys are matched as bytes, and the annotation type and usage are recognised
/// without creating strings.
///
/// Syntax errors win over field errors: the whole line is read first, and the first field problem
/// met is thrown only if the line is valid JSON.
struct ManifestLineDecoder {
    private var scanner: JSONScanner
    /// The first field problem met; thrown once the line has been read to its end.
    private var problem: CodecError?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        scanner = JSONScanner(bytes, maximumDepth: JSONParser.defaultMaximumDepth)
    }

    /// Reads the line. Errors have no `line` or `file` yet.
    mutating func decode() throws(CodecError) -> ManifestLine {
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "{") else {
            let value = try scanner.parseValue(depth: 0)
            try scanner.expectEnd()
            throw CodecError(message: "expected a JSON object, got \(ManifestCodec.describe(value))")
        }
        scanner.position += 1
        var line = ManifestLine(source: "")
        var hasSource = false
        if !scanner.scanEmptyObjectEnd() {
            repeat {
                let key = try scanner.scanMemberKey()
                guard let field = matchKey(key, ManifestCodec.LineField.match) else {
                    let name = scanner.makeString(key)
                    line.extra[name] = try scanner.parseValue(depth: 1)
                    continue
                }
                if field == .source { hasSource = true }
                try decodeLineField(field, key: key, into: &line)
            } while try scanner.scanObjectContinuation()
        }
        try scanner.expectEnd()
        if let problem { throw problem }
        guard hasSource else { throw CodecError(field: "source", message: "missing mandatory field") }
        return line
    }

    // MARK: Line fields

    private mutating func decodeLineField(
        _ field: ManifestCodec.LineField,
        key: Range<Int>?,
        into line: inout ManifestLine
    ) throws(CodecError) {
        if field == .annotation {
            line.annotations = try decodeAnnotations()
            return
        }
        if field == .usage, let usage = try scanExactString(ManifestCodec.exactUsage) {
            line.usage = usage
            return
        }
        let value = try scanner.parseValue(depth: 1)
        let name = FieldName(bytes: scanner.bytes, key: key, canonical: field.canonicalName)
        switch field {
        case .source: line.source = attempt { () throws(CodecError) in try ManifestCodec.nonEmptyString(value, field: name.text) } ?? ""
        case .usage: line.usage = attempt { () throws(CodecError) in try ManifestCodec.usage(value, field: name.text) } ?? nil
        case .id: line.id = attempt { () throws(CodecError) in try ManifestCodec.optionalString(value, field: name.text) } ?? nil
        case .inferenceLocation:
            line.inferenceLocation = attempt { () throws(CodecError) in try ManifestCodec.optionalString(value, field: name.text) } ?? nil
        case .hard: line.hard = attempt { () throws(CodecError) in try ManifestCodec.flag(value, field: name.text) } ?? nil
        case .hardCoefficient:
            line.hardCoefficient = attempt { () throws(CodecError) in try ManifestCodec.unitInterval(value, field: name.text) } ?? nil
        case .hardReasons: line.hardReasons = attempt { () throws(CodecError) in try ManifestCodec.reasons(value, field: name.text) } ?? nil
        case .sampleType: line.sampleType = attempt { () throws(CodecError) in try ManifestCodec.integer(value, field: name.text) } ?? nil
        case .sourceType: line.sourceType = attempt { () throws(CodecError) in try ManifestCodec.optionalString(value, field: name.text) } ?? nil
        case .property: line.property = value
        case .result: line.result = attempt { () throws(CodecError) in try ManifestCodec.optionalString(value, field: name.text) } ?? nil
        case .errorMessage:
            line.errorMessage = attempt { () throws(CodecError) in try ManifestCodec.optionalString(value, field: name.text) } ?? nil
        case .annotation: break
        }
    }

    /// Reads the `annotation` value: an array of annotation objects, or `null` (no annotations).
    private mutating func decodeAnnotations() throws(CodecError) -> [ManifestAnnotation] {
        guard scanner.current == UInt8(ascii: "[") else {
            let value = try scanner.parseValue(depth: 1)
            if value != .null {
                note(CodecError(field: "annotation", message: "expected an array of annotation objects, got \(ManifestCodec.describe(value))"))
            }
            return []
        }
        try scanner.checkDepth(2)
        scanner.position += 1
        var annotations: [ManifestAnnotation] = []
        if scanner.scanEmptyArrayEnd() { return annotations }
        var index = 0
        repeat {
            if scanner.current == UInt8(ascii: "{") {
                if let annotation = try decodeAnnotation(index: index) { annotations.append(annotation) }
            } else {
                let value = try scanner.parseValue(depth: 2)
                note(CodecError(field: "annotation[\(index)]", message: "expected an annotation object, got \(ManifestCodec.describe(value))"))
            }
            index += 1
        } while try scanner.scanArrayContinuation()
        return annotations
    }

    // MARK: Annotation fields

    /// Reads one annotation object whose `{` is at the cursor; `nil` when it has a problem (noted).
    private mutating func decodeAnnotation(index: Int) throws(CodecError) -> ManifestAnnotation? {
        try scanner.checkDepth(3)
        scanner.position += 1
        var annotation = ManifestAnnotation(type: .imageClassification)
        var type: LabelingType?
        var hasType = false
        if !scanner.scanEmptyObjectEnd() {
            repeat {
                let key = try scanner.scanMemberKey()
                guard let field = matchKey(key, ManifestCodec.AnnotationField.match) else {
                    let name = scanner.makeString(key)
                    annotation.extra[name] = try scanner.parseValue(depth: 3)
                    continue
                }
                let name = FieldName(bytes: scanner.bytes, key: key, canonical: field.canonicalName, annotationIndex: index)
                if field == .type {
                    hasType = true
                    type = try decodeType(field: name)
                    continue
                }
                let value = try scanner.parseValue(depth: 3)
                switch field {
                case .type: break
                case .name: annotation.name = attempt { () throws(CodecError) in try ManifestCodec.optionalString(value, field: name.text) } ?? nil
                case .id: annotation.id = attempt { () throws(CodecError) in try ManifestCodec.optionalString(value, field: name.text) } ?? nil
                case .property: annotation.property = value
                case .hard: annotation.hard = attempt { () throws(CodecError) in try ManifestCodec.flag(value, field: name.text) } ?? nil
                case .hardCoefficient:
                    annotation.hardCoefficient = attempt { () throws(CodecError) in try ManifestCodec.unitInterval(value, field: name.text) } ?? nil
                case .annotatedBy:
                    annotation.annotatedBy = attempt { () throws(CodecError) in try ManifestCodec.optionalString(value, field: name.text) } ?? nil
                case .creationTime:
                    annotation.creationTime = attempt { () throws(CodecError) in try ManifestCodec.optionalString(value, field: name.text) } ?? nil
                case .confidence:
                    annotation.confidence = attempt { () throws(CodecError) in try ManifestCodec.unitInterval(value, field: name.text) } ?? nil
                case .annotationLocation:
                    annotation.annotationLocation =
                        attempt { () throws(CodecError) in try ManifestCodec.optionalString(value, field: name.text) } ?? nil
                case .annotationFormat:
                    annotation.annotationFormat =
                        attempt { () throws(CodecError) in try ManifestCodec.optionalString(value, field: name.text) } ?? nil
                }
            } while try scanner.scanObjectContinuation()
        }
        guard hasType else {
            note(CodecError(field: "annotation[\(index)].type", message: "missing mandatory field"))
            return nil
        }
        guard let type else { return nil }
        annotation.type = type
        checkMandatoryFields(of: annotation, index: index)
        return annotation
    }

    /// Reads an annotation's `type`, recognising ModelArts' own spelling without creating a string.
    private mutating func decodeType(field: FieldName) throws(CodecError) -> LabelingType? {
        if let type = try scanExactString(ManifestCodec.exactLabelingType) { return type }
        let value = try scanner.parseValue(depth: 3)
        return attempt { () throws(CodecError) in try ManifestCodec.labelingType(value, field: field.text) }
    }

    /// Classification needs a non-empty `name`; detection and segmentation need `annotation-loc`.
    private mutating func checkMandatoryFields(of annotation: ManifestAnnotation, index: Int) {
        switch annotation.type {
        case .imageClassification, .textClassification, .audioClassification:
            if annotation.name == nil {
                note(CodecError(field: "annotation[\(index)].name", message: "missing mandatory field for \(annotation.type.annotationType)"))
            } else if annotation.name == "" {
                note(CodecError(field: "annotation[\(index)].name", message: "expected a non-empty class name, got string \"\""))
            }
        case .objectDetection, .imageSegmentation:
            if annotation.annotationLocation == nil {
                note(CodecError(
                    field: "annotation[\(index)].annotation-loc",
                    message: "missing mandatory field for \(annotation.type.annotationType)"
                ))
            } else if annotation.annotationLocation == "" {
                note(CodecError(field: "annotation[\(index)].annotation-loc", message: "expected a non-empty location, got string \"\""))
            }
        default:
            break
        }
    }

    // MARK: Helpers

    /// If a string without escapes is at the cursor and `recognise` knows its bytes, consumes it and
    /// returns the result; otherwise leaves the cursor where it was and returns `nil`.
    private mutating func scanExactString<T>(_ recognise: (UnsafeBufferPointer<UInt8>) -> T?) throws(CodecError) -> T? {
        guard scanner.current == UInt8(ascii: "\"") else { return nil }
        let start = scanner.position
        if let range = try scanner.scanString(), let value = recognise(UnsafeBufferPointer(rebasing: scanner.bytes[range])) {
            return value
        }
        scanner.position = start
        return nil
    }

    /// Matches a key, raw or decoded into the scanner's scratch buffer, against a field table.
    private func matchKey<Field>(_ key: Range<Int>?, _ match: (UnsafeBufferPointer<UInt8>) -> Field?) -> Field? {
        if let key { return match(UnsafeBufferPointer(rebasing: scanner.bytes[key])) }
        return scanner.scratch.withUnsafeBufferPointer(match)
    }

    /// Runs `body`, noting its error (if it is the first) instead of throwing it.
    private mutating func attempt<T>(_ body: () throws(CodecError) -> T) -> T? {
        do throws(CodecError) {
            return try body()
        } catch {
            note(error)
            return nil
        }
    }

    private mutating func note(_ error: CodecError) {
        if problem == nil { problem = error }
    }
}

/// A field's path for error messages, made only when an error needs it: the key as the line spells
/// it (the canonical spelling if the key had escapes), prefixed by `annotation[i].` inside annotations.
private struct FieldName {
    let bytes: UnsafeBufferPointer<UInt8>
    let key: Range<Int>?
    let canonical: String
    var annotationIndex: Int?

    var text: String {
        let spelled = key.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) } ?? canonical
        guard let annotationIndex else { return spelled }
        return "annotation[\(annotationIndex)]." + spelled
    }
}

extension ManifestCodec.LineField {
    /// The spelling ModelArts writes.
    var canonicalName: String {
        switch self {
        case .source: "source"
        case .usage: "usage"
        case .id: "id"
        case .annotation: "annotation"
        case .inferenceLocation: "inference-loc"
        case .hard: "hard"
        case .hardCoefficient: "hard-coefficient"
        case .hardReasons: "hard-reasons"
        case .sampleType: "sample-type"
        case .sourceType: "source-type"
        case .property: "property"
        case .result: "result"
        case .errorMessage: "error_message"
        }
    }
}

extension ManifestCodec.AnnotationField {
    /// The spelling ModelArts writes.
    var canonicalName: String {
        switch self {
        case .type: "type"
        case .name: "name"
        case .id: "id"
        case .property: "property"
        case .hard: "hard"
        case .hardCoefficient: "hard-coefficient"
        case .annotatedBy: "annotated-by"
        case .creationTime: "creation-time"
        case .confidence: "confidence"
        case .annotationLocation: "annotation-loc"
        case .annotationFormat: "annotation-format"
        }
    }
}
