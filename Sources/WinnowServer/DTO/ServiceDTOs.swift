import Foundation
import WinnowCore
import WinnowStore

/// A registered model as the API shows it.
struct ModelDTO: Codable, Sendable {
    var name: String
    var version: String
    var type: String
    var url: String?
    var command: [String]?
    var requestPath: String
    var fieldName: String
    var healthPath: String
    var maxConcurrentRequests: Int
    var timeoutSeconds: Double
    var startupTimeoutSeconds: Double
    var directory: String?
    var registeredAt: Date

    init(_ model: RegisteredModel) {
        let spec = model.spec
        name = spec.name
        version = spec.version
        type = spec.type.rawValue
        switch spec.endpoint {
        case .url(let value): url = value
        case .command(let arguments): command = arguments
        }
        requestPath = spec.requestPath
        fieldName = spec.fieldName
        healthPath = spec.healthPath
        maxConcurrentRequests = spec.maxConcurrentRequests
        timeoutSeconds = spec.timeoutSeconds
        startupTimeoutSeconds = spec.startupTimeoutSeconds
        directory = spec.directory
        registeredAt = model.registeredAt
    }
}

/// A batch service with its status and progress.
struct ServiceDTO: Codable, Sendable {
    struct ProgressDTO: Codable, Sendable {
        var succeeded: Int
        var failed: Int
        var done: Int
        var total: Int
        /// Inputs done, in percent (0–100).
        var percent: Double
        var invocations: Int
        var failedInvocations: Int
    }

    struct FilterDTO: Codable, Sendable {
        var enabled: Bool
        var modelType: String
        var trainingManifest: String?
        var datasetId: String
        var datasetName: String
        /// The mining configuration, when one was given (else the engine's defaults apply).
        var configuration: MiningConfiguration?
    }

    var id: String
    var name: String
    /// The model's name; empty for a service imported from existing output.
    var model: String
    var modelType: String
    var inputKind: String
    var input: String
    var output: String
    var status: String
    var progress: ProgressDTO
    var error: String?
    var instances: Int
    var timeoutSeconds: Double
    var runId: String
    var hardExamples: FilterDTO?
    var createdAt: Date
    var startedAt: Date?
    var finishedAt: Date?

    init(_ service: BatchService) {
        id = service.id
        name = service.name
        model = service.modelName
        modelType = service.modelType.rawValue
        switch service.input {
        case .folder(let path): (inputKind, input) = ("folder", path)
        case .manifest(let path): (inputKind, input) = ("manifest", path)
        }
        output = service.output
        status = service.status.rawValue
        let p = service.progress
        progress = ProgressDTO(
            succeeded: p.succeeded, failed: p.failed, done: p.done, total: p.total,
            percent: p.total > 0 ? (Double(p.done) / Double(p.total) * 1000).rounded() / 10 : 0,
            invocations: p.invocations, failedInvocations: p.failedInvocations)
        error = service.error
        instances = service.instances
        timeoutSeconds = service.timeoutSeconds
        runId = service.runID
        hardExamples = service.hardExamples.map {
            FilterDTO(enabled: $0.enabled, modelType: $0.modelType.rawValue, trainingManifest: $0.trainingManifest, datasetId: $0.datasetID, datasetName: $0.datasetName,
                      configuration: $0.configuration)
        }
        createdAt = service.createdAt
        startedAt = service.startedAt
        finishedAt = service.finishedAt
    }
}

/// The answer to turning filtering on: the service, and whether it must be restarted for filtering to run.
struct FilterConfiguredDTO: Codable, Sendable {
    var service: ServiceDTO
    var restartNeeded: Bool
    var hint: String?
}

/// A data-collection task.
struct TaskDTO: Codable, Sendable {
    var id: String
    var kind: String
    var serviceId: String
    var serviceName: String
    var datasetId: String
    var datasetName: String
    var status: String
    /// How the console shows the status: `completed` reads "Dataset import complete".
    var statusText: String
    var failureReason: String?
    var scanned: Int
    var hard: Int
    var imported: Int
    var createdAt: Date
    var startedAt: Date?
    var finishedAt: Date?
    /// A filter task's HTML report.
    var report: String?
    /// What a filter task's mining found: totals, counts by reason, histograms, feature distributions.
    var mining: MiningSummary?

    init(_ task: CollectionTask) {
        id = task.id
        kind = task.kind.rawValue
        serviceId = task.serviceID
        serviceName = task.serviceName
        datasetId = task.datasetID
        datasetName = task.datasetName
        status = task.status.rawValue
        statusText = task.status.displayName
        failureReason = task.failureReason
        scanned = task.scanned
        hard = task.hard
        imported = task.imported
        createdAt = task.createdAt
        startedAt = task.startedAt
        finishedAt = task.finishedAt
        report = task.kind == .filter ? "/v1/tasks/\(task.id)/report.html" : nil
        mining = task.mining
    }
}

/// A list under a key, so that lists can grow fields later.
struct ListDTO<Item: Codable & Sendable>: Codable, Sendable {
    var items: [Item]
    var count: Int

    init(_ items: [Item]) {
        self.items = items
        count = items.count
    }
}
