/// One element of an XML document read by ``XMLTreeParser``: its name, attributes, child elements,
/// character data and where it starts.
///
/// Comments and processing instructions are dropped. Entity and character references are already
/// replaced, CDATA sections are merged into ``text``, and line breaks are normalised to `\n`.
public struct XMLTreeElement: Sendable, Hashable {
    /// The element name as written, prefix included (`x:y` stays `x:y`; namespaces are not resolved).
    public var name: String
    /// The attributes in document order.
    public var attributes: [Attribute]
    /// The child elements in document order.
    public var children: [XMLTreeElement]
    /// The character data directly inside the element (not its children's), references replaced.
    ///
    /// When the element has child elements and its own character data is only whitespace (the
    /// indentation of a pretty-printed file), the text is empty.
    public var text: String
    /// The 1-based line of the start tag's `<`.
    public var line: Int

    /// An attribute: its name and its value, references replaced and whitespace normalised.
    public struct Attribute: Sendable, Hashable {
        /// The attribute name.
        public var name: String
        /// The attribute value.
        public var value: String

        /// An attribute named `name` with `value`.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// An element; usually made by ``XMLTreeParser``.
    public init(
        name: String,
        attributes: [Attribute] = [],
        children: [XMLTreeElement] = [],
        text: String = "",
        line: Int = 1
    ) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// The value of the attribute `name`, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The child elements named `name`, in document order.
    public func children(named name: String) -> [XMLTreeElement] {
        children.filter { $0.name == name }
    }

    /// The first child element named `name`, if any.
    public func firstChild(named name: String) -> XMLTreeElement? {
        children.first { $0.name == name }
    }
}
