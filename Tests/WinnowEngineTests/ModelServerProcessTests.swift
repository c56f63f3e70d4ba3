import AsyncHTTPClient
import Foundation
import Testing
import WinnowCore
import WinnowEngine

/// A model server started from a Swift concurrency thread (whose signal mask blocks nearly everything)
/// starts with no signal blocked, so that SIGTERM stops it. Linux (/proc) with python3 only.
@Suite(.enabled(
    if: FileManager.default.fileExists(atPath: "/proc/self/status")
        && (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") },
    "skipped: needs Linux's /proc and python3"))
struct ModelServerProcessTests {
    static let instant = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/models/instant").path

    /// The `SigBlk` line of a process's status: which signals it blocks.
    static func blockedSignals(_ pid: Int32) throws -> String {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("SigBlk:") })
        return line.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespaces)
    }

    @Test func theServerStartsWithNothingBlockedAndStopsOnSIGTERM() async throws {
        let spec = try ModelSpec(from: try JSONParser.parse(try String(contentsOfFile: Self.instant + "/spec.json", encoding: .utf8)), directory: Self.instant)
        let server = ModelServerProcess(spec: spec, arguments: ["python3", "server.py"], client: .shared)
        try await server.start()
        let pid = server.processIdentifier
        #expect(pid > 0)
        #expect(try Self.blockedSignals(pid) == "0000000000000000")
        // SIGTERM alone ends it (the stop's SIGKILL comes only after two seconds).
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(1.5)
        while server.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.isRunning, "the server ignored SIGTERM")
        server.stop()
    }
}
