import Foundation
public import WinnowCore

/// One hard example in a report: the sample (its source, the model's labels, verdict and reasons) and,
/// when the image is a readable local file, its path for the thumbnail.
public struct ReportExample: Sendable {
    /// 1 for the hardest.
    public var rank: Int
    /// The sample as it would be stored.
    public var sample: Sample
    /// The image on this machine, if any.
    public var imagePath: String?
    /// Why there is no image, when there is none.
    public var imageProblem: String?

    /// An example with the given parts.
    public init(rank: Int, sample: Sample, imagePath: String?, imageProblem: String? = nil) {
        self.rank = rank
        self.sample = sample
        self.imagePath = imagePath
        self.imageProblem = imageProblem
    }
}

/// The hard-example report: one self-contained HTML page (inline CSS, inline SVG charts, thumbnails as
/// `data:` URIs, no script, nothing fetched) with the run's header, counts by reason, the coefficient
/// histogram, the feature distributions of the batch against the training set, and the hardest
/// examples with their boxes, reasons, measured values, references and suggestions. Every string from
/// the data is escaped. ``write(_:to:)`` streams the page: one thumbnail is decoded at a time.
public struct HardExampleReport: Sendable {
    /// The page's title, e.g. `Hard examples — task 1f3…`.
    public var title: String
    /// Header facts in order: service, task, model, training manifest, date….
    public var facts: [(name: String, value: String)]
    /// What mining found; `nil` for a task run before Winnow recorded it.
    public var summary: MiningSummary?
    /// Hard samples per reason, when there is no summary (e.g. from the dataset's statistics).
    public var fallbackHardByReason: [Int: Int] = [:]
    /// The thumbnails' longer side in pixels.
    public var thumbnailSize = 200

    /// A report with a title, header facts and the run's summary.
    public init(title: String, facts: [(name: String, value: String)], summary: MiningSummary?) {
        self.title = title
        self.facts = facts
        self.summary = summary
    }

    /// The whole page as one string (for small reports and tests).
    public func html(_ examples: [ReportExample]) async -> String {
        var page = ""
        // Writing to a string cannot fail.
        try? await write(examples) { page += $0 }
        return page
    }

    /// Writes the page to `sink` in pieces: the header and charts, then each example with its thumbnail.
    public func write(_ examples: [ReportExample], to sink: (String) async throws -> Void) async throws {
        try await sink(head().description)
        for example in examples {
            try await sink(card(example).description)
        }
        try await sink(examples.isEmpty ? "</div><p class=\"muted\">No hard example was selected.</p></section>\(foot)" : "</div></section>\(foot)")
    }

    private var foot: String { "<footer>Made by Winnow. This file needs nothing else: images are embedded.</footer></main></body></html>\n" }

    func head() -> HTML {
        let facts: [HTML] = self.facts.map { "<tr><th scope=\"row\">\($0.name)</th><td>\($0.value)</td></tr>" }
        var totals: HTML = ""
        let byReason: [Int: Int]
        let coefficients: HTML
        let distributions: HTML
        let notes: HTML
        if let summary {
            let cells: [(String, Int)] = [
                ("entries", summary.entries), ("scored", summary.scored), ("without an answer", summary.failures),
                ("hard", summary.hard), ("selected", summary.selected), ("problems", summary.problems),
            ]
            totals = "<ul class=\"totals\">\(cells.map { "<li><b>\($0.1)</b> \($0.0)</li>" as HTML })</ul>"
            byReason = summary.hardByReason
            coefficients = Charts.histogram(counts: summary.coefficientCounts, label: "Hard coefficient of every scored sample")
            distributions = Charts.distributions(summary.featureDistributions)
            notes = summary.notes.isEmpty ? "" : "<h2>Notes</h2><ul class=\"notes\">\(summary.notes.map { "<li>\($0)</li>" as HTML })</ul>"
        } else {
            byReason = fallbackHardByReason
            coefficients = "<p class=\"muted\">The coefficient histogram was not recorded for this task.</p>"
            distributions = "<p class=\"muted\">\(Charts.distributionsNotRecorded)</p>"
            notes = ""
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>\(title)</title><style>\(HTML(unescaped: Self.style))\(HTML(unescaped: Charts.standaloneStyle))</style></head>
            <body><main><h1>\(title)</h1><table class="facts">\(facts)</table>\(totals)
            <section><h2>Hard examples by reason</h2>\(Charts.reasons(byReason))</section>
            <section><h2>Hard coefficients</h2>\(coefficients)</section>
            <section><h2>Feature distributions: this batch against the training set</h2>\(distributions)</section>
            \(notes)<section><h2>The hardest examples</h2><div class="cards">
            """
    }

    func card(_ example: ReportExample) -> HTML {
        let sample = example.sample
        let info = sample.hardExample
        var picture: HTML
        var problem = example.imageProblem
        if let path = example.imagePath {
            do {
                let bytes = try Thumbnail.render(path: path, labels: sample.labels, size: thumbnailSize)
                picture = "<img alt=\"\(sample.source)\" src=\"\(HTML(unescaped: "data:image/jpeg;base64," + Data(bytes).base64EncodedString()))\">"
            } catch {
                picture = ""
                problem = error.message
            }
        } else {
            picture = ""
        }
        if let problem { picture = "<div class=\"noimage\">\(problem)</div>" }
        let labels = sample.labels.map { label -> String in
            label.name + (label.confidence.map { String(format: " %.2f", $0) } ?? "")
        }.joined(separator: ", ")
        let reasons: [HTML] = (info?.details ?? []).map { detail in
            let alias = HardReason.withID(detail.reason)?.alias ?? "reason \(detail.reason)"
            let measured = detail.measured.map { String(format: "%.4g", $0) } ?? "—"
            return "<tr><td><span class=\"chip\">\(detail.reason) \(alias)</span></td><td class=\"num\">\(measured)</td><td>\(detail.reference ?? "—")</td><td>\(detail.suggestion ?? "")</td></tr>"
        }
        let coefficient = info?.coefficient.map { String(format: "%.3f", $0) } ?? "—"
        return """
            <article class="card"><figure>\(picture)<figcaption><b>#\(example.rank)</b> coefficient \(coefficient)<br>\
            <span class="source">\(sample.source)</span>\(labels.isEmpty ? "" : HTML("<br>model: \(labels)"))</figcaption></figure>\
            <table class="reasons"><thead><tr><th>reason</th><th>measured</th><th>reference</th><th>suggestion</th></tr></thead><tbody>\(reasons)</tbody></table></article>

            """
    }

    static let style = """
        body{margin:0;background:#f6f7f9;color:#1f2937;font:14px/1.45 system-ui,"DejaVu Sans",sans-serif}\
        main{max-width:1180px;margin:0 auto;padding:20px}h1{font-size:22px;margin:0 0 12px}h2{font-size:17px;margin:22px 0 8px}\
        section,table.facts{background:#fff;border:1px solid #dfe3ea;border-radius:6px;padding:12px}\
        table.facts th{text-align:left;padding-right:16px;color:#677086;font-weight:normal}\
        .totals{list-style:none;display:flex;flex-wrap:wrap;gap:10px;padding:0}.totals li{background:#fff;border:1px solid #dfe3ea;border-radius:6px;padding:6px 12px}\
        .muted{color:#677086}.chart{max-width:100%;height:auto}\
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:12px}\
        .card{border:1px solid #dfe3ea;border-radius:6px;padding:10px;display:flex;flex-direction:column;gap:8px}\
        figure{margin:0;display:flex;gap:10px;align-items:flex-start}figure img{max-width:200px;max-height:200px;border-radius:4px;background:#111}\
        .noimage{width:200px;min-height:60px;background:#eef0f4;color:#677086;padding:8px;font-size:12px}\
        .source{word-break:break-all;color:#677086;font-size:12px}\
        table.reasons{border-collapse:collapse;width:100%;font-size:12px}table.reasons th,table.reasons td{border-top:1px solid #eef0f4;padding:3px 5px;text-align:left;vertical-align:top}\
        .num{text-align:right;font-variant-numeric:tabular-nums}.chip{background:#fde8d7;color:#9a3412;border-radius:10px;padding:1px 7px;white-space:nowrap}\
        footer{margin-top:20px;color:#677086;font-size:12px}
        """
}
