/// Objects, parts and properties of a VOC file.
///
/// The rules (SDK: the ModelArts dataset SDK refuses it too; Winnow: stricter than the SDK):
/// - An `object` or `part` with no child element is refused (SDK: "object can't be empty").
/// - `name` is present and not empty (SDK refuses empty; Winnow refuses missing).
/// - `pose` is optional but not empty when present (SDK).
/// - `truncated`, `occluded`, `difficult` are optional: a missing one means 0, as in the SDK, which
///   leaves it null. When present they must not be empty (SDK: "object difficult can't be empty",
///   the fixture `2007_000027_difficult_empty.xml`) and must be 0 or 1 (Winnow).
///   So a missing `difficult` is fine, an empty one is not.
/// - `confidence`, `hard-coefficient`, `difficult-coefficient` are optional numbers in [0, 1]
///   (Winnow: the SDK keeps the text; its documentation gives the range). An empty one is refused
///   (Winnow: the Python SDK ignores an empty confidence).
/// - `hard` is optional: 0 or 1, also `false`, `true` as ModelArts manifests spell it (Winnow).
/// - `hard-reasons` is optional: reason codes 0–30 joined by `-` (`3-20-21`); empty means none.
/// - `mask_color` is optional: `R,G,B` with each component 0–255 (Winnow).
/// - Exactly one shape (see `VOCCodec+Shape.swift`); a part too.
/// - `part`: a `name`, an optional `confidence` in [0, 1] and one shape. Other children of a part
///   (`pose`, `difficult`, …) are ignored, since a part does not keep them. A part inside a part is
///   refused (Winnow: the SDK reads nested parts, Winnow's model has no place for them).
/// - `properties`: each child element is either `<key>value</key>` or a pair
///   `<property><key>k</key><value>v</value></property>`. The value of the first form and both key
///   and value of the pair must not be empty (SDK: "object properties color can't be empty"); a
///   pair without `key` or `value` is refused (Winnow: the SDK skips or half-keeps it). Properties
///   keep document order; an empty `<properties>` gives none.
/// - Other children of an object are ignored, as in the SDK, unless they are a known name in
///   another case (`<BndBox>`), which is refused.
extension VOCReader {
    /// The children of `object` Winnow knows.
    static let objectFields: Set<String> = Set(Shape.kinds).union([
        "name", "pose", "truncated", "occluded", "difficult", "confidence", "hard", "hard-coefficient",
        "hard-reasons", "difficult-coefficient", "mask_color", "part", "properties",
    ])

    /// Decodes one `object`; `path` is its field path, `object[n]`.
    func object(_ element: XMLTreeElement, path: String) throws(CodecError) -> VOCObject {
        guard !element.children.isEmpty else {
            throw error(element, path, "object can't be empty: it needs a <name> and a shape")
        }
        try refuseCaseVariants(in: element, known: Self.objectFields, path: path)
        let name = try requiredText("name", in: element, path: path)
        let pose = try optionalText("pose", in: element, path: path, emptyIsAbsent: false)
        let truncated = try optionalFlag("truncated", in: element, path: path) ?? false
        let occluded = try optionalFlag("occluded", in: element, path: path) ?? false
        let difficult = try optionalFlag("difficult", in: element, path: path) ?? false
        let confidence = try unitInterval("confidence", in: element, path: path)
        let hardCoefficient = try unitInterval("hard-coefficient", in: element, path: path)
        let difficultCoefficient = try unitInterval("difficult-coefficient", in: element, path: path)
        let hard = try optionalFlag("hard", in: element, path: path, wordsAllowed: true)
        let hardReasons = try self.hardReasons(in: element, path: path)
        let maskColor = try self.maskColor(in: element, path: path)
        let shape = try self.shape(in: element, path: path)

        var parts: [LabelPart] = []
        for child in element.children where child.name == "part" {
            parts.append(try part(child, path: join(path, "part[\(parts.count + 1)]")))
        }
        let properties = try self.properties(try single("properties", in: element, path: path), path: path)

        return VOCObject(
            name: name,
            pose: pose,
            truncated: truncated,
            occluded: occluded,
            difficult: difficult,
            confidence: confidence,
            hardCoefficient: hardCoefficient,
            difficultCoefficient: difficultCoefficient,
            hard: hard,
            hardReasons: hardReasons,
            maskColor: maskColor,
            shape: shape,
            parts: parts,
            properties: properties
        )
    }

    /// Decodes one `part` of an object.
    func part(_ element: XMLTreeElement, path: String) throws(CodecError) -> LabelPart {
        guard !element.children.isEmpty else {
            throw error(element, path, "part can't be empty: it needs a <name> and a shape")
        }
        if let nested = element.firstChild(named: "part") {
            throw error(nested, join(path, "part"), "a part inside a part is not supported")
        }
        try refuseCaseVariants(in: element, known: Self.objectFields, path: path)
        let name = try requiredText("name", in: element, path: path)
        let confidence = try unitInterval("confidence", in: element, path: path)
        let shape = try self.shape(in: element, path: path)
        return LabelPart(name: name, confidence: confidence, shape: shape)
    }

    /// `hard-reasons`, parsed with ``HardReason/parseList(_:)``.
    private func hardReasons(in element: XMLTreeElement, path: String) throws(CodecError) -> [Int]? {
        guard let child = try single("hard-reasons", in: element, path: path) else { return nil }
        let field = join(path, "hard-reasons")
        let value = try text(child, field: field)
        do {
            return try HardReason.parseList(value)
        } catch {
            throw self.error(child, field, error.message)
        }
    }

    /// `mask_color`: `R,G,B`, each 0–255.
    private func maskColor(in element: XMLTreeElement, path: String) throws(CodecError) -> String? {
        guard let child = try single("mask_color", in: element, path: path) else { return nil }
        let field = join(path, "mask_color")
        let value = try nonEmptyText(child, field: field)
        let components = value.split(separator: ",", omittingEmptySubsequences: false)
        let valid = components.count == 3 && components.allSatisfy { component in
            guard let number = Int(VOCText.trimmed(String(component))) else { return false }
            return (0...255).contains(number)
        }
        guard valid else {
            throw error(child, field, "mask_color must be R,G,B with each component 0–255, found '\(value)'")
        }
        return value
    }

    /// `properties`, in document order.
    func properties(_ element: XMLTreeElement?, path: String) throws(CodecError) -> [VOCProperty] {
        guard let element else { return [] }
        let base = join(path, "properties")
        var result: [VOCProperty] = []
        var seen: [String: Int] = [:]
        for child in element.children {
            let index = (seen[child.name] ?? 0) + 1
            seen[child.name] = index
            if child.children.isEmpty {
                let value = try text(child, field: join(base, child.name))
                guard !value.isEmpty else { throw error(child, join(base, child.name), "property '\(child.name)' can't be empty") }
                result.append(VOCProperty(key: child.name, value: value))
            } else {
                let pairPath = join(base, "\(child.name)[\(index)]")
                let key = try requiredText("key", in: child, path: pairPath)
                let value = try requiredText("value", in: child, path: pairPath)
                result.append(VOCProperty(key: key, value: value))
            }
        }
        return result
    }
}
