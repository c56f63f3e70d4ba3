import Foundation
import WinnowCore
import WinnowReport

/// A page of samples as thumbnails (rendered by the server with the boxes drawn in, loaded lazily),
/// with hard badges and reason chips, check boxes for batch confirmation and paging links.
struct DatasetGrid {
    let dataset: Dataset
    let samples: [Sample]
    let session: ConsoleSession?
    /// The page's own address, to come back to after a batch confirmation.
    let back: String

    func html(total: Int, offset: Int, pageSize: Int, query: [String: String], base: String) -> HTML {
        guard !samples.isEmpty else { return "<p class=\"empty\">No samples here.</p>" }
        let cards = samples.map(card)
        let confirmable = samples.contains(where: Self.isConfirmable)
        func pageLink(_ newOffset: Int, _ label: String) -> HTML {
            var parameters = query
            parameters["offset"] = String(newOffset)
            parameters["limit"] = nil
            let text = parameters.keys.sorted().map { "\(HTML.urlComponent($0))=\(HTML.urlComponent(parameters[$0] ?? ""))" }.joined(separator: "&")
            return "<a class=\"button\" href=\"\(base)?\(text)\">\(label)</a>"
        }
        let previous: HTML = offset > 0 ? pageLink(max(0, offset - pageSize), "‹ Previous") : ""
        let next: HTML = offset + samples.count < total ? pageLink(offset + pageSize, "Next ›") : ""
        let batch: HTML = confirmable
            ? "<div class=\"batchbar\"><label><input type=\"checkbox\" data-select-all> Select all</label> <button class=\"primary\">Confirm selected</button> <span class=\"muted small\">Confirming keeps each sample's current labels and makes it labeled.</span></div>"
            : ""
        return """
            <form method="post" action="\(base)/confirm" id="grid-form">\(Layout.csrfField(session))<input type="hidden" name="back" value="\(back)">\(batch)
            <div class="grid">\(cards)</div></form>
            <div class="pager"><span class="muted">\(offset + 1)–\(offset + samples.count) of \(total)</span> \(previous) \(next)</div>
            """
    }

    private func card(_ sample: Sample) -> HTML {
        let link = "/samples/\(sample.id)"
        let badge: HTML = sample.isHard
            ? "<span class=\"badge hard\">hard\(sample.hardExample?.coefficient.map { String(format: " %.2f", $0) } ?? "")</span>" : ""
        let chips: [HTML] = (sample.hardExample?.reasons ?? []).map { reason in
            "<span class=\"chip\" title=\"\(HardReason.withID(reason)?.description ?? "")\">\(reason) \(HardReason.withID(reason)?.alias ?? "?")</span>"
        }
        let labels = Array(Set(sample.labels.map(\.name))).sorted().joined(separator: ", ")
        let checkbox: HTML = Self.isConfirmable(sample)
            ? "<input type=\"checkbox\" name=\"ids\" value=\"\(sample.id)\" aria-label=\"Select\">" : ""
        return """
            <div class="sample state-\(sample.state.rawValue)">\(checkbox)<a href="\(link)" class="thumb">\
            <img src="\(Self.thumbnailAddress(sample))" alt="\(ResourceLocationName.fileName(sample.source))" loading="lazy" decoding="async"></a>
            <div class="meta">\(badge)<span class="state">\(Self.stateName(sample.state))</span><div class="labels">\(labels.isEmpty ? "—" : labels)</div>
            <div class="chips">\(chips)</div><div class="muted small source">\(ResourceLocationName.fileName(sample.source))</div></div></div>
            """
    }

    /// The thumbnail's address with the sample's revision, so the browser keeps it until the sample changes.
    static func thumbnailAddress(_ sample: Sample, size: Int? = nil) -> String {
        let revision = String(Int64((sample.updatedAt.timeIntervalSince1970 * 1000).rounded()))
        return "/samples/\(sample.id)/thumbnail?\(size.map { "size=\($0)&" } ?? "")v=\(revision)"
    }

    /// Batch confirmation keeps the current labels, so it applies to unconfirmed samples that have some.
    static func isConfirmable(_ sample: Sample) -> Bool {
        sample.state != .labeled && !sample.labels.isEmpty
    }

    static func stateName(_ state: SampleState) -> String {
        switch state {
        case .unlabeled: "Unlabeled"
        case .labeled: "Labeled"
        case .toBeConfirmed: "To be confirmed"
        }
    }
}

/// The file name of a source, for captions.
enum ResourceLocationName {
    static func fileName(_ source: String) -> String {
        source.split(separator: "/").last.map(String.init) ?? source
    }
}
