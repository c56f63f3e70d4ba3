/// Reads and writes PASCAL VOC annotation files the way ModelArts and its dataset SDK do.
///
/// ``decode(_:file:)`` parses the bytes with ``XMLTreeParser`` and checks the rules the ModelArts
/// dataset SDK's VOC parsers (Python `pascal_voc.py`, Java `PascalVocIO.java`) enforce, plus a few
/// stricter ones where a file breaking them could not mean anything. Every problem is a
/// ``CodecError`` naming the line of the offending element and a field path; repeated elements are
/// indexed from 1 as in XPath (`object[2].bndbox.xmin` is in the second object).
///
/// The rules, with where they come from (SDK: the SDK refuses it too; Winnow: stricter than the SDK):
/// - The root element is `annotation` (SDK, Java reads `annotation`).
/// - `folder` and `filename` are present and not empty (SDK refuses empty; Winnow refuses missing).
/// - `source/database` is present and not empty (Winnow: the SDK only logs an empty database; every
///   ModelArts writer puts `Unknown` there). `source/annotation` and `source/image` are optional;
///   empty counts as absent (SDK).
/// - `size` holds integer `width` and `height` above 0 and an integer `depth` of at least 0, where
///   0 means unknown and reads as `nil` (the Python SDK writes 0 when it does not know the depth).
///   Empty is refused (SDK); missing, non-integer and out-of-range values are refused (Winnow).
/// - `segmented` is present and is 0 or 1 (SDK refuses empty; Winnow refuses missing and other values).
/// - `path` and `mask_source` are optional; empty counts as absent.
/// - A file may hold no object at all (SDK). See `VOCCodec+Object.swift` for objects and parts and
///   `VOCCodec+Shape.swift` for shapes.
/// - All text is read without surrounding whitespace; a leaf field holding elements is refused.
/// - A single-valued field written twice is refused (Winnow: the SDK keeps the last one).
/// - Element names are case-sensitive. A known name in another case (`<BndBox>`) is refused
///   (Winnow: the Java SDK accepts it, the Python SDK ignores it); other unknown elements are
///   ignored, as in the SDK (for instance the `owner` of original PASCAL files).
/// - Coordinates outside the image are accepted, as ModelArts accepts them.
public enum VOCCodec {
    /// Decodes a VOC file and checks it.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes, UTF-8 XML.
    ///   - file: the file name to put in errors, if known.
    /// - Throws: ``CodecError`` naming the line and field of the first problem.
    public static func decode(_ bytes: [UInt8], file: String? = nil) throws(CodecError) -> VOCAnnotation {
        let root = try XMLTreeParser.parse(bytes, file: file)
        return try VOCReader(file: file).annotation(root)
    }

    /// Encodes an annotation as a pretty-printed VOC file (UTF-8, four-space indentation) that
    /// ModelArts and its SDK read, with shapes written as the SDK writes them.
    ///
    /// For every annotation that ``decode(_:file:)`` accepts, decoding the result gives it back.
    /// Text is escaped; characters XML cannot hold become U+FFFD. Optional texts that are empty are
    /// left out, and a `nil` depth is written as 0, as the SDK does.
    public static func encode(_ annotation: VOCAnnotation) -> String {
        var writer = VOCWriter()
        writer.write(annotation)
        return writer.output
    }
}

extension VOCReader {
    /// The children of `annotation` Winnow knows.
    static let annotationFields: Set<String> = [
        "folder", "filename", "path", "source", "size", "segmented", "mask_source", "object",
    ]

    /// Decodes the root element of a VOC file.
    func annotation(_ root: XMLTreeElement) throws(CodecError) -> VOCAnnotation {
        guard root.name == "annotation" else {
            throw error(root, nil, "the root element is <\(root.name)>; a PASCAL VOC file's root element is <annotation>")
        }
        try refuseCaseVariants(in: root, known: Self.annotationFields, path: "")
        let folder = try requiredText("folder", in: root, path: "")
        let filename = try requiredText("filename", in: root, path: "")
        let path = try optionalText("path", in: root, path: "", emptyIsAbsent: true)

        let source = try required("source", in: root, path: "")
        let database = try requiredText("database", in: source, path: "source")
        let sourceAnnotation = try optionalText("annotation", in: source, path: "source", emptyIsAbsent: true)
        let sourceImage = try optionalText("image", in: source, path: "source", emptyIsAbsent: true)

        let size = try imageSize(try required("size", in: root, path: ""))
        let segmentedElement = try required("segmented", in: root, path: "")
        let segmented = try flag(segmentedElement, field: "segmented")
        let maskSource = try optionalText("mask_source", in: root, path: "", emptyIsAbsent: true)

        var objects: [VOCObject] = []
        for element in root.children where element.name == "object" {
            objects.append(try object(element, path: "object[\(objects.count + 1)]"))
        }
        return VOCAnnotation(
            folder: folder,
            filename: filename,
            path: path,
            sourceDatabase: database,
            sourceAnnotation: sourceAnnotation,
            sourceImage: sourceImage,
            size: size,
            segmented: segmented,
            maskSource: maskSource,
            objects: objects
        )
    }

    /// `size`: `width`, `height` above 0; `depth` 0 (unknown) or more.
    private func imageSize(_ size: XMLTreeElement) throws(CodecError) -> ImageSize {
        var values: [Int] = []
        for name in ["width", "height", "depth"] {
            let element = try required(name, in: size, path: "size")
            let field = "size." + name
            let value = try integer(element, field: field)
            let minimum = name == "depth" ? 0 : 1
            guard value >= minimum else {
                throw error(element, field, "\(name) must be \(minimum == 0 ? "0 or more" : "above 0"), found \(value)")
            }
            values.append(value)
        }
        return ImageSize(width: values[0], height: values[1], depth: values[2] == 0 ? nil : values[2])
    }
}
