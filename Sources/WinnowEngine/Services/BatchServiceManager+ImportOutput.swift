import Foundation
public import WinnowCore
import WinnowObjects
import WinnowStore

extension BatchServiceManager {
    /// Registers a finished batch service from the output a previous run left behind (ModelArts, or
    /// any tool writing its layout): `OUTPUT/infer-result-{run}.manifest` (or its `_1`, `_2` parts)
    /// with the result files it names. Data collection can then run on it.
    ///
    /// - Throws: ``EngineError`` when the output holds no such manifest or a line is invalid.
    public func importOutput(name: String, type: LabelingType, input: String, output: String) async throws -> BatchService {
        guard type.supportsHardExamples else {
            throw EngineError(.invalidInput, "--type must be image_classification or object_detection, got \(type.rawValue)")
        }
        if try await services.service(named: name) != nil {
            throw EngineError(.conflict, "a service named '\(name)' exists already")
        }
        let (outputPath, manifests) = try await outputManifests(output)
        guard let first = manifests.first else {
            throw EngineError(.invalidInput, "\(output) holds no infer-result-*.manifest; it is not a batch service's output")
        }
        let serviceInput: BatchService.Input
        if input.contains("://") {
            serviceInput = try Self.resolveInput(input)
        } else {
            let inputPath = ResourceLocationPath.absolute(input)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: inputPath, isDirectory: &isDirectory)
            serviceInput = exists && !isDirectory.boolValue ? .manifest(inputPath) : .folder(inputPath)
        }
        var service = BatchService(
            name: name, modelName: "", modelType: type, input: serviceInput,
            output: outputPath, status: .finished, runID: first.runID, startedAt: nil, finishedAt: Date())
        try await services.createService(service)
        do {
            var sequence = 0
            var batch: [ServiceItem] = []
            var succeeded = 0
            var failed = 0
            for manifest in manifests {
                let path = manifest.location.description
                try await ManifestStream(reader: reader).forEachLine(of: manifest.location, file: path) { number, result in
                    let line: ManifestLine
                    switch result {
                    case .failure(let error): throw EngineError(.invalidInput, "\(path) has an invalid line", problems: [error])
                    case .success(let value): line = value
                    }
                    let source: ResourceLocation
                    do throws(ValidationError) {
                        source = try ResourceLocation(parsing: line.source, relativeTo: outputPath)
                    } catch {
                        throw EngineError(.invalidInput, "\(path) has an invalid line", problems: [CodecError(file: path, line: number, field: error.field, message: error.message)])
                    }
                    let outcome: ServiceItem.Outcome
                    switch line.result?.uppercased() {
                    case "SUCCESSFUL"?:
                        guard let location = line.inferenceLocation else {
                            throw EngineError(.invalidInput, "\(path) has an invalid line", problems: [CodecError(file: path, line: number, field: "inference-loc", message: "missing on a SUCCESSFUL line")])
                        }
                        outcome = .succeeded(resultPath: location)
                        succeeded += 1
                    case "FAILED"?:
                        outcome = .failed(message: line.errorMessage ?? "failed")
                        failed += 1
                    default:
                        throw EngineError(.invalidInput, "\(path) has an invalid line", problems: [CodecError(file: path, line: number, field: "result", message: "expected SUCCESSFUL or FAILED, got \(line.result.map { "'\($0)'" } ?? "nothing")")])
                    }
                    batch.append(ServiceItem(sequence: sequence, source: source.description, outcome: outcome))
                    sequence += 1
                    if batch.count >= 2000 {
                        try await services.appendItems(batch, serviceID: service.id)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !batch.isEmpty { try await services.appendItems(batch, serviceID: service.id) }
            service.progress = BatchService.Progress(succeeded: succeeded, failed: failed, total: sequence, invocations: sequence, failedInvocations: failed)
            try await services.updateService(service)
            return service
        } catch {
            try? await services.deleteService(id: service.id)
            throw error
        }
    }

    /// The output as stored (an absolute folder, or `scheme://bucket/prefix` without a trailing slash) and
    /// its run's manifests in order (see ``outputManifests(named:in:)``). An object-storage output is
    /// listed through the reader (every object below it, results included).
    func outputManifests(_ output: String) async throws -> (output: String, manifests: [(location: ResourceLocation, runID: String)]) {
        guard output.contains("://") else {
            let folder = ResourceLocationPath.absolute(output)
            return (folder, try Self.outputManifests(in: folder).map { (.file(folder + "/" + $0.name), $0.runID) })
        }
        let (scheme, bucket, key) = try Self.objectOutput(output)
        let prefix = key.isEmpty ? "" : key + "/"
        var names: [String] = []
        for try await object in reader.objects(under: .object(scheme: scheme, bucket: bucket, key: prefix)) {
            guard case .object(_, _, let objectKey) = object, objectKey.hasPrefix(prefix) else { continue }
            let name = String(objectKey.dropFirst(prefix.count))
            if !name.contains("/") { names.append(name) }
        }
        let stored = "\(scheme)://\(bucket)/\(key)"
        return (stored, try Self.outputManifests(named: names, in: stored).map {
            (.object(scheme: scheme, bucket: bucket, key: prefix + $0.name), $0.runID)
        })
    }

    /// The output manifests of one run in a local folder, in order (see ``outputManifests(named:in:)``).
    static func outputManifests(in folder: String) throws -> [(name: String, runID: String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw EngineError(.invalidInput, "cannot list the output folder \(folder): \(error.localizedDescription)")
        }
        return try outputManifests(named: names, in: folder)
    }

    /// The output manifests of one run among a folder's `names`, in order: `infer-result-{run}.manifest`,
    /// or its parts `infer-result-{run}_1.manifest`, `_2`, … by number.
    static func outputManifests(named names: [String], in folder: String) throws -> [(name: String, runID: String)] {
        var parts: [(name: String, runID: String, part: Int)] = []
        for name in names where name.hasPrefix("infer-result-") && name.hasSuffix(".manifest") {
            let stem = String(name.dropFirst("infer-result-".count).dropLast(".manifest".count))
            if let underscore = stem.lastIndex(of: "_"), let part = Int(stem[stem.index(after: underscore)...]) {
                parts.append((name, String(stem[..<underscore]), part))
            } else {
                parts.append((name, stem, 0))
            }
        }
        guard let runID = parts.map(\.runID).sorted().first else { return [] }
        let runs = Set(parts.map(\.runID))
        if runs.count > 1 {
            throw EngineError(.invalidInput, "\(folder) holds the output of \(runs.count) runs (\(runs.sorted().joined(separator: ", "))); import one run per service")
        }
        return parts.filter { $0.runID == runID }.sorted { $0.part < $1.part }.map { ($0.name, $0.runID) }
    }
}
