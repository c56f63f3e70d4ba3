import Foundation
import Hummingbird
import WinnowCore
import WinnowObjects
import WinnowStore

/// `/v1/models`: register a model from its JSON spec, list, show, delete.
struct ModelsController {
    let environment: ServerEnvironment

    func register(on api: RouterGroup<WinnowRequestContext>) {
        api.post("models", use: create)
        api.get("models", use: list)
        api.get("models/{name}", use: show)
        api.delete("models/{name}", use: delete)
    }

    /// The body is the spec (docs/model-contract.md); `?directory=` is the folder a `command` runs in,
    /// `?replace=true` replaces a model of the same name.
    @Sendable func create(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        var request = request
        let query = QueryParameters(request)
        let bytes = try await request.bodyBytes(limit: environment.configuration.maximumBodySize)
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw APIError.invalid("body", "is not a JSON model spec: \(error.message)")
        }
        var directory: String?
        if let folder = query.string("directory") {
            guard folder.hasPrefix("/") else { throw APIError.invalid("directory", "must be an absolute folder path, got '\(folder)'") }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw APIError.invalid("directory", "\(folder) is not a folder on the server")
            }
            directory = ResourceLocation.normalise(folder)
        }
        let spec = try ModelSpec(from: value, directory: directory)
        if case .command = spec.endpoint, directory == nil {
            throw APIError.invalid("directory", "a spec with a command needs ?directory=FOLDER, the folder the command runs in")
        }
        let model = RegisteredModel(spec: spec)
        try await environment.stores.services.registerModel(model, replace: try query.bool("replace") ?? false)
        return try JSONResponse.make(ModelDTO(model), status: .created)
    }

    @Sendable func list(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try JSONResponse.make(ListDTO(try await environment.stores.services.listModels().map(ModelDTO.init)))
    }

    @Sendable func show(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let name = try context.parameters.path("name")
        guard let model = try await environment.stores.services.model(named: name) else { throw APIError(.notFound, "no model named '\(name)'") }
        return try JSONResponse.make(ModelDTO(model))
    }

    @Sendable func delete(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let name = try context.parameters.path("name")
        do {
            try await environment.stores.services.deleteModel(named: name)
        } catch let error as StoreError where error.code == .invalid {
            throw APIError(.conflict, error.message)
        }
        return JSONResponse.noContent()
    }
}
