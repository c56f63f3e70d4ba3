import Foundation
public import WinnowCore
public import WinnowObjects
public import WinnowStore

/// Imports a manifest into a dataset, all or nothing.
///
/// Lines are read in constant memory and staged in chunks; the samples become visible together when
/// the whole manifest was read. One chunk is staged while the next is parsed, so that decoding and the
/// store's writes use two cores. With ``Options/skipInvalid`` the valid lines are imported and the
/// others reported; without it the first invalid line stops the import, the problems found in the
/// rest of the file are still reported, and the dataset is left exactly as it was.
public struct DatasetImporter: Sendable {
    public struct Options: Sendable {
        /// Import the valid lines and report the others, instead of importing nothing.
        public var skipInvalid: Bool
        /// What to do with a line whose source is already in the dataset.
        public var conflictPolicy: ImportConflictPolicy
        /// Samples staged per store call.
        public var batchSize: Int

        public init(skipInvalid: Bool = false, conflictPolicy: ImportConflictPolicy = .replaceExisting, batchSize: Int = 2000) {
            self.skipInvalid = skipInvalid
            self.conflictPolicy = conflictPolicy
            self.batchSize = batchSize
        }
    }

    /// What an import did.
    public struct Report: Sendable, Hashable {
        public var lines = 0
        public var outcome = ImportOutcome()
        /// Lines left out (with ``Options/skipInvalid``).
        public var invalidLines = 0
        /// The first problems, each naming file, line and field.
        public var problems: [CodecError] = []
        /// Annotations of another labeling type than the dataset's.
        public var ignoredAnnotations = 0
        /// Imported samples per state.
        public var byState: [SampleState: Int] = [:]
        public init() {}
    }

    private let store: any MetadataStore
    private let stream: ManifestStream
    private let loader: AnnotationFileLoader

    public init(store: any MetadataStore, reader: any ResourceReader) {
        self.store = store
        stream = ManifestStream(reader: reader)
        loader = AnnotationFileLoader(reader: reader)
    }

    /// Imports the manifest at `path` (a local path) into `dataset`.
    ///
    /// - Parameter progress: called with the number of lines read, every few thousand lines.
    /// - Throws: ``EngineError`` `.invalidInput` with the problems when a line is invalid and
    ///   `skipInvalid` is off, or when the file cannot be read; the dataset is then unchanged.
    public func importManifest(
        at path: String, into dataset: Dataset, options: Options = Options(), progress: (Int) -> Void = { _ in }
    ) async throws -> Report {
        let absolute = ResourceLocationPath.absolute(path)
        let directory = (absolute as NSString).deletingLastPathComponent
        let importID = try await store.beginImport(datasetID: dataset.id)
        var report = Report()
        var batch: [Sample] = []
        var failed = false
        // Ids in import order, so the store appends to its id indexes instead of rewriting them.
        var identifiers = OrderedIdentifiers()
        // The chunk being written while the next one is decoded; awaited before the next is handed over,
        // so at most two chunks are in memory and chunks reach the store in file order.
        var staging: Task<Void, any Error>?
        let store = store
        func stage(_ samples: [Sample]) async throws {
            try await staging?.value
            staging = Task { try await store.stageSamples(samples, importID: importID) }
        }
        do {
            try await stream.forEachBatch(of: .file(absolute), file: path) { lines in
                for (number, result) in lines {
                    report.lines += 1
                    if report.lines % 10_000 == 0 { progress(report.lines) }
                    switch await sample(from: result, number: number, file: path, directory: directory, dataset: dataset, id: identifiers.next()) {
                    case .failure(let problem):
                        report.invalidLines += 1
                        if report.problems.count < EngineError.problemLimit { report.problems.append(problem) }
                        if !options.skipInvalid { failed = true }
                    case .success(let imported):
                        guard !failed else { continue }
                        report.ignoredAnnotations += imported.ignoredAnnotations
                        report.byState[imported.sample.state, default: 0] += 1
                        batch.append(imported.sample)
                        if batch.count >= options.batchSize {
                            try await stage(batch)
                            batch = []
                            batch.reserveCapacity(options.batchSize)
                        }
                    }
                }
            }
            try await staging?.value
            staging = nil
            if failed {
                try await store.abortImport(importID)
                throw EngineError(
                    .invalidInput,
                    "\(path): \(report.invalidLines) of \(report.lines) lines are invalid; nothing was imported (use --skip-invalid to import the valid lines)",
                    problems: report.problems)
            }
            if !batch.isEmpty { try await store.stageSamples(batch, importID: importID) }
            report.outcome = try await store.commitImport(importID, policy: options.conflictPolicy)
            progress(report.lines)
            return report
        } catch let error as EngineError {
            throw error
        } catch {
            // A chunk still being written must land (or fail) before the import is dropped.
            _ = try? await staging?.value
            try? await store.abortImport(importID)
            if let codecError = error as? CodecError {
                throw EngineError(.invalidInput, "\(path): the manifest cannot be read; nothing was imported", problems: [codecError])
            }
            throw EngineError(.invalidInput, "\(path): \(error); nothing was imported")
        }
    }

    /// The sample for one decoded line, or the problem with it (naming file, line and field).
    private func sample(
        from result: Result<ManifestLine, CodecError>, number: Int, file: String, directory: String, dataset: Dataset, id: String
    ) async -> Result<ManifestSampleMapping.Imported, CodecError> {
        let line: ManifestLine
        switch result {
        case .failure(let error): return .failure(error)
        case .success(let value): line = value
        }
        let source: ResourceLocation
        var inference: ResourceLocation?
        do throws(ValidationError) {
            source = try ResourceLocation(parsing: line.source, relativeTo: directory)
            if let text = line.inferenceLocation {
                inference = try ResourceLocation(parsing: text, relativeTo: directory, field: "inference-loc")
            }
        } catch {
            return .failure(CodecError(file: file, line: number, field: error.field, message: error.message))
        }
        var files: [Int: VOCAnnotation] = [:]
        // Only lines naming VOC files of the dataset's type pay for the loader actor.
        if AnnotationFileLoader.needsFiles(line, only: dataset.labelingType) {
            switch await loader.load(line, manifestDirectory: directory, file: file, lineNumber: number, only: dataset.labelingType) {
            case .failure(let error): return .failure(error)
            case .success(let loaded): files = loaded
            }
        }
        return .success(ManifestSampleMapping.sample(
            from: line, source: source.description, datasetID: dataset.id, labelingType: dataset.labelingType,
            annotationFiles: files, inferenceLocation: inference?.description, id: id))
    }
}
