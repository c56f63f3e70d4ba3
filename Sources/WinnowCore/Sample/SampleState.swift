import Foundation

/// Where a sample stands in labeling, as the console tabs show it.
public enum SampleState: String, Sendable, Hashable, Codable, CaseIterable {
    /// No confirmed label (ModelArts `__NONE__`, `UN_ANNOTATION`).
    case unlabeled
    /// Labelled and confirmed by a person (`__ALL__`, `MANUAL_ANNOTATION`).
    case labeled
    /// Picked by a machine, waiting for a person (`__AUTO_ANNOTATION__`, `AUTO_ANNOTATION`).
    case toBeConfirmed = "to_be_confirmed"

    /// Parses `to_be_confirmed`, `to-be-confirmed`, `tobeconfirmed` and the ModelArts enums.
    public init?(parsing text: String) {
        switch text.lowercased().replacingOccurrences(of: "-", with: "_") {
        case "unlabeled", "unlabelled", "__none__", "un_annotation": self = .unlabeled
        case "labeled", "labelled", "__all__", "manual_annotation": self = .labeled
        case "to_be_confirmed", "tobeconfirmed", "__auto_annotation__", "auto_annotation": self = .toBeConfirmed
        default: return nil
        }
    }
}
