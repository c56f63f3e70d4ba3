internal import Foundation

/// Number formatting for reason details and configuration explanations: short, readable, stable.
enum MiningText {
    /// About three significant digits, without trailing zeros: `0.312`, `4.5`, `1280`, `2.1e-05`, `∞`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
        if value == value.rounded(), abs(value) < 1e12 { return String(Int64(value)) }
        let magnitude = abs(value)
        let text: String
        switch magnitude {
        case 100...: text = String(format: "%.0f", value)
        case 10..<100: text = String(format: "%.1f", value)
        case 1..<10: text = String(format: "%.2f", value)
        case 0.01..<1: text = String(format: "%.3f", value)
        default: return String(format: "%.2g", value)
        }
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// `label` in single quotes.
    static func quoted(_ label: String) -> String {
        "'" + label + "'"
    }
}
