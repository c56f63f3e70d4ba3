import Foundation
import Hummingbird
import WinnowCore
import WinnowReport
import WinnowEngine
import WinnowStore

/// Batch services in the console: the list, the deploy form, a service's page and its actions.
struct ServicesPages {
    let environment: ServerEnvironment

    func register(on router: Router<WinnowRequestContext>) {
        router.get("services", use: list)
        router.get("services/new", use: deployForm)
        router.post("services", use: deploy)
        router.get("services/{name}", use: show)
        router.post("services/{name}/start", use: start)
        router.post("services/{name}/stop", use: stop)
        router.post("services/{name}/restart", use: restart)
        router.post("services/{name}/delete", use: delete)
    }

    var limit: Int { environment.configuration.maximumBodySize }

    @Sendable func list(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let services = try await environment.stores.services.listServices()
        let rows: [HTML] = services.map { service in
            let filter = service.hardExamples
            let filtering: HTML = filter?.enabled == true
                ? "<span class=\"pill on\">on</span> <span class=\"muted small\">→ \(filter?.datasetName)</span>" : "<span class=\"pill off\">off</span>"
            return """
                <tr><td><a href="/services/\(HTML.urlComponent(service.name))">\(service.name)</a></td>
                <td>\(service.modelName.isEmpty ? "(imported output)" : service.modelName)<div class="muted small">\(service.modelType.rawValue)</div></td>
                <td>\(Layout.statusPill(service.status.rawValue))</td>
                <td class="progress-cell">\(Layout.progressBar(done: service.progress.done, total: service.progress.total))</td>
                <td>\(filtering)</td><td class="small">\(Layout.date(service.createdAt))</td></tr>
                """
        }
        let live = services.contains { $0.status == .running || $0.status == .deploying }
        let table: HTML = services.isEmpty
            ? "<p class=\"empty\">No batch services yet. Register a model, then deploy it over a folder of images.</p>"
            : """
                <table class="list"><thead><tr><th>Name</th><th>Model</th><th>Status</th><th>Progress</th><th>Hard-example filtering</th><th>Created</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
        let body: HTML = """
            \(Layout.notice(QueryParameters(request).string("notice")))
            <div class="heading"><h1>Batch services</h1><a class="button primary" href="/services/new">Deploy</a></div>
            <div id="services" data-live>\(table)</div>
            """
        return Layout.page("Batch services", section: .services, session: context.session, refresh: live, body: body).response()
    }

    @Sendable func deployForm(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let models = try await environment.stores.services.listModels()
        let datasets = try await environment.stores.metadata.listDatasets()
        let options: [HTML] = models.map { "<option value=\"\($0.name)\">\($0.name) (\($0.spec.type.rawValue))</option>" }
        let noModels: HTML = models.isEmpty ? "<p class=\"notice\">No model is registered: <a href=\"/models\">register one</a> first.</p>" : ""
        let body: HTML = """
            <h1>Deploy a batch service</h1>\(noModels)
            <form method="post" action="/services" class="card form">\(Layout.csrfField(context.session))
            <label>Name <input name="name" required pattern="[A-Za-z0-9._\\-]{1,64}" placeholder="my-service"></label>
            <label>Model <select name="model" required>\(options)</select></label>
            <label>Input <input name="input" required placeholder="/data/images or /data/input.manifest"><span class="hint">A folder of images (jpg, png, bmp, webp) or a .manifest, on the server.</span></label>
            <label>Output <input name="output" required placeholder="/data/output"><span class="hint">An empty folder on the server.</span></label>
            <div class="row"><label>Instances <input name="instances" type="number" min="1" max="128" value="4"></label>
            <label>Timeout (s) <input name="timeout" type="number" min="1" value="60"></label></div>
            <fieldset><legend><label class="switch"><input type="checkbox" name="hard_examples" data-toggle="filter-fields"> Hard-example filtering</label></legend>
            <div id="filter-fields" class="toggled">\(CollectionSection.filterFields(types: nil, datasets: datasets, filter: nil))</div></fieldset>
            <button class="primary">Deploy and run</button></form>
            """
        return Layout.page("Deploy", section: .services, session: context.session, body: body).response()
    }

    @Sendable func deploy(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context, limit: limit)
        let filter = form.isOn("hard_examples") ? try CollectionSection.filterBody(form) : nil
        let body = DeployBody(
            name: form.value("name") ?? "", model: form.value("model") ?? "", input: form.value("input") ?? "", output: form.value("output") ?? "",
            instances: try form.int("instances"), timeoutSeconds: try form.double("timeout"), manifestLines: nil, start: true, hardExamples: filter)
        let service = try await ServicesController.deploy(body, in: environment)
        return Redirect.to("/services/\(HTML.urlComponent(service.name))", notice: "Deployed \(service.name) over \(service.progress.total) inputs; it is running.")
    }

    @Sendable func show(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let query = QueryParameters(request)
        let service = try await environment.service(try context.parameters.path("name"))
        let tasks = try await environment.stores.tasks.listTasks(serviceID: service.id)
        let collectionTab = query.string("tab") == "collection"
        let encoded = HTML.urlComponent(service.name)
        let session = context.session
        var actions: [HTML] = []
        if service.status == .running {
            actions.append(Layout.actionButton("Stop", action: "/services/\(encoded)/stop", session: session))
        } else {
            if service.status != .finished, !service.modelName.isEmpty {
                actions.append(Layout.actionButton("Start", action: "/services/\(encoded)/start", session: session, style: "primary"))
            }
            if !service.modelName.isEmpty {
                actions.append(Layout.actionButton("Restart", action: "/services/\(encoded)/restart", session: session, confirm: "Run \(service.name) again from scratch?"))
            }
            actions.append(Layout.actionButton("Delete", action: "/services/\(encoded)/delete", session: session, style: "danger", confirm: "Delete service \(service.name)?"))
        }
        let content: HTML
        if collectionTab {
            let datasets = try await environment.stores.metadata.listDatasets()
            content = CollectionSection(service: service, tasks: tasks, datasets: datasets, session: session).html
        } else {
            content = overview(service)
        }
        let live = service.status == .running || service.status == .deploying || tasks.contains { $0.status != .completed && $0.status != .failed }
        let body: HTML = """
            \(Layout.notice(query.string("notice")))
            <p class="crumbs"><a href="/services">Batch services</a> ›</p>
            <div class="heading"><h1>\(service.name) <span id="status" data-live>\(Layout.statusPill(service.status.rawValue))</span></h1><div class="actions" id="actions" data-live>\(actions)</div></div>
            <nav class="tabs"><a href="/services/\(encoded)"\(collectionTab ? "" : HTML(" class=\"active\""))>Overview</a><a href="/services/\(encoded)?tab=collection"\(collectionTab ? HTML(" class=\"active\"") : "")>Data Collection</a></nav>
            \(content)
            """
        return Layout.page(service.name, section: .services, session: session, refresh: live, body: body).response()
    }

    private func overview(_ service: BatchService) -> HTML {
        let p = service.progress
        let error: HTML = service.error.map { "<p class=\"error\">\($0)</p>" } ?? ""
        func row(_ label: String, _ value: HTML) -> HTML { "<tr><th>\(label)</th><td>\(value)</td></tr>" }
        return """
            <section class="card" id="overview" data-live>\(error)
            <table class="fields">
            \(row("Progress", Layout.progressBar(done: p.done, total: p.total)))
            \(row("Succeeded / failed", "\(p.succeeded) / \(p.failed)"))
            \(row("Model", "\(service.modelName.isEmpty ? "(imported output)" : service.modelName) · \(service.modelType.rawValue)"))
            \(row("Input", "<code>\(service.input.path)</code>"))
            \(row("Output", "<code>\(service.output)</code> <span class=\"muted small\">run \(service.runID)</span>"))
            \(row("Instances", "\(service.instances), timeout \(Int(service.timeoutSeconds)) s"))
            \(row("Model calls", "\(p.invocations), \(p.failedInvocations) failed"))
            \(row("Hard-example filtering", service.hardExamples?.enabled == true ? "on → \(service.hardExamples?.datasetName ?? "")" : "off"))
            \(row("Created", "\(Layout.date(service.createdAt))"))
            \(row("Started", "\(Layout.date(service.startedAt))"))
            \(row("Finished", "\(Layout.date(service.finishedAt))"))
            </table></section>
            """
    }

    @Sendable func start(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        _ = try await ConsoleForm.read(request, context: context, limit: limit)
        let service = try await environment.start(try context.parameters.path("name"))
        return Redirect.to("/services/\(HTML.urlComponent(service.name))", notice: "Started \(service.name).")
    }

    @Sendable func stop(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        _ = try await ConsoleForm.read(request, context: context, limit: limit)
        let service = try await environment.manager.stop(try context.parameters.path("name"))
        return Redirect.to("/services/\(HTML.urlComponent(service.name))", notice: "Stopping \(service.name); Start resumes it.")
    }

    @Sendable func restart(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        _ = try await ConsoleForm.read(request, context: context, limit: limit)
        let service = try await environment.restart(try context.parameters.path("name"))
        return Redirect.to("/services/\(HTML.urlComponent(service.name))", notice: "Restarted \(service.name) from scratch.")
    }

    @Sendable func delete(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        _ = try await ConsoleForm.read(request, context: context, limit: limit)
        let name = try context.parameters.path("name")
        let service = try await environment.service(name)
        if environment.executor.isRunning(serviceID: service.id) { throw APIError(.conflict, "service \(name) is running; stop it first") }
        try await environment.manager.delete(name, removeOutput: false)
        return Redirect.to("/services", notice: "Deleted service \(name) (its output folder is kept).")
    }
}
