import Foundation

/// The labeling types ModelArts knows, as they appear in manifests (`modelarts/<raw value>`).
///
/// Every type parses; only ``imageClassification`` and ``objectDetection`` support hard examples,
/// as in ModelArts.
public enum LabelingType: String, Sendable, Hashable, Codable, CaseIterable {
    case imageClassification = "image_classification"
    case objectDetection = "object_detection"
    case imageSegmentation = "image_segmentation"
    case textClassification = "text_classification"
    case textEntity = "text_entity"
    case textTriplet = "text_triplet"
    case audioClassification = "audio_classification"
    case audioContent = "audio_content"
    case audioSegmentation = "audio_segmentation"

    /// The manifest spelling, e.g. `modelarts/object_detection`.
    public var annotationType: String { "modelarts/" + rawValue }

    /// Whether hard-example mining supports this type (classification and detection only).
    public var supportsHardExamples: Bool {
        self == .imageClassification || self == .objectDetection
    }

    /// Parses either the bare name (`object_detection`) or the manifest spelling
    /// (`modelarts/object_detection`), case-insensitively; hyphens are accepted for underscores.
    public init?(parsing text: String) {
        var name = text.lowercased().replacingOccurrences(of: "-", with: "_")
        if name.hasPrefix("modelarts/") { name.removeFirst("modelarts/".count) }
        guard let value = LabelingType(rawValue: name) else { return nil }
        self = value
    }
}
