/// What hard-example mining (or a person) decided about one sample.
public struct HardExampleInfo: Sendable, Hashable, Codable {
    /// Whether the sample is flagged hard.
    public var isHard: Bool
    /// How hard, in [0, 1] (ModelArts `hard-coefficient`).
    public var coefficient: Double?
    /// Reason codes 0–30 (ModelArts `hard-reasons`), ascending.
    public var reasons: [Int]
    /// Per-reason explanation: measured value, reference, suggestion.
    public var details: [HardReasonDetail]

    public init(isHard: Bool, coefficient: Double? = nil, reasons: [Int] = [], details: [HardReasonDetail] = []) {
        self.isHard = isHard
        self.coefficient = coefficient
        self.reasons = reasons
        self.details = details
    }

    /// Checks the coefficient range and the reason codes.
    public func validate() throws(ValidationError) {
        if let coefficient, !(0...1).contains(coefficient) {
            throw ValidationError(field: "hard-coefficient", message: "must be in [0, 1], got \(coefficient)")
        }
        for reason in reasons where HardReason.catalogue.indices.contains(reason) == false {
            throw ValidationError(field: "hard-reasons", message: "unknown reason \(reason); reasons are 0 to 30")
        }
    }
}

/// Why one reason fired for one sample: the measured value against its reference.
public struct HardReasonDetail: Sendable, Hashable, Codable {
    /// The reason code, 0–30.
    public var reason: Int
    /// The rule's score for this sample in [0, 1] (higher is harder).
    public var score: Double?
    /// The value measured on the sample (confidence, brightness, box count, …).
    public var measured: Double?
    /// What it was compared with, in words (e.g. `training p1–p99: 0.31–0.72`).
    public var reference: String?
    /// What to do about it.
    public var suggestion: String?

    public init(reason: Int, score: Double? = nil, measured: Double? = nil, reference: String? = nil, suggestion: String? = nil) {
        self.reason = reason
        self.score = score
        self.measured = measured
        self.reference = reference
        self.suggestion = suggestion
    }
}
