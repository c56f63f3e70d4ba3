import ArgumentParser
import Foundation

/// Options every command that touches stored data takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Folder holding the database and object store (default: $WINNOW_DATA_DIR or ./.winnow).", valueName: "folder"))
    var dataDirectory: String?

    @Option(name: .customLong("database"), help: ArgumentHelp(
        "Keep metadata in PostgreSQL at this postgres:// URL instead of SQLite in the data folder (default: $WINNOW_DATABASE_URL).",
        valueName: "url"))
    var databaseURL: String?

    /// The data folder: the option, else `WINNOW_DATA_DIR`, else `./.winnow`.
    var resolvedDataDirectory: String {
        if let dataDirectory, !dataDirectory.isEmpty { return dataDirectory }
        if let fromEnvironment = ProcessInfo.processInfo.environment["WINNOW_DATA_DIR"], !fromEnvironment.isEmpty { return fromEnvironment }
        return ".winnow"
    }

    /// The PostgreSQL URL: the option, else `WINNOW_DATABASE_URL`, else `nil` (SQLite in the data folder).
    var resolvedDatabaseURL: String? {
        if let databaseURL, !databaseURL.isEmpty { return databaseURL }
        if let fromEnvironment = ProcessInfo.processInfo.environment["WINNOW_DATABASE_URL"], !fromEnvironment.isEmpty { return fromEnvironment }
        return nil
    }
}

/// `--json` for list and show commands.
struct OutputOptions: ParsableArguments {
    @Flag(name: .customLong("json"), help: "Print JSON for scripts instead of a table.")
    var json = false
}
