import Foundation
public import WinnowCore
public import WinnowObjects

/// Reads a training-set manifest for hard-example filtering, refusing one that is missing, empty,
/// broken or of the wrong type with a message naming the file and line.
public struct TrainingSetReader: Sendable {
    let reader: any ResourceReader

    public init(reader: any ResourceReader) {
        self.reader = reader
    }

    /// Reads the manifest at `path`: an absolute local path, or an `s3://`/`obs://` URI (whose lines must
    /// then name their files by absolute URIs: an object has no folder to resolve `./a.jpg` against).
    public func read(_ path: String, type: LabelingType) async throws -> TrainingSet {
        let location: ResourceLocation
        let directory: String?
        if path.contains("://") {
            do {
                location = try ResourceLocation(parsing: path, relativeTo: nil, field: "training manifest")
            } catch {
                throw EngineError(.invalidInput, "training manifest \(path): \(error.message)")
            }
            directory = nil
        } else {
            guard FileManager.default.fileExists(atPath: path) else {
                throw EngineError(.invalidInput, "training manifest \(path) does not exist")
            }
            location = .file(path)
            directory = (path as NSString).deletingLastPathComponent
        }
        let loader = AnnotationFileLoader(reader: reader)
        var labels: [String] = []
        var samples = 0
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
            samples += 1
            if type == .objectDetection {
                switch await loader.load(line, manifestDirectory: directory, file: path, lineNumber: number, only: type) {
                case .failure(let error): throw EngineError(.invalidInput, "training manifest \(path) names a broken annotation file", problems: [error])
                case .success(let files): labels += files.values.flatMap { $0.objects.map(\.name) }
                }
            } else {
                labels += relevant.compactMap(\.name)
            }
        }
        guard lines > 0 else { throw EngineError(.invalidInput, "training manifest \(path) is empty") }
        guard samples > 0 else {
            throw EngineError(.invalidInput, "training manifest \(path) has no \(type.rawValue) annotations; it does not fit a \(type.rawValue) model")
        }
        return TrainingSet(labels: labels, samples: samples)
    }
}
