import Foundation
import WinnowCore
import WinnowReport

/// One image or box feature (reasons 5–18): the values measured on the batch's samples that drifted,
/// against the training set's band (`p1–p99: 0.31–0.72 (median 0.5)` in the reason's reference).
struct FeatureDrift: Sendable, Hashable {
    var reason: Int
    var measured: [Double]
    /// The training band's lower and upper ends and median, when the reference states them.
    var lower: Double?
    var upper: Double?
    var median: Double?

    /// The feature-drift reasons (image features 5–10, box features 11–18).
    static let reasons = 5...18

    /// Groups the drift details of `samples` by reason, in reason order; the band is the first one stated.
    static func collect(_ samples: [Sample]) -> [FeatureDrift] {
        var byReason: [Int: FeatureDrift] = [:]
        for sample in samples {
            for detail in sample.hardExample?.details ?? [] where reasons.contains(detail.reason) {
                var drift = byReason[detail.reason] ?? FeatureDrift(reason: detail.reason, measured: [])
                if let value = detail.measured, value.isFinite { drift.measured.append(value) }
                if drift.lower == nil, drift.upper == nil, let reference = detail.reference {
                    (drift.lower, drift.upper, drift.median) = band(reference)
                }
                byReason[detail.reason] = drift
            }
        }
        return byReason.keys.sorted().compactMap { byReason[$0] }.filter { !$0.measured.isEmpty }
    }

    /// The band in a reference text such as `p1–p99: 0.31–0.72 (median 0.5), modified z 5.2`; a
    /// one-sided band (`p99: 0.72 …`) gives the side its name says.
    static func band(_ reference: String) -> (lower: Double?, upper: Double?, median: Double?) {
        var median: Double?
        if let range = reference.range(of: "median ") {
            median = Double(reference[range.upperBound...].prefix { !"),".contains($0) })
        }
        guard let colon = reference.range(of: ": ") else { return (nil, nil, median) }
        let name = reference[..<colon.lowerBound]
        let bounds = reference[colon.upperBound...].prefix { $0 != " " && $0 != "(" }
        let parts = bounds.split(separator: "–").compactMap { Double($0) }
        if parts.count == 2 { return (parts[0], parts[1], median) }
        guard parts.count == 1 else { return (nil, nil, median) }
        // One side: a percentile above 50 (`p99`) is an upper limit, one below (`p1`) a lower one.
        let percentile = Double(name.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." }) ?? 0
        return percentile > 50 ? (nil, parts[0], median) : (parts[0], nil, median)
    }
}

extension Charts {
    /// One strip per feature: the training band shaded with its median, and a histogram of the batch's
    /// measured values on the same axis, so the drift shows as bars outside the band.
    static func featureDrift(_ drifts: [FeatureDrift]) -> HTML {
        guard !drifts.isEmpty else {
            return "<p class=\"muted\">No image or box feature drifted from the training set (reasons 5–18).</p>"
        }
        let labelWidth = 170, plotWidth = 300, rowHeight = 46, bins = 24
        let width = labelWidth + plotWidth + 20
        let rows: [HTML] = drifts.enumerated().map { index, drift -> HTML in
            let values = drift.measured
            var low = ([drift.lower, drift.upper, drift.median].compactMap { $0 } + values).min() ?? 0
            var high = ([drift.lower, drift.upper, drift.median].compactMap { $0 } + values).max() ?? 1
            if high - low < 1e-9 { low -= 0.5; high += 0.5 }
            let pad = (high - low) * 0.04
            low -= pad; high += pad
            func x(_ value: Double) -> Double { Double(labelWidth) + Double(plotWidth) * (value - low) / (high - low) }
            var counts = Array(repeating: 0, count: bins)
            for value in values { counts[min(bins - 1, max(0, Int((value - low) / (high - low) * Double(bins))))] += 1 }
            let largest = max(1, counts.max() ?? 1)
            let top = index * rowHeight + 4, barZone = 26
            let baseline = top + barZone
            let binWidth = Double(plotWidth) / Double(bins)
            let bars: [HTML] = counts.enumerated().compactMap { bin, count -> HTML? in
                guard count > 0 else { return nil }
                let height = max(2, Int(Double(barZone - 2) * Double(count) / Double(largest)))
                return "<rect x=\"\(Double(labelWidth) + Double(bin) * binWidth + 0.5, digits: 1)\" y=\"\(baseline - height)\" width=\"\(binWidth - 1, digits: 1)\" height=\"\(height)\" class=\"bar drift\"><title>\(count)</title></rect>"
            }
            let bandLow = drift.lower.map(x) ?? Double(labelWidth)
            let bandHigh = drift.upper.map(x) ?? Double(labelWidth + plotWidth)
            let band: HTML = drift.lower != nil || drift.upper != nil
                ? "<rect x=\"\(bandLow, digits: 1)\" y=\"\(top)\" width=\"\(max(1, bandHigh - bandLow), digits: 1)\" height=\"\(barZone)\" class=\"band\"><title>training band</title></rect>"
                : ""
            let median: HTML = drift.median.map { (value: Double) -> HTML in
                "<line x1=\"\(x(value), digits: 1)\" y1=\"\(top)\" x2=\"\(x(value), digits: 1)\" y2=\"\(baseline)\" class=\"median\"/>"
            } ?? ""
            let alias = HardReason.withID(drift.reason)?.alias ?? "?"
            return """
                <g><title>\(drift.reason) \(alias): \(values.count) samples</title>\
                <text x="\(labelWidth - 6)" y="\(top + 16)" text-anchor="end" class="axis">\(drift.reason) \(alias.replacingOccurrences(of: "_drift", with: ""))</text>\
                \(band)\(bars)\(median)<line x1="\(labelWidth)" y1="\(baseline)" x2="\(labelWidth + plotWidth)" y2="\(baseline)" class="axis-line"/>\
                <text x="\(labelWidth)" y="\(baseline + 12)" class="axis">\(String(format: "%.3g", low + pad))</text>\
                <text x="\(labelWidth + plotWidth)" y="\(baseline + 12)" text-anchor="end" class="axis">\(String(format: "%.3g", high - pad))</text></g>
                """
        }
        let height = drifts.count * rowHeight + 20
        return """
            <svg class="chart" role="img" aria-label="Feature distributions against the training set" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)">\
            \(rows)<rect x="\(labelWidth)" y="\(height - 12)" width="10" height="8" class="band"/><text x="\(labelWidth + 14)" y="\(height - 4)" class="axis">training p1–p99</text>\
            <rect x="\(labelWidth + 120)" y="\(height - 12)" width="10" height="8" class="bar drift"/><text x="\(labelWidth + 134)" y="\(height - 4)" class="axis">batch (flagged samples)</text></svg>
            """
    }
}
