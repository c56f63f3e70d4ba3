import Foundation
import WinnowCore

/// Charts drawn on the server as SVG: no script, no library.
public enum Charts {
    /// Horizontal bars: hard samples per reason.
    public static func reasons(_ byReason: [Int: Int]) -> HTML {
        let rows = byReason.keys.sorted()
        guard let largest = byReason.values.max(), largest > 0 else { return "<p class=\"muted\">No hard examples yet.</p>" }
        let rowHeight = 22, labelWidth = 190, barWidth = 240
        let height = rows.count * rowHeight + 4
        let bars: [HTML] = rows.enumerated().map { index, reason in
            let count = byReason[reason] ?? 0
            let width = max(2, Int(Double(barWidth) * Double(count) / Double(largest)))
            let y = index * rowHeight + 2
            let alias = HardReason.withID(reason)?.alias ?? "?"
            return """
                <g><title>\(reason) \(alias): \(count)</title><text x="\(labelWidth - 6)" y="\(y + 15)" text-anchor="end" class="axis">\(reason) \(alias)</text>\
                <rect x="\(labelWidth)" y="\(y + 3)" width="\(width)" height="\(rowHeight - 6)" class="bar"/>\
                <text x="\(labelWidth + width + 4)" y="\(y + 15)" class="value">\(count)</text></g>
                """
        }
        return """
            <svg class="chart" role="img" aria-label="Hard examples by reason" viewBox="0 0 \(labelWidth + barWidth + 50) \(height)" width="\(labelWidth + barWidth + 50)" height="\(height)">\(bars)</svg>
            """
    }

    /// Counts of coefficients in `bins` equal bins over [0, 1].
    public static func bins(_ coefficients: [Double], count bins: Int = 10) -> [Int] {
        var counts = Array(repeating: 0, count: bins)
        for value in coefficients where value.isFinite {
            counts[min(bins - 1, max(0, Int(value * Double(bins))))] += 1
        }
        return counts
    }

    /// Vertical bars: how the hard coefficients spread over [0, 1].
    public static func histogram(_ coefficients: [Double], bins: Int = 10) -> HTML {
        histogram(counts: Self.bins(coefficients, count: bins))
    }

    /// Vertical bars over [0, 1] from counts per equal bin, described by `label` for screen readers.
    public static func histogram(counts: [Int], label: String = "Hard coefficient histogram") -> HTML {
        let bins = counts.count
        guard let largest = counts.max(), largest > 0 else { return "<p class=\"muted\">No coefficients yet.</p>" }
        let barWidth = 30, chartHeight = 120, left = 30, bottom = 20
        let width = left + bins * barWidth + 10
        let bars: [HTML] = counts.enumerated().map { index, count in
            let height = count == 0 ? 0 : max(2, Int(Double(chartHeight) * Double(count) / Double(largest)))
            let x = left + index * barWidth
            let low = Double(index) / Double(bins), high = Double(index + 1) / Double(bins)
            return """
                <g><title>\(low, digits: 1)–\(high, digits: 1): \(count)</title><rect x="\(x + 2)" y="\(chartHeight - height + 4)" width="\(barWidth - 4)" height="\(height)" class="bar"/></g>
                """
        }
        let ticks: [HTML] = stride(from: 0, through: bins, by: 2).map { index in
            "<text x=\"\(left + index * barWidth)\" y=\"\(chartHeight + bottom)\" text-anchor=\"middle\" class=\"axis\">\(Double(index) / Double(bins), digits: 1)</text>"
        }
        return """
            <svg class="chart" role="img" aria-label="\(label)" viewBox="0 0 \(width) \(chartHeight + bottom + 6)" width="\(width)" height="\(chartHeight + bottom + 6)">\
            <text x="\(left - 4)" y="14" text-anchor="end" class="axis">\(largest)</text><line x1="\(left)" y1="\(chartHeight + 4)" x2="\(width - 10)" y2="\(chartHeight + 4)" class="axis-line"/>\(bars)\(ticks)</svg>
            """
    }

    /// The page stylesheet's chart rules, for a chart served as an image of its own.
    public static let standaloneStyle = """
        .bar{fill:#3b82f6}.bar.drift{fill:#c2410c}.band{fill:#bbf7d0}.median{stroke:#15803d;stroke-width:2}\
        .axis,.value{font:11px system-ui,"DejaVu Sans",sans-serif;fill:#677086}.axis-line{stroke:#dfe3ea}\
        .bar.training{fill:#86efac}.bar.batch{fill:#f97316;fill-opacity:.35;stroke:#c2410c;stroke-width:1}.hit{fill:transparent}.axis.name{fill:#1f2937}
        """

    /// A chart as a standalone SVG document (namespace and styles inside); a chart with nothing to show
    /// becomes an SVG with its message.
    public static func standalone(_ chart: HTML) -> String {
        var text = chart.description
        guard text.hasPrefix("<svg") else {
            let message = text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            return """
                <svg xmlns="http://www.w3.org/2000/svg" class="chart" width="420" height="30" viewBox="0 0 420 30"><style>\(standaloneStyle)</style>\
                <text x="4" y="18" class="axis">\(message)</text></svg>
                """
        }
        text.replaceSubrange(text.range(of: "<svg")!, with: "<svg xmlns=\"http://www.w3.org/2000/svg\"")
        if let end = text.firstIndex(of: ">") { text.insert(contentsOf: "<style>\(standaloneStyle)</style>", at: text.index(after: end)) }
        return text
    }
}
