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

    public func read(_ path: String, type: LabelingType) async throws -> TrainingSet {
        guard FileManager.default.fileExists(atPath: path) else {
            throw EngineError(.invalidInput, "training manifest \(path) does not exist")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let loader = AnnotationFileLoader(reader: reader)
        var labels: [String] = []
        var samples = 0
        var lines = 0
        try await ManifestStream(reader: reader).forEachLine(of: .file(path), file: path) { number, result in
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
