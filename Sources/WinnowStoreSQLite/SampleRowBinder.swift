import GRDB
import GRDBSQLite
import WinnowStore

/// Runs a prepared GRDB statement through SQLite's C API: binds each value in place and steps once.
///
/// Imports insert three rows per sample; binding through `StatementArguments` boxes every value in an
/// existential and allocated an array per row, which was a fifth of an import's CPU. Only for
/// statements that return no rows.
struct SampleRowBinder {
    private let statement: OpaquePointer
    private let connection: OpaquePointer?
    private var index: Int32 = 0

    init(_ statement: Statement, in db: Database) {
        self.statement = statement.sqliteStatement
        connection = db.sqliteConnection
        sqlite3_reset(self.statement)
        sqlite3_clear_bindings(self.statement)
    }

    mutating func bind(_ text: String?) {
        index += 1
        guard var text else { sqlite3_bind_null(statement, index); return }
        // SQLITE_TRANSIENT: SQLite copies the bytes, which are only valid during the call.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        text.withUTF8 { bytes in
            if bytes.isEmpty {
                _ = sqlite3_bind_text(statement, index, "", 0, transient)
            } else {
                _ = bytes.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), transient) }
            }
        }
    }

    mutating func bind(_ number: Double?) {
        index += 1
        if let number { sqlite3_bind_double(statement, index, number) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ integer: Int?) {
        index += 1
        if let integer { sqlite3_bind_int64(statement, index, Int64(integer)) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ flag: Bool) {
        bind(flag ? 1 : 0)
    }

    /// Executes the statement; returns how many rows it changed (0 when `OR IGNORE` ignored the row).
    func step() throws -> Int {
        let code = sqlite3_step(statement)
        defer { sqlite3_reset(statement) }
        guard code == SQLITE_DONE else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "error \(code)"
            throw StoreError(.backend, "SQLite: \(message) (code \(code)) in \(String(cString: sqlite3_sql(statement)))")
        }
        return Int(sqlite3_changes(connection))
    }
}
