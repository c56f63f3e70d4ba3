import Foundation
import WinnowCore
import WinnowEngine

/// Prints `mining: batch 1,024 …` at most once a second on standard error.
final class MiningProgressLine: @unchecked Sendable {
    private let quiet: Bool
    private let lock = NSLock()
    private var lastPrint = Date.distantPast

    init(quiet: Bool) {
        self.quiet = quiet
    }

    func show(_ progress: MiningProgress) {
        guard !quiet else { return }
        let now = Date()
        let due: Bool = lock.withLock {
            let finished = progress.total.map { progress.done >= $0 } ?? false
            guard finished || now.timeIntervalSince(lastPrint) >= 1 else { return false }
            lastPrint = now
            return true
        }
        guard due else { return }
        let total = progress.total.map { "/\($0)" } ?? ""
        let label = progress.stage == "reference" ? "measuring training images" : "scoring samples"
        Console.error("mining: \(label) \(progress.done)\(total)")
    }
}

/// The closing lines of `winnow mine`: totals and counts by reason.
enum MineSummary {
    static func print(_ run: MiningRun, elapsed: Double, out: String?, report: String?) {
        let result = run.result
        let rate = elapsed > 0 ? String(format: "%.0f", Double(run.entries) / elapsed) : "-"
        Console.out("\(run.entries) sample(s): \(result.scoredCount) scored, \(run.failures) without an answer, \(result.hardCount) hard, \(result.selection.count) selected (\(rate) samples/s)")
        for note in run.notes { Console.out("  \(note)") }
        var counts: [Int: Int] = [:]
        for sample in result.samples where sample.isSelected {
            for reason in sample.info?.reasons ?? [] { counts[reason, default: 0] += 1 }
        }
        if !counts.isEmpty {
            var table = TextTable("REASON", "ALIAS", "SELECTED")
            for reason in counts.keys.sorted() {
                table.add(String(reason), HardReason.withID(reason)?.alias ?? "?", String(counts[reason] ?? 0))
            }
            Console.out(table.rendered)
        }
        if run.problemCount > 0 {
            Console.error("\(run.problemCount) problem(s) did not stop mining:")
            for problem in run.problems.prefix(10) { Console.error("  \(problem)") }
        }
        if let out { Console.out("hard examples → \(out)") }
        if let report { Console.out("report → \(report)") }
    }
}
