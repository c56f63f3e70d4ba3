/// Where reference statistics come from. Every reason detail names it, so a reader knows whether a
/// sample was compared with the training set or only with the rest of its own batch.
public enum ReferenceOrigin: String, Sendable, Hashable, Codable {
    /// The training manifest (what the model learnt from).
    case training
    /// The batch itself, when the training set lacks what a rule needs.
    case batch
}
