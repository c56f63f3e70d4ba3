public import Foundation
public import WinnowCore

/// A registered model: its spec and when it was registered.
public struct RegisteredModel: Sendable, Hashable, Codable {
    public var spec: ModelSpec
    public var registeredAt: Date

    public init(spec: ModelSpec, registeredAt: Date = Date()) {
        self.spec = spec
        self.registeredAt = registeredAt
    }

    public var name: String { spec.name }
}

/// Where Winnow keeps models, batch services and each service's per-input progress.
///
/// Items are written as a service is deployed (in input order) and their outcomes as the model
/// answers, so a service interrupted by a crash resumes without asking the model twice.
public protocol ServiceStore: Sendable {
    // MARK: Models

    /// Registers a model; replaces the spec of a model with the same name when `replace` is true,
    /// else throws `.duplicate`.
    func registerModel(_ model: RegisteredModel, replace: Bool) async throws
    func model(named name: String) async throws -> RegisteredModel?
    func listModels() async throws -> [RegisteredModel]
    /// Deletes a model. Throws `.notFound`, or `.invalid` while a service uses it.
    func deleteModel(named name: String) async throws

    // MARK: Services

    /// Stores a new service. Throws `.duplicate` when the name is taken.
    func createService(_ service: BatchService) async throws
    func service(named name: String) async throws -> BatchService?
    func service(id: String) async throws -> BatchService?
    func listServices() async throws -> [BatchService]
    /// Replaces a service's record (status, progress, times). Throws `.notFound`.
    func updateService(_ service: BatchService) async throws
    /// Replaces a service's record only if its stored status is still `expected` (compare and set);
    /// returns whether it did. Another process changing the status (a stop) wins this way.
    func updateService(_ service: BatchService, ifStatus expected: ServiceStatus) async throws -> Bool
    /// Deletes a service and its items. Throws `.notFound`.
    func deleteService(id: String) async throws

    // MARK: Items

    /// Appends items (their sequence numbers must follow the last stored one).
    func appendItems(_ items: [ServiceItem], serviceID: String) async throws
    /// Items in sequence order after `sequence` (exclusive), at most `limit`; `pendingOnly` skips items with an outcome.
    func items(serviceID: String, after sequence: Int, limit: Int, pendingOnly: Bool) async throws -> [ServiceItem]
    /// Records outcomes of items, by sequence, in one transaction.
    func recordOutcomes(_ items: [ServiceItem], serviceID: String) async throws
    /// Forgets every outcome (a restart runs from scratch).
    func resetOutcomes(serviceID: String) async throws
    /// Counts of items: all, succeeded, failed.
    func itemCounts(serviceID: String) async throws -> (total: Int, succeeded: Int, failed: Int)
}
