import Foundation
import Hummingbird
import WinnowCore
import WinnowReport
import WinnowEngine
import WinnowStore

/// Datasets in the console: the list with a create form, and a dataset's page with its tabs, charts,
/// filters and thumbnail grid.
struct DatasetsPages {
    let environment: ServerEnvironment

    func register(on router: Router<WinnowRequestContext>) {
        router.get("datasets", use: list)
        router.post("datasets", use: create)
        router.get("datasets/{name}", use: show)
        router.post("datasets/{name}/delete", use: delete)
        router.post("datasets/{name}/confirm", use: batchConfirm)
    }

    var limit: Int { environment.configuration.maximumBodySize }
    static let pageSize = 48

    @Sendable func list(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let datasets = try await environment.stores.metadata.listDatasets()
        var rows: [HTML] = []
        for dataset in datasets {
            let statistics = try await environment.stores.metadata.statistics(datasetID: dataset.id)
            let link = "/datasets/\(HTML.urlComponent(dataset.name))"
            rows.append("""
                <tr><td><a href="\(link)">\(dataset.name)</a></td><td>\(dataset.labelingType.rawValue)</td><td>\(statistics.total)</td>
                <td><a href="\(link)?tab=unlabeled">\(statistics.byState[.unlabeled] ?? 0)</a></td><td><a href="\(link)?tab=labeled">\(statistics.byState[.labeled] ?? 0)</a></td>
                <td><a href="\(link)?tab=to_be_confirmed">\(statistics.byState[.toBeConfirmed] ?? 0)</a></td><td>\(statistics.hard)</td><td class="small">\(Layout.date(dataset.createdAt))</td></tr>
                """)
        }
        let types: [HTML] = LabelingType.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }
        let table: HTML = datasets.isEmpty
            ? "<p class=\"empty\">No datasets yet. Sync a service's data or switch hard-example filtering on to fill one.</p>"
            : """
                <table class="list"><thead><tr><th>Name</th><th>Type</th><th>Samples</th><th>Unlabeled</th><th>Labeled</th><th>To be confirmed</th><th>Hard</th><th>Created</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
        let body: HTML = """
            \(Layout.notice(QueryParameters(request).string("notice")))<h1>Datasets</h1>\(table)
            <details class="card"><summary>Create a dataset</summary>
            <form method="post" action="/datasets" class="form">\(Layout.csrfField(context.session))
            <div class="row"><label>Name <input name="name" required></label><label>Labeling type <select name="labeling_type">\(types)</select></label></div>
            <label>Description <input name="description"></label><button class="primary">Create</button></form></details>
            """
        return Layout.page("Datasets", section: .datasets, session: context.session, body: body).response()
    }

    @Sendable func create(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context, limit: limit)
        let dataset = try await DatasetsController.create(
            CreateDatasetBody(name: form.value("name") ?? "", labelingType: form.value("labeling_type") ?? "", description: form.value("description")),
            in: environment)
        return Redirect.to("/datasets/\(HTML.urlComponent(dataset.name))", notice: "Created dataset \(dataset.name).")
    }

    @Sendable func delete(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        _ = try await ConsoleForm.read(request, context: context, limit: limit)
        let dataset = try await environment.dataset(try context.parameters.path("name"))
        // The confirmation the button asks for says so.
        let switchedOff = try await environment.collection.deleteDataset(dataset, force: true)
        let also = switchedOff.isEmpty ? "" : " Hard-example filtering is off for \(switchedOff.joined(separator: ", "))."
        return Redirect.to("/datasets", notice: "Deleted dataset \(dataset.name) (the image files are not touched).\(also)")
    }

    @Sendable func batchConfirm(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context, limit: limit)
        let dataset = try await environment.dataset(try context.parameters.path("name"))
        let ids = form.values("ids").filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw APIError.invalid("ids", "select at least one sample to confirm") }
        for id in ids {
            guard try await environment.stores.metadata.sample(id: id)?.datasetID == dataset.id else {
                throw APIError(.notFound, "no sample '\(id)' in dataset \(dataset.name); nothing was changed")
            }
        }
        let samples = try await environment.review.confirm(ids: ids)
        let back = form.value("back").flatMap { $0.hasPrefix("/datasets/") ? $0 : nil } ?? "/datasets/\(HTML.urlComponent(dataset.name))"
        return Redirect.to(back, notice: "Confirmed \(samples.count) sample\(samples.count == 1 ? "" : "s"): they are labeled now.")
    }

    @Sendable func show(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let query = QueryParameters(request)
        let dataset = try await environment.dataset(try context.parameters.path("name"))
        let statistics = try await environment.stores.metadata.statistics(datasetID: dataset.id)
        let tab = query.string("tab").flatMap(SampleState.init(parsing:))
        var filters = query.values
        filters["state"] = tab?.rawValue
        filters["limit"] = String(Self.pageSize)
        if filters["sort"] == nil, tab == .toBeConfirmed { filters["sort"] = "coefficient" }
        let listing = try SampleListing(datasetID: dataset.id, parameters: QueryParameters(filters))
        let page = try await listing.page(in: environment.stores.metadata)
        let base = "/datasets/\(HTML.urlComponent(dataset.name))"
        var back = URLComponents(string: request.uri.description)
        let kept = back?.queryItems?.filter { $0.name != "notice" }
        back?.queryItems = kept?.isEmpty == true ? nil : kept
        let grid = DatasetGrid(dataset: dataset, samples: page.samples, session: context.session, back: back?.string ?? base)
        let charts = DatasetCharts(environment: environment)
        func tabLink(_ state: SampleState?, _ label: String, _ count: Int) -> HTML {
            let href = state.map { "\(base)?tab=\($0.rawValue)" } ?? base
            return "<a href=\"\(href)\"\(state == tab ? HTML(" class=\"active\"") : "")>\(label) <span class=\"count\">\(count)</span></a>"
        }
        var coefficientCounts: [Int] = []
        if statistics.hard > 0 { coefficientCounts = try await charts.coefficientCounts(datasetID: dataset.id) }
        let summary = statistics.hard > 0 ? try await charts.latestSummary(datasetID: dataset.id) : nil
        let drifting = FeatureDrift.reasons.contains { (statistics.byReason[$0] ?? 0) > 0 }
        let recorded = !(summary?.featureDistributions.isEmpty ?? true)
        let features: HTML = drifting || recorded
            ? """
                <div class="card wide"><h3>Features: this batch against the training set</h3>\
                <img class="chart" src="/v1/datasets/\(HTML.urlComponent(dataset.name))/charts/features.svg" alt="Feature distributions of the batch against the training set" loading="lazy">\
                \(summary == nil ? HTML("<p class=\"muted small\">\(Charts.distributionsNotRecorded) Shown: the flagged samples' values against the training band.</p>") : "")</div>
                """
            : ""
        let chartSection: HTML = statistics.hard > 0
            ? """
                <section class="charts"><div class="card"><h3>Hard examples by reason</h3>\(Charts.reasons(statistics.byReason))</div>
                <div class="card"><h3>Hard coefficient</h3>\(Charts.histogram(counts: coefficientCounts))</div>\(features)</section>
                """
            : ""
        let body: HTML = """
            \(Layout.notice(query.string("notice")))
            <p class="crumbs"><a href="/datasets">Datasets</a> ›</p>
            <div class="heading"><h1>\(dataset.name) <span class="muted small">\(dataset.labelingType.rawValue)</span></h1>
            <div class="actions">\(Layout.actionButton("Delete", action: "\(base)/delete", session: context.session, style: "danger", confirm: "Delete dataset \(dataset.name) and its samples? Hard-example filtering into it is switched off."))</div></div>
            \(chartSection)
            <nav class="tabs">\(tabLink(nil, "All", statistics.total))\(tabLink(.unlabeled, "Unlabeled", statistics.byState[.unlabeled] ?? 0))\
            \(tabLink(.labeled, "Labeled", statistics.byState[.labeled] ?? 0))\(tabLink(.toBeConfirmed, "To be confirmed", statistics.byState[.toBeConfirmed] ?? 0))</nav>
            \(filterForm(tab: tab, query: query, statistics: statistics))
            \(grid.html(total: page.total, offset: listing.offset, pageSize: Self.pageSize, query: filters, base: base))
            """
        return Layout.page(dataset.name, section: .datasets, session: context.session, body: body).response()
    }

    private func filterForm(tab: SampleState?, query: QueryParameters, statistics: DatasetStatistics) -> HTML {
        let selectedReason = query.string("reason").flatMap(Int.init)
        let reasons: [HTML] = HardReason.catalogue.map { reason in
            let count = statistics.byReason[reason.id] ?? 0
            return "<option value=\"\(reason.id)\"\(reason.id == selectedReason ? HTML(" selected") : "")>\(reason.id) \(reason.alias) (\(count))</option>"
        }
        let sorts: [HTML] = [("id", "Id"), ("coefficient", "Hardest first"), ("source", "Source"), ("created_at", "Newest")].map { value, label in
            "<option value=\"\(value)\"\(query.string("sort") == value ? HTML(" selected") : "")>\(label)</option>"
        }
        return """
            <form method="get" class="filters">\(tab.map { HTML("<input type=\"hidden\" name=\"tab\" value=\"\($0.rawValue)\">") } ?? "")
            <label>Reason <select name="reason"><option value="">Any</option>\(reasons)</select></label>
            <label>Label <input name="label" value="\(query.string("label"))" size="10"></label>
            <label>Coefficient <input name="min_coefficient" value="\(query.string("min_coefficient"))" size="4" placeholder="0"> – <input name="max_coefficient" value="\(query.string("max_coefficient"))" size="4" placeholder="1"></label>
            <label><input type="checkbox" name="hard" value="true"\(query.string("hard") == "true" ? HTML(" checked") : "")> Hard only</label>
            <label>Sort <select name="sort"><option value="">Default</option>\(sorts)</select></label>
            <button>Filter</button></form>
            """
    }
}

extension QueryParameters {
    init(_ values: [String: String]) {
        self.values = values
    }
}
