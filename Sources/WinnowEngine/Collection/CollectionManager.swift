import Foundation
public import WinnowCore
public import WinnowObjects
public import WinnowStore

/// Data collection on batch services: syncing inputs into a dataset, configuring hard-example
/// filtering, and running both as tasks with a state machine.
public struct CollectionManager: Sendable {
    public let store: any MetadataStore
    public let services: any ServiceStore
    public let tasks: any CollectionTaskStore
    public let reader: any ResourceReader
    /// Images decoded at once while mining (default: the number of cores).
    public var miningConcurrency: Int?

    public init(store: any MetadataStore, services: any ServiceStore, tasks: any CollectionTaskStore, reader: any ResourceReader) {
        self.store = store
        self.services = services
        self.tasks = tasks
        self.reader = reader
    }

    /// A dataset to collect into: an existing one, or a new one created with the right type.
    public enum DatasetTarget: Sendable {
        case existing(String)
        case new(String)
    }

    /// The dataset for `target`, created when new; its type must be `type`.
    func dataset(_ target: DatasetTarget, type: LabelingType) async throws -> Dataset {
        switch target {
        case .existing(let name):
            guard let dataset = try await store.dataset(named: name) else {
                throw EngineError(.notFound, "no dataset named '\(name)' (use --new-dataset to create one)")
            }
            guard dataset.labelingType == type else {
                throw EngineError(.conflict, "dataset '\(name)' is \(dataset.labelingType.rawValue) but the model type is \(type.rawValue); they must be equal")
            }
            return dataset
        case .new(let name):
            do {
                try Dataset.validateName(name)
            } catch {
                throw EngineError(.invalidInput, "dataset name: \(error.message)")
            }
            if try await store.dataset(named: name) != nil {
                throw EngineError(.conflict, "a dataset named '\(name)' exists already (use --dataset to collect into it)")
            }
            return try await store.createDataset(Dataset(name: name, labelingType: type))
        }
    }

    func service(named name: String) async throws -> BatchService {
        guard let service = try await services.service(named: name) else {
            throw EngineError(.notFound, "no service named '\(name)' (winnow service list shows the services)")
        }
        return service
    }

    // MARK: Sync

    /// Puts every input of the service into a dataset as unlabeled samples (once: a source already
    /// there is left as it is), as a sync task run to its end.
    public func sync(serviceName: String, labelingType: LabelingType, target: DatasetTarget) async throws -> CollectionTask {
        try await run(try await queueSync(serviceName: serviceName, labelingType: labelingType, target: target))
    }

    /// Checks a sync request and stores its task `queued` without running it (a server runs it in the
    /// background with ``run(_:)``).
    public func queueSync(serviceName: String, labelingType: LabelingType, target: DatasetTarget) async throws -> CollectionTask {
        let service = try await service(named: serviceName)
        guard try await services.itemCounts(serviceID: service.id).total > 0 else {
            throw EngineError(.invalidInput, "service \(serviceName) has no input data; there is nothing to sync")
        }
        let dataset = try await dataset(target, type: labelingType)
        let task = CollectionTask(kind: .sync, serviceID: service.id, serviceName: service.name, datasetID: dataset.id, datasetName: dataset.name)
        try await tasks.createTask(task)
        return task
    }

    // MARK: Filtering configuration

    /// Turns hard-example filtering on with these settings. Returns the service, and whether it must be
    /// restarted for filtering to run (it finished already: filtering runs when a service finishes).
    public func enableFilter(
        serviceName: String, modelType: LabelingType, trainingManifest: String?, target: DatasetTarget,
        configuration: MiningConfiguration? = nil
    ) async throws -> (service: BatchService, restartNeeded: Bool) {
        var service = try await service(named: serviceName)
        guard modelType.supportsHardExamples else {
            throw EngineError(.invalidInput, "hard-example filtering supports image_classification and object_detection models, not \(modelType.rawValue)")
        }
        guard modelType == service.modelType else {
            throw EngineError(.conflict, "service \(serviceName) runs a \(service.modelType.rawValue) model, not \(modelType.rawValue)")
        }
        // Local paths are made absolute; s3:// and obs:// URIs are kept as given.
        let manifest = trainingManifest.map { $0.contains("://") ? $0 : ResourceLocationPath.absolute($0) }
        if let manifest {
            _ = try await TrainingSetReader(reader: reader).read(manifest, type: modelType)
        }
        let dataset = try await dataset(target, type: modelType)
        let from = service.status
        service.hardExamples = HardExampleFilter(
            enabled: true, modelType: modelType, trainingManifest: manifest, datasetID: dataset.id, datasetName: dataset.name,
            configuration: configuration)
        guard try await services.updateService(service, ifStatus: from) else {
            throw EngineError(.conflict, "service \(serviceName) changed status meanwhile; try again")
        }
        return (service, from == .finished || from == .failed || from == .stopped)
    }

    /// Turns hard-example filtering off.
    public func disableFilter(serviceName: String) async throws -> BatchService {
        var service = try await service(named: serviceName)
        guard service.hardExamples?.enabled == true else {
            throw EngineError(.conflict, "hard-example filtering is not enabled for service \(serviceName)")
        }
        let from = service.status
        service.hardExamples?.enabled = false
        guard try await services.updateService(service, ifStatus: from) else {
            throw EngineError(.conflict, "service \(serviceName) changed status meanwhile; try again")
        }
        return service
    }

    /// Runs the filtering task of a service that just finished, when filtering is on; `nil` otherwise.
    public func filterAfterFinish(_ service: BatchService) async throws -> CollectionTask? {
        guard service.status == .finished, let filter = service.hardExamples, filter.enabled else { return nil }
        let task = CollectionTask(kind: .filter, serviceID: service.id, serviceName: service.name, datasetID: filter.datasetID, datasetName: filter.datasetName)
        try await tasks.createTask(task)
        return try await run(task)
    }

    // MARK: Tasks

    /// Queues a failed task again and runs it; a task left running or importing by a killed process
    /// is taken over and run again.
    public func retry(taskID: String) async throws -> CollectionTask {
        try await run(try await queueRetry(taskID: taskID))
    }

    /// Queues a failed task again without running it; a task still queued, running or importing is
    /// returned as it is, for ``run(_:)`` to take over.
    public func queueRetry(taskID: String) async throws -> CollectionTask {
        guard var task = try await tasks.task(id: taskID) else { throw EngineError(.notFound, "no collection task '\(taskID)'") }
        if task.status == .running || task.status == .importing || task.status == .queued { return task }
        let from = task.status
        do {
            try task.transition(to: .queued)
        } catch {
            throw EngineError(.conflict, error.description)
        }
        task.failureReason = nil
        guard try await tasks.updateTask(task, ifStatus: from) else { throw EngineError(.conflict, "task \(taskID) changed meanwhile; try again") }
        return task
    }

    /// Runs every task a killed process left unfinished; returns them as they ended.
    public func resumeUnfinished() async throws -> [CollectionTask] {
        var finished: [CollectionTask] = []
        for task in try await tasks.unfinishedTasks() { finished.append(try await run(task)) }
        return finished
    }

    /// Runs a task from whatever unfinished status it is in to `completed` or `failed`.
    public func run(_ task: CollectionTask) async throws -> CollectionTask {
        try await run(task, phase1: nil)
    }

    /// Runs a filtering task's phase 2 on the phase-1 records its shards produced (distributed
    /// workers), then imports the selection, as ``run(_:)`` does for a whole run.
    public func run(_ task: CollectionTask, phase1: PhaseOneRecords?) async throws -> CollectionTask {
        var task = task
        if let stale = task.importID { try? await store.abortImport(stale) }
        let from = task.status
        do {
            try task.beginRun()
        } catch {
            throw EngineError(.conflict, error.description)
        }
        task.importID = nil
        task.scanned = 0
        task.hard = 0
        task.mining = nil
        task.imported = 0
        guard try await tasks.updateTask(task, ifStatus: from) else { throw EngineError(.conflict, "task \(task.id) is being run elsewhere") }
        do {
            switch task.kind {
            case .sync: try await TaskExecution(manager: self).sync(&task)
            case .filter: try await TaskExecution(manager: self).filter(&task, phase1: phase1)
            }
            let before = task.status
            try task.transition(to: .completed)
            task.finishedAt = Date()
            _ = try await tasks.updateTask(task, ifStatus: before)
        } catch {
            let before = task.status
            if let importID = task.importID { try? await store.abortImport(importID) }
            task.importID = nil
            task.status = .failed
            task.failureReason = (error as? EngineError)?.description ?? "\(error)"
            task.finishedAt = Date()
            _ = try await tasks.updateTask(task, ifStatus: before)
        }
        return task
    }
}
