import ArgumentParser

/// `winnow`: the command-line tool, and the only place where concrete stores are chosen.
@main
struct Winnow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Find the hard examples in a vision model's batch output, and turn them into training data.",
        discussion: """
            Winnow reads and writes ModelArts manifests and PASCAL VOC files. Its data (an SQLite database
            and an object folder) lives in --data-dir, by default ./.winnow or $WINNOW_DATA_DIR.
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, DatasetCommand.self, MineCommand.self, ReportCommand.self, ModelCommand.self, ServiceCommand.self,
            CollectCommand.self, SamplesCommand.self, SampleDataCommand.self, ImageCommand.self, ServeCommand.self, WorkerCommand.self,
        ]
    )
}
