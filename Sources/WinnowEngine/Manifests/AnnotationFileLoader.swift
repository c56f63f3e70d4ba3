public import WinnowCore
public import WinnowObjects

/// Resolves and parses the PASCAL VOC files that manifest annotations name, remembering recent ones
/// (many lines often share one file).
public actor AnnotationFileLoader {
    private let reader: any ResourceReader
    private var cache: [ResourceLocation: Result<VOCAnnotation, CodecError>] = [:]
    private var order: [ResourceLocation] = []
    private let cacheSize = 256

    /// The largest VOC file read (8 MiB).
    public static let maximumSize = 8 * 1024 * 1024

    public init(reader: any ResourceReader) {
        self.reader = reader
    }

    /// Whether `line` has an annotation whose file ``load(_:manifestDirectory:file:lineNumber:only:)``
    /// would read: callers skip the actor hop for the (common) lines without one.
    public nonisolated static func needsFiles(_ line: ManifestLine, only type: LabelingType? = nil) -> Bool {
        line.annotations.contains {
            ($0.type == .objectDetection || $0.type == .imageSegmentation) && (type == nil || $0.type == type)
        }
    }

    /// Parses every detection/segmentation annotation's `annotation-loc` of `line`.
    ///
    /// - Parameters:
    ///   - manifestDirectory: the folder relative `annotation-loc` values are resolved against.
    ///   - file, lineNumber: where the line is, for errors.
    ///   - type: only annotations of this type (all types when `nil`).
    /// - Returns: the parsed files by annotation index, or the first problem.
    public func load(
        _ line: ManifestLine, manifestDirectory: String?, file: String, lineNumber: Int, only type: LabelingType? = nil
    ) async -> Result<[Int: VOCAnnotation], CodecError> {
        var files: [Int: VOCAnnotation] = [:]
        for (index, annotation) in line.annotations.enumerated() {
            guard annotation.type == .objectDetection || annotation.type == .imageSegmentation else { continue }
            if let type, annotation.type != type { continue }
            let field = "annotation[\(index)].annotation-loc"
            guard let text = annotation.annotationLocation else {
                return .failure(CodecError(file: file, line: lineNumber, field: field, message: "is missing; \(annotation.type.rawValue) annotations need a PASCAL VOC file"))
            }
            let location: ResourceLocation
            do {
                location = try ResourceLocation(parsing: text, relativeTo: manifestDirectory, field: field)
            } catch {
                return .failure(CodecError(file: file, line: lineNumber, field: error.field, message: error.message))
            }
            switch await parse(location) {
            case .success(let voc): files[index] = voc
            case .failure(let error):
                var located = error
                if located.file == nil {
                    located = CodecError(file: file, line: lineNumber, field: field, message: error.message)
                } else {
                    located.message += " (named by \(file):\(lineNumber) \(field))"
                }
                return .failure(located)
            }
        }
        return .success(files)
    }

    /// Reads and parses one VOC file.
    public func parse(_ location: ResourceLocation) async -> Result<VOCAnnotation, CodecError> {
        if let cached = cache[location] { return cached }
        let result: Result<VOCAnnotation, CodecError>
        do {
            let bytes = try await reader.bytes(of: location, maximumSize: Self.maximumSize)
            do throws(CodecError) {
                result = .success(try VOCCodec.decode(bytes, file: location.description))
            } catch {
                result = .failure(error.located(file: location.description))
            }
        } catch {
            result = .failure(CodecError(message: "cannot read the annotation file: \(error)"))
        }
        cache[location] = result
        order.append(location)
        if order.count > cacheSize { cache[order.removeFirst()] = nil }
        return result
    }
}
