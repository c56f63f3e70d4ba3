import Foundation
public import WinnowCore

extension Charts {
    /// The message shown where a task's distributions were not recorded.
    public static let distributionsNotRecorded = "Feature distributions were not recorded for this task (it ran before Winnow kept them); run the filtering again to see them."

    /// One row per image or box feature: the training reference's histogram (green, filled) and the whole
    /// batch's (orange, outlined) over the same bins, each as shares of its own count so a batch of 50
    /// and a training set of 5,000 compare. Bin edges are on the feature's comparison scale; the axis
    /// ends are written in the feature's own units. Every bin says its range and both shares in a
    /// tooltip, and the chart has a text description for screen readers.
    public static func distributions(_ distributions: [FeatureDistribution]) -> HTML {
        guard !distributions.isEmpty else {
            return "<p class=\"muted\">No image or box feature was measured (reasons 5–18 off, or no readable image).</p>"
        }
        let labelWidth = 190, plotWidth = 320, rowHeight = 58, barZone = 34
        let width = labelWidth + plotWidth + 24
        let rows: [HTML] = distributions.enumerated().map { index, distribution in
            row(distribution, top: index * rowHeight + 6, labelWidth: labelWidth, plotWidth: plotWidth, barZone: barZone)
        }
        let height = distributions.count * rowHeight + 24
        let summary = distributions.map { distribution -> String in
            let training = distribution.training.map { "training \($0.total) values" } ?? "no training reference"
            return "\(distribution.name): batch \(distribution.batch.total) values, \(training)"
        }.joined(separator: "; ")
        return """
            <svg class="chart distributions" role="img" aria-label="Feature distributions of the batch against the training set" \
            viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)"><desc>\(summary)</desc>\(rows)\
            <rect x="\(labelWidth)" y="\(height - 13)" width="10" height="9" class="bar training"/><text x="\(labelWidth + 14)" y="\(height - 5)" class="axis">training set</text>\
            <rect x="\(labelWidth + 110)" y="\(height - 13)" width="10" height="9" class="bar batch"/><text x="\(labelWidth + 124)" y="\(height - 5)" class="axis">this batch (all samples)</text></svg>
            """
    }

    private static func row(_ distribution: FeatureDistribution, top: Int, labelWidth: Int, plotWidth: Int, barZone: Int) -> HTML {
        let batch = distribution.batch.fractions
        let training = distribution.training?.fractions ?? []
        let bins = batch.count
        let largest = max(1e-12, (batch + training).max() ?? 0)
        let binWidth = Double(plotWidth) / Double(max(1, bins))
        let baseline = top + barZone
        let edges = distribution.batch.edges
        func height(_ share: Double) -> Double { share <= 0 ? 0 : max(1.5, Double(barZone - 2) * share / largest) }
        func units(_ value: Double) -> String { String(format: "%.3g", distribution.scale.inverse(value)) }
        var shapes: [HTML] = []
        for bin in 0..<bins {
            let x = Double(labelWidth) + Double(bin) * binWidth
            let trainingShare = bin < training.count ? training[bin] : 0
            let trainingText = distribution.training.map { " · training \($0.counts[bin]) (\(String(format: "%.1f", trainingShare * 100))%)" } ?? ""
            let tip = "\(units(edges[bin]))–\(units(edges[bin + 1])): batch \(distribution.batch.counts[bin]) (\(String(format: "%.1f", batch[bin] * 100))%)\(trainingText)"
            var parts: HTML = "<rect x=\"\(x, digits: 1)\" y=\"\(top)\" width=\"\(binWidth, digits: 1)\" height=\"\(barZone)\" class=\"hit\"/>"
            if trainingShare > 0 {
                let h = height(trainingShare)
                parts = "\(parts)<rect x=\"\(x + 0.5, digits: 1)\" y=\"\(Double(baseline) - h, digits: 1)\" width=\"\(binWidth - 1, digits: 1)\" height=\"\(h, digits: 1)\" class=\"bar training\"/>"
            }
            if batch[bin] > 0 {
                let h = height(batch[bin])
                parts = "\(parts)<rect x=\"\(x + 1.5, digits: 1)\" y=\"\(Double(baseline) - h, digits: 1)\" width=\"\(max(0.5, binWidth - 3), digits: 1)\" height=\"\(h, digits: 1)\" class=\"bar batch\"/>"
            }
            shapes.append("<g><title>\(tip)</title>\(parts)</g>")
        }
        let alias = HardReason.withID(distribution.reason)?.alias ?? "reason \(distribution.reason)"
        let scaleNote = distribution.scale == .linear ? "" : " (\(distribution.scale == .logarithmic ? "log" : "log 1+x") scale)"
        let reference = distribution.training == nil ? "batch only: no training reference" : "training \(distribution.training?.total ?? 0)"
        return """
            <g class="feature"><title>\(distribution.reason) \(alias): batch \(distribution.batch.total) values, \(reference)</title>\
            <text x="\(labelWidth - 8)" y="\(top + 14)" text-anchor="end" class="axis name">\(distribution.reason) \(distribution.name)</text>\
            <text x="\(labelWidth - 8)" y="\(top + 28)" text-anchor="end" class="axis">\(reference)\(scaleNote)</text>\
            \(shapes)<line x1="\(labelWidth)" y1="\(baseline)" x2="\(labelWidth + plotWidth)" y2="\(baseline)" class="axis-line"/>\
            <text x="\(labelWidth)" y="\(baseline + 12)" class="axis">\(units(distribution.batch.lower))</text>\
            <text x="\(labelWidth + plotWidth)" y="\(baseline + 12)" text-anchor="end" class="axis">\(units(distribution.batch.upper))</text></g>
            """
    }
}
