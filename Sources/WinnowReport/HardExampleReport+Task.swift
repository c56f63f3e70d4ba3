import Foundation
public import WinnowCore

extension HardExampleReport {
    /// The report of a filtering task: its service, dataset, model, training manifest, dates and status
    /// in the header, and its recorded summary (or, for a task run before summaries were recorded,
    /// `hardByReason` from its dataset and a note where the rest would be).
    public static func task(_ task: CollectionTask, hardByReason: [Int: Int]) -> HardExampleReport {
        let dates = ISO8601DateFormatter()
        var facts: [(name: String, value: String)] = [
            ("Batch service", task.serviceName), ("Task", task.id), ("Dataset", task.datasetName),
            ("Status", task.status.displayName),
        ]
        if let model = task.mining?.model { facts.append(("Model", model)) }
        facts.append(("Training manifest", task.mining.map { $0.trainingManifest ?? "none: the batch was its own reference" } ?? "not recorded"))
        facts.append(("Started", task.startedAt.map(dates.string(from:)) ?? "—"))
        if let finished = task.finishedAt { facts.append(("Finished", dates.string(from: finished))) }
        facts.append(("Scanned / hard selected / imported", "\(task.scanned) / \(task.hard) / \(task.imported)"))
        if let reason = task.failureReason { facts.append(("Notes", reason)) }
        var report = HardExampleReport(title: "Hard examples — \(task.serviceName), task \(task.id)", facts: facts, summary: task.mining)
        report.fallbackHardByReason = hardByReason
        return report
    }
}
