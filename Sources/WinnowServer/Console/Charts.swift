import Foundation
import WinnowCore

/// Charts drawn on the server as SVG: no script, no library.
enum Charts {
    /// Horizontal bars: hard samples per reason.
    static func reasons(_ byReason: [Int: Int]) -> HTML {
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
    static func bins(_ coefficients: [Double], count bins: Int = 10) -> [Int] {
        var counts = Array(repeating: 0, count: bins)
        for value in coefficients where value.isFinite {
            counts[min(bins - 1, max(0, Int(value * Double(bins))))] += 1
        }
        return counts
    }

    /// Vertical bars: how the hard coefficients spread over [0, 1].
    static func histogram(_ coefficients: [Double], bins: Int = 10) -> HTML {
        histogram(counts: Self.bins(coefficients, count: bins))
    }

    /// Vertical bars over [0, 1] from counts per equal bin.
    static func histogram(counts: [Int]) -> HTML {
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
            <svg class="chart" role="img" aria-label="Hard coefficient histogram" viewBox="0 0 \(width) \(chartHeight + bottom + 6)" width="\(width)" height="\(chartHeight + bottom + 6)">\
            <text x="\(left - 4)" y="14" text-anchor="end" class="axis">\(largest)</text><line x1="\(left)" y1="\(chartHeight + 4)" x2="\(width - 10)" y2="\(chartHeight + 4)" class="axis-line"/>\(bars)\(ticks)</svg>
            """
    }
}

/// Detection boxes drawn over an image as SVG, in the image's pixel coordinates. With `captionsOnly` it
/// writes just the numbered captions, over a rendering whose boxes the server drew into the pixels.
enum BoxOverlay {
    static func svg(_ labels: [Label], size: ImageSize?, numbered: Bool = false, captionsOnly: Bool = false) -> HTML {
        let boxes = labels.enumerated().filter { $0.element.shape != nil }
        guard let size, size.width > 0, size.height > 0, !boxes.isEmpty else { return "" }
        // Captions scale with the image, so they read the same in a thumbnail and on the sample page.
        let fontSize = Double(max(size.width, size.height)) / (numbered ? 28 : 20)
        let shapes: [HTML] = boxes.map { index, label in
            let b = label.shape?.boundingBox ?? (xmin: 0, ymin: 0, xmax: 0, ymax: 0)
            let caption = numbered ? "\(index + 1) \(label.name)" : label.name
            let kind = label.isConfirmed ? "box confirmed" : "box"
            return """
                <g class="\(kind)"><title>\(label.name)\(label.confidence.map { String(format: " %.2f", $0) } ?? "")</title>\
                \(captionsOnly ? "" : HTML("<rect x=\"\(b.xmin, digits: 1)\" y=\"\(b.ymin, digits: 1)\" width=\"\(max(0, b.xmax - b.xmin), digits: 1)\" height=\"\(max(0, b.ymax - b.ymin), digits: 1)\" vector-effect=\"non-scaling-stroke\"/>"))\
                <text x="\(b.xmin + fontSize / 6, digits: 1)" y="\(max(b.ymin - fontSize / 4, fontSize), digits: 1)" font-size="\(fontSize, digits: 1)" stroke-width="\(fontSize / 7, digits: 2)">\(caption)</text></g>
                """
        }
        return """
            <svg class="overlay" viewBox="0 0 \(size.width) \(size.height)" preserveAspectRatio="xMidYMid meet" aria-hidden="true">\(shapes)</svg>
            """
    }
}
