/// Pixel dimensions of an image, with its channel count when known.
public struct ImageSize: Sendable, Hashable, Codable {
    public var width: Int
    public var height: Int
    public var depth: Int?

    public init(width: Int, height: Int, depth: Int? = nil) {
        self.width = width
        self.height = height
        self.depth = depth
    }
}
