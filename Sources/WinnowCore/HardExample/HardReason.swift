/// One of the 31 hard-example reasons of ModelArts, with its numbering and meaning.
///
/// ModelArts publishes the list (IDs 0–30) but not its suggestion texts; the suggestions here are ours.
public struct HardReason: Sendable, Hashable, Codable, Identifiable {
    /// The reason code, 0–30.
    public var id: Int
    /// A short stable alias (`alo_name` in ModelArts' `HardDetail`), e.g. `low_confidence`.
    public var alias: String
    /// What the reason means.
    public var description: String
    /// The family of rules the reason belongs to.
    public var group: Group
    /// What a person can do about samples picked for this reason.
    public var suggestion: String

    /// Families of reasons.
    public enum Group: String, Sendable, Hashable, Codable, CaseIterable {
        case prediction
        case trainingConsistency = "training_consistency"
        case temporalConsistency = "temporal_consistency"
        case imageFeatureDrift = "image_feature_drift"
        case boxFeatureDrift = "box_feature_drift"
        case augmentationConsistency = "augmentation_consistency"
        case anomaly
    }

    /// Whether the reason applies to `type` (box reasons 11–18 are detection only).
    public func applies(to type: LabelingType) -> Bool {
        guard type.supportsHardExamples else { return false }
        return group != .boxFeatureDrift || type == .objectDetection
    }

    /// The reason with code `id`, or `nil` outside 0–30.
    public static func withID(_ id: Int) -> HardReason? {
        catalogue.indices.contains(id) ? catalogue[id] : nil
    }

    /// Parses ModelArts' `hard-reasons` text, IDs joined by `-` (`"3-20-21-19"`), into sorted unique IDs.
    public static func parseList(_ text: String) throws(ValidationError) -> [Int] {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return [] }
        var ids = Set<Int>()
        for part in trimmed.split(separator: "-", omittingEmptySubsequences: false) {
            guard let id = Int(part.trimmingWhitespace()), withID(id) != nil else {
                throw ValidationError(field: "hard-reasons", message: "'\(part)' in '\(text)' is not a reason code 0–30")
            }
            ids.insert(id)
        }
        return ids.sorted()
    }

    /// Formats IDs the ModelArts way: `"3-19-20"`.
    public static func formatList(_ ids: [Int]) -> String {
        ids.map(String.init).joined(separator: "-")
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
