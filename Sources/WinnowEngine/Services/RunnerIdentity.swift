import Foundation

/// Who runs a service: `host:pid`, and whether such a process is still alive.
enum RunnerIdentity {
    static let host = ProcessInfo.processInfo.hostName

    /// This process, as `host:pid`.
    static var current: String { "\(host):\(getpid())" }

    static func parse(_ text: String) -> (host: String, pid: Int32)? {
        guard let colon = text.lastIndex(of: ":"), let pid = Int32(text[text.index(after: colon)...]) else { return nil }
        return (String(text[..<colon]), pid)
    }

    /// Whether a process with this id exists on this host (and is not a zombie).
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        let status = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let state = status.split(separator: ")").last?.split(separator: " ").first
        return state != "Z"
    }

    /// Stops a model server left behind by a killed run: SIGTERM, then SIGKILL.
    static func terminateOrphan(_ pid: Int32) {
        guard isAlive(pid) else { return }
        kill(pid, SIGTERM)
        for _ in 0..<40 where isAlive(pid) { usleep(50_000) }
        if isAlive(pid) { kill(pid, SIGKILL) }
    }
}
