import Foundation

/// A piece of HTML. Interpolated strings are escaped; only other `HTML` values are inserted as they
/// are, so text from samples, manifests or users can never become markup.
///
/// ```swift
/// let page: HTML = "<h1>\(dataset.name)</h1>"   // the name is escaped
/// ```
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    public private(set) var text: String

    /// Markup taken as it is: only for text known to be markup.
    public init(unescaped text: String) { self.text = text }
    /// A literal in the code is markup.
    public init(stringLiteral value: String) { text = value }
    /// Literal parts as they are, interpolated text escaped.
    public init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }

    /// The markup.
    public var description: String { text }

    /// Builds an ``HTML`` value: text escaped, markup as it is.
    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""
        /// An empty builder.
        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }
        /// Markup from the code.
        public mutating func appendLiteral(_ literal: String) { text += literal }
        /// Text: escaped.
        public mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }
        public mutating func appendInterpolation(_ value: String?) { text += HTML.escape(value ?? "") }
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }
        /// Markup: as it is.
        public mutating func appendInterpolation(_ value: HTML) { text += value.text }
        public mutating func appendInterpolation(_ values: [HTML]) { for value in values { text += value.text } }
        /// A number with `digits` decimals.
        public mutating func appendInterpolation(_ value: Double, digits: Int) { text += String(format: "%.\(digits)f", value) }
    }

    /// Escapes the five characters with meaning in HTML text and attribute values: `& < > " '`.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Percent-encodes a path segment or query value for use in a link.
    public static func urlComponent(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension Array where Element == HTML {
    /// The pieces one after the other.
    public func joined() -> HTML { HTML(unescaped: map(\.text).joined()) }
}
