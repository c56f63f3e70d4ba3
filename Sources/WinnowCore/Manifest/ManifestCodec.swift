/// Reads and writes single lines of a ModelArts manifest (JSON Lines, one sample per line).
///
/// **Reading** is strict JSON (see ``JSONParser``) and lenient about spelling, as ModelArts is:
/// - The line must be a JSON object with a non-empty string `source`.
/// - Every multi-word key is accepted with a hyphen or an underscore (`annotation-loc`/`annotation_loc`,
///   `inference-loc`, `hard-coefficient`, `hard-reasons`, `annotated-by`, `creation-time`,
///   `annotation-format`, `sample-type`, `source-type`, `error_message`/`error-message`). When a key
///   appears twice, in the same or another spelling, the last one wins.
/// - `null` means "absent" for every typed field.
/// - `usage` is read in any case. An empty string and `"all"` (the ModelArts SDK's "every usage") mean no
///   particular usage (`nil`); anything else that is not TRAIN, EVAL, TEST or INFERENCE is an error.
/// - `hard` is a boolean, `"true"`/`"false"` in any case, `"1"`/`"0"`, or the number 1/0.
/// - `hard-coefficient` and `confidence` are numbers (or numeric strings) in [0, 1].
/// - `hard-reasons` is `"3-20-21"` or `[3, 20, 21]`, codes 0–30, read as sorted unique codes.
/// - `sample-type` is an integer (or a numeric string).
/// - `annotation` is an array of objects; absent, `null` or empty means no annotations. Each needs a
///   `type` (`modelarts/<name>` or the bare name); classification types need a non-empty `name`,
///   object detection and image segmentation need `annotation-loc`.
/// - `property` (line or annotation) is kept as whatever JSON it is: real exports write it as an object
///   or as a JSON-encoded string.
/// - Unknown keys are kept in `extra`, on the line and on each annotation.
///
/// Every error is a ``CodecError`` with `line`, `file` (when given) and, for field problems, the `field`
/// path (`annotation[0].confidence`) and a message saying what was found
/// (`expected a number in [0, 1], got string "high"`). A line that is not valid JSON reports the
/// byte column instead of a field.
///
/// **Writing** produces compact JSON in a stable key order with the spellings ModelArts writes
/// (`inference-loc`, `hard-coefficient`, `hard-reasons` as `"3-20-21"`, `hard` as the string
/// `"true"`/`"false"`, `annotated-by`, `creation-time`, `annotation-loc`, `annotation-format`,
/// `error_message`), then the `extra` keys sorted. `extra` keys that name a known field in either
/// spelling are not written. For every line that reads back at all,
/// `decodeLine(encodeLine(line)) == line`.
public enum ManifestCodec {
    /// Decodes one manifest line.
    /// - Parameters:
    ///   - bytes: the line's UTF-8 bytes, without the line break.
    ///   - line: the 1-based line number, put into errors.
    ///   - file: the file name, put into errors when given.
    public static func decodeLine(
        _ bytes: UnsafeBufferPointer<UInt8>,
        line: Int,
        file: String? = nil
    ) throws(CodecError) -> ManifestLine {
        do throws(CodecError) {
            var decoder = ManifestLineDecoder(bytes)
            return try decoder.decode()
        } catch {
            throw error.located(file: file, line: line)
        }
    }

    /// Decodes one manifest line from any collection of bytes (`[UInt8]`, `ArraySlice<UInt8>`, `Data`, …).
    public static func decodeLine(
        _ bytes: some Collection<UInt8>,
        line: Int,
        file: String? = nil
    ) throws(CodecError) -> ManifestLine {
        try withContiguousBytes(bytes) { buffer in
            Result { () throws(CodecError) in try decodeLine(buffer, line: line, file: file) }
        }.get()
    }

    /// Decodes one manifest line given as text.
    public static func decodeLine(_ text: String, line: Int, file: String? = nil) throws(CodecError) -> ManifestLine {
        try decodeLine(text.utf8, line: line, file: file)
    }

    /// Decodes a line as ``ManifestLineSplitter`` hands it out.
    public static func decodeLine(_ raw: ManifestRawLine, file: String? = nil) throws(CodecError) -> ManifestLine {
        try decodeLine(raw.bytes, line: raw.number, file: file)
    }

    /// Encodes one manifest line as compact JSON, without a trailing newline.
    public static func encodeLine(_ line: ManifestLine) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        encodeLine(line, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends one manifest line as compact JSON UTF-8 to `output`, without a trailing newline.
    public static func encodeLine(_ line: ManifestLine, into output: inout [UInt8]) {
        output.append(contentsOf: #"{"source":"#.utf8)
        JSONWriter.writeString(line.source, into: &output)
        writeString(line.id, key: "id", into: &output)
        if let usage = line.usage { writeString(usage.rawValue, key: "usage", into: &output) }
        if let sampleType = line.sampleType {
            writeKey("sample-type", into: &output)
            output.append(contentsOf: String(sampleType).utf8)
        }
        writeString(line.sourceType, key: "source-type", into: &output)
        writeValue(line.property, key: "property", into: &output)
        if !line.annotations.isEmpty {
            writeKey("annotation", into: &output)
            output.append(UInt8(ascii: "["))
            for (index, annotation) in line.annotations.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                encodeAnnotation(annotation, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        }
        writeString(line.inferenceLocation, key: "inference-loc", into: &output)
        if let hard = line.hard { writeString(hard ? "true" : "false", key: "hard", into: &output) }
        writeNumber(line.hardCoefficient, key: "hard-coefficient", into: &output)
        if let reasons = line.hardReasons { writeString(HardReason.formatList(reasons), key: "hard-reasons", into: &output) }
        writeString(line.result, key: "result", into: &output)
        writeString(line.errorMessage, key: "error_message", into: &output)
        writeExtra(line.extra, skipping: LineField.isKnown, into: &output)
        output.append(UInt8(ascii: "}"))
    }

    private static func encodeAnnotation(_ annotation: ManifestAnnotation, into output: inout [UInt8]) {
        output.append(contentsOf: #"{"type":"#.utf8)
        JSONWriter.writeString(annotation.type.annotationType, into: &output)
        writeString(annotation.name, key: "name", into: &output)
        writeString(annotation.id, key: "id", into: &output)
        writeValue(annotation.property, key: "property", into: &output)
        writeString(annotation.annotationLocation, key: "annotation-loc", into: &output)
        writeString(annotation.annotationFormat, key: "annotation-format", into: &output)
        writeNumber(annotation.confidence, key: "confidence", into: &output)
        if let hard = annotation.hard { writeString(hard ? "true" : "false", key: "hard", into: &output) }
        writeNumber(annotation.hardCoefficient, key: "hard-coefficient", into: &output)
        writeString(annotation.annotatedBy, key: "annotated-by", into: &output)
        writeString(annotation.creationTime, key: "creation-time", into: &output)
        writeExtra(annotation.extra, skipping: AnnotationField.isKnown, into: &output)
        output.append(UInt8(ascii: "}"))
    }

    // MARK: Writing members (each after a first member, so each starts with a comma)

    private static func writeKey(_ key: StaticString, into output: inout [UInt8]) {
        output.append(UInt8(ascii: ","))
        output.append(UInt8(ascii: "\""))
        output.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        output.append(UInt8(ascii: "\""))
        output.append(UInt8(ascii: ":"))
    }

    private static func writeString(_ value: String?, key: StaticString, into output: inout [UInt8]) {
        guard let value else { return }
        writeKey(key, into: &output)
        JSONWriter.writeString(value, into: &output)
    }

    private static func writeNumber(_ value: Double?, key: StaticString, into output: inout [UInt8]) {
        guard let value else { return }
        writeKey(key, into: &output)
        JSONWriter.writeNumber(value, into: &output)
    }

    private static func writeValue(_ value: JSONValue?, key: StaticString, into output: inout [UInt8]) {
        guard let value else { return }
        writeKey(key, into: &output)
        JSONWriter.write(value, into: &output)
    }

    private static func writeExtra(_ extra: [String: JSONValue], skipping isKnown: (String) -> Bool, into output: inout [UInt8]) {
        guard !extra.isEmpty else { return }
        for key in extra.keys.sorted() where !isKnown(key) {
            guard let value = extra[key] else { continue }
            output.append(UInt8(ascii: ","))
            JSONWriter.writeString(key, into: &output)
            output.append(UInt8(ascii: ":"))
            JSONWriter.write(value, into: &output)
        }
    }
}
