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

    /// The absolute path of a fixture file or folder, by path relative to `fixtures/`.
    static func path(_ relativePath: String) throws -> String {
        guard let directory else { throw CocoaError(.fileNoSuchFile) }
        return directory.appendingPathComponent(relativePath).path
    }
}

/// The small committed files in `Tests/WinnowImagingTests/Fixtures` (made by `make-fixtures.py`).
enum LocalFixtures {
    static let directory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The absolute path of a fixture.
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The bytes of a fixture.
    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: directory.appendingPathComponent(name))) }
}
