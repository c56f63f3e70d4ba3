/// A uniform random sample of at most `capacity` elements of a stream (Vitter's algorithm R), seeded so
/// the same stream and seed keep the same elements. Memory stays bounded however long the stream is.
public struct ReservoirSample<Element: Sendable>: Sendable {
    /// The most elements kept.
    public let capacity: Int
    /// The kept elements, in the order they were kept.
    public private(set) var elements: [Element] = []
    /// How many elements the stream had.
    public private(set) var seen = 0
    private var generator: SplitMix64

    /// An empty reservoir.
    /// - Parameters:
    ///   - capacity: the most elements to keep (at least 1).
    ///   - seed: the random seed.
    public init(capacity: Int, seed: UInt64) {
        self.capacity = max(1, capacity)
        generator = SplitMix64(seed: seed)
    }

    /// Offers the next element of the stream.
    public mutating func add(_ element: Element) {
        seen += 1
        if elements.count < capacity {
            elements.append(element)
            return
        }
        let slot = Int(generator.next() % UInt64(seen))
        if slot < capacity { elements[slot] = element }
    }
}
