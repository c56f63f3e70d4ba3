/// What phase 2 measured about a sample against the reference embeddings and its batch neighbours
/// (reasons 2, 3, 4 and 30). Absent parts could not be measured (no embedding, no reference, rule off).
public struct NeighbourEvidence: Sendable, Hashable {
    /// The vote of the nearest reference neighbours (reason 2).
    public var vote: NeighbourVote?
    /// Distance to the reference centroid of the predicted class (reason 3).
    public var classDistance: Double?
    /// Mean distance to the k nearest reference embeddings (reason 30).
    public var neighbourDistance: Double?
    /// The comparison with consecutive similar samples (reason 4).
    public var temporal: TemporalEvidence?

    /// Evidence with the given parts.
    public init(vote: NeighbourVote? = nil, classDistance: Double? = nil, neighbourDistance: Double? = nil, temporal: TemporalEvidence? = nil) {
        self.vote = vote
        self.classDistance = classDistance
        self.neighbourDistance = neighbourDistance
        self.temporal = temporal
    }
}

/// How the nearest reference neighbours vote.
public struct NeighbourVote: Sendable, Hashable {
    /// The label most neighbours carry (ties: the predicted label, else the smallest name).
    public var winner: String
    /// Its share of the votes.
    public var winnerShare: Double
    /// The predicted label's share of the votes.
    public var predictedShare: Double
    /// How many neighbours voted.
    public var voters: Int

    /// A vote with the given parts.
    public init(winner: String, winnerShare: Double, predictedShare: Double, voters: Int) {
        self.winner = winner
        self.winnerShare = winnerShare
        self.predictedShare = predictedShare
        self.voters = voters
    }
}

/// How a sample compares with its neighbours in capture order (reason 4).
public struct TemporalEvidence: Sendable, Hashable {
    /// How the batch was ordered.
    public enum Ordering: String, Sendable, Hashable, Codable {
        /// By capture time.
        case captureTime = "capture time"
        /// By the natural order of the sources' names.
        case naturalOrder = "natural file order"
    }

    /// The order used.
    public var ordering: Ordering
    /// The similarity radius used.
    public var radius: Double
    /// Neighbours within the window that are similar.
    public var similar: Int
    /// Similar neighbours that predict differently.
    public var disagreeing: Int
    /// The nearest disagreeing neighbour's source and label, for the detail.
    public var exampleSource: String?
    /// The nearest disagreeing neighbour's label (dominant label for detection).
    public var exampleLabel: String?

    /// Evidence with the given parts.
    public init(ordering: Ordering, radius: Double, similar: Int, disagreeing: Int, exampleSource: String? = nil, exampleLabel: String? = nil) {
        self.ordering = ordering
        self.radius = radius
        self.similar = similar
        self.disagreeing = disagreeing
        self.exampleSource = exampleSource
        self.exampleLabel = exampleLabel
    }
}
