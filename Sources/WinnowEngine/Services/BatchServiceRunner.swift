public import AsyncHTTPClient
import Foundation
public import WinnowCore
public import WinnowObjects
public import WinnowStore

/// Runs a batch service: every pending input once through the model, `instances` requests in flight,
/// outcomes recorded as they come so a killed run resumes without asking the model twice, and the
/// output manifest written at the end in input order.
public struct BatchServiceRunner: Sendable {
    public let services: any ServiceStore
    public let reader: any ResourceReader
    public let httpClient: HTTPClient
    /// Retries after a connection error, timeout or 5xx (not after 4xx).
    public var retries = 3
    /// The largest input file sent (64 MiB).
    public var maximumInputSize = 64 << 20
    /// Opens the object store of an `s3://`/`obs://` output (`nil`: such outputs fail saying so).
    public var outputStores: OutputStoreFactory?

    public init(services: any ServiceStore, reader: any ResourceReader, httpClient: HTTPClient) {
        self.services = services
        self.reader = reader
        self.httpClient = httpClient
    }

    /// Runs the service until every input has an outcome, it is stopped, or it fails.
    ///
    /// - Parameter progress: called with the service record about twice a second.
    /// - Returns: the service in its final state (finished, stopped or failed).
    public func run(serviceID: String, progress: @escaping @Sendable (BatchService) -> Void = { _ in }) async throws -> BatchService {
        guard var service = try await services.service(id: serviceID) else { throw EngineError(.notFound, "service \(serviceID) does not exist") }
        guard let model = try await services.model(named: service.modelName) else {
            return try await fail(service, "model '\(service.modelName)' is not registered")
        }
        let from = service.status
        guard from.canTransition(to: .running) || from == .running else {
            throw EngineError(.conflict, StatusTransitionError(subject: "service \(service.name)", from: from.rawValue, to: "running").description)
        }
        if let orphan = service.modelServerPID, service.runner.flatMap(RunnerIdentity.parse)?.host == RunnerIdentity.host {
            RunnerIdentity.terminateOrphan(orphan)
        }
        service.markRunning(runner: RunnerIdentity.current)
        guard try await services.updateService(service, ifStatus: from) else {
            throw EngineError(.conflict, "service \(service.name) changed status while starting; try again")
        }
        progress(service)

        var server: ModelServerProcess?
        let baseURL: String
        switch model.spec.endpoint {
        case .url(let url):
            baseURL = url
        case .command(let arguments):
            let process = ModelServerProcess(spec: model.spec, arguments: arguments, client: httpClient)
            do {
                try await process.start()
            } catch {
                return try await fail(service, "\(error)")
            }
            server = process
            baseURL = process.baseURL
            service.modelServerPID = process.processIdentifier
            _ = try await services.updateService(service, ifStatus: .running)
        }
        defer { server?.stop() }
        if from != .deploying { Self.removeTemporaryFiles(below: service.output + "/" + ServiceOutputLayout(service).resultFolder) }
        let client = HTTPModelClient(
            client: httpClient, baseURL: baseURL, requestPath: model.spec.requestPath, fieldName: model.spec.fieldName,
            timeoutSeconds: min(service.timeoutSeconds, model.spec.timeoutSeconds))
        let output: (any ObjectStore)?
        do {
            output = try outputStore(for: service)
        } catch {
            return try await fail(service, "\(error)")
        }
        let work = ServiceWork(
            runner: self, service: service, type: model.spec.type, client: client, server: server, output: output,
            concurrency: max(1, min(service.instances, model.spec.maxConcurrentRequests)), progress: progress)
        do {
            service = try await work.processPendingItems()
        } catch let error as EngineError {
            return try await fail(try await services.service(id: serviceID) ?? service, error.message)
        }
        guard service.status == .running else { return service }
        do {
            try await writeManifests(service)
        } catch {
            return try await fail(service, "cannot write the output manifest: \(error)")
        }
        let counts = try await services.itemCounts(serviceID: service.id)
        service.progress.succeeded = counts.succeeded
        service.progress.failed = counts.failed
        service.status = .finished
        service.finishedAt = Date()
        service.heartbeatAt = Date()
        _ = try await services.updateService(service, ifStatus: .running)
        progress(service)
        return service
    }

    /// Removes half-written result files a killed run left (`.winnow-tmp-*`).
    static func removeTemporaryFiles(below folder: String) {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return }
        while let relative = enumerator.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(".winnow-tmp-") {
                try? FileManager.default.removeItem(atPath: folder + "/" + relative)
            }
        }
    }

    /// Marks the service failed with `message` and returns it.
    func fail(_ service: BatchService, _ message: String) async throws -> BatchService {
        var failed = service
        failed.status = .failed
        failed.error = message
        failed.finishedAt = Date()
        try await services.updateService(failed)
        return failed
    }

    /// The object store of the service's output when it is in object storage, else `nil`.
    func outputStore(for service: BatchService) throws -> (any ObjectStore)? {
        guard service.output.contains("://") else { return nil }
        guard let outputStores else {
            throw EngineError(.invalidInput, "output \(service.output): this process has no object storage configured")
        }
        return try outputStores(service.output)
    }

    /// Writes the output manifest(s) from the recorded outcomes, in input order.
    func writeManifests(_ service: BatchService) async throws {
        let layout = ServiceOutputLayout(service)
        let total = try await services.itemCounts(serviceID: service.id).total
        let names = layout.manifestNames(lines: total)
        let store = try outputStore(for: service)
        var after = -1
        for name in names {
            let writer: any ManifestSink
            if let store {
                writer = ObjectManifestSink(store: store, key: try ObjectKey(name))
            } else {
                writer = try ManifestFileWriter(path: service.output + "/" + name)
            }
            var written = 0
            do {
                while written < service.manifestLineLimit {
                    let page = try await services.items(serviceID: service.id, after: after, limit: min(1000, service.manifestLineLimit - written), pendingOnly: false)
                    guard let last = page.last else { break }
                    for item in page {
                        var line = ManifestLine(source: item.source)
                        switch item.outcome {
                        case .succeeded(let path)?:
                            line.result = "SUCCESSFUL"
                            line.inferenceLocation = path
                        case .failed(let message)?:
                            line.result = "FAILED"
                            line.errorMessage = message
                        case nil:
                            line.result = "FAILED"
                            line.errorMessage = "not processed"
                        }
                        try writer.write(ManifestCodec.encodeLine(line))
                    }
                    written += page.count
                    after = last.sequence
                }
                try await writer.finish()
            } catch {
                writer.discard()
                throw error
            }
        }
    }
}

/// Opens the object store below an `s3://bucket/prefix` (or `obs://`) output URI.
public typealias OutputStoreFactory = @Sendable (String) throws -> any ObjectStore

/// Where an output manifest's lines go: a local file written atomically, or an object put at the end.
protocol ManifestSink: AnyObject {
    func write(_ line: String) throws
    func finish() async throws
    func discard()
}

extension ManifestFileWriter: ManifestSink {
    func finish() async throws { try commit() }
}

/// A manifest collected in memory and put as one object (a multipart upload when large).
final class ObjectManifestSink: ManifestSink {
    private let store: any ObjectStore
    private let key: ObjectKey
    private var bytes: [UInt8] = []

    init(store: any ObjectStore, key: ObjectKey) {
        self.store = store
        self.key = key
    }

    func write(_ line: String) throws {
        bytes += line.utf8
        bytes.append(0x0A)
    }

    func finish() async throws { try await store.put(key, bytes) }

    func discard() { bytes = [] }
}
