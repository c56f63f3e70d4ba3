/// Reads the fields of a parsed VOC tree, turning every problem into a ``CodecError`` that names
/// the file, the line of the offending element and the field path (`object[2].bndbox.xmin`).
///
/// Field paths index repeated elements from 1 among same-named siblings, as XPath does:
/// `object[1]` is the first object, `object[1].part[2]` its second part.
struct VOCReader {
    let file: String?

    // MARK: Errors and paths

    /// An error at `element`'s line.
    func error(_ element: XMLTreeElement, _ field: String?, _ message: String) -> CodecError {
        CodecError(file: file, line: element.line, field: field, message: message)
    }

    /// `path.name`, or `name` at the top.
    func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : path + "." + name
    }

    // MARK: Children

    /// The only child named `name`, or `nil`; two are an error.
    func single(_ name: String, in parent: XMLTreeElement, path: String) throws(CodecError) -> XMLTreeElement? {
        // Indices rather than `for child in`, so that only the names are read, not whole elements copied.
        let children = parent.children
        var found: Int?
        for index in children.indices where children[index].name == name {
            if let found {
                let line = children[found].line
                throw error(children[index], join(path, name),
                    "<\(name)> appears more than once (lines \(line) and \(children[index].line))")
            }
            found = index
        }
        return found.map { children[$0] }
    }

    /// The only child named `name`; none or two are an error.
    func required(_ name: String, in parent: XMLTreeElement, path: String) throws(CodecError) -> XMLTreeElement {
        guard let child = try single(name, in: parent, path: path) else {
            let place = path.isEmpty ? "<\(parent.name)>" : path
            throw error(parent, join(path, name), "missing <\(name)> in \(place)")
        }
        return child
    }

    /// Refuses children whose name is one of `known` in another case (`<BndBox>`, `<Object>`): the
    /// Python SDK would silently skip them and lose data, the Java SDK would accept them; Winnow
    /// asks for the lower-case spelling ModelArts writes. Other unknown children are ignored, as
    /// both SDKs do.
    func refuseCaseVariants(in parent: XMLTreeElement, known: Set<String>, path: String) throws(CodecError) {
        let children = parent.children
        for index in children.indices where !known.contains(children[index].name) {
            let name = children[index].name
            let lower = name.lowercased()
            if known.contains(lower) {
                throw error(children[index], join(path, name),
                    "unknown element <\(name)>: VOC element names are lower-case (<\(lower)>)")
            }
        }
    }

    // MARK: Text

    /// The text of a leaf element, without surrounding whitespace; child elements are an error.
    func text(_ element: XMLTreeElement, field: @autoclosure () -> String) throws(CodecError) -> String {
        if let child = element.children.first {
            throw error(child, field(), "<\(element.name)> must hold text, not the element <\(child.name)>")
        }
        return VOCText.trimmed(element.text)
    }

    /// The text of a leaf element, which must not be empty.
    func nonEmptyText(_ element: XMLTreeElement, field: @autoclosure () -> String) throws(CodecError) -> String {
        let value = try text(element, field: field())
        guard !value.isEmpty else { throw error(element, field(), "<\(element.name)> can't be empty") }
        return value
    }

    /// The non-empty text of the mandatory child `name`.
    func requiredText(_ name: String, in parent: XMLTreeElement, path: String) throws(CodecError) -> String {
        try nonEmptyText(try required(name, in: parent, path: path), field: join(path, name))
    }

    /// The text of the optional child `name`. When it is present but empty, the result is `nil` if
    /// `emptyIsAbsent`, an error otherwise.
    func optionalText(
        _ name: String,
        in parent: XMLTreeElement,
        path: String,
        emptyIsAbsent: Bool
    ) throws(CodecError) -> String? {
        guard let child = try single(name, in: parent, path: path) else { return nil }
        if emptyIsAbsent {
            let value = try text(child, field: join(path, name))
            return value.isEmpty ? nil : value
        }
        return try nonEmptyText(child, field: join(path, name))
    }

    // MARK: Numbers and flags

    /// A finite decimal number.
    func number(_ element: XMLTreeElement, field: @autoclosure () -> String) throws(CodecError) -> Double {
        let value = try nonEmptyText(element, field: field())
        guard let number = VOCNumber.parse(value) else {
            let reason = VOCNumber.isDecimal(value) ? "is out of range" : "is not a number"
            throw error(element, field(), "'\(value)' \(reason)")
        }
        return number
    }

    /// A decimal integer.
    func integer(_ element: XMLTreeElement, field: @autoclosure () -> String) throws(CodecError) -> Int {
        let value = try nonEmptyText(element, field: field())
        guard let number = VOCNumber.parseInteger(value) else {
            throw error(element, field(), "'\(value)' is not an integer")
        }
        return number
    }

    /// The number in the optional child `name`, which must lie in [0, 1].
    func unitInterval(_ name: String, in parent: XMLTreeElement, path: String) throws(CodecError) -> Double? {
        guard let child = try single(name, in: parent, path: path) else { return nil }
        let value = try number(child, field: join(path, name))
        guard (0...1).contains(value) else {
            throw error(child, join(path, name), "\(name) must be between 0 and 1, found \(VOCNumber.format(value))")
        }
        return value
    }

    /// A VOC flag: `0` or `1`. With `wordsAllowed`, `false` and `true` too.
    func flag(
        _ element: XMLTreeElement,
        field: @autoclosure () -> String,
        wordsAllowed: Bool = false
    ) throws(CodecError) -> Bool {
        let value = try nonEmptyText(element, field: field())
        switch value {
        case "0": return false
        case "1": return true
        case "false" where wordsAllowed: return false
        case "true" where wordsAllowed: return true
        default:
            throw error(element, field(), "<\(element.name)> must be 0 or 1\(wordsAllowed ? " (or false, true)" : ""), found '\(value)'")
        }
    }

    /// The flag in the optional child `name`, if present.
    func optionalFlag(
        _ name: String,
        in parent: XMLTreeElement,
        path: String,
        wordsAllowed: Bool = false
    ) throws(CodecError) -> Bool? {
        guard let child = try single(name, in: parent, path: path) else { return nil }
        return try flag(child, field: join(path, name), wordsAllowed: wordsAllowed)
    }
}
