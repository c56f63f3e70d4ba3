import Foundation
public import WinnowCore
public import WinnowObjects
public import WinnowStore

/// Hands batch services and filtering tasks to `winnow worker` processes: splits them into work units
/// (inference shards of N inputs, mining shards) in the shared ``WorkUnitStore``, each phase followed
/// by a unit that finishes it. The coordinator only enqueues; any worker may run any unit, and the
/// results equal those of a run in one process.
public struct DistributedRuns: Sendable {
    /// The `runner` of a service run by workers (no single process owns it).
    public static let runnerMarker = "workers"

    public let store: any MetadataStore
    public let services: any ServiceStore
    public let tasks: any CollectionTaskStore
    public let units: any WorkUnitStore
    public let reader: any ResourceReader

    /// Inputs per inference unit.
    public var unitSize: Int
    /// Mining shards of a filtering task (phase 1 in parallel; each shard reads the whole item list).
    public var miningShards: Int
    /// Opens the object store of an `s3://`/`obs://` output.
    public var outputStores: OutputStoreFactory?

    public init(
        store: any MetadataStore, services: any ServiceStore, tasks: any CollectionTaskStore, units: any WorkUnitStore,
        reader: any ResourceReader, unitSize: Int = 100, miningShards: Int = 8
    ) {
        self.store = store
        self.services = services
        self.tasks = tasks
        self.units = units
        self.reader = reader
        self.unitSize = max(1, unitSize)
        self.miningShards = max(1, miningShards)
    }

    /// Whether `service` is being run by workers.
    public static func isDistributed(_ service: BatchService) -> Bool { service.runner == runnerMarker }

    /// Marks the service running on workers and enqueues a unit per `unitSize` sequence numbers holding
    /// a pending input, then the unit that finishes the run. Units a previous (stopped) run of the same
    /// run id left are replaced.
    ///
    /// - Throws: ``EngineError`` `.conflict` when the service cannot start now (see
    ///   ``BatchServiceManager/prepareStart(_:)``), `.notFound` when it does not exist.
    @discardableResult
    public func start(serviceID: String) async throws -> (service: BatchService, units: Int) {
        guard var service = try await services.service(id: serviceID) else { throw EngineError(.notFound, "service \(serviceID) does not exist") }
        guard try await services.model(named: service.modelName) != nil else {
            throw EngineError(.notFound, "model '\(service.modelName)' is not registered")
        }
        let from = service.status
        guard from.canTransition(to: .running) else {
            throw EngineError(.conflict, StatusTransitionError(subject: "service \(service.name)", from: from.rawValue, to: "running").description)
        }
        if from != .deploying, !service.output.contains("://") {
            BatchServiceRunner.removeTemporaryFiles(below: service.output + "/" + ServiceOutputLayout(service).resultFolder)
        }
        let job = DistributedJobID.inference(serviceID: service.id, runID: service.runID)
        let finish = DistributedJobID.finishService(serviceID: service.id, runID: service.runID)
        try await units.deleteUnits(jobID: job)
        try await units.deleteUnits(jobID: finish)
        var payloads: [String] = []
        var after = -1
        var lastUnit = -1
        while true {
            let page = try await services.items(serviceID: service.id, after: after, limit: 2000, pendingOnly: true)
            guard let last = page.last else { break }
            after = last.sequence
            for item in page where item.sequence / unitSize != lastUnit {
                lastUnit = item.sequence / unitSize
                payloads.append(WorkPayload.inference(
                    serviceID: service.id, runID: service.runID, from: lastUnit * unitSize, to: (lastUnit + 1) * unitSize).encoded())
            }
        }
        if !payloads.isEmpty { try await units.enqueueUnits(jobID: job, payloads: payloads) }
        try await units.enqueueUnits(jobID: finish, payloads: [
            WorkPayload.finishService(serviceID: service.id, runID: service.runID, miningShards: miningShards).encoded(),
        ])
        service.markRunning(runner: Self.runnerMarker)
        guard try await services.updateService(service, ifStatus: from) else {
            try await units.deleteUnits(jobID: job)
            try await units.deleteUnits(jobID: finish)
            throw EngineError(.conflict, "service \(service.name) changed status while starting; try again")
        }
        return (service, payloads.count)
    }

    /// The filtering task of a run: its id is derived from the run's id, so that finishing a run twice
    /// (a worker died while finishing it) creates it once.
    public static func filterTaskID(runID: String) -> String { String(runID.reversed()) }

    /// Moves a filtering task to `running` (when it is not yet) and enqueues its mining shards and the
    /// unit that finishes it, unless they are enqueued already.
    @discardableResult
    public func startFiltering(_ task: CollectionTask) async throws -> CollectionTask {
        var task = task
        guard task.kind == .filter else { throw EngineError(.invalidInput, "task \(task.id) is a \(task.kind.rawValue) task; only filtering runs on workers") }
        if task.status != .running {
            let from = task.status
            do {
                try task.beginRun()
            } catch {
                throw EngineError(.conflict, error.description)
            }
            guard try await tasks.updateTask(task, ifStatus: from) else { throw EngineError(.conflict, "task \(task.id) changed meanwhile; try again") }
        }
        let job = DistributedJobID.mining(taskID: task.id)
        if try await units.workUnits(jobID: job).isEmpty {
            try await units.enqueueUnits(jobID: job, payloads: (0..<miningShards).map {
                WorkPayload.miningShard(taskID: task.id, index: $0, count: miningShards).encoded()
            })
        }
        let finish = DistributedJobID.finishFiltering(taskID: task.id)
        if try await units.workUnits(jobID: finish).isEmpty {
            try await units.enqueueUnits(jobID: finish, payloads: [WorkPayload.finishFiltering(taskID: task.id, shards: miningShards).encoded()])
        }
        return task
    }

    /// Jobs with units a worker may claim now, in the order workers try them: the inference units of
    /// services running on workers, their finishing units once every inference unit is complete, then
    /// the same for filtering tasks.
    public func claimableJobs() async throws -> [String] {
        var jobs: [String] = []
        for service in try await services.listServices() where service.status == .running && Self.isDistributed(service) {
            let job = DistributedJobID.inference(serviceID: service.id, runID: service.runID)
            jobs.append(job)
            if try await isComplete(job) { jobs.append(DistributedJobID.finishService(serviceID: service.id, runID: service.runID)) }
        }
        for task in try await tasks.unfinishedTasks() where task.kind == .filter && task.status != .queued {
            let job = DistributedJobID.mining(taskID: task.id)
            // Counts only: completed shards hold their phase-1 records, which idle polls need not read.
            let shards = try await units.unitCounts(jobID: job)
            guard shards.total > 0 else { continue }
            jobs.append(job)
            if shards.isComplete { jobs.append(DistributedJobID.finishFiltering(taskID: task.id)) }
        }
        return jobs
    }

    /// Whether every unit of `job` is completed (true for a job without units).
    public func isComplete(_ job: String) async throws -> Bool {
        try await units.unitCounts(jobID: job).isComplete
    }
}
