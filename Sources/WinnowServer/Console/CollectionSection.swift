import Foundation
import WinnowCore
import WinnowReport

/// A service's Data Collection tab: sync to a dataset, the hard-example filtering editor with the
/// restart hint, and the task list.
struct CollectionSection {
    let service: BatchService
    let tasks: [CollectionTask]
    let datasets: [Dataset]
    let session: ConsoleSession?

    var encoded: String { HTML.urlComponent(service.name) }

    var html: HTML {
        "\(syncCard)\(filterCard)\(taskList)"
    }

    private var syncCard: HTML {
        let types: [HTML] = LabelingType.allCases.map {
            "<option value=\"\($0.rawValue)\"\($0 == service.modelType ? HTML(" selected") : "")>\($0.rawValue)</option>"
        }
        let empty: HTML = service.progress.total == 0
            ? "<p class=\"notice\">This service has no input data: there is nothing to sync.</p>" : ""
        return """
            <section class="card"><h2>Sync data to dataset</h2>
            <p class="muted">Puts every input of the service into a dataset as unlabeled samples, for later labeling.</p>\(empty)
            <form method="post" action="/services/\(encoded)/sync" class="form">\(Layout.csrfField(session))
            <label>Labeling type <select name="labeling_type">\(types)</select></label>
            \(Self.datasetChooser(datasets, selected: nil))
            <button class="primary"\(service.progress.total == 0 ? HTML(" disabled") : "")>Sync data to dataset</button></form></section>
            """
    }

    private var filterCard: HTML {
        let filter = service.hardExamples
        let state: HTML = filter?.enabled == true
            ? "<p><span class=\"pill on\">on</span> hard examples go to dataset <a href=\"/datasets/\(HTML.urlComponent(filter?.datasetName ?? ""))\">\(filter?.datasetName)</a>\(filter?.trainingManifest.map { HTML(", compared with the training manifest <code>\($0)</code>") } ?? HTML(", without a training manifest"))</p>"
            : "<p><span class=\"pill off\">off</span> Switch filtering on to find the samples most worth labeling when the service finishes.</p>"
        let disable: HTML = filter?.enabled == true
            ? Layout.actionButton("Disable filtering", action: "/services/\(encoded)/filter/disable", session: session) : ""
        return """
            <section class="card"><h2>Hard-example filtering</h2>\(state)\(restartHint)
            <p class="muted small">For batch services the filtering covers all data; there is no filtering rule to set.</p>
            <form method="post" action="/services/\(encoded)/filter" class="form">\(Layout.csrfField(session))
            \(Self.filterFields(types: service.modelType, datasets: datasets, filter: filter))
            <button class="primary">\(filter?.enabled == true ? "Save" : "Enable filtering")</button></form>\(disable)</section>
            """
    }

    /// ModelArts' rule: filtering runs when a service finishes; a service that finished with filtering
    /// off must be restarted for it to run.
    private var restartHint: HTML {
        guard service.hardExamples?.enabled == true else { return "" }
        switch service.status {
        case .finished:
            // A filtering task of this run is created after the run started (and only once it finished).
            let started = service.startedAt ?? service.finishedAt ?? .distantPast
            let filtered = tasks.contains { $0.kind == .filter && $0.createdAt >= started }
            guard !filtered else { return "" }
            return """
                <div class="hint-box" id="restart-hint"><strong>Restart needed.</strong> This service finished before filtering was configured; \
                filtering runs when a service finishes, so restart it to run the filtering. \
                \(Layout.actionButton("Restart service", action: "/services/\(encoded)/restart", session: session, style: "primary"))</div>
                """
        case .stopped, .failed:
            return "<div class=\"hint-box\">Filtering runs when the service finishes: start it to go on.</div>"
        default:
            return ""
        }
    }

    private var taskList: HTML {
        let rows: [HTML] = tasks.map { task in
            let dataset = HTML.urlComponent(task.datasetName)
            let tab = task.kind == .filter ? "to_be_confirmed" : "unlabeled"
            let link: HTML = task.status == .completed
                ? "<a href=\"/datasets/\(dataset)?tab=\(tab)\">\(task.datasetName)</a>" : "\(task.datasetName)"
            let retry: HTML = task.status == .failed
                ? Layout.actionButton("Retry", action: "/tasks/\(task.id)/retry", session: session)
                : task.kind == .filter && task.status == .completed
                ? "<a class=\"button\" href=\"/v1/tasks/\(HTML.urlComponent(task.id))/report.html\">Report</a>" : ""
            let reason: HTML = task.failureReason.map { "<div class=\"\(task.status == .failed ? "error" : "muted") small\">\($0)</div>" } ?? ""
            return """
                <tr><td>\(task.kind == .sync ? "Sync to dataset" : "Hard-example filtering")<div class="muted small">\(String(task.id.prefix(12)))</div></td>
                <td>\(Layout.statusPill(task.status.rawValue, text: task.status.displayName))\(reason)</td>
                <td>\(link)</td><td>\(task.scanned)</td><td>\(task.kind == .filter ? "\(task.hard)" : "–")</td><td>\(task.imported)</td>
                <td class="small">\(Layout.date(task.createdAt))</td><td>\(retry)</td></tr>
                """
        }
        let table: HTML = tasks.isEmpty
            ? "<p class=\"empty\">No collection task yet.</p>"
            : """
                <table class="list" id="tasks-table"><thead><tr><th>Task</th><th>Status</th><th>Dataset</th><th>Scanned</th><th>Hard</th><th>Imported</th><th>Created</th><th></th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
        return "<section class=\"card\" id=\"tasks\" data-live><h2>Tasks</h2>\(table)</section>"
    }

    /// Dataset choice: an existing one (of any type; the engine checks the type) or a new one.
    static func datasetChooser(_ datasets: [Dataset], selected: String?, prefix: String = "") -> HTML {
        let options: [HTML] = datasets.map {
            "<option value=\"\($0.name)\"\($0.id == selected ? HTML(" selected") : "")>\($0.name) (\($0.labelingType.rawValue))</option>"
        }
        return """
            <div class="row"><label>Dataset <select name="\(prefix)dataset"><option value="__new__">New dataset…</option>\(options)</select></label>
            <label>New dataset name <input name="\(prefix)new_dataset" placeholder="letters, digits, - _ ."></label></div>
            """
    }

    /// The filtering parameters: model type, training manifest, output dataset.
    static func filterFields(types selected: LabelingType?, datasets: [Dataset], filter: HardExampleFilter?) -> HTML {
        let current = filter?.modelType ?? selected
        let types: [HTML] = [LabelingType.imageClassification, .objectDetection].map {
            "<option value=\"\($0.rawValue)\"\($0 == current ? HTML(" selected") : "")>\($0 == .imageClassification ? "Image classification" : "Object detection")</option>"
        }
        let defaultOption: HTML = selected == nil ? "<option value=\"\">The model's type</option>" : ""
        return """
            <label>Model type <select name="model_type">\(defaultOption)\(types)</select></label>
            <label>Training dataset manifest <input name="training_manifest" value="\(filter?.trainingManifest ?? "")" placeholder="/data/train.manifest (optional, recommended)">\
            <span class="hint">Lets the rules compare the inference data with what the model was trained on.</span></label>
            \(datasetChooser(datasets, selected: filter?.datasetID))
            <p class="hint">The output dataset's type must match the model type.</p>
            \(miningFields(filter?.configuration))
            """
    }

    /// The mining options, as `winnow collect filter enable` takes them: reasons, budget, ranking, diversity,
    /// seed and a JSON object of thresholds.
    static func miningFields(_ configuration: MiningConfiguration?) -> HTML {
        let reasons = configuration.map { compact($0.enabledReasons) } ?? ""
        let max = configuration?.selection.maximumCount.map(String.init) ?? ""
        let fraction = configuration?.selection.maximumFraction.map { String($0) } ?? ""
        let seed = configuration.map { String($0.seed) } ?? ""
        let diverse = configuration?.selection.diversity ?? SelectionConfiguration.defaultDiversity
        let ranking = configuration?.selection.ranking ?? SelectionConfiguration.defaultRanking
        let rankings: [HTML] = SelectionConfiguration.Ranking.allCases.map {
            let text = $0 == .coefficient ? "coefficient (most and strongest reasons)" : "informativeness (closest to the decision boundary)"
            return "<option value=\"\($0.rawValue)\"\($0 == ranking ? HTML(" selected") : "")>\(text)</option>"
        }
        return """
            <details class="mining"\(configuration == nil ? "" : HTML(" open"))><summary>Mining options</summary>
            <div class="row"><label>Reasons <input name="reasons" value="\(reasons)" placeholder="0-30 (all)"><span class="hint">e.g. 0,1,5-10,30</span></label>
            <label>At most <input name="max" type="number" min="1" value="\(max)" placeholder="no limit"></label>
            <label>At most a fraction <input name="max_fraction" type="number" min="0" max="1" step="any" value="\(fraction)" placeholder="0–1"></label></div>
            <div class="row"><label>Budget filled by <select name="ranking">\(rankings)</select></label>
            <label>Diversity <select name="diversity"><option value="on"\(diverse ? HTML(" selected") : "")>skip near-duplicates</option>\
            <option value="off"\(diverse ? "" : HTML(" selected"))>off (the ranking alone)</option></select></label>
            <label>Seed <input name="seed" type="number" min="0" value="\(seed)" placeholder="default"></label></div>
            <label>Thresholds (JSON) <textarea name="configuration" rows="3" placeholder="{&quot;lowConfidence&quot;: {&quot;margin&quot;: {&quot;value&quot;: 0.2}}}"></textarea>\
            <span class="hint">Any keys <code>winnow mine --explain</code> prints; the fields above override them.</span></label>
            </details>
            """
    }

    /// `[0, 1, 2, 5, 6, 7]` as `0-2,5-7`.
    static func compact(_ reasons: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        let sorted = reasons.sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end > index ? "\(sorted[index])-\(sorted[end])" : "\(sorted[index])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }

    /// The filtering parameters of a posted form.
    static func filterBody(_ form: ConsoleForm) throws -> FilterBody {
        let (dataset, newDataset) = target(form)
        var body = FilterBody(modelType: form.value("model_type"), trainingManifest: form.value("training_manifest"), dataset: dataset, newDataset: newDataset)
        body.reasons = form.value("reasons").map(ReasonsValue.text)
        if let text = form.value("max") {
            guard let value = Int(text) else { throw APIError.invalid("max", "expected a whole number, got '\(text)'") }
            body.max = value
        }
        if let text = form.value("max_fraction") {
            guard let value = Double(text) else { throw APIError.invalid("max_fraction", "expected a number from 0 to 1, got '\(text)'") }
            body.maxFraction = value
        }
        if let text = form.value("seed") {
            guard let value = UInt64(text) else { throw APIError.invalid("seed", "expected a whole number of at least 0, got '\(text)'") }
            body.seed = value
        }
        if let text = form.value("ranking") {
            guard let ranking = SelectionConfiguration.Ranking(rawValue: text) else {
                throw APIError.invalid("ranking", "expected \(SelectionConfiguration.Ranking.allCases.map(\.rawValue).joined(separator: " or ")), got '\(text)'")
            }
            // Like diversity: only a choice other than the default is an option of its own.
            if ranking != SelectionConfiguration.defaultRanking { body.ranking = ranking }
        }
        if let text = form.value("diversity") {
            // Only a choice other than the default is an option of its own.
            let diverse = text == "on"
            if diverse != SelectionConfiguration.defaultDiversity { body.diversity = diverse }
        }
        if let text = form.value("configuration") {
            do {
                body.configuration = try JSONCoding.decoder().decode(MiningConfiguration.self, from: Data(text.utf8))
            } catch {
                throw APIError.invalid("configuration", "is not a JSON object of mining thresholds: \(APIError(mapping: error).message)")
            }
        }
        return body
    }

    /// `dataset` (a name, or `__new__`) and `new_dataset` of a posted form.
    static func target(_ form: ConsoleForm) -> (String?, String?) {
        let chosen = form.value("dataset")
        if chosen == nil || chosen == "__new__" { return (nil, form.value("new_dataset")) }
        return (chosen, nil)
    }
}
