public import AsyncHTTPClient
import Foundation
import WinnowCore
import WinnowObjects
public import WinnowStore

/// Runs one claimed work unit of a distributed job, whatever its kind, and returns the unit's result
/// (a short note, or a mining shard's phase-1 records). Every kind is safe to run again: inference
/// asks only about items still without an outcome, finishing steps check what is done already.
public struct WorkUnitExecutor: Sendable {
    public let runs: DistributedRuns
    public let httpClient: HTTPClient
    public let models: ModelEndpoints
    /// Images decoded at once while mining (default: the number of cores).
    public var miningConcurrency: Int?
    /// A unit claimed this many times without completing fails its service or task instead of being
    /// tried again.
    public var maximumAttempts = 5

    public init(runs: DistributedRuns, httpClient: HTTPClient, models: ModelEndpoints, miningConcurrency: Int? = nil) {
        self.runs = runs
        self.httpClient = httpClient
        self.models = models
        self.miningConcurrency = miningConcurrency
    }

    var collection: CollectionManager {
        var manager = CollectionManager(store: runs.store, services: runs.services, tasks: runs.tasks, reader: runs.reader)
        manager.miningConcurrency = miningConcurrency
        return manager
    }

    /// Runs the unit of `lease`; returns its result.
    /// - Throws: when the unit could not be done now (the lease then expires and the unit is tried
    ///   again, by this or another worker).
    public func execute(_ lease: WorkLease) async throws -> String {
        let payload = try WorkPayload(decoding: lease.payload, unit: "\(lease.jobID)#\(lease.sequence)")
        if lease.attempt > maximumAttempts {
            return try await giveUp(payload, lease: lease)
        }
        switch payload {
        case .inference(let serviceID, let runID, let from, let to):
            return try await infer(serviceID: serviceID, runID: runID, range: from..<to)
        case .finishService(let serviceID, let runID, let shards):
            return try await finishService(serviceID: serviceID, runID: runID, miningShards: shards)
        case .miningShard(let taskID, let index, let count):
            return try await mine(taskID: taskID, shard: index, of: count)
        case .finishFiltering(let taskID, _):
            return try await finishFiltering(taskID: taskID)
        }
    }

    // MARK: Inference

    private func runningService(_ serviceID: String, runID: String) async throws -> BatchService? {
        guard let service = try await runs.services.service(id: serviceID), service.runID == runID,
              service.status == .running, DistributedRuns.isDistributed(service) else { return nil }
        return service
    }

    private func infer(serviceID: String, runID: String, range: Range<Int>) async throws -> String {
        guard let service = try await runningService(serviceID, runID: runID) else { return "skipped: the run is no longer running" }
        guard let model = try await runs.services.model(named: service.modelName) else {
            throw EngineError(.notFound, "model '\(service.modelName)' is not registered")
        }
        let (baseURL, server) = try await models.endpoint(for: model.spec)
        var runner = BatchServiceRunner(services: runs.services, reader: runs.reader, httpClient: httpClient)
        runner.outputStores = runs.outputStores
        let client = HTTPModelClient(
            client: httpClient, baseURL: baseURL, requestPath: model.spec.requestPath, fieldName: model.spec.fieldName,
            timeoutSeconds: min(service.timeoutSeconds, model.spec.timeoutSeconds))
        let work = ServiceWork(
            runner: runner, service: service, type: model.spec.type, client: client, server: server,
            output: try runner.outputStore(for: service), concurrency: max(1, min(service.instances, model.spec.maxConcurrentRequests)), progress: { _ in })
        let after = try await work.processPendingItems(in: range)
        return after.status == .running ? "inputs \(range.lowerBound)..<\(range.upperBound) done" : "stopped: service \(after.status.rawValue)"
    }

    /// Writes the output manifests, queues the filtering task when filtering is on, and marks the
    /// service finished — in this order, so that a worker dying in between leaves the service running
    /// and the unit to be taken over.
    private func finishService(serviceID: String, runID: String, miningShards: Int) async throws -> String {
        guard var service = try await runningService(serviceID, runID: runID) else { return "skipped: the run is no longer running" }
        var runner = BatchServiceRunner(services: runs.services, reader: runs.reader, httpClient: httpClient)
        runner.outputStores = runs.outputStores
        do {
            try await runner.writeManifests(service)
        } catch {
            _ = try await runner.fail(service, "cannot write the output manifest: \(error)")
            return "failed: cannot write the output manifest"
        }
        var note = "finished"
        if let filter = service.hardExamples, filter.enabled {
            let taskID = DistributedRuns.filterTaskID(runID: runID)
            var task = try await runs.tasks.task(id: taskID)
            if task == nil {
                let created = CollectionTask(
                    id: taskID, kind: .filter, serviceID: service.id, serviceName: service.name, datasetID: filter.datasetID,
                    datasetName: filter.datasetName)
                try await runs.tasks.createTask(created)
                task = created
            }
            if let task, task.status == .queued || task.status == .running {
                var distributed = runs
                distributed.miningShards = miningShards
                try await distributed.startFiltering(task)
            }
            note += "; filtering task \(taskID) queued"
        }
        let counts = try await runs.services.itemCounts(serviceID: service.id)
        service = try await runs.services.service(id: serviceID) ?? service
        service.progress.succeeded = counts.succeeded
        service.progress.failed = counts.failed
        service.status = .finished
        service.finishedAt = Date()
        service.heartbeatAt = Date()
        _ = try await runs.services.updateService(service, ifStatus: .running)
        return note
    }

    // MARK: Mining

    private func filteringTask(_ taskID: String) async throws -> (CollectionTask, BatchService, HardExampleFilter)? {
        guard let task = try await runs.tasks.task(id: taskID), task.status == .running || task.status == .importing,
              let service = try await runs.services.service(id: task.serviceID), let filter = service.hardExamples else { return nil }
        return (task, service, filter)
    }

    private func mine(taskID: String, shard index: Int, of count: Int) async throws -> String {
        guard case let (_, service, filter)? = try await filteringTask(taskID) else { return MiningShardResult.skipped }
        let options = MiningOptions(configuration: filter.configuration ?? MiningConfiguration(), type: filter.modelType, concurrency: miningConcurrency)
        var mining = try HardExampleMining(options: options)
        mining.imageReader = runs.reader
        let source = ServiceItemEntries(services: runs.services, service: service, reader: runs.reader)
        let builtin = try await mining.usesBuiltinEmbeddings(source, hasTraining: filter.trainingManifest != nil)
        var records: [UInt8] = []
        let shard = try MiningOptions.Shard(parsing: "\(index + 1)/\(count)")
        let summary = try await mining.score(source, builtinEmbeddings: builtin, shard: shard) { record in
            records += Array(record.jsonLine().utf8)
            records.append(0x0A)
        }
        return MiningShardResult(entries: summary.entries, problems: summary.problems.items, problemCount: summary.problems.count)
            .encoded(records: records)
    }

    private func finishFiltering(taskID: String) async throws -> String {
        guard case let (task, _, _)? = try await filteringTask(taskID) else { return "skipped: the task is not running" }
        let shards = try await runs.units.workUnits(jobID: DistributedJobID.mining(taskID: taskID))
        var records: [(name: String, bytes: [UInt8])] = []
        var problems = MiningProblems()
        for unit in shards {
            guard unit.state == .completed, let result = unit.result else {
                throw EngineError(.conflict, "task \(taskID): mining shard \(unit.sequence + 1) is not complete")
            }
            let (summary, bytes) = try MiningShardResult.decode(result, name: "task \(taskID) shard \(unit.sequence + 1)/\(shards.count)")
            problems.append(contentsOf: MiningProblems(items: summary.problems, count: summary.problemCount))
            records.append(("task \(taskID) shard \(unit.sequence + 1)/\(shards.count)", bytes))
        }
        let finished = try await collection.run(task, phase1: PhaseOneRecords(shards: records, problems: problems))
        return "task \(finished.status.rawValue): \(finished.hard) hard of \(finished.scanned)"
    }

    // MARK: Giving up

    /// A unit that keeps killing or failing its workers fails its service or task instead.
    private func giveUp(_ payload: WorkPayload, lease: WorkLease) async throws -> String {
        let message = "work unit \(lease.jobID)#\(lease.sequence) was claimed \(lease.attempt - 1) times without completing"
        switch payload {
        case .inference(let serviceID, let runID, _, _), .finishService(let serviceID, let runID, _):
            if let service = try await runningService(serviceID, runID: runID) {
                _ = try await BatchServiceRunner(services: runs.services, reader: runs.reader, httpClient: httpClient).fail(service, message)
            }
        case .miningShard(let taskID, _, _), .finishFiltering(let taskID, _):
            if var task = try await runs.tasks.task(id: taskID), task.status == .running || task.status == .importing {
                let from = task.status
                task.status = .failed
                task.failureReason = message
                task.finishedAt = Date()
                _ = try await runs.tasks.updateTask(task, ifStatus: from)
            }
        }
        return "gave up: \(message)"
    }
}
