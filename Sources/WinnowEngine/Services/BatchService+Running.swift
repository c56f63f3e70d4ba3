import Foundation
import WinnowCore

extension BatchService {
    /// Marks the service running under `runner` (a process, or the workers' marker), clearing what an
    /// earlier run left behind: its model server's PID, its error and its end time.
    mutating func markRunning(runner: String, now: Date = Date()) {
        status = .running
        self.runner = runner
        modelServerPID = nil
        error = nil
        finishedAt = nil
        startedAt = startedAt ?? now
        heartbeatAt = now
    }
}
