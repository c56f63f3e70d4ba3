import Foundation
import WinnowCore
import WinnowObjects
import WinnowStore

/// One run over a service's pending items: a bounded task group of model calls, and a recorder that
/// stores outcomes and progress every half second (the heartbeat), and notices a stop.
struct ServiceWork: Sendable {
    let runner: BatchServiceRunner
    let service: BatchService
    let type: LabelingType
    let client: HTTPModelClient
    let server: ModelServerProcess?
    /// The output's object store when it is in object storage (`nil`: a local folder).
    let output: (any ObjectStore)?
    let concurrency: Int
    let progress: @Sendable (BatchService) -> Void

    /// What one item came to, and how many model calls it took.
    struct Result: Sendable {
        var item: ServiceItem
        var invocations: Int
        var failedInvocations: Int
    }

    /// Processes the pending items (those of `range` only, when given: one work unit of a distributed
    /// run, whose progress is shared with other workers and so counted from the store).
    func processPendingItems(in range: Range<Int>? = nil) async throws -> BatchService {
        let recorder = OutcomeRecorder(services: runner.services, service: service, sharedProgress: range != nil, progress: progress)
        try await recorder.start()
        var after = (range?.lowerBound ?? 0) - 1
        var stopped = false
        try await withThrowingTaskGroup(of: Result.self) { group in
            var inFlight = 0
            pages: while !stopped {
                let page = try await runner.services.items(serviceID: service.id, after: after, limit: 500, pendingOnly: true)
                    .filter { range?.contains($0.sequence) ?? true }
                guard let last = page.last else { break }
                after = last.sequence
                for item in page {
                    if inFlight >= concurrency, let result = try await group.next() {
                        inFlight -= 1
                        if try await recorder.add(result) == false { stopped = true; break pages }
                    }
                    group.addTask { await process(item) }
                    inFlight += 1
                }
            }
            if stopped { group.cancelAll() }
            while let result = try await group.next() {
                _ = try await recorder.add(result)
            }
        }
        return try await recorder.finish()
    }

    /// Reads one input, asks the model (retrying what may pass), checks and stores the answer.
    func process(_ item: ServiceItem) async -> Result {
        var result = Result(item: item, invocations: 0, failedInvocations: 0)
        let layout = ServiceOutputLayout(service)
        let bytes: [UInt8]
        do {
            let location = try ResourceLocation(parsing: item.source, relativeTo: "/")
            bytes = try await runner.reader.bytes(of: location, maximumSize: runner.maximumInputSize)
        } catch {
            result.item.outcome = .failed(message: "cannot read the input: \(error)")
            return result
        }
        if Task.isCancelled {
            return result
        }
        let fileName = Self.lastPathComponent(item.source)
        var attempt = 0
        while true {
            result.invocations += 1
            do {
                let answer = try await client.predict(image: bytes, fileName: fileName)
                do {
                    _ = try PredictionCodec.decode(answer, type: type)
                } catch {
                    result.item.outcome = .failed(message: "the model's answer is not a valid \(type.rawValue) result: \(error.field.map { $0 + ": " } ?? "")\(error.message)")
                    return result
                }
                let path = layout.resultPath(for: item.source)
                do {
                    if let output {
                        try await output.put(try ObjectKey(path), answer)
                    } else {
                        try ResultFileWriter.write(answer, to: service.output + "/" + path)
                    }
                } catch {
                    result.item.outcome = .failed(message: "cannot write the result file: \(error)")
                    return result
                }
                result.item.outcome = .succeeded(resultPath: path)
                return result
            } catch {
                if Task.isCancelled {
                    // Stopped while asking: the item stays pending and is asked again on resume.
                    return result
                }
                result.failedInvocations += 1
                if error.kind == .rejected || attempt >= runner.retries {
                    result.item.outcome = .failed(message: error.message)
                    return result
                }
                attempt += 1
                if let server { _ = try? await server.restartIfDead() }
                try? await Task.sleep(for: .milliseconds(200 << attempt))
            }
        }
    }
}

extension ServiceWork {
    /// The part of `path` after its last `/` (what `NSString.lastPathComponent` gives for a file
    /// path, without bridging to `NSString` once per input).
    static func lastPathComponent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        let name = String(path[path.utf8.index(after: slash)...])
        return name.isEmpty ? (path as NSString).lastPathComponent : name
    }
}

/// Collects outcomes and stores them in batches with the service's progress; reports whether the
/// service is still running (a `winnow service stop` elsewhere makes it false).
actor OutcomeRecorder {
    private let services: any ServiceStore
    private var service: BatchService
    private let progress: @Sendable (BatchService) -> Void
    private var pending: [ServiceItem] = []
    private var lastFlush = Date()
    private var running = true
    /// Other processes record outcomes of the same service (distributed workers): progress is counted
    /// from the store at each flush instead of carried in this copy of the record.
    private let sharedProgress: Bool

    init(services: any ServiceStore, service: BatchService, sharedProgress: Bool = false, progress: @escaping @Sendable (BatchService) -> Void) {
        self.services = services
        self.service = service
        self.sharedProgress = sharedProgress
        self.progress = progress
    }

    func start() async throws {
        let counts = try await services.itemCounts(serviceID: service.id)
        service.progress.total = counts.total
        service.progress.succeeded = counts.succeeded
        service.progress.failed = counts.failed
        reportedInvocations = (service.progress.invocations, service.progress.failedInvocations)
    }

    /// Adds one result; returns false once the service was stopped from outside.
    func add(_ result: ServiceWork.Result) async throws -> Bool {
        service.progress.invocations += result.invocations
        service.progress.failedInvocations += result.failedInvocations
        if result.item.outcome != nil {
            pending.append(result.item)
            switch result.item.outcome {
            case .succeeded?: service.progress.succeeded += 1
            case .failed?: service.progress.failed += 1
            case nil: break
            }
        }
        if pending.count >= 500 || Date().timeIntervalSince(lastFlush) >= 0.5 { try await flush() }
        return running
    }

    private func flush() async throws {
        if !pending.isEmpty {
            try await services.recordOutcomes(pending, serviceID: service.id)
            pending.removeAll(keepingCapacity: true)
        }
        lastFlush = Date()
        if sharedProgress {
            try await flushShared()
            return
        }
        if running {
            service.heartbeatAt = Date()
            if try await services.updateService(service, ifStatus: .running) {
                progress(service)
                return
            }
            // Stopped from outside: keep its status, carry on recording what is in flight.
            running = false
            guard let current = try await services.service(id: service.id) else { return }
            var merged = current
            merged.progress = service.progress
            service = merged
        }
        _ = try await services.updateService(service, ifStatus: service.status)
    }

    /// The shared-progress flush: the stored record with counts from the store and this worker's
    /// invocations added, written only while the service is still running.
    private func flushShared() async throws {
        guard let current = try await services.service(id: service.id) else {
            running = false
            return
        }
        guard current.status == .running else {
            running = false
            service = current
            return
        }
        let counts = try await services.itemCounts(serviceID: service.id)
        var updated = current
        updated.progress.succeeded = counts.succeeded
        updated.progress.failed = counts.failed
        updated.progress.invocations += service.progress.invocations - reportedInvocations.0
        updated.progress.failedInvocations += service.progress.failedInvocations - reportedInvocations.1
        updated.heartbeatAt = Date()
        reportedInvocations = (service.progress.invocations, service.progress.failedInvocations)
        if try await services.updateService(updated, ifStatus: .running) {
            progress(updated)
        } else {
            running = false
        }
    }

    private var reportedInvocations = (0, 0)

    /// Stores what is left and returns the service as it stands.
    func finish() async throws -> BatchService {
        try await flush()
        return service
    }
}
