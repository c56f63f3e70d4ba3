public import Foundation
public import WinnowCore
public import WinnowObjects
public import WinnowStore

/// Deploys, stops, restarts, deletes and imports batch services: everything but running them
/// (``BatchServiceRunner``).
public struct BatchServiceManager: Sendable {
    public let services: any ServiceStore
    public let reader: any ResourceReader
    /// A `running` service whose heartbeat is older than this is taken to be abandoned (its process died).
    public var heartbeatTimeout: TimeInterval = 15
    /// Opens an `s3://`/`obs://` output, so that a restart and `delete --remove-output` remove its objects
    /// (`nil`: object outputs are left as they are).
    public var outputStores: OutputStoreFactory?

    public init(services: any ServiceStore, reader: any ResourceReader, outputStores: OutputStoreFactory? = nil) {
        self.services = services
        self.reader = reader
        self.outputStores = outputStores
    }

    /// What to deploy.
    public struct DeployRequest: Sendable {
        public var name: String
        public var modelName: String
        /// A folder of images or a `.manifest` file.
        public var input: String
        /// An empty (or missing) folder.
        public var output: String
        public var instances: Int
        public var timeoutSeconds: Double
        public var manifestLineLimit: Int

        public init(name: String, modelName: String, input: String, output: String, instances: Int = 4, timeoutSeconds: Double = 60, manifestLineLimit: Int = 100_000) {
            self.name = name
            self.modelName = modelName
            self.input = input
            self.output = output
            self.instances = instances
            self.timeoutSeconds = timeoutSeconds
            self.manifestLineLimit = manifestLineLimit
        }
    }

    /// Checks the request, stores the service and lists its inputs; the service is left `deploying`,
    /// ready for ``BatchServiceRunner/run(serviceID:progress:)``.
    ///
    /// - Throws: ``EngineError`` when the name is taken or invalid, the model unknown, the input missing
    ///   or empty, or the output folder not empty. Nothing is stored then.
    public func deploy(_ request: DeployRequest) async throws -> BatchService {
        do {
            try Dataset.validateName(request.name)
        } catch {
            throw EngineError(.invalidInput, "service name: \(error.message)")
        }
        guard request.instances >= 1, request.instances <= 128 else {
            throw EngineError(.invalidInput, "--instances must be from 1 to 128, got \(request.instances)")
        }
        guard request.timeoutSeconds > 0 else { throw EngineError(.invalidInput, "--timeout must be positive") }
        if try await services.service(named: request.name) != nil {
            throw EngineError(.conflict, "a service named '\(request.name)' exists already")
        }
        guard let model = try await services.model(named: request.modelName) else {
            throw EngineError(.notFound, "model '\(request.modelName)' is not registered (winnow model register SPEC)")
        }
        let input = try Self.resolveInput(request.input)
        let inputPath = input.path
        let outputPath: String
        if request.output.contains("://") {
            outputPath = try await requireEmptyPrefix(request.output, inputPath: inputPath)
        } else {
            outputPath = ResourceLocationPath.absolute(request.output)
            try Self.requireEmptyFolder(outputPath, inputPath: inputPath)
        }

        let service = BatchService(
            name: request.name, modelName: request.modelName, modelType: model.spec.type, input: input, output: outputPath, instances: request.instances,
            timeoutSeconds: request.timeoutSeconds, manifestLineLimit: max(1, request.manifestLineLimit))
        try await services.createService(service)
        do {
            var batch: [ServiceItem] = []
            var sequence = 0
            try await InputCatalog(reader: reader).forEachInput(input) { source in
                batch.append(ServiceItem(sequence: sequence, source: source))
                sequence += 1
                if batch.count >= 2000 {
                    try await services.appendItems(batch, serviceID: service.id)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try await services.appendItems(batch, serviceID: service.id) }
            guard sequence > 0 else {
                let isFolder = if case .folder = input { true } else { false }
                throw EngineError(.invalidInput, isFolder
                    ? "input folder \(request.input) holds no images (jpg, jpeg, png, bmp, webp); a batch service needs input"
                    : "input manifest \(request.input) names no files; a batch service needs input")
            }
            var stored = service
            stored.progress.total = sequence
            if !outputPath.contains("://") { try FileManager.default.createDirectory(atPath: outputPath, withIntermediateDirectories: true) }
            try await services.updateService(stored)
            return stored
        } catch {
            try? await services.deleteService(id: service.id)
            throw error
        }
    }

    /// The input `text` names: a local folder or `.manifest` file (made absolute), or an `s3://`/`obs://`
    /// URI: a `.manifest` object, else a prefix whose image objects are the inputs.
    static func resolveInput(_ text: String) throws -> BatchService.Input {
        if text.contains("://") {
            let location: ResourceLocation
            do {
                location = try ResourceLocation(parsing: text, relativeTo: nil, field: "input")
            } catch {
                throw EngineError(.invalidInput, "input \(text): \(error.message)")
            }
            guard case .object = location else {
                throw EngineError(.invalidInput, "input \(text): give a folder, a .manifest file, or an s3:// or obs:// URI")
            }
            if text.lowercased().hasSuffix(".manifest") { return .manifest(location.description) }
            // Without a trailing slash, so result files are named relative to the prefix, as for a folder.
            var folder = location.description
            while folder.hasSuffix("/") { folder.removeLast() }
            return .folder(folder)
        }
        let inputPath = ResourceLocationPath.absolute(text)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inputPath, isDirectory: &isDirectory) else {
            throw EngineError(.invalidInput, "input \(text) does not exist")
        }
        if !isDirectory.boolValue, !inputPath.lowercased().hasSuffix(".manifest") {
            throw EngineError(.invalidInput, "input \(text) is a file but not a .manifest; give a folder of images or a manifest")
        }
        return isDirectory.boolValue ? .folder(inputPath) : .manifest(inputPath)
    }

    /// An `s3://`/`obs://` output as stored (`scheme://bucket/prefix`, no trailing slash), after checking
    /// that nothing lies below it yet and that it does not overlap the input.
    func requireEmptyPrefix(_ text: String, inputPath: String) async throws -> String {
        let (scheme, bucket, key) = try Self.objectOutput(text)
        guard !key.isEmpty else { throw EngineError(.invalidInput, "output \(text): give a prefix below the bucket (s3://\(bucket)/results)") }
        let output = "\(scheme)://\(bucket)/\(key)"
        if inputPath.contains("://"), let input = try? ResourceLocation(parsing: inputPath, relativeTo: nil),
           case .object(_, let inputBucket, var inputKey) = input, inputBucket == bucket {
            // Compared without trailing slashes: an input prefix `photos/` holds the output `photos/results`.
            while inputKey.hasSuffix("/") { inputKey.removeLast() }
            if inputKey.isEmpty || inputKey == key || inputKey.hasPrefix(key + "/") || key.hasPrefix(inputKey + "/") {
                throw EngineError(.invalidInput, "the output \(output) must not overlap the input \(inputPath)")
            }
        }
        for try await object in reader.objects(under: .object(scheme: scheme, bucket: bucket, key: key + "/")) {
            throw EngineError(.invalidInput, "output \(output) is not empty (it holds \(object.description)); a batch service writes below an empty prefix")
        }
        return output
    }

    /// The scheme, bucket and prefix (without trailing slashes) of an `s3://`/`obs://` output.
    static func objectOutput(_ text: String) throws -> (scheme: String, bucket: String, key: String) {
        let location: ResourceLocation
        do {
            location = try ResourceLocation(parsing: text, relativeTo: nil, field: "output")
        } catch {
            throw EngineError(.invalidInput, "output \(text): \(error.message)")
        }
        guard case .object(let scheme, let bucket, var key) = location else {
            throw EngineError(.invalidInput, "output \(text): give a local folder, or an s3:// or obs:// prefix")
        }
        while key.hasSuffix("/") { key.removeLast() }
        return (scheme, bucket, key)
    }

    static func requireEmptyFolder(_ path: String, inputPath: String) throws {
        if path == inputPath || path.hasPrefix(inputPath + "/") || inputPath.hasPrefix(path + "/") {
            throw EngineError(.invalidInput, "the output folder \(path) must not overlap the input \(inputPath)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw EngineError(.invalidInput, "output \(path) is a file; give an empty folder") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !entries.isEmpty {
            throw EngineError(.invalidInput, "output folder \(path) is not empty (\(entries.count) entries); a batch service writes into an empty folder")
        }
    }

    /// The service named `name`, or an error saying it does not exist.
    public func service(named name: String) async throws -> BatchService {
        guard let service = try await services.service(named: name) else {
            throw EngineError(.notFound, "no service named '\(name)' (winnow service list shows the services)")
        }
        return service
    }

    /// Whether a `running` service is being run by a live process: on this host, its process exists;
    /// elsewhere, its heartbeat is fresh.
    public func isActive(_ service: BatchService, now: Date = Date()) -> Bool {
        guard service.status == .running else { return false }
        // A run on workers belongs to the work-unit store, not to a process: it is active until it ends.
        if DistributedRuns.isDistributed(service) { return true }
        if let runner = service.runner, let (host, pid) = RunnerIdentity.parse(runner), host == RunnerIdentity.host {
            return RunnerIdentity.isAlive(pid)
        }
        return service.heartbeatAt.map { now.timeIntervalSince($0) < heartbeatTimeout } ?? false
    }

    /// Checks that `service` can be run now: not finished, not running in another live process.
    public func prepareStart(_ service: BatchService) throws {
        if isActive(service) {
            throw EngineError(.conflict, "service \(service.name) is running in another process (heartbeat \(Int(Date().timeIntervalSince(service.heartbeatAt ?? Date()))) s ago)")
        }
        if service.status == .finished {
            throw EngineError(.conflict, "service \(service.name) is finished; use winnow service restart to run it again")
        }
        if service.modelName.isEmpty {
            throw EngineError(.conflict, "service \(service.name) was imported from existing output and has no model to run")
        }
    }

    /// Asks a running service to stop: its runner notices within a second and stops cleanly.
    public func stop(_ name: String) async throws -> BatchService {
        var service = try await self.service(named: name)
        let from = service.status
        guard from.canTransition(to: .stopped) else {
            throw EngineError(.conflict, StatusTransitionError(subject: "service \(name)", from: from.rawValue, to: "stopped").description)
        }
        service.status = .stopped
        service.finishedAt = Date()
        guard try await services.updateService(service, ifStatus: from) else {
            throw EngineError(.conflict, "service \(name) changed status meanwhile; try again")
        }
        return service
    }

    /// Resets a service that is not running for a new run from scratch: outcomes forgotten, the
    /// previous run's output removed, a new run id. It is left `deploying`.
    public func prepareRestart(_ name: String) async throws -> BatchService {
        var service = try await self.service(named: name)
        if isActive(service) { throw EngineError(.conflict, "service \(name) is running; stop it first") }
        if service.modelName.isEmpty { throw EngineError(.conflict, "service \(name) was imported from existing output and has no model to run") }
        let from = service.status
        if from == .running || from == .deploying {
            service.status = .stopped  // an abandoned run: its process died
            try await services.updateService(service)
        }
        // The output loses the previous run's files or objects (best effort for objects: the new run id
        // names new ones, so a leftover never mixes with the new run).
        if service.output.contains("://") {
            _ = try? await removeObjects(of: service, prefix: "infer-result-\(service.runID)")
        } else {
            let previous = ServiceOutputLayout(service)
            try? FileManager.default.removeItem(atPath: service.output + "/" + previous.resultFolder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: service.output)) ?? [] where name.hasPrefix("infer-result-\(service.runID)") {
                try? FileManager.default.removeItem(atPath: service.output + "/" + name)
            }
        }
        try await services.resetOutcomes(serviceID: service.id)
        service.status = .deploying
        service.runID = Identifier.make()
        service.progress = BatchService.Progress(total: service.progress.total)
        service.error = nil
        service.startedAt = nil
        service.finishedAt = nil
        try await services.updateService(service)
        return service
    }

    /// Deletes a service's record (and its output folder's run files when `removeOutput`).
    public func delete(_ name: String, removeOutput: Bool) async throws {
        let service = try await self.service(named: name)
        if isActive(service) { throw EngineError(.conflict, "service \(name) is running; stop it first") }
        if removeOutput, service.output.contains("://") {
            // Before the record goes, so that a failure can be retried: the prefix held no object when the
            // service was deployed, so everything below it is the service's.
            guard try await removeObjects(of: service, prefix: "") != nil else {
                throw EngineError(.invalidInput, "service \(name): its output \(service.output) is on object storage, which is not configured here; nothing was deleted")
            }
        }
        try await services.deleteService(id: service.id)
        if removeOutput, !service.output.contains("://") { try? FileManager.default.removeItem(atPath: service.output) }
    }

    /// Deletes the objects below `prefix` in an object-storage output; returns how many, or `nil`
    /// without an output store factory.
    func removeObjects(of service: BatchService, prefix: String) async throws -> Int? {
        guard let outputStores else { return nil }
        let store = try outputStores(service.output)
        var removed = 0
        for try await key in store.keys(prefix: prefix) {
            try await store.delete(key)
            removed += 1
        }
        return removed
    }
}
