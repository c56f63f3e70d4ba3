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
        case 100...: text = fixed(value, digits: 0)
        case 10..<100: text = fixed(value, digits: 1)
        case 1..<10: text = fixed(value, digits: 2)
        case 0.01..<1: text = fixed(value, digits: 3)
        default: return String(format: "%.2g", value)
        }
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// `value` with `digits` (0–3) decimals, rounded half to even like `printf`, without Foundation's
    /// formatter (which dominated the cost of explaining a sample).
    static func fixed(_ value: Double, digits: Int) -> String {
        let scale: UInt64 = [1, 10, 100, 1000][max(0, min(3, digits))]
        let scaled = (value * Double(scale)).rounded(.toNearestOrEven)
        guard abs(scaled) < 9e15 else { return String(format: "%.\(digits)f", value) }
        let integer = Int64(scaled)
        let magnitude = integer.magnitude
        var text = (integer < 0 ? "-" : "") + String(magnitude / scale)
        if digits > 0 {
            let fraction = String(magnitude % scale)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }

    /// `label` in single quotes.
    static func quoted(_ label: String) -> String {
        "'" + label + "'"
    }
}
