import Foundation
import Hummingbird
import WinnowCore
import WinnowEngine
import WinnowStore

/// A service's data collection (`/v1/services/{name}/collection/…`) and collection tasks (`/v1/tasks/…`).
struct CollectionController {
    let environment: ServerEnvironment

    func register(on api: RouterGroup<WinnowRequestContext>) {
        api.post("services/{name}/collection/sync", use: sync)
        api.put("services/{name}/collection/filter", use: enableFilter)
        api.delete("services/{name}/collection/filter", use: disableFilter)
        api.get("services/{name}/collection/tasks", use: tasks)
        api.get("tasks/{id}", use: task)
        api.post("tasks/{id}/retry", use: retry)
        api.get("tasks/{id}/report.html", use: report)
    }

    @Sendable func report(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try await TaskReport.response(request, taskID: try context.parameters.path("id"), environment: environment)
    }

    /// Queues a sync task (202); it runs in the background.
    @Sendable func sync(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        var request = request
        let name = try context.parameters.path("name")
        let body = try await request.decodeBody(SyncBody.self, limit: environment.configuration.maximumBodySize)
        let task = try await Self.sync(name, body, in: environment)
        return try JSONResponse.make(TaskDTO(task), status: .accepted)
    }

    static func sync(_ serviceName: String, _ body: SyncBody, in environment: ServerEnvironment) async throws -> CollectionTask {
        let type = try ServerEnvironment.labelingType(body.labelingType, field: "labeling_type")
        let target = try ServerEnvironment.target(dataset: body.dataset, newDataset: body.newDataset)
        let task = try await environment.collection.queueSync(serviceName: serviceName, labelingType: type, target: target)
        try environment.queueTask(task)
        return task
    }

    @Sendable func enableFilter(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        var request = request
        let name = try context.parameters.path("name")
        let body = try await request.decodeBody(FilterBody.self, limit: environment.configuration.maximumBodySize)
        let (service, restartNeeded) = try await environment.enableFilter(name, body)
        return try JSONResponse.make(FilterConfiguredDTO(
            service: ServiceDTO(service), restartNeeded: restartNeeded,
            hint: restartNeeded ? Self.restartHint(service) : nil))
    }

    static func restartHint(_ service: BatchService) -> String {
        "service \(service.name) is \(service.status.rawValue); filtering runs when a service finishes, so restart it (POST /v1/services/\(service.name)/restart) for the filtering to run"
    }

    @Sendable func disableFilter(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try JSONResponse.make(ServiceDTO(try await environment.collection.disableFilter(serviceName: try context.parameters.path("name"))))
    }

    @Sendable func tasks(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let service = try await environment.service(try context.parameters.path("name"))
        return try JSONResponse.make(ListDTO(try await environment.stores.tasks.listTasks(serviceID: service.id).map(TaskDTO.init)))
    }

    @Sendable func task(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try JSONResponse.make(TaskDTO(try await environment.task(try context.parameters.path("id"))))
    }

    @Sendable func retry(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try JSONResponse.make(TaskDTO(try await environment.retry(try context.parameters.path("id"))), status: .accepted)
    }
}
