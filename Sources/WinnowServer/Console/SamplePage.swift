import Foundation
import Hummingbird
import WinnowCore
import WinnowReport
import WinnowEngine
import WinnowStore

/// One sample: its image with boxes, every reason it was picked for with the measured value against
/// the reference and the suggestion, and the review forms.
struct SamplePage {
    let environment: ServerEnvironment

    func register(on router: Router<WinnowRequestContext>) {
        router.get("samples/{id}", use: show)
        router.get("samples/{id}/image", use: image)
        router.get("samples/{id}/thumbnail", use: thumbnail)
        router.post("samples/{id}/confirm", use: confirm)
        router.post("samples/{id}/hard", use: markHard)
        router.post("samples/{id}/unhard", use: unmarkHard)
    }

    var limit: Int { environment.configuration.maximumBodySize }
    /// The longer side of the sample page's rendering (boxes drawn in by the server).
    static let renderingSize = 960

    @Sendable func image(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try await SamplesController.imageResponse(try await environment.sample(try context.parameters.path("id")), in: environment)
    }

    @Sendable func thumbnail(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        try await ThumbnailResponse.make(request, sample: try await environment.sample(try context.parameters.path("id")), environment: environment)
    }

    @Sendable func show(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let sample = try await environment.sample(try context.parameters.path("id"))
        guard let dataset = try await environment.stores.metadata.dataset(id: sample.datasetID) else { throw APIError(.notFound, "the sample's dataset is gone") }
        var size = sample.imageSize
        var imageProblem: HTML = ""
        do {
            let path = try await environment.roots.resolve(source: sample.source)
            if size == nil { size = ImageFile.size(atPath: path) }
        } catch {
            imageProblem = "<p class=\"error small\">\(APIError(mapping: error).message)</p>"
        }
        let base = "/datasets/\(HTML.urlComponent(dataset.name))"
        let detection = dataset.labelingType == .objectDetection || sample.labels.contains { $0.shape != nil }
        let hard: HTML = sample.isHard
            ? "<span class=\"badge hard\">hard\(sample.hardExample?.coefficient.map { String(format: " · coefficient %.3f", $0) } ?? "")</span>"
            : (sample.hardExample != nil ? "<span class=\"badge\">hard mark cleared</span>" : "")
        let body: HTML = """
            \(Layout.notice(QueryParameters(request).string("notice")))
            <p class="crumbs"><a href="/datasets">Datasets</a> › <a href="\(base)">\(dataset.name)</a> › <a href="\(base)?tab=\(sample.state.rawValue)">\(DatasetGrid.stateName(sample.state))</a> ›</p>
            <div class="heading"><h1>\(ResourceLocationName.fileName(sample.source)) \(hard)</h1></div>
            <div class="sample-page"><div class="viewer"><div class="frame"><img src="\(DatasetGrid.thumbnailAddress(sample, size: Self.renderingSize))" alt="\(sample.source)">\(BoxOverlay.svg(sample.labels, size: size, numbered: true, captionsOnly: true))</div>\(imageProblem)
            <p class="muted small"><code>\(sample.source)</code>\(size.map { HTML(" · \($0.width)×\($0.height)") } ?? "") · <a href="/samples/\(sample.id)/image">original</a></p></div>
            <div class="side">\(review(sample, detection: detection, session: context.session))</div></div>
            \(reasons(sample))
            """
        return Layout.page(ResourceLocationName.fileName(sample.source), section: .datasets, session: context.session, body: body).response()
    }

    private func review(_ sample: Sample, detection: Bool, session: ConsoleSession?) -> HTML {
        let action = "/samples/\(sample.id)"
        let labels: [HTML] = sample.labels.map { label in
            "<li>\(label.name)\(label.confidence.map { HTML(" <span class=\"muted small\">\(String(format: "%.3f", $0))</span>") } ?? "") <span class=\"muted small\">by \(label.annotatedBy ?? "human")</span></li>"
        }
        let form: HTML
        if detection {
            let boxes: [HTML] = sample.labels.enumerated().map { index, label in
                let b = label.shape?.boundingBox ?? (xmin: 0, ymin: 0, xmax: 0, ymax: 0)
                return """
                    <li><label><input type="checkbox" name="keep" value="\(index)" checked> \(index + 1). \(label.name) \
                    <span class="muted small">[\(Int(b.xmin)), \(Int(b.ymin)), \(Int(b.xmax)), \(Int(b.ymax))]\(label.confidence.map { String(format: " %.2f", $0) } ?? "")</span></label></li>
                    """
            }
            let intro: HTML = boxes.isEmpty
                ? """
                    <p>The model found no object here. Confirming records the image as background (no objects); drawing new boxes is not \
                    in the console yet: correct it with <code>POST /v1/samples/\(sample.id)/confirm</code> and <code>boxes</code> or <code>voc</code>.</p>
                    """
                : "<p>Keep the correct boxes, untick the wrong ones; confirming makes the sample labeled.</p><ul class=\"boxes\">\(boxes)</ul>"
            form = """
                <form method="post" action="\(action)/confirm" class="form">\(Layout.csrfField(session))<input type="hidden" name="mode" value="keep">
                \(intro)
                <button class="primary">\(boxes.isEmpty ? "Confirm as background" : "Confirm kept boxes")</button></form>
                """
        } else {
            form = """
                <form method="post" action="\(action)/confirm" class="form">\(Layout.csrfField(session))<input type="hidden" name="mode" value="label">
                <label>Label <input name="label" value="\(sample.labels.first?.name ?? "")" required></label>
                <p class="hint">Correct the class if the model got it wrong, then confirm.</p>
                <button class="primary">Confirm</button></form>
                """
        }
        let hardButton = sample.isHard
            ? Layout.actionButton("Unmark hard", action: "\(action)/unhard", session: session)
            : Layout.actionButton("Mark hard", action: "\(action)/hard", session: session)
        return """
            <section class="card"><h2>Review</h2><p>State: <strong>\(DatasetGrid.stateName(sample.state))</strong></p>
            <h3>Labels</h3><ul>\(labels.isEmpty ? ["<li class=\"muted\">none</li>"] : labels)</ul>\(form)<div class="actions">\(hardButton)</div></section>
            """
    }

    private func reasons(_ sample: Sample) -> HTML {
        let details = SampleDetailDTO.reasons(of: sample)
        guard !details.isEmpty else { return "" }
        let rows: [HTML] = details.map { detail in
            let measured: HTML = detail.measured.map { "\(String(format: "%.4g", $0))" } ?? "–"
            return """
                <tr><td><span class="chip">\(detail.reason) \(detail.alias)</span></td><td>\(detail.description)</td>
                <td class="num">\(measured)</td><td>\(detail.reference ?? "–")</td><td>\(detail.suggestion)</td></tr>
                """
        }
        return """
            <section class="card"><h2>Why it was picked</h2>
            <table class="list reasons"><thead><tr><th>Reason</th><th>Meaning</th><th>Measured</th><th>Reference</th><th>Suggestion</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
    }

    @Sendable func confirm(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context, limit: limit)
        let sample = try await environment.sample(try context.parameters.path("id"))
        let correction: SampleReview.Correction
        switch form.value("mode") {
        case "keep":
            correction = .keep(try form.values("keep").map { text in
                guard let index = Int(text) else { throw APIError.invalid("keep", "expected box numbers, got '\(text)'") }
                return index
            })
        case "label":
            guard let label = form.value("label") else { throw APIError.invalid("label", "is empty; give the correct class") }
            correction = .label(label)
        default:
            correction = .asIs
        }
        try await environment.review.confirm(ids: [sample.id], correction: correction)
        return try await nextPage(after: sample, notice: "Confirmed: the sample is labeled.")
    }

    /// The next sample waiting for confirmation in the same dataset, or the dataset's tab.
    private func nextPage(after sample: Sample, notice: String) async throws -> Response {
        let next = try await environment.stores.metadata.listSamples(.init(
            datasetID: sample.datasetID, state: .toBeConfirmed, sort: .coefficient, descending: true, limit: 1)).first
        if let next { return Redirect.to("/samples/\(next.id)", notice: notice + " Next one to confirm:") }
        let dataset = try await environment.stores.metadata.dataset(id: sample.datasetID)
        return Redirect.to("/datasets/\(HTML.urlComponent(dataset?.name ?? ""))?tab=labeled", notice: notice)
    }

    @Sendable func markHard(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        _ = try await ConsoleForm.read(request, context: context, limit: limit)
        let id = try context.parameters.path("id")
        try await environment.review.setHard(true, ids: [id])
        return Redirect.to("/samples/\(id)", notice: "Marked hard.")
    }

    @Sendable func unmarkHard(_ request: Request, context: WinnowRequestContext) async throws -> Response {
        _ = try await ConsoleForm.read(request, context: context, limit: limit)
        let id = try context.parameters.path("id")
        try await environment.review.setHard(false, ids: [id])
        return Redirect.to("/samples/\(id)", notice: "Hard mark cleared (its reasons stay on record).")
    }
}
