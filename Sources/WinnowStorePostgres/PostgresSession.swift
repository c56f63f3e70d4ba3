import Logging
import PostgresNIO

/// One leased connection, inside a transaction or not, with the few query shapes the store uses.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs a statement, discarding any rows.
    func execute(_ query: PostgresQuery) async throws {
        _ = try await connection.query(query, logger: logger).collect()
    }

    /// Every row of a query.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    /// Whether a query returns at least one row.
    func exists(_ query: PostgresQuery) async throws -> Bool {
        try await !rows(query).isEmpty
    }

    /// The first column of the first row, or `nil` when there is no row.
    func scalar<T: PostgresDecodable>(_ type: T.Type, _ query: PostgresQuery) async throws -> T? {
        guard let row = try await rows(query).first else { return nil }
        return try row.decode(T.self)
    }

    /// The number of rows a query returns (statements use `RETURNING 1` to count what they changed).
    func count(_ query: PostgresQuery) async throws -> Int {
        try await rows(query).count
    }
}
