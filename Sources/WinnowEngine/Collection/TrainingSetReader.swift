import Foundation
public import WinnowCore
public import WinnowObjects

/// The labelled data a model was trained on, read from its manifest: one item per image with its
/// labels (classification) or boxes and size (detection, from the VOC files).
public struct TrainingSet: Sendable {
    /// One training image.
    public struct Item: Sendable, Hashable {
        /// Its labels or boxes (and the VOC size); pixel measurements are added by mining.
        public var reference: ReferenceItem
        /// The image's local path, when it is a local file.
        public var imagePath: String?
        /// Where the image is (a local path, or an object mining fetches through its image reader).
        public var imageLocation: ResourceLocation?
    }

    /// The images with an annotation of the model's type, in manifest order.
    public var items: [Item]

    /// Class name of each training image (classification) or of each box (detection).
    public var labels: [String] {
        items.flatMap { $0.reference.classLabels + $0.reference.boxes.map(\.label) }
    }

    /// The number of training images.
    public var samples: Int { items.count }
}

/// Reads a training-set manifest for hard-example mining, refusing one that is missing, empty,
/// broken or of the wrong type with a message naming the file and line.
public struct TrainingSetReader: Sendable {
    let reader: any ResourceReader

    public init(reader: any ResourceReader) {
        self.reader = reader
    }

    /// Reads the manifest at `path`: an absolute local path, or an `s3://`/`obs://` URI (whose lines must
    /// may name their files relative to its own prefix: `./a.jpg` beside `s3://b/train/x.manifest` is `s3://b/train/a.jpg`).
    public func read(_ path: String, type: LabelingType) async throws -> TrainingSet {
        let location: ResourceLocation
        let directory: String?
        if path.contains("://") {
            do {
                location = try ResourceLocation(parsing: path, relativeTo: nil, field: "training manifest")
            } catch {
                throw EngineError(.invalidInput, "training manifest \(path): \(error.message)")
            }
            directory = Self.objectFolder(of: location)
        } else {
            guard FileManager.default.fileExists(atPath: path) else {
                throw EngineError(.invalidInput, "training manifest \(path) does not exist")
            }
            location = .file(path)
            directory = (path as NSString).deletingLastPathComponent
        }
        let loader = AnnotationFileLoader(reader: reader)
        var items: [TrainingSet.Item] = []
        var lines = 0
        try await ManifestStream(reader: reader).forEachLine(of: location, file: path) { number, result in
            lines += 1
            let line: ManifestLine
            switch result {
            case .failure(let error): throw EngineError(.invalidInput, "training manifest \(path) has an invalid line", problems: [error])
            case .success(let value): line = value
            }
            let relevant = line.annotations.filter { $0.type == type }
            guard !relevant.isEmpty else { return }
            let location = try? ResourceLocation(parsing: line.source, relativeTo: directory)
            let image = location?.filePath
            if type == .objectDetection {
                switch await loader.load(line, manifestDirectory: directory, file: path, lineNumber: number, only: type) {
                case .failure(let error): throw EngineError(.invalidInput, "training manifest \(path) names a broken annotation file", problems: [error])
                case .success(let files):
                    let annotations = files.keys.sorted().compactMap { files[$0] }
                    let boxes = annotations.flatMap { voc in voc.objects.map { ReferenceItem.LabeledBox(label: $0.name, box: BoundingBox($0.shape)) } }
                    let size = annotations.first { $0.size.width > 0 && $0.size.height > 0 }?.size
                    items.append(TrainingSet.Item(reference: ReferenceItem(boxes: boxes, imageSize: size), imagePath: image, imageLocation: location))
                }
            } else {
                items.append(TrainingSet.Item(reference: ReferenceItem(classLabels: relevant.compactMap(\.name)), imagePath: image, imageLocation: location))
            }
        }
        guard lines > 0 else { throw EngineError(.invalidInput, "training manifest \(path) is empty") }
        guard !items.isEmpty else {
            throw EngineError(.invalidInput, "training manifest \(path) has no \(type.rawValue) annotations; it does not fit a \(type.rawValue) model")
        }
        return TrainingSet(items: items)
    }
}

extension TrainingSetReader {
    /// The prefix an object manifest's relative paths resolve against: its URI without the last segment.
    static func objectFolder(of location: ResourceLocation) -> String? {
        guard case .object(let scheme, let bucket, let key) = location else { return nil }
        let folder = key.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return "\(scheme)://\(bucket)/\(folder)"
    }
}
