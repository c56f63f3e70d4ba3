import Foundation
import Hummingbird
import WinnowCore
import WinnowReport
import WinnowObjects
import WinnowStore

/// Registered models in the console: the list, registering a spec file on the server, deleting.
struct ModelsPage {
    let environment: ServerEnvironment

    func register(on router: Router<WinnowRequestContext>) {
        router.get("models", use: list)
        router.post("models", use: create)
        router.post("models/{name}/delete", use: delete)
    }

    var limit: Int { environment.configuration.maximumBodySize }

    @Sendable func list(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let models = try await environment.stores.services.listModels()
        let rows: [HTML] = models.map { model in
            let endpoint: String
            switch model.spec.endpoint {
            case .url(let url): endpoint = url
            case .command(let arguments): endpoint = "command: " + arguments.joined(separator: " ")
            }
            return """
                <tr><td>\(model.name)</td><td>\(model.spec.version)</td><td>\(model.spec.type.rawValue)</td><td><code>\(endpoint)</code></td>
                <td>\(Layout.actionButton("Delete", action: "/models/\(HTML.urlComponent(model.name))/delete", session: context.session, style: "danger", confirm: "Delete model \(model.name)?"))</td></tr>
                """
        }
        let table: HTML = models.isEmpty
            ? "<p class=\"empty\">No models yet.</p>"
            : "<table class=\"list\"><thead><tr><th>Name</th><th>Version</th><th>Type</th><th>Endpoint</th><th></th></tr></thead><tbody>\(rows)</tbody></table>"
        let body: HTML = """
            \(Layout.notice(QueryParameters(request).string("notice")))<h1>Models</h1>\(table)
            <section class="card"><h2>Register a model</h2><p class="muted">A spec file on the server, JSON or YAML (see docs/model-contract.md); a command runs in the spec's folder.</p>
            <form method="post" action="/models" class="form">\(Layout.csrfField(context.session))
            <label>Spec file <input name="spec" required placeholder="/path/to/examples/models/instant/spec.json"></label>
            <label class="inline-check"><input type="checkbox" name="replace"> Replace a model of the same name</label>
            <button class="primary">Register</button></form></section>
            """
        return Layout.page("Models", section: .models, session: context.session, body: body).response()
    }

    @Sendable func create(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context, limit: limit)
        guard let path = form.value("spec"), path.hasPrefix("/") else { throw APIError.invalid("spec", "give the absolute path of a spec file on the server") }
        let bytes = try LocalFiles.read(ResourceLocation.normalise(path), maximumSize: 1 << 20)
        let value: JSONValue
        do {
            value = path.lowercased().hasSuffix(".json") ? try JSONParser.parse(bytes) : try FlatYAML.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw APIError.invalid("spec", error.description)
        }
        let spec = try ModelSpec(from: value, directory: (ResourceLocation.normalise(path) as NSString).deletingLastPathComponent)
        try await environment.stores.services.registerModel(RegisteredModel(spec: spec), replace: form.isOn("replace"))
        return Redirect.to("/models", notice: "Registered model \(spec.name).")
    }

    @Sendable func delete(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        _ = try await ConsoleForm.read(request, context: context, limit: limit)
        let name = try context.parameters.path("name")
        do {
            try await environment.stores.services.deleteModel(named: name)
        } catch let error as StoreError where error.code == .invalid {
            throw APIError(.conflict, error.message)
        }
        return Redirect.to("/models", notice: "Deleted model \(name).")
    }
}
