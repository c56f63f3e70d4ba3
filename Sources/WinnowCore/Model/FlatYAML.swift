/// A reader for the flat YAML of spec files: `key: value` lines, `#` comments, quoted strings,
/// numbers, booleans, and lists written `[a, b]` or as `- item` lines under a key.
///
/// Anything deeper (nested maps, anchors, multi-line strings) is refused with the line it is on,
/// rather than misread.
public enum FlatYAML {
    /// Parses `text` into a JSON object.
    public static func parse(_ text: String) throws(CodecError) -> JSONValue {
        var object: [String: JSONValue] = [:]
        var listKey: String?
        var list: [JSONValue] = []
        func closeList() {
            if let key = listKey { object[key] = .array(list) }
            listKey = nil
            list = []
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = stripComment(String(rawLine))
            if line.trimmingWhitespace().isEmpty || line.trimmingWhitespace() == "---" { continue }
            let indented = line.first == " " || line.first == "\t"
            let content = line.trimmingWhitespace()
            if content.hasPrefix("- ") || content == "-" {
                guard listKey != nil else { throw CodecError(line: number, message: "a list item outside a list") }
                list.append(try scalar(String(content.dropFirst()).trimmingWhitespace(), line: number))
                continue
            }
            guard !indented else { throw CodecError(line: number, message: "nested maps are not supported in a spec file; keep keys flat") }
            closeList()
            guard let colon = content.firstIndex(of: ":") else { throw CodecError(line: number, message: "expected 'key: value'") }
            let key = String(content[..<colon]).trimmingWhitespace()
            let value = String(content[content.index(after: colon)...]).trimmingWhitespace()
            guard !key.isEmpty else { throw CodecError(line: number, message: "empty key") }
            guard object[key] == nil else { throw CodecError(line: number, field: key, message: "key given twice") }
            if value.isEmpty {
                listKey = key
            } else {
                object[key] = try scalar(value, line: number)
            }
        }
        closeList()
        return .object(object)
    }

    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || offset == 0 {
                return String(line.prefix(offset))
            }
            previous = character
        }
        return line
    }

    private static func scalar(_ text: String, line: Int) throws(CodecError) -> JSONValue {
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else { throw CodecError(line: line, message: "unclosed '['") }
            let inner = String(text.dropFirst().dropLast()).trimmingWhitespace()
            if inner.isEmpty { return .array([]) }
            var items: [JSONValue] = []
            for part in splitList(inner) { items.append(try scalar(part.trimmingWhitespace(), line: line)) }
            return .array(items)
        }
        if text.hasPrefix("{") || text.hasPrefix("|") || text.hasPrefix(">") || text.hasPrefix("&") || text.hasPrefix("*") {
            throw CodecError(line: line, message: "'\(text.prefix(1))' (maps, block strings, anchors) is not supported in a spec file")
        }
        if (text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2) || (text.hasPrefix("'") && text.hasSuffix("'") && text.count >= 2) {
            return .string(String(text.dropFirst().dropLast()))
        }
        switch text {
        case "true", "True", "yes": return .bool(true)
        case "false", "False", "no": return .bool(false)
        case "null", "~": return .null
        default: break
        }
        if let number = Double(text), number.isFinite { return .number(number) }
        return .string(text)
    }

    private static func splitList(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == "," {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
