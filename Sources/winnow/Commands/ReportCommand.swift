import ArgumentParser
import Foundation
import WinnowCore
import WinnowEngine
import WinnowReport
import WinnowStore

/// `winnow report --task ID --out report.html [--top N]`
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a filtering task's hard-example report as one self-contained HTML file.",
        discussion: """
            The page holds the task's totals, hard examples by reason, the coefficient histogram, the feature
            distributions of the batch against the training set, and thumbnails of the hardest examples it
            selected (boxes drawn for detection) with every reason, measured value, reference and suggestion. No
            script and nothing fetched: images are embedded, so the file can be mailed or archived. A task run
            before Winnow recorded its summary still gets a report; its charts say what was not recorded.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("task"), help: "The filtering task (winnow collect tasks lists them).")
    var task: String

    @Option(name: .customLong("out"), help: ArgumentHelp("Where to write the HTML report.", valueName: "file"))
    var out: String

    @Option(name: .customLong("top"), help: "Show this many of the hardest examples (default 50).")
    var top: Int = 50

    func run() async throws {
        try await reportingFailures {
            guard top >= 0 else { throw CLIError("--top must be 0 or more, got \(top)") }
            let environment = try WinnowEnvironment.open(global)
            guard let task = try await environment.tasks.task(id: self.task) else {
                throw CLIError("no collection task '\(self.task)' (winnow collect tasks --service NAME lists them)")
            }
            guard task.kind == .filter else {
                throw CLIError("task \(task.id) is a sync task; reports are made for hard-example filtering tasks")
            }
            let statistics = try await environment.store.statistics(datasetID: task.datasetID)
            let (samples, isTaskOwn) = try await TaskReportExamples.load(task, top: top, store: environment.store)
            let examples = samples.enumerated().map { rank, sample in
                let (path, problem) = HTMLReportFile.localImage(sample.source)
                return ReportExample(rank: rank + 1, sample: sample, imagePath: path, imageProblem: problem)
            }
            var report = HardExampleReport.task(task, hardByReason: statistics.byReason)
            report.facts.append(("Examples", TaskReportExamples.description(isTaskOwn: isTaskOwn)))
            try await HTMLReportFile.write(report, examples: examples, to: out)
            Console.out("report of task \(task.id): \(examples.count) example(s) → \(out)")
        }
    }
}
