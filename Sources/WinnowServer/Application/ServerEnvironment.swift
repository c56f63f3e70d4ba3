import Foundation
import Hummingbird
import Logging
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowStore

/// What every controller works with: the stores, the engine's use cases, the background executor and
/// the registered folders.
struct ServerEnvironment: Sendable {
    let configuration: ServerConfiguration
    let executor: EngineExecutor
    let sessions: SessionStore
    let roots: RootRegistry
    /// Rendered thumbnails, shared by the API and the console.
    let thumbnails: ThumbnailCache

    var stores: ServerStores { configuration.stores }
    var manager: BatchServiceManager { BatchServiceManager(services: stores.services, reader: stores.reader, outputStores: stores.outputStores) }
    var collection: CollectionManager {
        CollectionManager(store: stores.metadata, services: stores.services, tasks: stores.tasks, reader: stores.reader)
    }
    var review: SampleReview { SampleReview(store: stores.metadata) }

    init(configuration: ServerConfiguration, logger: Logger) {
        self.configuration = configuration
        executor = EngineExecutor(
            stores: configuration.stores, resumesOnStart: configuration.resumesOnStart, coordinatorOnly: configuration.coordinatorOnly, logger: logger)
        sessions = SessionStore()
        roots = RootRegistry(stores: configuration.stores, extraRoots: configuration.extraRoots)
        thumbnails = ThumbnailCache()
    }

    // MARK: Lookups

    func dataset(_ key: String) async throws -> Dataset {
        if let dataset = try await stores.metadata.dataset(named: key) { return dataset }
        if let dataset = try await stores.metadata.dataset(id: key) { return dataset }
        throw APIError(.notFound, "no dataset named '\(key)'")
    }

    func service(_ name: String) async throws -> BatchService {
        try await manager.service(named: name)
    }

    func sample(_ id: String) async throws -> Sample {
        guard let sample = try await stores.metadata.sample(id: id) else { throw APIError(.notFound, "no sample '\(id)'") }
        return sample
    }

    func task(_ id: String) async throws -> CollectionTask {
        guard let task = try await stores.tasks.task(id: id) else { throw APIError(.notFound, "no collection task '\(id)'") }
        return task
    }

    // MARK: Engine actions shared by the API and the console

    /// Queues a service run in the background.
    func runInBackground(_ service: BatchService) throws {
        guard configuration.runsEngine else { return }
        try executor.submit(.runService(id: service.id, name: service.name))
    }

    /// Checks a service can start and queues its run: a service left `running` by a dead process is taken over.
    func start(_ name: String) async throws -> BatchService {
        var service = try await self.service(name)
        if executor.isRunning(serviceID: service.id) { throw APIError(.conflict, "service \(name) is running already") }
        try manager.prepareStart(service)
        if service.status == .running {
            service.status = .stopped
            try await stores.services.updateService(service)
        }
        try runInBackground(service)
        return service
    }

    func restart(_ name: String) async throws -> BatchService {
        let current = try await self.service(name)
        if executor.isRunning(serviceID: current.id) { throw APIError(.conflict, "service \(name) is running; stop it first") }
        let service = try await manager.prepareRestart(name)
        try runInBackground(service)
        return service
    }

    func queueTask(_ task: CollectionTask) throws {
        guard configuration.runsEngine else { return }
        try executor.submit(.runTask(task))
    }

    func retry(_ taskID: String) async throws -> CollectionTask {
        if executor.isRunning(taskID: taskID) { throw APIError(.conflict, "task \(taskID) is running; wait for it to end") }
        let task = try await collection.queueRetry(taskID: taskID)
        try queueTask(task)
        return task
    }

    /// A dataset target from `dataset` or `new_dataset` (exactly one), naming the fields at fault.
    static func target(dataset: String?, newDataset: String?, prefix: String = "") throws -> CollectionManager.DatasetTarget {
        let existing = dataset.flatMap { $0.isEmpty ? nil : $0 }
        let new = newDataset.flatMap { $0.isEmpty ? nil : $0 }
        switch (existing, new) {
        case (let name?, nil): return .existing(name)
        case (nil, let name?): return .new(name)
        case (nil, nil): throw APIError.invalid(prefix + "dataset", "give dataset (an existing one) or new_dataset (one to create)")
        case (.some, .some): throw APIError.invalid(prefix + "new_dataset", "give dataset or new_dataset, not both")
        }
    }

    /// A labeling type from its name, naming the field when unknown.
    static func labelingType(_ text: String, field: String, hardExamplesOnly: Bool = false) throws -> LabelingType {
        guard let type = LabelingType(parsing: text) else {
            throw APIError.invalid(field, "'\(text)' is not a labeling type; use one of \(LabelingType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if hardExamplesOnly, !type.supportsHardExamples {
            throw APIError.invalid(field, "'\(text)': use image_classification or object_detection")
        }
        return type
    }

    /// Turns filtering on from a body, defaulting the model type to the service's.
    func enableFilter(_ serviceName: String, _ body: FilterBody, prefix: String = "") async throws -> (service: BatchService, restartNeeded: Bool) {
        let service = try await self.service(serviceName)
        let type = try body.modelType.map { try Self.labelingType($0, field: prefix + "model_type", hardExamplesOnly: true) } ?? service.modelType
        let target = try Self.target(dataset: body.dataset, newDataset: body.newDataset, prefix: prefix)
        let manifest = body.trainingManifest.flatMap { $0.isEmpty ? nil : $0 }
        let configuration = try Self.miningConfiguration(body, prefix: prefix)
        return try await collection.enableFilter(
            serviceName: serviceName, modelType: type, trainingManifest: manifest, target: target, configuration: configuration)
    }
}
