import Foundation
public import WinnowCore
public import WinnowObjects

/// The entries of a batch output as ModelArts writes it: an output folder holding
/// `infer-result-{run}.manifest` (or its `_1`, `_2`, … parts), or one such manifest named directly.
/// `source` and `inference-loc` are resolved against the manifest's own folder.
public struct BatchOutputEntries: MiningEntrySource {
    /// The manifests to read, in order.
    public let manifests: [String]
    let reader: any ResourceReader

    /// The output at `path` (a folder or a manifest file).
    /// - Throws: ``EngineError`` when the path does not exist or the folder holds no output manifest.
    public init(path: String, reader: any ResourceReader) throws {
        let absolute = ResourceLocationPath.absolute(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            throw EngineError(.invalidInput, "\(path) does not exist; --predictions takes a batch output folder or its infer-result manifest")
        }
        if isDirectory.boolValue {
            let found = try BatchServiceManager.outputManifests(in: absolute)
            guard !found.isEmpty else {
                throw EngineError(.invalidInput, "\(path) holds no infer-result-*.manifest; it is not a batch service's output")
            }
            manifests = found.map { absolute + "/" + $0.name }
        } else {
            manifests = [absolute]
        }
        self.reader = reader
    }

    public func forEachChunk(chunkSize: Int, _ body: ([MiningEntry]) async throws -> Void) async throws {
        var chunk: [MiningEntry] = []
        chunk.reserveCapacity(chunkSize)
        var index = 0
        for manifest in manifests {
            let folder = (manifest as NSString).deletingLastPathComponent
            try await ManifestStream(reader: reader).forEachLine(of: .file(manifest), file: manifest) { number, decoded in
                let line: ManifestLine
                switch decoded {
                case .failure(let error): throw EngineError(.invalidInput, "\(manifest) has an invalid line", problems: [error])
                case .success(let value): line = value
                }
                chunk.append(try Self.entry(line, index: index, folder: folder, file: manifest, number: number))
                index += 1
                if chunk.count >= chunkSize {
                    try await body(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
        }
        if !chunk.isEmpty { try await body(chunk) }
    }

    static func entry(_ line: ManifestLine, index: Int, folder: String, file: String, number: Int) throws -> MiningEntry {
        func invalid(_ field: String, _ message: String) -> EngineError {
            EngineError(.invalidInput, "\(file) has an invalid line", problems: [CodecError(file: file, line: number, field: field, message: message)])
        }
        let image: ResourceLocation
        do throws(ValidationError) {
            image = try ResourceLocation(parsing: line.source, relativeTo: folder)
        } catch {
            throw invalid(error.field, error.message)
        }
        switch line.result?.uppercased() {
        case "SUCCESSFUL"?:
            guard let location = line.inferenceLocation else { throw invalid("inference-loc", "missing on a SUCCESSFUL line") }
            let answer: ResourceLocation
            do throws(ValidationError) {
                answer = try ResourceLocation(parsing: location, relativeTo: folder, field: "inference-loc")
            } catch {
                throw invalid("inference-loc", error.message)
            }
            guard let path = answer.filePath else { throw invalid("inference-loc", "\(location) is not a local file") }
            return MiningEntry(index: index, source: line.source, imagePath: image.filePath, result: .answerFile(path))
        case "FAILED"?:
            return MiningEntry(index: index, source: line.source, imagePath: image.filePath, result: .failed(line.errorMessage ?? "failed"))
        default:
            throw invalid("result", "expected SUCCESSFUL or FAILED, got \(line.result.map { "'\($0)'" } ?? "nothing")")
        }
    }
}
