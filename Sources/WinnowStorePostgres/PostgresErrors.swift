import PostgresNIO
import WinnowStore

/// Turns PostgresNIO's errors into ``StoreError``s that say what the server said.
///
/// `PSQLError.description` is deliberately vague; the server's message and SQLSTATE are read from
/// its fields instead. A unique violation (23505) becomes `.duplicate`; everything else `.backend`.
enum PostgresErrors {
    static func storeError(_ error: any Error, doing what: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? PSQLError {
            if let info = error.serverInfo, let message = info[.message] {
                let state = info[.sqlState] ?? "?"
                var text = "PostgreSQL refused to \(what): \(message) (SQLSTATE \(state))"
                if let detail = info[.detail] { text += "; \(detail)" }
                return StoreError(state == "23505" ? .duplicate : .backend, text)
            }
            if let underlying = error.underlying {
                return StoreError(.backend, "PostgreSQL: cannot \(what): \(error.code): \(underlying)")
            }
            return StoreError(.backend, "PostgreSQL: cannot \(what): \(error.code)")
        }
        return StoreError(.backend, "PostgreSQL: cannot \(what): \(error)")
    }
}
