public import Foundation

/// A named collection of samples of one labeling type.
public struct Dataset: Sendable, Hashable, Codable, Identifiable {
    /// A stable identifier (32 lowercase hex characters for datasets Winnow creates).
    public var id: String
    /// The name people use; unique within a store.
    public var name: String
    /// The labeling type every sample of the dataset is labelled with.
    public var labelingType: LabelingType
    /// A free-text description.
    public var description: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String = Identifier.make(),
        name: String,
        labelingType: LabelingType,
        description: String = "",
        createdAt: Date = Date(),
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.labelingType = labelingType
        self.description = description
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Checks a dataset name: 1–64 characters of letters, digits, `-`, `_` and `.`, not starting with `.`.
    public static func validateName(_ name: String) throws(ValidationError) {
        guard !name.isEmpty, name.count <= 64 else {
            throw ValidationError(field: "name", message: "a dataset name has 1 to 64 characters, got \(name.count)")
        }
        guard !name.hasPrefix("."), name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw ValidationError(field: "name", message: "a dataset name uses letters, digits, '-', '_' and '.' and does not start with '.': '\(name)'")
        }
    }
}
