internal import Foundation

/// The scale a feature is compared on. Sizes and variances span orders of magnitude, so they are compared
/// on a logarithmic scale; bounded features linearly.
public enum FeatureScale: String, Sendable, Hashable, Codable {
    /// The value as is.
    case linear
    /// `ln(max(x, 1e-12))`, for positive quantities such as areas and aspect ratios.
    case logarithmic
    /// `ln(1 + max(x, 0))`, for non-negative quantities that may be 0 (variances).
    case logarithmicPlusOne = "log1p"

    /// `value` on this scale.
    public func transform(_ value: Double) -> Double {
        switch self {
        case .linear: value
        case .logarithmic: log(max(value, 1e-12))
        case .logarithmicPlusOne: log1p(max(value, 0))
        }
    }

    /// The inverse of ``transform(_:)``, to report bounds in the feature's own units.
    public func inverse(_ value: Double) -> Double {
        switch self {
        case .linear: value
        case .logarithmic: exp(value)
        case .logarithmicPlusOne: expm1(value)
        }
    }
}
