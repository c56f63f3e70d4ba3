/// A "too unconfident" threshold on a confidence-like value (higher is more confident), optionally
/// relative to the value's mean for the predicted class.
///
/// With ``classFactor`` set and the class seen at least ``ReferenceConfiguration/minimumClassCount`` times
/// in the reference, the class threshold is `classFactor × mean_c` (cleanlab's per-class confident
/// threshold `t_c`, the mean self-confidence of class c, scaled as ObjectLab scales its per-class
/// thresholds by 0.8). Otherwise the ``fixed`` threshold applies. A value fires when it is below its
/// threshold.
public struct AdaptiveThreshold: Sendable, Hashable, Codable {
    /// Whether this test takes part.
    public var isEnabled: Bool
    /// The threshold without class statistics.
    public var fixed: Double
    /// The factor on the class mean; `nil` keeps the fixed threshold for every class.
    public var classFactor: Double?

    /// A threshold with the given parts.
    public init(isEnabled: Bool = true, fixed: Double, classFactor: Double? = nil) {
        self.isEnabled = isEnabled
        self.fixed = fixed
        self.classFactor = classFactor
    }

    /// The threshold for a class whose reference mean is `classMean` (or unknown).
    public func threshold(classMean: Double?) -> Double {
        if let classFactor, let classMean, classMean.isFinite { return classFactor * classMean }
        return fixed
    }

    enum CodingKeys: String, CodingKey {
        case isEnabled = "enabled"
        case fixed
        case classFactor
    }

    /// Decodes a threshold; `fixed` is required, the rest default (enabled, no class factor).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        isEnabled = try container.value(.isEnabled, default: true)
        fixed = try container.decode(Double.self, forKey: .fixed)
        classFactor = try container.value(.classFactor, default: nil as Double?)
    }

    func validate(_ field: String) throws(ValidationError) {
        guard fixed.isFinite, fixed >= 0 else { throw ValidationError(field: field, message: "fixed must be a finite number ≥ 0, got \(fixed)") }
        if let classFactor, !(classFactor.isFinite && classFactor >= 0) {
            throw ValidationError(field: field, message: "classFactor must be a finite number ≥ 0, got \(classFactor)")
        }
    }
}
