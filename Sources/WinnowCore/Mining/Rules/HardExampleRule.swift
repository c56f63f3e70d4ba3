/// One family of hard-example reasons as a value: what it needs, how it measures a sample in phase 1, how
/// it decides and scores in phase 2, and how it explains a decision.
///
/// Rules are built from a ``MiningConfiguration`` (see ``MiningRules/standard(_:)``) and hold every
/// threshold they use. The engine asks the enabled rules for their ``requirements`` and computes only
/// that.
public protocol HardExampleRule: Sendable {
    /// The reason codes the rule reports (a family: 1, 5–10, 19–29, …).
    var reasons: ClosedRange<Int> { get }
    /// What the rule needs from the pipeline and from phase 2.
    var requirements: MiningRequirements { get }
    /// Whether ``measure(_:prediction:into:)`` adds anything to the record (phase 1 skips the others).
    var measuresSamples: Bool { get }
    /// Phase 1: measures what the rule needs from one sample into its record, without global statistics.
    /// Called only for samples with a prediction.
    func measure(_ sample: MiningSample, prediction: Prediction, into record: inout SampleScores)
    /// Phase 2: appends one finding per enabled, evaluable reason for a scored sample. Must not allocate
    /// for the prediction-only reasons.
    func evaluate(_ evidence: MiningEvidence, in context: MiningContext, into findings: inout ReasonFindings)
    /// The explanation of a finding this rule made: measured value, reference (naming training or batch),
    /// and the catalogue's suggestion.
    func detail(for finding: ReasonFinding, evidence: MiningEvidence, in context: MiningContext) -> HardReasonDetail
}

extension HardExampleRule {
    /// By default a rule takes everything from the shared record.
    public var measuresSamples: Bool { false }

    /// Rules that take everything they need from the shared record measure nothing more.
    public func measure(_ sample: MiningSample, prediction: Prediction, into record: inout SampleScores) {}
}

/// One rule's verdict on one reason for one sample.
public struct ReasonFinding: Sendable, Hashable {
    /// The reason code.
    public var reason: Int
    /// Whether the reason fired.
    public var fired: Bool
    /// How hard, in [0, 1] (0 for clearly normal samples).
    public var score: Double
    /// The value measured (margin, brightness, distance, …), when there is one.
    public var measured: Double?

    /// A finding with the given parts; the score is clipped to [0, 1] (NaN becomes 0).
    public init(reason: Int, fired: Bool, score: Double, measured: Double? = nil) {
        self.reason = reason
        self.fired = fired
        self.score = score.isNaN ? 0 : min(1, max(0, score))
        self.measured = measured
    }
}

/// A reusable buffer of findings for one sample: cleared between samples without releasing its storage,
/// so evaluating many samples allocates once.
public struct ReasonFindings: Sendable {
    /// The findings, in the order rules appended them.
    public private(set) var items: [ReasonFinding] = []

    /// An empty buffer with room for all 31 reasons.
    public init() {
        items.reserveCapacity(31)
    }

    /// Appends a finding.
    public mutating func append(_ finding: ReasonFinding) {
        items.append(finding)
    }

    /// Empties the buffer, keeping its storage.
    public mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
    }

    /// Bit `r` set for every fired reason `r`.
    public var firedMask: UInt32 {
        var mask: UInt32 = 0
        for item in items where item.fired { mask |= 1 << UInt32(item.reason) }
        return mask
    }
}

/// What phase 2 knows about one sample: its phase-1 record and what its neighbours say.
public struct MiningEvidence: Sendable {
    /// The phase-1 record.
    public var record: SampleScores
    /// Neighbour measurements made in phase 2.
    public var neighbours: NeighbourEvidence

    /// Evidence with the given parts.
    public init(record: SampleScores, neighbours: NeighbourEvidence = NeighbourEvidence()) {
        self.record = record
        self.neighbours = neighbours
    }
}
