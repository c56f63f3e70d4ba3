import Foundation
import WinnowReport

/// Writes a ``HardExampleReport`` to a file piece by piece (one thumbnail in memory at a time), into a
/// temporary file beside it that replaces the target only when complete.
enum HTMLReportFile {
    static func write(_ report: HardExampleReport, examples: [ReportExample], to path: String) async throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil), let handle = try? FileHandle(forWritingTo: temporary) else {
            throw CLIError("cannot write the report \(path): its folder is missing or not writable")
        }
        do {
            try await report.write(examples) { piece in try handle.write(contentsOf: Data(piece.utf8)) }
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else {
                throw CLIError("cannot move the finished report into place (errno \(errno))")
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError("cannot write the report \(path): \(error.localizedDescription)")
        }
    }

    /// Whether `path` names an HTML report (by its extension) rather than a JSON one.
    static func isHTML(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".html") || lowered.hasSuffix(".htm")
    }

    /// The local file behind a sample's source, or why there is none.
    static func localImage(_ source: String) -> (path: String?, problem: String?) {
        if source.contains("://") && !source.hasPrefix("file://") { return (nil, "not a local file: \(source)") }
        let path = source.hasPrefix("file://") ? String(source.dropFirst(7)) : source
        guard FileManager.default.fileExists(atPath: path) else { return (nil, "image not found: \(path)") }
        return (path, nil)
    }
}
