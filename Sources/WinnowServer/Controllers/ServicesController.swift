import Foundation
import Hummingbird
import WinnowCore
import WinnowEngine
import WinnowStore

/// `/v1/services`: deploy (and run in the background), list, show, start, stop, restart, delete,
/// import-output.
struct ServicesController {
    let environment: ServerEnvironment

    func register(on api: RouterGroup<WinnowRequestContext>) {
        api.post("services", use: deploy)
        api.get("services", use: list)
        api.post("services/import-output", use: importOutput)
        api.get("services/{name}", use: show)
        api.delete("services/{name}", use: delete)
        api.post("services/{name}/start", use: start)
        api.post("services/{name}/stop", use: stop)
        api.post("services/{name}/restart", use: restart)
    }

    @Sendable func deploy(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        var request = request
        let body = try await request.decodeBody(DeployBody.self, limit: environment.configuration.maximumBodySize)
        let service = try await Self.deploy(body, in: environment)
        return try JSONResponse.make(ServiceDTO(service), status: .created)
    }

    /// Deploys, switches filtering on when asked (the deployment is undone if that fails) and queues the run.
    static func deploy(_ body: DeployBody, in environment: ServerEnvironment) async throws -> BatchService {
        if let instances = body.instances, !(1...128).contains(instances) {
            throw APIError.invalid("instances", "must be from 1 to 128, got \(instances)")
        }
        if let timeout = body.timeoutSeconds, !(timeout > 0) { throw APIError.invalid("timeout_seconds", "must be positive, got \(timeout)") }
        if let lines = body.manifestLines, lines < 1 { throw APIError.invalid("manifest_lines", "must be at least 1, got \(lines)") }
        for (field, value) in [("name", body.name), ("model", body.model), ("input", body.input), ("output", body.output)] where value.isEmpty {
            throw APIError.invalid(field, "is empty")
        }
        if let filter = body.hardExamples {
            _ = try ServerEnvironment.target(dataset: filter.dataset, newDataset: filter.newDataset, prefix: "hard_examples.")
            _ = try ServerEnvironment.miningConfiguration(filter, prefix: "hard_examples.")
        }
        var service = try await environment.manager.deploy(.init(
            name: body.name, modelName: body.model, input: body.input, output: body.output, instances: body.instances ?? 4,
            timeoutSeconds: body.timeoutSeconds ?? 60, manifestLineLimit: body.manifestLines ?? 100_000))
        if let filter = body.hardExamples {
            do {
                service = try await environment.enableFilter(service.name, filter, prefix: "hard_examples.").service
            } catch {
                try? await environment.stores.services.deleteService(id: service.id)
                throw error
            }
        }
        if body.start ?? true { try environment.runInBackground(service) }
        return service
    }

    @Sendable func list(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try JSONResponse.make(ListDTO(try await environment.stores.services.listServices().map(ServiceDTO.init)))
    }

    @Sendable func show(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try JSONResponse.make(ServiceDTO(try await environment.service(try context.parameters.path("name"))))
    }

    @Sendable func start(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let service = try await environment.start(try context.parameters.path("name"))
        return try JSONResponse.make(ServiceDTO(service), status: .accepted)
    }

    @Sendable func stop(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try JSONResponse.make(ServiceDTO(try await environment.manager.stop(try context.parameters.path("name"))))
    }

    @Sendable func restart(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let service = try await environment.restart(try context.parameters.path("name"))
        return try JSONResponse.make(ServiceDTO(service), status: .accepted)
    }

    /// `?remove_output=true` also deletes the output folder.
    @Sendable func delete(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let name = try context.parameters.path("name")
        let service = try await environment.service(name)
        if environment.executor.isRunning(serviceID: service.id) { throw APIError(.conflict, "service \(name) is running; stop it first") }
        try await environment.manager.delete(name, removeOutput: try QueryParameters(request).bool("remove_output") ?? false)
        return JSONResponse.noContent()
    }

    @Sendable func importOutput(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        var request = request
        let body = try await request.decodeBody(ImportOutputBody.self, limit: environment.configuration.maximumBodySize)
        let type = try ServerEnvironment.labelingType(body.type, field: "type", hardExamplesOnly: true)
        do {
            try Dataset.validateName(body.name)
        } catch {
            throw APIError.invalid("name", error.message)
        }
        let service = try await environment.manager.importOutput(name: body.name, type: type, input: body.input, output: body.output)
        return try JSONResponse.make(ServiceDTO(service), status: .created)
    }
}
