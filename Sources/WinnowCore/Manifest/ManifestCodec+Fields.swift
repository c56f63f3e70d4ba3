/// The keys ``ManifestCodec`` knows, matched directly against the key bytes of a line so that no
/// `String` is created for a known key.
///
/// Multi-word keys match whichever separator they are written with: `hard-coefficient` and
/// `hard_coefficient` (and `error_message` and `error-message`) name the same field.
extension ManifestCodec {
    /// A key of the line object.
    enum LineField {
        case source, usage, id, annotation, inferenceLocation, hard, hardCoefficient, hardReasons
        case sampleType, sourceType, property, result, errorMessage

        /// The field `key` names, in either spelling, or `nil` for a key kept in `extra`.
        static func match(_ key: UnsafeBufferPointer<UInt8>) -> LineField? {
            switch key.count {
            case 2: return key.matches("id") ? .id : nil
            case 4: return key.matches("hard") ? .hard : nil
            case 5: return key.matches("usage") ? .usage : nil
            case 6: return key.matches("source") ? .source : key.matches("result") ? .result : nil
            case 8: return key.matches("property") ? .property : nil
            case 10: return key.matches("annotation") ? .annotation : nil
            case 11: return key.matches("sample-type") ? .sampleType : key.matches("source-type") ? .sourceType : nil
            case 12: return key.matches("hard-reasons") ? .hardReasons : nil
            case 13:
                return key.matches("inference-loc") ? .inferenceLocation : key.matches("error_message") ? .errorMessage : nil
            case 16: return key.matches("hard-coefficient") ? .hardCoefficient : nil
            default: return nil
            }
        }

        /// Whether `key` names a line field in any spelling (such keys are never written from `extra`).
        static func isKnown(_ key: String) -> Bool {
            var key = key
            return key.withUTF8 { match($0) } != nil
        }
    }

    /// A key of an annotation object.
    enum AnnotationField {
        case type, name, id, property, hard, hardCoefficient, annotatedBy, creationTime, confidence
        case annotationLocation, annotationFormat

        /// The field `key` names, in either spelling, or `nil` for a key kept in `extra`.
        static func match(_ key: UnsafeBufferPointer<UInt8>) -> AnnotationField? {
            switch key.count {
            case 2: return key.matches("id") ? .id : nil
            case 4: return key.matches("type") ? .type : key.matches("name") ? .name : key.matches("hard") ? .hard : nil
            case 8: return key.matches("property") ? .property : nil
            case 10: return key.matches("confidence") ? .confidence : nil
            case 12: return key.matches("annotated-by") ? .annotatedBy : nil
            case 13: return key.matches("creation-time") ? .creationTime : nil
            case 14: return key.matches("annotation-loc") ? .annotationLocation : nil
            case 16: return key.matches("hard-coefficient") ? .hardCoefficient : nil
            case 17: return key.matches("annotation-format") ? .annotationFormat : nil
            default: return nil
            }
        }

        /// Whether `key` names an annotation field in any spelling.
        static func isKnown(_ key: String) -> Bool {
            var key = key
            return key.withUTF8 { match($0) } != nil
        }
    }

    /// The labeling type spelled by `bytes` exactly as ModelArts writes it (`modelarts/object_detection`
    /// or `object_detection`); `nil` for any other spelling, which the caller then parses leniently.
    static func exactLabelingType(_ bytes: UnsafeBufferPointer<UInt8>) -> LabelingType? {
        var name = bytes
        let prefix: StaticString = "modelarts/"
        let prefixCount = prefix.utf8CodeUnitCount
        if bytes.count > prefixCount, UnsafeBufferPointer(rebasing: bytes[0..<prefixCount]).matches(prefix) {
            name = UnsafeBufferPointer(rebasing: bytes[prefixCount...])
        }
        switch name.count {
        case 11: return name.matches("text_entity") ? .textEntity : nil
        case 12: return name.matches("text_triplet") ? .textTriplet : nil
        case 13: return name.matches("audio_content") ? .audioContent : nil
        case 16: return name.matches("object_detection") ? .objectDetection : nil
        case 18: return name.matches("image_segmentation") ? .imageSegmentation : name.matches("audio_segmentation") ? .audioSegmentation : nil
        case 19: return name.matches("text_classification") ? .textClassification : nil
        case 20:
            return name.matches("image_classification") ? .imageClassification : name.matches("audio_classification") ? .audioClassification : nil
        default: return nil
        }
    }

    /// The usage spelled by `bytes` in upper case (`TRAIN`), or `nil` for any other spelling.
    static func exactUsage(_ bytes: UnsafeBufferPointer<UInt8>) -> Usage? {
        switch bytes.count {
        case 4: return bytes.matches("EVAL") ? .eval : bytes.matches("TEST") ? .test : nil
        case 5: return bytes.matches("TRAIN") ? .train : nil
        case 9: return bytes.matches("INFERENCE") ? .inference : nil
        default: return nil
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes spell `literal`, where a `-` or `_` in the literal matches either separator.
    @inline(__always)
    func matches(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard count == length else { return false }
        let text = literal.utf8Start
        var index = 0
        while index < length {
            let expected = text[index]
            let actual = self[index]
            if actual != expected {
                let isSeparator = expected == UInt8(ascii: "-") || expected == UInt8(ascii: "_")
                guard isSeparator, actual == UInt8(ascii: "-") || actual == UInt8(ascii: "_") else { return false }
            }
            index += 1
        }
        return true
    }
}
