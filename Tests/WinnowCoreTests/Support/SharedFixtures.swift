import Foundation

/// Locates `../shared/fixtures` beside the package root. CI has it; a fresh clone elsewhere does not,
/// and tests that need it are skipped with a message saying so.
enum SharedFixtures {
    /// The package root, derived from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/fixtures`, or `nil` when the folder is absent.
    static var directory: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Whether the shared fixtures are present; use as `.enabled(if: SharedFixtures.available, "…")`.
    static var available: Bool { directory != nil }

    /// The message tests print when they skip.
    static let skipMessage = "skipped: ../shared/fixtures is absent (CI has it; a fresh clone may not)"

    /// The bytes of a fixture file, by path relative to `fixtures/`.
    static func bytes(_ relativePath: String) throws -> [UInt8] {
        guard let directory else { throw CocoaError(.fileNoSuchFile) }
        return Array(try Data(contentsOf: directory.appendingPathComponent(relativePath)))
    }
}
