import Foundation
import Hummingbird
import WinnowCore
import WinnowStore

/// A sample listing's filters, order and page, read from query parameters (shared by the API and the
/// console): `state`, `hard`, `reason`, `min_coefficient`, `max_coefficient`, `label`, `sort`,
/// `order`, `limit`, `offset`, `cursor`.
struct SampleListing: Sendable {
    var query: SampleQuery
    var limit: Int
    var offset: Int
    var usesCursor: Bool

    static let defaultLimit = 50
    static let maximumLimit = 500

    init(datasetID: String, parameters: QueryParameters, defaultSort: SampleQuery.SortKey = .id) throws {
        var query = SampleQuery(datasetID: datasetID, sort: defaultSort, descending: defaultSort == .coefficient)
        if let text = parameters.string("state") {
            guard let state = SampleState(parsing: text) else {
                throw APIError.invalid("state", "'\(text)' is not a state; use unlabeled, labeled or to_be_confirmed")
            }
            query.state = state
        }
        query.hard = try parameters.bool("hard")
        query.reason = try parameters.int("reason", in: 0...30)
        let minimum = try parameters.double("min_coefficient", in: 0...1)
        let maximum = try parameters.double("max_coefficient", in: 0...1)
        if minimum != nil || maximum != nil {
            guard (minimum ?? 0) <= (maximum ?? 1) else {
                throw APIError.invalid("max_coefficient", "must not be below min_coefficient")
            }
            query.coefficient = (minimum ?? 0)...(maximum ?? 1)
        }
        query.label = parameters.string("label")
        if let text = parameters.string("sort") {
            guard let sort = SampleQuery.SortKey(rawValue: text) else {
                throw APIError.invalid("sort", "'\(text)' is not a sort key; use \(SampleQuery.SortKey.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.sort = sort
            query.descending = sort == .coefficient
        }
        if let order = parameters.string("order") {
            guard order == "asc" || order == "desc" else { throw APIError.invalid("order", "use asc or desc, got '\(order)'") }
            query.descending = order == "desc"
        }
        limit = try parameters.int("limit", in: 1...Self.maximumLimit) ?? Self.defaultLimit
        offset = try parameters.int("offset", in: 0...Int(Int32.max)) ?? 0
        usesCursor = false
        if let cursor = parameters.string("cursor") {
            guard query.sort == .id, !query.descending else {
                throw APIError.invalid("cursor", "pages by cursor in id order only (sort=id, order=asc)")
            }
            guard offset == 0 else { throw APIError.invalid("offset", "give cursor or offset, not both") }
            query.afterID = cursor
            usesCursor = true
        }
        query.limit = limit
        query.offset = offset
        self.query = query
    }

    /// The page of samples, with the total and the next cursor (id order only).
    func page(in store: any MetadataStore) async throws -> (samples: [Sample], total: Int, nextCursor: String?) {
        let samples = try await store.listSamples(query)
        let total = try await store.countSamples(query)
        let pagesByID = query.sort == .id && !query.descending
        let next = pagesByID && samples.count == limit ? samples.last?.id : nil
        return (samples, total, next)
    }
}
