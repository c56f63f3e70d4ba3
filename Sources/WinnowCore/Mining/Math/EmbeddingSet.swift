/// A set of equal-length feature vectors in one flat array, with a class index and an owner per vector,
/// searched by brute-force Euclidean k-nearest-neighbours.
///
/// Search is `O(count × dimension)` per query; the reference keeps at most
/// ``EmbeddingConfiguration/maximumReferenceEmbeddings`` vectors (a seeded reservoir) to bound it.
public struct EmbeddingSet: Sendable, Hashable, Codable {
    /// One neighbour found by a search.
    public struct Neighbour: Sendable, Hashable {
        /// The vector's position in the set.
        public var position: Int
        /// Its Euclidean distance to the query.
        public var distance: Double
    }

    /// The length of every vector.
    public let dimension: Int
    /// The vectors, one after another.
    public private(set) var values: [Double] = []
    /// Per vector: the index of its class in the reference's class list, or −1.
    public private(set) var classIndices: [Int] = []
    /// Per vector: the batch record it came from, or −1 for a training image.
    public private(set) var owners: [Int] = []

    /// An empty set of `dimension`-long vectors.
    public init(dimension: Int) {
        self.dimension = dimension
    }

    /// How many vectors there are.
    public var count: Int { owners.count }

    /// Appends `vector` (which must have ``dimension`` elements; others are ignored).
    public mutating func append(_ vector: [Double], classIndex: Int, owner: Int) {
        guard vector.count == dimension, dimension > 0 else { return }
        values.append(contentsOf: vector)
        classIndices.append(classIndex)
        owners.append(owner)
    }

    /// The vector at `position`.
    public func vector(at position: Int) -> ArraySlice<Double> {
        values[(position * dimension)..<((position + 1) * dimension)]
    }

    /// The Euclidean distance between the vector at `position` and `query`.
    public func distance(from position: Int, to query: [Double]) -> Double {
        guard query.count == dimension else { return .infinity }
        return values.withUnsafeBufferPointer { all in
            query.withUnsafeBufferPointer { q in
                Self.distance(all, offset: position * dimension, q)
            }
        }
    }

    /// The `k` nearest vectors to `query`, nearest first (ties by position), skipping the vector at
    /// `excludedPosition` and every vector owned by `excludedOwner` (pass −2 or less to skip none).
    /// Writes into `result`, which is emptied first and keeps its capacity.
    public func nearest(to query: [Double], k: Int, excludedPosition: Int = -1, excludedOwner: Int = -2, into result: inout [Neighbour]) {
        result.removeAll(keepingCapacity: true)
        guard k > 0, query.count == dimension, dimension > 0 else { return }
        values.withUnsafeBufferPointer { all in
            query.withUnsafeBufferPointer { q in
                for position in 0..<count {
                    if position == excludedPosition || owners[position] == excludedOwner { continue }
                    let d = Self.distance(all, offset: position * dimension, q)
                    if result.count == k, let last = result.last, d >= last.distance { continue }
                    var slot = result.count
                    while slot > 0, result[slot - 1].distance > d { slot -= 1 }
                    result.insert(Neighbour(position: position, distance: d), at: slot)
                    if result.count > k { result.removeLast() }
                }
            }
        }
    }

    /// The Euclidean distance between two vectors of equal length.
    public static func distance(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in distance(x, offset: 0, y) } }
    }

    @inline(__always)
    static func distance(_ all: UnsafeBufferPointer<Double>, offset: Int, _ q: UnsafeBufferPointer<Double>) -> Double {
        var sum = 0.0
        for i in 0..<q.count {
            let d = all[offset + i] - q[i]
            sum += d * d
        }
        return sum.squareRoot()
    }

    /// `vector` ready for distances: non-finite components become 0 and, when `normalize` is set, the
    /// result is scaled to unit length (a zero vector stays zero). `nil` for an empty vector.
    public static func prepared(_ vector: [Double], normalize: Bool) -> [Double]? {
        guard !vector.isEmpty else { return nil }
        var result = vector
        var norm = 0.0
        for i in result.indices {
            if !result[i].isFinite { result[i] = 0 }
            norm += result[i] * result[i]
        }
        if normalize, norm > 0 {
            let scale = 1 / norm.squareRoot()
            for i in result.indices { result[i] *= scale }
        }
        return result
    }
}
