import PostgresNIO

/// Builds a statement whose shape depends on its input, binding every value as a parameter.
struct PostgresStatementBuilder {
    var sql = ""
    var bindings = PostgresBindings()
    private var parameters = 0

    init(_ sql: String = "") { self.sql = sql }

    /// Binds `value` and returns its placeholder (`$n`).
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
        bindings.append(value)
        parameters += 1
        return "$\(parameters)"
    }

    /// Binds an optional `value` (NULL when nil) and returns its placeholder.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        bindings.append(value)
        parameters += 1
        return "$\(parameters)"
    }

    var parameterCount: Int { parameters }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: bindings) }
}
